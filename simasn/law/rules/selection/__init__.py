"""The ``selection`` rule family: CPNS selection by the yearly passing-grade decrees and the
procurement regulation (issue 14 item 3).

Single-case rules (``simasn law evaluate``, ``POST /api/v1/law/evaluate``) are listed in
:data:`RULE_ROWS`, which the registry wraps; the column-wise functions for a whole
selection are in :mod:`simasn.law.rules.selection.columns`.
"""

from __future__ import annotations

from simasn.law.rules.selection.final import (
    FinalRankingFacts,
    FinalScoreFacts,
    final_ranking,
    final_score,
)
from simasn.law.rules.selection.optimisation import OptimisationFacts, optimisation
from simasn.law.rules.selection.sanggah import (
    ApplicationLimitFacts,
    SanggahFacts,
    application_limit,
    sanggah_deadline,
)
from simasn.law.rules.selection.skd import (
    SkbParticipantsFacts,
    SkdPassFacts,
    skb_participants,
    skd_pass,
)

_PERMEN = ("PermenPANRB 27/2021", "PermenPANRB 6/2024")
_KEPMEN = ("KepmenPANRB 1023/2021", "KepmenPANRB 651/2023", "KepmenPANRB 321/2024")

#: (name, facts model, function, title_id, title_en, catalogue ids, articles)
RULE_ROWS = (
    ("selection.skd_pass", SkdPassFacts, skd_pass,
     "Kelulusan nilai ambang batas SKD", "SKD passing grade", ("R-OPEN",), _KEPMEN),
    ("selection.skb_participants", SkbParticipantsFacts, skb_participants,
     "Peserta SKB (peringkat dan batas 3 x formasi)", "Who proceeds to the SKB",
     ("R-OPEN",), (*_KEPMEN, *_PERMEN)),
    ("selection.final_score", FinalScoreFacts, final_score,
     "Nilai akhir integrasi SKD dan SKB", "Integrated final score", ("R-OPEN",),
     (*_PERMEN, "PermenPANRB 6/2024 Pasal 22 ayat (1)")),
    ("selection.final_ranking", FinalRankingFacts, final_ranking,
     "Peringkat akhir dan kelulusan per formasi", "Final ranking of a formasi", ("R-OPEN",),
     (*_PERMEN, "PermenPANRB 6/2024 Pasal 22 ayat (1)")),
    ("selection.sanggah_deadline", SanggahFacts, sanggah_deadline,
     "Masa sanggah dan pengumuman ulang", "Sanggah window and re-announcement", ("R-OPEN",),
     _PERMEN),
    ("selection.application_limit", ApplicationLimitFacts, application_limit,
     "Satu lamaran per periode seleksi", "One application per selection period", ("R-OPEN",),
     _PERMEN),
    ("selection.optimisation", OptimisationFacts, optimisation,
     "Optimalisasi formasi yang tidak terisi (perlu kajian hukum)", "Optimisation of unfilled formasi "
     "(needs legal review)", ("R-OPEN",), _PERMEN),
)

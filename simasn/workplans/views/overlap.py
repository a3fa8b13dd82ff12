"""Screens of the overlap detector (issue 13): a participant's mark on a pair, the model
versions with their measured quality and the retrain button, and the glossary with its
sources and the administrators' versions.
"""

from __future__ import annotations

from functools import partial
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.web.pages import form_page
from simasn.workplans import detection, selectors, services
from simasn.workplans import forms as f
from simasn.workplans.models import Activity, DetectorModel, GlossaryEntryVersion, LabelledPair
from simasn.workplans.tasks import retrain_detector
from simasn.workplans.views._common import W, _can, _form_errors, _require, _run

#: Names of the glossary's kinds on the screens.
KIND_LABELS = {
    "abbreviation": gettext_lazy("Singkatan"), "former_name": gettext_lazy("Nama lama"),
    "synonyms": gettext_lazy("Padanan kata"), "contrast": gettext_lazy("Pembeda"),
    "own_institution": gettext_lazy("Urusan internal lembaga"), "scope_national": gettext_lazy("Lingkup nasional"),
    "institution": gettext_lazy("Nama instansi"),
}


@login_required
@require_POST
def pair_mark(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    _require(request, Resource.WORKPLAN_LABEL, Action.CREATE)
    back = reverse("workplans:analysis", args=[pk]) + f"?jenis={request.POST.get('jenis', '')}#tumpang-tindih"
    form = f.PairMarkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return HttpResponseRedirect(back)
    data = form.cleaned_data
    acts = {a.pk: a for a in Activity.objects.filter(pk__in=[data["activity_a"], data["activity_b"]])}
    if len(acts) != 2:
        messages.error(request, _("Pilih dua kegiatan yang berbeda."))
        return HttpResponseRedirect(back)
    return _run(request, lambda: services.pair_mark(
        actor=request.user, interface=W, cycle=cycle, activity_a=acts[data["activity_a"]],
        activity_b=acts[data["activity_b"]], is_overlap=data["is_overlap"], note=data["note"]),
        _("Tanda dicatat; model belajar darinya pada pelatihan ulang berikutnya."), back)


@login_required
def detector_page(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.WORKPLAN_DETECTOR)
    if request.method == "POST":
        _require(request, Resource.WORKPLAN_DETECTOR, Action.CREATE)
        note = request.POST.get("note", "")
        return _run(request, lambda: services.detector_retrain_request(
            actor=request.user, interface=W, note=note,
            enqueue=partial(retrain_detector.enqueue, user_id=cast(int, request.user.pk), note=note)),
            _("Pelatihan ulang dijadwalkan; versi baru tampil di sini setelah selesai."), reverse("workplans:detector"))
    detector = detection.detector()
    gloss = detector.glossary
    kinds: dict[str, int] = {}
    for entry in gloss.entries:
        kinds[entry.kind] = kinds.get(entry.kind, 0) + 1
    return render(request, "workplans/detector.html", {
        "title": _("Deteksi tumpang tindih: model dan glosarium"), "detector": detector, "model": detector.model,
        "versions": DetectorModel.objects.select_related("created_by")[:20],
        "labels": LabelledPair.objects.count(),
        "labels_by_origin": {o: LabelledPair.objects.filter(origin=o).count() for o in LabelledPair.Origin.values},
        "kinds": [(k, KIND_LABELS.get(k, k), n) for k, n in sorted(kinds.items())], "glossary": gloss,
        "trained_at": parse_datetime(detector.model.trained_at) if detector.model.trained_at else None,
        "can_retrain": _can(request, Resource.WORKPLAN_DETECTOR, Action.CREATE)})


@login_required
def glossary_page(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.WORKPLAN_GLOSSARY)
    gloss = detection.glossary()
    q = (request.GET.get("q") or "").strip().lower()
    kind = request.GET.get("jenis") or ""
    rows: list[dict[str, Any]] = []
    for entry in gloss.entries:
        text = " ".join([entry.id, *entry.terms, entry.means, entry.dimension, *(t for m in entry.members for t in m)])
        if (q and q not in text.lower()) or (kind and entry.kind != kind):
            continue
        rows.append({"entry": entry, "source": gloss.source_of(entry), "kind": KIND_LABELS.get(entry.kind, entry.kind)})
    return render(request, "workplans/glossary.html", {
        "title": _("Glosarium istilah ASN"), "rows": rows, "q": q, "kind": kind, "total": len(gloss.entries),
        "kinds": list(KIND_LABELS.items()),
        "versions": GlossaryEntryVersion.objects.select_related("created_by").order_by("-id")[:50],
        "can_add": _can(request, Resource.WORKPLAN_GLOSSARY, Action.CREATE)})


@login_required
def glossary_add(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.WORKPLAN_GLOSSARY, Action.CREATE)
    initial = {}
    key = request.GET.get("entri") or ""
    if key:
        entry = detection.glossary().get(key)
        if entry is not None:
            initial = f.GlossaryEntryForm.initial_for(entry)
    return form_page(request, form=f.GlossaryEntryForm(request.POST or None, initial=initial),
                     template="web/form.html", base_template="workplans/base.html",
                     title=_("Versi baru entri glosarium"),
                     submit=lambda d: services.glossary_entry_add(actor=request.user, interface=W, **f.GlossaryEntryForm.service_args(d)),
                     success_url=lambda o: reverse("workplans:glossary"),
                     success_message=_("Versi entri glosarium disimpan dan langsung berlaku."),
                     context={"cancel_url": reverse("workplans:glossary")})

"""Writes of the procurement chapter, one module per step of the procedure:
``portal`` (periods and vacancies), ``registration`` (accounts, drafts, documents, the
idempotent submit and its outbox), ``verification`` (verdicts, announcements, sanggah),
``selection`` (CAT results, ranking, final results) and ``appointment``."""

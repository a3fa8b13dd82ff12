"""Column-wise checks of a chunk of register rows: the fast path of bulk import.

`ColumnChecker.accept` answers, for every row of an Arrow chunk at once, "this row
passes every check of the row-wise path" — the Employee fields' own length, choice and
blank rules, the date format, the references in the caller's scope, and
`validate_employee_data` (the law's NIP rule through `simasn.law.rules.nip.
nip_agrees_columns`, the rank list in force, contract and TMT dates, the law's
`position_filling_column_check` for positions).
It is deliberately one-sided: a row it does not accept is not refused here but handed
to `simasn.bulk.rows.RowChecker`, which decides and writes the Indonesian reasons. So
the row-wise checker stays the single place that explains a refusal, and a row is
loaded only if the row-wise rules would load it (pinned by tests that run the same
files through both paths).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from django.core.validators import MaxLengthValidator

from simasn.bulk.layout import FIELD_TO_COLUMN
from simasn.bulk.reading import EXTRA
from simasn.bulk.references import CachedReferences
from simasn.bulk.rows import CHAR_FIELDS, DATE_FIELDS, RowChecker
from simasn.law.enums import EmployeeStatus, EmployeeType
from simasn.law.rules.nik import nik_column_check
from simasn.law.rules.nip import nip_column_check
from simasn.law.rules.position_filling import position_filling_column_check
from simasn.personnel import phone

ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


@dataclass
class Accepted:
    """The rows of a chunk the fast path accepts, as typed columns for the loaders."""

    mask: np.ndarray  # per row of the chunk: accepted
    blank: np.ndarray  # per row: every cell empty (skipped, as the row-wise path does)
    columns: dict[str, pa.Array]  # loader columns (DB_COLUMNS + position_start), accepted rows only


def iso_dates(text: pa.Array) -> tuple[pa.Array, pa.Array]:
    """(dates, ok): ok where the text is exactly a real YYYY-MM-DD date. Arrow's strptime
    rolls 2023-02-30 over to 2023-03-02, so the parsed month and day must be the written ones."""
    iso = pc.match_substring_regex(text, ISO_DATE)
    safe = pc.if_else(iso, text, "2000-01-01")
    parsed = pc.cast(pc.strptime(safe, format="%Y-%m-%d", unit="s", error_is_null=True), pa.date32())
    same = _and(pc.equal(pc.month(parsed), pc.cast(pc.utf8_slice_codeunits(safe, 5, 7), pa.int64())),
                pc.equal(pc.day(parsed), pc.cast(pc.utf8_slice_codeunits(safe, 8, 10), pa.int64())))
    ok = pc.fill_null(_and(iso, same), False)
    return pc.if_else(ok, parsed, pa.scalar(None, pa.date32())), ok


def _and(*arrays: Any) -> Any:
    result = arrays[0]
    for array in arrays[1:]:
        result = pc.and_kleene(result, array)
    return result


class ColumnChecker:
    def __init__(self, row_checker: RowChecker) -> None:
        self.rows = row_checker
        refs: CachedReferences = row_checker.references
        self.on = row_checker.on
        self.instansi_codes = pa.array(list(refs.instansi_by_code), type=pa.string())
        self.instansi_ids = pa.array(list(refs.instansi_by_code.values()), type=pa.int64())
        self.allowed = None if row_checker.allowed is None else pa.array(sorted(row_checker.allowed), type=pa.int64())
        self.unit_keys, self.unit_ids = self._keyed(refs.unit_by_code)
        self.position_keys, self.position_ids = self._keyed(refs.position_by_code)
        ids = sorted(refs.positions)
        self.position_id_list = pa.array(ids, type=pa.int64())
        self.position_open_to_pppk = pa.array([refs.positions[i].open_to_pppk for i in ids], type=pa.bool_())
        self.position_kind = pa.array([refs.positions[i].kind for i in ids], type=pa.string())
        self.position_instansi_kind = pa.array([refs.instansi_kind(refs.positions[i].instansi_id) for i in ids],
                                               type=pa.string())
        self.nip_agrees = nip_column_check(self.on)  # parameters read here, once: accept() needs no database
        self.nik_agrees = nik_column_check(self.on)
        self.filling_allowed = position_filling_column_check(self.on)
        self.ranks = {t.value: pa.array(refs.rank_codes(t.value, self.on), type=pa.string()) for t in EmployeeType}

    @staticmethod
    def _keyed(table: dict[tuple[int, str], int]) -> tuple[pa.Array, pa.Array]:
        return (pa.array([f"{instansi}\x1f{code}" for instansi, code in table], type=pa.string()),
                pa.array(list(table.values()), type=pa.int64()))

    def accept(self, chunk: pa.Table) -> Accepted:
        n = chunk.num_rows
        ok = pa.array(np.ones(n, dtype=bool))
        trimmed: dict[int, pa.Array] = {}
        blank = np.ones(n, dtype=bool)
        used = set(self.rows.index.values())
        if EXTRA in chunk.column_names:  # cells beyond the header: left to the row-wise checker
            ok = pc.and_(ok, pc.equal(chunk.column(EXTRA).combine_chunks(), ""))
        for i in range(chunk.num_columns):
            raw = chunk.column(i).combine_chunks()
            trimmed[i] = pc.utf8_trim_whitespace(raw)
            blank &= pc.equal(pc.binary_length(trimmed[i]), 0).to_numpy(zero_copy_only=False)
            if i in used:
                # Control characters go row-wise: NUL cannot be stored, and \x1c-\x1f are
                # stripped by Python's str.strip() but not by Arrow's trim.
                ok = pc.and_(ok, pc.utf8_is_printable(raw))

        def value(column: str) -> pa.Array:
            index = self.rows.index.get(column)
            if index is None or index >= chunk.num_columns:
                return pa.array([""] * n, type=pa.string())
            return trimmed[index]

        out: dict[str, pa.Array] = {}
        for name in CHAR_FIELDS:
            field = self.rows.fields[name]
            text = value(FIELD_TO_COLUMN[name])
            if field.choices:  # codes are case-insensitive, spaces as "_" (rows.code_text)
                text = pc.replace_substring_regex(pc.utf8_upper(text), r"\s+", "_")
            empty = pc.equal(text, "")
            fine = pc.less_equal(pc.utf8_length(text), field.max_length) if field.max_length else empty
            if field.choices:
                fine = _and(fine, pc.is_in(text, value_set=pa.array([str(c[0]) for c in field.flatchoices],
                                                                    type=pa.string())))
            if any(not isinstance(v, MaxLengthValidator) for v in field.validators):
                fine = empty  # e.g. e-mail addresses: checked row-wise
            ok = _and(ok, pc.if_else(empty, field.blank, fine))
            out[name] = text
        for name in DATE_FIELDS:
            text = value(FIELD_TO_COLUMN[name])
            parsed, iso = iso_dates(text)
            empty = pc.equal(text, "")
            ok = _and(ok, pc.fill_null(pc.if_else(empty, name != "birth_date", iso), False))
            out[name] = pc.if_else(empty, pa.scalar(None, pa.date32()), parsed)
        ok = _and(ok, self._references(value, out), self._register_rules(out))
        start_text = value("TMT_JABATAN")
        start, start_iso = iso_dates(start_text)
        start_ok = pc.if_else(pc.equal(start_text, ""), True, start_iso)
        ok = _and(ok, start_ok)
        out["position_start"] = pc.if_else(pc.equal(start_text, ""),
                                           pc.coalesce(out["tmt_cpns"], out["contract_start"]), start)
        mask = pc.fill_null(ok, False).to_numpy(zero_copy_only=False) & ~blank
        keep = pa.array(mask)
        columns = {name: pc.filter(array, keep) for name, array in out.items()}
        kept = int(mask.sum())
        columns["status"] = pa.array([EmployeeStatus.AKTIF.value] * kept, type=pa.string())
        columns["disability"] = columns["home_address"] = pa.array([""] * kept, type=pa.string())
        return Accepted(mask=mask, blank=blank, columns=columns)

    def _references(self, value: Any, out: dict[str, pa.Array]) -> pa.Array:
        instansi = pc.take(self.instansi_ids, pc.index_in(value("INSTANSI_KODE"), value_set=self.instansi_codes))
        ok = pc.is_valid(instansi)
        if self.allowed is not None:
            ok = _and(ok, pc.is_in(instansi, value_set=self.allowed))
        out["instansi_id"] = instansi
        prefix = pc.binary_join_element_wise(pc.cast(instansi, pa.string()), pa.scalar(""), "\x1f")
        for column, key, keys, ids in (("UNOR_KODE", "unit_id", self.unit_keys, self.unit_ids),
                                       ("JABATAN_KODE", "position_id", self.position_keys, self.position_ids)):
            code = value(column)
            found = pc.take(ids, pc.index_in(pc.binary_join_element_wise(prefix, code, ""), value_set=keys))
            given = pc.not_equal(code, "")
            ok = _and(ok, pc.if_else(given, pc.is_valid(found), True))
            out[key] = pc.if_else(given, found, pa.scalar(None, pa.int64()))
        return ok

    def _register_rules(self, out: dict[str, pa.Array]) -> pa.Array:
        """validate_employee_data, column-wise (simasn.personnel.services)."""
        kind = out["employee_type"]
        pns, pppk = pc.equal(kind, EmployeeType.PNS.value), pc.equal(kind, EmployeeType.PPPK.value)
        nip_ok = self.nip_agrees(
            nip=out["nip"], employee_type=kind, birth_date=out["birth_date"], sex=out["sex"],
            tmt_cpns=out["tmt_cpns"], contract_start=out["contract_start"],
        )
        rank = out["rank"]
        rank_ok = pc.if_else(
            pc.equal(rank, ""), True,
            pc.if_else(pns, pc.is_in(rank, value_set=self.ranks["PNS"]),
                       pc.if_else(pppk, pc.is_in(rank, value_set=self.ranks["PPPK"]), False)))
        start, end = out["contract_start"], out["contract_end"]
        contract_ok = pc.if_else(pppk, _and(pc.is_valid(start),
                                            pc.if_else(pc.is_valid(end), pc.greater(end, start), True)), True)
        tmt_ok = pc.if_else(pns, pc.is_valid(out["tmt_cpns"]), True)
        born_ok = pc.less_equal(out["birth_date"], pa.scalar(self.on, pa.date32()))
        nik = out["nik"]
        nik_ok = pc.if_else(pc.equal(nik, ""), True,
                            self.nik_agrees(nik=nik, birth_date=out["birth_date"], sex=out["sex"]))
        phone_text = pc.replace_substring_regex(out["phone"], phone.SEPARATORS.pattern, "")
        phone_ok = pc.if_else(pc.equal(out["phone"], ""), True,
                              pc.match_substring_regex(phone_text, phone.PATTERN))
        # The order of the dates (law rule employee_dates): a missing date passes.
        birth = out["birth_date"]
        order_ok = pc.fill_null(pc.greater_equal(out["tmt_pns"], out["tmt_cpns"]), True)
        for name in ("tmt_cpns", "tmt_pns", "contract_start"):
            order_ok = _and(order_ok, pc.fill_null(pc.greater(out[name], birth), True))
        # The law's R-FILL rule, column-wise: a row it does not allow (refused, or needing
        # legal review) goes to the row-wise checker, which explains or records it.
        at = pc.index_in(out["position_id"], value_set=self.position_id_list)
        allowed = self.filling_allowed(
            candidate_type=kind, position_kind=pc.take(self.position_kind, at),
            instansi_kind=pc.take(self.position_instansi_kind, at),
            designated=pc.if_else(pppk, pc.take(self.position_open_to_pppk, at), pa.scalar(None, pa.bool_())))
        position_ok = pc.if_else(pc.is_valid(out["position_id"]), pc.fill_null(allowed, False), True)
        return pc.fill_null(_and(nip_ok, nik_ok, phone_ok, order_ok, rank_ok, contract_ok, tmt_ok, born_ok, position_ok),
                           False)


def accepted_rows(accepted: Accepted) -> list[dict[str, Any]]:
    """The accepted rows as the dicts the row-wise path produces (for the SQLite loader)."""
    names = list(accepted.columns)
    values = [accepted.columns[name].to_pylist() for name in names]
    return [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]

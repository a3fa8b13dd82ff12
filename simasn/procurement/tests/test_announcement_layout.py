"""The attachment of a selection announcement is a table a reader follows row by row: a row
is never cut in two by a page break (seen on a rendered SKD announcement of the demo, where one
applicant's position and result went to the next page without the name)."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from simasn.procurement import documents


def test_no_row_of_the_attachment_is_split_across_pages() -> None:
    header = ["No", "Nomor tanda terima", "Nama", "Jabatan", "Total", "Keterangan"]
    # Rows of different heights, as long names and positions wrap, so some row meets a page end.
    rows = [[str(i), f"ROW{i}START", "Nama Pelamar Yang Panjang " * (i % 4) + str(i),
             "Pranata Komputer Terampil", "380", f"Lulus nilai ambang batas ROW{i}END"] for i in range(1, 61)]
    paragraphs = ["PEMERINTAH KOTA CONTOH", "PENGUMUMAN", "NOMOR 001/PANSEL-SKD/KOTA-CONTOH/2026", "TENTANG",
                  "HASIL SELEKSI", "SELEKSI CPNS 2026", "DI LINGKUNGAN PEMERINTAH KOTA CONTOH", "", "Isi.",
                  "Dikeluarkan di Contoh", "pada tanggal 1 Desember 2026", "Wali Kota Contoh,",
                  "ditandatangani secara elektronik", "Nama Pejabat"]
    pdf = documents.render_pdf("procurement/announcement.pdf.html", {
        "text": "\n".join(paragraphs), "header": header, "rows": rows, "paragraphs": paragraphs,
        "verify_line": "Periksa di http://simasn.test/"})
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) >= 3  # the attachment does run over more than one page
    for text in pages:
        starts = set(re.findall(r"ROW(\d+)START", text))
        ends = set(re.findall(r"ROW(\d+)END", text))
        assert starts == ends
    assert set().union(*(re.findall(r"ROW(\d+)END", t) for t in pages)) == {str(i) for i in range(1, 61)}

"""The template's Notes sheet prints readably: one page wide, nothing cut at the
page edge, no line of text drawn over another (checked in LibreOffice's PDF)."""

from __future__ import annotations

import subprocess
from collections import defaultdict

import pytest

from se_graph.sample import write_template
from tests.browser.conftest import need


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    soffice = need("soffice")
    tmp = tmp_path_factory.mktemp("print")
    out = []
    for path in write_template(tmp / "t"):
        done = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp / 'lo'}", "--convert-to",
                               "pdf", "--outdir", str(tmp / "pdf"), str(path)], capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        out.append(tmp / "pdf" / f"{path.stem}.pdf")
    return out


def runs(page) -> list[tuple[float, float, float, str]]:
    """Each piece of text drawn on the page: x, baseline y, font size, text."""
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((x, y, size * abs(tm[0] * cm[0] or 1), text))

    page.extract_text(visitor_text=visit)
    return found


def test_notes_print_one_page_wide_with_no_text_over_text(printed):
    from pypdf import PdfReader

    for pdf in printed:
        pages = [p for p in PdfReader(pdf).pages if "What to write" in p.extract_text()]
        assert pages, f"{pdf.name}: no Notes page"
        for page in pages:
            text = page.extract_text()
            assert "Column" in text, "both columns on one page: one page wide"
            drawn = runs(page)
            right = float(page.mediabox.right)
            assert all(x < right for x, _, _, _ in drawn)
            by_column = defaultdict(list)
            for x, y, size, _ in drawn:
                by_column[round(x)].append((y, size))
            for column in by_column.values():
                ys = sorted(column, reverse=True)
                for (y1, s1), (y2, _) in zip(ys, ys[1:]):
                    assert y1 - y2 >= 0.9 * s1, f"{pdf.name}: lines {y1:.1f} and {y2:.1f} overlap"
        words = " ".join(" ".join(p.extract_text().split()) for p in pages)
        # the end of every note is on the page: no text cut at its right edge
        import openpyxl

        book = openpyxl.load_workbook(pdf.parent.parent / "t" / f"{pdf.stem}.xlsx", read_only=True)
        notes = [row[1] for row in book["Notes"].iter_rows(values_only=True) if row[1]]
        assert len(notes) > 20
        for note in notes:
            end = " ".join(note.split()[-3:])
            assert end in words, (pdf.name, end)

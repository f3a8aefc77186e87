"""Regenerate the audit screenshots in docs/img (not a test):

    .venv/bin/python -m tests.audit.screenshots
    .venv/bin/python -m tests.audit.screenshots --pages DIR

Audits the sample set with every defect injected, then renders index.html in
headless chromium (network blocked) and Annex A and an annotated workbook
through LibreOffice headless (PDF, rasterised with Ghostscript).  With
``--pages DIR``, writes instead every HTML page of that audit as a laptop shows
it (1366x768: the window, and the whole page) into DIR, to look at."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IMG = ROOT / "docs" / "img"


def soffice_pdf(path: Path, out: Path, profile: Path) -> Path:
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=300)
    return out / f"{path.stem}.pdf"


def raster(pdf: Path, png: Path, dpi: int, crop: tuple[float, float, float, float] | None = None) -> None:
    from PIL import Image

    subprocess.run(["gs", "-q", "-sDEVICE=png16m", f"-r{dpi}", "-dFirstPage=1", "-dLastPage=1", "-o", str(png),
                    str(pdf)], check=True)
    if crop:
        im = Image.open(png)
        w, h = im.size
        im.crop((int(crop[0] * w), int(crop[1] * h), int(crop[2] * w), int(crop[3] * h))).save(png)


def data_sheet_print(src: Path, dst: Path, sheet: str, area: str) -> None:
    """The same cells, with only the data sheet printed: its first rows, landscape, one page."""
    import openpyxl

    book = openpyxl.load_workbook(src)
    ws = book[sheet]
    ws.print_area = area
    ws.page_setup.orientation, ws.page_setup.paperSize = "landscape", 9
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 1
    for other in book.worksheets:
        if other.title != sheet:
            other.sheet_state = "hidden"
    book.active = book.sheetnames.index(sheet)
    book.save(dst)


LAPTOP = {"width": 1366, "height": 768}
PAGES = ("index.html", "summary.html", "annex-a.html", "graph.html")


def laptop_pages(browser, audit: Path, out: Path) -> None:
    """Each page at 1366x768: <page>.png the window, <page>.full.png the whole page."""
    out.mkdir(parents=True, exist_ok=True)
    for name in PAGES:
        page = browser.new_page(viewport=LAPTOP)
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        page.goto((audit / name).as_uri())
        if name == "graph.html":
            page.wait_for_function("window.__seGraphFirstDraw !== undefined", timeout=30000)
        page.screenshot(path=str(out / f"{name}.png"))
        page.screenshot(path=str(out / f"{name}.full.png"), full_page=True)
        page.close()


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    from se_graph.cli import main as cli

    argv = sys.argv[1:] if argv is None else argv
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cli(["sample", "-o", str(tmp / "in"), "--defects"])
        cli(["audit", str(tmp / "in"), "-o", str(tmp / "audit")])
        audit = tmp / "audit"
        if argv[:1] == ["--pages"]:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                            args=["--headless", "--no-sandbox", "--disable-gpu"])
                laptop_pages(browser, audit, Path(argv[1]))
                browser.close()
            return 0
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                        args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 1500})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
            page.goto((audit / "index.html").as_uri())
            page.screenshot(path=str(IMG / "audit-index.png"))
            browser.close()
        annex = soffice_pdf(audit / "annex-a.xlsx", tmp / "pdf", tmp / "lo")
        raster(annex, IMG / "audit-annex-a.png", 110, (0, 0, 1, 0.75))
        book = audit / "moc-secure-excluded-from-dmct.annotated.xlsx"
        findings = soffice_pdf(book, tmp / "pdf", tmp / "lo")
        raster(findings, IMG / "audit-annotated-findings.png", 110, (0, 0, 1, 0.55))
        data_sheet_print(book, tmp / "sheet.xlsx", "Excluded from DMCT", "A1:AD26")
        sheet = soffice_pdf(tmp / "sheet.xlsx", tmp / "pdf", tmp / "lo")
        raster(sheet, IMG / "audit-annotated-sheet.png", 220, (0.48, 0.085, 0.98, 0.36))
    return 0


if __name__ == "__main__":
    sys.exit(main())

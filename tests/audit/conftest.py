import pytest

from tests.checks.conftest import check  # noqa: F401  (shared fixture)
from tests.builders import DEVICES, excluded, row_child, row_tested, status_list

NO_GSME = {"GSME.manufacturer": None, "GSME.model": None, "GSME.firmware": None}


def fw_source(entry_id: str, target: str, status: str, installs: int, devices: int | None, **fields) -> dict:
    return {"entry_id": entry_id, "cohort": "MOC Secure", "install_status": status, **DEVICES,
            "CHF.firmware": "0.9", "exclusion_reason": "Firmware Upgrade", "upgrade_to": target,
            "target_fw": "N", "installs": installs, "devices": devices, **fields}


@pytest.fixture
def hand_worked(tmp_path):
    """A dataset whose section 1 tables were worked out by hand (see test_summary)."""
    status = [
        row_tested("000001", "Dormant", installs=100, devices=300),
        {**row_tested("000002", "Active", installs=50), "dmct_status": "Covered by Dormant",
         "test_report": None, "sit_report": "SIT report 000002"},  # Devices blank: 50 x 3
        row_tested("000003", "Mixed", installs=20, devices=60),
        {**row_tested("000041", "Active", installs=500, devices=1500), "dmct_status": "In Test",
         "test_report": None, "epcl_report": None},
    ]
    excl = [
        row_child("000010", "000001", "Dormant", installs=10, **NO_GSME),  # blank Devices: 10 x 2
        row_child("000011", "000002", "Active", installs=5, devices=15),
        fw_source("000020", "000021", "Active", 7, 21),  # two hops to 000002
        fw_source("000021", "000002", "Active", 3, 9, **{"CHF.firmware": "0.95"}),
        {**fw_source("000030", "000010", "Dormant", 4, None), "ESME.firmware": "2.4", **NO_GSME},
        fw_source("000031", "000003", "Mixed", 9, 27),
        {**row_child("000040", "000001", "Active", installs=1000, devices=3000),
         "exclusion_reason": "Uneconomic to Test", "parent_id": None, "epcl_report": None},
    ]
    return [status_list(tmp_path / "status.xlsx", status), excluded(tmp_path / "excluded.xlsx", excl)]


def soffice_convert(path, target: str, outdir, profile) -> list:
    """Convert with LibreOffice headless as a user's LibreOffice would open the file;
    the files written. ``target`` 'csv-all' writes one CSV per sheet."""
    import subprocess

    from tests.browser.conftest import need

    soffice = need("soffice")
    spec = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
        if target == "csv-all" else target
    done = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", spec,
                           "--outdir", str(outdir), str(path)], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    written = sorted(p for p in outdir.glob(f"{path.stem}*") if p.suffix != path.suffix)
    assert written, f"LibreOffice wrote nothing for {path.name}: {done.stdout} {done.stderr}"
    return written


def sheets_as_csv(path, tmp_path) -> dict:
    """Every sheet of a workbook as LibreOffice reads it: sheet name -> CSV text."""
    out = tmp_path / f"csv-{path.stem}"
    files = soffice_convert(path, "csv-all", out, tmp_path / "lo")
    stem = path.stem + "-"
    return {f.stem[len(stem):] if f.stem.startswith(stem) else f.stem: f.read_text(encoding="utf-8") for f in files}


@pytest.fixture
def audit_browser(browser):
    """The one session-wide chromium (tests/conftest.py): two sync Playwrights
    cannot run at once in one thread, whatever order the tests run in."""
    return browser


@pytest.fixture
def offline_page(audit_browser):
    """offline_page(path, size=(1300, 900)) -> (page, requests that tried to leave, errors incl. CSP refusals)."""
    pages = []

    def run(path, size=(1300, 900)):
        page = audit_browser.new_page(viewport={"width": size[0], "height": size[1]})
        left, errors = [], []

        def route(r):
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                left.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.goto(path.resolve().as_uri())
        pages.append(page)
        return page, left, errors

    yield run
    for page in pages:
        page.close()

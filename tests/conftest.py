import sys
from pathlib import Path

# the tests import their shared builders as ``tests.builders``
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


import os  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# Hypothesis: enough examples in every test run to find a regression, and many
# more in `make fuzz` (HYPOTHESIS_PROFILE=fuzz), which runs the long slices
settings.register_profile("quick", max_examples=50)
settings.register_profile("fuzz", max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))

# pytest-xdist's workers get COLUMNS=80 from it; the tests expect what a pipe
# gets when no width is set (140 columns), as in a run without workers
if os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ.pop("COLUMNS", None)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian chromium through Playwright, one for the whole run (the
    explorer's and the audit's browser tests share it)."""
    from tests.browser.conftest import CHROMIUM_ARGS, need

    executable = need("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()

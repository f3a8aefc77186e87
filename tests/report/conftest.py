from tests.checks.conftest import check  # noqa: F401  (shared fixture)

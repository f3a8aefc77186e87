import pytest

from se_graph.assessment import assess as analyse
from se_graph.model.config import Config
from tests.builders import excluded, status_list


@pytest.fixture
def check(tmp_path):
    """check(status_rows, excluded_rows, **analyse_kwargs) -> Analysis on real workbooks."""
    counter = iter(range(1000))

    def run(status_rows=(), excluded_rows=(), config: Config | None = None, **kwargs):
        n = next(counter)
        paths = []
        if status_rows:
            paths.append(status_list(tmp_path / f"status-{n}.xlsx", list(status_rows)))
        if excluded_rows:
            paths.append(excluded(tmp_path / f"excluded-{n}.xlsx", list(excluded_rows)))
        return analyse(paths, config, **kwargs)

    return run


def found(analysis):
    return sorted((f.code, f.entry) for f in analysis.findings)

from pathlib import Path

import pytest

from tests.hostile.make_corpus import BIG


@pytest.fixture(scope="package")
def bombs(tmp_path_factory) -> Path:
    """The corpus's large files (bombs, a million formatted rows), made at test time
    once for every test here: they are too large to commit, and take seconds to make."""
    folder = tmp_path_factory.mktemp("bombs")
    for name, make in BIG.items():
        (folder / name).write_bytes(make())
    return folder

"""Identical bytes for identical inputs: a .docx is a zip whose members carry
the time they were written, and whose core properties carry the times the
document was created and saved.  Both are fixed here."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from se_graph.report.audit.xlsx import write_zip

EPOCH = datetime(2000, 1, 1)  # the document date when the report gives none


def fix_properties(document, when: datetime | None = None) -> None:
    """Core properties that name no machine, person or clock."""
    props = document.core_properties
    props.author = props.last_modified_by = "se-graph"
    props.created = props.modified = when or EPOCH
    if props.last_printed is not None:
        props.last_printed = when or EPOCH
    props.revision = 1
    props.comments = ""


def fixed_docx(data: bytes) -> bytes:
    """The same package with every member dated 1980-01-01, in its own order
    ([Content_Types].xml stays first, as Word expects)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
    return write_zip(parts)

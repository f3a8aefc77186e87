"""The fast way rows become entries is an ordinary Entry in every respect."""

import dataclasses
import pickle
from itertools import repeat

import pytest

from se_graph.model import Device, Entry, Source, entries_from_columns

SOURCE = Source(path="a.xlsx", sheet="Data", kind="status-list", header_row=1,
                columns=(("entry_id", "EPCL ID", 1),))
ESME = Device("ESME", "Maker", "M1", "1.0", "2.0")


def _columns():
    ids = ["000001", "000002", "000003"]
    values = {
        "entry_id": ids,
        "source": repeat(SOURCE),
        "row": [2, 3, 4],
        "cohort": ["FOC", "FOC", "MOC Secure"],
        "devices": [(ESME,), (), (ESME,)],
        "dmct_status": ["tested", None, "failed"],
        "installs": [10, None, 0],
        "known": repeat(frozenset({"entry_id", "dmct_status"})),
    }
    return [values.get(name) or repeat(None) for name in Entry.__dataclass_fields__]


def test_built_entries_equal_plainly_built_ones():
    fast = entries_from_columns(*_columns())
    plain = list(map(Entry, *_columns()))
    assert fast == plain
    assert [hash(e) for e in fast] == [hash(e) for e in plain]
    assert all(type(e) is Entry for e in fast)
    assert [repr(e) for e in fast] == [repr(e) for e in plain]


def test_built_entries_stay_frozen():
    entry = entries_from_columns(*_columns())[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.row = 9
    assert dataclasses.replace(entry, row=9).row == 9
    assert entry.row == 2


def test_built_entries_pickle_as_entries():
    fast = entries_from_columns(*_columns())
    assert pickle.loads(pickle.dumps(fast)) == fast


def test_unset_fields_take_entrys_defaults():
    # the draft is made from Entry's own fields: a default there is a default here
    entry = entries_from_columns(["000009"], [SOURCE], [7])[0]
    assert entry == Entry(entry_id="000009", source=SOURCE, row=7)

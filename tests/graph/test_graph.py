"""The graph's passes are linear: counted function calls, not timings."""

import cProfile
import pstats

from se_graph.graph import build
from se_graph.model import Device, Entry, Source

SOURCE = Source("mem.xlsx", "Data", "excluded", 1, (("entry_id", "EPCL ID", 1),))
DEVICES = (Device("CHF", "Toshiba", "SKU1", None, "1"),)


def chain(n: int) -> list[Entry]:
    """One tested root and a chain of n Group 2 entries, each the parent of the next."""
    entries = [Entry("000000", SOURCE, 2, "FOC", "dormant", DEVICES, dmct_status="tested", test_report="R")]
    for i in range(1, n + 1):
        entries.append(Entry(f"{i:06d}", SOURCE, i + 2, "FOC", "dormant", DEVICES, exclusion_reason="se", parent_id=f"{i - 1:06d}"))
    return entries


def calls(entries: list[Entry]) -> int:
    """Python function calls made by one build: deterministic, unlike a timing."""
    profile = cProfile.Profile()
    profile.enable()
    build(entries)
    profile.disable()
    return pstats.Stats(profile).total_calls


def test_build_is_linear_in_entries():
    small, large = calls(chain(1000)), calls(chain(10000))
    assert large < 11 * small, (small, large)
    for n in (100, 1000, 10000):
        g = build(chain(n))
        assert g.depth[f"{n:06d}"] == n
        assert len(g.root) == n + 1


def test_broken_chain_is_resolved_in_one_walk():
    entries = chain(5000)
    entries[0] = Entry("000000", SOURCE, 2, "FOC", "dormant", DEVICES, dmct_status="pending")
    g = build(entries)
    assert g.root == {} and set(g.dead_end.values()) == {"000000"}
    assert len(g.dead_end) == 5000


def test_firmware_chain_finals_are_memoised():
    entries = [Entry("000000", SOURCE, 2, "FOC", "dormant", DEVICES, target_fw=True)]
    entries += [Entry(f"{i:06d}", SOURCE, i + 2, "FOC", "dormant", DEVICES, upgrade_to=f"{i - 1:06d}") for i in range(1, 3001)]
    g = build(entries)
    assert set(g.fw_final.values()) == {"000000"} and len(g.fw_final) == 3000


def test_requested_defaults():
    entries = chain(2)
    assert build(entries).requested == {"000000", "000001", "000002"}  # G1 and G2
    marked = entries[:2] + [Entry("000002", SOURCE, 4, "FOC", "dormant", DEVICES, exclusion_reason="se", parent_id="000001", epcl_report=22)]
    assert build(marked).requested == {"000002"}
    assert build(marked, report=21).requested == set()  # the assessment refuses such a --report


def test_networkx_graph_has_every_node_and_typed_edges():
    g = build(chain(3))
    assert g.nx.number_of_nodes() == 4
    assert {d["kind"] for _, _, d in g.nx.edges(data=True)} == {"se"}


def covered_families(n: int) -> list[Entry]:
    """n DMCs sharing one hub and one meter model (as real catalogues do), each
    with a tested Dormant entry and an Active entry covered by it (Clause 20.9)."""
    known = frozenset({"CHF.model", "CHF.firmware", "ESME.model", "ESME.firmware"})
    out = []
    for k in range(n):
        devices = (Device("CHF", "Toshiba", "SKU1", None, "1"), Device("ESME", "Secure", "Liberty", None, f"2.{k}"))
        out.append(Entry(f"{2 * k:06d}", SOURCE, 2 * k + 2, "FOC", "dormant", devices, dmct_status="tested",
                         test_report="R", known=known))
        out.append(Entry(f"{2 * k + 1:06d}", SOURCE, 2 * k + 3, "FOC", "active", devices, dmct_status="covered",
                         sit_report="S", known=known))
    return out


def test_clause_20_9_lookup_is_linear_when_many_dmcs_share_models():
    small, large = calls(covered_families(300)), calls(covered_families(3000))
    assert large < 11 * small, (small, large)
    g = build(covered_families(50))
    assert all(g.dormant[f"{2 * k + 1:06d}"] == f"{2 * k:06d}" for k in range(50))

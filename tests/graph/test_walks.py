"""The memoised walks of ``build`` against naive readings of the same facts, on
random relations: a chain of parents walked step by step for each entry, and
cycles found by networkx (every relation here has one edge per node)."""

import random

import networkx as nx
import pytest

from se_graph.graph import _fw_finals, _trace
from se_graph.model import Group


def naive_trace(group, parent):
    """Each Group 2 entry's root and depth, or where its chain stops."""
    root, depth, end = {}, {}, {}
    for i, grp in group.items():
        if grp == Group.ONE:
            root[i], depth[i] = i, 0
    for start, grp in group.items():
        if grp != Group.TWO:
            continue
        node, steps, seen = start, 0, [start]
        while True:
            up = parent.get(node)
            if up is None:
                end[start] = node
                break
            steps += 1
            if group.get(up) == Group.ONE:
                root[start], depth[start] = up, steps
                break
            if group.get(up) != Group.TWO or up in seen:
                end[start] = up
                break
            seen.append(up)
            node = up
    return root, depth, end


def naive_cycles(edges):
    graph = nx.DiGraph(list(edges.items()))
    out = []
    for cycle in nx.simple_cycles(graph):
        first = cycle.index(min(cycle))
        out.append(cycle[first:] + cycle[:first])
    return sorted(out)


def naive_final(upgrade, nodes):
    final = {}
    for start in upgrade:
        node, seen = start, {start}
        while node in upgrade:
            node = upgrade[node]
            if node in seen:
                node = None
                break
            seen.add(node)
        final[start] = node if node in nodes else None
    return final


@pytest.mark.parametrize("seed", range(6))
def test_walks_agree_with_naive_readings(seed):
    rng = random.Random(seed)
    for _ in range(400):
        ids = [f"{i:06d}" for i in range(rng.randint(1, 25) + 5)]
        known = ids[:-5]  # the last five are ids found in no input
        group, parent = {}, {}
        for i in known:
            draw = rng.random()
            if draw < 0.6:
                group[i] = Group.TWO
                if rng.random() < 0.9:
                    parent[i] = rng.choice(ids)
            elif draw < 0.8:
                group[i] = Group.ONE
        items = list(group.items())
        rng.shuffle(items)
        group = dict(items)
        root, depth, next_hop, end, se_cycles = _trace(group, parent)
        want_root, want_depth, want_end = naive_trace(group, parent)
        assert (root, depth) == (want_root, want_depth)
        assert next_hop == {i: parent[i] for i in root if group[i] == Group.TWO}
        assert se_cycles == naive_cycles(parent)
        # a chain that runs into a cycle ends at one of its members: which one
        # depends on where the walk entered it
        ring = {n: k for k, cycle in enumerate(se_cycles) for n in cycle}
        assert end.keys() == want_end.keys()
        for i, last in end.items():
            assert last == want_end[i] or ring.get(last, -1) == ring.get(want_end[i], -2), i
        upgrade = {i: rng.choice(ids) for i in rng.sample(ids, rng.randint(0, len(ids)))}
        final, fw_cycles = _fw_finals(upgrade, dict.fromkeys(known))
        assert final == naive_final(upgrade, dict.fromkeys(known))
        assert fw_cycles == naive_cycles(upgrade)

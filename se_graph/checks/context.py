"""What every rule reads: the graph, the config and what ingest found."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

from se_graph.graph import Graph
from se_graph.model import Location, Problem
from se_graph.model.config import Config

# what a rule's check yields: (entry id, message, location)
Found = tuple[str | None, str, Location]
Check = Callable[["Context"], Iterator[Found]]
T = TypeVar("T")


@dataclass(frozen=True)
class Context:
    graph: Graph
    config: Config
    ingest_problems: Mapping[str, list[Problem]]  # code -> what ingest found

    def once(self, key: str, make: Callable[[], T]) -> T:
        """What ``make()`` returns, made once for every rule that asks by ``key``
        (what several rules walk, such as the firmware links)."""
        made = self.__dict__.setdefault("_once", {})
        if key not in made:
            made[key] = make()
        return made[key]

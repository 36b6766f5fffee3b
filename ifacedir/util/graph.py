"""Deterministic graph algorithms shared by the typechecker, the desugarer and the driver.

* ``sccs(order, edges)``: the strongly connected components of a directed graph,
  dependencies first (a component comes after every component it has an edge to),
  each component's nodes in ``order``. Deterministic given ``order`` (DESIGN,
  "Deterministic bytes") and without recursion (Tarjan's algorithm with an explicit
  stack), so a chain of 50,000 bindings is fine.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

__all__ = ["sccs"]

_N = TypeVar("_N", bound=Hashable)


def sccs(order: Sequence[_N], edges: Mapping[_N, Sequence[_N]]) -> list[list[_N]]:
    """Tarjan's algorithm with an explicit stack: the components come out dependencies
    first (a component after every component it has an edge to)."""
    position = {n: i for i, n in enumerate(order)}
    index: dict[_N, int] = {}
    low: dict[_N, int] = {}
    stack: list[_N] = []
    on_stack: set[_N] = set()
    out: list[list[_N]] = []
    for root in order:
        if root in index:
            continue
        work: list[tuple[_N, int]] = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = len(index)
                stack.append(v)
                on_stack.add(v)
            succ = edges[v]
            if i < len(succ):
                work.append((v, i + 1))
                w = succ[i]
                if w not in index:
                    work.append((w, 0))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
            if low[v] == index[v]:
                scc: list[_N] = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    scc.append(w)
                    if w == v:
                        break
                out.append(sorted(scc, key=position.__getitem__))
    return out

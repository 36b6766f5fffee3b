"""Small helpers over *written* types (``ast.Type[Name]``) and declaration graphs.

* ``show_written(t)``: a written type as GHC quotes it in messages: unqualified names,
  ``Maybe (f a)``, ``[a]``, ``a -> b``. (ifacedir.syntax.pretty prints names
  qualified, for round trips; messages want what the programmer wrote.)
* ``type_constructors(t)`` and ``type_variables(t)``: the names a written type
  mentions, in order of appearance, with repeats; no recursion.
* ``sccs(order, edges)``: strongly connected components of a graph, dependencies
  first, each in ``order``; deterministic given ``order`` (DESIGN, "Deterministic
  bytes"), and without recursion. To move to ifacedir/util/graph.py once the renamer
  and the driver need it too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from ifacedir.syntax import ast
from ifacedir.syntax.names import Name

__all__ = ["sccs", "show_written", "type_constructors", "type_variables"]


def show_written(t: ast.Type[Name], top: bool = True) -> str:
    """``t`` as the programmer wrote it, parenthesised as an argument if not ``top``."""
    match t:
        case ast.TVar(_, v) | ast.TCon(_, v):
            return f"({v.occ})" if v.is_operator else v.occ
        case ast.TApp(_, f, a):
            text = f"{show_written(f)} {show_written(a, False)}"
        case ast.TFun(_, a, r):
            text = f"{show_written(a, False)} -> {show_written(r)}"
        case ast.TList(_, e):
            return f"[{show_written(e)}]"
        case ast.TTuple(_, es):
            return "(" + ", ".join(show_written(e) for e in es) + ")"
    return text if top else f"({text})"


def _names(t: ast.Type[Name], want_vars: bool) -> Iterator[Name]:
    stack = [t]
    while stack:
        match stack.pop():
            case ast.TVar(_, v) if want_vars:
                yield v
            case ast.TCon(_, c) if not want_vars:
                yield c
            case ast.TApp(_, f, a):
                stack.extend((a, f))
            case ast.TFun(_, a, r):
                stack.extend((r, a))
            case ast.TList(_, e):
                stack.append(e)
            case ast.TTuple(_, es):
                stack.extend(reversed(es))
            case _:
                pass


def type_constructors(t: ast.Type[Name]) -> Iterator[Name]:
    return _names(t, want_vars=False)


def type_variables(t: ast.Type[Name]) -> Iterator[Name]:
    return _names(t, want_vars=True)


def sccs(order: Sequence[Name], edges: Mapping[Name, Sequence[Name]]) -> list[list[Name]]:
    """Tarjan's algorithm with an explicit stack: the components come out dependencies
    first (a component after every component it has an edge to)."""
    position = {n: i for i, n in enumerate(order)}
    index: dict[Name, int] = {}
    low: dict[Name, int] = {}
    stack: list[Name] = []
    on_stack: set[Name] = set()
    out: list[list[Name]] = []
    for root in order:
        if root in index:
            continue
        work: list[tuple[Name, int]] = [(root, 0)]
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
                scc: list[Name] = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    scc.append(w)
                    if w == v:
                        break
                out.append(sorted(scc, key=position.__getitem__))
    return out

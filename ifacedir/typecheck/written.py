"""Small helpers over *written* types (``ast.Type[Name]``) and declaration graphs.

* ``show_written(t)``: a written type as GHC quotes it in messages: unqualified names,
  ``Maybe (f a)``, ``[a]``, ``a -> b``. (ifacedir.syntax.pretty prints names
  qualified, for round trips; messages want what the programmer wrote.)
* ``type_constructors(t)`` and ``type_variables(t)``: the names a written type
  mentions, in order of appearance, with repeats; no recursion.
* ``sccs`` is re-exported from ifacedir.util.graph, where it now lives (the
  desugarer and the driver use it too).
"""

from __future__ import annotations

from collections.abc import Iterator

from ifacedir.syntax import ast
from ifacedir.syntax.names import Name
from ifacedir.util.graph import sccs

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

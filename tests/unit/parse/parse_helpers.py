"""Helpers for the parser tests: parse a snippet and show its tree without spans.

``sexp(node)`` prints a syntax tree as an s-expression, leaving out every span and every
field that has its default value, so a test can state the exact shape of a tree in
one readable line: ``(EApp (EVar f) (EVar x))``. Names print as written (``M.x``),
tuples as ``[...]``, ``None`` as ``-``.

``expr``, ``pat``, ``typ`` and ``decls`` parse a snippet in a small module and return
the node of interest, failing the test on any diagnostic.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

from ifacedir.diagnostics import Diagnostic
from ifacedir.parse.parser import parse_module, parse_module_diagnostics
from ifacedir.syntax.ast import FunBind, Module, PatBind, TypeSig
from ifacedir.syntax.names import RdrName
from ifacedir.util.deep import run_deep


def sexp(node: Any) -> str:
    return run_deep(_sexp, node)


def _sexp(node: Any) -> str:
    if isinstance(node, RdrName):
        return str(node)
    if isinstance(node, enum.Enum):
        return str(node.value)
    if node is None:
        return "-"
    if isinstance(node, tuple):
        return "[" + " ".join(_sexp(x) for x in node) + "]"
    if isinstance(node, str):
        return repr(node)
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        parts = [type(node).__name__]
        for f in dataclasses.fields(node):
            if f.name == "span" or f.name.endswith("_span"):
                continue
            value = getattr(node, f.name)
            if f.default is not dataclasses.MISSING and value == f.default:
                continue
            parts.append(_sexp(value))
        return "(" + " ".join(parts) + ")"
    return str(node)


def module(src: str, file: str = "M.hs") -> Module[RdrName]:
    return parse_module(src, file)


def diagnostics(src: str, file: str = "M.hs") -> tuple[Diagnostic, ...]:
    return parse_module_diagnostics(src, file)[1]


def decls(src: str) -> str:
    """The declarations of ``src`` (a module body without a header) as s-expressions."""
    return " ".join(sexp(d) for d in module(src).decls)


def _rhs_of_x(src: str) -> Any:
    (bind,) = (d for d in module(src).decls if not isinstance(d, TypeSig))
    assert isinstance(bind, FunBind), bind
    rhs = bind.matches[0].rhs
    assert rhs.body is not None
    return rhs.body


def expr(text: str) -> str:
    """The expression ``text`` (the right-hand side of ``x = text``)."""
    return sexp(_rhs_of_x(f"x = {text}\n"))


def pat(text: str) -> str:
    """The pattern ``text`` (as a lambda's single argument, parenthesised if needed)."""
    (bind,) = module(f"x = case y of {{ {text} -> 1 }}\n").decls
    assert isinstance(bind, FunBind)
    body = bind.matches[0].rhs.body
    return sexp(body.alts[0].pat)  # type: ignore[union-attr]


def typ(text: str) -> str:
    """The type ``text`` (from a signature ``x :: text``)."""
    (sig,) = module(f"x :: {text}\n").decls
    assert isinstance(sig, TypeSig)
    return sexp(sig.type)


def strip(node: Any) -> str:
    """Alias of ``sexp`` for comparing two trees without their spans."""
    return sexp(node)


__all__ = ["decls", "diagnostics", "expr", "module", "pat", "sexp", "strip", "typ"]
_ = PatBind

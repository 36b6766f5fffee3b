"""Literals: Report §3.2 with the method each one stands for, and GHC's short cut.

An integer literal ``k`` means ``fromInteger (k :: Integer)`` and a fractional one
``fromRational (n :% d)`` (spec/LIBRARY.md, "What the compiler wires in"); the
typechecker recorded the method at the literal's span as a witness, with its
evidence. When that evidence is the ``Num`` (``Fractional``) instance of ``Int``,
``Integer`` or ``Double`` the call's result is known now, and the literal becomes a
Core literal of that type directly. See Note [Literals at known types].

Note [Literals at known types]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
``fromInteger :: Integer -> Int`` is base's ``primIntegerToInt`` (wrap to 64 bits),
``fromInteger :: Integer -> Double`` rounds the integer to the nearest double
(``primRationalToDouble k 1``) and ``fromRational :: Rational -> Double`` rounds
``n/d`` once (``primRationalToDouble n d``). A Core ``IntLit`` of kind ``Int`` holds
the wrapped value and a ``DoubleLit`` holds the exact rational, which a backend
rounds once, so the literal means exactly what the call would compute. GHC's
typechecker makes the same short cut (``shortCutLit``); without it every ``1`` in
an ``Int`` loop would build a dictionary call.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final

from ifacedir.desugar.context import Ds, app
from ifacedir.desugar.env import DsError
from ifacedir.syntax import ast, core
from ifacedir.syntax.evidence import EvInst, TcName
from ifacedir.syntax.names import Name, NameSpace
from ifacedir.syntax.span import SrcSpan
from ifacedir.syntax.types import T_DOUBLE, T_INT, T_INTEGER, Type

__all__ = ["literal", "primitive_literal", "wrap_int"]

_RATIO_CON: Final = Name("base", "GHC.Real", ":%", NameSpace.CON)
_NUM: Final = Name("base", "GHC.Num", "Num", NameSpace.TYCON)
_FRACTIONAL: Final = Name("base", "GHC.Real", "Fractional", NameSpace.TYCON)


def wrap_int(v: int) -> int:
    """``v`` modulo 2^64, as a signed 64-bit value (``fromInteger :: Integer -> Int``)."""
    return ((v + 2**63) % 2**64) - 2**63


def primitive_literal(lit: ast.Literal, t: Type) -> core.Literal:
    """The Core literal of ``lit`` at the primitive type ``t``."""
    match lit:
        case ast.LitChar(c):
            return core.CharLit(ord(c))
        case ast.LitInt(v):
            if t == T_INT:
                return core.IntLit(wrap_int(v), core.IntKind.INT)
            if t == T_INTEGER:
                return core.IntLit(v, core.IntKind.INTEGER)
            if t == T_DOUBLE:
                return core.DoubleLit(v, 1)
        case ast.LitFrac(text):
            if t == T_DOUBLE:
                q = Fraction(text)
                return core.DoubleLit(q.numerator, q.denominator)
    raise DsError(f"no primitive literal {lit} at {t}")


def _known_type(w: TcName, cls: Name) -> Type | None:
    if len(w.evidence) != 1:
        return None
    ev = w.evidence[0]
    if isinstance(ev, EvInst) and ev.pred.cls == cls:
        t = ev.pred.type
        if t in (T_INT, T_INTEGER, T_DOUBLE):
            return t
    return None


def literal(ds: Ds, span: SrcSpan, lit: ast.Literal) -> core.Expr:
    """The Core of a literal expression (or of a numeric literal pattern's value)."""
    match lit:
        case ast.LitChar(c):
            return core.CharLit(ord(c))
        case ast.LitString(text):
            return core.StringLit(text)
        case ast.LitInt(v):
            w = ds.env.witness(span, "fromInteger")
            if w is None:  # below GHC.Num: base uses no literal there
                return core.IntLit(v, core.IntKind.INTEGER)
            known = _known_type(w, _NUM)
            if known is not None:
                return primitive_literal(lit, known)
            return app(ds.occurrence(w), (core.IntLit(v, core.IntKind.INTEGER),))
        case ast.LitFrac(text):
            w = ds.env.witness(span, "fromRational")
            if w is None:
                raise DsError(f"{span}: a fractional literal without fromRational")
            if _known_type(w, _FRACTIONAL) == T_DOUBLE:
                return primitive_literal(lit, T_DOUBLE)
            q = Fraction(text)
            ratio = ds.env.con(_RATIO_CON).ref
            value = core.ConApp(
                ratio,
                (
                    core.IntLit(q.numerator, core.IntKind.INTEGER),
                    core.IntLit(q.denominator, core.IntKind.INTEGER),
                ),
            )
            return app(ds.occurrence(w), (value,))
    raise DsError(f"unknown literal {lit!r}")

"""Primitives the Python code generator writes inline, and what it knows of the others.

``INLINE[entity](args, fresh)`` gives the Python code of a primitive call whose
(strict) arguments are the Python expressions ``args``, already in WHNF: statements
to run first, then the expression of the result. A comparison gives a condition (a
Python ``bool`` expression) instead, which a ``case`` on it tests directly and a
value context turns into ``TRUE`` / ``FALSE``. Everything not inline is a call of
the primitive table's entry (ifacedir.backend.prims), bound to a module global.

The inline code is the fast path of the table's own implementation, with the same
results: See Note [Fast Int wrapping] in ifacedir.backend.prims for ``Int``
arithmetic. Only total operations are inline (no division, no ``chr``), so inline
code raises no error of its own.

``ARG_TYPES[entity]`` is the Python type of each argument's WHNF value, where it is
one type (``int``, ``float``, ``str``): the generated code then forces an argument
only when it is not of that type already (``x if type(x) is int else force(x)``).
``SPECULABLE`` are the inline primitives cheap and total enough to run early, when
their arguments are already values, instead of building a thunk.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

__all__ = ["ARG_TYPES", "CONDITIONS", "INLINE", "SPECULABLE", "Inline"]

_MAX: Final = "9223372036854775807"
_MIN: Final = "-9223372036854775808"


@dataclass(frozen=True, slots=True)
class Inline:
    """Inline code: ``stmts`` first, then ``expr``, a condition when ``cond``."""

    stmts: tuple[str, ...]
    expr: str
    cond: bool = False


Fresh = Callable[[], str]
InlineFn = Callable[[list[str], Fresh], Inline]


def _wrapped(op: str) -> InlineFn:
    def emit(args: list[str], fresh: Fresh) -> Inline:
        t = fresh()
        return Inline(
            (
                f"{t} = {op.format(*args)}",
                f"if {t} > {_MAX} or {t} < {_MIN}: {t} = _int_wrap({t})",
            ),
            t,
        )

    return emit


def _pure(op: str) -> InlineFn:
    def emit(args: list[str], _fresh: Fresh) -> Inline:
        return Inline((), op.format(*args))

    return emit


def _cond(op: str) -> InlineFn:
    def emit(args: list[str], _fresh: Fresh) -> Inline:
        return Inline((), op.format(*args), cond=True)

    return emit


INLINE: Final[Mapping[str, InlineFn]] = {
    "intAdd": _wrapped("{} + {}"),
    "intSub": _wrapped("{} - {}"),
    "intMul": _wrapped("{} * {}"),
    "intNegate": _wrapped("-{}"),
    "intEq": _cond("{} == {}"),
    "intLt": _cond("{} < {}"),
    "intLe": _cond("{} <= {}"),
    "intToInteger": _pure("{}"),
    "integerToInt": _wrapped("{}"),
    "integerAdd": _pure("({} + {})"),
    "integerSub": _pure("({} - {})"),
    "integerMul": _pure("({} * {})"),
    "integerNegate": _pure("(-{})"),
    "integerEq": _cond("{} == {}"),
    "integerLt": _cond("{} < {}"),
    "integerLe": _cond("{} <= {}"),
    "doubleAdd": _pure("({} + {})"),
    "doubleSub": _pure("({} - {})"),
    "doubleMul": _pure("({} * {})"),
    "doubleNegate": _pure("(-{})"),
    "doubleEq": _cond("{} == {}"),
    "doubleLt": _cond("{} < {}"),
    "doubleLe": _cond("{} <= {}"),
    "charToInt": _pure("ord({})"),
    "floatToDouble": _pure("{}"),
}

CONDITIONS: Final = frozenset(
    name for name in INLINE if name.endswith(("Eq", "Lt", "Le")) and name != "charToInt"
)
"""The inline comparisons: their code is a condition."""

SPECULABLE: Final = frozenset(INLINE) - {"integerMul"}
"""Cheap and total: run at once when the arguments are values (``integerMul`` of
huge numbers is not cheap)."""

_INT: Final = "int"
_FLOAT: Final = "float"
_STR: Final = "str"

ARG_TYPES: Final[Mapping[str, tuple[str | None, ...]]] = {
    **{
        name: (_INT, _INT)
        for name in (
            "intAdd",
            "intSub",
            "intMul",
            "intQuot",
            "intRem",
            "intEq",
            "intLt",
            "intLe",
            "integerAdd",
            "integerSub",
            "integerMul",
            "integerQuot",
            "integerRem",
            "integerEq",
            "integerLt",
            "integerLe",
            "rationalToDouble",
            "encodeDouble",
        )
    },
    **{name: (_INT,) for name in ("intNegate", "intToInteger", "integerToInt", "integerNegate")},
    **{name: (_INT,) for name in ("intToChar",)},
    **{
        name: (_FLOAT, _FLOAT)
        for name in ("doubleAdd", "doubleSub", "doubleMul", "doubleDiv", "doubleEq")
    },
    **{name: (_FLOAT, _FLOAT) for name in ("doubleLt", "doubleLe", "doublePow")},
    **{
        name: (_FLOAT,)
        for name in (
            "doubleNegate",
            "decodeDouble",
            "showDouble",
            "doubleExp",
            "doubleLog",
            "doubleSqrt",
            "doubleToFloat",
            "floatToDouble",
            "showFloat",
        )
    },
    **{
        f"double{fn}": (_FLOAT,)
        for fn in (
            "Sin Cos Tan Asin Acos Atan Sinh Cosh Tanh Asinh Acosh Atanh".split()  # noqa: SIM905
        )
    },
    **{
        name: (_STR,)
        for name in (
            "charToInt",
            "charGeneralCategory",
            "charToUpper",
            "charToLower",
            "charToTitle",
        )
    },
}
"""The Python type of each (strict) argument's value, where there is one."""

"""The 80 primitives of GHC.Prim, shared by every backend.

``PRIM_SPECS`` says, for each entity (the string of a ``foreign import prim``), how
many arguments the primitive takes and which of them the backend forces to WHNF
before the call. ``make_prims(backend, world)`` gives the implementations, entity to
Python callable: the backend calls ``table[entity](*args)`` with the strict
arguments already in WHNF and the lazy ones as they are. Values are represented as
in ifacedir.backend.runtime (Int and Integer ``int``, Double and Float ``float``,
Char a one-character ``str``, constructors tuples). The semantics are those of
spec/LIBRARY.md, section "Primitives".

The table is built in three layers:

1. **Pure primitives** (Int, Integer, Double, Float, Char): module-level functions
   of WHNF arguments, kept tiny because the backends call them millions of times.
   See Note [Fast Int wrapping].
2. **Evaluation and strings**: ``seq``, ``error``, ``showDouble``, ... need the
   backend only to walk or build ``[Char]`` lists (``py_string``, ``hs_string``;
   See Note [Walking strings]). Digits of Doubles: ifacedir.backend.floatdigits.
3. **IO** (ifacedir.backend.prims_io): primitives returning ``IO a`` build an
   ``IOReturn`` / ``IOBind`` / ``IOPrim`` value without performing anything;
   ``IOPrim.run()`` performs the effect on the ``World`` (ifacedir.backend.world).

Note [Fast Int wrapping]
~~~~~~~~~~~~~~~~~~~~~~~~
``Int`` is 64-bit two's complement and its operations wrap (GHC on a 64-bit
machine). Python's ``int`` is unbounded, so every result is brought back into
[-2^63, 2^63). Results almost always are in range already, so the common path is
one test, ``r.bit_length() < 64`` (``abs(r) < 2^63``: exactly the in-range values
except -2^63, which the slow path maps to itself); measured, it is faster than a
chained comparison with the two 64-bit bounds (three-digit Python ints). Only other
results pay for ``((r + 2^63) & (2^64 - 1)) - 2^63``. Comparisons return the
shared ``TRUE`` / ``FALSE`` tuples of runtime.py.

Note [Walking strings]
~~~~~~~~~~~~~~~~~~~~~~~
A ``[Char]`` is forced cell by cell and element by element, but most of a string is
usually evaluated already (``show`` results, literals, what was printed before).
A value whose type is exactly ``str`` (a Char) or ``tuple`` (a constructor) is in
WHNF, and no backend's thunk is either, so the walk calls ``backend.force`` only on
anything else: half the calls per character disappear, and with them most of the
cost of writing a string.

Note [Simple case mappings]
~~~~~~~~~~~~~~~~~~~~~~~~~~~
GHC's ``toUpper`` / ``toLower`` / ``toTitle`` use the simple (one-to-one) mappings of
UnicodeData.txt; Python's ``str.upper`` and friends use the full mappings, which
differ exactly where SpecialCasing.txt maps one character to several. Checked
against GHC 9.0.2 for every code point: where Python's full mapping is one
character, it is GHC's; where it is several, GHC maps the character to itself
(``toUpper 'ß' == 'ß'``, ``toUpper 'ŉ' == 'ŉ'``), except for 28 characters:
``toLower 'İ' == 'i'``, and the 27 Greek letters with ypogegrammeni (U+1F80..U+1FAF's
small letters, U+1FB3, U+1FC3, U+1FF3), whose simple uppercase is their titlecase
letter (``toUpper 'ᾳ' == 'ᾼ'``). Those are ``_UPPER_EXCEPTIONS`` and
``_LOWER_EXCEPTIONS``. The remaining differences from GHC come from Unicode versions
(GHC 9.0.2 has 12.1, Python 3.11 has 14.0): characters added since, and U+1734,
which changed from Mn to Mc.
"""

from __future__ import annotations

import math
import operator
import struct
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from ifacedir.backend.floatdigits import show_double, show_float
from ifacedir.backend.runtime import (
    FALSE,
    NIL,
    TRUE,
    Backend,
    HaskellError,
    Value,
)

if TYPE_CHECKING:
    from ifacedir.backend.world import World

__all__ = ["PRIM_SPECS", "PrimSpec", "hs_string", "make_prims", "py_string"]


@dataclass(frozen=True, slots=True)
class PrimSpec:
    """How a backend calls one primitive."""

    entity: str
    """The foreign import string, e.g. ``"intAdd"``."""
    arity: int
    """Number of arguments (0 for stdin, stdout, stderr, getArgs, getProgName)."""
    strict: tuple[bool, ...]
    """Per argument: True = the backend forces it to WHNF before the call."""


# Arities in GHC.Prim's order; every argument strict except those in _LAZY.
_ARITIES: Final[tuple[tuple[str, int], ...]] = (
    *((name, 2) for name in ("intAdd", "intSub", "intMul")),
    ("intNegate", 1),
    *((name, 2) for name in ("intQuot", "intRem", "intEq", "intLt", "intLe")),
    ("intToInteger", 1),
    ("integerToInt", 1),
    *((name, 2) for name in ("integerAdd", "integerSub", "integerMul")),
    ("integerNegate", 1),
    *((name, 2) for name in ("integerQuot", "integerRem")),
    *((name, 2) for name in ("integerEq", "integerLt", "integerLe")),
    *((name, 2) for name in ("doubleAdd", "doubleSub", "doubleMul", "doubleDiv")),
    ("doubleNegate", 1),
    *((name, 2) for name in ("doubleEq", "doubleLt", "doubleLe")),
    ("rationalToDouble", 2),
    ("decodeDouble", 1),
    ("encodeDouble", 2),
    ("showDouble", 1),
    *((name, 1) for name in ("doubleExp", "doubleLog", "doubleSqrt")),
    ("doublePow", 2),
    *((f"double{fn}", 1) for fn in ("Sin", "Cos", "Tan", "Asin", "Acos", "Atan")),
    *((f"double{fn}", 1) for fn in ("Sinh", "Cosh", "Tanh", "Asinh", "Acosh", "Atanh")),
    ("doubleToFloat", 1),
    ("floatToDouble", 1),
    ("showFloat", 1),
    *((name, 1) for name in ("charToInt", "intToChar", "charGeneralCategory")),
    *((name, 1) for name in ("charToUpper", "charToLower", "charToTitle")),
    ("seq", 2),
    ("error", 1),
    ("returnIO", 1),
    ("bindIO", 2),
    *((name, 0) for name in ("stdin", "stdout", "stderr")),
    ("hPutStr", 2),
    ("hFlush", 1),
    ("hSetBuffering", 2),
    *((name, 1) for name in ("hGetLine", "hGetChar", "hGetContents", "hIsEOF")),
    ("readFile", 1),
    ("writeFile", 2),
    ("appendFile", 2),
    ("getArgs", 0),
    ("getProgName", 0),
    ("exitWith", 1),
    ("userError", 1),
    ("ioError", 1),
    ("showIOError", 1),
)

# Arguments the backend passes unevaluated (spec/LIBRARY.md, "Evaluation").
_LAZY: Final[Mapping[str, tuple[bool, ...]]] = {
    "seq": (True, False),
    "returnIO": (False,),
    "bindIO": (False, False),
}

PRIM_SPECS: Final[Mapping[str, PrimSpec]] = MappingProxyType(
    {
        entity: PrimSpec(entity, arity, _LAZY.get(entity, (True,) * arity))
        for entity, arity in _ARITIES
    }
)
"""All 80 primitives of GHC/Prim.hs, keyed by entity."""


# -- Strings ---------------------------------------------------------------------


def py_string(backend: Backend, v: Value) -> str:
    """The ``[Char]`` ``v`` forced completely (every cell and every element).
    See Note [Walking strings]."""
    force = backend.force
    chars: list[str] = []
    append = chars.append
    cell = v if type(v) is tuple else force(v)
    while len(cell) == 3:
        c = cell[1]
        append(c if type(c) is str else force(c))
        cell = cell[2]
        if type(cell) is not tuple:
            cell = force(cell)
    return "".join(chars)


def hs_string(s: str, tail: Value = NIL) -> Value:
    """``s`` as a Haskell list of Char (fully built), ending in ``tail``."""
    cell = tail
    for c in reversed(s):
        cell = (1, c, cell)
    return cell


# -- Int -------------------------------------------------------------------------
# See Note [Fast Int wrapping].

_SIGN: Final = 1 << 63
_MASK: Final = (1 << 64) - 1


def _wrap(r: int) -> int:
    return ((r + _SIGN) & _MASK) - _SIGN


def _int_add(x: int, y: int) -> int:
    r = x + y
    if r.bit_length() < 64:
        return r
    return ((r + _SIGN) & _MASK) - _SIGN


def _int_sub(x: int, y: int) -> int:
    r = x - y
    if r.bit_length() < 64:
        return r
    return ((r + _SIGN) & _MASK) - _SIGN


def _int_mul(x: int, y: int) -> int:
    r = x * y
    if r.bit_length() < 64:
        return r
    return ((r + _SIGN) & _MASK) - _SIGN


def _int_negate(x: int) -> int:
    return -x if x != -9223372036854775808 else x


def _quot(x: int, y: int) -> int:
    """Division truncated toward zero (Python's ``//`` floors)."""
    q, r = divmod(x, y)
    if r and q < 0:
        q += 1
    return q


def _rem(x: int, y: int) -> int:
    """The remainder of ``_quot``: the sign of the dividend."""
    r = x % y
    if r and (r ^ x) < 0:
        r -= y
    return r


def _eq(x: object, y: object) -> Value:
    return TRUE if x == y else FALSE


def _lt(x: int | float, y: int | float) -> Value:
    return TRUE if x < y else FALSE


def _le(x: int | float, y: int | float) -> Value:
    return TRUE if x <= y else FALSE


def _identity(x: Value) -> Value:
    return x


# -- Double ----------------------------------------------------------------------

_INF: Final = math.inf
_NAN: Final = math.nan
_NAN_MANTISSA: Final = -6755399441055744  # decodeFloat of GHC's NaN (sign bit set)


def _double_div(x: float, y: float) -> float:
    if y:
        return x / y
    if x != x or x == 0.0:
        return _NAN
    return math.copysign(_INF, x) * math.copysign(1.0, y)  # Python raises instead


def _rational_to_double(n: int, d: int) -> float:
    """n / d correctly rounded: Python's int / int is (and handles the subnormals)."""
    try:
        return n / d
    except OverflowError:
        return -_INF if n < 0 else _INF


def _decode_double(x: float) -> Value:
    if x == 0.0 or x - x != 0.0:  # zero, infinity or NaN
        if x == 0.0:
            return (0, 0, 0)
        if x != x:
            return (0, _NAN_MANTISSA, 972)
        return (0, 1 << 52 if x > 0.0 else -(1 << 52), 972)
    m, e = math.frexp(x)  # subnormals come out normalised, as in GHC
    return (0, int(m * 9007199254740992.0), e - 53)


def _encode_double(m: int, e: int) -> float:
    if -9007199254740992 < m < 9007199254740992:  # exact as a float: ldexp rounds once
        try:
            return math.ldexp(m, e)
        except OverflowError:
            return -_INF if m < 0 else _INF
    size = abs(m).bit_length()
    if size + e > 1025:
        return -_INF if m < 0 else _INF
    if size + e < -1076:
        return -0.0 if m < 0 else 0.0
    return _rational_to_double(m << e, 1) if e >= 0 else _rational_to_double(m, 1 << -e)


def _is_odd_integer(y: float) -> bool:
    return math.isfinite(y) and abs(math.fmod(y, 2.0)) == 1.0


# C's libm returns infinities and NaN where Python's math module raises.


def _double_exp(x: float) -> float:
    try:
        return math.exp(x)
    except OverflowError:
        return _INF


def _double_log(x: float) -> float:
    try:
        return math.log(x)
    except ValueError:
        return -_INF if x == 0.0 else _NAN


def _double_sqrt(x: float) -> float:
    try:
        return math.sqrt(x)
    except ValueError:
        return _NAN


def _double_pow(x: float, y: float) -> float:
    try:
        return math.pow(x, y)
    except ValueError:  # 0 ** negative, or negative ** non-integer
        if x == 0.0:
            return math.copysign(_INF, x) if _is_odd_integer(y) else _INF
        return _NAN
    except OverflowError:
        return -_INF if x < 0.0 and _is_odd_integer(y) else _INF


def _nan_on_domain_error(fn: Callable[[float], float]) -> Callable[[float], float]:
    def call(x: float) -> float:
        try:
            return fn(x)
        except ValueError:
            return _NAN

    call.__name__ = f"_double_{fn.__name__}"
    return call


def _double_sinh(x: float) -> float:
    try:
        return math.sinh(x)
    except OverflowError:
        return math.copysign(_INF, x)


def _double_cosh(x: float) -> float:
    try:
        return math.cosh(x)
    except OverflowError:
        return _INF


def _double_atanh(x: float) -> float:
    try:
        return math.atanh(x)
    except ValueError:
        return math.copysign(_INF, x) if abs(x) == 1.0 else _NAN


# -- Float -----------------------------------------------------------------------

_BINARY32: Final = struct.Struct("f")


def _double_to_float(x: float) -> float:
    """Round to binary32, ties to even. The C cast inside ``pack`` rounds
    correctly (values just above FLT_MAX that round down are fine); ``pack`` raises
    only when the rounded value is infinite and ``x`` is not: that is overflow."""
    try:
        return float(_BINARY32.unpack(_BINARY32.pack(x))[0])
    except OverflowError:
        return math.copysign(_INF, x)


# -- Char ------------------------------------------------------------------------

_CATEGORY_CODES: Final = (
    "Lu Ll Lt Lm Lo Mn Mc Me Nd Nl No Pc Pd Ps Pe Pi Pf Po Sm Sc Sk So Zs Zl Zp Cc Cf Cs Co Cn"
)
_CATEGORIES: Final[Mapping[str, int]] = {
    code: index for index, code in enumerate(_CATEGORY_CODES.split())
}
"""unicodedata's two-letter category to the index of GHC's GeneralCategory."""

# See Note [Simple case mappings].
_UPPER_EXCEPTIONS: Final[Mapping[str, str]] = {
    **{chr(c): chr(c + 8) for base in (0x1F80, 0x1F90, 0x1FA0) for c in range(base, base + 8)},
    "\u1fb3": "\u1fbc",
    "\u1fc3": "\u1fcc",
    "\u1ff3": "\u1ffc",
}
_LOWER_EXCEPTIONS: Final[Mapping[str, str]] = {"\u0130": "i"}

_category = unicodedata.category


def _char_general_category(c: str) -> int:
    return _CATEGORIES[_category(c)]


def _char_to_upper(c: str) -> str:
    u = c.upper()
    return u if len(u) == 1 else _UPPER_EXCEPTIONS.get(c, c)


def _char_to_lower(c: str) -> str:
    u = c.lower()
    return u if len(u) == 1 else _LOWER_EXCEPTIONS.get(c, c)


def _char_to_title(c: str) -> str:
    u = c.title()
    return u if len(u) == 1 else c


# -- The table -------------------------------------------------------------------

_PURE: Final[Mapping[str, Callable[..., Value]]] = {
    "intAdd": _int_add,
    "intSub": _int_sub,
    "intMul": _int_mul,
    "intNegate": _int_negate,
    "intQuot": _quot,
    "intRem": _rem,
    "intEq": _eq,
    "intLt": _lt,
    "intLe": _le,
    "intToInteger": _identity,
    "integerToInt": _wrap,
    # Integer and Double +, -, * and negate are Python's (builtins, the fastest calls).
    "integerAdd": operator.add,
    "integerSub": operator.sub,
    "integerMul": operator.mul,
    "integerNegate": operator.neg,
    "integerQuot": _quot,
    "integerRem": _rem,
    "integerEq": _eq,
    "integerLt": _lt,
    "integerLe": _le,
    "doubleAdd": operator.add,
    "doubleSub": operator.sub,
    "doubleMul": operator.mul,
    "doubleDiv": _double_div,
    "doubleNegate": operator.neg,
    "doubleEq": _eq,
    "doubleLt": _lt,
    "doubleLe": _le,
    "rationalToDouble": _rational_to_double,
    "decodeDouble": _decode_double,
    "encodeDouble": _encode_double,
    "showDouble": lambda x: hs_string(show_double(x)),
    "doubleExp": _double_exp,
    "doubleLog": _double_log,
    "doubleSqrt": _double_sqrt,
    "doublePow": _double_pow,
    "doubleSin": _nan_on_domain_error(math.sin),
    "doubleCos": _nan_on_domain_error(math.cos),
    "doubleTan": _nan_on_domain_error(math.tan),
    "doubleAsin": _nan_on_domain_error(math.asin),
    "doubleAcos": _nan_on_domain_error(math.acos),
    "doubleAtan": math.atan,
    "doubleSinh": _double_sinh,
    "doubleCosh": _double_cosh,
    "doubleTanh": math.tanh,
    "doubleAsinh": math.asinh,
    "doubleAcosh": _nan_on_domain_error(math.acosh),
    "doubleAtanh": _double_atanh,
    "doubleToFloat": _double_to_float,
    "floatToDouble": _identity,
    "showFloat": lambda x: hs_string(show_float(x)),
    "charToInt": ord,
    "intToChar": chr,
    "charGeneralCategory": _char_general_category,
    "charToUpper": _char_to_upper,
    "charToLower": _char_to_lower,
    "charToTitle": _char_to_title,
    "seq": lambda _a, b: b,
}


def make_prims(backend: Backend, world: World) -> dict[str, Callable[..., Value]]:
    """entity -> implementation, for every entity of ``PRIM_SPECS``.

    The backend calls ``table[entity](*args)`` with the strict arguments already
    forced to WHNF (never a Thunk) and the others as they are (maybe Thunks). The
    result may be a WHNF value or a Thunk (the backend forces it when it needs to).
    Arity-0 entries are called with no arguments and return the value (a Handle,
    or an IO action).
    """
    from ifacedir.backend.prims_io import make_io_prims

    def error(message: Value) -> Value:
        raise HaskellError(py_string(backend, message))

    table: dict[str, Callable[..., Value]] = dict(_PURE)
    table["error"] = error
    table.update(make_io_prims(backend, world))
    assert table.keys() == PRIM_SPECS.keys(), set(table) ^ set(PRIM_SPECS)
    return table

"""GHC's ``show`` for ``Double`` and ``Float``: shortest digits, GHC's way.

``show_double`` and ``show_float`` give exactly the text GHC 9.0's ``show`` gives at
precedence 0 (``Numeric.showFloat``, with a leading ``-`` for negative numbers and
``-0.0``). They are the primitives ``showDouble`` and ``showFloat`` of
spec/LIBRARY.md; ``float_to_digits`` is ``Numeric.floatToDigits 10``.

The algorithm, in order:

1. **Decode.** A positive finite ``x`` is ``f * 2**e`` with ``f`` an integer of at
   most ``p`` bits (53 for Double, 24 for Float) and ``e >= min_exp`` (-1074, -149):
   normal numbers have ``2**(p-1) <= f``, subnormals a smaller ``f`` at ``e ==
   min_exp``.
2. **Rounding interval.** Every real strictly between the midpoints ``low`` (between
   ``x`` and its predecessor) and ``high`` (between ``x`` and its successor) reads back
   as ``x``. Scaled to integers: ``x = r / s``, ``high = (r + m_plus) / s``, ``low =
   (r - m_minus) / s``. The gap below a power of two is half the gap above, except at
   the bottom of the exponent range: then ``m_plus = 2 * m_minus``.
3. **Scale.** ``k`` is the least integer with ``high <= 10**k``, so the digits start
   at the ``10**(k-1)`` place. Found from an estimate from below, corrected upwards.
4. **Generate** (Burger and Dybvig's free-format algorithm): multiply the remainder
   by 10, the next digit ``d`` is its quotient by ``s``; stop as soon as the
   truncated number ``... d`` lies strictly above ``low`` or the rounded-up ``...
   d+1`` strictly below ``high``; if both, take the nearer one, ``d + 1`` on a tie.
   See Note [GHC's digits are not repr's]. For a Double, a cheaper check comes first:
   See Note [Taking repr's digits when GHC agrees].
5. **Format** (``showFloat``): with digits ``d1 d2 ... dn`` and ``x = 0.d1...dn *
   10**k``, print ``d1...dk.d(k+1)...`` (padded with zeros, at least one digit after
   the point) when ``0 <= k <= 7``, that is ``0.1 <= x < 10**7``; otherwise
   ``d1.d2...dne(k-1)`` (``1.0e-2``, ``1.0e7``).

Note [GHC's digits are not repr's]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Python's ``repr`` also prints the shortest digits that read back, but it counts the
ends of the rounding interval as inside it when ``f`` is even (a decimal exactly on
the midpoint reads back as ``x`` under round-half-even). GHC's ``floatToDigits`` uses
strict inequalities at both ends, so when the shortest candidate sits exactly on a
midpoint GHC prints one digit more: ``3.0925352787701443e18`` where ``repr`` gives
``3.092535278770144e18``. About one double in 2,400 differs, so the digits are
generated here with exact integer arithmetic instead of taken from ``repr``. The
golden file tests/unit/backend/golden/show_float.golden holds GHC's output for a few
thousand hard cases.

Note [Taking repr's digits when GHC agrees]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Step 4 costs a big-integer division per digit (about 12 us for 17 digits), ``repr``
well under a microsecond. Step 4 stops at the first length ``n`` for which some
``n``-digit decimal lies strictly inside (low, high), and then prints the nearer of
the two candidates (``d`` and ``d + 1``), the upper one on a tie. ``repr``'s digits
``D`` are the shortest that read back as ``x``, a set that contains the open interval,
and they are ``x`` correctly rounded to their length. So if ``D`` lies strictly
inside (low, high), no shorter decimal does, ``n == len(D)``, and if moreover ``x``
is not exactly halfway between two ``n``-digit decimals, ``D`` is step 4's answer.
``_repr_digits`` checks both conditions exactly, in integers, and returns None when
either fails (about one double in 2,400); step 4 then runs. Only for Double: the
digits of ``repr`` of a Float are a Double's, not the shortest for a Float.
"""

from __future__ import annotations

import math
from typing import Final

__all__ = ["float_to_digits", "show_double", "show_float"]

_DOUBLE_BITS: Final = 53
_DOUBLE_MIN_EXP: Final = -1074  # floatRange's -1021, minus the 53 mantissa bits
_FLOAT_BITS: Final = 24
_FLOAT_MIN_EXP: Final = -149  # floatRange's -125, minus the 24 mantissa bits
_LOG10_2: Final = 0.30102999566398120


def show_double(x: float) -> str:
    """GHC's ``show (x :: Double)``."""
    return _show(x, _DOUBLE_BITS, _DOUBLE_MIN_EXP)


def show_float(x: float) -> str:
    """GHC's ``show (x :: Float)``; ``x`` must be exactly representable in binary32."""
    return _show(x, _FLOAT_BITS, _FLOAT_MIN_EXP)


def float_to_digits(x: float, bits: int = _DOUBLE_BITS) -> tuple[list[int], int]:
    """``Numeric.floatToDigits 10 x`` for ``x >= 0`` finite: ``(digits, k)`` with
    ``x ~ 0.d1 d2 ... * 10**k``; ``([0], 0)`` for zero. ``bits`` is 53 (Double) or 24
    (Float)."""
    if x == 0.0:
        return [0], 0
    min_exp = _DOUBLE_MIN_EXP if bits == _DOUBLE_BITS else _FLOAT_MIN_EXP
    digits, k = _digits(x, bits, min_exp)
    return [ord(c) - 48 for c in digits], k


def _show(x: float, bits: int, min_exp: int) -> str:
    if x != x:
        return "NaN"
    if x < 0.0 or (x == 0.0 and math.copysign(1.0, x) < 0.0):
        return "-" + _show(-x, bits, min_exp)
    if x == 0.0:
        return "0.0"
    if x == math.inf:
        return "Infinity"
    digits, k = _digits(x, bits, min_exp)
    if 0 <= k <= 7:
        if k == 0:
            return "0." + digits
        if len(digits) <= k:
            return digits + "0" * (k - len(digits)) + ".0"
        return digits[:k] + "." + digits[k:]
    return digits[0] + "." + (digits[1:] or "0") + "e" + str(k - 1)


def _decode(x: float, bits: int, min_exp: int) -> tuple[int, int]:
    """Step 1: ``x == f * 2**e`` with ``f < 2**bits`` and ``e >= min_exp``."""
    m, e = math.frexp(x)  # x == m * 2**e, 0.5 <= m < 1
    f = int(m * (1 << bits))
    e -= bits
    if e < min_exp:  # subnormal: undo frexp's normalisation
        f >>= min_exp - e
        e = min_exp
    return f, e


def _digits(x: float, bits: int, min_exp: int) -> tuple[str, int]:
    """Steps 1 to 4 for a positive finite ``x``: the digits as a string, and ``k``."""
    f, e = _decode(x, bits, min_exp)
    unequal = f == 1 << (bits - 1) and e > min_exp
    if bits == _DOUBLE_BITS:
        fast = _repr_digits(x, f, e, unequal)
        if fast is not None:
            return fast
    # Step 2: x = r / s, the gaps to the midpoints m_plus / s and m_minus / s.
    if e >= 0:
        be = 1 << e
        if unequal:
            r, s, m_plus, m_minus = f * be * 4, 4, be * 2, be
        else:
            r, s, m_plus, m_minus = f * be * 2, 2, be, be
    elif unequal:
        r, s, m_plus, m_minus = f * 4, 1 << (2 - e), 2, 1
    else:
        r, s, m_plus, m_minus = f * 2, 1 << (1 - e), 1, 1
    # Step 3: k, the least integer with (r + m_plus) / s <= 10**k. The estimate
    # floor(log10(2**(e + bitlength f - 1))) is at most log10 x, so below k.
    k = math.floor((e + f.bit_length() - 1) * _LOG10_2)
    if k >= 0:
        s *= 10**k
    else:
        scale = 10**-k
        r, m_plus, m_minus = r * scale, m_plus * scale, m_minus * scale
    while r + m_plus > s:
        k += 1
        s *= 10
    return _generate(r, s, m_plus, m_minus), k


def _generate(r: int, s: int, m_plus: int, m_minus: int) -> str:
    """Step 4: digits of r / s (< 1) until within (r - m_minus, r + m_plus) / s."""
    out: list[str] = []
    while True:
        d, r = divmod(r * 10, s)
        m_plus *= 10
        m_minus *= 10
        low = r < m_minus
        high = r + m_plus > s
        if low or high:
            if high and (not low or r * 2 >= s):
                d += 1
            out.append(chr(48 + d))
            return "".join(out)
        out.append(chr(48 + d))


def _repr_digits(x: float, f: int, e: int, unequal: bool) -> tuple[str, int] | None:
    """``repr``'s digits and ``k`` if they are GHC's, else None. See Note [Taking
    repr's digits when GHC agrees]."""
    mantissa, _, exponent = repr(x).partition("e")
    whole, _, frac = mantissa.partition(".")
    if frac == "0":
        frac = ""
    q = (int(exponent) if exponent else 0) - len(frac)
    digits = (whole + frac).lstrip("0")
    stripped = digits.rstrip("0")
    q += len(digits) - len(stripped)
    digits = stripped
    # Exact comparison of x = f * 2**e with D = int(digits) * 10**q, everything
    # multiplied by 2**-e2 * 5**-e5 to make integers.
    e2 = min(e - 2, q)
    if q < 0:
        five = 5**-q
        value = (f << (e - e2)) * five
        decimal = int(digits) << (q - e2)
        ulp = 1 << (q - e2)
        half_gap = five << (e - 1 - e2)
    else:
        five = 5**q
        value = f << (e - e2)
        decimal = (int(digits) * five) << (q - e2)
        ulp = five << (q - e2)
        half_gap = 1 << (e - 1 - e2)
    diff = decimal - value
    below = half_gap >> 1 if unequal else half_gap  # the gap to low
    inside = diff < half_gap if diff >= 0 else -diff < below
    if inside and 2 * abs(diff) < ulp:
        return digits, len(digits) + q
    return None

"""The Int, Integer, Double, Float and Char primitives, seq and error."""

from __future__ import annotations

import math
import struct
import sys

import pytest
from prims_fakes import lazy_string, setup, to_py

from ifacedir.backend.runtime import FALSE, TRUE, HaskellError, Thunk

P = setup()[2]
MIN = -(2**63)
MAX = 2**63 - 1
FLT_MAX = struct.unpack("<f", bytes.fromhex("ffff7f7f"))[0]


def bits(x: float) -> int:
    return int(struct.unpack("<Q", struct.pack("<d", x))[0])


def same(x: float, y: float) -> bool:
    """Equal as IEEE values, sign of zero and NaN-ness included."""
    return bits(x) == bits(y) or (math.isnan(x) and math.isnan(y))


# -- Int ---------------------------------------------------------------------------


def test_int_arithmetic_wraps() -> None:
    assert P["intAdd"](MAX, 1) == MIN
    assert P["intAdd"](MIN, -1) == MAX
    assert P["intAdd"](2, 3) == 5
    assert P["intSub"](MIN, 1) == MAX
    assert P["intSub"](5, 7) == -2
    assert P["intMul"](2**62, 2) == MIN
    assert P["intMul"](2**32 + 1, 2**32 + 1) == 2**33 + 1
    assert P["intMul"](MAX, MAX) == 1
    assert P["intMul"](-3, 4) == -12
    assert P["intNegate"](MIN) == MIN
    assert P["intNegate"](5) == -5
    assert P["intNegate"](MAX) == -MAX


@pytest.mark.parametrize(
    ("x", "y", "q", "r"),
    [(7, 2, 3, 1), (-7, 2, -3, -1), (7, -2, -3, 1), (-7, -2, 3, -1), (6, -3, -2, 0),
     (-6, 3, -2, 0), (0, -5, 0, 0), (1, 5, 0, 1), (-1, 5, 0, -1), (MIN, 1, MIN, 0),
     (MIN, 2, -(2**62), 0), (MIN + 1, -1, MAX, 0), (MAX, MIN, 0, MAX), (MIN, MAX, -1, -1)],
)  # fmt: skip
def test_int_quot_rem_truncate_toward_zero(x: int, y: int, q: int, r: int) -> None:
    assert P["intQuot"](x, y) == q
    assert P["intRem"](x, y) == r
    assert q * y + r == x
    assert P["integerQuot"](x * 10**30, y) == (abs(x) * 10**30 // abs(y)) * (
        1 if (x < 0) == (y < 0) else -1
    )


def test_int_comparisons_return_bools() -> None:
    assert P["intEq"](3, 3) is TRUE and P["intEq"](3, 4) is FALSE
    assert P["intLt"](MIN, MAX) is TRUE and P["intLt"](3, 3) is FALSE
    assert P["intLe"](3, 3) is TRUE and P["intLe"](4, 3) is FALSE


def test_int_integer_conversions() -> None:
    assert P["intToInteger"](MIN) == MIN
    assert P["integerToInt"](2**63) == MIN
    assert P["integerToInt"](2**64 + 3) == 3
    assert P["integerToInt"](-(2**64) - 1) == -1
    assert P["integerToInt"](-5) == -5
    assert P["integerToInt"](10**30) == 10**30 % 2**64 - 2**64 * (10**30 % 2**64 >= 2**63)


# -- Integer -----------------------------------------------------------------------


def test_integer_arithmetic_is_exact() -> None:
    big = 2**200 + 12345
    assert P["integerAdd"](big, big) == 2 * big
    assert P["integerSub"](big, 2**200) == 12345
    assert P["integerMul"](big, -big) == -(big * big)
    assert P["integerNegate"](-big) == big
    assert P["integerQuot"](-(10**40) - 7, 10**20) == -(10**20)
    assert P["integerRem"](-(10**40) - 7, 10**20) == -7
    assert P["integerRem"](10**40 + 7, -(10**20)) == 7
    assert P["integerQuot"](-7, 2) == -3 and P["integerRem"](-7, 2) == -1
    assert P["integerEq"](big, big) is TRUE and P["integerEq"](big, -big) is FALSE
    assert P["integerLt"](-big, big) is TRUE and P["integerLt"](big, big) is FALSE
    assert P["integerLe"](big, big) is TRUE and P["integerLe"](big, -big) is FALSE


# -- Double ------------------------------------------------------------------------

NAN = math.nan
INF = math.inf


def test_double_arithmetic_is_ieee() -> None:
    assert P["doubleAdd"](0.1, 0.2) == 0.30000000000000004
    assert P["doubleSub"](1.0, 0.75) == 0.25
    assert P["doubleMul"](1e308, 10.0) == INF
    assert math.isnan(P["doubleMul"](INF, 0.0))
    assert P["doubleDiv"](1.0, 4.0) == 0.25
    assert P["doubleDiv"](1.0, 0.0) == INF
    assert P["doubleDiv"](1.0, -0.0) == -INF
    assert P["doubleDiv"](-1.0, 0.0) == -INF
    assert P["doubleDiv"](-1.0, -0.0) == INF
    assert math.isnan(P["doubleDiv"](0.0, 0.0))
    assert math.isnan(P["doubleDiv"](NAN, 0.0))
    assert same(P["doubleDiv"](1.0, INF), 0.0)
    assert same(P["doubleDiv"](-1.0, INF), -0.0)


def test_double_negate_flips_the_sign_of_zero_and_nan() -> None:
    assert same(P["doubleNegate"](0.0), -0.0)
    assert same(P["doubleNegate"](-0.0), 0.0)
    assert P["doubleNegate"](INF) == -INF
    nan = P["doubleNegate"](NAN)
    assert math.isnan(nan) and math.copysign(1.0, nan) == -math.copysign(1.0, NAN)


def test_double_comparisons() -> None:
    for op in ("doubleEq", "doubleLt", "doubleLe"):
        assert P[op](NAN, NAN) is FALSE
        assert P[op](NAN, 1.0) is FALSE
        assert P[op](1.0, NAN) is FALSE
    assert P["doubleEq"](-0.0, 0.0) is TRUE
    assert P["doubleLt"](-0.0, 0.0) is FALSE
    assert P["doubleLe"](-0.0, 0.0) is TRUE
    assert P["doubleLt"](-INF, INF) is TRUE
    assert P["doubleEq"](1.5, 1.5) is TRUE


def test_rational_to_double_is_correctly_rounded() -> None:
    r = P["rationalToDouble"]
    assert r(1, 10) == 0.1
    assert r(2**54 + 3, 1) == 1.8014398509481988e16
    assert r(2**53 + 1, 1) == 2.0**53  # tie to even
    assert r(2**53 + 3, 1) == 2.0**53 + 4
    assert r(-1, 3) == -1 / 3
    assert r(10**400, 1) == INF
    assert r(-(10**400), 7) == -INF
    assert r(2**1024 - 2**970, 1) == INF  # exactly halfway to 2**1024: ties to even
    assert r(2**1024 - 2**970 - 1, 1) == sys.float_info.max
    assert r(1, 2**1074) == 5e-324
    assert r(1, 2**1075) == 0.0  # halfway to the least subnormal: ties to even (zero)
    assert r(1, 2**1075 - 1) == 5e-324
    assert r(3, 2**1075) == 1e-323
    assert same(r(-1, 10**400), -0.0)
    assert same(r(0, 5), 0.0)
    assert r(123456789, 1000) == 123456.789


def test_decode_double() -> None:
    d = P["decodeDouble"]
    assert d(1.0) == (0, 2**52, -52)
    assert d(-0.75) == (0, -3 * 2**51, -53)
    assert d(0.1) == (0, 7205759403792794, -56)
    assert d(5e-324) == (0, 2**52, -1126)  # subnormals normalised
    assert d(sys.float_info.max) == (0, 2**53 - 1, 971)
    assert d(0.0) == (0, 0, 0) and d(-0.0) == (0, 0, 0)
    assert d(INF) == (0, 2**52, 972)
    assert d(-INF) == (0, -(2**52), 972)
    assert d(NAN) == (0, -6755399441055744, 972)


def test_encode_double() -> None:
    e = P["encodeDouble"]
    assert e(884279719003555, -48) == math.pi
    assert e(2**52, -52) == 1.0
    assert e(-3, -1) == -1.5
    assert e(1, -1074) == 5e-324
    assert e(1, -1075) == 0.0
    assert e(3, -1075) == 1e-323  # 1.5 * 2**-1074 rounds to even: 2 * 2**-1074
    assert e(1, 1024) == INF and e(-1, 1024) == -INF
    assert e(1, 10**18) == INF
    assert e(1, -(10**18)) == 0.0
    assert e(0, 5000) == 0.0
    assert e(2**53 + 1, 0) == 2.0**53  # big mantissas are rounded once too
    assert e(2**60 + 2**7, -7) == 2.0**53  # halfway: to even
    assert e(2**60 + 2**7 + 1, -7) == 2.0**53 + 2
    assert e(3 * 2**2000, -2000) == 3.0
    assert e(2**2000, 0) == INF
    assert e(-(2**2000), -5000) == -0.0


def test_elementary_functions_follow_libm() -> None:
    assert P["doubleExp"](0.0) == 1.0 and P["doubleExp"](1000.0) == INF
    assert P["doubleExp"](-1000.0) == 0.0
    assert P["doubleLog"](math.e) == 1.0
    assert P["doubleLog"](0.0) == -INF and P["doubleLog"](-0.0) == -INF
    assert math.isnan(P["doubleLog"](-1.0))
    assert P["doubleSqrt"](2.0) == math.sqrt(2.0)
    assert same(P["doubleSqrt"](-0.0), -0.0)
    assert math.isnan(P["doubleSqrt"](-1.0))
    pow_ = P["doublePow"]
    assert pow_(2.0, 10.0) == 1024.0
    assert pow_(0.0, -1.0) == INF and pow_(-0.0, -1.0) == -INF and pow_(-0.0, -2.0) == INF
    assert math.isnan(pow_(-8.0, 1.0 / 3.0))
    assert pow_(10.0, 400.0) == INF and pow_(-10.0, 401.0) == -INF and pow_(-10.0, 400.0) == INF
    assert pow_(NAN, 0.0) == 1.0 and pow_(1.0, NAN) == 1.0
    for fn in ("Sin", "Cos", "Tan"):
        assert math.isnan(P[f"double{fn}"](INF))
    assert P["doubleSin"](0.5) == math.sin(0.5)
    assert P["doubleCos"](0.5) == math.cos(0.5)
    assert P["doubleTan"](0.5) == math.tan(0.5)
    assert math.isnan(P["doubleAsin"](2.0)) and P["doubleAsin"](1.0) == math.pi / 2
    assert math.isnan(P["doubleAcos"](-2.0)) and P["doubleAcos"](-1.0) == math.pi
    assert P["doubleAtan"](INF) == math.pi / 2
    assert P["doubleSinh"](1000.0) == INF and P["doubleSinh"](-1000.0) == -INF
    assert P["doubleSinh"](1.0) == math.sinh(1.0)
    assert P["doubleCosh"](-1000.0) == INF and P["doubleCosh"](0.0) == 1.0
    assert P["doubleTanh"](1000.0) == 1.0
    assert P["doubleAsinh"](1.0) == math.asinh(1.0)
    assert math.isnan(P["doubleAcosh"](0.5)) and P["doubleAcosh"](1.0) == 0.0
    assert P["doubleAtanh"](1.0) == INF and P["doubleAtanh"](-1.0) == -INF
    assert math.isnan(P["doubleAtanh"](1.5)) and P["doubleAtanh"](0.5) == math.atanh(0.5)
    for fn in ("Exp", "Log", "Sqrt", "Sin", "Asin", "Acosh", "Atanh", "Sinh", "Cosh"):
        assert math.isnan(P[f"double{fn}"](NAN))


# -- Float -------------------------------------------------------------------------


def test_double_to_float_rounds_to_nearest_even() -> None:
    f = P["doubleToFloat"]
    assert f(0.1) == 0.10000000149011612
    assert f(1.0 + 2.0**-24) == 1.0  # tie: to even
    assert f(1.0 + 3 * 2.0**-24) == 1.0 + 2.0**-22
    assert f(1.0 + 2.0**-24 + 2.0**-40) == 1.0 + 2.0**-23
    assert f(FLT_MAX) == FLT_MAX
    assert f(FLT_MAX + 2.0**103 - 2.0**76) == FLT_MAX  # just below halfway: rounds down
    assert f(FLT_MAX + 2.0**103) == INF  # halfway to 2**128: ties to even, overflow
    assert f(-(FLT_MAX + 2.0**104)) == -INF
    assert f(1e300) == INF and f(-1e300) == -INF
    assert f(INF) == INF and math.isnan(f(NAN))
    assert f(2.0**-149) == 2.0**-149
    assert f(2.0**-150) == 0.0  # halfway to the least subnormal: to even
    assert f(2.0**-150 + 2.0**-200) == 2.0**-149
    assert same(f(-1e-60), -0.0)
    assert P["floatToDouble"](0.10000000149011612) == 0.10000000149011612


# -- Char --------------------------------------------------------------------------


def test_char_code_points() -> None:
    assert P["charToInt"]("A") == 65 and P["charToInt"]("\U0010ffff") == 0x10FFFF
    assert P["intToChar"](0xD800) == "\ud800"
    assert P["intToChar"](955) == "λ"


@pytest.mark.parametrize(
    ("char", "index"),
    [("A", 0), ("a", 1), ("ǅ", 2), ("ʰ", 3), ("א", 4), ("\u0301", 5), ("\u0903", 6),
     ("\u20dd", 7), ("7", 8), ("Ⅻ", 9), ("½", 10), ("_", 11), ("-", 12), ("(", 13),
     (")", 14), ("«", 15), ("»", 16), ("!", 17), ("+", 18), ("$", 19), ("^", 20),
     ("©", 21), (" ", 22), ("\u2028", 23), ("\u2029", 24), ("\n", 25), ("\u200b", 26),
     ("\ud800", 27), ("\ue000", 28), ("\u0378", 29)],
)  # fmt: skip
def test_general_category_indices(char: str, index: int) -> None:
    assert P["charGeneralCategory"](char) == index


def test_simple_case_mappings_as_ghc() -> None:
    # Recorded with GHC 9.0.2 (See Note [Simple case mappings]).
    up, low, title = P["charToUpper"], P["charToLower"], P["charToTitle"]
    assert (up("a"), low("A"), title("a"), up("1")) == ("A", "a", "A", "1")
    assert (up("ß"), up("ŉ"), title("ß"), title("ŉ")) == ("ß", "ŉ", "ß", "ŉ")
    assert (up("ǅ"), up("ǆ"), up("Ǆ"), low("ǅ"), title("ǆ")) == ("Ǆ", "Ǆ", "Ǆ", "ǆ", "ǅ")
    assert (low("İ"), up("ı"), low("K")) == ("i", "I", "k")
    assert (up("ᾀ"), up("ᾳ"), up("ῳ"), title("ᾀ"), low("ᾈ")) == ("ᾈ", "ᾼ", "ῼ", "ᾈ", "ᾀ")
    assert (up("ﬀ"), title("ﬀ"), low("ﬀ")) == ("ﬀ", "ﬀ", "ﬀ")
    assert up("\ud800") == "\ud800"
    assert up("ÿ") == "Ÿ" and low("Σ") == "σ"


# -- Evaluation and errors -----------------------------------------------------------


def test_seq_returns_its_second_argument_unevaluated() -> None:
    later = Thunk(lambda: 1)
    assert P["seq"](5, later) is later


def test_error_forces_its_message_completely() -> None:
    backend, _, table = setup()
    with pytest.raises(HaskellError) as info:
        table["error"](backend.force(lazy_string("boom: ünïcode")))
    assert info.value.message == "boom: ünïcode"


def test_error_in_the_message_wins() -> None:
    backend, _, table = setup()

    def inner() -> object:
        raise HaskellError("inner")

    message = backend.force(lazy_string("ab", Thunk(inner)))
    with pytest.raises(HaskellError, match="inner"):
        table["error"](message)


def test_show_primitives_build_strings() -> None:
    backend, _, table = setup()
    assert to_py(backend, table["showDouble"](-2.5)) == "-2.5"
    assert to_py(backend, table["showFloat"](table["doubleToFloat"](1 / 3))) == "0.33333334"

"""showDouble / showFloat against GHC's recorded output (golden/show_float.golden,
re-recorded with golden/record_show_float.py; no GHC needed here)."""

from __future__ import annotations

import math
import random
import struct
from pathlib import Path

import pytest

from ifacedir.backend import floatdigits
from ifacedir.backend.floatdigits import float_to_digits, show_double, show_float

GOLDEN = Path(__file__).with_name("golden") / "show_float.golden"


def _golden() -> list[tuple[str, int, str]]:
    rows = []
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        kind, hex_bits, shown = line.split(" ", 2)
        rows.append((kind, int(hex_bits, 16), shown))
    return rows


def _double(b: int) -> float:
    return float(struct.unpack("<d", struct.pack("<Q", b))[0])


def _float(b: int) -> float:
    return float(struct.unpack("<f", struct.pack("<I", b))[0])


def test_golden_file_is_big_enough() -> None:
    rows = _golden()
    assert sum(kind == "d" for kind, _, _ in rows) >= 3000
    assert sum(kind == "f" for kind, _, _ in rows) >= 1000


def test_show_double_matches_ghc() -> None:
    wrong = [
        (f"{b:016x}", shown, show_double(_double(b)))
        for kind, b, shown in _golden()
        if kind == "d" and show_double(_double(b)) != shown
    ]
    assert not wrong[:20]


def test_show_float_matches_ghc() -> None:
    wrong = [
        (f"{b:08x}", shown, show_float(_float(b)))
        for kind, b, shown in _golden()
        if kind == "f" and show_float(_float(b)) != shown
    ]
    assert not wrong[:20]


@pytest.mark.parametrize(
    ("x", "text"),
    [(0.1, "0.1"), (1.0, "1.0"), (0.01, "1.0e-2"), (1e7, "1.0e7"), (1.23456789e7, "1.23456789e7"),
     (9999999.0, "9999999.0"), (-2.5, "-2.5"), (5e-324, "5.0e-324"), (math.inf, "Infinity"),
     (-math.inf, "-Infinity"), (math.nan, "NaN"), (-0.0, "-0.0"), (0.0, "0.0"),
     (3.0925352787701443e18, "3.0925352787701443e18"), (123.456, "123.456"),
     (1e21, "1.0e21"), (1e22, "1.0e22"), (0.1 + 0.2, "0.30000000000000004"),
     (1234567.0, "1234567.0"), (100.0, "100.0"),
     (1.7976931348623157e308, "1.7976931348623157e308")],
)  # fmt: skip
def test_show_double_examples(x: float, text: str) -> None:
    assert show_double(x) == text


@pytest.mark.parametrize(
    ("x", "text"),
    [(0.1, "0.1"), (1 / 3, "0.33333334"), (16777216.0, "1.6777216e7"), (1e-45, "1.0e-45"),
     (3.4028234663852886e38, "3.4028235e38"), (-0.0, "-0.0"), (1.5, "1.5")],
)  # fmt: skip
def test_show_float_examples(x: float, text: str) -> None:
    single = float(struct.unpack("<f", struct.pack("<f", x))[0])
    assert show_float(single) == text


def test_float_to_digits() -> None:
    assert float_to_digits(0.0) == ([0], 0)
    assert float_to_digits(0.1) == ([1], 0)
    assert float_to_digits(123.456) == ([1, 2, 3, 4, 5, 6], 3)
    assert float_to_digits(5e-324) == ([5], -323)
    single = float(struct.unpack("<f", struct.pack("<f", 0.1))[0])
    assert float_to_digits(single, 24) == ([1], 0)


def test_repr_shortcut_agrees_with_the_full_algorithm(monkeypatch: pytest.MonkeyPatch) -> None:
    """See Note [Taking repr's digits when GHC agrees]: random doubles, both ways."""
    rng = random.Random(5)
    values = [abs(_double(rng.getrandbits(64))) for _ in range(4000)]
    values += [rng.uniform(0.0, 1e6) for _ in range(2000)]
    values += [float(rng.randint(1, 2**64)) for _ in range(2000)]
    values = [x for x in values if math.isfinite(x) and x != 0.0]
    fast = [show_double(x) for x in values]
    monkeypatch.setattr(floatdigits, "_repr_digits", lambda *args: None)
    assert fast == [show_double(x) for x in values]

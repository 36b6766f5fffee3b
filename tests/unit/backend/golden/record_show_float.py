"""Record GHC's ``show`` of Doubles and Floats into show_float.golden.

Run from the repository root (needs GHC 9.0.2's ``runghc`` on PATH; a couple of minutes):

    .venv/bin/python tests/unit/backend/golden/record_show_float.py

Each line of the golden file is ``d <16 hex digits> <show>`` for a Double or
``f <8 hex digits> <show>`` for a Float: the IEEE bit pattern, then exactly what
GHC's ``show`` prints for it. tests/unit/backend/test_prims_show.py checks
ifacedir.backend.floatdigits against the file without needing GHC.

The values are chosen deterministically (a fixed random seed): powers of two and
their neighbours over the whole exponent range (subnormals included), the doubles
nearest the powers of ten and their neighbours, the edges of the fixed-point
format (0.1 and 10^7), the ends of the subnormal and normal ranges, random bit
patterns, ordinary decimals, and, among a large pool of random doubles, every one
for which GHC's digits differ from Python's ``repr`` (the cases a repr-based
``show`` would get wrong).
"""

from __future__ import annotations

import math
import random
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

GOLDEN = Path(__file__).with_name("show_float.golden")
POOL = 400_000  # random doubles sent to GHC to find where it disagrees with repr

HASKELL = """\
import GHC.Float (castWord32ToFloat, castWord64ToDouble)
import Numeric (readHex)

main :: IO ()
main = interact (unlines . map one . lines)

one :: String -> String
one line = case words line of
  ["d", h] -> "d " ++ h ++ " " ++ show (castWord64ToDouble (fst (head (readHex h))))
  ["f", h] -> "f " ++ h ++ " " ++ show (castWord32ToFloat (fst (head (readHex h))))
  _ -> error ("bad line: " ++ line)
"""


def _dbits(x: float) -> int:
    return int(struct.unpack("<Q", struct.pack("<d", x))[0])


def _fbits(x: float) -> int:
    return int(struct.unpack("<I", struct.pack("<f", x))[0])


def _around(bits: int, n: int, top: int) -> list[int]:
    return [b for b in range(bits - n, bits + n + 1) if 0 <= b < top]


def _doubles(rng: random.Random) -> list[int]:
    out: list[int] = []
    for e in range(-1074, 1024):
        out.extend(_around(_dbits(math.ldexp(1.0, e)), 1, 0x7FF0000000000000))
    for k in range(-323, 309):
        out.extend(_around(_dbits(float(f"1e{k}")), 1, 0x7FF0000000000000))
    for x in (0.1, 1e7, 9999999.0, 0.3, 2.0 / 3.0, 5e-324, 2.2250738585072014e-308):
        out.extend(_around(_dbits(x), 8, 0x7FF0000000000000))
    out.extend(_around(0x000FFFFFFFFFFFFF, 4, 0x7FF0000000000000))  # largest subnormal
    out.extend(_around(0x7FEFFFFFFFFFFFFF, 4, 0x7FF0000000000000))  # largest finite
    out.extend([0, 1 << 63, 0x7FF0000000000000, 0xFFF0000000000000, 0x7FF8000000000000])
    out.extend(rng.getrandbits(64) for _ in range(1500))
    out.extend(_dbits(rng.uniform(-1000.0, 1000.0)) for _ in range(300))
    out.extend(_dbits(rng.randint(-(10**6), 10**6) / 1000) for _ in range(300))
    out.extend(_dbits(-x) for x in (0.1, 1.5, 1e7, 1e-2, 5e-324, 1e300))
    return out


def _floats(rng: random.Random) -> list[int]:
    out: list[int] = []
    for e in range(-149, 128):
        out.extend(_around(_fbits(math.ldexp(1.0, e)), 1, 0x7F800000))
    for k in range(-45, 39):
        x = float(f"1e{k}")
        if 1e-45 <= x <= 3.4e38:
            out.extend(_around(_fbits(x), 1, 0x7F800000))
    for x in (0.1, 1e7, 16777216.0, 0.33333334, 9999999.0, 1.0e-2):
        out.extend(_around(_fbits(x), 6, 0x7F800000))
    out.extend(_around(0x007FFFFF, 3, 0x7F800000))  # largest subnormal
    out.extend(_around(0x7F7FFFFF, 3, 0x7F800000))  # largest finite
    out.extend([0, 1 << 31, 0x7F800000, 0xFF800000, 0x7FC00000])
    out.extend(rng.getrandbits(32) for _ in range(1000))
    out.extend(_fbits(rng.randint(-(10**5), 10**5) / 100) for _ in range(300))
    return out


def _repr_show(bits: int) -> str:
    """What a show built on repr's digits would print (to find the hard cases)."""
    x = struct.unpack("<d", struct.pack("<Q", bits))[0]
    if not math.isfinite(x) or x == 0.0:
        return ""
    mantissa, _, exponent = repr(abs(x)).partition("e")
    whole, _, frac = mantissa.partition(".")
    frac = "" if frac == "0" else frac
    digits = (whole + frac).lstrip("0")
    q = (int(exponent) if exponent else 0) - len(frac) + len(digits) - len(digits.rstrip("0"))
    digits = digits.rstrip("0")
    k = len(digits) + q
    sign = "-" if x < 0 else ""
    if 0 <= k <= 7:
        text = "0." + digits if k == 0 else (digits + "0" * k)[:k] + "." + (digits[k:] or "0")
    else:
        text = digits[0] + "." + (digits[1:] or "0") + "e" + str(k - 1)
    return sign + text


def _run_ghc(lines: list[str]) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "ShowFloat.hs"
        source.write_text(HASKELL, encoding="utf-8")
        done = subprocess.run(
            ["runghc", str(source)],
            input="".join(line + "\n" for line in lines),
            capture_output=True,
            text=True,
            check=True,
        )
    return done.stdout.splitlines()


def main() -> int:
    rng = random.Random(20240601)
    doubles = list(dict.fromkeys(_doubles(rng)))
    floats = list(dict.fromkeys(_floats(rng)))
    chosen = set(doubles)
    pool = [rng.getrandbits(64) for _ in range(POOL)]
    pool = [b for b in dict.fromkeys(pool) if b not in chosen and _repr_show(b)]
    answers = _run_ghc([f"d {b:016x}" for b in doubles + pool] + [f"f {b:08x}" for b in floats])
    shown = dict(
        zip([("d", b) for b in doubles + pool] + [("f", b) for b in floats], answers, strict=True)
    )
    hard = [b for b in pool if shown["d", b].split(" ", 2)[2] != _repr_show(b)]
    keep = [("d", b) for b in doubles + hard] + [("f", b) for b in floats]
    GOLDEN.write_text("".join(shown[key] + "\n" for key in keep), encoding="utf-8")
    print(f"{len(doubles)} doubles, {len(hard)} of {len(pool)} random doubles where GHC")
    print(f"differs from repr, {len(floats)} floats -> {GOLDEN}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

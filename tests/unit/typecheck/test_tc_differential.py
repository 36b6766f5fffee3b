"""Differential testing against GHC: mutate the corpus's accepted programs (one
identifier or literal replaced by another) and require the same verdict as ``ghc
-fno-code -XHaskell2010``, and for programs both accept, the same types.

Slow and needs ghc: ``make test-slow`` (or ``--run-slow``). Mutants our renamer
rejects (scope errors) are skipped: the typechecker never sees them. A seed that
once found a disagreement is worth adding to ``SEEDS``.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Final

import pytest
from tc_golden import normalise, ours

from ifacedir.typecheck.typecheck import typecheck_program

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "typecheck_corpus"))

from tc_cases import all_cases, parse_dump_types

pytestmark = [
    pytest.mark.slow,
    pytest.mark.ghc,
    pytest.mark.skipif(shutil.which("ghc") is None, reason="ghc is not installed"),
]

SEEDS: Final = (5, 6, 8)
MUTANTS_PER_SEED: Final = 40
_KEYWORDS: Final = frozenset(
    [
        "module",
        "where",
        "import",
        "data",
        "type",
        "class",
        "instance",
        "let",
        "in",
        "case",
        "of",
        "if",
        "then",
        "else",
        "do",
        "deriving",
        "newtype",
        "qualified",
        "as",
        "hiding",
        "infixl",
        "infixr",
        "infix",
        "main",
    ]
)
_TOKEN: Final = re.compile(r"\b[a-zA-Z_][\w']*\b|\b\d+\b")
_POOL: Final = ("1", "'c'", "True", "()", "Nothing", "1.5", '"s"')


def _mutant(rng: random.Random, text: str) -> str:
    toks = [m for m in _TOKEN.finditer(text) if m.group(0) not in _KEYWORDS]
    m = rng.choice(toks)
    return (
        text[: m.start()] + rng.choice([t.group(0) for t in toks] + list(_POOL)) + text[m.end() :]
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_mutants_agree_with_ghc(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    cases = [c for c in all_cases() if c.expected().outcome == "accept" and len(c.sources) == 1]
    disagreements: list[str] = []
    done = 0
    for n in range(MUTANTS_PER_SEED * 10):
        if done == MUTANTS_PER_SEED:
            break
        case = rng.choice(cases)
        work = tmp_path / f"m{n}"
        work.mkdir()
        src = work / "Main.hs"
        src.write_text(_mutant(rng, (case.root / "Main.hs").read_text(encoding="utf-8")))
        res = typecheck_program(src)
        if res.renamed.diagnostics:
            continue
        done += 1
        ghc = subprocess.run(
            ["ghc", "-fno-code", "-ddump-types", "-XHaskell2010", "Main.hs"],
            cwd=work,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if (ghc.returncode == 0) != res.ok:
            disagreements.append(f"{case.name} m{n}: ours ok={res.ok}, ghc ok={not ghc.returncode}")
            continue
        if not res.ok:
            continue
        schemes = {v.name.occ: v.scheme for v in res.modules[-1].schemes}
        for line in parse_dump_types(ghc.stdout).get("Main", []):
            if line.startswith("instance "):
                continue
            name, _, ty = line.partition(" :: ")
            sc = schemes.get(name.strip("()"))
            if sc is None or ours(sc) != normalise(ty):
                disagreements.append(f"{case.name} m{n}: {line}")
    assert disagreements == []

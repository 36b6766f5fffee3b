"""Golden tests: our inferred schemes and instances against GHC 9.0.2's ``-ddump-types``.

Each ``golden/X.hs`` sits next to ``golden/X.ghc``, the output of

    ghc -fno-code -ddump-types -XHaskell2010 X.hs

(re-record with ``--update-golden``, which needs ghc). The programs cover
let-polymorphism, the monomorphism restriction and defaulting (Rule 1 and 2 of Report
§4.5.5, §4.3.4), polymorphic recursion with a signature, mutual recursion, a class
with a superclass and default methods, instances with contexts, ``instance Functor
Tree``, a user ``Monad`` with ``Functor`` and ``Applicative``, records and deriving.
Schemes are compared as spec/TYPECHECK-PLAN.md §6 says (see tc_golden).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tc_golden import normalise, ours

from ifacedir.syntax.types import TypePrinter
from ifacedir.typecheck.typecheck import typecheck_program

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "typecheck_corpus"))

from tc_cases import parse_dump_types

GOLDEN = Path(__file__).resolve().parent / "golden"
PROGRAMS = sorted(GOLDEN.glob("*.hs"))


def _record(src: Path) -> None:
    out = subprocess.run(
        ["ghc", "-fno-code", "-ddump-types", "-XHaskell2010", src.name],
        cwd=src.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
    src.with_suffix(".ghc").write_text(out.stdout + out.stderr, encoding="utf-8")


@pytest.mark.parametrize("src", PROGRAMS, ids=lambda p: p.stem)
def test_schemes_agree_with_ghc(src: Path, request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--update-golden", default=False):
        if shutil.which("ghc") is None:
            pytest.skip("ghc is needed to re-record")
        _record(src)
    dump = parse_dump_types(src.with_suffix(".ghc").read_text(encoding="utf-8"))
    res = typecheck_program(src)
    assert res.diagnostics == ()
    main = res.modules[-1]
    syns = {s.synonym.name.occ: s.synonym for m in res.modules for s in m.interface.synonyms}
    schemes = {v.name.occ: v.scheme for v in main.schemes}
    instances = []
    for info in main.interface.instances:
        pp = TypePrinter()
        q = info.instance.qual
        instances.append(
            normalise(pp.context(q.preds) + f"{q.head.cls.occ} {pp.type(q.head.type, 2)}")
        )
    lines = dump["Main"]
    assert lines
    for line in lines:
        if line.startswith("instance "):
            assert normalise(line.removeprefix("instance "), synonyms=syns) in instances, line
            continue
        name, _, ghc = line.partition(" :: ")
        sc = schemes.get(name.strip("()"))
        assert sc is not None, name
        assert ours(sc) == normalise(ghc, synonyms=syns), line

"""The typechecker against the GHC-recorded corpus in tests/typecheck_corpus.

For every accepted program, each top-level binding's inferred (or declared) scheme and
each instance (declared or derived, with its context) must agree with GHC 9.0.2's
``-ddump-types``, compared as spec/TYPECHECK-PLAN.md §6 says (synonyms expanded on
GHC's side, contexts as sets, variables renamed; see tc_golden). For every rejected
program we must report an error, at GHC's location except for the few cases listed in
``LOCATION_DIFFERS`` (each with the reason).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Final

import pytest
from tc_golden import normalise, ours

from ifacedir.syntax.types import TypePrinter
from ifacedir.typecheck.typecheck import TcResult, typecheck_program

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "typecheck_corpus"))

from tc_cases import TcCase, all_cases

CASES = all_cases()
ACCEPTS = [c for c in CASES if c.expected().outcome == "accept"]
REJECTS = [c for c in CASES if c.expected().outcome == "reject"]

# Rejected cases where our first error is elsewhere than GHC's, and why.
LOCATION_DIFFERS: Final[dict[str, str]] = {
    "113-occurs-in-where": "GHC reports the occurs check at the binding, we at the occurrence",
    "141-duplicate-derived-instance": "renamed deriving clauses carry no spans yet",
    "155-instance-head-concrete-argument": "rejected by the parser (P002)",
    "159-deriving-show-function-field": "renamed deriving clauses carry no spans yet",
    "160-deriving-enum-non-nullary": "renamed deriving clauses carry no spans yet",
    "161-deriving-eq-missing-component": "renamed deriving clauses carry no spans yet",
    "163-polymorphic-recursion-without-signature": "as 113: at the occurrence, not the binding",
}


# The corpus's error kinds (tests/typecheck_corpus/tc_cases.py, KINDS) and our codes.
KIND_CODES: Final[dict[str, set[str]]] = {
    "type-mismatch": {"T001"},
    "occurs-check": {"T002"},
    "rigid-type-variable": {"T014"},
    "arity-mismatch": {"T001"},
    "monomorphism": {"T001", "T004"},
    "monomorphic-lambda": {"T001"},
    "main-type": {"T015"},
    "no-instance": {"T004"},
    "could-not-deduce": {"T013"},
    "ambiguous-type": {"T005"},
    "missing-superclass": {"T004"},
    "duplicate-instance": {"T006"},
    "instance-head": {"T012", "P002"},
    "method-type": {"T007"},
    "deriving": {"T016", "T004"},
    "kind-mismatch": {"T003"},
    "record-field": {"T017"},
    "missing-field": {"T017"},
}


def _instance_text(result: TcResult) -> list[str]:
    out = []
    for info in result.interface.instances:
        pp = TypePrinter()
        q = info.instance.qual
        ctx = pp.context(q.preds)
        out.append(normalise(ctx + f"{q.head.cls.occ} {pp.type(q.head.type, 2)}"))
    return out


@pytest.mark.parametrize("case", ACCEPTS, ids=lambda c: c.name)
def test_accepted_program_types_agree_with_ghc(case: TcCase) -> None:
    res = typecheck_program(case.root / case.main)
    assert res.diagnostics == ()
    by_mod = {m.interface.module: m for m in res.modules}
    syns = {s.synonym.name.occ: s.synonym for m in res.modules for s in m.interface.synonyms}
    for mod, lines in case.expected().types.items():
        result = by_mod[mod]
        schemes = {v.name.occ: v.scheme for v in result.schemes}
        instances = _instance_text(result)
        for line in lines:
            if line.startswith("instance "):
                assert normalise(line.removeprefix("instance "), synonyms=syns) in instances, line
                continue
            name, _, ghc = line.partition(" :: ")
            sc = schemes.get(name.strip("()"))
            assert sc is not None, f"{mod}.{name} has no scheme"
            assert ours(sc) == normalise(ghc, synonyms=syns), line


@pytest.mark.parametrize("case", REJECTS, ids=lambda c: c.name)
def test_rejected_program_is_rejected_where_ghc_says(case: TcCase) -> None:
    res = typecheck_program(case.root / case.main)
    assert res.diagnostics, "accepted a program GHC rejects"
    loc = case.expected().location
    assert loc is not None
    found = {(Path(d.span.file).name, d.span.start.line, d.span.start.col) for d in res.diagnostics}
    if case.name not in LOCATION_DIFFERS:
        assert (Path(loc.file).name, loc.line, loc.col) in found
        here = [
            d.code
            for d in res.diagnostics
            if (d.span.start.line, d.span.start.col) == (loc.line, loc.col)
        ]
    else:
        here = [res.diagnostics[0].code]
    assert set(here) & KIND_CODES[case.expected().fields["kind"]], here

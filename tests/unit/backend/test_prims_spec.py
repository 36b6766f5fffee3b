"""PRIM_SPECS against GHC/Prim.hs, and the shape of make_prims's table."""

from __future__ import annotations

import re

from prims_fakes import setup

from ifacedir.backend.prims import PRIM_SPECS, PrimSpec
from ifacedir.lib import base_source_dir

_FOREIGN = re.compile(r'^foreign import prim "(\w+)" (\w+) :: (.+)$', re.MULTILINE)


def _arity(type_text: str) -> int:
    """Arrows at parenthesis depth 0."""
    depth = 0
    arrows = 0
    for i, c in enumerate(type_text):
        depth += (c == "(") - (c == ")")
        if depth == 0 and type_text.startswith("->", i):
            arrows += 1
    return arrows


def _declared() -> dict[str, tuple[str, int]]:
    text = (base_source_dir() / "GHC" / "Prim.hs").read_text(encoding="utf-8")
    return {m[1]: (m[2], _arity(m[3])) for m in _FOREIGN.finditer(text)}


def test_prim_specs_are_exactly_the_declared_primitives() -> None:
    declared = _declared()
    assert len(declared) == 80
    assert set(PRIM_SPECS) == set(declared)
    for entity, (haskell_name, arity) in declared.items():
        spec = PRIM_SPECS[entity]
        assert spec == PrimSpec(entity, arity, spec.strict)
        assert len(spec.strict) == arity, entity
        assert haskell_name == "prim" + entity[0].upper() + entity[1:]


def test_arity_parser_sees_through_parentheses() -> None:
    assert _arity("IO a -> (a -> IO b) -> IO b") == 2
    assert _arity("Handle") == 0
    assert _declared()["bindIO"] == ("primBindIO", 2)


def test_strictness() -> None:
    lazy = {e: s.strict for e, s in PRIM_SPECS.items() if not all(s.strict)}
    assert lazy == {"seq": (True, False), "returnIO": (False,), "bindIO": (False, False)}
    assert PRIM_SPECS["hPutStr"].strict == (True, True)  # [Char]: WHNF, then deep inside
    assert {e for e, s in PRIM_SPECS.items() if s.arity == 0} == {
        "stdin",
        "stdout",
        "stderr",
        "getArgs",
        "getProgName",
    }


def test_make_prims_covers_every_entity() -> None:
    _, _, table = setup()
    assert set(table) == set(PRIM_SPECS)
    assert all(callable(f) for f in table.values())

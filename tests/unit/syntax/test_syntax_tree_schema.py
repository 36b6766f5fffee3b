"""schemas/syntax-tree.schema.json describes what the codec writes, node by node."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from ifacedir.format import cbor
from ifacedir.format.jsonview import to_json_value
from ifacedir.parse.parser import parse_module
from ifacedir.rename.program import rename_program
from ifacedir.syntax.codec import encode_tree, tree_json_schema
from ifacedir.typecheck.typecheck import typecheck_program

ROOT = Path(__file__).resolve().parents[3]
PROGRAM = ROOT / "tests" / "typecheck_corpus" / "013-functor-tree" / "Main.hs"


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads((ROOT / "schemas" / "syntax-tree.schema.json").read_text("utf-8"))
    assert schema["prefixItems"] == tree_json_schema()["prefixItems"]
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)  # type: ignore[no-any-return]


def _json(tree: object) -> Any:
    """The tree's encoding as it appears in `inspect --json` (FORMAT.md §11)."""
    return to_json_value(cbor.decode(cbor.encode(encode_tree(tree))))


def test_parsed_tree_validates() -> None:
    text = PROGRAM.read_text("utf-8") if PROGRAM.exists() else "main = print 1\n"
    _validator().validate(_json(parse_module(text, "Main.hs")))


def test_renamed_and_typed_trees_validate() -> None:
    main = PROGRAM if PROGRAM.exists() else next(ROOT.glob("tests/typecheck_corpus/0*/Main.hs"))
    renamed = rename_program(main)
    assert renamed.ok
    for module in renamed.modules[-2:]:
        _validator().validate(_json(module))
    typed = typecheck_program(main)
    results = [r for r in typed.modules if r.interface.package == "main"]
    assert results
    for result in results:
        _validator().validate(_json(result))
        _validator().validate(_json(result.interface))


@pytest.mark.parametrize(
    ("path", "bad"),
    [((0,), "2001"), ((3, 0, 0), -1), ((3, 0), []), ((2, 0), ["a"]), ((3, 0, 1), [0, 1])],
)
def test_malformed_encodings_are_rejected(path: tuple[int, ...], bad: object) -> None:
    value = _json(parse_module("main = print 1\n", "Main.hs"))
    target = value
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = bad
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(value)

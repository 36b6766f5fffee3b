"""Module names (Haskell 2010 Report §5.1 modid) and the paths built from them."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from ifacedir.errors import InvalidNameError
from ifacedir.modulename import MAX_MODULE_NAME_LENGTH, ModuleName


@pytest.mark.parametrize(
    ("text", "components"),
    [
        ("Main", ("Main",)),
        ("Data.Queue", ("Data", "Queue")),
        ("A.B'_1", ("A", "B'_1")),
        ("Été.Ünïcode", ("Été", "Ünïcode")),
        ("ǅungla", ("ǅungla",)),  # title case counts as upper case
        ("X9.Y", ("X9", "Y")),
        ("A" * 200, ("A" * 200,)),
    ],
)
def test_valid_names(text: str, components: tuple[str, ...]) -> None:
    name = ModuleName(text)
    assert name.components == components
    assert str(name) == text
    assert name.relpath(".hidir") == PurePosixPath(*components[:-1], components[-1] + ".hidir")


@pytest.mark.parametrize(
    "text",
    [
        "",
        ".",
        "..",
        "a",
        "main",
        "Data..Queue",
        "Data/Queue",
        "Data\\Queue",
        "A.b",
        "A.",
        ".A",
        "A B",
        "A\x00",
        "A\n",
        "A-B",
        "1A",
        "_A",
        "'A",
        "A.B.",
        "E\u0301",  # a combining mark is not a letter
        "A" * 201,  # one component over the file-name cap
        ".".join(["Abc"] * 300),  # over the total cap
    ],
    ids=repr,
)
def test_invalid_names(text: str) -> None:
    with pytest.raises(InvalidNameError, match="invalid module name"):
        ModuleName(text)


def test_length_cap_is_exact() -> None:
    parts = ["A" * 199] * 5 + ["B" * (MAX_MODULE_NAME_LENGTH - 5 * 200)]
    at_cap = ".".join(parts)
    assert len(at_cap) == MAX_MODULE_NAME_LENGTH
    ModuleName(at_cap)
    with pytest.raises(InvalidNameError):
        ModuleName(at_cap + "C")


@pytest.mark.parametrize("value", [None, 42, b"Main", ["Main"]], ids=repr)
def test_non_text_is_invalid(value: object) -> None:
    with pytest.raises(InvalidNameError):
        ModuleName(value)  # type: ignore[arg-type]


def test_invalid_name_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        ModuleName("bad")


def test_names_order_and_compare_by_text() -> None:
    names = [ModuleName(t) for t in ["Data.Queue", "A", "Data", "A.B"]]
    assert [n.text for n in sorted(names)] == ["A", "A.B", "Data", "Data.Queue"]
    assert ModuleName("A") == ModuleName("A")
    assert len({ModuleName("A"), ModuleName("A")}) == 1

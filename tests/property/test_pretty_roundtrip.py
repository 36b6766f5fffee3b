"""The pretty printer against the parser: ``parse(pretty(m)) == m`` modulo spans.

For every ``.hs`` file of tests/module_system and tests/parse_errors that parses, and
for generated modules (tests/property/ast_strategies.py), in both printing modes
(explicit braces and the layout rule):

* printing and parsing again gives the same tree, spans erased;
* printing is idempotent: ``pretty(parse(pretty(m))) == pretty(m)``.

The generated examples are bounded (100 per test); ``-m slow`` runs 2,000 more.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ast_strategies import SPAN, decl_list, exprs, modules
from hypothesis import HealthCheck, given, settings

from ifacedir.diagnostics import SourceError
from ifacedir.parse.parser import parse_module
from ifacedir.syntax.ast import FunBind, Match, Module, Rhs
from ifacedir.syntax.names import RdrName
from ifacedir.syntax.pretty import pretty_module
from ifacedir.syntax.traverse import erase_spans, same_modulo_spans
from ifacedir.util.deep import run_deep

run_deep(lambda: None)  # raise the recursion limit before hypothesis records it

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted([*(ROOT / "module_system").glob("*/*.hs"), *(ROOT / "parse_errors").glob("*.hs")])
BOUNDED = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SLOW = settings(BOUNDED, max_examples=2000)


def _parsed_sources() -> list[tuple[str, Module[RdrName]]]:
    out = []
    for path in SOURCES:
        label = str(path.relative_to(ROOT))
        try:
            out.append((label, parse_module(path.read_text(encoding="utf-8"), label)))
        except SourceError:
            continue
    return out


PARSED = _parsed_sources()


def check_round_trip(module: Module[Any], *, explicit_layout: bool) -> None:
    text = pretty_module(module, explicit_layout=explicit_layout)
    try:
        again = parse_module(text, "<pretty>")
    except SourceError as exc:
        raise AssertionError(f"printed module does not parse: {exc}\n{text}") from None
    assert same_modulo_spans(again, module), text
    assert pretty_module(again, explicit_layout=explicit_layout) == text


def test_most_sources_parse() -> None:
    assert len(PARSED) >= len(SOURCES) - 40  # the parse_errors cases that must fail


@pytest.mark.parametrize("explicit_layout", [True, False], ids=["braces", "layout"])
@pytest.mark.parametrize(("label", "module"), PARSED, ids=[label for label, _ in PARSED])
def test_sources_round_trip(label: str, module: Module[RdrName], explicit_layout: bool) -> None:
    check_round_trip(module, explicit_layout=explicit_layout)


def _module_of(expr: Any) -> Module[RdrName]:
    match = Match(SPAN, (), Rhs(SPAN, expr, (), ()))
    return Module(SPAN, "M", None, (), (FunBind(SPAN, RdrName("it"), (match,)),), name_span=SPAN)


@BOUNDED
@given(modules())
def test_generated_modules_round_trip(module: Module[RdrName]) -> None:
    check_round_trip(module, explicit_layout=True)
    check_round_trip(module, explicit_layout=False)


@BOUNDED
@given(exprs(4))
def test_generated_expressions_round_trip(expr: Any) -> None:
    check_round_trip(_module_of(expr), explicit_layout=True)
    check_round_trip(_module_of(expr), explicit_layout=False)


@BOUNDED
@given(decl_list(3))
def test_generated_declarations_round_trip(decls: Any) -> None:
    module = Module(SPAN, "M", None, (), decls, name_span=SPAN)
    check_round_trip(module, explicit_layout=True)
    check_round_trip(module, explicit_layout=False)


@pytest.mark.slow
@SLOW
@given(modules(3))
def test_generated_modules_round_trip_slow(module: Module[RdrName]) -> None:
    check_round_trip(module, explicit_layout=True)
    check_round_trip(module, explicit_layout=False)


def test_erase_spans_is_what_the_round_trip_compares() -> None:
    label, module = PARSED[0]
    again = parse_module(pretty_module(module), "<pretty>")
    assert erase_spans(again) == erase_spans(module), label


DEEP_SOURCES = {
    "parens": "x = " + "(" * 2000 + "1" + ")" * 2000,
    "chain": "x = " + " ++ ".join(["a"] * 5000),
    "list": "x = [" + ", ".join(["1"] * 10_000) + "]",
    "do": "x = " + "do { " * 300 + "y" + " }" * 300,
}


@pytest.mark.parametrize("name", sorted(DEEP_SOURCES))
def test_deep_sources_round_trip(name: str) -> None:
    module = parse_module("module M where\n" + DEEP_SOURCES[name] + "\n", "Deep.hs")
    check_round_trip(module, explicit_layout=True)
    check_round_trip(module, explicit_layout=False)

"""map_spans / erase_spans / iter_nodes / same_modulo_spans on small and deep trees."""

from __future__ import annotations

from ifacedir.syntax.ast import EApp, ELit, EParen, EVar, LitInt, Module, PVar
from ifacedir.syntax.names import RdrName
from ifacedir.syntax.span import SrcLoc, SrcSpan
from ifacedir.syntax.traverse import (
    ERASED_SPAN,
    erase_spans,
    iter_nodes,
    map_spans,
    same_modulo_spans,
)


def sp(line: int, col: int = 1, file: str = "A.hs") -> SrcSpan:
    return SrcSpan(file, SrcLoc(line, col), SrcLoc(line, col + 1))


def var(name: str, line: int = 1) -> EVar[RdrName]:
    return EVar(sp(line), RdrName(name))


def test_erase_spans_replaces_every_span() -> None:
    tree = EApp(sp(1), var("f", 2), EParen(sp(3), ELit(sp(4), LitInt(1))))
    erased = erase_spans(tree)
    spans = [n.span for n in iter_nodes(erased) if getattr(n, "span", None) is not None]
    assert spans and all(s == ERASED_SPAN for s in spans)
    assert erased == erase_spans(EApp(sp(9), var("f", 8), EParen(sp(7), ELit(sp(6), LitInt(1)))))


def test_map_spans_shares_unchanged_subtrees() -> None:
    tree = EApp(sp(1), var("f"), var("x"))
    assert map_spans(tree, lambda s: s) is tree
    shifted = map_spans(tree, lambda s: SrcSpan("B.hs", s.start, s.end))
    assert isinstance(shifted, EApp) and shifted.span.file == "B.hs"
    assert isinstance(shifted.fun, EVar) and shifted.fun.span.file == "B.hs"


def test_map_spans_on_optional_and_tuple_fields() -> None:
    module: Module[RdrName] = Module(sp(1), "M", None, (), (), name_span=sp(2))
    erased = erase_spans(module)
    assert erased.name_span == ERASED_SPAN and erased.exports is None
    assert erase_spans((sp(1), 3, "x")) == (ERASED_SPAN, 3, "x")
    assert erase_spans(sp(5)) == ERASED_SPAN


def test_iter_nodes_is_preorder_and_includes_names() -> None:
    tree = EApp(sp(1), var("f"), PVar(sp(2), RdrName("x")))  # type: ignore[arg-type]
    kinds = [type(n).__name__ for n in iter_nodes(tree)]
    assert kinds == ["EApp", "EVar", "RdrName", "PVar", "RdrName"]


def test_same_modulo_spans() -> None:
    assert same_modulo_spans(var("f", 1), var("f", 2))
    assert not same_modulo_spans(var("f"), var("g"))
    assert not same_modulo_spans(var("f"), ELit(sp(1), LitInt(1)))
    assert not same_modulo_spans((1, 2), (1, 2, 3))


def _deep(depth: int) -> object:
    tree: object = var("x")
    for i in range(depth):
        tree = EParen(sp(i + 1), tree)  # type: ignore[arg-type]
    return tree


def test_deep_trees_need_no_recursion() -> None:
    tree = _deep(100_000)
    erased = erase_spans(tree)
    assert sum(1 for _ in iter_nodes(erased)) == 100_002
    assert same_modulo_spans(tree, erased)
    assert not same_modulo_spans(tree, _deep(99_999))

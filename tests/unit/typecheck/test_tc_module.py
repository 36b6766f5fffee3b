"""``typecheck_module`` / ``typecheck_program`` end to end: package base, the typed tree
and its evidence, the interface, diagnostics, deep input, and persistence."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ifacedir.diagnostics import render_all
from ifacedir.rename.program import rename_base_library
from ifacedir.syntax import ast, codec
from ifacedir.syntax.evidence import EvAssumed, Evidence, EvInst, EvSuper, TcName, pretty_evidence
from ifacedir.syntax.traverse import iter_nodes
from ifacedir.syntax.types import Pred, pretty_scheme, pretty_type
from ifacedir.typecheck.typecheck import (
    ProgramTcResult,
    dump_types,
    typecheck_program,
    typecheck_renamed,
)


def _program(tmp_path: Path, text: str, name: str = "Main.hs") -> ProgramTcResult:
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    return typecheck_program(src)


def _occurrences(res: ProgramTcResult, occ: str) -> list[TcName]:
    tree = res.modules[-1].module
    return [n for n in iter_nodes(tree) if isinstance(n, TcName) and n.name.occ == occ and n.type]


def test_base_typechecks_without_errors() -> None:
    renamed = rename_base_library()
    assert renamed.ok
    start = time.perf_counter()
    res = typecheck_renamed(renamed)
    elapsed = time.perf_counter() - start
    assert [str(d) for d in res.diagnostics] == []
    assert len(res.modules) == len(renamed.modules) >= 31
    assert elapsed < 30
    prelude = next(m for m in res.modules if m.interface.module == "Prelude")
    exported = {v.name.occ: pretty_scheme(v.scheme) for v in prelude.interface.values}
    assert "map" not in exported  # re-exported, not Prelude's own
    num = next(m for m in res.modules if m.interface.module == "GHC.Num")
    assert "GHC.Num" in num.interface.instance_modules


def test_evidence_at_overloaded_occurrences(tmp_path: Path) -> None:
    res = _program(
        tmp_path,
        "member :: Eq a => a -> [a] -> Bool\n"
        "member x ys = any (== x) ys\n"
        "main = print (member 3 [1, 2, 3], [1, 2] == [3])\n",
    )
    assert res.ok, render_all(res.diagnostics, dict(res.renamed.sources))
    (eq_in_member, eq_in_main) = _occurrences(res, "==")
    # inside member: the signature's dictionary
    assert isinstance(eq_in_member.evidence[0], EvAssumed)
    # in main: Eq [Integer] by the list instance applied to Eq Integer (defaulted)
    ev = eq_in_main.evidence[0]
    assert isinstance(ev, EvInst)
    assert pretty_evidence(ev) == "$fEq[] ($fEqInteger)"
    (print_occ,) = _occurrences(res, "print")
    assert pretty_type(print_occ.type) == "(Bool, Bool) -> IO ()"  # type: ignore[arg-type]
    lits = [w for w in res.modules[-1].witnesses if w.role == "fromInteger"]
    assert len(lits) == 7
    assert all(pretty_type(w.name.type) == "Integer -> Integer" for w in lits)  # type: ignore[arg-type]
    assert all(str(w.name.evidence[0]).startswith("EvInst") for w in lits)


def test_binders_carry_schemes(tmp_path: Path) -> None:
    res = _program(tmp_path, "main = print (twice not True)\ntwice f = f . f\n")
    assert res.ok
    binders = {
        d.name.name.occ: pretty_scheme(d.name.scheme)
        for d in res.modules[-1].module.decls
        if isinstance(d, ast.FunBind) and d.name.scheme is not None
    }
    assert binders == {"main": "IO ()", "twice": "forall a. (a -> a) -> a -> a"}


def test_type_error_format(tmp_path: Path) -> None:
    res = _program(tmp_path, "f :: Int -> Int\nf x = x\n\nmain = print (f True 'c')\n")
    text = render_all(res.diagnostics, dict(res.renamed.sources))
    assert (
        "Main.hs:4:17: error: [T001] Couldn't match expected type ‘Int’ with actual type ‘Bool’"
        in text
    )
    assert "main = print (f True 'c')" in text
    assert "In the first argument of ‘f’, namely ‘True’" in text


def test_every_independent_error_is_reported(tmp_path: Path) -> None:
    res = _program(
        tmp_path,
        "a :: Int\na = 'x'\n\nb :: Bool\nb = \"no\"\n\nc = not 3\n\nmain = print (a, b, c)\n",
    )
    lines = sorted(d.span.start.line for d in res.diagnostics)
    assert [ln for ln in lines if ln in (2, 5, 7)] == [2, 5, 7]


def test_rigid_and_deduce_errors(tmp_path: Path) -> None:
    res = _program(
        tmp_path,
        "f :: a -> a\nf _ = True\n\ng :: Eq a => a -> String\ng x = show x\n\nmain = print 1\n",
    )
    codes = {(d.code, d.span.start.line) for d in res.diagnostics}
    assert ("T014", 2) in codes
    assert ("T013", 5) in codes


def test_no_traceback_on_nonsense(tmp_path: Path) -> None:
    res = _program(
        tmp_path,
        "data T = T Int deriving (Enum)\n"
        "instance Num Bool\n"
        "x = x x\n"
        "y = [1, 'a', True]\n"
        "z = do { 3 }\n"
        "main = putStrLn 3\n",
    )
    assert {d.code for d in res.diagnostics} >= {"T016", "T002", "T004"}


@pytest.mark.parametrize(
    "body",
    [
        "xs = [" + ", ".join(str(i) for i in range(10_000)) + "]\nmain = print (length xs)\n",
        "s = " + " ++ ".join(['"a"'] * 5_000) + "\nmain = putStrLn s\n",
        "n = " + "(" * 2_000 + "1" + " + 1)" * 2_000 + "\nmain = print n\n",
        "f = " + " . ".join(["id"] * 5_000) + "\nmain = print (f 'x')\n",
    ],
    ids=["list-10000", "append-5000", "nested-2000", "compose-5000"],
)
def test_deep_input(tmp_path: Path, body: str) -> None:
    res = _program(tmp_path, body)
    assert res.ok, [str(d) for d in res.diagnostics[:3]]


def test_result_round_trips_through_the_codec(tmp_path: Path) -> None:
    res = _program(
        tmp_path,
        "data P a = P { px :: a, py :: Int } deriving (Eq, Show)\n"
        "class Sized a where\n  size :: a -> Int\n  size _ = 1\n"
        "instance Sized (P a)\n"
        "main = do { print (P 'x' 2 == P 'x' 2); print (size (P () 1)) }\n",
    )
    assert res.ok
    result = res.modules[-1]
    assert codec.decode_tree(codec.encode_tree(result)) == result
    iface = result.interface
    (cls,) = iface.classes
    assert [m.occ for m in cls.defaults] == [m.occ for m in cls.cls.methods] == ["size"]
    assert {(i.instance.ident.cls.occ, i.derived) for i in iface.instances} == {
        ("Eq", True),
        ("Show", True),
        ("Sized", False),
    }
    (data,) = iface.data_types
    assert [lb.occ for lb in data.constructors[0].labels] == ["px", "py"]


def _assumed_leaves(ev: Evidence) -> list[Pred]:
    out, stack = [], [ev]
    while stack:
        e = stack.pop()
        if isinstance(e, EvAssumed):
            out.append(e.pred)
        elif isinstance(e, EvSuper):
            stack.append(e.sub)
        elif isinstance(e, EvInst):
            stack.extend(e.args)
    return out


def _unbound_dictionaries(tree: object) -> list[str]:
    """Every ``EvAssumed`` leaf at an occurrence must be a dictionary parameter of an
    enclosing binding (Note [Binders and their dictionaries])."""
    problems: list[str] = []
    stack: list[tuple[object, frozenset[Pred]]] = [(tree, frozenset())]
    while stack:
        node, givens = stack.pop()
        if isinstance(node, ast.FunBind) and isinstance(node.name, TcName):
            givens = givens | {e.pred for e in node.name.evidence if isinstance(e, EvAssumed)}
        if isinstance(node, ast.PatBind):
            for n in iter_nodes(node.pat):
                if isinstance(n, TcName):
                    givens = givens | {e.pred for e in n.evidence if isinstance(e, EvAssumed)}
        if isinstance(node, TcName):
            if node.type is not None and node.scheme is None:
                problems += [
                    f"{node.name}: {p}"
                    for ev in node.evidence
                    for p in _assumed_leaves(ev)
                    if p not in givens
                ]
            continue
        if isinstance(node, tuple):
            stack.extend((kid, givens) for kid in node)
        elif hasattr(node, "__dataclass_fields__") and type(node).__module__ == ast.__name__:
            stack.extend((getattr(node, f), givens) for f in node.__dataclass_fields__)
    return problems


def test_every_assumed_dictionary_is_a_parameter() -> None:
    res = typecheck_renamed(rename_base_library())
    corpus = Path(__file__).resolve().parents[2] / "typecheck_corpus"
    results = list(res.modules)
    for case in (
        "013-functor-tree",
        "015-parser-monad",
        "018-superclass-default-methods",
        "020-instance-contexts",
        "067-context-simplification",
    ):
        results.append(typecheck_program(corpus / case / "Main.hs").modules[-1])
    for m in results:
        assert _unbound_dictionaries(m.module) == [], m.interface.module


def test_annotation_with_a_context(tmp_path: Path) -> None:
    res = _program(tmp_path, "main = print (((\\x -> x + 1) :: Num a => a -> a) 3)\n")
    assert res.ok, [str(d) for d in res.diagnostics]
    by_role = {w.role: w.name for w in res.modules[-1].witnesses}
    binder, use = by_role["::"], by_role["::use"]
    assert binder.scheme is not None and pretty_scheme(binder.scheme) == "forall a. Num a => a -> a"
    assert [str(e.pred.cls.occ) for e in binder.evidence] == ["Num"]
    assert [pretty_evidence(e) for e in use.evidence] == ["$fNumInteger"]
    # the + inside uses the annotation's dictionary parameter
    (plus,) = _occurrences(res, "+")
    assert plus.evidence == binder.evidence


def test_no_instance_on_rigid_types_is_reported(tmp_path: Path) -> None:
    # found by differential testing against GHC: a predicate on the rigid variables
    # of an instance method that no instance can solve
    res = _program(
        tmp_path,
        "newtype L a = L (a, [String])\n"
        "instance Functor L where\n  fmap f (L (a, w)) = L (f a, w)\n"
        "instance Applicative L where\n  pure a = L (a, [])\n"
        "  L (f, v) <*> L (a, w) = L (f a, v ++ w)\n"
        "instance Monad L where\n"
        "  L (a, w) >>= k = let L (b, w') = k a in 2 (b, w ++ w')\n"
        "main = print 1\n",
    )
    assert [(d.code, d.span.start.line, d.span.start.col) for d in res.diagnostics] == [
        ("T004", 8, 43)
    ]


def test_dump_types(tmp_path: Path) -> None:
    res = _program(
        tmp_path,
        "data T a = T a deriving (Eq, Show)\n"
        "pairUp x = (x, x)\n"
        "main = print (pairUp (T 'x') == pairUp (T 'y'))\n",
    )
    assert dump_types(res.modules[-1]) == (
        "TYPE SIGNATURES\n"
        "  main :: IO ()\n"
        "  pairUp :: forall a. a -> (a, a)\n"
        "CLASS INSTANCES\n"
        "  instance Eq a => Eq (T a)  -- derived\n"
        "  instance Show a => Show (T a)  -- derived\n"
    )

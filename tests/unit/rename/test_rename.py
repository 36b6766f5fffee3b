"""Local scoping, declaration checks and the shape of the renamed tree."""

from __future__ import annotations

import dataclasses

from rename_helpers import errors_of, first_error, rename_all

from ifacedir.rename.env import Fixity
from ifacedir.syntax import names as wired
from ifacedir.syntax.ast import (
    Assoc,
    ClassDecl,
    DataDecl,
    EOpApp,
    EOpChain,
    FunBind,
    InstanceDecl,
    Module,
    POpChain,
    TypeSig,
)
from ifacedir.syntax.names import Name, NameSpace
from ifacedir.syntax.traverse import iter_nodes


def m(*lines: str) -> str:
    return "module Main (main) where\n" + "\n".join(lines) + "\n"


def renamed(*lines: str) -> Module[Name]:
    return rename_all(m(*lines))["Main"].module


def names_in(tree: object) -> list[Name]:
    return [x for x in iter_nodes(tree) if isinstance(x, Name)]


def locals_in(tree: object, occ: str) -> set[Name]:
    return {x for x in names_in(tree) if x.occ == occ and not x.is_global}


# --- local scoping -----------------------------------------------------------------------


def test_lambda_case_let_where_do_and_comprehension_binders() -> None:
    tree = renamed(
        "main = putStrLn (f 1)",
        "f x = case x of { y -> let z = y in g z }",
        "  where g w = [v | v <- [w], let u = v, u == v]",
        'h = do { a <- putStrLn ""; let { b = a }; putStrLn b }',
        "k = \\p q -> p q",
    )
    for occ in "xyzwvuabpq":
        assert len(locals_in(tree, occ)) == 1, occ


def test_shadowing_picks_the_innermost_binder() -> None:
    tree = renamed("main = putStrLn (f 1)", "f x = \\x -> x")
    [bind] = [d for d in tree.decls if isinstance(d, FunBind) and d.name.occ == "f"]
    xs = [x for x in names_in(bind) if x.occ == "x"]
    assert len(xs) == 3 and xs[0] != xs[1] and xs[1] == xs[2]


def test_where_scopes_over_one_equation_only() -> None:
    assert first_error(m("main = f 1", "f 0 = k", "  where k = 10", "f n = k")) == (
        "R001 5:7 Variable not in scope: k"
    )


def test_case_alternative_binders_do_not_leak() -> None:
    text = m("main = f 1", "f x = case x of", "  1 -> 2", "  v -> v", "  _ -> v")
    assert first_error(text) == "R001 6:8 Variable not in scope: v"


def test_guards_and_pattern_guards() -> None:
    text = m("main = f 1", "f x | Just y <- g x, y == y = y", "    | otherwise = x", "g = Just")
    diags = errors_of(text)
    assert [d.message for d in diags] == ["Variable not in scope: otherwise"]


def test_uniques_are_numbered_in_source_order_and_deterministic() -> None:
    text = m("main = f 1", "f a = \\b -> let c = a in c b")
    first = rename_all(text)["Main"].module
    again = rename_all(text)["Main"].module
    assert first == again
    uniques = [x.unique for x in names_in(first) if not x.is_global and x.space is NameSpace.VAR]
    assert sorted(set(uniques)) == [1, 2, 3]


# --- checks on binding groups ------------------------------------------------------------


def test_conflicting_definitions_at_the_first_binding() -> None:
    assert first_error(m("main = f 1 1", "f x x = x")).startswith(
        "R004 3:3 Conflicting definitions for ‘x’"
    )
    assert first_error(m("main = (\\x x -> x) 1 2")).startswith("R004 2:10")
    assert first_error(m("main = let x = 1", "           x = 2", "       in x")).startswith(
        "R004 2:12"
    )
    assert first_error(m("main = 1", "x = 1", "x = 2")).startswith("R003 4:1 Multiple")


def test_duplicate_top_level_definitions_at_the_second() -> None:
    assert first_error(m("main = f", "f = 1", "g = 2", "f = 3")) == (
        "R003 5:1 Multiple declarations of ‘f’"
    )
    assert first_error(m("main = 1", "data A = Red", "data B = Red")).startswith("R003 4:10")
    assert first_error(m("main = 1", "data T = A", "type T = Int")).startswith("R003 4:1")


def test_signatures() -> None:
    assert first_error(m("main = 1", "f :: Int")) == (
        "R007 3:1 The type signature for ‘f’ lacks an accompanying binding"
    )
    assert first_error(m("main = f", "f :: Int", "f :: Int", "f = 1")).startswith(
        "R005 4:1 Duplicate type signatures for ‘f’"
    )
    text = m("main = f", "f = g", "  where g :: Int", "        h :: Int", "        g = 1")
    assert first_error(text).startswith("R007 5:9 The type signature for ‘h’")


def test_fixity_declarations() -> None:
    assert first_error(m("main = 1", "infixl 6 +++")) == (
        "R008 3:10 The fixity signature for ‘+++’ lacks an accompanying binding"
    )
    assert first_error(m("main = 1", "infixl 6 +++", "infixr 6 +++", "a +++ b = a")).startswith(
        "R006 3:10 Multiple fixity declarations for ‘+++’"
    )
    assert first_error(m("main = 1", "infixl 6 +")).startswith("R008 3:10")


def test_arity_mismatch() -> None:
    assert first_error(m("main = f 1 2", "f 0 y = y", "f x = x")) == (
        "R009 3:1 Equations for ‘f’ have different numbers of arguments"
    )


def test_local_fixity_governs_local_operator() -> None:
    tree = renamed("main = 1", "f = let { infixr 5 +++; a +++ b = a } in 1 +++ 2 +++ 3")
    [app] = [x for x in iter_nodes(tree) if isinstance(x, EOpApp) and isinstance(x.right, EOpApp)]
    assert app.op.name.occ == "+++"


def test_renamed_tree_has_no_operator_chains() -> None:
    tree = renamed("main = 1", "f (x:y:zs) = x + y * 2 - negate 1 : zs ++ zs")
    assert not [x for x in iter_nodes(tree) if isinstance(x, EOpChain | POpChain)]


def test_precedence_errors() -> None:
    assert first_error(m("main = f (1 == 1 == 1)", "f = id")).startswith(
        "R017 2:11 Precedence parsing error: cannot mix ‘==’ [infix 4]"
    )
    assert first_error(m("main = f (1 + - 2)", "f = id")).startswith("R017 2:11")
    assert first_error(m("main = map (* 2 + 3) []")).startswith(
        "R018 2:12 The operator ‘*’ [infixl 7] of a section"
    )


# --- classes, instances, records ---------------------------------------------------------

CLASS = ("class C a where", "  op :: a -> a", "  op = id")


def test_class_default_must_be_a_method() -> None:
    text = m("main = 1", "class C a where", "  op :: a -> a", "  other = id")
    assert first_error(text) == "R010 5:3 ‘other’ is not a (visible) method of class ‘C’"


def test_instance_methods() -> None:
    ok = m("main = 1", *CLASS, "instance C Bool where", "  op x = x")
    assert not errors_of(ok)
    bad = m("main = 1", "instance Show Bool where", "  display x = x")
    assert first_error(bad) == "R010 4:3 ‘display’ is not a (visible) method of class ‘Show’"
    k = ("data T = T", "class K a where", "  (===), (=/=) :: a -> a -> Bool")
    adjacent = m("main = 1", *k, "instance K T where", "  T === T = True", "  T === T = False")
    assert not errors_of(adjacent)  # adjacent clauses are one function binding
    apart = m("main = 1", *k, "instance K T where", "  T === T = True", "  T =/= T = True")
    apart += "  T === T = False\n"
    assert first_error(apart).startswith("R004 7:5 Conflicting definitions for ‘===’")


def test_instance_method_binding_is_not_ambiguous_with_a_top_level_name() -> None:
    text = m("main = 1", "show x = x", "data T = T", "instance Show T where", '  show T = "T"')
    tree = rename_all(text)["Main"].module
    [inst] = [d for d in tree.decls if isinstance(d, InstanceDecl)]
    [bind] = inst.decls
    assert isinstance(bind, FunBind) and bind.name.module == "Prelude"


def test_class_variable_scopes_over_method_signatures() -> None:
    tree = renamed("main = 1", "class C a where", "  op :: a -> b -> a")
    [cls] = [d for d in tree.decls if isinstance(d, ClassDecl)]
    [sig] = [d for d in cls.decls if isinstance(d, TypeSig)]
    assert cls.tyvar in names_in(sig)
    assert len({x for x in names_in(sig) if x.space is NameSpace.TYVAR}) == 2


def test_type_variables() -> None:
    assert first_error(m("main = 1", "data Box = Box a")) == (
        "R001 3:16 Not in scope: type variable ‘a’"
    )
    assert first_error(m("main = 1", "data T a a = T a")).startswith(
        "R004 3:8 Conflicting definitions for ‘a’"
    )
    tree = renamed("main = 1", "f :: a -> a", "f x = x", "g :: a -> a", "g x = x")
    sigs = [d for d in tree.decls if isinstance(d, TypeSig)]
    a1, a2 = ({x for x in names_in(s) if x.space is NameSpace.TYVAR} for s in sigs)
    assert len(a1) == len(a2) == 1 and a1 != a2


def test_records() -> None:
    text = m(
        "main = 1",
        "data P = P { px :: Int, py :: Int }",
        "mk = P { px = 1, py = 2 }",
        "get (P { px = v }) = v",
        "upd p = p { py = 3 }",
        "bad = P { nope = 1 }",
        "bad2 = P { id = 1 }",
    )
    diags = errors_of(text)
    assert [(d.code, d.span.start.line) for d in diags] == [("R001", 7), ("R010", 8)]


def test_special_syntax_maps_to_wired_in_names() -> None:
    tree = renamed(
        "main = 1",
        "f :: [] a -> (,) a b -> () -> (->) a a",
        "f (x:_) (_, _) () = (,) x []",
    )
    found = set(names_in(tree))
    for wired_name in (
        wired.list_tycon(),
        wired.tuple_tycon(2),
        wired.unit_tycon(),
        wired.arrow_tycon(),
        wired.cons_con(),
        wired.tuple_con(2),
        wired.unit_con(),
        wired.nil_con(),
    ):
        assert wired_name in found


def test_data_declaration_names() -> None:
    tree = renamed("main = 1", "data T a = C a | D deriving (Eq, Show)")
    [data] = [d for d in tree.decls if isinstance(d, DataDecl)]
    assert data.name == Name("main", "Main", "T", NameSpace.TYCON)
    assert [c.name.space for c in data.constrs] == [NameSpace.CON, NameSpace.CON]
    assert [c.module for c in data.deriving] == ["Prelude", "Prelude"]


def test_fixities_of_the_module() -> None:
    result = rename_all(m("main = 1", "infixr 5 +++", "a +++ b = a"))["Main"]
    assert result.fixities == (
        (Name("main", "Main", "+++", NameSpace.VAR), Fixity(Assoc.RIGHT, 5)),
    )


def test_several_independent_errors_are_all_reported() -> None:
    diags = errors_of(m("main = A.x", "f :: T", "f = 1", "g :: Int"))
    assert [d.code for d in diags] == ["R001", "R001", "R007"]


def test_result_is_persistable_data() -> None:
    """Only frozen dataclasses, tuples, enums and scalars: no dict, list or set."""
    result = rename_all(m("main = f", "f = let x = 1 in x", "data T = T { t :: Int }"))["Main"]
    stack: list[object] = [result]
    while stack:
        x = stack.pop()
        assert not isinstance(x, dict | list | set), type(x)
        if dataclasses.is_dataclass(x):
            assert type(x).__dataclass_params__.frozen  # type: ignore[attr-defined]
            stack.extend(getattr(x, f.name) for f in dataclasses.fields(x))
        elif isinstance(x, tuple):
            stack.extend(x)


def test_result_round_trips_through_the_syntax_codec() -> None:
    from ifacedir.syntax.codec import decode_tree, encode_tree

    for result in rename_all(m("main = f", "infixr 5 +++", "a +++ b = a", "f = 1 +++ 2")).values():
        assert decode_tree(encode_tree(result)) == result


def test_fields_shared_between_constructors_but_not_repeated_in_one() -> None:
    assert not errors_of(m("main = 1", "data T = T { x :: Int } | U { x :: Int }"))
    assert first_error(m("main = 1", "data T = T { x :: Int, x :: Int }")).startswith(
        "R003 3:24 Multiple declarations of ‘x’"
    )


def test_instance_body_holds_only_method_bindings() -> None:
    text = m(
        "main = 1", "data T = T", "instance Show T where", "  show :: T -> String", '  show T = ""'
    )
    assert first_error(text).startswith("R021 5:3 Illegal type signature in instance declaration")

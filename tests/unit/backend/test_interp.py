"""The reference Core interpreter (ifacedir.backend.interp) on Core built by hand.

The helpers at the top build Core tersely (``v("x")`` a local, ``gv("f")`` a global
of module Main, ``app``, ``lam("x y", body)``, ``case``...), and ``fake_prims`` is a
small primitive table of our own (integer arithmetic, ``seq``, ``error``, a counting
``tick``, a few IO actions), so the interpreter is tested apart from the real
primitives. test_interp_deep.py imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest

from ifacedir.backend.interp import InterpError, Interpreter
from ifacedir.backend.runtime import (
    TRUE,
    UNIT,
    HaskellError,
    IOBind,
    IOPrim,
    IOReturn,
    Thunk,
    from_bool,
    run_io,
)
from ifacedir.syntax.core import (
    App,
    Bind,
    BindGroup,
    Case,
    CharLit,
    ConAlt,
    ConApp,
    CoreModule,
    CoreVar,
    DataCon,
    DataConRef,
    DataType,
    DefaultAlt,
    DoubleLit,
    Expr,
    IntKind,
    IntLit,
    Lam,
    Let,
    LetRec,
    LitAlt,
    PatError,
    PrimOp,
    StringLit,
)
from ifacedir.syntax.names import Name, NameSpace, cons_con, nil_con, tuple_con
from ifacedir.syntax.types import STAR, T_INT, to_scheme

# --- Building Core -----------------------------------------------------------------------

_UNIQUES: dict[str, int] = {}


def _local(occ: str) -> Name:
    unique = _UNIQUES.setdefault(occ, len(_UNIQUES) + 1)
    return Name.local(occ, NameSpace.VAR, unique)


def gname(occ: str, module: str = "Main") -> Name:
    return Name("main", module, occ, NameSpace.VAR)


def v(occ: str) -> CoreVar:
    """An occurrence of the local ``occ``."""
    return CoreVar(_local(occ), T_INT)


def gv(occ: str, module: str = "Main") -> CoreVar:
    """An occurrence of the global ``module.occ``."""
    return CoreVar(gname(occ, module), T_INT)


def _binder(occ: str) -> CoreVar:
    return CoreVar(_local(occ), to_scheme(T_INT))


def i(n: int) -> IntLit:
    return IntLit(n, IntKind.INT)


def app(f: Expr, *args: Expr) -> App:
    return App(f, args)


def lam(params: str, body: Expr) -> Lam:
    return Lam(tuple(_binder(p) for p in params.split()), body)


def let(x: str, rhs: Expr, body: Expr) -> Let:
    return Let(Bind(_binder(x), rhs), body)


def letrec(binds: Iterable[tuple[str, Expr]], body: Expr) -> LetRec:
    return LetRec(tuple(Bind(_binder(x), rhs) for x, rhs in binds), body)


def case(scrut: Expr, binder: str, *alts: ConAlt | LitAlt | DefaultAlt) -> Case:
    return Case(scrut, _binder(binder), T_INT, alts)


def calt(dc: DataCon, params: str, rhs: Expr) -> ConAlt:
    return ConAlt(dc.ref(), tuple(_binder(p) for p in params.split()), rhs)


def lalt(lit: IntLit | CharLit | DoubleLit, rhs: Expr) -> LitAlt:
    return LitAlt(lit, rhs)


def dalt(rhs: Expr) -> DefaultAlt:
    return DefaultAlt(rhs)


def con(dc: DataCon, *args: Expr) -> ConApp:
    return ConApp(dc.ref(), args)


def prim(entity: str, *args: Expr) -> PrimOp:
    return PrimOp(entity, len(args), args, T_INT)


def _datacon(name: Name, tag: int, strict: tuple[bool, ...]) -> DataCon:
    return DataCon(name, tag, len(strict), strict, to_scheme(T_INT))


def _con_name(occ: str, module: str) -> Name:
    return Name("main", module, occ, NameSpace.CON)


NIL_C = _datacon(nil_con(), 0, ())
CONS_C = _datacon(cons_con(), 1, (False, False))
PAIR_C = _datacon(tuple_con(2), 0, (False, False))
FALSE_C = _datacon(Name("base", "GHC.Types", "False", NameSpace.CON), 0, ())
TRUE_C = _datacon(Name("base", "GHC.Types", "True", NameSpace.CON), 1, ())
SP_C = _datacon(_con_name("SP", "Main"), 0, (True, False))  # data SP = SP !Int Int
A_C = _datacon(_con_name("A", "Main"), 0, ())  # data ABC = A | B Int | C Int Int
B_C = _datacon(_con_name("B", "Main"), 1, (False,))
C_C = _datacon(_con_name("C", "Main"), 2, (False, False))


def _datatype(occ: str, module: str, *cons: DataCon) -> DataType:
    return DataType(Name("main", module, occ, NameSpace.TYCON), STAR, cons)


DATA: tuple[DataType, ...] = (
    DataType(Name("base", "GHC.Types", "Bool", NameSpace.TYCON), STAR, (FALSE_C, TRUE_C)),
    _datatype("SP", "Main", SP_C),
    _datatype("ABC", "Main", A_C, B_C, C_C),
)


def nil() -> ConApp:
    return con(NIL_C)


def cons(x: Expr, xs: Expr) -> ConApp:
    return con(CONS_C, x, xs)


def if_(c: Expr, then: Expr, else_: Expr) -> Case:
    return case(c, "if_b", calt(TRUE_C, "", then), calt(FALSE_C, "", else_))


def module(binds: dict[str, Expr], name: str = "Main", data: Iterable[DataType] = ()) -> CoreModule:
    groups = tuple(
        BindGroup(True, (Bind(CoreVar(gname(occ, name), to_scheme(T_INT)), rhs),))
        for occ, rhs in binds.items()
    )
    return CoreModule(name, "main", groups, tuple(data), (), None)


# Functions on lists, written in Core.
LIB: dict[str, Expr] = {
    # take n xs
    "take": lam(
        "tn txs",
        if_(
            prim("intLe", v("tn"), i(0)),
            nil(),
            case(
                v("txs"),
                "tb",
                calt(NIL_C, "", nil()),
                calt(
                    CONS_C,
                    "ty tys",
                    cons(v("ty"), app(gv("take"), prim("intSub", v("tn"), i(1)), v("tys"))),
                ),
            ),
        ),
    ),
    # length, not tail recursive: 1 + length ys
    "length": lam(
        "lxs",
        case(
            v("lxs"),
            "lb",
            calt(NIL_C, "", i(0)),
            calt(CONS_C, "ly lys", prim("intAdd", i(1), app(gv("length"), v("lys")))),
        ),
    ),
    # foldl f z xs, lazy in the accumulator
    "foldl": lam(
        "ff fz fxs",
        case(
            v("fxs"),
            "fb",
            calt(NIL_C, "", v("fz")),
            calt(
                CONS_C,
                "fy fys",
                app(gv("foldl"), v("ff"), app(v("ff"), v("fz"), v("fy")), v("fys")),
            ),
        ),
    ),
    # enumFromTo a b
    "enumFromTo": lam(
        "ea eb",
        if_(
            prim("intLe", v("ea"), v("eb")),
            cons(v("ea"), app(gv("enumFromTo"), prim("intAdd", v("ea"), i(1)), v("eb"))),
            nil(),
        ),
    ),
    "plus": lam("px py", prim("intAdd", v("px"), v("py"))),
    # xs ++ ys
    "append": lam(
        "axs ays",
        case(
            v("axs"),
            "ab",
            calt(NIL_C, "", v("ays")),
            calt(CONS_C, "az azs", cons(v("az"), app(gv("append"), v("azs"), v("ays")))),
        ),
    ),
}


# --- A primitive table of our own ----------------------------------------------------------


class FakeWorld:
    """What the fake IO primitives write to, and how often ``tick`` ran."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.ticks = 0


STRICTNESS: dict[str, tuple[bool, ...]] = {
    "seq": (True, False),
    "returnIO": (False,),
    "bindIO": (False, True),
    "lazyThunk": (False,),
}


def _wrap(n: int) -> int:
    return (n + 2**63) % 2**64 - 2**63


def deep_list(interp: Interpreter, value: Any) -> list[Any]:
    """A Haskell list as a Python list, its elements forced to WHNF (iteratively)."""
    force = interp.force
    items: list[Any] = []
    cell = force(value)
    while cell[0] == 1:
        items.append(force(cell[1]))
        cell = force(cell[2])
    return items


def fake_prims(interp: Interpreter, world: FakeWorld) -> dict[str, Callable[..., Any]]:
    def tick(x: Any) -> Any:
        world.ticks += 1
        return x

    def error(s: Any) -> Any:
        raise HaskellError("".join(deep_list(interp, s)))

    def put_str(s: Any) -> Any:
        return IOPrim(lambda: world.out.append("".join(deep_list(interp, s))) or UNIT)

    def put_int(n: int) -> Any:
        return IOPrim(lambda: world.out.append(f"{n}\n") or UNIT)

    return {
        "intAdd": lambda a, b: _wrap(a + b),
        "intSub": lambda a, b: _wrap(a - b),
        "intMul": lambda a, b: _wrap(a * b),
        "intEq": lambda a, b: from_bool(a == b),
        "intLt": lambda a, b: from_bool(a < b),
        "intLe": lambda a, b: from_bool(a <= b),
        "doubleAdd": lambda a, b: a + b,
        "seq": lambda a, b: b,
        "tick": tick,
        "error": error,
        "returnIO": IOReturn,
        "bindIO": IOBind,
        "putStr": put_str,
        "putInt": put_int,
        # a thunk of the runtime's own kind, as a lazy primitive would return
        "lazyThunk": lambda x: Thunk(lambda: x),
        "stdout": lambda: "<stdout>",
    }


def interp_for(*modules: CoreModule) -> tuple[Interpreter, FakeWorld]:
    world = FakeWorld()
    holder: list[Interpreter] = []

    def prims() -> dict[str, Callable[..., Any]]:
        return fake_prims(holder[0], world)

    # The table needs the interpreter (to force), and the interpreter the table: a
    # table of forwarders breaks the cycle.
    table: dict[str, Callable[..., Any]] = {}
    interp = Interpreter(list(modules), world, table, prim_strictness=STRICTNESS)
    holder.append(interp)
    table.update(prims())
    return interp, world


def run(
    binds: dict[str, Expr], entry: str = "main", with_lib: bool = True
) -> tuple[Any, FakeWorld]:
    """Force ``entry`` of a Main made of ``binds`` (and LIB); its value and the world."""
    interp, world = interp_for(module({**(LIB if with_lib else {}), **binds}, data=DATA))
    return interp.force(interp.global_value(gname(entry))), world


def run_list(binds: dict[str, Expr], entry: str = "main") -> list[Any]:
    interp, _ = interp_for(module({**LIB, **binds}, data=DATA))
    return deep_list(interp, interp.global_value(gname(entry)))


# --- Literals, primitives, lets ----------------------------------------------------------


def test_arithmetic_through_primitives() -> None:
    value, _ = run({"main": prim("intAdd", prim("intMul", i(6), i(7)), i(1))})
    assert value == 43


def test_literals() -> None:
    assert run({"main": CharLit(0x41)})[0] == "A"
    assert run({"main": CharLit(0xD800)})[0] == "\ud800"
    assert run({"main": DoubleLit(1, 3)})[0] == 1 / 3
    assert run({"main": DoubleLit(10**400, 1)})[0] == float("inf")
    assert run({"main": DoubleLit(-(10**400), 3)})[0] == float("-inf")
    assert run({"main": DoubleLit(1, 10**400)})[0] == 0.0
    assert run({"main": IntLit(2**100, IntKind.INTEGER)})[0] == 2**100


def test_string_literal_is_a_list_of_characters() -> None:
    assert run_list({"main": StringLit("héllo")}) == list("héllo")
    assert run_list({"main": StringLit("")}) == []


def test_let_and_nested_lets() -> None:
    body = let("a", i(2), let("b", prim("intMul", v("a"), i(10)), prim("intAdd", v("a"), v("b"))))
    assert run({"main": body})[0] == 22


def test_let_sharing_evaluates_the_rhs_once() -> None:
    body = let("x", prim("tick", prim("intAdd", i(2), i(3))), prim("intAdd", v("x"), v("x")))
    value, world = run({"main": body})
    assert (value, world.ticks) == (10, 1)


def test_sharing_of_a_list_appended_to_itself() -> None:
    # let xs = tick (enumFromTo 1 3) in length (xs ++ xs): tick runs once
    body = let(
        "xs",
        prim("tick", app(gv("enumFromTo"), i(1), i(3))),
        app(gv("length"), app(gv("append"), v("xs"), v("xs"))),
    )
    value, world = run({"main": body})
    assert (value, world.ticks) == (6, 1)


def test_an_argument_is_evaluated_at_most_once() -> None:
    # (\y -> y + y) (tick 4)
    body = app(lam("dy", prim("intAdd", v("dy"), v("dy"))), prim("tick", i(4)))
    value, world = run({"main": body})
    assert (value, world.ticks) == (8, 1)


def test_unused_arguments_and_bindings_are_not_evaluated() -> None:
    body = let(
        "boom",
        prim("error", StringLit("never")),
        app(lam("ux uy", v("ux")), i(1), prim("error", StringLit("no"))),
    )
    assert run({"main": body})[0] == 1


def test_letrec_ties_the_knot() -> None:
    # letrec xs = 1 : xs in take 5 xs
    body = letrec([("kxs", cons(i(1), v("kxs")))], app(gv("take"), i(5), v("kxs")))
    assert run_list({"main": body}) == [1, 1, 1, 1, 1]


def test_letrec_mutually_recursive_functions() -> None:
    # even/odd by mutual recursion, and a thunk that mentions a function of the group
    even = lam(
        "en",
        if_(
            prim("intEq", v("en"), i(0)), con(TRUE_C), app(v("odd"), prim("intSub", v("en"), i(1)))
        ),
    )
    odd = lam(
        "on",
        if_(
            prim("intEq", v("on"), i(0)),
            con(FALSE_C),
            app(v("even"), prim("intSub", v("on"), i(1))),
        ),
    )
    body = letrec([("even", even), ("odd", odd), ("r", app(v("even"), i(10)))], v("r"))
    assert run({"main": body})[0] == TRUE


def test_letrec_alternating_list() -> None:
    # letrec as = 1 : bs; bs = 2 : as in take 5 as
    body = letrec(
        [("as", cons(i(1), v("bs"))), ("bs", cons(i(2), v("as")))], app(gv("take"), i(5), v("as"))
    )
    assert run_list({"main": body}) == [1, 2, 1, 2, 1]


def test_a_value_depending_on_itself_is_a_loop() -> None:
    with pytest.raises(HaskellError, match="<<loop>>"):
        run({"main": letrec([("lx", prim("intAdd", v("lx"), i(1)))], v("lx"))})


# --- Case ----------------------------------------------------------------------------------


def _abc(scrut: Expr) -> Case:
    return case(
        scrut,
        "cb",
        calt(C_C, "c1 c2", prim("intAdd", v("c1"), v("c2"))),
        calt(B_C, "b1", v("b1")),
        calt(A_C, "", i(-1)),
    )


def test_case_on_constructors() -> None:
    assert run({"main": _abc(con(A_C))})[0] == -1
    assert run({"main": _abc(con(B_C, i(7)))})[0] == 7
    assert run({"main": _abc(con(C_C, i(3), i(4)))})[0] == 7


def test_case_default_and_binder() -> None:
    # case B 5 of { A -> 0; other -> case other of B x -> x }
    body = case(
        con(B_C, i(5)),
        "other",
        calt(A_C, "", i(0)),
        dalt(case(v("other"), "o2", calt(B_C, "ox", v("ox")), dalt(i(99)))),
    )
    assert run({"main": body})[0] == 5


def test_first_matching_alternative_wins() -> None:
    body = case(con(B_C, i(1)), "fb", calt(B_C, "f1", i(1)), calt(B_C, "f2", i(2)), dalt(i(3)))
    assert run({"main": body})[0] == 1
    body = case(i(4), "fl", lalt(i(4), i(1)), lalt(i(4), i(2)), dalt(i(3)))
    assert run({"main": body})[0] == 1


def test_case_on_literals() -> None:
    def classify(n: Expr) -> Case:
        return case(
            n,
            "lb",
            lalt(i(0), StringLit("zero")),
            lalt(i(1), StringLit("one")),
            dalt(StringLit("many")),
        )

    assert run_list({"main": classify(i(1))}) == list("one")
    assert run_list({"main": classify(prim("intSub", i(1), i(1)))}) == list("zero")
    assert run_list({"main": classify(i(9))}) == list("many")
    chars = case(
        CharLit(ord("b")),
        "cb",
        lalt(CharLit(ord("a")), i(1)),
        lalt(CharLit(ord("b")), i(2)),
        dalt(i(0)),
    )
    assert run({"main": chars})[0] == 2
    doubles = case(
        prim("doubleAdd", DoubleLit(1, 2), DoubleLit(1, 4)),
        "db",
        lalt(DoubleLit(3, 4), i(1)),
        dalt(i(0)),
    )
    assert run({"main": doubles})[0] == 1


def test_case_with_only_a_default_forces_the_scrutinee() -> None:
    body = case(prim("error", StringLit("forced")), "sb", dalt(i(1)))
    with pytest.raises(HaskellError, match=r"^forced$"):
        run({"main": body})


def test_case_on_a_scrutinee_of_a_large_evaluated_structure() -> None:
    # a default-only case on a long evaluated list must not hash or walk it
    body = let(
        "big",
        app(gv("enumFromTo"), i(1), i(5_000)),
        prim("seq", app(gv("length"), v("big")), case(v("big"), "bb", dalt(i(1)))),
    )
    assert run({"main": body})[0] == 1


# --- Constructors ----------------------------------------------------------------------------


def test_strict_field_is_forced_when_built() -> None:
    strict_boom = case(con(SP_C, prim("error", StringLit("strict")), i(1)), "sp", dalt(i(0)))
    with pytest.raises(HaskellError, match="strict"):
        run({"main": strict_boom})
    lazy_boom = case(
        con(SP_C, i(1), prim("error", StringLit("lazy"))), "sp", calt(SP_C, "s1 s2", v("s1"))
    )
    assert run({"main": lazy_boom})[0] == 1


def test_strict_field_holds_a_value_not_a_thunk() -> None:
    value, world = run(
        {"main": con(SP_C, prim("tick", prim("intAdd", i(1), i(2))), prim("tick", i(5)))}
    )
    assert value[0] == 0 and value[1] == 3 and isinstance(value[2], Thunk)
    assert world.ticks == 1


def test_constructor_of_constants_is_built_once() -> None:
    interp, _ = interp_for(module({"main": cons(i(1), cons(i(2), nil()))}, data=DATA))
    assert deep_list(interp, interp.global_value(gname("main"))) == [1, 2]


def test_constructor_used_as_a_function() -> None:
    # a constructor name as a variable: a wrapper function (or the value, if nullary)
    k = CoreVar(B_C.name, T_INT)
    assert run({"main": _abc(app(k, i(8)))})[0] == 8
    assert run({"main": _abc(CoreVar(A_C.name, T_INT))})[0] == -1


# --- Functions ----------------------------------------------------------------------------


def test_partial_application() -> None:
    # let inc = plus 1 in inc 41
    body = let("inc", app(gv("plus"), i(1)), app(v("inc"), i(41)))
    assert run({"main": body})[0] == 42


def test_partial_application_in_stages() -> None:
    add3 = lam("x3 y3 z3", prim("intAdd", v("x3"), prim("intMul", v("y3"), v("z3"))))
    body = let("p1", app(gv("add3"), i(1)), let("p2", app(v("p1"), i(2)), app(v("p2"), i(3))))
    assert run({"add3": add3, "main": body})[0] == 7


def test_over_application() -> None:
    # k = \a -> \b c -> a + b * c; k 1 2 3, and id applied to (plus, 1, 2)
    k = lam("ka", lam("kb kc", prim("intAdd", v("ka"), prim("intMul", v("kb"), v("kc")))))
    assert run({"k": k, "main": app(gv("k"), i(1), i(2), i(3))})[0] == 7
    ident = lam("ix", v("ix"))
    assert run({"id": ident, "main": app(gv("id"), gv("plus"), i(1), i(2))})[0] == 3
    # nested App nodes are one application
    assert run({"k": k, "main": app(app(gv("k"), i(1)), i(2), i(3))})[0] == 7


def test_function_returned_from_a_case() -> None:
    f = case(con(B_C, i(10)), "fcb", calt(B_C, "fx", lam("fy", prim("intAdd", v("fx"), v("fy")))))
    assert run({"main": app(f, i(5))})[0] == 15


def test_closures_capture_their_free_variables() -> None:
    # let n = 10 in let f = \x -> x + n in map-like use: f (f 1)
    body = let(
        "cn",
        prim("intAdd", i(5), i(5)),
        let("cf", lam("cx", prim("intAdd", v("cx"), v("cn"))), app(v("cf"), app(v("cf"), i(1)))),
    )
    assert run({"main": body})[0] == 21


def test_higher_order_foldl() -> None:
    body = app(gv("foldl"), gv("plus"), i(0), app(gv("enumFromTo"), i(1), i(100)))
    assert run({"main": body})[0] == 5050


# --- Top level, errors ---------------------------------------------------------------------


def test_caf_is_evaluated_once() -> None:
    interp, world = interp_for(
        module(
            {
                "caf": prim("tick", prim("intMul", i(6), i(7))),
                "main": prim("intAdd", gv("caf"), gv("caf")),
            }
        )
    )
    assert interp.force(interp.global_value(gname("main"))) == 84
    assert interp.force(interp.global_value(gname("caf"))) == 42
    assert world.ticks == 1


def test_bindings_across_modules() -> None:
    lib = module({"double": lam("dx", prim("intAdd", v("dx"), v("dx")))}, name="Lib")
    main = module({"main": app(gv("double", "Lib"), i(21))})
    interp, _ = interp_for(lib, main)
    assert interp.force(interp.global_value(gname("main"))) == 42


def test_pat_error_message() -> None:
    msg = "Main.hs:(3,1)-(4,20): Non-exhaustive patterns in function f"
    body = case(i(3), "pb", lalt(i(0), i(1)), dalt(PatError(msg, T_INT)))
    with pytest.raises(HaskellError) as info:
        run({"main": body})
    assert info.value.message == msg


def test_interpreter_usable_after_an_error() -> None:
    # the thunk that failed is not left blackholed: forcing it again fails the same way
    interp, _ = interp_for(
        module({"bad": prim("intAdd", i(1), prim("error", StringLit("e")))}, data=DATA)
    )
    bad = interp.global_value(gname("bad"))
    for _ in range(2):
        with pytest.raises(HaskellError, match=r"^e$"):
            interp.force(bad)


def test_seq_primitive_returns_a_thunk_the_machine_enters() -> None:
    body = prim("seq", i(1), prim("intAdd", i(2), i(3)))
    assert run({"main": body})[0] == 5
    with pytest.raises(HaskellError, match="first"):
        run({"main": prim("seq", prim("error", StringLit("first")), i(1))})


def test_runtime_thunk_from_a_primitive() -> None:
    body = prim("intAdd", prim("lazyThunk", prim("intAdd", i(1), i(1))), i(1))
    assert run({"main": body})[0] == 3


def test_nullary_primitive() -> None:
    assert run({"main": prim("stdout")})[0] == "<stdout>"


def test_apply_from_outside() -> None:
    interp, _ = interp_for(module(LIB, data=DATA))
    plus = interp.global_value(gname("plus"))
    inc = interp.apply(plus, 1)
    assert interp.force(interp.apply(inc, 41)) == 42
    assert interp.force(interp.apply(interp.apply(plus, 2), 3)) == 5


def test_io_through_run_io() -> None:
    # putStr "hi" >>= \_ -> putInt 42 >>= \_ -> return ()
    main = prim(
        "bindIO",
        prim("putStr", StringLit("hi\n")),
        lam(
            "u1",
            prim(
                "bindIO",
                prim("putInt", i(42)),
                lam(
                    "u2",
                    prim("returnIO", con(_datacon(tuple_con(2), 0, (False, False)), i(1), i(2))),
                ),
            ),
        ),
    )
    interp, world = interp_for(module({"main": main}, data=DATA))
    result = run_io(interp, interp.global_value(gname("main")))
    assert world.out == ["hi\n", "42\n"]
    assert interp.force(result[1]) == 1


@pytest.mark.parametrize(
    ("binds", "message"),
    [
        ({"main": v("nowhere")}, "unbound variable nowhere_.* in Main.main"),
        ({"main": gv("missing")}, "unknown variable Main.missing in Main.main"),
        ({"main": app(gv("missing", "Other"), i(1))}, "unknown variable Other.missing"),
        ({"main": app(Lam((), i(1)), i(2))}, "lambda without parameters in Main.main"),
        (
            {"main": ConApp(DataConRef(B_C.name, 1, 2), (i(1), i(2)))},
            "constructor Main.B used with tag 1 and arity 2",
        ),
        (
            {"main": case(i(1), "eb", ConAlt(C_C.ref(), (_binder("e1"),), i(0)))},
            "binds 1 fields, the constructor has 2",
        ),
        ({"main": prim("nonsense", i(1))}, "unknown primitive 'nonsense'"),
        ({"main": prim("seq", i(1), i(2), i(3))}, "called with 3 arguments, it takes 2"),
        ({"main": app(i(3), i(4))}, "applied 3, not a function"),
        (
            {"main": ConApp(_datacon(_con_name("Nope", "Main"), 0, ()).ref(), ())},
            "unknown constructor Main.Nope",
        ),
    ],
)
def test_bad_core_is_an_internal_error(binds: dict[str, Expr], message: str) -> None:
    with pytest.raises(InterpError, match=message):
        run(binds, with_lib=False)


def test_global_value_of_an_unknown_name() -> None:
    interp, _ = interp_for(module({"main": i(1)}))
    message = r"unknown variable Main\.nope in Interpreter\.global_value"
    with pytest.raises(InterpError, match=message):
        interp.global_value(gname("nope"))


def test_duplicate_top_level_binding() -> None:
    with pytest.raises(InterpError, match="bound twice"):
        interp_for(module({"f": i(1)}), module({"f": i(2)}))


def test_interpreters_share_no_state() -> None:
    a, world_a = interp_for(module({"caf": prim("tick", i(1))}))
    b, world_b = interp_for(module({"caf": prim("tick", i(1))}))
    for _ in range(3):
        a.force(a.global_value(gname("caf")))
    b.force(b.global_value(gname("caf")))
    assert (world_a.ticks, world_b.ticks) == (1, 1)


def test_steps_are_counted() -> None:
    interp, _ = interp_for(
        module({**LIB, "main": app(gv("length"), app(gv("enumFromTo"), i(1), i(10)))}, data=DATA)
    )
    assert interp.force(interp.global_value(gname("main"))) == 10
    assert interp.steps > 10

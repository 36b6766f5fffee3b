"""The Python code generator (ifacedir.backend.python) on Core built by hand.

The Core comes from the builders of test_interp.py (``v``, ``gv``, ``lam``, ``case``,
``LIB``...), so both backends are tested on the same programs. The primitive table is
a small one of our own (``fake_prims``: ``tick`` counts its calls, ``putInt`` /
``putStr`` write to a list): the generated code's inline primitives (Int arithmetic
and comparisons, ``seq``) are the backend's own, the others are table calls.
Programs run on the main thread: none of them is deep (test_python_deep.py has those).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from test_interp import (
    A_C,
    B_C,
    C_C,
    CONS_C,
    DATA,
    FALSE_C,
    LIB,
    NIL_C,
    SP_C,
    TRUE_C,
    FakeWorld,
    _binder,
    _con_name,
    _datacon,
    _datatype,
    app,
    calt,
    case,
    con,
    cons,
    dalt,
    gv,
    i,
    if_,
    lalt,
    lam,
    let,
    letrec,
    module,
    nil,
    prim,
    v,
)

from ifacedir.backend import pyrt
from ifacedir.backend.python import PyBackendError, PythonProgram, emit_module, python_module_name
from ifacedir.backend.runtime import (
    TRUE,
    UNIT,
    HaskellError,
    IOBind,
    IOPrim,
    IOReturn,
    Thunk,
    run_io,
)
from ifacedir.backend.world import World
from ifacedir.syntax.core import (
    CharLit,
    ConAlt,
    ConApp,
    CoreModule,
    CoreVar,
    DataConRef,
    DoubleLit,
    Expr,
    IntKind,
    IntLit,
    Lam,
    PatError,
    StringLit,
)
from ifacedir.syntax.names import tuple_con
from ifacedir.syntax.types import T_INT

# --- Running Core --------------------------------------------------------------------------


def deep_list(value: Any) -> list[Any]:
    """A Haskell list as a Python list, its elements forced to WHNF."""
    items: list[Any] = []
    cell = pyrt.force(value)
    while cell[0] == 1:
        items.append(pyrt.force(cell[1]))
        cell = pyrt.force(cell[2])
    return items


def fake_prims(world: FakeWorld) -> dict[str, Callable[..., Any]]:
    def tick(x: Any) -> Any:
        world.ticks += 1
        return x

    def error(s: Any) -> Any:
        raise HaskellError("".join(deep_list(s)))

    def put_str(s: Any) -> Any:
        return IOPrim(lambda: world.out.append("".join(deep_list(s))) or UNIT)

    def put_int(n: int) -> Any:
        return IOPrim(lambda: world.out.append(f"{n}\n") or UNIT)

    def lazy_thunk(x: Any) -> Any:
        return Thunk(lambda: x)  # a thunk of the runtime's own kind, as lazy input makes

    return {
        "tick": tick,
        "error": error,
        "returnIO": IOReturn,
        "bindIO": IOBind,
        "putStr": put_str,
        "putInt": put_int,
        "lazyThunk": lazy_thunk,
        "stdout": lambda: "<stdout>",
    }


def sources(*modules: CoreModule) -> list[tuple[str, str, str]]:
    return [(m.module, m.package, emit_module(m)) for m in modules]


def program_for(*modules: CoreModule) -> tuple[PythonProgram, FakeWorld]:
    world = FakeWorld()
    program = PythonProgram(sources(*modules), World.in_memory(), prims=fake_prims(world))
    return program, world


def run(
    binds: dict[str, Expr], entry: str = "main", with_lib: bool = True
) -> tuple[Any, FakeWorld]:
    """Force ``entry`` of a Main made of ``binds`` (and LIB); its value and the world."""
    program, world = program_for(module({**(LIB if with_lib else {}), **binds}, data=DATA))
    return program.force(program.global_value("Main", entry)), world


def run_list(binds: dict[str, Expr], entry: str = "main") -> list[Any]:
    program, _ = program_for(module({**LIB, **binds}, data=DATA))
    return deep_list(program.global_value("Main", entry))


# --- Literals, primitives, lets ----------------------------------------------------------


def test_arithmetic_is_inline_and_wraps() -> None:
    assert run({"main": prim("intAdd", prim("intMul", i(6), i(7)), i(1))})[0] == 43
    big = prim("intAdd", i(2**63 - 1), i(1))
    assert run({"main": big})[0] == -(2**63)
    assert run({"main": prim("intMul", i(2**62), i(4))})[0] == 0
    assert run({"main": prim("intSub", i(-(2**63)), i(1))})[0] == 2**63 - 1


def test_literals() -> None:
    assert run({"main": CharLit(0x41)})[0] == "A"
    assert run({"main": CharLit(0xD800)})[0] == "\ud800"
    assert run({"main": CharLit(ord("'"))})[0] == "'"
    assert run({"main": DoubleLit(1, 3)})[0] == 1 / 3
    assert run({"main": DoubleLit(10**400, 1)})[0] == float("inf")
    assert run({"main": DoubleLit(-(10**400), 3)})[0] == float("-inf")
    assert run({"main": DoubleLit(1, 10**400)})[0] == 0.0
    assert run({"main": DoubleLit(-1, 10)})[0] == -0.1
    assert run({"main": IntLit(2**100, IntKind.INTEGER)})[0] == 2**100
    assert run({"main": IntLit(-5, IntKind.INT)})[0] == -5


def test_string_literal_is_a_list_of_characters() -> None:
    assert run_list({"main": StringLit("héllo\n\ud800\"'")}) == list("héllo\n\ud800\"'")
    assert run_list({"main": StringLit("")}) == []


def test_let_and_nested_lets() -> None:
    body = let("a", i(2), let("b", prim("intMul", v("a"), i(10)), prim("intAdd", v("a"), v("b"))))
    assert run({"main": body})[0] == 22


def test_let_sharing_evaluates_the_rhs_once() -> None:
    body = let("x", prim("tick", prim("intAdd", i(2), i(3))), prim("intAdd", v("x"), v("x")))
    value, world = run({"main": body})
    assert (value, world.ticks) == (10, 1)


def test_sharing_of_a_list_appended_to_itself() -> None:
    body = let(
        "xs",
        prim("tick", app(gv("enumFromTo"), i(1), i(3))),
        app(gv("length"), app(gv("append"), v("xs"), v("xs"))),
    )
    value, world = run({"main": body})
    assert (value, world.ticks) == (6, 1)


def test_an_argument_is_evaluated_at_most_once() -> None:
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
    body = letrec([("kxs", cons(i(1), v("kxs")))], app(gv("take"), i(5), v("kxs")))
    assert run_list({"main": body}) == [1, 1, 1, 1, 1]


def test_letrec_mutually_recursive_functions() -> None:
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
    body = letrec(
        [("as", cons(i(1), v("bs"))), ("bs", cons(i(2), v("as")))], app(gv("take"), i(5), v("as"))
    )
    assert run_list({"main": body}) == [1, 2, 1, 2, 1]


def test_a_value_depending_on_itself_is_a_loop() -> None:
    with pytest.raises(HaskellError, match="<<loop>>"):
        run({"main": letrec([("lx", prim("intAdd", v("lx"), i(1)))], v("lx"))})


# --- Case ----------------------------------------------------------------------------------


def _abc(scrut: Expr) -> Expr:
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
    def classify(n: Expr) -> Expr:
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


@pytest.mark.parametrize("n", [3, 9, 40, 300])
def test_many_literal_alternatives(n: int) -> None:
    # more alternatives than an if/elif chain holds: a table and a binary search
    for probe in (0, 1, n // 2, n - 1, n, -7):
        alts = [lalt(i(k), i(k * 10)) for k in range(n)]
        body = case(prim("intAdd", i(probe), i(0)), "mb", *alts, dalt(i(-1)))
        assert run({"main": body})[0] == (probe * 10 if 0 <= probe < n else -1)


def test_many_constructor_alternatives() -> None:
    cons_ = [_datacon(_con_name(f"K{k}", "Main"), k, (False,)) for k in range(30)]
    data = (*DATA, _datatype("Big", "Main", *cons_))
    for k in (0, 7, 29):
        body = case(
            con(cons_[k], i(k)),
            "kb",
            *(
                calt(dc, f"kx{j}", prim("intAdd", v(f"kx{j}"), i(100)))
                for j, dc in enumerate(cons_)
            ),
        )
        program, _ = program_for(module({"main": body}, data=data))
        assert program.force(program.global_value("Main", "main")) == k + 100


def test_case_with_only_a_default_forces_the_scrutinee() -> None:
    body = case(prim("error", StringLit("forced")), "sb", dalt(i(1)))
    with pytest.raises(HaskellError, match=r"^forced$"):
        run({"main": body})


def test_case_on_a_comparison_builds_no_bool() -> None:
    body = case(prim("intLt", i(1), i(2)), "cb", calt(FALSE_C, "", i(0)), calt(TRUE_C, "", i(1)))
    program, _ = program_for(module({"main": body}, data=DATA))
    assert program.force(program.global_value("Main", "main")) == 1
    text = emit_module(module({"main": body}, data=DATA))
    assert "if 1 < 2:" in text


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


def test_strict_fields_of_an_imported_constructor() -> None:
    # Lib declares SP (strict first field); Main only has the DataConRef
    sp = _datacon(_con_name("SP", "Lib"), 0, (True, False))
    lib_m = module({"one": i(1)}, name="Lib", data=(_datatype("SP", "Lib", sp),))
    main = module(
        {
            "main": case(
                con(sp, prim("error", StringLit("imported strict")), i(1)), "sp", dalt(i(0))
            ),
            "fine": case(
                con(sp, i(5), prim("error", StringLit("no"))), "fb", calt(sp, "f1 f2", v("f1"))
            ),
        }
    )
    program, _ = program_for(lib_m, main)
    with pytest.raises(HaskellError, match="imported strict"):
        program.force(program.global_value("Main", "main"))
    assert program.force(program.global_value("Main", "fine")) == 5


def test_constructor_of_constants_is_built_once() -> None:
    program, _ = program_for(module({"main": cons(i(1), cons(i(2), nil()))}, data=DATA))
    value = program.global_value("Main", "main")
    assert value == (1, 1, (1, 2, (0,)))
    assert deep_list(value) == [1, 2]


def test_constructor_used_as_a_function() -> None:
    k = CoreVar(B_C.name, T_INT)
    assert run({"main": _abc(app(k, i(8)))})[0] == 8
    assert run({"main": _abc(CoreVar(A_C.name, T_INT))})[0] == -1


# --- Functions ----------------------------------------------------------------------------


def test_partial_application() -> None:
    body = let("inc", app(gv("plus"), i(1)), app(v("inc"), i(41)))
    assert run({"main": body})[0] == 42


def test_partial_application_in_stages() -> None:
    add3 = lam("x3 y3 z3", prim("intAdd", v("x3"), prim("intMul", v("y3"), v("z3"))))
    body = let("p1", app(gv("add3"), i(1)), let("p2", app(v("p1"), i(2)), app(v("p2"), i(3))))
    assert run({"add3": add3, "main": body})[0] == 7


def test_over_application() -> None:
    k = lam("ka", lam("kb kc", prim("intAdd", v("ka"), prim("intMul", v("kb"), v("kc")))))
    assert run({"k": k, "main": app(gv("k"), i(1), i(2), i(3))})[0] == 7
    ident = lam("ix", v("ix"))
    assert run({"id": ident, "main": app(gv("id"), gv("plus"), i(1), i(2))})[0] == 3
    assert run({"k": k, "main": app(app(gv("k"), i(1)), i(2), i(3))})[0] == 7


def test_unknown_functions_of_every_shape() -> None:
    # a function value of arity 3 passed around and applied 1+1+1, 2+1, 1+2, 3 at a time
    add3 = lam("ua ub uc", prim("intAdd", v("ua"), prim("intMul", v("ub"), v("uc"))))
    apply = lam("af", app(app(app(v("af"), i(1)), i(2)), i(3)))
    apply2 = lam("bf", app(app(v("bf"), i(1), i(2)), i(3)))
    apply3 = lam("cf", app(app(v("cf"), i(1)), i(2), i(3)))
    apply4 = lam("df", app(v("df"), i(1), i(2), i(3)))
    binds = {"add3": add3, "ap1": apply, "ap2": apply2, "ap3": apply3, "ap4": apply4}
    for name in ("ap1", "ap2", "ap3", "ap4"):
        assert run({**binds, "main": app(gv(name), gv("add3"))})[0] == 7, name


def test_a_function_in_a_thunk_is_applied() -> None:
    body = let("tf", app(lam("tg", v("tg")), gv("plus")), app(v("tf"), i(1), i(2)))
    assert run({"main": body})[0] == 3


def test_function_returned_from_a_case() -> None:
    f = case(con(B_C, i(10)), "fcb", calt(B_C, "fx", lam("fy", prim("intAdd", v("fx"), v("fy")))))
    assert run({"main": app(f, i(5))})[0] == 15


def test_closures_capture_their_free_variables() -> None:
    body = let(
        "cn",
        prim("intAdd", i(5), i(5)),
        let("cf", lam("cx", prim("intAdd", v("cx"), v("cn"))), app(v("cf"), app(v("cf"), i(1)))),
    )
    assert run({"main": body})[0] == 21


def test_higher_order_foldl() -> None:
    body = app(gv("foldl"), gv("plus"), i(0), app(gv("enumFromTo"), i(1), i(100)))
    assert run({"main": body})[0] == 5050


def test_self_tail_calls_are_loops_and_keep_each_iterations_values() -> None:
    # go n acc = if n == 0 then acc else go (n - 1) (\u -> n : u acc)... built as
    # a list of closures, each capturing its own n
    go = lam(
        "gn gacc",
        if_(
            prim("intEq", v("gn"), i(0)),
            v("gacc"),
            app(gv("go"), prim("intSub", v("gn"), i(1)), cons(lam("gu", v("gn")), v("gacc"))),
        ),
    )
    text = emit_module(module({"go": go}))
    assert "while True:" in text
    call_all = lam(
        "cl",
        case(
            v("cl"),
            "clb",
            calt(NIL_C, "", nil()),
            calt(CONS_C, "ch ct", cons(app(v("ch"), i(0)), app(gv("callAll"), v("ct")))),
        ),
    )
    main = app(gv("callAll"), app(gv("go"), i(5), nil()))
    assert run_list({"go": go, "callAll": call_all, "main": main}) == [1, 2, 3, 4, 5]


# --- Top level, errors ---------------------------------------------------------------------


def test_caf_is_evaluated_once() -> None:
    program, world = program_for(
        module(
            {
                "caf": prim("tick", prim("intMul", i(6), i(7))),
                "main": prim("intAdd", gv("caf"), gv("caf")),
            }
        )
    )
    assert program.force(program.global_value("Main", "main")) == 84
    assert program.force(program.global_value("Main", "caf")) == 42
    assert world.ticks == 1


def test_top_level_let_is_floated_and_shared() -> None:
    # f = let t = tick 5 in \x -> x + t: t evaluated once for every call of f
    f = let("ft", prim("tick", i(5)), lam("fx", prim("intAdd", v("fx"), v("ft"))))
    main = prim("intAdd", app(gv("f"), i(1)), app(gv("f"), i(2)))
    value, world = run({"f": f, "main": main}, with_lib=False)
    assert (value, world.ticks) == (13, 1)


def test_bindings_across_modules() -> None:
    lib = module({"double": lam("dx", prim("intAdd", v("dx"), v("dx")))}, name="Lib")
    main = module({"main": app(gv("double", "Lib"), i(21)), "d": gv("double", "Lib")})
    program, _ = program_for(lib, main)
    assert program.force(program.global_value("Main", "main")) == 42
    assert program.apply(program.global_value("Main", "d"), 4) is not None


def test_a_module_cycle_is_linked_late() -> None:
    # Lib refers to Main's bindings, loaded after it (hs-boot style): from a function,
    # and from a constant built when Lib is loaded
    lib = module(
        {
            "viaMain": lam("vx", prim("intAdd", v("vx"), gv("base", "Main"))),
            "pair": cons(gv("base", "Main"), nil()),
            "call": lam("cx", app(gv("twice", "Main"), v("cx"))),
        },
        name="Lib",
    )
    main = module(
        {
            "base": i(100),
            "twice": lam("tx", prim("intMul", v("tx"), i(2))),
            "main": app(gv("viaMain", "Lib"), i(1)),
            "fromPair": case(gv("pair", "Lib"), "pb", calt(CONS_C, "ph pt", v("ph"))),
            "viaCall": app(gv("call", "Lib"), i(21)),
        },
        data=DATA,
    )
    program, _ = program_for(lib, main)
    assert program.force(program.global_value("Main", "main")) == 101
    assert program.force(program.global_value("Main", "fromPair")) == 100
    assert program.force(program.global_value("Main", "viaCall")) == 42


def test_pat_error_message() -> None:
    msg = "Main.hs:(3,1)-(4,20): Non-exhaustive patterns in function f"
    body = case(i(3), "pb", lalt(i(0), i(1)), dalt(PatError(msg, T_INT)))
    with pytest.raises(HaskellError) as info:
        run({"main": body})
    assert info.value.message == msg


def test_program_usable_after_an_error() -> None:
    program, _ = program_for(
        module({"bad": prim("intAdd", i(1), prim("error", StringLit("e")))}, data=DATA)
    )
    bad = program.global_value("Main", "bad")
    for _ in range(2):
        with pytest.raises(HaskellError, match=r"^e$"):
            program.force(bad)


def test_seq() -> None:
    assert run({"main": prim("seq", i(1), prim("intAdd", i(2), i(3)))})[0] == 5
    with pytest.raises(HaskellError, match="first"):
        run({"main": prim("seq", prim("error", StringLit("first")), i(1))})


def test_runtime_thunk_from_a_primitive() -> None:
    body = prim("intAdd", prim("lazyThunk", prim("intAdd", i(1), i(1))), i(1))
    assert run({"main": body})[0] == 3


def test_nullary_primitive() -> None:
    assert run({"main": prim("stdout")})[0] == "<stdout>"


def test_apply_from_outside() -> None:
    program, _ = program_for(module(LIB, data=DATA))
    plus = program.global_value("Main", "plus")
    inc = program.apply(plus, 1)
    assert program.force(program.apply(inc, 41)) == 42
    assert program.force(program.apply(program.apply(plus, 2), 3)) == 5


def test_io_through_run_io() -> None:
    pair = _datacon(tuple_con(2), 0, (False, False))
    main = prim(
        "bindIO",
        prim("putStr", StringLit("hi\n")),
        lam(
            "u1",
            prim(
                "bindIO",
                prim("putInt", i(42)),
                lam("u2", prim("returnIO", con(pair, i(1), i(2)))),
            ),
        ),
    )
    program, world = program_for(module({"main": main}, data=DATA))
    result = run_io(program, program.global_value("Main", "main"))
    assert world.out == ["hi\n", "42\n"]
    assert program.force(result[1]) == 1


@pytest.mark.parametrize(
    ("binds", "message"),
    [
        ({"main": v("nowhere")}, r"module Main: unbound variable nowhere_\d+ in Main\.main"),
        ({"main": gv("missing")}, "unknown variable Main.missing"),
        (
            {"main": app(gv("missing", "Other"), i(1))},
            "module Main: unknown variable Other.missing",
        ),
        ({"main": app(Lam((), i(1)), i(2))}, "lambda without parameters"),
        (
            {"main": ConApp(DataConRef(B_C.name, 1, 2), (i(1), i(2)))},
            "constructor Main.B used with tag 1 and arity 2",
        ),
        (
            {"main": case(i(1), "eb", ConAlt(C_C.ref(), (_binder("e1"),), i(0)))},
            "binds 1 fields, the constructor has 2",
        ),
        ({"main": prim("nonsense", i(1))}, "unknown primitive 'nonsense'"),
        ({"main": prim("seq", i(1), i(2), i(3))}, "called with 3 arguments"),
        ({"main": app(i(3), i(4))}, "not a function"),
        (
            {"main": ConApp(_datacon(_con_name("Nope", "Main"), 0, ()).ref(), ())},
            "unknown constructor Main.Nope",
        ),
    ],
)
def test_bad_core_is_the_backends_own_error(binds: dict[str, Expr], message: str) -> None:
    with pytest.raises(PyBackendError, match=message):
        run(binds, with_lib=False)


def test_global_value_of_an_unknown_name() -> None:
    program, _ = program_for(module({"main": i(1)}))
    with pytest.raises(PyBackendError, match=r"unknown variable Main\.nope"):
        program.global_value("Main", "nope")
    with pytest.raises(PyBackendError, match="no module Other"):
        program.global_value("Other", "x")


def test_duplicate_top_level_binding_or_module() -> None:
    one = module({"f": i(1)})
    twice = CoreModule("Main", "main", one.groups * 2, (), (), None)
    with pytest.raises(PyBackendError, match=r"Main\.f bound twice at top level"):
        emit_module(twice)
    with pytest.raises(PyBackendError, match="loaded twice"):
        program_for(module({"f": i(1)}), module({"f": i(2)}))


def test_programs_share_no_state() -> None:
    a, world_a = program_for(module({"caf": prim("tick", i(1))}))
    b, world_b = program_for(module({"caf": prim("tick", i(1))}))
    for _ in range(3):
        a.force(a.global_value("Main", "caf"))
    b.force(b.global_value("Main", "caf"))
    assert (world_a.ticks, world_b.ticks) == (1, 1)


# --- The text ----------------------------------------------------------------------------


def test_emitting_is_deterministic_and_cached() -> None:
    m = module({**LIB, "main": app(gv("length"), app(gv("enumFromTo"), i(1), i(10)))}, data=DATA)
    twin = module({**LIB, "main": app(gv("length"), app(gv("enumFromTo"), i(1), i(10)))}, data=DATA)
    assert twin is not m and twin == m
    assert emit_module(m) == emit_module(twin)
    assert emit_module(m) is emit_module(m)  # the same text object: remembered


def test_generated_text_imports_only_the_runtime() -> None:
    text = emit_module(module({**LIB, "main": app(gv("plus"), i(1), i(2))}, data=DATA))
    imports = set(re.findall(r"^(?:from|import) (\S+)", text, re.MULTILINE))
    assert imports == {"ifacedir.backend.pyrt", "ifacedir.backend.runtime"}
    assert text.isascii()


def test_python_module_names_are_injective() -> None:
    assert python_module_name("GHC.Base", "base") == "hs_base__GHC_Base"
    names = [
        ("A.B", "p"),
        ("A_B", "p"),
        ("A.B'", "p"),
        ("A.B_1", "p"),
        ("B", "p_A"),
        ("A.B", "p-q"),
        ("A.B", "p_q"),
        ("A.x", "p"),
        ("A__x", "p"),
    ]
    assert len({python_module_name(m, p) for m, p in names}) == len(names)
    for m, p in names:
        assert python_module_name(m, p).isidentifier()


def test_known_calls_are_direct_and_arithmetic_inline() -> None:
    # a speed sanity check on the text, not on time
    fact = lam(
        "fn",
        if_(
            prim("intEq", v("fn"), i(0)),
            i(1),
            prim("intMul", v("fn"), app(gv("fact"), prim("intSub", v("fn"), i(1)))),
        ),
    )
    text = emit_module(module({"fact": fact, "main": app(gv("fact"), i(20))}, data=DATA))
    body = text[text.index("def Gfact(") :]
    assert "Gfact(" in body.split("\n", 1)[1] and "_A1(Gfact" not in text
    assert " == 0:" in body and " * " in body  # a condition, no Bool; inline Int arithmetic
    program, _ = program_for(module({"fact": fact, "main": app(gv("fact"), i(20))}, data=DATA))
    assert program.force(program.global_value("Main", "main")) == 2432902008176640000


def test_a_let_forced_first_is_evaluated_in_place() -> None:
    # Note [Strict lets]: `let n = fn - 1 in if n < 0 ...` makes no thunk for n, and
    # the result is what the lazy translation gives
    body = let(
        "n",
        prim("intSub", v("fn"), i(1)),
        if_(prim("intLt", v("n"), i(0)), i(0), prim("intAdd", v("n"), v("n"))),
    )
    lazy = let("m", prim("intSub", v("fn"), i(1)), if_(prim("intLt", v("fn"), i(0)), i(0), v("m")))
    binds = {"f": lam("fn", body), "g": lam("fn", lazy), "main": app(gv("f"), i(5))}
    text = emit_module(module(binds, data=DATA))
    f_body = text[text.index("def Gf(") : text.index("def Gg(")]
    g_body = text[text.index("def Gg(") :]
    assert "_PT()" not in f_body and "_PT()" in g_body.split("\nGmain", 1)[0]
    assert run(binds)[0] == 8
    assert run({**binds, "main": app(gv("f"), i(0))})[0] == 0

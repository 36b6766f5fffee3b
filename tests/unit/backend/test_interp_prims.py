"""The interpreter with the real primitives (ifacedir.backend.prims) and the real IO
runner: ``run_program`` on Core built by hand, with an in-memory World."""

from __future__ import annotations

from test_interp import (
    CONS_C,
    DATA,
    FALSE_C,
    NIL_C,
    TRUE_C,
    app,
    calt,
    case,
    cons,
    dalt,
    gname,
    gv,
    i,
    if_,
    lalt,
    lam,
    nil,
    prim,
    v,
)

from ifacedir.backend.interp import Interpreter, run_program
from ifacedir.backend.world import MemoryWorld, World
from ifacedir.syntax.core import (
    Bind,
    BindGroup,
    CharLit,
    CoreModule,
    CoreVar,
    Expr,
    PatError,
    StringLit,
)
from ifacedir.syntax.types import T_INT, to_scheme


def _program(binds: dict[str, Expr]) -> list[CoreModule]:
    groups = tuple(
        BindGroup(True, (Bind(CoreVar(gname(occ), to_scheme(T_INT)), rhs),))
        for occ, rhs in binds.items()
    )
    return [CoreModule("Main", "main", groups, DATA, (), gname("main"))]


def _run(binds: dict[str, Expr], stdin: bytes = b"") -> tuple[int, MemoryWorld]:
    world = World.in_memory(stdin, (), "prog")
    status = run_program(_program(binds), gname("main"), world)
    return status, world


def _then(a: Expr, b: Expr) -> Expr:
    return prim("bindIO", a, lam("then_u", b))


def _put(s: Expr) -> Expr:
    return prim("hPutStr", prim("stdout"), s)


def _digit(n: Expr) -> Expr:
    return prim("intToChar", prim("intAdd", n, i(48)))


# showInt n for n >= 0, in Core: digits by quot/rem, accumulated in front of acc
_LIB: dict[str, Expr] = {
    "showPos": lam(
        "sn sacc",
        if_(
            prim("intLt", v("sn"), i(10)),
            cons(_digit(v("sn")), v("sacc")),
            app(
                gv("showPos"),
                prim("intQuot", v("sn"), i(10)),
                cons(
                    prim("intToChar", prim("intAdd", prim("intRem", v("sn"), i(10)), i(48))),
                    v("sacc"),
                ),
            ),
        ),
    ),
    # mapM_ (putStrLn . show) [a..b]
    "printFromTo": lam(
        "pa pb",
        if_(
            prim("intLe", v("pa"), v("pb")),
            _then(
                _put(app(gv("showPos"), v("pa"), cons(CharLit(10), nil()))),
                app(gv("printFromTo"), prim("intAdd", v("pa"), i(1)), v("pb")),
            ),
            prim("returnIO", i(0)),
        ),
    ),
    # sum of a list with a strict accumulator, through primSeq
    "sumList": lam(
        "sxs sacc2",
        case(
            v("sxs"),
            "sb",
            calt(NIL_C, "", v("sacc2")),
            calt(
                CONS_C,
                "sy sys",
                prim(
                    "seq",
                    v("sacc2"),
                    app(gv("sumList"), v("sys"), prim("intAdd", v("sacc2"), v("sy"))),
                ),
            ),
        ),
    ),
    "upto": lam(
        "ua ub",
        if_(
            prim("intLe", v("ua"), v("ub")),
            cons(v("ua"), app(gv("upto"), prim("intAdd", v("ua"), i(1)), v("ub"))),
            nil(),
        ),
    ),
}


def test_hello_world() -> None:
    status, world = _run({"main": _put(StringLit("Hello, world!\n"))})
    assert (status, world.stdout_bytes()) == (0, b"Hello, world!\n")


def test_printing_numbers() -> None:
    status, world = _run({**_LIB, "main": app(gv("printFromTo"), i(1), i(12))})
    assert status == 0
    assert world.stdout_bytes() == b"".join(b"%d\n" % k for k in range(1, 13))


def test_printing_a_long_loop() -> None:
    status, world = _run({**_LIB, "main": app(gv("printFromTo"), i(1), i(5_000))})
    assert status == 0
    assert world.stdout_bytes().count(b"\n") == 5_000


def test_strict_sum_with_seq() -> None:
    main = _put(
        app(gv("showPos"), app(gv("sumList"), app(gv("upto"), i(1), i(10_000)), i(0)), nil())
    )
    assert _run({**_LIB, "main": main})[1].stdout_bytes() == b"50005000"


def test_error_stops_the_program_after_flushing() -> None:
    main = _then(_put(StringLit("before\n")), prim("error", StringLit("boom")))
    status, world = _run({"main": main})
    assert status == 1
    assert world.stdout_bytes() == b"before\n"
    assert world.stderr_bytes() == b"prog: boom\n"


def test_pattern_match_failure_is_reported() -> None:
    msg = "Main.hs:3:1-10: Non-exhaustive patterns in function f"
    main = case(i(2), "mb", lalt(i(1), _put(StringLit("one"))), dalt(PatError(msg, T_INT)))
    status, world = _run({"main": main})
    assert (status, world.stderr_bytes()) == (1, f"prog: {msg}\n".encode())


def test_exit_with() -> None:
    status, _ = _run({"main": _then(_put(StringLit("x")), prim("exitWith", i(3)))})
    assert status == 3


def test_reading_stdin() -> None:
    # getLine >>= \l -> putStr (reverse-ish: the line twice)
    main = prim(
        "bindIO",
        prim("hGetLine", prim("stdin")),
        lam("line", _put(app(gv("append"), v("line"), v("line")))),
    )
    append = lam(
        "axs ays",
        case(
            v("axs"),
            "ab",
            calt(NIL_C, "", v("ays")),
            calt(CONS_C, "az azs", cons(v("az"), app(gv("append"), v("azs"), v("ays")))),
        ),
    )
    status, world = _run({"append": append, "main": main}, stdin=b"abc\nrest\n")
    assert (status, world.stdout_bytes()) == (0, b"abcabc")


def test_comparisons_return_bools_the_case_understands() -> None:
    main = case(
        prim("intEq", i(3), prim("intAdd", i(1), i(2))),
        "cb",
        calt(TRUE_C, "", _put(StringLit("yes"))),
        calt(FALSE_C, "", _put(StringLit("no"))),
    )
    assert _run({"main": main})[1].stdout_bytes() == b"yes"


def test_default_primitive_table() -> None:
    world = World.in_memory()
    interp = Interpreter(_program({"main": prim("intMul", i(6), i(7))}), world)
    assert interp.force(interp.global_value(gname("main"))) == 42

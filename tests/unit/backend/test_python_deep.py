"""The Python backend on deep programs and deep Core.

* **Deep evaluation** (See Note [Only plain calls on the deep path] in
  ifacedir.backend.pyrt): a lazy left fold building and forcing a thunk chain, a
  non-tail-recursive length, a long list built and printed; 100,000 elements by
  default, 1,000,000 marked ``slow``. One run happens in a subprocess whose
  evaluation thread has a 4 MiB C stack: if any call on the deep path used the C
  stack, 100,000 levels would overflow it (a crash the subprocess reports).
* **Deep Core** (See Note [Deep Core makes shallow Python] in
  ifacedir.backend.python_expr): a 10,000-element list literal, 5,000-deep chains of
  ``++`` nested both ways, 2,000 nested ``case``s, 5,000 nested ``let``s. Each is
  written, compiled by CPython and run; its indentation stays bounded.
* **Stack overflow**: an unbounded recursion ends as GHC's does, ``stack overflow``
  and status 2 (with a lowered recursion limit, to keep the test small).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from test_interp import (
    CONS_C,
    DATA,
    LIB,
    NIL_C,
    FakeWorld,
    app,
    calt,
    case,
    cons,
    dalt,
    gv,
    i,
    if_,
    lalt,
    lam,
    let,
    module,
    nil,
    prim,
    v,
)
from test_python import deep_list, fake_prims, program_for

from ifacedir.backend import python_load
from ifacedir.backend.python import emit_module, run_python_program
from ifacedir.backend.python_expr import MAX_DEPTH
from ifacedir.backend.python_load import deep_evaluation
from ifacedir.backend.runtime import run_io
from ifacedir.backend.world import World, run_main
from ifacedir.driver.inmemory import compile_in_memory
from ifacedir.syntax.core import Expr
from ifacedir.syntax.names import Name, NameSpace
from ifacedir.util.deep import run_deep

SIZES = [100_000, pytest.param(1_000_000, marks=pytest.mark.slow)]
MAIN = Name("main", "Main", "main", NameSpace.VAR)

DEEP_LIB: dict[str, Expr] = {
    **LIB,
    # printAll (x:xs) = putInt x >>= \_ -> printAll xs; printAll [] = return 0
    "printAll": lam(
        "pxs",
        case(
            v("pxs"),
            "pb",
            calt(NIL_C, "", prim("returnIO", i(0))),
            calt(
                CONS_C,
                "py pys",
                prim("bindIO", prim("putInt", v("py")), lam("pu", app(gv("printAll"), v("pys")))),
            ),
        ),
    ),
    # countdown n = n : countdown (n - 1), a list built by non-tail recursion
    "countdown": lam(
        "cn",
        if_(
            prim("intEq", v("cn"), i(0)),
            nil(),
            cons(v("cn"), app(gv("countdown"), prim("intSub", v("cn"), i(1)))),
        ),
    ),
}


def _deep(main: Expr) -> Any:
    program, _ = program_for(module({**DEEP_LIB, "main": main}, data=DATA))

    def force() -> Any:
        with deep_evaluation():
            return program.force(program.global_value("Main", "main"))

    return run_deep(force)


# --- Deep evaluation -----------------------------------------------------------------------


@pytest.mark.parametrize("n", SIZES)
def test_lazy_foldl_builds_and_forces_a_deep_thunk_chain(n: int) -> None:
    main = app(gv("foldl"), gv("plus"), i(0), app(gv("enumFromTo"), i(1), i(n)))
    assert _deep(main) == n * (n + 1) // 2


@pytest.mark.parametrize("n", SIZES)
def test_non_tail_recursive_length(n: int) -> None:
    assert _deep(app(gv("length"), app(gv("enumFromTo"), i(1), i(n)))) == n


@pytest.mark.parametrize("n", SIZES)
def test_list_built_and_printed(n: int) -> None:
    program, world = program_for(
        module({**DEEP_LIB, "main": app(gv("printAll"), app(gv("countdown"), i(n)))}, data=DATA)
    )

    def go() -> Any:
        with deep_evaluation():
            return run_io(program, program.global_value("Main", "main"))

    assert run_deep(go) == 0
    assert len(world.out) == n
    assert world.out[0] == f"{n}\n" and world.out[-1] == "1\n"


def test_head_of_a_deep_left_nested_append() -> None:
    body: Expr = cons(i(0), nil())
    for k in range(1, 10_000):
        body = app(gv("append"), body, cons(i(k), nil()))
    assert _deep(case(body, "hb", calt(CONS_C, "hx hxs", v("hx")))) == 0


_SMALL_STACK = textwrap.dedent(
    """
    import sys, threading
    sys.path[:0] = [{tests!r}]
    from test_interp import DATA, app, gv, i, module
    from test_python_deep import DEEP_LIB
    from test_python import program_for
    from ifacedir.backend.python_load import deep_evaluation

    n = 100_000
    main = app(gv("foldl"), gv("plus"), i(0), app(gv("enumFromTo"), i(1), i(n)))
    length = app(gv("length"), app(gv("enumFromTo"), i(1), i(n)))
    program, _ = program_for(module({{**DEEP_LIB, "main": main, "len": length}}, data=DATA))
    out = []

    def run():
        with deep_evaluation():
            out.append(program.force(program.global_value("Main", "main")))
            out.append(program.force(program.global_value("Main", "len")))

    threading.stack_size(4 * 1024 * 1024)
    t = threading.Thread(target=run)
    t.start()
    t.join()
    print(out)
    """
)


def test_deep_evaluation_uses_no_c_stack() -> None:
    tests = str(Path(__file__).resolve().parent)
    done = subprocess.run(
        [sys.executable, "-c", _SMALL_STACK.format(tests=tests)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == str([100_000 * 100_001 // 2, 100_000])


def test_unbounded_recursion_is_a_stack_overflow(monkeypatch: pytest.MonkeyPatch) -> None:
    # f n = 1 + f n, run as a program: status 2 and GHC's message
    monkeypatch.setattr(python_load, "RECURSION_LIMIT", 200_000)
    f = lam("fn", prim("intAdd", i(1), app(gv("f"), v("fn"))))
    main = prim("bindIO", prim("putInt", app(gv("f"), i(0))), lam("fu", prim("returnIO", i(0))))
    m = module({"f": f, "main": main}, data=DATA)
    world = World.in_memory(prog_name="<prog>")
    program = python_load.PythonProgram(
        [(m.module, m.package, emit_module(m))], world, prims=fake_prims(FakeWorld())
    )

    def go() -> int:
        with deep_evaluation():
            return run_main(program, program.global_value("Main", "main"), world)

    assert run_deep(go) == 2
    assert world.stderr_bytes() == b"<prog>: stack overflow\n"


# --- Deep Core -----------------------------------------------------------------------------


def _indentation(text: str) -> int:
    return max((len(s) - len(s.lstrip(" "))) // 4 for s in text.splitlines())


def _compiled_and_run(binds: dict[str, Expr]) -> list[Any] | Any:
    m = module({**LIB, **binds}, data=DATA)
    text = emit_module(m)
    assert _indentation(text) <= MAX_DEPTH + 4
    program, _ = program_for(m)

    def go() -> Any:
        with deep_evaluation():
            return program.force(program.global_value("Main", "main"))

    return run_deep(go), program


def test_a_ten_thousand_element_list_literal() -> None:
    big: Expr = nil()
    for k in reversed(range(10_000)):
        big = cons(i(k), big)
    # at the top level (a constant) and inside a function (built when called)
    value, program = _compiled_and_run(
        {"big": big, "inFun": lam("fz", big), "main": app(gv("length"), gv("big"))}
    )
    assert value == 10_000
    assert deep_list(program.global_value("Main", "big"))[-3:] == [9997, 9998, 9999]
    in_fun = program.apply(program.global_value("Main", "inFun"), 0)
    assert len(deep_list(run_deep(program.force, in_fun))) == 10_000


def test_five_thousand_deep_append_chains() -> None:
    right: Expr = cons(i(0), nil())
    left: Expr = cons(i(0), nil())
    for k in range(1, 5_000):
        right = app(gv("append"), cons(i(k), nil()), right)
        left = app(gv("append"), left, cons(i(k), nil()))
    # (the length of the left-nested chain would take 5,000 steps per element)
    head = case(left, "lb", calt(CONS_C, "lx lxs", v("lx")))
    main = prim("intAdd", app(gv("length"), right), head)
    assert _compiled_and_run({"main": main})[0] == 5_000


def test_two_thousand_nested_cases_and_five_thousand_lets() -> None:
    # case x of 0 -> 0; _ -> case x of 1 -> 1; _ -> ... nested 2,000 deep
    nested: Expr = i(-1)
    for k in reversed(range(2_000)):
        nested = case(v("nx"), f"nb{k}", lalt(i(k), i(k)), dalt(nested))
    chain: Expr = v("l4999")
    for k in reversed(range(5_000)):
        chain = let(f"l{k}", prim("intAdd", v(f"l{k - 1}"), i(1)) if k else i(0), chain)
    binds = {"pick": lam("nx", nested), "main": prim("intAdd", app(gv("pick"), i(1999)), chain)}
    assert _compiled_and_run(binds)[0] == 1999 + 4999


def test_a_real_program_printing_a_long_list(tmp_path: Path) -> None:
    main = tmp_path / "Main.hs"
    main.write_text(
        "module Main (main) where\n\nmain :: IO ()\nmain = do\n"
        "  print (length (show [1 .. 100000 :: Int]))\n"
        "  print (foldl (+) 0 [1 .. 100000 :: Int])\n",
        encoding="utf-8",
    )
    modules = compile_in_memory(main, 0)
    world = World.in_memory(prog_name="<prog>")
    status = run_python_program(
        [(m.module, m.package, emit_module(m)) for m in modules], MAIN, world
    )
    assert (status, world.stdout_bytes()) == (0, b"588896\n5000050000\n")

"""The interpreter on deep evaluations: no Python recursion proportional to the
program's recursion depth (a million-deep thunk chain, a non-tail-recursive length,
a long IO loop), and a small benchmark.

The 1,000,000-element versions are ``slow`` (``--run-slow``); the 100,000-element
ones run by default.
"""

from __future__ import annotations

import inspect
import sys
import time
from collections.abc import Callable
from typing import TypeVar

import pytest
from test_interp import (
    CONS_C,
    DATA,
    LIB,
    NIL_C,
    app,
    calt,
    case,
    cons,
    gname,
    gv,
    i,
    if_,
    interp_for,
    lam,
    let,
    module,
    nil,
    prim,
    v,
)

from ifacedir.backend.interp import _fewer_collections
from ifacedir.backend.runtime import run_io
from ifacedir.syntax.core import Expr

SIZES = [100_000, pytest.param(1_000_000, marks=pytest.mark.slow)]

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
    # a list built by non-tail recursion of its own: countdown n = n : countdown (n-1)
    "countdown": lam(
        "cn",
        if_(
            prim("intEq", v("cn"), i(0)),
            nil(),
            cons(v("cn"), app(gv("countdown"), prim("intSub", v("cn"), i(1)))),
        ),
    ),
    # sumTo n acc, tail recursive with a strict accumulator (seq)
    "sumTo": lam(
        "sn sacc",
        if_(
            prim("intEq", v("sn"), i(0)),
            v("sacc"),
            let(
                "snext",
                prim("intAdd", v("sacc"), v("sn")),
                prim(
                    "seq", v("snext"), app(gv("sumTo"), prim("intSub", v("sn"), i(1)), v("snext"))
                ),
            ),
        ),
    ),
}


_T = TypeVar("_T")


def _shallow(fn: Callable[[], _T]) -> _T:
    """``fn()`` with little Python stack to spare: evaluation must not recurse, and a
    low recursion limit turns any recursion into a failure."""
    depth = len(inspect.stack(0))
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + 60)
    try:
        with _fewer_collections():  # as run_program does
            return fn()
    finally:
        sys.setrecursionlimit(old)


def _run(main: Expr) -> object:
    interp, _ = interp_for(module({**DEEP_LIB, "main": main}, data=DATA))
    value = interp.global_value(gname("main"))  # compiling may recurse (run_deep)
    return _shallow(lambda: interp.force(value))


@pytest.mark.parametrize("n", SIZES)
def test_lazy_foldl_builds_and_forces_a_deep_thunk_chain(n: int) -> None:
    main = app(gv("foldl"), gv("plus"), i(0), app(gv("enumFromTo"), i(1), i(n)))
    assert _run(main) == n * (n + 1) // 2


@pytest.mark.parametrize("n", SIZES)
def test_non_tail_recursive_length(n: int) -> None:
    assert _run(app(gv("length"), app(gv("enumFromTo"), i(1), i(n)))) == n


@pytest.mark.parametrize("n", SIZES)
def test_list_built_and_printed(n: int) -> None:
    interp, world = interp_for(
        module({**DEEP_LIB, "main": app(gv("printAll"), app(gv("countdown"), i(n)))}, data=DATA)
    )
    action = interp.global_value(gname("main"))
    assert _shallow(lambda: run_io(interp, action)) == 0
    assert len(world.out) == n
    assert world.out[0] == f"{n}\n" and world.out[-1] == "1\n"


def test_tail_recursion_with_seq_runs_in_constant_stack() -> None:
    assert _run(app(gv("sumTo"), i(50_000), i(0))) == 50_000 * 50_001 // 2


def test_head_of_a_deep_left_nested_append() -> None:
    # head (((([0] ++ [1]) ++ [2]) ++ ...): 10,000 appends deep (a 10,000-deep Core
    # expression, compiled under run_deep, then a 10,000-deep chain of case frames)
    body: Expr = cons(i(0), nil())
    for k in range(1, 10_000):
        body = app(gv("append"), body, cons(i(k), nil()))
    assert _run(case(body, "hb", calt(CONS_C, "hx hxs", v("hx")))) == 0


NFIB = lam(
    "nn",
    if_(
        prim("intLt", v("nn"), i(2)),
        i(1),
        prim(
            "intAdd",
            i(1),
            prim(
                "intAdd",
                app(gv("nfib"), prim("intSub", v("nn"), i(1))),
                app(gv("nfib"), prim("intSub", v("nn"), i(2))),
            ),
        ),
    ),
)


def _nfib(n: int) -> tuple[int, float, int]:
    interp, _ = interp_for(module({**LIB, "nfib": NFIB, "main": app(gv("nfib"), i(n))}, data=DATA))
    start = time.perf_counter()
    result = interp.force(interp.global_value(gname("main")))
    return result, time.perf_counter() - start, interp.steps


def test_nfib() -> None:
    assert _nfib(15)[0] == 1973


@pytest.mark.slow
def test_nfib_20_benchmark() -> None:
    result, seconds, steps = _nfib(20)
    assert result == 21891
    print(f"nfib 20: {seconds:.3f} s, {steps} steps, {steps / seconds:,.0f} steps/s")

"""The simplifier (ifacedir.simplify): each rule on hand-built Core, and what -O1 makes
of overloaded code. Its correctness on whole programs is tests/programs' (every
program at -O0 and -O1)."""

from __future__ import annotations

import sys
from pathlib import Path

from ifacedir.simplify import simplify_module, unfoldings_of
from ifacedir.syntax import core
from ifacedir.syntax.corewalk import iter_nodes, size
from ifacedir.syntax.names import Name, NameSpace
from ifacedir.syntax.types import T_INT, to_scheme

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desugar"))
from core_helpers import binding, main_core

INT = core.IntKind.INT


def local(occ: str, unique: int) -> core.CoreVar:
    return core.CoreVar(Name.local(occ, NameSpace.VAR, unique), to_scheme(T_INT))


def use(v: core.CoreVar) -> core.CoreVar:
    return core.CoreVar(v.name, T_INT)


def glob(occ: str) -> Name:
    return Name("main", "M", occ, NameSpace.VAR)


def module(*binds: tuple[str, core.Expr]) -> core.CoreModule:
    groups = tuple(
        core.BindGroup(False, (core.Bind(core.CoreVar(glob(n), to_scheme(T_INT)), e),))
        for n, e in binds
    )
    return core.CoreModule("M", "main", groups, (), (), None)


def simplified(e: core.Expr, level: int = 0, *others: tuple[str, core.Expr]) -> core.Expr:
    m = simplify_module(module(*others, ("it", e)), level)
    return m.groups[-1].binds[0].rhs


def test_beta_with_an_atom_substitutes() -> None:
    x = local("x", 1)
    e = core.App(
        core.Lam((x,), core.PrimOp("intAdd", 2, (use(x), use(x)), T_INT)), (core.IntLit(2, INT),)
    )
    assert simplified(e) == core.IntLit(4, INT)  # then constant-folded


def test_a_let_used_once_moves_and_a_dead_one_goes() -> None:
    x, y = local("x", 1), local("y", 2)
    work = core.App(core.CoreVar(glob("g"), T_INT), (core.IntLit(1, INT),))
    e = core.Let(
        core.Bind(x, work),
        core.Let(core.Bind(y, work), core.App(core.CoreVar(glob("h"), T_INT), (use(x),))),
    )
    assert simplified(e) == core.App(core.CoreVar(glob("h"), T_INT), (work,))


def test_a_let_used_inside_a_lambda_stays_shared() -> None:
    x, z = local("x", 1), local("z", 2)
    work = core.App(core.CoreVar(glob("g"), T_INT), (core.IntLit(1, INT),))
    e = core.Let(core.Bind(x, work), core.Lam((z,), use(x)))
    assert simplified(e) == e  # moving it in would redo the work at every call


def test_case_of_a_known_constructor_picks_the_alternative() -> None:
    just = core.DataConRef(Name("base", "GHC.Base", "Just", NameSpace.CON), 1, 1)
    nothing = core.DataConRef(Name("base", "GHC.Base", "Nothing", NameSpace.CON), 0, 0)
    v, b = local("v", 1), local("b", 2)
    e = core.Case(
        core.ConApp(just, (core.IntLit(7, INT),)),
        b,
        T_INT,
        (core.ConAlt(nothing, (), core.IntLit(0, INT)), core.ConAlt(just, (v,), use(v))),
    )
    assert simplified(e) == core.IntLit(7, INT)


def test_o1_inlines_small_globals_and_o0_does_not() -> None:
    x = local("x", 1)
    inc = core.Lam((x,), core.PrimOp("intAdd", 2, (use(x), core.IntLit(1, INT)), T_INT))
    call = core.App(core.CoreVar(glob("inc"), T_INT), (core.IntLit(41, INT),))
    assert simplified(call, 0, ("inc", inc)) == call
    assert simplified(call, 1, ("inc", inc)) == core.IntLit(42, INT)


def test_o1_turns_overloaded_int_arithmetic_into_primitives(tmp_path: Path) -> None:
    src = "f :: Int -> Int -> Int\nf x y = x * y + 1\nmain = print (f 2 3)\n"
    rhs = binding(main_core(tmp_path, src, 1), "f")
    prims = sorted(n.entity for n in iter_nodes(rhs) if isinstance(n, core.PrimOp))
    assert prims == ["intAdd", "intMul"]
    assert not any(isinstance(n, core.CoreVar) and n.name.is_global for n in iter_nodes(rhs))
    at_o0 = binding(main_core(tmp_path, src, 0), "f")
    assert not any(isinstance(n, core.PrimOp) for n in iter_nodes(at_o0))


def test_simplifying_again_does_not_grow_the_code(tmp_path: Path) -> None:
    src = "data T = A | B deriving (Eq, Show)\nmain = print [x == A | x <- [A, B]]\n"
    once = main_core(tmp_path, src, 1)
    twice = simplify_module(once, 1, {})

    def total(m: core.CoreModule) -> int:
        return sum(size(b.rhs) for g in m.groups for b in g.binds)

    assert total(twice) <= total(once)


def test_unfoldings_are_small_non_recursive_bindings() -> None:
    x = local("x", 1)
    small = core.Lam((x,), use(x))
    big = core.Lam(
        (x,), core.ConApp(core.DataConRef(glob("K"), 0, 30), tuple(use(x) for _ in range(30)))
    )
    m = module(("small", small), ("big", big), ("alias", core.CoreVar(glob("small"), T_INT)))
    chosen = unfoldings_of(m.groups)
    assert set(n.occ for n in chosen) == {"small", "alias"}

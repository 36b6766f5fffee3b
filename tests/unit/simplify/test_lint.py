"""Core Lint (ifacedir.simplify.lint): each check catches the Core that breaks it."""

from __future__ import annotations

import pytest

from ifacedir.simplify.lint import LintWorld, lint_module
from ifacedir.syntax import core
from ifacedir.syntax.names import Name, NameSpace
from ifacedir.syntax.types import STAR, T_INT, to_scheme

INT = core.IntKind.INT
CON_A = core.DataConRef(Name("main", "M", "A", NameSpace.CON), 0, 0)
CON_B = core.DataConRef(Name("main", "M", "B", NameSpace.CON), 1, 1)
DATA = core.DataType(
    Name("main", "M", "T", NameSpace.TYCON),
    STAR,
    (
        core.DataCon(CON_A.name, 0, 0, (), to_scheme(T_INT)),
        core.DataCon(CON_B.name, 1, 1, (False,), to_scheme(T_INT)),
    ),
)


def v(occ: str, unique: int) -> core.CoreVar:
    return core.CoreVar(Name.local(occ, NameSpace.VAR, unique), to_scheme(T_INT))


def use(x: core.CoreVar) -> core.CoreVar:
    return core.CoreVar(x.name, T_INT)


def g(occ: str, module: str = "M") -> Name:
    return Name("main", module, occ, NameSpace.VAR)


def lint(
    *binds: tuple[str, core.Expr], world: LintWorld | None = None, rec: bool = False
) -> list[str]:
    groups = tuple(
        core.BindGroup(rec, (core.Bind(core.CoreVar(g(n), to_scheme(T_INT)), e),)) for n, e in binds
    )
    return lint_module(core.CoreModule("M", "main", groups, (DATA,), (), None), world)


def test_good_core_has_no_problem() -> None:
    x, b, y = v("x", 1), v("b", 2), v("y", 3)
    e = core.Lam((x,), core.Case(use(x), b, T_INT, (
        core.ConAlt(CON_A, (), core.IntLit(0, INT)),
        core.ConAlt(CON_B, (y,), core.PrimOp("intAdd", 2, (use(y), core.IntLit(1, INT)), T_INT)),
    )))  # fmt: skip
    assert lint(("f", e)) == []


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        (use(v("x", 1)), "local x_1 is not in scope"),
        (
            core.Lam((v("x", 1),), core.Lam((v("x", 1),), core.IntLit(0, INT))),
            "bound more than once",
        ),
        (core.ConApp(CON_B, ()), "ConApp M.B with 0 fields, arity 1"),
        (
            core.ConApp(core.DataConRef(CON_B.name, 3, 1), (core.IntLit(1, INT),)),
            "declared 1 and 1",
        ),
        (core.PrimOp("intFrobnicate", 0, (), T_INT), "unknown primitive"),
        (core.App(core.IntLit(1, INT), (core.IntLit(2, INT),)), "a literal is applied"),
        (core.IntLit(2**64, INT), "out of range"),
        (core.CoreVar(g("nowhere"), T_INT), "M.nowhere is not bound in the module"),
        (
            core.Case(
                core.IntLit(1, INT),
                v("b", 1),
                T_INT,
                (
                    core.DefaultAlt(core.IntLit(0, INT)),
                    core.LitAlt(core.IntLit(1, INT), core.IntLit(1, INT)),
                ),
            ),
            "a default alternative that is not the last",
        ),
        (
            core.Case(
                core.ConApp(CON_A, ()),
                v("b", 1),
                T_INT,
                (core.ConAlt(CON_A, (), core.IntLit(0, INT)),),
            ),
            "non-exhaustive alternatives: 1 of 2 constructors",
        ),
        (
            core.Case(
                core.IntLit(1, INT),
                v("b", 1),
                T_INT,
                (core.LitAlt(core.IntLit(1, INT), core.IntLit(1, INT)),),
            ),
            "literal alternatives without a default",
        ),
    ],
)
def test_each_check_catches_its_problem(expr: core.Expr, message: str) -> None:
    problems = lint(("f", expr))
    assert any(message in p for p in problems), problems


def test_globals_of_known_modules_must_exist() -> None:
    world = LintWorld(modules={"Other"}, globals={g("there", "Other")})
    assert lint(("f", core.CoreVar(g("there", "Other"), T_INT)), world=world) == []
    problems = lint(("f", core.CoreVar(g("gone", "Other"), T_INT)), world=world)
    assert problems == ["M.f: Other.gone is not defined by any module the module imports"]


def test_dependency_order_of_groups() -> None:
    problems = lint(("f", core.CoreVar(g("later"), T_INT)), ("later", core.IntLit(1, INT)))
    assert any("used before its binding group" in p for p in problems)
    self_ref = lint(("f", core.CoreVar(g("f"), T_INT)))
    assert any("its group is not recursive" in p for p in self_ref)

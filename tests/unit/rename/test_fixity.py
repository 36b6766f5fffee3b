"""Report §10.6 re-association and §3.5 section checks (ifacedir.rename.fixity)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ifacedir.rename.env import DEFAULT_FIXITY, Fixity
from ifacedir.rename.fixity import (
    check_left_section,
    check_right_section,
    resolve_expr_chain,
    resolve_pat_chain,
)
from ifacedir.syntax.ast import (
    Assoc,
    ELit,
    ENeg,
    EOpApp,
    EParen,
    EVar,
    Expr,
    LitInt,
    Negation,
    OpRef,
    PConOp,
    PVar,
)
from ifacedir.syntax.names import Name, NameSpace
from ifacedir.syntax.span import SrcLoc, SrcSpan

S = SrcSpan("T.hs", SrcLoc(1, 1), SrcLoc(1, 2))

FIXITIES = {
    "+": Fixity(Assoc.LEFT, 6),
    "-": Fixity(Assoc.LEFT, 6),
    "*": Fixity(Assoc.LEFT, 7),
    "^": Fixity(Assoc.RIGHT, 8),
    "++": Fixity(Assoc.RIGHT, 5),
    ":": Fixity(Assoc.RIGHT, 5),
    "$": Fixity(Assoc.RIGHT, 0),
    ">>": Fixity(Assoc.LEFT, 1),
    "==": Fixity(Assoc.NONE, 4),
    "`f`": DEFAULT_FIXITY,
}


def name(occ: str) -> Name:
    space = NameSpace.CON if occ.startswith(":") else NameSpace.VAR
    return Name("main", "M", occ, space)


def fixity_of(n: Name) -> Fixity:
    return FIXITIES.get(n.occ, DEFAULT_FIXITY)


def op(occ: str) -> OpRef[Name]:
    return OpRef(S, name(occ), occ.startswith(":"))


def lit(n: int) -> Expr[Name]:
    return ELit(S, LitInt(n))


def app(left: Expr[Name], o: str, right: Expr[Name]) -> Expr[Name]:
    return EOpApp(S, left, op(o), right)


def chain(*items: object) -> list[Expr[Name] | OpRef[Name] | Negation]:
    out: list[Expr[Name] | OpRef[Name] | Negation] = []
    for item in items:
        if item == "neg":
            out.append(Negation(S))
        elif isinstance(item, str):
            out.append(op(item))
        elif isinstance(item, int):
            out.append(lit(item))
        else:
            out.append(item)  # type: ignore[arg-type]
    return out


def test_left_and_right_associativity() -> None:
    tree, err = resolve_expr_chain(chain(1, "-", 2, "-", 3), fixity_of)
    assert err is None and tree == app(app(lit(1), "-", lit(2)), "-", lit(3))
    tree, err = resolve_expr_chain(chain(1, "^", 2, "^", 3), fixity_of)
    assert err is None and tree == app(lit(1), "^", app(lit(2), "^", lit(3)))


def test_precedence() -> None:
    tree, err = resolve_expr_chain(chain(1, "+", 2, "*", 3), fixity_of)
    assert err is None and tree == app(lit(1), "+", app(lit(2), "*", lit(3)))


def test_default_fixity_is_infixl_9() -> None:
    tree, err = resolve_expr_chain(chain(1, "`f`", 2, "`f`", 3, "*", 4), fixity_of)
    assert err is None
    assert tree == app(app(app(lit(1), "`f`", lit(2)), "`f`", lit(3)), "*", lit(4))


def test_non_associative_operators_conflict() -> None:
    _, err = resolve_expr_chain(chain(1, "==", 2, "==", 3), fixity_of)
    assert err is not None
    assert "cannot mix ‘==’ [infix 4] and ‘==’ [infix 4]" in err.message()


def test_mixed_associativity_conflicts() -> None:
    _, err = resolve_expr_chain(chain(1, "++", 2, ":", 3, "+", 4), fixity_of)
    assert err is None  # ++ and : are both infixr 5
    FIXITIES["-:"] = Fixity(Assoc.LEFT, 5)
    try:
        _, err = resolve_expr_chain(chain(1, "-:", 2, "++", 3), fixity_of)
        assert err is not None
    finally:
        del FIXITIES["-:"]


def test_negation() -> None:
    # - 2 ^ 2 is -(2 ^ 2); - 1 + 2 is (-1) + 2 (Report §3.4)
    tree, err = resolve_expr_chain(chain("neg", 2, "^", 2), fixity_of)
    assert err is None and tree == ENeg(S, app(lit(2), "^", lit(2)))
    tree, err = resolve_expr_chain(chain("neg", 1, "+", 2), fixity_of)
    assert err is None and tree == app(ENeg(S, lit(1)), "+", lit(2))
    tree, err = resolve_expr_chain(chain(1, "==", "neg", 2), fixity_of)
    assert err is None and tree == app(lit(1), "==", ENeg(S, lit(2)))


def test_negation_conflicts() -> None:
    for o in ("+", "*"):
        _, err = resolve_expr_chain(chain(1, o, "neg", 2), fixity_of)
        assert err is not None and "prefix `-' [infixl 6]" in err.message()


def test_pattern_chain() -> None:
    x, y, z = (PVar(S, Name.local(v, NameSpace.VAR, i)) for i, v in enumerate("xyz", 1))
    tree, err = resolve_pat_chain([x, y, z], [op(":"), op(":")], fixity_of)
    assert err is None
    assert tree == PConOp(S, x, name(":"), PConOp(S, y, name(":"), z))


def test_sections() -> None:
    # (* 2 + 3) is illegal; (+ 2 * 3), (2 * 3 +), (- 1 + 2 +) are fine.
    assert check_right_section(op("*"), app(lit(2), "+", lit(3)), fixity_of)
    assert check_right_section(op("+"), app(lit(2), "*", lit(3)), fixity_of) is None
    assert check_left_section(app(lit(2), "*", lit(3)), op("+"), fixity_of) is None
    assert check_left_section(app(lit(2), "-", lit(3)), op("+"), fixity_of) is None
    # (10 ^ 3 ^) is illegal for a right-associative ^, (^ 2 ^ 1) is fine.
    assert check_left_section(app(lit(10), "^", lit(3)), op("^"), fixity_of)
    assert check_right_section(op("^"), app(lit(2), "^", lit(1)), fixity_of) is None
    assert check_left_section(ENeg(S, lit(1)), op("+"), fixity_of) is None
    assert check_left_section(ENeg(S, lit(1)), op("*"), fixity_of)
    assert check_left_section(EParen(S, app(lit(2), "+", lit(3))), op("*"), fixity_of) is None


# --- Property: a chain resolves to the tree its explicit parenthesisation shows ----------

ASSOCIATIVE_OPS = ["+", "-", "*", "^", "++", "$", ">>", "`f`"]


@st.composite
def trees(draw: st.DrawFn, depth: int = 0) -> object:
    if depth > 5 or draw(st.integers(0, 2)) == 0:
        return draw(st.integers(0, 99))
    return (draw(trees(depth + 1)), draw(st.sampled_from(ASSOCIATIVE_OPS)), draw(trees(depth + 1)))


def _binds_tighter(child: object, parent_op: str, side: str) -> bool:
    """Whether ``child`` may stand unparenthesised on ``side`` of ``parent_op``."""
    if not isinstance(child, tuple):
        return True
    inner, outer = FIXITIES[child[1]], FIXITIES[parent_op]
    if inner.prec != outer.prec:
        return inner.prec > outer.prec
    wanted = Assoc.LEFT if side == "left" else Assoc.RIGHT
    return inner.assoc is wanted and outer.assoc is wanted


def expected(t: object) -> Expr[Name]:
    if not isinstance(t, tuple):
        assert isinstance(t, int)
        return lit(t)
    left, o, right = t
    return app(operand(left, o, "left"), o, operand(right, o, "right"))


def operand(child: object, parent_op: str, side: str) -> Expr[Name]:
    e = expected(child)
    return e if _binds_tighter(child, parent_op, side) else EParen(S, e)


def flatten(t: object) -> list[Expr[Name] | OpRef[Name] | Negation]:
    """The chain a programmer writes for ``t``, with only the parentheses it needs."""
    if not isinstance(t, tuple):
        return [expected(t)]
    left, o, right = t
    out: list[Expr[Name] | OpRef[Name] | Negation] = []
    for child, side in ((left, "left"), (right, "right")):
        if side == "right":
            out.append(op(o))
        out += flatten(child) if _binds_tighter(child, o, side) else [operand(child, o, side)]
    return out


@settings(max_examples=300, deadline=None)
@given(trees())
def test_chain_resolves_like_its_parenthesisation(t: object) -> None:
    tree, err = resolve_expr_chain(flatten(t), fixity_of)
    assert err is None
    assert tree == expected(t)


def test_long_chains_do_not_recurse_per_operator_on_the_left() -> None:
    items = chain(0, *[x for i in range(1, 20_000) for x in ("+", i)])
    tree, err = resolve_expr_chain(items, fixity_of)
    assert err is None and isinstance(tree, EOpApp)


def test_variables_as_operands() -> None:
    v = EVar(S, name("v"))
    tree, err = resolve_expr_chain([v, op("+"), v], fixity_of)
    assert err is None and tree == app(v, "+", v)

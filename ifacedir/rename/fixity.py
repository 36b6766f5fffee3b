"""Re-association of operator applications by fixity (Report §10.6) and section checks (§3.5).

The parser leaves every infix expression as a flat ``EOpChain`` (operands, operators
and prefix minus in source order) and every infix pattern as a ``POpChain``; see
Note [Operator chains before fixity resolution] in ifacedir.syntax.ast. Once the
renamer has resolved the operators it knows their fixities, and this module rebuilds
the chain as a tree, following the Report's algorithm in §10.6 literally:

* ``parse_neg op1 tokens``: the next operand, which may start with prefix minus. A
  minus is legal only if the operator to its left binds less tightly than 6 (so
  ``a * - b`` and ``a + - b`` are errors); it negates everything up to the next
  operator of precedence 6 or less.
* ``parse1 op1 e1 tokens``: having read operand ``e1`` to the right of ``op1``, look
  at the next operator ``op2``: equal precedence with different (or no)
  associativity is an error; if ``op1`` binds at least as tightly (left
  associativity on a tie), return to the caller; otherwise ``op2`` takes ``e1`` as
  its left operand and its right operand is read recursively.

The Report's ``parse1`` is tail recursive in its own loop; here that loop is a
``while``, so a long left-associated chain (``a + b + ... + z``) runs in constant
stack. A right-associated chain still recurses once per operator, which the caller
allows by running the renamer under ``run_deep`` (ifacedir.util.deep).

Errors: a conflict is reported at the start of the whole chain with GHC's wording
("Precedence parsing error: cannot mix ‘==’ [infix 4] and ‘==’ [infix 4] in the same
infix expression"); the tree returned then is the left-nested one, so the rest of the
renamer can carry on.

Sections (§3.5): ``(e op)`` is legal iff ``(e op x)`` parses as ``((e) op x)``, and
``(op e)`` iff ``(x op e)`` parses as ``(x op (e))``. ``check_left_section`` and
``check_right_section`` apply that to the already re-associated operand.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, Generic, TypeVar

from ifacedir.rename.env import NEGATION_FIXITY, Fixity
from ifacedir.syntax.ast import (
    Assoc,
    ENeg,
    EOpApp,
    Expr,
    Negation,
    OpRef,
    Pat,
    PConOp,
)
from ifacedir.syntax.names import Name
from ifacedir.syntax.span import SrcSpan

__all__ = [
    "FixityConflict",
    "check_left_section",
    "check_right_section",
    "resolve_expr_chain",
    "resolve_pat_chain",
]

FixityOf = Callable[[Name], Fixity]
_T = TypeVar("_T")

_START: Final = Fixity(Assoc.NONE, -1)  # the Report's sentinel operator of precedence -1


@dataclass(frozen=True, slots=True)
class FixityConflict:
    """Two operators (``None`` for prefix minus) that cannot be mixed unparenthesised."""

    left: OpRef[Name] | None
    left_fixity: Fixity
    right: OpRef[Name] | None
    right_fixity: Fixity

    def message(self) -> str:
        return (
            f"Precedence parsing error: cannot mix {_describe(self.left, self.left_fixity)}"
            f" and {_describe(self.right, self.right_fixity)} in the same infix expression"
        )


class _Conflict(Exception):
    def __init__(self, conflict: FixityConflict) -> None:
        super().__init__(conflict.message())
        self.conflict = conflict


def _describe(op: OpRef[Name] | None, fixity: Fixity) -> str:
    if op is None:
        return f"prefix `-' [{fixity}]"
    return f"‘{op.name.occ}’ [{fixity}]"


def _span_of(x: object) -> SrcSpan:
    span = getattr(x, "span", None)
    assert isinstance(span, SrcSpan)
    return span


class _Resolver(Generic[_T]):
    """One run of the §10.6 algorithm over ``tokens`` (operands, ``OpRef``, ``Negation``)."""

    def __init__(
        self,
        tokens: Sequence[_T | OpRef[Name] | Negation],
        fixity_of: FixityOf,
        build: Callable[[_T, OpRef[Name], _T], _T],
        negate: Callable[[SrcSpan, _T], _T],
    ) -> None:
        self.tokens = tokens
        self.fixity_of = fixity_of
        self.build = build
        self.negate = negate

    def run(self) -> _T:
        e, pos = self.parse_neg(None, _START, 0)
        assert pos == len(self.tokens)
        return e

    def parse_neg(self, op1: OpRef[Name] | None, f1: Fixity, pos: int) -> tuple[_T, int]:
        token = self.tokens[pos]
        if isinstance(token, Negation):
            if f1.prec >= NEGATION_FIXITY.prec:
                raise _Conflict(FixityConflict(op1, f1, None, NEGATION_FIXITY))
            r, pos = self.parse_neg(None, NEGATION_FIXITY, pos + 1)
            return self.parse1(op1, f1, self.negate(token.span.merge(_span_of(r)), r), pos)
        assert not isinstance(token, OpRef)
        return self.parse1(op1, f1, token, pos + 1)

    def parse1(self, op1: OpRef[Name] | None, f1: Fixity, e1: _T, pos: int) -> tuple[_T, int]:
        while pos < len(self.tokens):
            op2 = self.tokens[pos]
            assert isinstance(op2, OpRef)
            f2 = self.fixity_of(op2.name)
            if f1.prec == f2.prec and (f1.assoc != f2.assoc or f1.assoc is Assoc.NONE):
                raise _Conflict(FixityConflict(op1, f1, op2, f2))
            if f1.prec > f2.prec or (f1.prec == f2.prec and f1.assoc is Assoc.LEFT):
                return e1, pos
            r, pos = self.parse_neg(op2, f2, pos + 1)
            e1 = self.build(e1, op2, r)
        return e1, pos

    def left_nested(self) -> _T:
        """The fallback tree after a conflict: everything associated to the left."""
        result: _T | None = None
        pending_op: OpRef[Name] | None = None
        negations: list[Negation] = []
        for token in self.tokens:
            if isinstance(token, Negation):
                negations.append(token)
            elif isinstance(token, OpRef):
                pending_op = token
            else:
                operand = token
                for neg in reversed(negations):
                    operand = self.negate(neg.span.merge(_span_of(operand)), operand)
                negations.clear()
                if result is None or pending_op is None:
                    result = operand
                else:
                    result = self.build(result, pending_op, operand)
        assert result is not None
        return result


def _resolve(resolver: _Resolver[_T]) -> tuple[_T, FixityConflict | None]:
    try:
        return resolver.run(), None
    except _Conflict as conflict:
        return resolver.left_nested(), conflict.conflict


def resolve_expr_chain(
    items: Sequence[Expr[Name] | OpRef[Name] | Negation], fixity_of: FixityOf
) -> tuple[Expr[Name], FixityConflict | None]:
    """The tree of a renamed ``EOpChain``'s items, and the conflict if there was one."""

    def build(left: Expr[Name], op: OpRef[Name], right: Expr[Name]) -> Expr[Name]:
        return EOpApp(_span_of(left).merge(_span_of(right)), left, op, right)

    def negate(span: SrcSpan, e: Expr[Name]) -> Expr[Name]:
        return ENeg(span, e)

    return _resolve(_Resolver(items, fixity_of, build, negate))


def resolve_pat_chain(
    operands: Sequence[Pat[Name]], ops: Sequence[OpRef[Name]], fixity_of: FixityOf
) -> tuple[Pat[Name], FixityConflict | None]:
    """The tree of a renamed ``POpChain`` (constructor operators only, no minus)."""
    tokens: list[Pat[Name] | OpRef[Name] | Negation] = [operands[0]]
    for op, operand in zip(ops, operands[1:], strict=True):
        tokens += [op, operand]

    def build(left: Pat[Name], op: OpRef[Name], right: Pat[Name]) -> Pat[Name]:
        return PConOp(_span_of(left).merge(_span_of(right)), left, op.name, right)

    def negate(span: SrcSpan, p: Pat[Name]) -> Pat[Name]:
        raise AssertionError("no prefix minus in a pattern chain")

    return _resolve(_Resolver(tokens, fixity_of, build, negate))


def _operand_fixity(operand: Expr[Name], fixity_of: FixityOf) -> tuple[str, Fixity] | None:
    """The operator at the root of an unparenthesised operand, if any."""
    if isinstance(operand, EOpApp):
        return f"‘{operand.op.name.occ}’", fixity_of(operand.op.name)
    if isinstance(operand, ENeg):
        return "prefix `-'", NEGATION_FIXITY
    return None


def _section_error(op: OpRef[Name], fixity: Fixity, what: str, inner: Fixity) -> str:
    return (
        f"The operator ‘{op.name.occ}’ [{fixity}] of a section must have lower precedence"
        f" than that of the operand, namely {what} [{inner}]"
    )


def check_left_section(operand: Expr[Name], op: OpRef[Name], fixity_of: FixityOf) -> str | None:
    """The error message if ``(operand op)`` is not a legal section (§3.5), else None."""
    root = _operand_fixity(operand, fixity_of)
    if root is None:
        return None
    what, inner = root
    f = fixity_of(op.name)
    if inner.prec > f.prec or (
        inner.prec == f.prec and inner.assoc is Assoc.LEFT and f.assoc is Assoc.LEFT
    ):
        return None
    return _section_error(op, f, what, inner)


def check_right_section(op: OpRef[Name], operand: Expr[Name], fixity_of: FixityOf) -> str | None:
    """The error message if ``(op operand)`` is not a legal section (§3.5), else None."""
    root = _operand_fixity(operand, fixity_of)
    if root is None:
        return None
    what, inner = root
    f = fixity_of(op.name)
    if isinstance(operand, ENeg):
        ok = f.prec < NEGATION_FIXITY.prec  # x op (- e) parses only below precedence 6
    else:
        ok = inner.prec > f.prec or (
            inner.prec == f.prec and inner.assoc is Assoc.RIGHT and f.assoc is Assoc.RIGHT
        )
    return None if ok else _section_error(op, f, what, inner)

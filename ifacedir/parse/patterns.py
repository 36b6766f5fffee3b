"""Patterns (Report §3.17.1): the ``PatParser`` layer of the parser.

Grammar, one method each::

    pattern → lpat {qconop lpat}          (a POpChain; fixity is the renamer's business)
    lpat    → apat | - (integer | float) | gcon apat {apat}
    apat    → var [@ apat] | gcon | qcon { fpat, ... } | literal | _ | ( pat )
            | ( pat, ..., pat ) | [ pat, ..., pat ] | ~ apat

A left-hand side of a binding is parsed with the same pieces, but more liberally,
because it may also be a function clause (``f x y``, ``x <+> y``); ``lhs_chain``
returns the operands and operators for ``ifacedir.parse.declarations`` to classify.
See Note [Function clauses are parsed as patterns].

Errors: a variable operator inside a pattern (``n + 1``: n+k patterns are not
Haskell 2010, and not in the subset) and a variable applied to arguments are
"parse error in pattern" (P009) at the start of the offending pattern, where GHC
reports them; a qualified variable as a binder is P008; bang patterns are
unsupported.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NoReturn, TypeAlias

from ifacedir.parse.cursor import LITERAL_KINDS, is_op, is_reserved, is_special, is_varsym, rdr
from ifacedir.parse.lexer import Token, TokenKind
from ifacedir.parse.types import TypeParser
from ifacedir.syntax.ast import (
    FieldPat,
    LitChar,
    Literal,
    LitFrac,
    LitInt,
    LitString,
    OpRef,
    PAs,
    PCon,
    PLazy,
    PList,
    PLit,
    POpChain,
    PParen,
    PRec,
    PTuple,
    PVar,
    PWild,
)
from ifacedir.syntax.ast import Pat as _Pat
from ifacedir.syntax.names import RdrName
from ifacedir.syntax.span import SrcSpan

__all__ = ["Pat", "PatParser", "literal_of", "starts_apat"]

K = TokenKind
Pat: TypeAlias = "_Pat[RdrName]"
_SYMBOL_KINDS = (K.VARSYM, K.CONSYM, K.QVARSYM, K.QCONSYM)

# Note [Function clauses are parsed as patterns]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# `f x y = e`, `x <+> y = e`, `Just x = e` and `(a, b) = e` all start the same way, and
# which one a declaration is shows only once its left-hand side has been read. Like
# GHC (which parses the left-hand side as an expression and converts it), we read it
# once in a liberal form: operands that are *applications* of apats, separated by
# any operators, variable ones included. Then the declaration parser decides
# (Report §4.4.3): one operand headed by an unqualified variable is a prefix function
# clause (`f x y`, and `x` alone is a zero-argument clause); exactly one variable
# operator makes an infix clause whose sides are patterns; anything else must be a
# pattern, and is converted with the same checks as any other pattern.


def literal_of(token: Token, negative: bool = False) -> Literal:
    """The literal a literal token stands for (negated for ``-1`` patterns)."""
    value = token.value
    if token.kind is K.INTEGER:
        assert isinstance(value, int)
        return LitInt(-value if negative else value)
    if token.kind is K.FLOAT:
        assert isinstance(value, Decimal)
        return LitFrac(("-" if negative else "") + token.text)
    assert isinstance(value, str)
    return LitChar(value) if token.kind is K.CHAR else LitString(value)


def starts_apat(token: Token) -> bool:
    kind = token.kind
    if kind in (K.VARID, K.QVARID, K.CONID, K.QCONID) or kind in LITERAL_KINDS:
        return True
    if kind is K.SPECIAL:
        return token.text in ("(", "[")
    return is_reserved(token, "_") or is_op(token, "~")


def is_pattern_op(token: Token) -> bool:
    """An operator between patterns: a symbol, ``:``, or a backquote."""
    return token.kind in _SYMBOL_KINDS or is_op(token, ":") or is_special(token, "`")


class PatParser(TypeParser):
    """Report §3.17.1; see the module docstring."""

    def pattern(self) -> Pat:
        start = self.peek().span
        operands = [self.lpat()]
        ops: list[OpRef[RdrName]] = []
        while is_pattern_op(self.peek()):
            op = self.op_ref()
            if not op.is_con:
                self._bad_pattern(self.span_from(start), "n+k patterns and variable operators")
            ops.append(op)
            operands.append(self.lpat())
        return self.chain_pattern(start, operands, ops)

    def chain_pattern(self, start: SrcSpan, operands: list[Pat], ops: list[OpRef[RdrName]]) -> Pat:
        if not ops:
            return operands[0]
        span = operands[0].span.merge(operands[-1].span).merge(start)
        return POpChain(span, tuple(operands), tuple(ops))

    def lpat(self) -> Pat:
        negative = self.negative_literal()
        if negative is not None:
            return negative
        return self.application_pattern(self.apats())

    def negative_literal(self) -> Pat | None:
        """``-1``, ``-2.5`` (Report §3.17.1: only numeric literals may be negated)."""
        token = self.peek()
        if not is_varsym(token, "-"):
            return None
        if self.peek_after(1).kind not in (K.INTEGER, K.FLOAT):
            self.fail()
        start = self.next().span
        number = self.next()
        return PLit(self.span_from(start), literal_of(number, negative=True))

    def apats(self) -> list[Pat]:
        """One or more apats, the first one mandatory."""
        items = [self.apat()]
        while starts_apat(self.peek()):
            items.append(self.apat())
        return items

    def application_pattern(self, items: list[Pat]) -> Pat:
        """``gcon apat ... apat`` (or a single apat) as one pattern."""
        head = items[0]
        if len(items) == 1:
            return head
        span = head.span.merge(items[-1].span)
        if isinstance(head, PCon) and not head.args:
            return PCon(span, head.con, tuple(items[1:]))
        return self._bad_pattern(span, "a pattern applied to arguments must be a constructor")

    def _bad_pattern(self, span: SrcSpan, why: str) -> NoReturn:
        self.fail_at("P009", span, f"parse error in pattern ({why})")

    # -- apat ------------------------------------------------------------------------

    def apat(self) -> Pat:
        token = self.peek()
        kind = token.kind
        if kind is K.VARID:
            return self._var_pattern(self.next())
        if kind is K.QVARID:
            self.fail_at("P008", token.span, f"qualified name in binding position: {token.text}")
        if kind in (K.CONID, K.QCONID):
            self.next()
            if self.at_special("{"):
                return self._record_pattern(token)
            return PCon(token.span, rdr(token), ())
        if kind in LITERAL_KINDS:
            self.next()
            return PLit(token.span, literal_of(token))
        if is_reserved(token, "_"):
            self.next()
            return PWild(token.span)
        if is_op(token, "~"):
            self.next()
            inner = self.apat()
            return PLazy(self.span_from(token.span), inner)
        if is_special(token, "("):
            return self._paren_pattern()
        if is_special(token, "["):
            return self._list_pattern()
        if is_varsym(token, "!"):
            self.unsupported(token.span, "bang pattern")
        self.fail()

    def _var_pattern(self, token: Token) -> Pat:
        name = rdr(token)
        if not self.at_op("@"):
            return PVar(token.span, name)
        self.next()
        inner = self.apat()
        return PAs(self.span_from(token.span), name, inner)

    def _record_pattern(self, con: Token) -> Pat:
        self.next()
        fields: list[FieldPat[RdrName]] = []
        if not self.at_special("}"):
            fields = self.comma_separated(self._field_pattern)
        self.expect_special("}")
        return PRec(self.span_from(con.span), rdr(con), tuple(fields))

    def _field_pattern(self) -> FieldPat[RdrName]:
        field = self.expect_kind(K.VARID, K.QVARID)
        self.expect_op("=")
        pat = self.pattern()
        return FieldPat(self.span_from(field.span), rdr(field), pat)

    def _paren_pattern(self) -> Pat:
        start = self.next().span
        special = self._special_con_or_var(start)
        if special is not None:
            return special
        self.nest()
        try:
            elems = self.comma_separated(self.pattern)
        finally:
            self.unnest()
        self.expect_special(")")
        span = self.span_from(start)
        return PParen(span, elems[0]) if len(elems) == 1 else PTuple(span, tuple(elems))

    def _special_con_or_var(self, start: SrcSpan) -> Pat | None:
        """After ``(``: ``()``, ``(,)``, ``(:)``, ``(:+)`` (constructors), ``(+)`` (a var)."""
        token = self.peek()
        if is_special(token, ")"):
            self.next()
            return PCon(self.span_from(start), RdrName("()"), ())
        if is_special(token, ","):
            name = self.tuple_commas()
            return PCon(self.span_from(start), RdrName(name), ())
        is_sym = token.kind in _SYMBOL_KINDS or is_op(token, ":")
        if not (is_sym and is_special(self.peek_after(1), ")")):
            return None
        self.next()
        self.next()
        if token.kind in (K.VARSYM, K.QVARSYM):
            return PVar(self.span_from(start), rdr(token))
        return PCon(self.span_from(start), rdr(token), ())

    def _list_pattern(self) -> Pat:
        start = self.next().span
        if self.at_special("]"):
            self.next()
            return PCon(self.span_from(start), RdrName("[]"), ())
        self.nest()
        try:
            elems = self.comma_separated(self.pattern)
        finally:
            self.unnest()
        self.expect_special("]")
        return PList(self.span_from(start), tuple(elems))

    # -- operators ---------------------------------------------------------------------

    def op_ref(self) -> OpRef[RdrName]:
        """An operator in infix position: a symbol, ``:`` or `` `name` ``."""
        token = self.next()
        if is_special(token, "`"):
            name = self.expect_kind(K.VARID, K.QVARID, K.CONID, K.QCONID)
            self.expect_special("`")
            is_con = name.kind in (K.CONID, K.QCONID)
            return OpRef(self.span_from(token.span), rdr(name), is_con)
        if token.kind not in _SYMBOL_KINDS and not is_op(token, ":"):
            self.fail(token)
        is_con = token.kind in (K.CONSYM, K.QCONSYM) or is_op(token, ":")
        return OpRef(token.span, rdr(token), is_con)

    # -- left-hand sides ---------------------------------------------------------------

    def lhs_chain(self) -> tuple[list[list[Pat]], list[OpRef[RdrName]]]:
        """A left-hand side, liberally: see Note [Function clauses are parsed as patterns]."""
        operands = [self._lhs_operand()]
        ops: list[OpRef[RdrName]] = []
        while is_pattern_op(self.peek()):
            self._refuse_bang_pattern()
            ops.append(self.op_ref())
            operands.append(self._lhs_operand())
        return operands, ops

    def _refuse_bang_pattern(self) -> None:
        """``f !x = e``: a prefix ``!`` (space before, none after) is a bang pattern.

        Haskell 2010 reads it as a definition of ``!``; GHC 9 reads a ``!`` written
        this way as a bang pattern (its proposal 229), which is outside the subset, so
        we refuse rather than give it a meaning GHC would not.
        """
        token = self.peek()
        if not is_varsym(token, "!"):
            return
        following = self.peek_after(1)
        if token.span.end == following.span.start and self._end != token.span.start:
            self.unsupported(token.span, "bang pattern")

    def _lhs_operand(self) -> list[Pat]:
        negative = self.negative_literal()
        return [negative] if negative is not None else self.apats()

"""Types and contexts (Report §4.1): the ``TypeParser`` layer of the parser.

Grammar, one method each::

    qual_type → [context =>] type            (a context is parsed as a btype first)
    type      → btype [-> type]              (right associative, built iteratively)
    btype     → [btype] atype                (application, left associative)
    atype     → tyvar | qtycon | () | [] | (->) | (,{,}) | ( type ) | ( type, ... ) | [ type ]

A context is written like a type (``Eq a``, ``(Eq a, Show a)``, ``()``), so it is
parsed as one and converted when ``=>`` follows (``context_of``); each assertion must
be a class applied to one type. Parentheses around a type leave no node: a
parenthesised type is its inner type, with the inner type's span.

``forall`` (rank-n types) is outside the subset and reported as unsupported.
"""

from __future__ import annotations

from typing import TypeAlias

from ifacedir.parse.cursor import Cursor, is_special, rdr
from ifacedir.parse.lexer import Token, TokenKind
from ifacedir.syntax.ast import Pred, QualType, TApp, TCon, TFun, TList, TTuple, TVar, Type
from ifacedir.syntax.names import RdrName

__all__ = ["TypeParser", "starts_atype"]

K = TokenKind
RType: TypeAlias = "Type[RdrName]"


def starts_atype(token: Token) -> bool:
    """Whether ``token`` can begin an ``atype``."""
    if token.kind in (K.VARID, K.CONID, K.QCONID):
        return True
    return is_special(token, "(") or is_special(token, "[")


class TypeParser(Cursor):
    """Report §4.1; see the module docstring."""

    def qual_type(self) -> QualType[RdrName]:
        start = self.peek().span
        body = self.type_()
        if not self.at_op("=>"):
            return QualType(body.span, (), body)
        context = self.context_of(body)
        self.next()
        return QualType(self.span_from(start), context, self.type_())

    def type_(self) -> RType:
        """``btype -> btype -> ... -> btype``, associated to the right."""
        self.nest()
        try:
            parts = [self.btype()]
            while self.at_op("->"):
                self.next()
                parts.append(self.btype())
        finally:
            self.unnest()
        result = parts[-1]
        for arg in reversed(parts[:-1]):
            result = TFun(arg.span.merge(result.span), arg, result)
        return result

    def btype(self) -> RType:
        start = self.peek().span
        result = self.atype()
        while starts_atype(self.peek()):
            arg = self.atype()
            result = TApp(self.span_from(start), result, arg)
        return result

    def atype(self) -> RType:
        token = self.peek()
        if token.kind is K.VARID:
            if token.text == "forall":
                self.unsupported(token.span, "explicit forall (rank-n or scoped type variables)")
            self.next()
            return TVar(token.span, rdr(token))
        if token.kind in (K.CONID, K.QCONID):
            self.next()
            return TCon(token.span, rdr(token))
        if is_special(token, "("):
            return self._paren_type()
        if is_special(token, "["):
            return self._list_type()
        self.fail()

    def _paren_type(self) -> RType:
        start = self.next().span
        if self.at_special(")"):
            self.next()
            return TCon(self.span_from(start), RdrName("()"))
        if self.at_op("->") and is_special(self.peek_after(1), ")"):
            self.next()
            self.next()
            return TCon(self.span_from(start), RdrName("->"))
        if self.at_special(","):
            return TCon(self.span_from(start), RdrName(self.tuple_commas()))
        elems = self.comma_separated(self.type_)
        self.expect_special(")")
        if len(elems) == 1:
            return elems[0]
        return TTuple(self.span_from(start), tuple(elems))

    def _list_type(self) -> RType:
        start = self.next().span
        if self.at_special("]"):
            self.next()
            return TCon(self.span_from(start), RdrName("[]"))
        elem = self.type_()
        self.expect_special("]")
        return TList(self.span_from(start), elem)

    def tuple_commas(self) -> str:
        """After ``(``: the commas and ``)`` of ``(,)``, ``(,,)``, ...; the name."""
        commas = 0
        while self.at_special(","):
            self.next()
            commas += 1
        self.expect_special(")")
        return "(" + "," * commas + ")"

    # -- contexts (Report §4.1.3) ------------------------------------------------------

    def context_of(self, written: RType) -> tuple[Pred[RdrName], ...]:
        """The context that ``written`` (parsed as a type, before ``=>``) spells."""
        if isinstance(written, TCon) and written.name == RdrName("()"):
            return ()
        if isinstance(written, TTuple):
            return tuple(self.pred_of(t) for t in written.elems)
        return (self.pred_of(written),)

    def pred_of(self, written: RType) -> Pred[RdrName]:
        """``C t``: a class applied to exactly one type."""
        if isinstance(written, TApp) and isinstance(written.fun, TCon):
            return Pred(written.span, written.fun.name, written.arg)
        if isinstance(written, TApp) and isinstance(written.fun, TApp):
            self.unsupported(written.span, "multi-parameter type class in a context")
        self.fail_at("P012", written.span, "malformed class assertion in a context")

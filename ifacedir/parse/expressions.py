"""Expressions, statements and right-hand sides (Report §3): the ``ExprParser`` layer.

Grammar, one method each (Report §3, with §10.5's split into levels)::

    expression → infixexp [:: [context =>] type]
    infixexp   → {- } lexp {qop {- } lexp}          (an EOpChain; see below)
    lexp       → \\ apat ... -> exp | let decls in exp | if exp [;] then exp [;] else exp
               | case exp of { alts } | do { stmts } | fexp
    fexp       → aexp {aexp}                        (application)
    aexp       → qvar | gcon | literal | ( ... ) | [ ... ] | aexp { fbinds }
    stmt       → let decls | pat <- exp | exp       (do, guards and comprehensions)
    rhs        → = exp [where decls] | {| guards = exp} [where decls]   (-> in alternatives)

Operators are not associated here: an operator expression becomes an ``EOpChain`` of
operands, operators and prefix minus in source order, and the renamer applies the
fixities (Note [Operator chains before fixity resolution] in ifacedir.syntax.ast).

Parentheses hold the special forms of §3.5 and §3.8: ``()``, ``(,)``, ``(+)``, right
sections ``(+ e)`` (but ``(- e)`` is a negation), left sections ``(e +)``, tuples and
plain parentheses. Brackets hold lists, arithmetic sequences (§3.10) and list
comprehensions (§3.11).

A statement may be a binding ``pat <- exp`` or an expression, and which one is known
only at the ``<-``; see Note [Statements are tried as bindings first].

GHC's own checks on what the grammar accepts are made here too: an empty ``do``
(P005), a ``do`` whose last statement is not an expression (P006), and a ``do``,
``case``, lambda, ``let`` or ``if`` used as a function or an argument without
parentheses (P011; Haskell 2010 has no BlockArguments).
"""

from __future__ import annotations

from typing import TypeAlias

from ifacedir.parse.cursor import (
    LITERAL_KINDS,
    is_op,
    is_reserved,
    is_special,
    is_varsym,
    rdr,
)
from ifacedir.parse.lexer import Token, TokenKind
from ifacedir.parse.patterns import Pat, PatParser, is_pattern_op, literal_of, starts_apat
from ifacedir.syntax.ast import (
    Alt,
    Decl,
    EApp,
    EArith,
    ECase,
    ECon,
    EDo,
    EIf,
    ELam,
    ELeftSection,
    ELet,
    EList,
    EListComp,
    ELit,
    EOpChain,
    EParen,
    ERecCon,
    ERecUpd,
    ERightSection,
    ETuple,
    ETyped,
    EVar,
    FieldBind,
    GuardedRhs,
    Negation,
    OpRef,
    Rhs,
    SBind,
    SExpr,
    SLet,
)
from ifacedir.syntax.ast import Expr as _Expr
from ifacedir.syntax.ast import Stmt as _Stmt
from ifacedir.syntax.names import RdrName
from ifacedir.syntax.span import SrcSpan

__all__ = ["Expr", "ExprParser", "Stmt", "starts_aexp"]

K = TokenKind
Expr: TypeAlias = "_Expr[RdrName]"
Stmt: TypeAlias = "_Stmt[RdrName]"
_ChainItem: TypeAlias = "Expr | OpRef[RdrName] | Negation"

_BLOCK_WORDS = frozenset({"let", "if", "case", "do"})
_BLOCK_NAMES = {"let": "let expression", "if": "if expression", "case": "case expression"}


def starts_aexp(token: Token) -> bool:
    kind = token.kind
    if kind in (K.VARID, K.QVARID, K.CONID, K.QCONID) or kind in LITERAL_KINDS:
        return True
    return kind is K.SPECIAL and token.text in ("(", "[")


def _starts_block_expression(token: Token) -> bool:
    return (token.kind is K.RESERVEDID and token.text in _BLOCK_WORDS) or is_op(token, "\\")


def _block_name(token: Token) -> str:
    if is_op(token, "\\"):
        return "lambda expression"
    return _BLOCK_NAMES.get(token.text, f"{token.text} block")


# Note [Statements are tried as bindings first]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# `(x, y) <- e` and `(x, y)` start alike, and a pattern can be as long as any
# expression, so no fixed lookahead tells a binding statement from an expression
# statement (§3.14). We try the pattern parser first and keep its result only if a `<-`
# follows; otherwise we reset the cursor (the layout stream too) and parse an
# expression. A pattern holds no statements, so the attempt never nests attempts and
# the cost stays linear: each token is read at most twice. GHC instead parses an
# expression and converts it; trying the pattern first gives the same trees with no
# pattern-only forms (`_`, `@`, `~`) inside expressions.


class ExprParser(PatParser):
    """Report §3; see the module docstring."""

    def decl_block(self) -> tuple[Decl[RdrName], ...]:
        """``{ decl ; ... }`` of a ``let`` or ``where``: implemented by DeclParser."""
        raise NotImplementedError

    # -- exp and infixexp --------------------------------------------------------------

    def expression(self) -> Expr:
        start = self.peek().span
        self.nest()
        try:
            expr = self.infix_expression()
            if self.at_op("::"):
                self.next()
                expr = ETyped(self.span_from(start), expr, self.qual_type())
        finally:
            self.unnest()
        return expr

    def infix_expression(self) -> Expr:
        start = self.peek().span
        return self._chain_expr(start, self.op_chain(section=False))

    def op_chain(self, section: bool) -> list[_ChainItem]:
        """Operands, operators and prefix minus; with ``section``, may end in an operator
        just before ``)``."""
        items: list[_ChainItem] = []
        while True:
            token = self.peek()
            if is_varsym(token, "-"):
                self.next()
                items.append(Negation(token.span))
                continue
            items.append(self.lexp())
            if not self._at_qop():
                return items
            items.append(self.op_ref())
            if section and self.at_special(")"):
                return items

    def _at_qop(self) -> bool:
        return is_pattern_op(self.peek())

    def _chain_expr(self, start: SrcSpan, items: list[_ChainItem]) -> Expr:
        if len(items) == 1 and not isinstance(items[0], (OpRef, Negation)):
            return items[0]
        return EOpChain(self.span_from(start), tuple(items))

    # -- lexp --------------------------------------------------------------------------

    def lexp(self) -> Expr:
        token = self.peek()
        if not _starts_block_expression(token):
            return self.fexp()
        expr = self._block_expression(token)
        following = self.peek()
        if token.text in ("do", "case") and (
            starts_aexp(following) or _starts_block_expression(following)
        ):
            self._block_argument(token)
        return expr

    def _block_expression(self, token: Token) -> Expr:
        if is_op(token, "\\"):
            return self.lambda_expression()
        if token.text == "let":
            return self.let_expression()
        if token.text == "if":
            return self.if_expression()
        if token.text == "case":
            return self.case_expression()
        return self.do_expression()

    def _block_argument(self, token: Token) -> None:
        message = f"unexpected {_block_name(token)} in function application"
        self.fail_at("P011", token.span, message)

    def lambda_expression(self) -> Expr:
        start = self.next().span
        if self.at_reserved("case"):
            self.unsupported(self.span_from(start), "lambda-case (LambdaCase)")
        pats = self.apats()
        self.expect_op("->")
        body = self.expression()
        return ELam(self.span_from(start), tuple(pats), body)

    def let_expression(self) -> Expr:
        start = self.next().span
        decls = self.decl_block()
        self.expect_reserved("in")
        body = self.expression()
        return ELet(self.span_from(start), decls, body)

    def if_expression(self) -> Expr:
        """``if e [;] then e [;] else e`` (§3.6: the optional semicolons)."""
        start = self.next().span
        if self.at_op("|"):
            self.unsupported(start, "multi-way if (MultiWayIf)")
        cond = self.expression()
        self._optional_semicolon()
        self.expect_reserved("then")
        then = self.expression()
        self._optional_semicolon()
        self.expect_reserved("else")
        else_ = self.expression()
        return EIf(self.span_from(start), cond, then, else_)

    def _optional_semicolon(self) -> None:
        if self.at_separator():
            self.next()

    def case_expression(self) -> Expr:
        start = self.next().span
        scrut = self.expression()
        self.expect_reserved("of")
        alts = self.block(self.alternative)
        span = self.span_from(start)
        if not alts:
            self.unsupported(span, "case expression with no alternatives (EmptyCase)")
        return ECase(span, scrut, tuple(alts))

    def do_expression(self) -> Expr:
        token = self.next()
        stmts = self.block(self.statement)
        if not stmts:
            self.report("P005", token.span, "empty 'do' block")
        elif not isinstance(stmts[-1], SExpr):
            message = "the last statement in a 'do' block must be an expression"
            self.report("P006", stmts[-1].span, message)
        return EDo(self.span_from(token.span), tuple(stmts))

    # -- fexp and aexp -----------------------------------------------------------------

    def fexp(self) -> Expr:
        start = self.peek().span
        expr = self.record_aexp()
        while True:
            token = self.peek()
            if starts_aexp(token):
                arg = self.record_aexp()
                expr = EApp(self.span_from(start), expr, arg)
            elif _starts_block_expression(token):
                self._block_argument(token)
            else:
                return expr

    def record_aexp(self) -> Expr:
        """``aexp`` followed by record braces: construction or update (§3.15)."""
        start = self.peek().span
        expr = self.aexp()
        while self.at_special("{"):
            fields = self._field_binds()
            if isinstance(expr, ECon):
                expr = ERecCon(self.span_from(start), expr.name, fields)
            elif not fields:
                self.fail_at("P001", self.span_from(start), "record update with no fields")
            else:
                expr = ERecUpd(self.span_from(start), expr, fields)
        return expr

    def _field_binds(self) -> tuple[FieldBind[RdrName], ...]:
        self.next()
        fields: list[FieldBind[RdrName]] = []
        if not self.at_special("}"):
            fields = self.comma_separated(self._field_bind)
        self.expect_special("}")
        return tuple(fields)

    def _field_bind(self) -> FieldBind[RdrName]:
        field = self.expect_kind(K.VARID, K.QVARID)
        self.expect_op("=")
        value = self.expression()
        return FieldBind(self.span_from(field.span), rdr(field), value)

    def aexp(self) -> Expr:
        token = self.peek()
        kind = token.kind
        if kind in (K.VARID, K.QVARID):
            self.next()
            return EVar(token.span, rdr(token))
        if kind in (K.CONID, K.QCONID):
            self.next()
            return ECon(token.span, rdr(token))
        if kind in LITERAL_KINDS:
            self.next()
            return ELit(token.span, literal_of(token))
        if is_special(token, "("):
            return self.paren_expression()
        if is_special(token, "["):
            return self.bracket_expression()
        self.fail()

    # -- parentheses (§3.5, §3.8, §3.9) --------------------------------------------------

    def paren_expression(self) -> Expr:
        start = self.next().span
        self.nest()
        try:
            return self._paren_body(start)
        finally:
            self.unnest()

    def _paren_body(self, start: SrcSpan) -> Expr:
        token = self.peek()
        if is_special(token, ")"):
            self.next()
            return ECon(self.span_from(start), RdrName("()"))
        if is_special(token, ","):
            self._refuse_tuple_section(start, constructor=True)
            return ECon(self.span_from(start), RdrName(self.tuple_commas()))
        if self._at_qop() and not is_varsym(token, "-"):
            return self._operator_or_right_section(start)
        if is_varsym(token, "-") and is_special(self.peek_after(1), ")"):
            self.next()
            self.next()
            return EVar(self.span_from(start), RdrName("-"))
        return self._parenthesised(start)

    def _operator_or_right_section(self, start: SrcSpan) -> Expr:
        backquoted = self.at_special("`")
        op = self.op_ref()
        if self.at_special(")"):
            if backquoted:
                self.fail()
            self.next()
            span = self.span_from(start)
            return ECon(span, op.name) if op.is_con else EVar(span, op.name)
        operand = self.infix_expression()
        self.expect_special(")")
        return ERightSection(self.span_from(start), op, operand)

    def _parenthesised(self, start: SrcSpan) -> Expr:
        first = self.peek().span
        items = self.op_chain(section=True)
        last = items[-1]
        if isinstance(last, OpRef):
            self.expect_special(")")
            operand = self._chain_expr(first, items[:-1])
            return ELeftSection(self.span_from(start), operand, last)
        expr = self._chain_expr(first, items)
        if self.at_op("::"):
            self.next()
            expr = ETyped(self.span_from(first), expr, self.qual_type())
        if not self.at_special(","):
            self.expect_special(")")
            return EParen(self.span_from(start), expr)
        elems = [expr]
        while self.at_special(","):
            self._refuse_tuple_section(start, constructor=False)
            self.next()
            elems.append(self.expression())
        self.expect_special(")")
        return ETuple(self.span_from(start), tuple(elems))

    def _refuse_tuple_section(self, start: SrcSpan, constructor: bool) -> None:
        """``(, x)``, ``(x,)``, ``(x,,y)``: TupleSections, outside Haskell 2010.

        At a ``,``: in ``(,,)`` (``constructor``) only commas and ``)`` follow; between
        two tuple components one comma and then an expression. Reported at the opening
        parenthesis, as GHC does.
        """
        ahead = 1
        while is_special(self.peek_after(ahead), ","):
            ahead += 1
        closes = is_special(self.peek_after(ahead), ")")
        if closes if constructor else (ahead == 1 and not closes):
            return
        self.unsupported(start, "tuple section (TupleSections)")

    # -- brackets (§3.7, §3.10, §3.11) ---------------------------------------------------

    def bracket_expression(self) -> Expr:
        start = self.next().span
        if self.at_special("]"):
            self.next()
            return ECon(self.span_from(start), RdrName("[]"))
        if self.at_op("|") or is_varsym(self.peek(), "||"):
            self.unsupported(self.peek().span, "Template Haskell quotation")
        self.nest()
        try:
            return self._bracket_body(start)
        finally:
            self.unnest()

    def _bracket_body(self, start: SrcSpan) -> Expr:
        first = self.expression()
        if self.at_op(".."):
            return self._arith(start, first, None)
        if self.at_op("|"):
            return self._comprehension(start, first)
        elems = [first]
        if self.at_special(","):
            self.next()
            elems.append(self.expression())
            if self.at_op(".."):
                return self._arith(start, first, elems[1])
        while self.at_special(","):
            self.next()
            elems.append(self.expression())
        self.expect_special("]")
        return EList(self.span_from(start), tuple(elems))

    def _arith(self, start: SrcSpan, from_: Expr, then: Expr | None) -> Expr:
        self.next()
        to = None if self.at_special("]") else self.expression()
        self.expect_special("]")
        return EArith(self.span_from(start), from_, then, to)

    def _comprehension(self, start: SrcSpan, expr: Expr) -> Expr:
        self.next()
        quals = self.statements_sep_by_comma()
        self.expect_special("]")
        return EListComp(self.span_from(start), expr, tuple(quals))

    def statements_sep_by_comma(self) -> list[Stmt]:
        return self.comma_separated(self.statement)

    # -- statements (§3.14, §3.11, §3.13) ------------------------------------------------

    def statement(self) -> Stmt:
        token = self.peek()
        if is_reserved(token, "let"):
            return self._let_statement(token)
        bind = self._binding_statement() if _may_start_binding(token) else None
        if bind is not None:
            return bind
        expr = self.expression()
        return SExpr(expr.span, expr)

    def _let_statement(self, token: Token) -> Stmt:
        """``let decls``, or the expression statement ``let decls in e``."""
        self.next()
        decls = self.decl_block()
        if not self.at_reserved("in"):
            return SLet(self.span_from(token.span), decls)
        self.next()
        body = self.expression()
        expr = ELet(self.span_from(token.span), decls, body)
        return SExpr(expr.span, expr)

    def _binding_statement(self) -> Stmt | None:
        """See Note [Statements are tried as bindings first]."""
        start = self.peek().span
        pat = self.attempt(self._bound_pattern)
        if pat is None:
            return None
        self.next()
        expr = self.expression()
        return SBind(self.span_from(start), pat, expr)

    def _bound_pattern(self) -> Pat | None:
        """A pattern followed by ``<-``, or None."""
        pat = self.pattern()
        return pat if self.at_op("<-") else None

    # -- alternatives and right-hand sides (§3.13, §4.4.3) --------------------------------

    def alternative(self) -> Alt[RdrName]:
        start = self.peek().span
        pat = self.pattern()
        rhs = self.rhs("->")
        return Alt(self.span_from(start), pat, rhs)

    def rhs(self, equals: str) -> Rhs[RdrName]:
        """``= e`` or guarded ``| g = e`` alternatives (``->`` in case alternatives),
        then an optional ``where``."""
        start = self.peek().span
        body: Expr | None = None
        guarded: list[GuardedRhs[RdrName]] = []
        if self.at_op("|"):
            while self.at_op("|"):
                guarded.append(self._guarded(equals))
        else:
            self.expect_op(equals)
            body = self.expression()
        where: tuple[Decl[RdrName], ...] = ()
        if self.at_reserved("where"):
            self.next()
            where = self.decl_block()
        return Rhs(self.span_from(start), body, tuple(guarded), where)

    def _guarded(self, equals: str) -> GuardedRhs[RdrName]:
        start = self.next().span
        guards = self.statements_sep_by_comma()
        self.expect_op(equals)
        body = self.expression()
        return GuardedRhs(self.span_from(start), tuple(guards), body)


def _may_start_binding(token: Token) -> bool:
    return starts_apat(token) or is_varsym(token, "-")

"""Declarations (Report §4): the ``DeclParser`` layer of the parser.

Grammar, one method each::

    topdecl → data [context =>] simpletype [= constrs] [deriving]
            | newtype simpletype = newconstr [deriving]
            | type simpletype = type
            | class [scontext =>] tycls tyvar [where cdecls]
            | instance [scontext =>] qtycls inst [where idecls]
            | default (type, ...)
            | foreign import prim "entity" var :: type        (Report §8.4, package base)
            | decl
    decl    → vars :: [context =>] type | infix[lr] [integer] ops
            | (funlhs | pat) rhs

Steps for a block of declarations (``decl_block``):

1. each declaration is parsed on its own; a binding becomes a ``FunBind`` with one
   clause or a ``PatBind`` (see Note [Function clauses are parsed as patterns] in
   ifacedir.parse.patterns for how the left-hand side is classified);
2. adjacent clauses of the same function are grouped into one ``FunBind``
   (§4.4.3.1; clauses of one function that are not adjacent stay apart, and the
   renamer reports them).

A ``data`` declaration's head is parsed as a type and checked to be a type
constructor applied to type variables. A datatype context (``data Eq a => T a``) is
outside the subset (GHC requires DatatypeContexts), as are multi-parameter classes
and ``foreign`` declarations other than ``foreign import prim``.
"""

from __future__ import annotations

from typing import TypeAlias

from ifacedir.parse.cursor import is_op, is_special, is_varsym, rdr
from ifacedir.parse.expressions import ExprParser
from ifacedir.parse.lexer import Token, TokenKind
from ifacedir.parse.patterns import Pat, is_pattern_op
from ifacedir.syntax.ast import (
    Assoc,
    ClassDecl,
    ConDecl,
    ConField,
    DataDecl,
    Decl,
    DefaultDecl,
    FixityDecl,
    ForeignImport,
    FunBind,
    InstanceDecl,
    Match,
    OpRef,
    PatBind,
    Pred,
    PVar,
    TApp,
    TCon,
    TFun,
    TList,
    TTuple,
    TVar,
    Type,
    TypeSig,
    TypeSynDecl,
)
from ifacedir.syntax.names import RdrName
from ifacedir.syntax.span import SrcSpan

__all__ = ["DeclParser", "group_bindings"]

K = TokenKind
RDecl: TypeAlias = "Decl[RdrName]"
RType: TypeAlias = "Type[RdrName]"
_FIXITY_WORDS = {"infixl": Assoc.LEFT, "infixr": Assoc.RIGHT, "infix": Assoc.NONE}


class _FunLhs:
    """A function clause's left-hand side: the name, the argument patterns, infix."""

    __slots__ = ("infix", "name", "name_span", "pats")

    def __init__(self, name: RdrName, name_span: SrcSpan, pats: list[Pat], infix: bool) -> None:
        self.name, self.name_span, self.pats, self.infix = name, name_span, pats, infix


def group_bindings(decls: list[RDecl]) -> tuple[RDecl, ...]:
    """Adjacent ``FunBind`` clauses of one name as one ``FunBind`` (§4.4.3.1)."""
    out: list[RDecl] = []
    run: list[FunBind[RdrName]] = []

    def flush() -> None:
        if run:
            span = run[0].span.merge(run[-1].span)
            matches = tuple(m for bind in run for m in bind.matches)
            out.append(FunBind(span, run[0].name, matches))
            run.clear()

    for decl in decls:
        if isinstance(decl, FunBind) and (not run or run[0].name == decl.name):
            run.append(decl)
            continue
        flush()
        if isinstance(decl, FunBind):
            run.append(decl)
        else:
            out.append(decl)
    flush()
    return tuple(out)


class DeclParser(ExprParser):
    """Report §4; see the module docstring."""

    def decl_block(self) -> tuple[RDecl, ...]:
        return group_bindings(self.block(self.decl))

    # -- top-level declarations (§4, §5) -------------------------------------------------

    def top_decl(self) -> RDecl:
        token = self.peek()
        if token.kind is K.RESERVEDID:
            parse = {
                "data": self.data_decl,
                "newtype": self.data_decl,
                "type": self.type_synonym,
                "class": self.class_decl,
                "instance": self.instance_decl,
                "default": self.default_decl,
                "foreign": self.foreign_decl,
            }.get(token.text)
            if parse is not None:
                return parse()
        return self.decl()

    def data_decl(self) -> RDecl:
        keyword = self.next()
        newtype = keyword.text == "newtype"
        name, tyvars = self._simple_type()
        constrs: list[ConDecl[RdrName]] = []
        if self.at_op("="):
            self.next()
            constrs.append(self.constructor())
            while self.at_op("|"):
                self.next()
                constrs.append(self.constructor())
        deriving = self._deriving()
        span = self.span_from(keyword.span)
        if newtype and (len(constrs) != 1 or _field_count(constrs[0]) != 1):
            self.fail_at("P013", span, "a newtype must have one constructor with one field")
        return DataDecl(span, name, tyvars, tuple(constrs), deriving, newtype)

    def _simple_type(self) -> tuple[RdrName, tuple[RdrName, ...]]:
        """``T a b``: an unqualified type constructor applied to type variables."""
        head = self.btype()
        if self.at_op("=>"):
            self.unsupported(head.span, "datatype context (DatatypeContexts)")
        args: list[RdrName] = []
        while isinstance(head, TApp) and isinstance(head.arg, TVar):
            args.append(head.arg.name)
            head = head.fun
        if not isinstance(head, TCon) or head.name.is_qualified or head.name.occ[0] in "([":
            self.fail_at("P013", head.span, "malformed head of a type declaration")
        return head.name, tuple(reversed(args))

    def _deriving(self) -> tuple[RdrName, ...]:
        if not self.at_reserved("deriving"):
            return ()
        self.next()
        if not self.at_special("("):
            return (rdr(self.expect_kind(K.CONID, K.QCONID)),)
        self.next()
        classes: list[RdrName] = []
        if not self.at_special(")"):
            classes = self.comma_separated(lambda: rdr(self.expect_kind(K.CONID, K.QCONID)))
        self.expect_special(")")
        return tuple(classes)

    # -- constructors (§4.2.1) -----------------------------------------------------------

    def constructor(self) -> ConDecl[RdrName]:
        start = self.peek().span
        token = self.peek()
        if token.kind is K.CONID and is_special(self.peek_after(1), "{"):
            return self._record_constructor(self.next())
        if is_special(token, "(") and self.peek_after(1).kind is K.CONSYM:
            self.next()
            op = self.next()
            self.expect_special(")")
            fields = self._con_fields()
            return ConDecl(self.span_from(start), RdrName(op.text), tuple(fields))
        left = self._con_fields()
        if is_pattern_op(self.peek()):
            return self._infix_constructor(start, left)
        if not left:
            self.fail()
        if left[0].strict or not isinstance(left[0].type, TCon):
            self.fail_at("P013", self.span_from(start), "malformed data constructor")
        head = left[0].type
        if head.name.is_qualified or head.name.occ[0] in "([":
            self.fail_at("P013", head.span, "malformed data constructor")
        return ConDecl(self.span_from(start), head.name, tuple(left[1:]))

    def _con_fields(self) -> list[ConField[RdrName]]:
        """Positional fields: ``atype`` or ``!atype``, until something else."""
        fields: list[ConField[RdrName]] = []
        while True:
            token = self.peek()
            strict = is_varsym(token, "!")
            if strict:
                self.next()
            elif not _starts_field_type(token):
                return fields
            field_type = self.atype()
            fields.append(ConField(self.span_from(token.span), (), field_type, strict))

    def _infix_constructor(self, start: SrcSpan, left: list[ConField[RdrName]]) -> ConDecl[RdrName]:
        op = self.op_ref()
        if not op.is_con or op.name.is_qualified:
            self.fail_at("P013", op.span, "an infix data constructor must be a constructor")
        right = self._con_fields()
        fields = (self._infix_side(left, op), self._infix_side(right, op))
        return ConDecl(self.span_from(start), op.name, fields, is_infix=True)

    def _infix_side(self, fields: list[ConField[RdrName]], op: OpRef[RdrName]) -> ConField[RdrName]:
        """One side of ``t1 :+ t2``: ``!atype`` or a btype (an application of atypes)."""
        if not fields:
            self.fail_at("P013", op.span, "an infix data constructor needs two fields")
        if len(fields) == 1:
            return fields[0]
        if any(f.strict for f in fields):
            self.fail_at("P013", fields[0].span, "a strict field must be a single atype")
        applied: RType = fields[0].type
        for f in fields[1:]:
            applied = TApp(applied.span.merge(f.type.span), applied, f.type)
        return ConField(applied.span, (), applied)

    def _record_constructor(self, con: Token) -> ConDecl[RdrName]:
        self.next()
        fields: list[ConField[RdrName]] = []
        if not self.at_special("}"):
            fields = self.comma_separated(self._field_decl)
        self.expect_special("}")
        return ConDecl(self.span_from(con.span), rdr(con), tuple(fields), is_record=True)

    def _field_decl(self) -> ConField[RdrName]:
        start = self.peek().span
        labels = self.var_list()
        self.expect_op("::")
        strict = is_varsym(self.peek(), "!")
        if strict:
            self.next()
            field_type = self.atype()
        else:
            field_type = self.type_()
        return ConField(self.span_from(start), tuple(labels), field_type, strict)

    # -- type synonyms, classes, instances, defaults, foreign (§4.2.2, §4.3, §4.3.4) -----

    def type_synonym(self) -> RDecl:
        keyword = self.next()
        name, tyvars = self._simple_type()
        self.expect_op("=")
        rhs = self.type_()
        return TypeSynDecl(self.span_from(keyword.span), name, tyvars, rhs)

    def class_decl(self) -> RDecl:
        keyword = self.next()
        head = self.btype()
        context: tuple[Pred[RdrName], ...] = ()
        if self.at_op("=>"):
            context = self.context_of(head)
            self.next()
            head = self.btype()
        if isinstance(head, TApp) and isinstance(head.fun, TApp):
            self.unsupported(head.span, "multi-parameter type class")
        if not (
            isinstance(head, TApp)
            and isinstance(head.fun, TCon)
            and isinstance(head.arg, TVar)
            and not head.fun.name.is_qualified
        ):
            self.fail_at("P012", head.span, "malformed class declaration head")
        decls = self._where_block()
        span = self.span_from(keyword.span)
        return ClassDecl(span, context, head.fun.name, head.arg.name, decls)

    def instance_decl(self) -> RDecl:
        keyword = self.next()
        head = self.btype()
        context: tuple[Pred[RdrName], ...] = ()
        if self.at_op("=>"):
            context = self.context_of(head)
            self.next()
            head = self.btype()
        if isinstance(head, TApp) and isinstance(head.fun, TApp):
            self.unsupported(head.span, "multi-parameter type class instance")
        if not (isinstance(head, TApp) and isinstance(head.fun, TCon)):
            self.fail_at("P012", head.span, "malformed instance head")
        if not _is_instance_type(head.arg):
            self.unsupported(
                head.arg.span, "instance type other than T a1 ... an (FlexibleInstances)"
            )
        decls = self._where_block()
        span = self.span_from(keyword.span)
        return InstanceDecl(span, context, head.fun.name, head.arg, decls)

    def _where_block(self) -> tuple[RDecl, ...]:
        if not self.at_reserved("where"):
            return ()
        self.next()
        return self.decl_block()

    def default_decl(self) -> RDecl:
        keyword = self.next()
        self.expect_special("(")
        types: list[RType] = []
        if not self.at_special(")"):
            types = self.comma_separated(self.type_)
        self.expect_special(")")
        return DefaultDecl(self.span_from(keyword.span), tuple(types))

    def foreign_decl(self) -> RDecl:
        keyword = self.next()
        token = self.peek()
        if token.kind is not K.RESERVEDID or token.text != "import":
            if token.kind is K.VARID and token.text == "export":
                self.unsupported(token.span, "foreign export")
            self.fail()
        self.next()
        callconv = self.expect_kind(K.VARID)
        if callconv.text != "prim":
            self.unsupported(callconv.span, f"foreign import calling convention {callconv.text}")
        entity = self.expect_kind(K.STRING)
        name = self._var()
        self.expect_op("::")
        sig = self.qual_type()
        assert isinstance(entity.value, str)
        span = self.span_from(keyword.span)
        return ForeignImport(span, callconv.text, entity.value, name, sig)

    # -- ordinary declarations (§4.4) ----------------------------------------------------

    def decl(self) -> RDecl:
        token = self.peek()
        if token.kind is K.RESERVEDID and token.text in _FIXITY_WORDS:
            return self.fixity_decl()
        signature = self._signature()
        if signature is not None:
            return signature
        return self.binding()

    def fixity_decl(self) -> RDecl:
        keyword = self.next()
        prec = 9
        if self.peek().kind is K.INTEGER:
            number = self.next()
            assert isinstance(number.value, int)
            prec = number.value
            if not 0 <= prec <= 9:
                self.report("P007", number.span, f"precedence out of range: {prec}")
        ops = self.comma_separated(self._fixity_op)
        span = self.span_from(keyword.span)
        return FixityDecl(span, _FIXITY_WORDS[keyword.text], prec, tuple(ops))

    def _fixity_op(self) -> RdrName:
        op = self.op_ref()
        if op.name.is_qualified:
            self.fail_at("P008", op.span, f"qualified name in binding position: {op.name}")
        return op.name

    def _signature(self) -> RDecl | None:
        """``v1, ..., vn :: type``, recognised by reading the names up to ``::``."""
        token = self.peek()
        if token.kind is K.QVARID and self._qualified_signature(token):
            self.fail_at("P010", token.span, f"invalid type signature: {token.text} :: ...")
        if token.kind is not K.VARID and not is_special(token, "("):
            return None
        names = self.attempt(self._signature_names)
        if names is None:
            return None
        self.next()
        sig = self.qual_type()
        return TypeSig(self.span_from(token.span), tuple(names), sig)

    def _signature_names(self) -> list[RdrName] | None:
        names = self.var_list()
        return names if self.at_op("::") else None

    def _qualified_signature(self, token: Token) -> bool:
        """``M.f :: t``: GHC calls it an invalid signature rather than a bad binder."""
        following = self.peek_after(1)
        return is_op(following, "::") or is_special(following, ",")

    def var_list(self) -> list[RdrName]:
        return self.comma_separated(self._var)

    def _var(self) -> RdrName:
        """``var → varid | ( varsym )``, unqualified."""
        token = self.peek()
        if token.kind is K.VARID:
            return rdr(self.next())
        if is_special(token, "(") and self.peek_after(1).kind is K.VARSYM:
            self.next()
            name = rdr(self.next())
            self.expect_special(")")
            return name
        self.fail()

    # -- bindings (§4.4.3) ---------------------------------------------------------------

    def binding(self) -> RDecl:
        start = self.peek().span
        paren = self._paren_funlhs() if self.at_special("(") else None
        lhs = self._lhs() if paren is None else paren
        if self.at_op("::"):
            self.fail_at("P010", self.span_from(start), "invalid type signature")
        rhs = self.rhs("=")
        span = self.span_from(start)
        if isinstance(lhs, _FunLhs):
            match = Match(span, tuple(lhs.pats), rhs, lhs.infix)
            return FunBind(span, lhs.name, (match,))
        return PatBind(span, lhs, rhs)

    def _lhs(self) -> _FunLhs | Pat:
        """See Note [Function clauses are parsed as patterns] in ifacedir.parse.patterns."""
        start = self.peek().span
        operands, ops = self.lhs_chain()
        var_ops = [i for i, op in enumerate(ops) if not op.is_con]
        if not var_ops:
            head = operands[0][0]
            if len(operands) == 1 and isinstance(head, PVar):
                return _FunLhs(head.name, head.span, operands[0][1:], infix=False)
            return self._chain_to_pattern(start, operands, ops)
        if len(var_ops) > 1:
            self.fail_at("P009", self.span_from(start), "parse error in pattern")
        i = var_ops[0]
        op = ops[i]
        if op.name.is_qualified:
            self.fail_at("P008", op.span, f"qualified name in binding position: {op.name}")
        left = self._chain_to_pattern(start, operands[: i + 1], ops[:i])
        right_start = operands[i + 1][0].span
        right = self._chain_to_pattern(right_start, operands[i + 1 :], ops[i + 1 :])
        return _FunLhs(op.name, op.span, [left, right], infix=True)

    def _chain_to_pattern(
        self, start: SrcSpan, operands: list[list[Pat]], ops: list[OpRef[RdrName]]
    ) -> Pat:
        pats = [self.application_pattern(items) for items in operands]
        return self.chain_pattern(start, pats, ops)

    def _paren_funlhs(self) -> _FunLhs | None:
        """``( funlhs ) apat {apat}`` (§4.4.3.1), tried and abandoned if it is not one."""
        return self.attempt(self._paren_funlhs_body)

    def _paren_funlhs_body(self) -> _FunLhs | None:
        self.next()
        inner = self._paren_funlhs() if self.at_special("(") else None
        if inner is None:
            lhs = self._lhs()
            if not isinstance(lhs, _FunLhs):
                return None
            inner = lhs
        self.expect_special(")")
        args = self.apats()
        if not (self.at_op("=") or self.at_op("|")):
            return None
        return _FunLhs(inner.name, inner.name_span, [*inner.pats, *args], infix=False)


def _starts_field_type(token: Token) -> bool:
    if token.kind in (K.VARID, K.CONID, K.QCONID):
        return True
    return is_special(token, "(") or is_special(token, "[")


def _field_count(con: ConDecl[RdrName]) -> int:
    """How many fields ``con`` has: a record's ``a, b :: t`` counts two."""
    return sum(max(1, len(f.labels)) for f in con.fields)


def _is_instance_type(t: RType) -> bool:
    """``T``, ``T a b``, ``[a]``, ``(a, b)``, ``a -> b``, ``()`` (§4.3.2)."""
    if isinstance(t, TCon):
        return True
    if isinstance(t, TList):
        return isinstance(t.elem, TVar)
    if isinstance(t, TTuple):
        return all(isinstance(e, TVar) for e in t.elems)
    if isinstance(t, TFun):
        return isinstance(t.arg, TVar) and isinstance(t.res, TVar)
    while isinstance(t, TApp):
        if not isinstance(t.arg, TVar):
            return False
        t = t.fun
    return isinstance(t, TCon)

"""The pretty printer for the surface syntax tree, parsed or renamed.

``pretty_module`` prints a whole ``Module[RdrName]`` or ``Module[Name]`` as Haskell
source; ``pretty_decl``, ``pretty_expr``, ``pretty_pat`` and ``pretty_type`` print
one fragment. The output of a parsed module parses back to the same tree modulo spans
(tests/property/test_pretty_roundtrip.py), and printing is idempotent.

How it works, top-down:

1. **Blocks.** With ``explicit_layout=True`` (the default) every block -- the module
   body, ``where``, ``let``, ``do``, ``of``, class and instance bodies -- is printed
   with explicit braces and semicolons, so the meaning of the output does not depend
   on its indentation (Report §10.3 leaves explicit blocks alone). With
   ``explicit_layout=False`` blocks are laid out by indentation instead; see
   Note [Printing with the layout rule] for why that is still unambiguous. Either way
   a block of short one-line items stays on one line, and longer blocks get one item
   per line, indented relative to the line that owns the block.
2. **Parentheses.** Every printing function takes the *precedence it needs* (an
   atom, an application, an operand, anything) and whether the context is *closed*
   on the right; a node that does not fit is wrapped in parentheses. See
   Note [Which parentheses the printer adds]: for trees from the parser this adds
   none (``EParen`` and ``PParen`` are printed as they are), so the round trip is
   exact; for renamed or hand-built trees it adds what the tree needs to be read back.
3. **Names.** A ``RdrName`` prints as written. A ``Name`` prints qualified by its
   defining module when it is global (``Data.List.sort``, ``x Prelude.+ y``,
   ``(Prelude.+)``, `` `Prelude.div` ``), as the special syntax itself when it is one
   of the wired-in names of ``GHC.Types`` (``()``, ``[]``, ``(,)``, ``:``, ``->``), and
   as its occurrence name when it is local (``occ_unique`` with ``show_uniques``).
   Binding occurrences (the name a declaration defines, a pattern variable, names in
   import lists and subordinate export names) are never qualified, since Haskell
   allows no qualifier there. Operators print infix in infix position and in
   parentheses elsewhere; identifiers in infix position are backquoted.
4. **Tokens that must stay apart.** Literals are escaped so that they lex back to the
   same value (Note [Escaping literals]); a symbol never touches another symbol
   (``\\ ~x``, ``~ ~p``, ``- \\x -> x``) and a brace is always followed by a space, so
   that ``{-`` and ``--`` never appear by accident.

Everything runs under ``run_deep``, so a 20,000-deep tree prints without
``RecursionError`` (see Note [Deep recursion runs on a big stack] in
ifacedir.util.deep).

Note [Which parentheses the printer adds]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Expressions have five precedences, from the Report's grammar (§3): ``exp`` (a type
annotation may follow), ``infixexp`` (operator applications, prefix minus),
``lexp`` (lambda, let, if, case, do), ``fexp`` (application) and ``aexp`` (atoms).
Patterns have three (``pat``, ``lpat``, ``apat``, §3.17) and types three (``type``,
``btype``, ``atype``, §4.1.2). A child is printed at the precedence its position
requires and wrapped in parentheses when its own is lower.

A lambda, ``let``, ``if``, ``case`` or ``do`` extends as far to the right as possible
(the meta-rule of §3), so it also needs parentheses wherever something follows it
that could have continued it: before an operator in a chain, before ``::`` and in a
left section. Such positions are *closed*; an operator application passes the flag on
to its rightmost operand. (``case`` and ``do`` with explicit braces would not need it;
we treat them like the others so that the layout printer can share the rule.)

The parser keeps every parenthesis as ``EParen`` / ``PParen`` and never builds a tree
that would need one more, so on parsed trees these rules add nothing. Renamed trees
have no parentheses for the operator applications that fixity resolution built
(``EOpApp``, ``ENeg``, ``PConOp``): the printer parenthesises every such application
that is an operand of another one, which reads back to the same tree under any
fixities, including the default ``infixl 9``. Types have no parenthesis node at all,
so the type printer adds exactly the ones the structure needs. A negative literal in
an atomic pattern position prints as ``(-1)``.

Note [Printing with the layout rule]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Without explicit braces, a block is either inline (one short item with no line break,
right after its keyword) or starts on a new line with each item on its own line,
indented two columns more than the line that owns the block. Every line an item
spans after its first is indented at least two columns more than the item, so it
continues the item and closes no block (§10.3: a line indented more than the
context adds nothing). Text that follows a block on the same line (``in`` after a
``let``, ``)`` after a ``case``, ``then`` after a ``do``) ends the block through the
``parse-error(t)`` rule, as it does in hand-written Haskell; an inline block is only
ever followed by such text or by a line indented less than the block, which closes
it. Because a multi-line item forces its block onto separate lines, no line of a
nested block ever sits left of an enclosing block's column.

Note [Text after a guard]
~~~~~~~~~~~~~~~~~~~~~~~~~
What follows a guard can continue the guard's last declaration or type when no brace
ends it first: ``case x of p | let f :: Int -> e`` reads ``Int -> e`` as the type of
``f``, ``| y :: Bool -> e`` reads ``Bool -> e`` as the type of ``y``,
``[e | let infixl 4 `op`, x <- xs]`` reads ``x`` as a second operator of the fixity
declaration, and ``[case x of p -> e | y <- ys]`` reads ``| y <- ys`` as a guard of
the alternative. So a ``let`` in a guard or a comprehension always gets braces, and
so does every block in the head of a comprehension and in the guards of a case
alternative; a guard of a case alternative that ends with a type annotation (at its
end, or inside its last lambda, ``let`` or ``if`` body) is parenthesised. The parser
never builds that last kind of tree (it reads the ``->`` as part of the type), so the
round trip of parsed trees is unaffected. With ``explicit_layout=False`` the output is
therefore laid out by indentation except in these few places.

Note [Escaping literals]
~~~~~~~~~~~~~~~~~~~~~~~~
Characters and strings print printable ASCII as itself, and everything else as a
decimal escape (``\\10``, ``\\233``), so the output is pure ASCII and independent of
the reader's encoding. After a decimal escape a following digit would be read as part
of the escape, so the empty escape ``\\&`` separates them (§2.6). The quote of the
literal and the backslash are escaped. Float literals are printed from their text
(``LitFrac.text``), which is exact.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final, TypeVar

from ifacedir.syntax.ast import (
    Alt,
    ClassDecl,
    ConDecl,
    ConField,
    DataDecl,
    Decl,
    DefaultDecl,
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
    ENeg,
    EOpApp,
    EOpChain,
    EParen,
    ERecCon,
    ERecUpd,
    ERightSection,
    ETuple,
    ETyped,
    EVar,
    ExportItem,
    Expr,
    FieldBind,
    FieldPat,
    FixityDecl,
    ForeignImport,
    FunBind,
    GuardedRhs,
    IEModule,
    IEThing,
    IEVar,
    ImportDecl,
    InstanceDecl,
    LitChar,
    Literal,
    LitFrac,
    LitInt,
    LitString,
    Match,
    Module,
    Negation,
    OpRef,
    PAs,
    Pat,
    PatBind,
    PCon,
    PConOp,
    PLazy,
    PList,
    PLit,
    POpChain,
    PParen,
    PRec,
    Pred,
    PTuple,
    PVar,
    PWild,
    QualType,
    Rhs,
    SBind,
    SExpr,
    SLet,
    Stmt,
    SubItems,
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
from ifacedir.syntax.names import BUILTIN_MODULE, Name, RdrName
from ifacedir.util.deep import run_deep

__all__ = [
    "escape_char",
    "escape_string",
    "pretty_decl",
    "pretty_expr",
    "pretty_literal",
    "pretty_module",
    "pretty_pat",
    "pretty_type",
]

# Expression precedences, lowest first; see Note [Which parentheses the printer adds].
_EXP: Final = 0
_INFIX: Final = 1
_LEXP: Final = 2
_FEXP: Final = 3
_AEXP: Final = 4
# Pattern and type precedences.
_PAT: Final = 0
_LPAT: Final = 1
_APAT: Final = 2
_TYPE: Final = 0
_BTYPE: Final = 1
_ATYPE: Final = 2

_INLINE_WIDTH: Final = 72
_SYMBOL_CHARS: Final = frozenset("!#$%&*+./<=>?@\\^|-~:")
_OPEN_RIGHT: Final = (ELam, ELet, EIf, ECase, EDo)
_OP_APPS: Final = (EOpApp, ENeg, EOpChain)

_T = TypeVar("_T")


# --- Public entry points -----------------------------------------------------------


def pretty_module(
    module: Module[Any], *, explicit_layout: bool = True, show_uniques: bool = False
) -> str:
    """The source text of ``module``, ending with a newline."""
    return run_deep(_Printer(explicit_layout, show_uniques).module, module)


def pretty_decl(
    decl: Decl[Any], *, explicit_layout: bool = True, show_uniques: bool = False
) -> str:
    """One declaration; a function binding prints one line (or more) per clause."""
    printer = _Printer(explicit_layout, show_uniques)
    return run_deep(lambda: "\n".join(printer.decl(decl)))


def pretty_expr(
    expr: Expr[Any], *, explicit_layout: bool = True, show_uniques: bool = False
) -> str:
    """One expression, with no parentheses around it."""
    return run_deep(_Printer(explicit_layout, show_uniques).expr, expr)


def pretty_pat(pat: Pat[Any], *, show_uniques: bool = False) -> str:
    """One pattern, with no parentheses around it."""
    return run_deep(_Printer(True, show_uniques).pat, pat)


def pretty_type(type_: Type[Any] | QualType[Any], *, show_uniques: bool = False) -> str:
    """A type, or a qualified type with its context (``Eq a => a -> Bool``)."""
    printer = _Printer(True, show_uniques)
    if isinstance(type_, QualType):
        return run_deep(printer.qual_type, type_)
    return run_deep(printer.type, type_)


def pretty_literal(lit: Literal) -> str:
    """A literal as Haskell source; negative numbers with their sign, unparenthesised."""
    if isinstance(lit, LitInt):
        return str(lit.value)
    if isinstance(lit, LitFrac):
        return lit.text
    if isinstance(lit, LitChar):
        return "'" + escape_char(lit.value) + "'"
    return '"' + escape_string(lit.value) + '"'


# --- Literals ----------------------------------------------------------------------


def escape_char(ch: str) -> str:
    """The body of a character literal for ``ch``. See Note [Escaping literals]."""
    if ch == "'":
        return "\\'"
    return escape_string(ch).replace('\\"', '"')


def escape_string(text: str) -> str:
    """The body of a string literal for ``text``. See Note [Escaping literals]."""
    out: list[str] = []
    after_number = False
    for ch in text:
        if after_number and ch.isdigit() and ch.isascii():
            out.append("\\&")
        after_number = False
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            out.append(f"\\{ord(ch)}")
            after_number = True
    return "".join(out)


def _is_negative(lit: Literal) -> bool:
    if isinstance(lit, LitInt):
        return lit.value < 0
    return isinstance(lit, LitFrac) and lit.text.startswith("-")


# --- Names -------------------------------------------------------------------------


def _is_special_occ(occ: str) -> bool:
    """``()``, ``[]``, ``:``, ``->`` and the tuple constructors ``(,)``, ``(,,)``, ..."""
    if occ in ("()", "[]", ":", "->"):
        return True
    return len(occ) >= 3 and occ[0] == "(" and occ[-1] == ")" and set(occ[1:-1]) == {","}


def _is_symbolic_occ(occ: str) -> bool:
    if occ in ("()", "[]") or occ.startswith("(,"):
        return False
    return bool(occ) and not (occ[0].isalpha() or occ[0] == "_")


def _indent(text: str, by: int) -> str:
    pad = " " * by
    return pad + text.replace("\n", "\n" + pad)


def _starts_with_symbol(text: str) -> bool:
    return bool(text) and text[0] in _SYMBOL_CHARS


def _after_symbol(prefix: str, text: str) -> str:
    """``prefix`` + ``text``, with a space if they would lex as one symbol."""
    return prefix + (" " if _starts_with_symbol(text) else "") + text


def _paren(text: str) -> str:
    return "(" + text + ")"


class _Printer:
    """One printing run; every method returns the text of one node."""

    def __init__(self, explicit_layout: bool, show_uniques: bool) -> None:
        self.explicit = explicit_layout
        self.show_uniques = show_uniques

    # -- names --

    def name(self, n: object, *, binder: bool = False) -> str:
        """The text of a name, without parentheses or backquotes."""
        n = _plain(n)
        if isinstance(n, RdrName):
            return n.occ if binder else str(n)
        if isinstance(n, Name):
            if n.module == BUILTIN_MODULE and _is_special_occ(n.occ):
                return n.occ
            if n.is_global:
                return n.occ if binder else f"{n.module}.{n.occ}"
            return f"{n.occ}_{n.unique}" if self.show_uniques else n.occ
        return str(n)

    def prefix(self, n: object, *, binder: bool = False) -> str:
        """A name in prefix position: operators in parentheses, ``(+)``, ``(:)``."""
        text = self.name(n, binder=binder)
        return _paren(text) if _is_symbolic_occ(_occ(n)) else text

    def infix(self, n: object, *, binder: bool = False) -> str:
        """A name in infix position: identifiers in backquotes, `` `div` ``."""
        text = self.name(n, binder=binder)
        return text if _is_symbolic_occ(_occ(n)) else f"`{text}`"

    # -- blocks --

    def block(self, keyword: str, items: Sequence[str], indent: int = 2) -> str:
        """``keyword`` and its block of ``items``; see the module docstring, step 1."""
        lead = keyword + " " if keyword else ""
        if not items:
            return lead + "{}"
        one_line = all("\n" not in item for item in items)
        short = one_line and sum(len(item) + 2 for item in items) <= _INLINE_WIDTH
        if self.explicit:
            if short:
                return lead + "{ " + "; ".join(items) + " }"
            body = ";\n".join(_indent(item, indent) for item in items)
            return lead + "{\n" + body + "\n}"
        if short and len(items) == 1:
            return lead + items[0]
        return keyword + "\n" + "\n".join(_indent(item, indent) for item in items)

    def decl_block(self, keyword: str, ds: Sequence[Decl[Any]]) -> str:
        """A block of declarations. Laid out, one that ends with a fixity declaration
        gets braces anyway: a ``,`` after the block (``(case x of A -> 1 where infix 9
        `op`, y)``) would otherwise continue its list of operators."""
        if self.explicit or not ds or not isinstance(ds[-1], FixityDecl):
            return self.block(keyword, self.decls(ds))
        self.explicit = True
        try:
            return self.block(keyword, self.decls(ds))
        finally:
            self.explicit = False

    # -- types (Report §4.1) --

    def type(self, t: Type[Any], need: int = _TYPE) -> str:
        if isinstance(t, TVar):
            return self.name(t.name)
        if isinstance(t, TCon):
            return self.prefix(t.name)
        if isinstance(t, TList):
            return "[" + self.type(t.elem) + "]"
        if isinstance(t, TTuple):
            return "(" + ", ".join(self.type(e) for e in t.elems) + ")"
        if isinstance(t, TApp):
            text = self.type(t.fun, _BTYPE) + " " + self.type(t.arg, _ATYPE)
            return _paren(text) if need > _BTYPE else text
        if isinstance(t, TFun):
            text = self.type(t.arg, _BTYPE) + " -> " + self.type(t.res, _TYPE)
            return _paren(text) if need > _TYPE else text
        raise TypeError(f"not a type: {t!r}")

    def pred(self, p: Pred[Any]) -> str:
        return self.prefix(p.cls) + " " + self.type(p.type, _ATYPE)

    def context(self, ps: Sequence[Pred[Any]]) -> str:
        if not ps:
            return ""
        if len(ps) == 1:
            return self.pred(ps[0]) + " => "
        return "(" + ", ".join(self.pred(p) for p in ps) + ") => "

    def qual_type(self, qt: QualType[Any]) -> str:
        return self.context(qt.context) + self.type(qt.type)

    # -- patterns (Report §3.17) --

    def pat(self, p: Pat[Any], need: int = _PAT) -> str:
        level, text = self._pat(p)
        return _paren(text) if level < need else text

    def _pat(self, p: Pat[Any]) -> tuple[int, str]:
        if isinstance(p, PVar):
            return _APAT, self.prefix(p.name, binder=True)
        if isinstance(p, PWild):
            return _APAT, "_"
        if isinstance(p, PLit):
            return (_LPAT if _is_negative(p.lit) else _APAT), pretty_literal(p.lit)
        if isinstance(p, PCon):
            if not p.args:
                return _APAT, self.prefix(p.con)
            args = " ".join(self.pat(a, _APAT) for a in p.args)
            return _LPAT, self.prefix(p.con) + " " + args
        if isinstance(p, PConOp):
            left, right = self.nested_pat(p.left), self.nested_pat(p.right)
            return _PAT, f"{left} {self.infix(p.con)} {right}"
        if isinstance(p, POpChain):
            return _PAT, self.pat_chain(p)
        if isinstance(p, PTuple):
            return _APAT, "(" + ", ".join(self.pat(e) for e in p.elems) + ")"
        if isinstance(p, PList):
            return _APAT, "[" + ", ".join(self.pat(e) for e in p.elems) + "]"
        if isinstance(p, PAs):
            name = self.prefix(p.name, binder=True)
            return _APAT, _after_symbol(name + "@", self.pat(p.pat, _APAT))
        if isinstance(p, PLazy):
            return _APAT, _after_symbol("~", self.pat(p.pat, _APAT))
        if isinstance(p, PRec):
            fields = ", ".join(self.field_pat(f) for f in p.fields)
            return _APAT, self.prefix(p.con) + (" { " + fields + " }" if fields else " {}")
        if isinstance(p, PParen):
            return _APAT, _paren(self.pat(p.pat))
        raise TypeError(f"not a pattern: {p!r}")

    def nested_pat(self, p: Pat[Any]) -> str:
        """An operand of a resolved ``PConOp``: nested applications get parentheses."""
        if isinstance(p, PConOp | POpChain):
            return _paren(self.pat(p))
        return self.pat(p, _LPAT)

    def pat_chain(self, p: POpChain[Any]) -> str:
        parts = [self.pat(p.operands[0], _LPAT)]
        for op, operand in zip(p.ops, p.operands[1:], strict=True):
            parts += [self.infix(op.name), self.pat(operand, _LPAT)]
        return " ".join(parts)

    def field_pat(self, f: FieldPat[Any]) -> str:
        return self.prefix(f.field) + " = " + self.pat(f.pat)

    # -- expressions (Report §3) --

    def expr(self, e: Expr[Any], need: int = _EXP, closed: bool = False) -> str:
        """``e`` at precedence ``need``, in a closed context if ``closed``.

        See Note [Which parentheses the printer adds].
        """
        level = _expr_level(e)
        if level < need or (closed and isinstance(e, _OPEN_RIGHT)):
            return _paren(self.expr(e))
        printer = _EXPR_PRINTERS.get(type(e))
        if printer is None:
            raise TypeError(f"not an expression: {e!r}")
        return printer(self, e, closed)

    def operand(self, e: Expr[Any], closed: bool) -> str:
        """An operand of an operator application resolved by the renamer."""
        if isinstance(e, _OP_APPS) or (isinstance(e, ELit) and _is_negative(e.lit)):
            return _paren(self.expr(e))
        return self.expr(e, _LEXP, closed)

    def _var(self, e: EVar[Any], _closed: bool) -> str:
        return self.prefix(e.name)

    def _con(self, e: ECon[Any], _closed: bool) -> str:
        return self.prefix(e.name)

    def _lit(self, e: ELit, _closed: bool) -> str:
        return pretty_literal(e.lit)

    def _app(self, e: EApp[Any], _closed: bool) -> str:
        return self.expr(e.fun, _FEXP) + " " + self.expr(e.arg, _AEXP)

    def _op_chain(self, e: EOpChain[Any], closed: bool) -> str:
        parts: list[str] = []
        negate = False
        last = len(e.items) - 1
        for i, item in enumerate(e.items):
            if isinstance(item, Negation):
                negate = True
                continue
            if isinstance(item, OpRef):
                parts.append(self.infix(item.name))
                continue
            text = self.expr(item, _LEXP, closed or i < last)
            parts.append(_after_symbol("-", text) if negate else text)
            negate = False
        return " ".join(parts)

    def _op_app(self, e: EOpApp[Any], closed: bool) -> str:
        left = self.operand(e.left, True)
        return f"{left} {self.infix(e.op.name)} {self.operand(e.right, closed)}"

    def _neg(self, e: ENeg[Any], closed: bool) -> str:
        return _after_symbol("-", self.operand(e.expr, closed))

    def _lam(self, e: ELam[Any], _closed: bool) -> str:
        pats = " ".join(self.pat(p, _APAT) for p in e.pats)
        return _after_symbol("\\", pats) + " -> " + self.expr(e.body)

    def _let(self, e: ELet[Any], _closed: bool) -> str:
        return self.decl_block("let", e.decls) + " in " + self.expr(e.body)

    def _if(self, e: EIf[Any], _closed: bool) -> str:
        cond, then, else_ = self.expr(e.cond), self.expr(e.then), self.expr(e.else_)
        return f"if {cond} then {then} else {else_}"

    def _case(self, e: ECase[Any], _closed: bool) -> str:
        alts = [self.alt(a) for a in e.alts]
        return "case " + self.expr(e.scrut) + " " + self.block("of", alts)

    def _do(self, e: EDo[Any], _closed: bool) -> str:
        return self.block("do", [self.stmt(s) for s in e.stmts])

    def _tuple(self, e: ETuple[Any], _closed: bool) -> str:
        return "(" + ", ".join(self.expr(x) for x in e.elems) + ")"

    def _list(self, e: EList[Any], _closed: bool) -> str:
        return "[" + ", ".join(self.expr(x) for x in e.elems) + "]"

    def _arith(self, e: EArith[Any], _closed: bool) -> str:
        # Always a space before "..": "[False..]" would lex "False.." as a qualified name.
        text = "[" + self.expr(e.from_)
        if e.then is not None:
            text += ", " + self.expr(e.then)
        text += " .."
        if e.to is not None:
            text += " " + self.expr(e.to)
        return text + "]"

    def _list_comp(self, e: EListComp[Any], _closed: bool) -> str:
        quals = ", ".join(self.qualifier(q) for q in e.quals)
        head = self.with_braces(self.expr, e.expr)  # See Note [Text after a guard]
        return "[" + head + " | " + quals + "]"

    def _left_section(self, e: ELeftSection[Any], _closed: bool) -> str:
        return "(" + self.expr(e.expr, _INFIX, True) + " " + self.infix(e.op.name) + ")"

    def _right_section(self, e: ERightSection[Any], _closed: bool) -> str:
        return "(" + self.infix(e.op.name) + " " + self.expr(e.expr, _INFIX) + ")"

    def _paren_expr(self, e: EParen[Any], _closed: bool) -> str:
        return _paren(self.expr(e.expr))

    def _typed(self, e: ETyped[Any], _closed: bool) -> str:
        return self.expr(e.expr, _INFIX, True) + " :: " + self.qual_type(e.type)

    def _rec_con(self, e: ERecCon[Any], _closed: bool) -> str:
        return self.prefix(e.con) + self.field_binds(e.fields)

    def _rec_upd(self, e: ERecUpd[Any], _closed: bool) -> str:
        return self.expr(e.expr, _AEXP) + self.field_binds(e.fields)

    def field_binds(self, fields: Sequence[FieldBind[Any]]) -> str:
        if not fields:
            return " {}"
        binds = ", ".join(self.prefix(f.field) + " = " + self.expr(f.value) for f in fields)
        return " { " + binds + " }"

    # -- statements, alternatives, right-hand sides --

    def stmt(self, s: Stmt[Any]) -> str:
        if isinstance(s, SBind):
            return self.pat(s.pat) + " <- " + self.expr(s.expr)
        if isinstance(s, SLet):
            return self.decl_block("let", s.decls)
        if isinstance(s, SExpr):
            return self.expr(s.expr)
        raise TypeError(f"not a statement: {s!r}")

    def qualifier(self, s: Stmt[Any]) -> str:
        """A guard or a comprehension qualifier; see Note [Text after a guard]."""
        if isinstance(s, SLet) and not self.explicit:
            return self.with_braces(self.stmt, s)
        return self.stmt(s)

    def with_braces(self, print_: Callable[[_T], str], node: _T) -> str:
        """``print_(node)`` with every block inside it printed with braces."""
        if self.explicit:
            return print_(node)
        self.explicit = True
        try:
            return print_(node)
        finally:
            self.explicit = False

    def alt(self, a: Alt[Any]) -> str:
        return self.pat(a.pat) + self.rhs(a.rhs, "->")

    def rhs(self, r: Rhs[Any], eq: str) -> str:
        """`` = body`` or the guards, then the ``where`` block."""
        if r.body is not None:
            text = f" {eq} " + self.expr(r.body)
        elif len(r.guarded) == 1:
            text = " " + self.guarded(r.guarded[0], eq)
        else:
            text = "".join("\n" + _indent(self.guarded(g, eq), 2) for g in r.guarded)
        if not r.where:
            return text
        where = self.decl_block("where", r.where)
        if "\n" not in text and "\n" not in where and len(text) + len(where) <= _INLINE_WIDTH:
            return text + " " + where
        return text + "\n" + _indent(where, 2)

    def guarded(self, g: GuardedRhs[Any], eq: str) -> str:
        if eq == "->":  # See Note [Text after a guard]
            guards = self.with_braces(self.alt_guards, g.guards)
        else:
            guards = ", ".join(self.qualifier(s) for s in g.guards)
        return f"| {guards} {eq} " + self.expr(g.body)

    def alt_guards(self, guards: Sequence[Stmt[Any]]) -> str:
        """The guards of a case alternative, each closed against the ``->`` after it."""
        out = []
        for s in guards:
            if isinstance(s, SExpr | SBind) and _ends_with_type(s.expr):
                paren = EParen(s.expr.span, s.expr)
                s = SExpr(s.span, paren) if isinstance(s, SExpr) else SBind(s.span, s.pat, paren)
            out.append(self.stmt(s))
        return ", ".join(out)

    # -- declarations (Report §4) --

    def decls(self, ds: Sequence[Decl[Any]]) -> list[str]:
        return [item for d in ds for item in self.decl(d)]

    def decl(self, d: Decl[Any]) -> list[str]:
        """The block items of one declaration (one per clause of a function)."""
        if isinstance(d, FunBind):
            return [self.match(d.name, m) for m in d.matches]
        printer = _DECL_PRINTERS.get(type(d))
        if printer is None:
            raise TypeError(f"not a declaration: {d!r}")
        return [printer(self, d)]

    def match(self, name: object, m: Match[Any]) -> str:
        if m.infix and len(m.pats) >= 2:
            left, right = self.pat(m.pats[0], _LPAT), self.pat(m.pats[1], _LPAT)
            lhs = f"{left} {self.infix(name, binder=True)} {right}"
            if len(m.pats) > 2:
                lhs = _paren(lhs) + "".join(" " + self.pat(p, _APAT) for p in m.pats[2:])
        else:
            lhs = self.prefix(name, binder=True)
            lhs += "".join(" " + self.pat(p, _APAT) for p in m.pats)
        return lhs + self.rhs(m.rhs, "=")

    def _pat_bind(self, d: PatBind[Any]) -> str:
        return self.pat(d.pat) + self.rhs(d.rhs, "=")

    def _type_sig(self, d: TypeSig[Any]) -> str:
        names = ", ".join(self.prefix(n, binder=True) for n in d.names)
        return names + " :: " + self.qual_type(d.type)

    def _fixity(self, d: FixityDecl[Any]) -> str:
        ops = ", ".join(self.infix(n, binder=True) for n in d.ops)
        return f"{d.assoc.value} {d.prec} {ops}"

    def _data(self, d: DataDecl[Any]) -> str:
        head = ("newtype " if d.is_newtype else "data ") + self.decl_head(d.name, d.tyvars)
        if d.constrs:
            head += " = " + " | ".join(self.con_decl(c) for c in d.constrs)
        if len(d.deriving) == 1:
            head += " deriving " + self.prefix(d.deriving[0])
        elif d.deriving:
            head += " deriving (" + ", ".join(self.prefix(c) for c in d.deriving) + ")"
        return head

    def decl_head(self, name: object, tyvars: Sequence[object]) -> str:
        return " ".join([self.prefix(name, binder=True)] + [self.name(v) for v in tyvars])

    def con_decl(self, c: ConDecl[Any]) -> str:
        if c.is_record:
            fields = ", ".join(self.record_field(f) for f in c.fields)
            return self.prefix(c.name, binder=True) + (" { " + fields + " }" if fields else " {}")
        if c.is_infix and len(c.fields) == 2:
            left, right = (self.con_field(f, _BTYPE) for f in c.fields)
            return f"{left} {self.infix(c.name, binder=True)} {right}"
        args = "".join(" " + self.con_field(f, _ATYPE) for f in c.fields)
        return self.prefix(c.name, binder=True) + args

    def con_field(self, f: ConField[Any], need: int) -> str:
        return "!" + self.type(f.type, _ATYPE) if f.strict else self.type(f.type, need)

    def record_field(self, f: ConField[Any]) -> str:
        labels = ", ".join(self.prefix(n, binder=True) for n in f.labels)
        return labels + " :: " + self.con_field(f, _TYPE)

    def _type_syn(self, d: TypeSynDecl[Any]) -> str:
        return "type " + self.decl_head(d.name, d.tyvars) + " = " + self.type(d.rhs)

    def _class(self, d: ClassDecl[Any]) -> str:
        head = "class " + self.context(d.context) + self.decl_head(d.name, [d.tyvar])
        return head + self.body(d.decls)

    def _instance(self, d: InstanceDecl[Any]) -> str:
        head = "instance " + self.context(d.context) + self.prefix(d.cls)
        return head + " " + self.type(d.type, _ATYPE) + self.body(d.decls)

    def body(self, ds: Sequence[Decl[Any]]) -> str:
        """A class or instance body; none at all when it is empty."""
        return " " + self.decl_block("where", ds) if ds else ""

    def _default(self, d: DefaultDecl[Any]) -> str:
        return "default (" + ", ".join(self.type(t) for t in d.types) + ")"

    def _foreign(self, d: ForeignImport[Any]) -> str:
        entity = pretty_literal(LitString(d.entity))
        name = self.prefix(d.name, binder=True)
        return f"foreign import {d.callconv} {entity} {name} :: " + self.qual_type(d.type)

    # -- modules (Report §5) --

    def module(self, m: Module[Any]) -> str:
        lines: list[str] = []
        if m.extensions:
            lines.append("{-# LANGUAGE " + ", ".join(m.extensions) + " #-}")
        items = [self.import_decl(i) for i in m.imports] + self.decls(m.decls)
        header = ""
        if m.has_header:
            header = "module " + m.name
            if m.exports is not None:
                header += " (" + ", ".join(self.export(x) for x in m.exports) + ")"
            header += " where"
        if self.explicit:
            body = "{\n" + ";\n".join(items) + "\n}" if items else "{}"
            lines.append(header + " " + body if header else body)
        else:
            lines += [header] if header else []
            lines += items
        return "\n".join(lines) + "\n"

    def export(self, x: ExportItem[Any]) -> str:
        if isinstance(x, IEModule):
            return "module " + x.module
        return self.ie_item(x, binder=False)

    def ie_item(self, x: IEVar[Any] | IEThing[Any], *, binder: bool) -> str:
        text = self.prefix(x.name, binder=binder)
        if isinstance(x, IEVar):
            return text
        if isinstance(x.subs, SubItems):
            return text + "(..)"
        if x.subs:
            text += "(" + ", ".join(self.prefix(s, binder=True) for s in x.subs) + ")"
        return text

    def import_decl(self, i: ImportDecl[Any]) -> str:
        text = "import "
        text += "{-# SOURCE #-} " if i.source else ""
        text += "qualified " if i.qualified else ""
        text += i.module
        text += f" as {i.alias}" if i.alias is not None else ""
        text += " hiding" if i.hiding else ""
        if i.items is not None:
            text += " (" + ", ".join(self.ie_item(x, binder=True) for x in i.items) + ")"
        return text


def _plain(n: object) -> object:
    """The ``Name`` inside a typed tree's name (a ``TcName`` carries one as ``name``,
    see Note [Where types go] in ifacedir.syntax.ast); any other name as it is."""
    inner = getattr(n, "name", None)
    return inner if isinstance(inner, Name) else n


def _occ(n: object) -> str:
    occ = getattr(_plain(n), "occ", None)
    return occ if isinstance(occ, str) else str(n)


def _ends_with_type(e: Expr[Any]) -> bool:
    """Whether ``e``, printed with braces, ends with a type annotation (``x :: T``)."""
    while True:
        if isinstance(e, ETyped):
            return True
        if isinstance(e, ELam | ELet):
            e = e.body
        elif isinstance(e, EIf):
            e = e.else_
        elif isinstance(e, EOpChain) and isinstance(e.items[-1], ELam | ELet | EIf):
            e = e.items[-1]
        elif isinstance(e, EOpApp | ENeg):
            e = e.right if isinstance(e, EOpApp) else e.expr
            if isinstance(e, _OP_APPS):  # parenthesised by _Printer.operand
                return False
        else:
            return False


def _expr_level(e: Expr[Any]) -> int:
    if isinstance(e, ETyped):
        return _EXP
    if isinstance(e, _OP_APPS):
        return _INFIX
    if isinstance(e, _OPEN_RIGHT):
        return _LEXP
    if isinstance(e, EApp):
        return _FEXP
    if isinstance(e, ELit) and _is_negative(e.lit):
        return _INFIX
    return _AEXP


_ExprPrinter = Callable[[_Printer, Any, bool], str]
_EXPR_PRINTERS: Final[dict[type, _ExprPrinter]] = {
    EVar: _Printer._var,
    ECon: _Printer._con,
    ELit: _Printer._lit,
    EApp: _Printer._app,
    EOpChain: _Printer._op_chain,
    EOpApp: _Printer._op_app,
    ENeg: _Printer._neg,
    ELam: _Printer._lam,
    ELet: _Printer._let,
    EIf: _Printer._if,
    ECase: _Printer._case,
    EDo: _Printer._do,
    ETuple: _Printer._tuple,
    EList: _Printer._list,
    EArith: _Printer._arith,
    EListComp: _Printer._list_comp,
    ELeftSection: _Printer._left_section,
    ERightSection: _Printer._right_section,
    EParen: _Printer._paren_expr,
    ETyped: _Printer._typed,
    ERecCon: _Printer._rec_con,
    ERecUpd: _Printer._rec_upd,
}

_DeclPrinter = Callable[[_Printer, Any], str]
_DECL_PRINTERS: Final[dict[type, _DeclPrinter]] = {
    PatBind: _Printer._pat_bind,
    TypeSig: _Printer._type_sig,
    FixityDecl: _Printer._fixity,
    DataDecl: _Printer._data,
    TypeSynDecl: _Printer._type_syn,
    ClassDecl: _Printer._class,
    InstanceDecl: _Printer._instance,
    DefaultDecl: _Printer._default,
    ForeignImport: _Printer._foreign,
}

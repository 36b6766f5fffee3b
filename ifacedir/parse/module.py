"""Modules, exports and imports (Report §5): the ``ModuleParser`` layer, the top of the
parser.

Grammar::

    module  → module modid [exports] where body | body
    body    → { impdecls ; topdecls }                  (one block, imports first)
    exports → ( [export {, export} [,]] )
    export  → qvar | qtycon [(..) | ( cname, ... )] | module modid
    impdecl → import [{-# SOURCE #-}] [qualified] modid [as modid] [[hiding] ( import, ... )]

A module without a header is ``module Main (main) where`` (§5.1).

Steps of ``module``:

1. the header, if any; a parse error here ends the parse (there is no declaration
   boundary to recover at);
2. the body block, one item at a time: imports, then top-level declarations. An
   item that fails is reported and skipped, and parsing resumes at the next item of
   the body (see Note [Recovering at top-level declarations]);
3. the closing brace of the body and the end of the file.

``header`` stops after step 1 and the imports of step 2, for the build driver's
downsweep: it never reads past the first top-level declaration.
"""

from __future__ import annotations

from typing import TypeAlias

from ifacedir.parse.cursor import ParseFailure, is_reserved, is_special, rdr
from ifacedir.parse.declarations import DeclParser, group_bindings
from ifacedir.parse.lexer import QualName, Token, TokenKind
from ifacedir.syntax.ast import (
    Decl,
    ExportItem,
    IEModule,
    IEThing,
    IEVar,
    ImportDecl,
    ImportItem,
    Module,
    SubItems,
)
from ifacedir.syntax.names import RdrName
from ifacedir.syntax.span import SrcLoc, SrcSpan

__all__ = ["ModuleHead", "ModuleParser"]

K = TokenKind
RExport: TypeAlias = "ExportItem[RdrName]"
RImport: TypeAlias = "ImportItem[RdrName]"

# Note [Recovering at top-level declarations]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# After a parse error in an item of the module body we skip tokens until the layout
# stream is back in the body's own block (its context depth is the body's) and the
# next token is a separator of that block, or the body ends. Skipping goes through the
# layout stream, so blocks opened inside the broken item are closed by indentation as
# usual and a later item at the body's indentation is found again; a `{` left open
# by the broken item swallows the rest of the file, as in GHC. Every skip consumes a
# token and the end of the file ends it, so recovery always terminates.


class ModuleHead:
    """What ``header`` and ``module`` read before the body: name, exports, imports."""

    __slots__ = ("exports", "has_header", "imports", "name", "name_span")

    def __init__(self) -> None:
        self.name = "Main"
        self.name_span: SrcSpan | None = None
        self.has_header = False
        self.exports: tuple[RExport, ...] | None = None
        self.imports: list[ImportDecl[RdrName]] = []


class ModuleParser(DeclParser):
    """Report §5; see the module docstring."""

    def module(self, extensions: tuple[str, ...]) -> Module[RdrName] | None:
        """The whole module, or None if its header could not be parsed."""
        first = self.peek().span
        head = ModuleHead()
        try:
            self._header(head)
            explicit = self.open_block().kind is K.SPECIAL
        except ParseFailure as failure:
            self.diagnostics.append(failure.diagnostic)
            return None
        decls = self._body(head, explicit)
        span = self.span_from(first)
        exports = head.exports
        if not head.has_header:
            exports = (IEVar(SrcSpan.point(self.file, SrcLoc(1, 1)), RdrName("main")),)
        return Module(
            span,
            head.name,
            exports,
            tuple(head.imports),
            decls,
            has_header=head.has_header,
            name_span=head.name_span,
            extensions=extensions,
        )

    def header(self) -> ModuleHead:
        """The header and the imports only (for the driver's downsweep)."""
        head = ModuleHead()
        self._header(head)
        self.open_block()
        while True:
            while self.at_separator():
                self.next()
            if not self.at_reserved("import"):
                return head
            head.imports.append(self.import_decl())

    # -- the header ----------------------------------------------------------------------

    def _header(self, head: ModuleHead) -> None:
        if not self.at_reserved("module"):
            return
        self.next()
        token = self.expect_kind(K.CONID, K.QCONID)
        head.name, head.name_span, head.has_header = _module_name(token), token.span, True
        if self.at_special("("):
            head.exports = self._export_list()
        self.expect_reserved("where")

    def _export_list(self) -> tuple[RExport, ...]:
        self.next()
        items: list[RExport] = []
        while not self.at_special(")"):
            items.append(self._export())
            if not self.at_special(","):
                break
            self.next()
        self.expect_special(")")
        return tuple(items)

    def _export(self) -> RExport:
        token = self.peek()
        if is_reserved(token, "module"):
            self.next()
            name = self.expect_kind(K.CONID, K.QCONID)
            return IEModule(self.span_from(token.span), _module_name(name))
        return self._entity(qualified_ok=True)

    def _entity(self, qualified_ok: bool) -> IEVar[RdrName] | IEThing[RdrName]:
        """``var``, ``(op)``, ``T``, ``T(..)`` or ``T(c1, ..., cn)``."""
        token = self.peek()
        if token.kind in (K.QVARID, K.QCONID) and not qualified_ok:
            self.fail()
        if token.kind in (K.VARID, K.QVARID):
            self.next()
            return IEVar(token.span, rdr(token))
        if is_special(token, "("):
            start = self.next().span
            op = self.expect_kind(K.VARSYM, K.QVARSYM, K.CONSYM, K.QCONSYM)
            if op.kind in (K.QVARSYM, K.QCONSYM) and not qualified_ok:
                self.fail(op)
            self.expect_special(")")
            return IEVar(self.span_from(start), rdr(op))
        name = self.expect_kind(K.CONID, K.QCONID)
        if not self.at_special("("):
            return IEThing(name.span, rdr(name))
        subs = self._sub_items()
        return IEThing(self.span_from(name.span), rdr(name), subs)

    def _sub_items(self) -> tuple[RdrName, ...] | SubItems:
        self.next()
        if self.at_op(".."):
            self.next()
            self.expect_special(")")
            return SubItems.ALL
        names: list[RdrName] = []
        while not self.at_special(")"):
            names.append(self._cname())
            if not self.at_special(","):
                break
            self.next()
        self.expect_special(")")
        return tuple(names)

    def _cname(self) -> RdrName:
        """``var | con``, an operator in parentheses included."""
        token = self.peek()
        if token.kind in (K.VARID, K.CONID):
            return rdr(self.next())
        self.expect_special("(")
        op = self.expect_kind(K.VARSYM, K.CONSYM)
        self.expect_special(")")
        return rdr(op)

    # -- imports ---------------------------------------------------------------------------

    def import_decl(self) -> ImportDecl[RdrName]:
        keyword = self.next()
        source = self._at_pragma("SOURCE")
        if source:
            self.next()
        qualified = self._at_varid("qualified")
        if qualified:
            self.next()
        module = self.expect_kind(K.CONID, K.QCONID)
        alias = None
        if self._at_varid("as"):
            self.next()
            alias = _module_name(self.expect_kind(K.CONID, K.QCONID))
        hiding = self._at_varid("hiding")
        if hiding:
            self.next()
        items = self._import_list() if hiding or self.at_special("(") else None
        return ImportDecl(
            self.span_from(keyword.span),
            _module_name(module),
            module.span,
            qualified=qualified,
            alias=alias,
            hiding=hiding,
            items=items,
            source=source,
        )

    def _import_list(self) -> tuple[RImport, ...]:
        self.expect_special("(")
        items: list[RImport] = []
        while not self.at_special(")"):
            items.append(self._entity(qualified_ok=False))
            if not self.at_special(","):
                break
            self.next()
        self.expect_special(")")
        return tuple(items)

    def _at_varid(self, word: str) -> bool:
        token = self.peek()
        return token.kind is K.VARID and token.text == word

    def _at_pragma(self, name: str) -> bool:
        token = self.peek()
        return token.kind is K.PRAGMA and token.value == name

    # -- the body ----------------------------------------------------------------------------

    def _body(self, head: ModuleHead, explicit: bool) -> tuple[Decl[RdrName], ...]:
        depth = len(self.stream.contexts)
        decls: list[Decl[RdrName]] = []
        while True:
            while self.at_separator():
                self.next()
            if self._at_body_end(explicit):
                break
            try:
                self._body_item(head, decls, explicit)
            except ParseFailure as failure:
                self.diagnostics.append(failure.diagnostic)
                self._recover(depth, explicit)
        self._finish(explicit)
        return group_bindings(decls)

    def _body_item(self, head: ModuleHead, decls: list[Decl[RdrName]], explicit: bool) -> None:
        if self.at_reserved("import") and not decls:
            head.imports.append(self.import_decl())
        else:
            decls.append(self.top_decl())
        if not self.at_separator() and not self._at_body_end(explicit):
            self.fail()

    def _at_body_end(self, explicit: bool) -> bool:
        token = self.peek()
        if token.kind is K.EOF:
            return True
        return is_special(token, "}") if explicit else token.kind is K.VRBRACE

    def _finish(self, explicit: bool) -> None:
        try:
            if self.peek().kind is not K.EOF or explicit:
                self.close_block(explicit)
            if self.peek().kind is not K.EOF:
                self.fail()
        except ParseFailure as failure:
            self.diagnostics.append(failure.diagnostic)

    def _recover(self, depth: int, explicit: bool) -> None:
        """See Note [Recovering at top-level declarations]."""
        while True:
            token = self.peek()
            contexts = len(self.stream.contexts)
            if token.kind is K.EOF:
                return
            if contexts == depth and (self.at_separator() or (explicit and is_special(token, "}"))):
                return
            if token.kind is K.VRBRACE and contexts < depth:
                return
            self.next()


def _module_name(token: Token) -> str:
    value = token.value
    return str(value) if isinstance(value, QualName) else token.text

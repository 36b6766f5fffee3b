"""The parser's entry points: source text to ``Module[RdrName]`` (Report chapters 3-5).

``parse_module(text, file)`` returns the module or raises ``SourceError`` with every
diagnostic found; ``parse_module_diagnostics`` returns them instead of raising.

The steps, each a module of ``ifacedir.parse``:

1. ``literate``: a ``.lhs`` file is unlit first (Report §10.4);
2. ``lexer``: the text becomes tokens (Report chapter 2);
3. language pragmas: the ``{-# LANGUAGE ... #-}`` pragmas before the first token of
   the program are read into ``Module.extensions`` and every ``LANGUAGE`` pragma is
   taken out of the token list, since the layout rule must not see it (see Note
   [Language pragmas]);
4. ``layout`` and the grammar layers (``types``, ``patterns``, ``expressions``,
   ``declarations``, ``module``; see Note [One parser class in layers] in
   ifacedir.parse.cursor): a recursive-descent parser that drives the layout stream.

The whole pipeline runs under ``run_deep`` (ifacedir.util.deep), so that deeply nested
input is parsed on a big stack; nesting beyond ``MAX_NESTING`` is a diagnostic (P003).
Lexical errors do not stop the parse: every diagnostic of every step is reported, in
source order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ifacedir.diagnostics import Diagnostic, SourceError, error, has_errors
from ifacedir.parse.lexer import Token, TokenKind, tokenize
from ifacedir.parse.literate import is_literate_path, unlit
from ifacedir.parse.module import ModuleParser
from ifacedir.syntax.ast import Module
from ifacedir.syntax.names import RdrName
from ifacedir.util.deep import run_deep

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "language_pragmas",
    "parse_module",
    "parse_module_diagnostics",
    "program_text",
]

SUPPORTED_EXTENSIONS: Final = frozenset({"NoImplicitPrelude"})

_PRAGMA_BODY: Final = re.compile(r"\{-#\s*[A-Za-z]+(?P<body>.*?)#-\}", re.DOTALL)
_EXTENSION: Final = re.compile(r"[A-Za-z][A-Za-z0-9_]*")

# Note [Language pragmas]
# ~~~~~~~~~~~~~~~~~~~~~~~
# GHC reads `{-# LANGUAGE ... #-}` only before the module header ("file-header
# pragmas"); elsewhere it ignores them. The subset supports one extension,
# NoImplicitPrelude (package base needs it); any other name is reported as unsupported
# rather than ignored, since a program that needs it would be misread. The pragma
# tokens are then removed from the token list: the layout rule gives the *first*
# token of a module without a header an implicit block, and that token must be the
# program's, not a pragma (Report §10.3).


def parse_module(text: str, file: str) -> Module[RdrName]:
    """The module in ``text``; raises ``SourceError`` with all diagnostics on error."""
    module, diagnostics = parse_module_diagnostics(text, file)
    if module is None or has_errors(diagnostics):
        raise SourceError(diagnostics)
    return module


def parse_module_diagnostics(
    text: str, file: str
) -> tuple[Module[RdrName] | None, tuple[Diagnostic, ...]]:
    """The module (None if even its header failed) and every diagnostic, in source order.

    The module is complete only when there is no error among the diagnostics; after an
    error it lacks the declarations that failed to parse.
    """
    return run_deep(_parse, text, file)


def _parse(text: str, file: str) -> tuple[Module[RdrName] | None, tuple[Diagnostic, ...]]:
    source, diagnostics = program_text(text, file)
    lexed = tokenize(source, file)
    diagnostics.extend(lexed.diagnostics)
    tokens, extensions, found = language_pragmas(lexed.tokens)
    diagnostics.extend(found)
    parser = ModuleParser(tokens, file)
    module = parser.module(extensions)
    diagnostics.extend(parser.diagnostics)
    reported = {d.span.start for d in parser.diagnostics}
    # A stray `}` is a parse error and, once recovery skips it, an L201 from the layout
    # stream as well: one message per place is enough.
    diagnostics.extend(d for d in parser.stream.diagnostics if d.span.start not in reported)
    diagnostics.sort(key=lambda d: d.span)
    return module, tuple(diagnostics)


def program_text(text: str, file: str) -> tuple[str, list[Diagnostic]]:
    """The program text of ``file`` (unlit if it is literate) and the errors found."""
    if not is_literate_path(file):
        return text, []
    result = unlit(text, file)
    return result.source, list(result.diagnostics)


def language_pragmas(
    tokens: Sequence[Token],
) -> tuple[list[Token], tuple[str, ...], list[Diagnostic]]:
    """The tokens without LANGUAGE pragmas, the extensions named before the program,
    and errors for unsupported ones. See Note [Language pragmas]."""
    extensions: list[str] = []
    diagnostics: list[Diagnostic] = []
    kept: list[Token] = []
    for token in tokens:
        if not (token.kind is TokenKind.PRAGMA and token.value == "LANGUAGE"):
            kept.append(token)
        elif not kept:
            _read_extensions(token, extensions, diagnostics)
    return kept, tuple(extensions), diagnostics


def _read_extensions(token: Token, extensions: list[str], diagnostics: list[Diagnostic]) -> None:
    m = _PRAGMA_BODY.fullmatch(token.text)
    names = [n.strip() for n in m.group("body").split(",")] if m else []
    for name in names:
        if not _EXTENSION.fullmatch(name):
            diagnostics.append(error("L010", token.span, "malformed LANGUAGE pragma"))
        elif name not in SUPPORTED_EXTENSIONS:
            message = f"unsupported: language extension {name}"
            diagnostics.append(error("P002", token.span, message))
        elif name not in extensions:
            extensions.append(name)

"""Modules (Report §5): headers, export and import lists, LANGUAGE pragmas, literate
scripts, and ``parse_header``, which reads no further than the imports."""

from __future__ import annotations

import pytest
from parse_helpers import diagnostics, module, sexp

from ifacedir.diagnostics import SourceError
from ifacedir.parse.header import ModuleHeader, parse_header
from ifacedir.syntax.ast import IEVar, SubItems
from ifacedir.syntax.names import RdrName


def test_export_list_items() -> None:
    src = (
        "module M (f, (+), T, T(..), T(C1, f), C((+), m), module N, M.g, M.T(..), (M.+))"
        " where\nx = 1\n"
    )
    assert sexp(module(src).exports) == (
        "[(IEVar f) (IEVar +) (IEThing T) (IEThing T (..)) (IEThing T [C1 f])"
        " (IEThing C [+ m]) (IEModule 'N') (IEVar M.g) (IEThing M.T (..)) (IEVar M.+)]"
    )


def test_export_list_may_end_with_a_comma_or_be_empty() -> None:
    assert sexp(module("module M (f,) where\n").exports) == "[(IEVar f)]"
    assert module("module M () where\n").exports == ()
    assert module("module M where\n").exports is None


def test_hierarchical_module_name_and_its_span() -> None:
    m = module("module A.B.C where\n")
    assert m.name == "A.B.C"
    assert str(m.name_span) == "M.hs:1:8-12"
    assert m.has_header


def test_no_header_means_main_exporting_main() -> None:
    m = module("x = 1\n")
    assert (m.name, m.has_header, m.name_span) == ("Main", False, None)
    assert m.exports is not None
    (item,) = m.exports
    assert isinstance(item, IEVar) and item.name == RdrName("main")


def test_empty_file_is_an_empty_main() -> None:
    m = module("")
    assert (m.name, m.imports, m.decls) == ("Main", (), ())


def test_imports() -> None:
    src = (
        "module M where\nimport A\nimport qualified B\nimport C as D\n"
        "import qualified E.F as G hiding (x)\n"
        "import {-# SOURCE #-} H (T(..), f, (+), C(m))\nimport I ()\nimport J hiding ()\n"
    )
    assert sexp(module(src).imports) == (
        "[(ImportDecl 'A') (ImportDecl 'B' True) (ImportDecl 'C' 'D')"
        " (ImportDecl 'E.F' True 'G' True [(IEVar x)])"
        " (ImportDecl 'H' [(IEThing T (..)) (IEVar f) (IEVar +) (IEThing C [m])] True)"
        " (ImportDecl 'I' []) (ImportDecl 'J' True [])]"
    )


def test_import_spans() -> None:
    (imp,) = module("import qualified Data.List as L\n").imports
    assert str(imp.span) == "M.hs:1:1-31"
    assert str(imp.module_span) == "M.hs:1:18-26"


def test_import_everything_of_a_type() -> None:
    (imp,) = module("import A (T(..))\n").imports
    assert imp.items is not None
    assert imp.items[0].subs is SubItems.ALL  # type: ignore[union-attr]


def test_qualified_names_are_refused_in_import_lists() -> None:
    assert diagnostics("import A (B.x)\n")[0].code == "P001"


def test_language_pragma_goes_to_extensions() -> None:
    m = module("{-# LANGUAGE NoImplicitPrelude #-}\nmodule M where\n")
    assert m.extensions == ("NoImplicitPrelude",)
    assert m.name == "M"


def test_language_pragma_before_a_headerless_module() -> None:
    m = module("{-# LANGUAGE NoImplicitPrelude #-}\nx = 1\n")
    assert m.extensions == ("NoImplicitPrelude",)
    assert len(m.decls) == 1


@pytest.mark.parametrize("name", ["GADTs", "TemplateHaskell", "BangPatterns"])
def test_other_extensions_are_unsupported(name: str) -> None:
    (d,) = diagnostics(f"{{-# LANGUAGE {name} #-}}\nmodule M where\n")
    assert (d.code, d.message) == ("P002", f"unsupported: language extension {name}")
    assert str(d.span.start) == "1:1"


def test_unknown_pragmas_are_ignored() -> None:
    assert diagnostics("{-# OPTIONS_GHC -Wall #-}\nmodule M where\n{-# INLINE f #-}\nf = 1\n") == ()


def test_source_pragma_outside_an_import_is_an_error() -> None:
    (d,) = diagnostics("f = {-# SOURCE #-} 1\n")
    assert d.code == "P001"


def test_literate_script() -> None:
    src = "A comment.\n\n> module M where\n> f = 1\n\nMore text.\n"
    assert sexp(module(src, "M.lhs")) == sexp(module("\n\n module M where\n f = 1\n"))


def test_literate_errors_are_reported() -> None:
    with pytest.raises(SourceError) as info:
        module("text\n> f = 1\n", "M.lhs")
    assert info.value.diagnostics[0].code == "L101"


def test_parse_header_stops_before_declarations() -> None:
    src = (
        "{-# LANGUAGE NoImplicitPrelude #-}\nmodule A.B (x) where\n"
        'import {-# SOURCE #-} C\nimport qualified D as E\nx = )))\n"unterminated\n'
    )
    header = parse_header(src, "A/B.hs")
    assert isinstance(header, ModuleHeader)
    assert (header.name, header.has_header, header.extensions) == (
        "A.B",
        True,
        ("NoImplicitPrelude",),
    )
    assert str(header.name_span) == "A/B.hs:2:8-10"
    assert sexp(header.exports) == "[(IEVar x)]"
    assert sexp(header.imports) == "[(ImportDecl 'C' True) (ImportDecl 'D' True 'E')]"


def test_parse_header_of_a_headerless_module() -> None:
    header = parse_header("import A\nmain = f\n", "Main.hs")
    assert (header.name, header.has_header, header.name_span) == ("Main", False, None)
    assert [i.module for i in header.imports] == ["A"]


def test_parse_header_in_explicit_braces() -> None:
    header = parse_header("module M where { import A ; import B ; f = 1 }", "M.hs")
    assert [i.module for i in header.imports] == ["A", "B"]


def test_parse_header_reports_a_broken_header() -> None:
    with pytest.raises(SourceError) as info:
        parse_header("module m where\n", "m.hs")
    assert str(info.value.diagnostics[0].span.start) == "1:8"
    with pytest.raises(SourceError):
        parse_header("module M where\nimport qualified\n", "M.hs")


def test_parse_header_with_a_long_export_list_grows_its_prefix() -> None:
    names = [f"f{i}" for i in range(1_500)]
    src = "module M\n  ( " + "\n  , ".join(names) + "\n  ) where\nimport A\nx = 1\n"
    header = parse_header(src, "M.hs")
    assert header.exports is not None and len(header.exports) == 1_500
    assert [i.module for i in header.imports] == ["A"]


def test_parse_header_after_a_long_comment() -> None:
    src = "{-\n" + "comment\n" * 1_000 + "-}\nmodule M where\nimport A\nimport B\nf = 1\n"
    assert [i.module for i in parse_header(src, "M.hs").imports] == ["A", "B"]


def test_parse_header_agrees_with_parse_module_on_a_big_file() -> None:
    imports = "".join(f"import qualified M{i} as N{i}\n" for i in range(300))
    body = "".join(f"f{i} x = x + {i}\n" for i in range(3_000))
    src = "module Big (f0) where\n" + imports + body
    header = parse_header(src, "Big.hs")
    full = module(src, "Big.hs")
    assert sexp(header.imports) == sexp(full.imports)
    assert sexp(header.exports) == sexp(full.exports)

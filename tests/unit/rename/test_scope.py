"""Import declarations and the top-level environment (Report §5.3, §5.5)."""

from __future__ import annotations

from rename_helpers import errors_of, first_error, rename_all

from ifacedir.syntax.ast import ECon, EVar, FunBind
from ifacedir.syntax.names import Name, NameSpace

A = """\
module A (T(..), f, g, name) where
data T = X | Y | T
f = X
g = Y
name = "A"
"""

B = """\
module B (name) where
name = "B"
"""


def main(*body: str, imports: str = "") -> str:
    return "module Main (main) where\n" + imports + "\n".join(body) + "\n"


def rhs_name(text: str, *modules: str, binder: str = "main") -> Name:
    """The name the right-hand side ``binder = v`` of Main resolved ``v`` to."""
    renamed = rename_all(*modules, text)["Main"].module
    for d in renamed.decls:
        if isinstance(d, FunBind) and d.name.occ == binder:
            body = d.matches[0].rhs.body
            assert isinstance(body, EVar | ECon)
            return body.name
    raise AssertionError(binder)


def test_import_all_brings_qualified_and_unqualified() -> None:
    text = main("main = f", "h = A.g", imports="import A\n")
    assert rhs_name(text, A) == Name("main", "A", "f", NameSpace.VAR)


def test_import_list_restricts_qualified_names_too() -> None:
    text = main("main = A.f", "h = A.g", imports="import A (f)\n")
    assert first_error(A, text) == "R001 4:5 Not in scope: ‘A.g’"


def test_hiding_restricts_qualified_names_too() -> None:
    text = main("main = A.f", "h = A.g", imports="import A hiding (g)\n")
    assert first_error(A, text) == "R001 4:5 Not in scope: ‘A.g’"


def test_abstract_import_has_no_constructors() -> None:
    text = main("main = X", "t :: T", "t = f", imports="import A (T, f)\n")
    assert first_error(A, text).startswith("R001 3:8 Data constructor not in scope: X")


def test_import_some_constructors() -> None:
    ok = main("main = X", imports="import A (T(X))\n")
    assert rhs_name(ok, A).occ == "X"
    bad = main("main = Y", imports="import A (T(X))\n")
    assert first_error(A, bad).startswith("R001 3:8")


def test_import_of_unexported_name() -> None:
    text = main("main = f", imports="import A (f, nope)\n")
    assert first_error(A, text) == "R013 2:14 Module ‘A’ does not export ‘nope’"


def test_import_of_bare_constructor() -> None:
    text = main("main = f", imports="import A (X, f)\n")
    assert first_error(A, text).startswith("R013 2:11 In module ‘A’: ‘X’ is a data constructor")


def test_hiding_a_type_hides_the_constructor_of_that_name() -> None:
    text = main("main = T", imports="import A hiding (T)\n")
    assert first_error(A, text).startswith("R001 3:8 Data constructor not in scope: T")
    still = main("main = X", imports="import A hiding (T)\n")
    assert rhs_name(still, A).occ == "X"


def test_hiding_an_absent_name_is_accepted() -> None:
    assert not errors_of(A, main("main = f", imports="import A hiding (nothing, Nope)\n"))


def test_qualified_only() -> None:
    text = main("main = A.f", "h = f", imports="import qualified A\n")
    assert first_error(A, text) == "R001 4:5 Variable not in scope: f"


def test_alias_replaces_the_module_name() -> None:
    text = main("main = Q.f", "h = A.f", imports="import qualified A as Q\n")
    assert first_error(A, text) == "R001 4:5 Not in scope: ‘A.f’"


def test_shared_alias() -> None:
    ok = main(
        "main = L.f", "h = L.name", imports="import qualified A as L\nimport qualified B as L\n"
    )
    assert first_error(A, B, ok).startswith("R002 5:5 Ambiguous occurrence ‘L.name’")
    fine = main("main = L.f", imports="import qualified A as L\nimport qualified B as L\n")
    assert rhs_name(fine, A, B).module == "A"


def test_ambiguity_only_on_use() -> None:
    unused = main("main = f", imports="import A\nimport B\n")
    assert not errors_of(A, B, unused)
    used = main("main = name", imports="import A\nimport B\n")
    diags = errors_of(A, B, used)
    assert [d.code for d in diags] == ["R002"]
    assert "‘A.name’, imported from ‘A’" in diags[0].notes[0]
    assert "‘B.name’, imported from ‘B’" in diags[0].notes[1]


def test_ambiguity_between_import_and_top_level() -> None:
    text = main("main = name", "name = 1", imports="import A\n")
    assert first_error(A, text).startswith("R002 3:8 Ambiguous occurrence ‘name’")
    assert rhs_name(main("main = Main.name", "name = 1", imports="import A\n"), A).module == "Main"


def test_one_entity_through_two_paths_is_not_ambiguous() -> None:
    c = "module C (module A) where\nimport A\n"
    text = main("main = f", imports="import A\nimport C\n")
    assert rhs_name(text, A, c) == Name("main", "A", "f", NameSpace.VAR)


def test_self_qualifier_covers_only_own_names() -> None:
    text = main("main = Main.putStrLn")
    assert first_error(text) == "R001 2:8 Not in scope: ‘Main.putStrLn’"


def test_local_binding_shadows_clashing_imports() -> None:
    text = main("main = let name = 1 in name", imports="import A\nimport B\n")
    assert not errors_of(A, B, text)


def test_implicit_prelude_replaced_by_explicit_import() -> None:
    text = main("main = P.id", "h = id", imports="import qualified Prelude as P\n")
    assert first_error(text) == "R001 4:5 Variable not in scope: id"


def test_missing_module() -> None:
    assert first_error(main("main = 1", imports="import Nowhere\n")).startswith(
        "R014 2:1 Could not find module ‘Nowhere’"
    )


def test_instances_visible_through_dependencies() -> None:
    c = "module C () where\nimport A ()\n"
    renamed = rename_all(A, c, main("main = 1", imports="import C ()\n"))
    assert renamed["Main"].exports.deps == ("A", "C", "Prelude")

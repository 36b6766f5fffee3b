"""Export lists (Report §5.2) and the ModuleExports they produce."""

from __future__ import annotations

from rename_helpers import errors_of, first_error, rename_all

from ifacedir.rename.env import Avail, Fixity, ModuleExports
from ifacedir.syntax.ast import Assoc
from ifacedir.syntax.names import Name, NameSpace

A = """\
module A (T(..), Shape(..), P(..), describe, (-:)) where
infixr 5 -:
data T = X | Y | Z
data P = P { px :: Int, py :: Int }
class Shape a where
  area :: a -> Int
  label :: a -> Int
describe t = 1
a -: b = a
"""


def n(module: str, occ: str, space: NameSpace) -> Name:
    return Name("main", module, occ, space)


def exported(*modules: str) -> ModuleExports:
    return rename_all(A, *modules)[_name_of(modules[-1])].exports


def _name_of(text: str) -> str:
    return text.split()[1]


def occs(ex: ModuleExports) -> set[str]:
    return {x.occ for x in ex.names()}


def test_avails_group_subordinates_with_parents() -> None:
    ex = rename_all(A)["A"].exports
    t = n("A", "T", NameSpace.TYCON)
    assert Avail(t, tuple(n("A", c, NameSpace.CON) for c in "XYZ")) in ex.avails
    assert (n("A", "X", NameSpace.CON), t) in ex.parents
    assert ex.fields == (n("A", "px", NameSpace.VAR), n("A", "py", NameSpace.VAR))
    assert ex.fixities == ((n("A", "-:", NameSpace.VAR), Fixity(Assoc.RIGHT, 5)),)


def test_dotdot_exports_only_what_is_in_scope() -> None:
    b = "module B (T(..), Shape(..), P(..)) where\nimport A (T(X), Shape(area), P(P, px))\n"
    assert occs(exported(b)) == {"T", "X", "Shape", "area", "P", "px"}


def test_dotdot_of_an_abstract_import_exports_no_constructor() -> None:
    assert occs(exported("module B (T(..)) where\nimport A (T)\n")) == {"T"}


def test_items_accumulate() -> None:
    b = "module B (T(X), T(Y), Shape(area), Shape(label)) where\nimport A\n"
    assert occs(exported(b)) == {"T", "X", "Y", "Shape", "area", "label"}


def test_same_entity_twice_is_fine() -> None:
    b = "module B (describe, A.describe, module A) where\nimport A\n"
    assert "describe" in occs(exported(b))


def test_conflicting_exports_at_the_second_item() -> None:
    b = "module B (describe) where\ndescribe = 2\n"
    c = "module C (A.describe, B.describe) where\nimport qualified A\nimport qualified B\n"
    assert first_error(A, b, c).startswith("R011 1:23 Conflicting exports for ‘describe’")


def test_module_self_and_module_import_conflict() -> None:
    c = "module C (module C, module A) where\nimport A\ndescribe = 3\n"
    assert first_error(A, c).startswith("R011 1:21 Conflicting exports")


def test_namespaces_do_not_conflict() -> None:
    b = "module B (P(..), Pair(..)) where\nimport A\ndata Pair = Pair2 | Q\n"
    c = "module C (module B, Q) where\nimport B\ndata Q = Q\n"
    assert not errors_of(A, b, c)  # constructor B.Q and type C.Q live apart
    ok = "module D (P(..), P2) where\nimport A\ndata P2 = P\n"
    assert occs(exported(ok)) == {"P", "px", "py", "P2"}


def test_module_export_needs_unqualified_and_qualified() -> None:
    b = "module B (module A) where\nimport A (describe)\nimport qualified A as Q\n"
    assert occs(exported(b)) == {"describe"}
    b2 = "module B (module Q) where\nimport qualified A as Q\n"
    assert occs(exported(b2)) == set()


def test_module_export_not_imported() -> None:
    b = "module B (module A, h) where\nh = 1\n"
    assert first_error(A, b) == "R012 1:11 The export item ‘module A’ is not imported"


def test_module_self_export_excludes_imports_unless_aliased() -> None:
    b = "module B (module B) where\nimport A\nshout = 1\n"
    assert occs(exported(b)) == {"shout"}
    b2 = "module B (module B) where\nimport A as B\nshout = 1\n"
    assert "describe" in occs(exported(b2))


def test_no_export_list_exports_own_names_only() -> None:
    b = "module B where\nimport A\nhelper = describe\ndata U = U\n"
    assert occs(exported(b)) == {"helper", "U"}


def test_export_errors() -> None:
    assert first_error("module B (nope) where\n") == "R001 1:11 Not in scope: ‘nope’"
    assert first_error("module B (X) where\ndata T = X\n").startswith(
        "R001 1:11 Not in scope: type constructor or class ‘X’"
    )
    assert first_error("module B (T(Z)) where\ndata T = X\ndata U = Z\n").startswith(
        "R010 1:11 The type constructor ‘T’ is not the parent of the data constructor ‘Z’"
    )


def test_ambiguous_export_item() -> None:
    b = "module B (describe) where\ndescribe = 1\n"
    c = "module C (describe) where\nimport A\nimport B\n"
    assert first_error(A, b, c).startswith("R002 1:11 Ambiguous occurrence ‘describe’")


def test_main_must_be_exported_and_defined() -> None:
    assert first_error("module Main (helper) where\nhelper = 1\nmain = helper\n") == (
        "R015 1:1 The IO action ‘main’ is not exported by module ‘Main’"
    )
    assert first_error("module Main where\nhelper = 1\n") == (
        "R016 1:1 The IO action ‘main’ is not defined in module ‘Main’"
    )


def test_fixity_travels_through_reexport() -> None:
    b = "module B ((-:)) where\nimport A\n"
    assert exported(b).fixities == ((n("A", "-:", NameSpace.VAR), Fixity(Assoc.RIGHT, 5)),)


def test_field_exported_alone_keeps_its_parent() -> None:
    ex = exported("module B (px) where\nimport A\n")
    assert ex.avails == (Avail(n("A", "px", NameSpace.VAR)),)
    assert ex.parents == ((n("A", "px", NameSpace.VAR), n("A", "P", NameSpace.TYCON)),)
    c = "module C (P(..)) where\nimport A (P)\nimport B\n"
    # C sees px (through B) as a child of P, so P(..) exports it.
    assert occs(rename_all(A, "module B (px) where\nimport A\n", c)["C"].exports) == {"P", "px"}

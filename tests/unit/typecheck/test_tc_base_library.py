"""The foundations on the real package base: every type, class, instance and signature
declaration of ifacedir/lib/base, renamed by ifacedir.rename, goes through kind
inference, the validity checks, ``convert`` and the ``ClassEnv`` without an error, and
the declared schemes print as GHC prints the same Prelude functions.

Recorded from GHC 9.0.2 (``:type +v`` shows the declared, not re-inferred, type):

    $ ghc -XHaskell2010 -e ':set -fprint-explicit-foralls' -e ':t +v map' ...
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field

import pytest
from tc_builders import normalise_ghc

from ifacedir.rename.program import base_dir, rename_base_library
from ifacedir.syntax import ast
from ifacedir.syntax.names import Name
from ifacedir.syntax.types import Kind, Scheme, pretty_kind, pretty_scheme
from ifacedir.typecheck.classes import Class, ClassEnv, add_class, add_inst
from ifacedir.typecheck.convert import (
    Synonym,
    TypeScope,
    constructor_scheme,
    instance_head,
    method_scheme,
    sig_scheme,
    synonym,
)
from ifacedir.typecheck.kinds import infer_kinds, kind_groups
from ifacedir.typecheck.state import TcState
from ifacedir.typecheck.validity import (
    check_class_methods,
    check_instance,
    superclass_cycles,
    synonym_cycles,
)

GHC_TYPES = """\
map :: forall a b. (a -> b) -> [a] -> [b]
lookup :: forall a b. Eq a => a -> [(a, b)] -> Maybe b
zipWith3 :: forall a b c d. (a -> b -> c -> d) -> [a] -> [b] -> [c] -> [d]
fromIntegral :: forall a b. (Integral a, Num b) => a -> b
realToFrac :: forall a b. (Real a, Fractional b) => a -> b
(^) :: forall a b. (Num a, Integral b) => a -> b -> a
properFraction :: forall a b. (RealFrac a, Integral b) => a -> (b, a)
either :: forall a c b. (a -> c) -> (b -> c) -> Either a b -> c
maybe :: forall b a. b -> (a -> b) -> Maybe a -> b
until :: forall a. (a -> Bool) -> (a -> a) -> a -> a
curry :: forall a b c. ((a, b) -> c) -> a -> b -> c
gcd :: forall a. Integral a => a -> a -> a
fmap :: forall (f :: * -> *) a b. Functor f => (a -> b) -> f a -> f b
(>>=) :: forall (m :: * -> *) a b. Monad m => m a -> (a -> m b) -> m b
Just :: forall a. a -> Maybe a
show :: forall a. Show a => a -> String
toEnum :: forall a. Enum a => Int -> a
iterate :: forall a. (a -> a) -> a -> [a]
print :: forall a. Show a => a -> IO ()
lines :: String -> [String]
"""


@dataclass
class _Base:
    """What a module's declarations give importers, accumulated over package base."""

    st: TcState = field(default_factory=TcState)
    kinds: dict[Name, Kind] = field(default_factory=dict)
    synonyms: dict[Name, Synonym] = field(default_factory=dict)
    schemes: dict[Name, Scheme] = field(default_factory=dict)
    ce: ClassEnv = field(default_factory=ClassEnv)

    def module(self, decls: tuple[ast.Decl[Name], ...]) -> None:
        self.kinds.update(infer_kinds(self.st, self.kinds, decls))
        synonym_cycles(self.st, decls)
        superclass_cycles(self.st, decls)
        ordered = [td for group in kind_groups(decls) for td in group]
        for syn in ordered:
            if isinstance(syn, ast.TypeSynDecl):
                self.synonyms[syn.name] = synonym(self.st, self.scope(), syn)
        for td in ordered:
            if isinstance(td, ast.ClassDecl):
                self.class_decl(td)
            elif isinstance(td, ast.DataDecl):
                for c in td.constrs:
                    self.schemes[c.name] = constructor_scheme(self.st, self.scope(), td, c)
        for d in decls:
            if isinstance(d, ast.InstanceDecl):
                check_instance(self.st, self.synonyms, d)
                qual = instance_head(self.st, self.scope(), d)
                self.ce = add_inst(self.ce, qual.preds, qual.head)
            elif isinstance(d, ast.TypeSig):
                sc = sig_scheme(self.st, self.scope(), d.type)
                self.schemes.update(dict.fromkeys(d.names, sc))
            elif isinstance(d, ast.ForeignImport):
                self.schemes[d.name] = sig_scheme(self.st, self.scope(), d.type)

    def class_decl(self, d: ast.ClassDecl[Name]) -> None:
        check_class_methods(self.st, d)
        methods: list[Name] = []
        for sig in d.decls:
            if isinstance(sig, ast.TypeSig):
                sc = method_scheme(self.st, self.scope(), d.name, d.tyvar, sig.type)
                self.schemes.update(dict.fromkeys(sig.names, sc))
                methods.extend(sig.names)
        supers = tuple(p.cls for p in d.context)
        self.ce = add_class(self.ce, Class(d.name, self.kinds[d.name], supers, tuple(methods)))

    def scope(self) -> TypeScope:
        return TypeScope(self.kinds, self.synonyms)


@pytest.fixture(scope="module")
def base() -> _Base:
    if not (base_dir() / "Prelude.hs").is_file():
        pytest.skip("package base has no Prelude.hs yet")
    renamed = rename_base_library()
    if not renamed.ok:
        pytest.skip(f"package base does not rename yet: {renamed.diagnostics[:1]}")
    b = _Base()
    for m in renamed.modules:
        b.module(m.module.decls)
    return b


def test_base_declarations_have_no_type_errors(base: _Base) -> None:
    assert base.st.errors == []
    assert len(base.ce.classes()) >= 15 and len(base.ce.instances()) >= 100


def test_base_kinds(base: _Base) -> None:
    kinds = {n.occ: pretty_kind(k) for n, k in base.kinds.items()}
    assert kinds["IO"] == kinds["Maybe"] == kinds["Monad"] == "* -> *"
    assert kinds["Either"] == "* -> * -> *"
    assert kinds["Int"] == kinds["Eq"] == "*"


def test_base_schemes_print_as_ghc_declares_them(base: _Base) -> None:
    ours = {n.occ: pretty_scheme(sc) for n, sc in base.schemes.items()}
    for line in GHC_TYPES.splitlines():
        name, _, ghc = line.partition(" :: ")
        expanded = re.sub(r"\bString\b", "[Char]", ghc)  # Note [Types are synonym-free]
        assert ours[name.strip("()")] == normalise_ghc(expanded), name


@pytest.mark.ghc
@pytest.mark.skipif(shutil.which("ghc") is None, reason="ghc is not installed")
def test_recorded_types_are_what_ghc_declares() -> None:
    names = [line.partition(" :: ")[0] for line in GHC_TYPES.splitlines()]
    args = ["-e", ":set -fprint-explicit-foralls"]
    for n in names:
        args += ["-e", f":t +v {n}"]
    out = subprocess.run(
        ["ghc", "-XHaskell2010", *args], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    joined = re.sub(r"\n\s+", " ", out).replace("  ", " ")
    assert [" ".join(line.split()) for line in joined.splitlines()] == GHC_TYPES.splitlines()

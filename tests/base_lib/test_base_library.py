"""Package base (ifacedir/lib/base): layout, parsing, conventions, and the GHC shim run.

The shim run (``check_with_ghc.py``) typechecks every module under GHC with the
primitives implemented by GHC's own, then runs the programs of ``programs/`` against
our Prelude and GHC's and compares their output. It is marked ``ghc`` and skipped
without a ghc on PATH.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import check_with_ghc
import pytest

from ifacedir.lib import base_source_dir

BASE = base_source_dir()
MODULE_FILES = sorted(BASE.rglob("*.hs"))
SPEC = Path(__file__).resolve().parents[2] / "spec" / "LIBRARY.md"


def module_name(path: Path) -> str:
    return path.relative_to(BASE).with_suffix("").as_posix().replace("/", ".")


def test_base_source_dir_holds_the_core_modules() -> None:
    names = {module_name(p) for p in MODULE_FILES}
    assert {"GHC.Types", "GHC.Prim", "GHC.Base", "Prelude", "Data.List", "System.IO"} <= names


@pytest.mark.parametrize("path", MODULE_FILES, ids=module_name)
def test_module_parses_with_the_header_its_path_names(path: Path) -> None:
    parser = pytest.importorskip("ifacedir.parse.parser")
    module = parser.parse_module(path.read_text(), str(path))
    assert module.name == module_name(path)
    assert module.exports is not None, "every module of base has an export list"
    assert "NoImplicitPrelude" in module.extensions


def test_primitives_follow_the_naming_rule_and_are_documented() -> None:
    prims = check_with_ghc.primitives((BASE / "GHC" / "Prim.hs").read_text())
    assert prims
    spec = SPEC.read_text()
    for entity, name, _ in prims:
        assert name == "prim" + entity[0].upper() + entity[1:]
        assert f"`{name}`" in spec, f"{name} is not documented in spec/LIBRARY.md"
        assert name in check_with_ghc.PRIM_IMPLS


def test_only_ghc_prim_declares_primitives() -> None:
    for path in MODULE_FILES:
        if module_name(path) != "GHC.Prim":
            assert "foreign import" not in path.read_text(), path


def test_every_module_is_documented() -> None:
    spec = SPEC.read_text()
    for path in MODULE_FILES:
        assert re.search(rf"^#+ `{re.escape(module_name(path))}`", spec, re.MULTILINE), path


@pytest.mark.ghc
@pytest.mark.skipif(shutil.which("ghc") is None, reason="ghc is not installed")
def test_base_agrees_with_ghc_through_the_shims(capsys: pytest.CaptureFixture[str]) -> None:
    # The expected outputs are GHC 9.0.2's (error messages and Show output change
    # between GHC versions); with another GHC only the typecheck is meaningful.
    full = check_with_ghc.ghc_version() == "9.0.2"
    status = check_with_ghc.main([] if full else ["--typecheck-only"])
    out = capsys.readouterr().out
    assert status == 0, out


def _parsed() -> dict[str, object]:
    parser = pytest.importorskip("ifacedir.parse.parser")
    return {module_name(p): parser.parse_module(p.read_text(), str(p)) for p in MODULE_FILES}


def test_import_graph_is_acyclic_and_bottoms_out_in_ghc_types() -> None:
    mods = _parsed()
    imports = {name: [i.module for i in m.imports] for name, m in mods.items()}  # type: ignore[attr-defined]
    assert imports["GHC.Types"] == []
    assert imports["GHC.Prim"] == ["GHC.Types"]
    for name, deps in imports.items():
        assert set(deps) <= set(mods), f"{name} imports a module outside base: {deps}"
    done: set[str] = set()
    visiting: set[str] = set()

    def visit(name: str) -> None:
        assert name not in visiting, f"import cycle through {name}"
        if name in done:
            return
        visiting.add(name)
        for dep in imports[name]:
            visit(dep)
        visiting.discard(name)
        done.add(name)

    for name in imports:
        visit(name)


# Haskell 2010 Prelude (Report chapter 9) with GHC 9.0's changes inside the subset:
# Monad's fail moved to MonadFail, Functor gained (<$), Applicative and (<$>) added,
# errorWithoutStackTrace added.
PRELUDE_NAMES = frozenset(
    str.split(
        """
Bool False True Maybe Nothing Just Either Left Right Ordering LT EQ GT
Char String Int Integer Float Double Rational IO
Eq == /= Ord compare < <= >= > max min
Enum succ pred toEnum fromEnum enumFrom enumFromThen enumFromTo enumFromThenTo
Bounded minBound maxBound
Num + - * negate abs signum fromInteger Real toRational
Integral quot rem div mod quotRem divMod toInteger Fractional / recip fromRational
Floating pi exp log sqrt ** logBase sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh
RealFrac properFraction truncate round ceiling floor
RealFloat floatRadix floatDigits floatRange decodeFloat encodeFloat exponent significand
scaleFloat isNaN isInfinite isDenormalized isNegativeZero isIEEE atan2
Functor fmap <$ <$> Applicative pure <*> *> <* Monad >>= >> return MonadFail fail
mapM mapM_ sequence sequence_ =<< maybe either && || not otherwise
subtract even odd gcd lcm ^ ^^ fromIntegral realToFrac
fst snd curry uncurry id const . flip $ until asTypeOf error errorWithoutStackTrace undefined
seq $!
map ++ filter concat concatMap head last tail init null length !!
foldl foldl1 scanl scanl1 foldr foldr1 scanr scanr1 iterate repeat replicate cycle
take drop splitAt takeWhile dropWhile span break lines words unlines unwords reverse
and or any all elem notElem lookup sum product maximum minimum
zip zip3 zipWith zipWith3 unzip unzip3
ReadS ShowS Read readsPrec readList Show showsPrec show showList
reads shows read lex showChar showString readParen showParen
FilePath IOError ioError userError putChar putStr putStrLn print getChar getLine getContents
interact readFile writeFile appendFile readIO readLn
"""
    )
)


def test_prelude_exports_exactly_the_haskell2010_names_plus_ghc_90_additions() -> None:
    from ifacedir.syntax.ast import IEThing, IEVar, SubItems

    prelude = _parsed()["Prelude"]
    names: list[str] = []
    for item in prelude.exports:  # type: ignore[attr-defined]
        if isinstance(item, IEVar):
            names.append(str(item.name))
        elif isinstance(item, IEThing):
            names.append(str(item.name))
            assert not isinstance(item.subs, SubItems)
            names.extend(str(s) for s in item.subs)
    assert len(names) == len(set(names))
    assert set(names) == PRELUDE_NAMES

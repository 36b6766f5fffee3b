"""Synthetic multi-module Haskell projects for the build-driver benchmark.

``generate_project(n_modules, shape, seed)`` returns a runnable program as
``{relative path: source}``: ``Gen/M0001.hs`` ... ``Gen/M<n>.hs`` and a ``Main.hs``
importing every module nobody else imports (so it depends on all of them) and printing
values computed through the whole graph. Import shapes:

* ``chain``: module ``i`` imports ``i - 1``, the deepest graph (no parallelism);
* ``layered``: layers of about ``sqrt(n)`` modules, each importing 1-3 modules of the
  layer below, wide and shallow as real projects' library layers are;
* ``random``: each module imports 1-3 random earlier modules.

Every module is small (30-46 lines, 39 on average) and uses what importers can depend on in
different ways, so that each edit kind of :func:`apply_edit` touches one of them: a
data type deriving ``(Show, Eq)`` (importers compare its values), a class with a
default method (an instance in about half the modules, whose method importers call),
a tiny exported constant (``answerN``: inlined at ``-O1``), a self-recursive function
(``workN``: never inlined), a used ``Int -> Int`` function (``scaleN``, the target of
``type_change``), and in about 40 % of modules an ``infixl 6`` operator that
unqualified importers use in an expression whose parse depends on its fixity.

Plain Haskell 2010 with the implicit Prelude, within what our front end accepts (the
tests run ``ifacedir check`` on every shape and every edit) and what GHC 9.0 accepts
(the tests compare ``runghc``'s output with ``ifacedir run``'s). Deterministic per
``(n_modules, shape, seed)``.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

__all__ = [
    "EDIT_KINDS",
    "MAIN_FILE",
    "SHAPES",
    "ProjectModule",
    "apply_edit",
    "default_target",
    "generate_project",
    "module_file",
    "project_imports",
]

SHAPES: Final = ("chain", "layered", "random")
EDIT_KINDS: Final = (
    "comment",
    "body",
    "inline_body",
    "new_export",
    "type_change",
    "new_instance",
    "fixity",
)
MAIN_FILE: Final = "Main.hs"
PREFIX: Final = "Gen"

_OP_DIGITS: Final = "!#$%&*+"


@dataclass(frozen=True)
class ProjectModule:
    """One generated module before rendering: what importers may use of it."""

    index: int
    tag: str  # zero-padded index, part of every name the module defines
    imports: tuple[int, ...]
    qualified: frozenset[int]  # the imports written ``import qualified ... as Q<tag>``
    has_instance: bool
    operator: str | None

    @property
    def name(self) -> str:
        return f"{PREFIX}.M{self.tag}"


def module_file(module: str) -> str:
    """``Gen.M0042`` -> ``Gen/M0042.hs``."""
    return module.replace(".", "/") + ".hs"


def _operator(index: int) -> str:
    """A distinct operator per module: base-7 digits as symbols between bars (never a
    Prelude operator, never containing ``--``)."""
    digits = ""
    while True:
        index, rem = divmod(index, len(_OP_DIGITS))
        digits = _OP_DIGITS[rem] + digits
        if index == 0:
            return f"|{digits}|"


def _graph(n: int, shape: str, rng: random.Random) -> list[tuple[int, ...]]:
    """``imports[i - 1]``: the modules module ``i`` imports, all lower-numbered."""
    out: list[tuple[int, ...]] = []
    if shape == "chain":
        return [(i - 1,) if i > 1 else () for i in range(1, n + 1)]
    if shape == "layered":
        width = max(1, round(math.sqrt(n)))
        for i in range(1, n + 1):
            layer = (i - 1) // width
            if layer == 0:
                out.append(())
                continue
            below = list(range((layer - 1) * width + 1, layer * width + 1))
            k = rng.randint(1, min(3, len(below)))
            out.append(tuple(sorted(rng.sample(below, k))))
        return out
    if shape == "random":
        for i in range(1, n + 1):
            if i == 1:
                out.append(())
                continue
            k = rng.randint(1, min(3, i - 1))
            out.append(tuple(sorted(rng.sample(range(1, i), k))))
        return out
    raise ValueError(f"unknown shape {shape!r}; expected one of {', '.join(SHAPES)}")


def _modules(n: int, shape: str, seed: int) -> list[ProjectModule]:
    if n < 1:
        raise ValueError("a project needs at least one module")
    graph = _graph(n, shape, random.Random(f"{seed}:{shape}:{n}"))
    width = max(4, len(str(n)))
    out = []
    for i, imports in enumerate(graph, start=1):
        rng = random.Random(f"{seed}:{i}")
        qualified = frozenset(j for j in imports if rng.random() < 0.3)
        out.append(
            ProjectModule(
                index=i,
                tag=f"{i:0{width}d}",
                imports=imports,
                qualified=qualified,
                has_instance=rng.random() < 0.5,
                operator=_operator(i) if rng.random() < 0.4 else None,
            )
        )
    return out


def _render(m: ProjectModule, by_index: Mapping[int, ProjectModule], seed: int) -> str:
    t = m.tag
    names = ["T{}(..)", "Size{}(..)", "answer{}", "scale{}", "work{}", "combine{}", "mix{}"]
    exports = ", ".join(n.format(t) for n in names)
    lines = [
        f"-- {m.name}: generated by bench.projects (seed {seed}).",
        f"module {m.name}",
        f"  ( {exports}",
        *([f"  , ({m.operator})"] if m.operator else []),
        "  ) where",
        "",
    ]
    for j in m.imports:
        d = by_index[j]
        if j in m.qualified:
            lines.append(f"import qualified {d.name} as Q{d.tag}")
        else:
            lines.append(f"import {d.name}")
    if m.imports:
        lines.append("")
    lines += [
        f"data T{t} = A{t} Int | B{t} Int Int",
        "  deriving (Show, Eq)",
        "",
        f"class Size{t} a where",
        f"  size{t} :: a -> Int",
        f"  twice{t} :: a -> Int",
        f"  twice{t} x = 2 * size{t} x",
        "",
    ]
    if m.has_instance:
        lines += [
            f"instance Size{t} T{t} where",
            f"  size{t} (A{t} n) = n",
            f"  size{t} (B{t} a b) = a + b",
            "",
        ]
    if m.operator:
        op = m.operator
        lines += [f"infixl 6 {op}", f"({op}) :: Int -> Int -> Int", f"x {op} y = x * 3 + y", ""]
    lines += [
        f"answer{t} :: Int",
        f"answer{t} = {m.index % 89 + 1}",
        f"scale{t} :: Int -> Int",
        f"scale{t} n = n * 3 + 1",
        "",
        f"work{t} :: Int -> Int  -- self-recursive, so never inlined",
        f"work{t} n",
        "  | n <= 0 = 1",
        f"  | otherwise = (n * 7) `mod` 13 + work{t} (n - 1)",
        "",
    ]
    lines += [*_combine(m, by_index), "", *_mix(m, by_index)]
    return "\n".join(lines) + "\n"


def _qual(m: ProjectModule, d: ProjectModule) -> str:
    return f"Q{d.tag}." if d.index in m.qualified else ""


def _combine(m: ProjectModule, by_index: Mapping[int, ProjectModule]) -> list[str]:
    """Calls into every import: cost linear in the number of imports, so the program's
    run time stays linear in its size whatever the shape."""
    t = m.tag
    out = [f"combine{t} :: Int -> Int", f"combine{t} x = work{t} x + answer{t}"]
    for c, j in enumerate(m.imports, start=1):
        d = by_index[j]
        q = _qual(m, d)
        out.append(f"  + {q}work{d.tag} x + {q}scale{d.tag} (x + {c}) + {q}answer{d.tag}")
    return out


def _mix(m: ProjectModule, by_index: Mapping[int, ProjectModule]) -> list[str]:
    """The imported type's derived ``Eq``, its class method and its operator."""
    t = m.tag
    out = [f"mix{t} :: Int -> T{t}", f"mix{t} x"]
    if not m.imports:
        return [*out, f"  | x > 2 = A{t} (scale{t} (x - 1))", f"  | otherwise = B{t} x answer{t}"]
    d = by_index[m.imports[0]]
    q = _qual(m, d)
    ops = [by_index[j].operator for j in m.imports if by_index[j].operator and j not in m.qualified]
    value = f"x + 1 {ops[0]} {q}answer{d.tag}" if ops else f"x + {q}answer{d.tag}"
    other = f"{q}twice{d.tag} ({q}A{d.tag} x)" if d.has_instance else f"{q}scale{d.tag} (x - 1)"
    return [
        *out,
        f"  | {q}A{d.tag} x == {q}A{d.tag} 3 = A{t} ({value})",
        f"  | otherwise = B{t} x ({other})",
    ]


def _main(tops: list[ProjectModule], seed: int) -> str:
    lines = [
        f"-- Main: generated by bench.projects (seed {seed}).",
        "module Main (main) where",
        "",
        *(f"import {m.name}" for m in tops),
        "",
        "main :: IO ()",
        "main = do",
        "  print (sum",
        "    [ " + "\n    , ".join(f"combine{m.tag} 5" for m in tops),
        "    ])",
        f"  print (mix{tops[0].tag} 3)",
        f"  print (mix{tops[-1].tag} 4)",
    ]
    return "\n".join(lines) + "\n"


def generate_project(n_modules: int, shape: str, seed: int = 0) -> dict[str, str]:
    """The project's files, relative path -> source; ``Main.hs`` last."""
    modules = _modules(n_modules, shape, seed)
    by_index = {m.index: m for m in modules}
    imported = {j for m in modules for j in m.imports}
    files = {module_file(m.name): _render(m, by_index, seed) for m in modules}
    files[MAIN_FILE] = _main([m for m in modules if m.index not in imported], seed)
    return files


# ---------------------------------------------------------------------------
# Edits

_IMPORT: Final = re.compile(r"^import (?:qualified )?([A-Z][\w.]*)", re.MULTILINE)
_MODULE: Final = re.compile(r"^module ([A-Z][\w.]*)", re.MULTILINE)


def project_imports(files: Mapping[str, str]) -> dict[str, list[str]]:
    """Module name -> the project modules it imports (read back from the sources, so it
    works on edited projects too)."""
    names: dict[str, str] = {}
    for path, text in files.items():
        found = _MODULE.search(text)
        if found is None:
            raise ValueError(f"{path}: no module header")
        names[path] = found.group(1)
    known = set(names.values())
    return {
        names[path]: [i for i in _IMPORT.findall(text) if i in known]
        for path, text in files.items()
    }


def _tag(module: str) -> str:
    found = re.fullmatch(rf"{PREFIX}\.M(\d+)", module)
    if found is None:
        raise ValueError(f"{module!r} is not a generated module ({PREFIX}.M<number>)")
    return found.group(1)


def _replace_once(text: str, old: str, new: str, what: str) -> str:
    if text.count(old) != 1:
        raise ValueError(f"{what}: expected one {old!r}, found {text.count(old)}")
    return text.replace(old, new)


def _edit_comment(text: str, t: str) -> str:
    first = text.split("\n", 1)[0]
    if not first.startswith("--"):
        raise ValueError("comment: the first line is not a comment")
    return _replace_once(text, first + "\n", first + " Edited.\n", "comment")


def _edit_body(text: str, t: str) -> str:
    old = f"  | otherwise = (n * 7) `mod` 13 + work{t} (n - 1)\n"
    return _replace_once(text, old, old.replace("(n * 7)", "(n * 11)"), "body")


def _edit_inline_body(text: str, t: str) -> str:
    pattern = re.compile(rf"^answer{t} = (\d+)$", re.MULTILINE)
    found = pattern.search(text)
    if found is None:
        raise ValueError(f"inline_body: no answer{t} = <number>")
    return pattern.sub(f"answer{t} = {int(found.group(1)) + 1}", text, count=1)


def _edit_new_export(text: str, t: str) -> str:
    text = _replace_once(text, "\n  ) where\n", f"\n  , extra{t}\n  ) where\n", "new_export")
    return text + f"\nextra{t} :: Int -> Int\nextra{t} x = x * answer{t} + 2\n"


def _edit_new_instance(text: str, t: str) -> str:
    if f"instance Ord T{t}" in text:
        raise ValueError(f"new_instance: T{t} already has an Ord instance")
    return text + f"\ninstance Ord T{t} where\n  compare a b = compare (show a) (show b)\n"


def _edit_fixity(text: str, t: str) -> str:
    found = re.search(r"^infixl 6 (\S+)$", text, re.MULTILINE)
    if found is None:
        raise ValueError("fixity: the module defines no operator")
    # Every use is ``x + 1 <op> y`` over Ints and no other operator of level 7 is
    # mixed with it without parentheses, so any infixl level parses and typechecks;
    # 6 -> 7 changes the parse (and the printed result).
    return _replace_once(text, found.group(0), f"infixl 7 {found.group(1)}", "fixity")


_EDITS: Final = {
    "comment": _edit_comment,
    "body": _edit_body,
    "inline_body": _edit_inline_body,
    "new_export": _edit_new_export,
    "new_instance": _edit_new_instance,
    "fixity": _edit_fixity,
}


def _edit_type_change(files: Mapping[str, str], t: str, path: str) -> dict[str, str]:
    """``scaleN :: Int -> Int`` becomes ``Integer -> Integer``, and every call
    ``scaleN (e)`` in the project (all are written so, with ``e`` free of parentheses)
    becomes ``fromIntegral (scaleN (fromIntegral (e)))``."""
    out = dict(files)
    out[path] = _replace_once(
        files[path], f"scale{t} :: Int -> Int\n", f"scale{t} :: Integer -> Integer\n", "type_change"
    )
    call = re.compile(rf"(?<![\w.'])((?:Q{t}\.)?scale{t}) \(([^()]*)\)")
    for p, text in out.items():
        out[p] = call.sub(r"fromIntegral (\1 (fromIntegral (\2)))", text)
    return out


def apply_edit(files: Mapping[str, str], kind: str, target_module: str) -> dict[str, str]:
    """The project with one edit of ``kind`` to ``target_module`` (a new dict; only the
    edited files differ). Raises ``ValueError`` if the module cannot take that edit (no
    operator for ``fixity``), see :func:`default_target`."""
    path = module_file(target_module)
    if path not in files:
        raise ValueError(f"{target_module} is not in the project")
    t = _tag(target_module)
    if kind == "type_change":
        return _edit_type_change(files, t, path)
    if kind not in _EDITS:
        raise ValueError(f"unknown edit kind {kind!r}; expected one of {', '.join(EDIT_KINDS)}")
    return {**files, path: _EDITS[kind](files[path], t)}


def _can_edit(text: str, kind: str, t: str) -> bool:
    if kind == "type_change":
        return text.count(f"scale{t} :: Int -> Int\n") == 1
    try:
        _EDITS[kind](text, t)
    except ValueError:
        return False
    return True


def default_target(files: Mapping[str, str], kind: str) -> str:
    """The module the benchmark edits: of the generated modules that can take ``kind``,
    the one with the most direct importers (lowest number on ties), so that edits which
    should stay local are seen not to spread, and those which must spread do."""
    if kind not in EDIT_KINDS:
        raise ValueError(f"unknown edit kind {kind!r}; expected one of {', '.join(EDIT_KINDS)}")
    imports = project_imports(files)
    importers: dict[str, int] = dict.fromkeys(imports, 0)
    for deps in imports.values():
        for d in deps:
            importers[d] += 1
    candidates = []
    for name in imports:
        if not name.startswith(f"{PREFIX}."):
            continue
        if _can_edit(files[module_file(name)], kind, _tag(name)):
            candidates.append(name)
    if not candidates:
        raise ValueError(f"no module of the project can take a {kind!r} edit")
    return max(candidates, key=lambda n: (importers[n], -int(_tag(n))))

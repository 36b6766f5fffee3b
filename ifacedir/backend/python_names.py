"""Python identifiers for the Python code generator: modules, globals, locals.

A generated module is loaded under ``python_module_name(module, package)``
(``hs_base__GHC_Base``). Inside it, every identifier belongs to one family, told
apart by its first character, so that no two families can collide and none can
shadow a builtin the generated code uses (``type``, ``tuple``, ``int``):

==========  ==================================================================
``G...``    a top-level binding of the module: ``G`` + ``encode_occ(occ)``
``C...``    a constructor as a value (nullary) or a function building it
``X...``    the same builder when the constructor has strict fields, else None
``F...``    a local binding floated to the top level (``F`` + its local name)
``I...``    an import, bound by the linker (``I<n>_<occ>``)
``L...``    a function lifted to the top level (deep nesting, See Note [Deep Core
            makes shallow Python] in ifacedir.backend.python_emit)
``S...``    a string literal, ``K...`` another module-level constant
``x_12``    a Core local: its occurrence name reduced to letters and digits,
            starting with a lower-case letter, then ``_`` and its unique
``_12``     a temporary; ``_name`` (a letter after the underscore): runtime
            support imported from ifacedir.backend.pyrt or the primitives
==========  ==================================================================

``encode_occ`` is injective: letters and digits stay, ``_`` becomes ``__`` and every
other character ``_`` plus one letter (``$`` is ``_d``, ``+`` is ``_p``, ...) or
``_u<hex>_``, so ``++`` is ``_p_p`` and ``$fEq[]`` is ``_dfEq_B_E``.
"""

from __future__ import annotations

from typing import Final

from ifacedir.syntax.names import Name

__all__ = [
    "builder_name",
    "con_name",
    "encode_occ",
    "global_name",
    "local_name",
    "python_module_name",
]

_CODES: Final = {
    "_": "_",
    "'": "q",
    "$": "d",
    ".": "o",
    "+": "p",
    "-": "m",
    "*": "t",
    "/": "s",
    "=": "e",
    "<": "l",
    ">": "g",
    "!": "x",
    ":": "c",
    "&": "a",
    "|": "b",
    "^": "h",
    "%": "r",
    "~": "w",
    "#": "n",
    "@": "z",
    "?": "k",
    "\\": "y",
    ",": "j",
    "(": "L",
    ")": "R",
    "[": "B",
    "]": "E",
}


def _alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()


def encode_occ(occ: str) -> str:
    """``occ`` as the tail of an identifier (see the module docstring)."""
    out: list[str] = []
    for c in occ:
        if _alnum(c):
            out.append(c)
        elif c in _CODES:
            out.append("_" + _CODES[c])
        else:
            out.append(f"_u{ord(c):x}_")
    return "".join(out)


def global_name(occ: str) -> str:
    """The identifier of the top-level binding ``occ`` in its module."""
    return "G" + encode_occ(occ)


def con_name(occ: str) -> str:
    """The identifier of the constructor ``occ`` as a value, in its module."""
    return "C" + encode_occ(occ)


def builder_name(occ: str) -> str:
    """The identifier of the strict builder of the constructor ``occ`` (None when it
    has no strict field), in its module."""
    return "X" + encode_occ(occ)


def local_name(name: Name) -> str:
    """A Core local's identifier: letters and digits of its name, then its unique."""
    base = "".join(c for c in name.occ if _alnum(c))
    if not base or not base[0].islower():
        base = "v" + base
    return f"{base}_{name.unique}"


def _encode_segment(seg: str) -> str:
    out: list[str] = []
    for i, c in enumerate(seg):
        if _alnum(c) and (i > 0 or c.isupper()):
            out.append(c)
        elif c == "_" and i > 0:
            out.append("_0")
        elif c == "'" and i > 0:
            out.append("_1")
        else:
            out.append(f"_x{ord(c):x}x")
    return "".join(out)


def _encode_package(package: str) -> str:
    out: list[str] = []
    for c in package:
        if _alnum(c):
            out.append(c)
        elif c == "-":
            out.append("_0")
        elif c == "_":
            out.append("_1")
        else:
            out.append(f"_x{ord(c):x}x")
    return "".join(out)


def python_module_name(module: str, package: str) -> str:
    """The name a module's generated text is loaded as: ``hs_`` + package + ``__`` +
    module, dots as ``_`` (``hs_base__GHC_Base``). Injective: in either part ``_0``,
    ``_1`` and ``_x<hex>x`` are the escapes of ``_`` (``-`` in a package), ``'`` (``_``
    in a package) and any other character, so the package part neither holds ``__``
    nor ends with ``_``: the first ``__`` ends it. In the module part a ``_`` followed
    by an upper-case letter or by another ``_`` (a segment whose first character is
    escaped) separates segments."""
    mod = "_".join(_encode_segment(seg) for seg in module.split("."))
    return f"hs_{_encode_package(package)}__{mod}"

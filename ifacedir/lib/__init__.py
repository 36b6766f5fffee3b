"""Haskell source of the libraries that ship with the compiler.

``base/`` holds package ``base``: the primitive types (``GHC.Types``), the
primitives the compiler implements (``GHC.Prim``, declared with
``foreign import prim``), and the Prelude with its supporting modules, all written
in the Haskell 2010 subset the compiler accepts. spec/LIBRARY.md documents the
modules, their exports and the semantics of every primitive.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["base_source_dir"]


def base_source_dir() -> Path:
    """The directory holding the sources of package ``base``.

    Module ``A.B.C`` is the file ``A/B/C.hs`` below it (``GHC/Types.hs``,
    ``Prelude.hs``, ...). The files are installed as package data, so the
    directory exists in an installed copy as well as in a source checkout.
    """
    return Path(__file__).resolve().parent / "base"

"""Example programs shipped with the package (package data): ``queue/`` is the one
``ifacedir demo`` (``make demo``) builds and runs. ``example_dir(name)`` finds one in
a checkout or an installed copy."""

from __future__ import annotations

from pathlib import Path

__all__ = ["example_dir"]


def example_dir(name: str) -> Path:
    return Path(__file__).resolve().parent / name

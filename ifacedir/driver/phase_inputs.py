"""The inputs each back-end phase records, computed one way for writer and checker.

A phase file's header ``inputs`` say what it was built from (spec/FORMAT.md §15);
the recompilation check (ifacedir.driver.recomp) compares them with the current
values. Both sides call the functions here, so a phase cannot record one thing and
be checked against another:

* ``ds``: ``tc`` (the fingerprint of the module's own ``tc`` file: every section's
  hash, usages included, so a change of what it used reaches ``ds``) and ``flags``
  (the desugarer's options: none, the hash of the empty map);
* ``simpl``: ``ds`` and ``flag:optimise``; at ``-O1`` also ``unfold:<M>`` for every
  module below whose bindings the simplifier could inline (Note [Which unfoldings a
  module used]);
* ``hi``: ``tc``, ``simpl`` and ``flag:optimise`` (which unfoldings it carries);
* ``codegen`` (a stamp beside the backend's output): the fingerprint of the phase file
  the backend consumed and ``flag:backend``.

An optimisation flag is an input of ``simpl`` and later only, never of ``tc`` or
``ds`` (DESIGN); a backend's name only of its own output.

Note [Which unfoldings a module used]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
At ``-O1`` the simplifier may inline any unfolding of a module below, but only of a
name that occurs in the module's Core, or in an unfolding it could inline (the closure
is computed before simplifying, ifacedir.driver.compile). The ``simpl`` file records
those names per module (``meta.unfoldable``) and, as ``unfold:<M>``, the hash of
``[[occ, hash of its unfolding or null]...]`` over them, the hashes taken from the
``unfolding_hashes`` of ``M``'s ``.hi`` meta. So a changed unfolding reruns the
simplify of exactly the modules that could have inlined it (GHC records the whole
module's ABI, which reruns every importer), and a name that gains an unfolding (its
hash was null) does too; a change anywhere else in ``M`` reruns nothing. The check
needs only the small ``meta`` sections, never the unfoldings themselves.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Final

from ifacedir.format import cbor
from ifacedir.format.fingerprint import fingerprint
from ifacedir.format.header import FileHeader
from ifacedir.format.layout import ModuleDir
from ifacedir.iface.sections import sections_fingerprint

__all__ = [
    "STAMP_NAME",
    "codegen_inputs",
    "ds_inputs",
    "file_fingerprint",
    "flag_input",
    "hi_inputs",
    "read_stamp",
    "simpl_inputs",
    "stamp_path",
    "unfold_input_name",
    "unfolding_hash",
    "unfoldings_used",
    "write_stamp",
]

STAMP_NAME: Final = "inputs.cbor"
_STAMP_LIMIT: Final = 64 * 1024


@functools.lru_cache(maxsize=64)
def flag_input(value: int | str) -> bytes:
    """The ``flag:<name>`` input: the hash of the flag's canonical CBOR value."""
    return fingerprint(cbor.encode(value))


def unfold_input_name(module: str) -> str:
    """``unfold:<M>``, with ``M`` escaped as in ``import:<M>`` (FORMAT.md §13.1)."""
    return "unfold:" + module.encode("ascii", "backslashreplace").decode("ascii")


def unfolding_hash(bind: object) -> str:
    """The hex fingerprint of one unfolding (a ``Bind`` tree), as ``.hi`` meta keeps it."""
    from ifacedir.format.fingerprint import fingerprint_hex
    from ifacedir.syntax.codec import encode_tree_bytes

    return fingerprint_hex(encode_tree_bytes(bind))


def unfoldings_used(hashes: Mapping[str, str], occs: Iterable[str]) -> bytes:
    """``unfold:<M>``: what the simplifier could take from ``M`` (see the Note)."""
    return fingerprint(cbor.encode([[occ, hashes.get(occ)] for occ in sorted(set(occs))]))


def file_fingerprint(header: FileHeader) -> bytes:
    """What a later phase records of an earlier phase file: its sections' hashes, hashed."""
    return sections_fingerprint(header)


def ds_inputs(tc: bytes) -> dict[str, bytes]:
    """``tc``: the ``file_fingerprint`` of the module's ``tc`` file (so for the others)."""
    from ifacedir.iface.tcfile import flags_fingerprint

    return {"tc": tc, "flags": flags_fingerprint()}


def simpl_inputs(ds: bytes, level: int, unfoldings: Mapping[str, bytes]) -> dict[str, bytes]:
    """``unfoldings``: module -> its ``.hi``'s unfoldings hash (used at ``-O1`` only)."""
    inputs = {"ds": ds, "flag:optimise": flag_input(level)}
    if level >= 1:
        for module, digest in sorted(unfoldings.items()):
            inputs[unfold_input_name(module)] = digest
    return inputs


def hi_inputs(tc: bytes, simpl: bytes, level: int) -> dict[str, bytes]:
    return {"tc": tc, "simpl": simpl, "flag:optimise": flag_input(level)}


def codegen_inputs(phase: str, consumed: bytes, backend: str) -> dict[str, bytes]:
    """``phase``: ``simpl`` or ``ds``, the file the backend read; ``consumed`` its
    ``file_fingerprint``."""
    return {phase: consumed, "flag:backend": flag_input(backend)}


def stamp_path(mdir: ModuleDir, backend: str) -> Path:
    """Where the ``codegen`` inputs of ``backend``'s output for the module are kept."""
    return mdir.ext_dir(backend) / STAMP_NAME


def write_stamp(mdir: ModuleDir, backend: str, inputs: Mapping[str, bytes]) -> None:
    """Record ``inputs`` after the backend's output is written (atomically, so a stamp
    never vouches for output that is not all there)."""
    from ifacedir.iface.sections import write_file

    write_file(stamp_path(mdir, backend), cbor.encode(dict(sorted(inputs.items()))))


def read_stamp(mdir: ModuleDir, backend: str) -> dict[str, bytes] | None:
    """The recorded inputs, or None if the stamp is missing or not a map of byte
    strings (then the output is rebuilt: a stamp is only ever trusted, never parsed
    for more than this)."""
    path = stamp_path(mdir, backend)
    try:
        with path.open("rb") as f:
            data = f.read(_STAMP_LIMIT + 1)
    except OSError:
        return None
    if len(data) > _STAMP_LIMIT:
        return None
    try:
        value = cbor.decode(data)
    except cbor.CborError:
        return None
    if not isinstance(value, dict):
        return None
    out: dict[str, bytes] = {}
    for k, v in value.items():
        if not isinstance(v, bytes):
            return None
        out[k] = v
    return out

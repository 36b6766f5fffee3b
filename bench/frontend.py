"""The front-end benchmark: lexing, layout, parsing and renaming throughput, and the
syntax-tree codec through JSON versus CBOR.

``python -m bench frontend [--modules N] [--units U] [--repeat R] [--seed S] [--json]``

1. **Sources** (:mod:`bench.hsgen`): ``N`` generated modules of ``U`` units each (about
   45 lines per unit; data types, classes, instances, guards, ``where``, ``case``,
   ``let``, ``do``, comprehensions, operators), each importing up to three earlier
   ones, plus a small ``NoImplicitPrelude`` base module.
2. **Front-end passes**, each timed over all modules, reported in source lines per
   second: *lex* (``lexer.lex``), *lex+layout* (``lex`` then
   ``layout.resolve_by_indentation``: algorithm L without the parser's
   ``parse-error(t)`` hook), *parse* (``parse_module``: lexing, layout and the
   grammar), and *parse+rename* (``parse_module`` then ``rename_module`` against the
   exports of the modules renamed before it), when ``ifacedir.rename`` is importable.
3. **Codec** (:mod:`ifacedir.syntax.codec`) on the parsed trees: *encode* is
   ``encode_tree`` then ``json.dumps`` (compact) or ``cbor.encode`` (canonical);
   *decode* is ``json.loads`` or ``cbor.decode`` then ``decode_tree``. The tree codec
   alone (no serialisation) is timed too, and sizes are reported raw and after zstd
   level 3 (what a container section gets).

Noise control as in :mod:`bench.format`: the measures are interleaved within each
repetition in a rotating order, each figure is the median of ``R`` repetitions, the
ratios are ratios of medians with the range of the per-repetition paired ratios, the
generated trees are ``gc.freeze()``-d, a collection runs before every timed loop and
an untimed warm-up runs every path first. The codec's output is checked (untimed) to
decode back to an equal tree through both serialisations.
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import zstandard

from bench.format import _machine as machine_info
from bench.hsgen import GeneratedModule, generate_program
from ifacedir.format import cbor
from ifacedir.parse.layout import resolve_by_indentation
from ifacedir.parse.lexer import lex
from ifacedir.parse.parser import parse_module
from ifacedir.syntax.codec import decode_tree, encode_tree

__all__ = ["add_arguments", "format_table", "main", "run_frontend_benchmark"]

PASSES: Final = ("lex", "lex+layout", "parse", "parse+rename")
CODECS: Final = ("json", "cbor", "tree-only")
ZSTD_LEVEL: Final = 3

Progress = Callable[[str], None]


def _have_renamer() -> bool:
    return importlib.util.find_spec("ifacedir.rename.rename") is not None


# ---------------------------------------------------------------------------
# The measured steps (each processes every module once)


def _lex_all(program: Sequence[GeneratedModule]) -> None:
    for m in program:
        lex(m.text, m.file)


def _layout_all(program: Sequence[GeneratedModule]) -> None:
    for m in program:
        resolve_by_indentation(lex(m.text, m.file))


def _parse_all(program: Sequence[GeneratedModule]) -> None:
    for m in program:
        parse_module(m.text, m.file)


def _rename_all(program: Sequence[GeneratedModule]) -> None:
    from ifacedir.rename.rename import rename_module

    exports: dict[str, Any] = {}
    for m in program:
        renamed = rename_module(parse_module(m.text, m.file), exports)
        exports[m.name] = renamed.exports


def _serialise_json(value: object) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


_SERIALISE: Final[Mapping[str, Callable[[object], bytes]]] = {
    "json": _serialise_json,
    "cbor": cbor.encode,
}
_PARSE_BYTES: Final[Mapping[str, Callable[[bytes], object]]] = {
    "json": json.loads,
    "cbor": cbor.decode,
}


def _encode_all(codec: str, trees: Sequence[object], out: list[Any]) -> None:
    out.clear()
    if codec == "tree-only":
        out.extend(encode_tree(t) for t in trees)
        return
    serialise = _SERIALISE[codec]
    out.extend(serialise(encode_tree(t)) for t in trees)


def _decode_all(codec: str, blobs: Sequence[Any]) -> None:
    if codec == "tree-only":
        for value in blobs:
            decode_tree(value)
        return
    parse = _PARSE_BYTES[codec]
    for blob in blobs:
        decode_tree(parse(blob))


def _timed(step: Callable[[], object]) -> int:
    gc.collect()
    start = time.perf_counter_ns()
    step()
    return time.perf_counter_ns() - start


# ---------------------------------------------------------------------------
# The run


def _figures(samples: list[int], lines: int) -> dict[str, Any]:
    seconds = statistics.median(samples) / 1e9
    return {
        "seconds": seconds,
        "lines_per_s": lines / seconds,
        "samples_s": [s / 1e9 for s in samples],
    }


def _ratio(num: list[int], den: list[int]) -> dict[str, Any]:
    paired = [a / b for a, b in zip(num, den, strict=True)]
    return {
        "ratio": statistics.median(num) / statistics.median(den),
        "range": [min(paired), max(paired)],
    }


def run_frontend_benchmark(
    *,
    modules: int = 50,
    units: int = 5,
    seed: int = 0,
    repeat: int = 5,
    rename: bool = True,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Run the benchmark; return a JSON-compatible report (see ``format_table``)."""
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    say: Progress = progress or (lambda _msg: None)
    program = generate_program(modules, units, seed)
    lines = sum(m.lines for m in program)
    say(f"generated {len(program)} modules, {lines} lines (seed {seed})")
    trees = [parse_module(m.text, m.file) for m in program]
    rename = rename and _have_renamer()
    passes = [p for p in PASSES if rename or p != "parse+rename"]
    steps: dict[str, Callable[[], object]] = {
        "lex": lambda: _lex_all(program),
        "lex+layout": lambda: _layout_all(program),
        "parse": lambda: _parse_all(program),
        "parse+rename": lambda: _rename_all(program),
    }
    blobs: dict[str, list[Any]] = {c: [] for c in CODECS}
    for step in passes:  # warm-up, untimed
        steps[step]()
    sizes = _verify_codecs(trees, say)
    gc.collect()
    gc.freeze()
    pass_samples: dict[str, list[int]] = {p: [] for p in passes}
    enc_samples: dict[str, list[int]] = {c: [] for c in CODECS}
    dec_samples: dict[str, list[int]] = {c: [] for c in CODECS}
    try:
        for rep in range(repeat):
            shift = rep % len(passes)
            order = passes[shift:] + passes[:shift]
            for p in order:
                pass_samples[p].append(_timed(steps[p]))
            codecs = CODECS[rep % len(CODECS) :] + CODECS[: rep % len(CODECS)]
            for c in codecs:
                enc_samples[c].append(_timed(functools.partial(_encode_all, c, trees, blobs[c])))
                dec_samples[c].append(_timed(functools.partial(_decode_all, c, blobs[c])))
            say(
                f"repetition {rep + 1}/{repeat}: "
                + "  ".join(f"{p} {pass_samples[p][-1] / 1e9:.2f}s" for p in passes)
            )
    finally:
        gc.unfreeze()
    report: dict[str, Any] = {
        "benchmark": "frontend",
        "config": {
            "modules": modules,
            "units": units,
            "seed": seed,
            "repeat": repeat,
            "statistic": "median of repetitions; measures interleaved, order rotating",
            "zstd_level": ZSTD_LEVEL,
        },
        "machine": machine_info(Path(tempfile.gettempdir())),
        "source": {
            "modules": len(program),
            "lines": lines,
            "bytes": sum(len(m.text) for m in program),
        },
        "passes": {p: _figures(pass_samples[p], lines) for p in passes},
        "pass_ratios": {
            p: _ratio(pass_samples[p], pass_samples["lex"]) for p in passes if p != "lex"
        },
        "renamer": rename,
        "codec": {
            c: {
                "encode_s": statistics.median(enc_samples[c]) / 1e9,
                "decode_s": statistics.median(dec_samples[c]) / 1e9,
                **sizes[c],
            }
            for c in CODECS
        },
        "codec_ratios": {
            "json_over_cbor_encode": _ratio(enc_samples["json"], enc_samples["cbor"]),
            "json_over_cbor_decode": _ratio(dec_samples["json"], dec_samples["cbor"]),
        },
    }
    return report


def _verify_codecs(trees: Sequence[object], say: Progress) -> dict[str, dict[str, int]]:
    """Every tree decodes back equal through both serialisations; the sizes of each."""
    sizes: dict[str, dict[str, int]] = {}
    compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL)
    values = [encode_tree(t) for t in trees]
    for codec in ("json", "cbor"):
        blobs = [_SERIALISE[codec](v) for v in values]
        for tree, blob in zip(trees, blobs, strict=True):
            if decode_tree(_PARSE_BYTES[codec](blob)) != tree:
                raise AssertionError(f"{codec}: a tree does not decode back equal")
        sizes[codec] = {
            "bytes": sum(len(b) for b in blobs),
            "zstd_bytes": sum(len(compressor.compress(b)) for b in blobs),
        }
    sizes["tree-only"] = {"bytes": 0, "zstd_bytes": 0}
    say("  verified: every parsed tree decodes back equal through JSON and CBOR")
    return sizes


# ---------------------------------------------------------------------------
# Output


def _fmt_ratio(r: Mapping[str, Any]) -> str:
    lo, hi = r["range"]
    return f"{r['ratio']:.2f}x ({lo:.2f}-{hi:.2f})"


def format_table(report: Mapping[str, Any]) -> str:
    """The report as text (what ``python -m bench frontend`` prints)."""
    cfg, src, mach = report["config"], report["source"], report["machine"]
    lines = [
        f"ifacedir front-end benchmark: {src['modules']} modules, {src['lines']} lines "
        f"({src['bytes'] / 1e3:.0f} KB), {cfg['units']} units per module, seed {cfg['seed']}, "
        f"median of {cfg['repeat']} interleaved repetitions",
        f"machine: {mach['nproc']} CPUs ({mach['cpu']}), Python {mach['python']}, "
        f"{mach['platform']}",
        "",
        f"{'pass':<14} {'seconds':>8} {'lines/s':>10} {'time vs lex':>20}",
    ]
    for name, fig in report["passes"].items():
        ratio = _fmt_ratio(report["pass_ratios"][name]) if name != "lex" else "1.00x"
        lines.append(f"{name:<14} {fig['seconds']:>8.3f} {fig['lines_per_s']:>10.0f} {ratio:>20}")
    if not report["renamer"]:
        lines.append("parse+rename: not measured (ifacedir.rename not available)")
    lines += [
        "",
        "syntax-tree codec on the parsed trees (encode = encode_tree + serialise; "
        "decode = parse bytes + decode_tree):",
        f"{'codec':<10} {'encode s':>9} {'decode s':>9} {'lines/s dec':>12} {'bytes':>11}"
        f" {'zstd-3 bytes':>13}",
    ]
    for name, c in report["codec"].items():
        size = f"{c['bytes']:>11}" if c["bytes"] else f"{'-':>11}"
        zsize = f"{c['zstd_bytes']:>13}" if c["zstd_bytes"] else f"{'-':>13}"
        lines.append(
            f"{name:<10} {c['encode_s']:>9.3f} {c['decode_s']:>9.3f}"
            f" {src['lines'] / c['decode_s']:>12.0f} {size} {zsize}"
        )
    r = report["codec_ratios"]
    lines += [
        f"JSON / CBOR time: encode {_fmt_ratio(r['json_over_cbor_encode'])}, "
        f"decode {_fmt_ratio(r['json_over_cbor_decode'])} (above 1: CBOR faster)",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Command line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--modules", type=int, default=50, help="generated modules")
    parser.add_argument("--units", type=int, default=5, help="units (~45 lines) per module")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions; medians reported")
    parser.add_argument("--no-rename", action="store_true", help="skip parse+rename")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def main(args: argparse.Namespace) -> int:
    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    report = run_frontend_benchmark(
        modules=args.modules,
        units=args.units,
        seed=args.seed,
        repeat=args.repeat,
        rename=not args.no_rename,
        progress=None if args.quiet else progress,
    )
    print(json.dumps(report, indent=2) if args.json else format_table(report))
    return 0

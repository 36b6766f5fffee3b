"""The tc-file benchmark: what persisting the front end's result costs and saves.

``python -m bench tcfile [--modules N] [--units U] [--repeat R] [--seed S] [--json]``

1. **Sources**: the generated program of :mod:`bench.hsgen` (``N`` modules of ``U``
   units plus ``Bench.Base``), parsed and renamed once, untimed, to get the
   ``RenamedModule`` of every module. The program imports the Prelude: package base
   is renamed once per process, untimed, and its exports (and their fingerprints,
   which the program's tc files record as inputs) are given to every pass.
2. **Measures**, each over every module:
   * *parse+rename*: ``parse_module`` then ``rename_module`` (what a resume saves);
   * *rename*: ``rename_module`` on the parsed trees;
   * *write*: what ``ifacedir check --outdir`` does per module: the interface
     fingerprint of each module (once), ``tc_payload``, ``tc_inputs`` and ``write_tc``
     into a fresh output directory (so every file is really written);
   * *header read*: ``read_header`` of each tc file (the driver's up-to-date check);
   * *exports read*: ``read_tc_exports`` (what an importer's renamer reads);
   * *full read*: ``read_tc`` (what the next phase reads to resume).
3. **Sizes**: bytes on disk per source line, and per section (stored and raw).
4. **Typed files** (stage ``typecheck``), on package base (31 modules, about 4,200
   lines; the generated program is well typed too now, but stage ``typecheck`` is
   measured on base, as before): *parse+rename+typecheck* (what resuming from a typed
   file saves), *typecheck* alone (``typecheck_module`` in dependency order, no
   cache), *write* (fingerprints of exports and interface, ``tc_payload`` with the
   ``TcResult``, ``write_tc``), *header read*, *interface read* (``meta`` and
   ``interface``: what an importer's typechecker reads), *full read*.

Noise control as in :mod:`bench.frontend`: measures interleaved in a rotating order
within each repetition, medians of ``R`` repetitions, ratios of medians with the
range of per-repetition paired ratios, ``gc.collect()`` before each timed loop, the
trees ``gc.freeze()``-d, an untimed warm-up. Files go to tmpfs when there is one. The
files are checked (untimed) to read back equal to what was written.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from bench.format import _machine as machine_info
from bench.hsgen import generate_program
from ifacedir.format.container import read_header
from ifacedir.iface.tcfile import (
    interface_fingerprint,
    open_tc,
    read_tc,
    read_tc_exports,
    tc_inputs,
    tc_payload,
    write_tc,
)
from ifacedir.parse.parser import parse_module
from ifacedir.rename.env import ModuleExports
from ifacedir.rename.rename import RenamedModule, rename_module

__all__ = ["add_arguments", "format_table", "main", "run_tcfile_benchmark"]

MEASURES: Final = ("parse+rename", "rename", "write", "header read", "exports read", "full read")
TYPED_MEASURES: Final = (
    "parse+rename+typecheck",
    "typecheck",
    "write",
    "header read",
    "interface read",
    "full read",
)

Progress = Callable[[str], None]


def _workdir() -> Path:
    shm = Path("/dev/shm")
    return Path(tempfile.mkdtemp(prefix="bench-tc-", dir=shm if shm.is_dir() else None))


@functools.cache
def _base() -> tuple[dict[str, ModuleExports], dict[str, bytes]]:
    """Package base's exports and interface fingerprints (the generated program imports
    the Prelude), renamed once per process, untimed."""
    from ifacedir.rename.program import rename_base_library

    result = rename_base_library()
    exports = {rm.module.name: rm.exports for rm in result.modules}
    return exports, {name: interface_fingerprint(e) for name, e in exports.items()}


def _rename_all(trees: Sequence[Any]) -> list[RenamedModule]:
    exports = dict(_base()[0])
    out: list[RenamedModule] = []
    for tree in trees:
        renamed = rename_module(tree, exports)
        exports[tree.name] = renamed.exports
        out.append(renamed)
    return out


def _write_all(
    renamed: Sequence[RenamedModule], texts: Mapping[str, str], outdir: Path
) -> list[Path]:
    fingerprints = dict(_base()[1])
    paths: list[Path] = []
    for m in renamed:
        fingerprints[m.exports.module] = interface_fingerprint(m.exports)
        imports = {i.module: fingerprints[i.module] for i in m.imports}
        inputs = tc_inputs(texts[m.exports.module], imports)
        paths.append(write_tc(outdir, m.exports.module, tc_payload(m), inputs))
    return paths


def _timed(step: Callable[[], object]) -> int:
    gc.collect()
    start = time.perf_counter_ns()
    step()
    return time.perf_counter_ns() - start


def _ratio(num: list[int], den: list[int]) -> dict[str, Any]:
    paired = [a / b for a, b in zip(num, den, strict=True)]
    return {
        "ratio": statistics.median(num) / statistics.median(den),
        "range": [min(paired), max(paired)],
    }


def _sizes(paths: Sequence[Path], lines: int) -> dict[str, Any]:
    per_section: dict[str, dict[str, int]] = {}
    headers = 0
    for path in paths:
        header = read_header(path)
        stored = sum(e.size for e in header.sections)
        headers += path.stat().st_size - stored
        for e in header.sections:
            entry = per_section.setdefault(e.name, {"stored": 0, "raw": 0})
            entry["stored"] += e.size
            entry["raw"] += e.raw_size
    total = sum(p.stat().st_size for p in paths)
    return {
        "total_bytes": total,
        "bytes_per_line": total / lines,
        "header_bytes": headers,
        "sections": per_section,
    }


def run_tcfile_benchmark(
    *,
    modules: int = 50,
    units: int = 5,
    seed: int = 0,
    repeat: int = 5,
    typed: bool = True,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Run the benchmark; return a JSON-compatible report (see ``format_table``).

    ``typed=False`` leaves out step 4 (typed files of package base)."""
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    say: Progress = progress or (lambda _msg: None)
    program = generate_program(modules, units, seed)
    lines = sum(m.lines for m in program)
    texts = {m.name: m.text for m in program}
    say(f"generated {len(program)} modules, {lines} lines (seed {seed})")
    trees = [parse_module(m.text, m.file) for m in program]
    renamed = _rename_all(trees)
    work = _workdir()
    try:
        report = _run(
            program, trees, renamed, texts, lines, work, repeat, say, modules, units, seed
        )
        if typed:
            report["typed_base"] = _run_typed(work / "typed", repeat, say)
        return report
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(
    program: Sequence[Any],
    trees: Sequence[Any],
    renamed: list[RenamedModule],
    texts: Mapping[str, str],
    lines: int,
    work: Path,
    repeat: int,
    say: Progress,
    modules: int,
    units: int,
    seed: int,
) -> dict[str, Any]:
    reference = work / "reference"
    paths = _write_all(renamed, texts, reference)
    for m, path in zip(renamed, paths, strict=True):  # untimed check
        if read_tc(path).program != m:
            raise AssertionError(f"{path}: does not read back equal")
    say(f"  verified: {len(paths)} tc files read back equal")
    counter = iter(range(10**9))

    def fresh_write() -> None:
        _write_all(renamed, texts, work / f"w{next(counter)}")

    steps: dict[str, Callable[[], object]] = {
        "parse+rename": lambda: _rename_all([parse_module(m.text, m.file) for m in program]),
        "rename": lambda: _rename_all(trees),
        "write": fresh_write,
        "header read": lambda: [read_header(p) for p in paths],
        "exports read": lambda: [read_tc_exports(p) for p in paths],
        "full read": lambda: [read_tc(p) for p in paths],
    }
    for step in steps.values():  # warm-up
        step()
    samples = _sample(steps, MEASURES, repeat, say)
    med = {m: statistics.median(samples[m]) for m in MEASURES}
    return {
        "benchmark": "tcfile",
        "config": {"modules": modules, "units": units, "seed": seed, "repeat": repeat},
        "machine": machine_info(work),
        "source": {"modules": len(program), "lines": lines},
        "measures": {
            m: {
                "seconds": med[m] / 1e9,
                "us_per_module": med[m] / 1e3 / len(program),
                "lines_per_s": lines / (med[m] / 1e9),
            }
            for m in MEASURES
        },
        "ratios": {
            "write_over_rename": _ratio(samples["write"], samples["rename"]),
            "write_over_parse_rename": _ratio(samples["write"], samples["parse+rename"]),
            "full_read_over_parse_rename": _ratio(samples["full read"], samples["parse+rename"]),
            "header_over_full_read": _ratio(samples["header read"], samples["full read"]),
            "exports_over_full_read": _ratio(samples["exports read"], samples["full read"]),
        },
        "sizes": _sizes(paths, lines),
    }


# ---------------------------------------------------------------------------
# Typed files, on package base


def _typecheck_all(renamed: Sequence[RenamedModule]) -> list[Any]:
    from ifacedir.typecheck.typecheck import typecheck_module

    ifaces: dict[str, Any] = {}
    out = []
    for rm in renamed:
        result = typecheck_module(rm, ifaces)
        ifaces[rm.module.name] = result.interface
        out.append(result)
    return out


def _front_end_all(base: Sequence[RenamedModule], texts: Mapping[str, str]) -> None:
    """Parse, rename and typecheck the base modules again, without any cache."""
    exports: dict[str, ModuleExports] = {}
    renamed: list[RenamedModule] = []
    for rm in base:
        label = rm.module.span.file
        again = rename_module(parse_module(texts[label], label), exports, rm.exports.package)
        exports[rm.module.name] = again.exports
        renamed.append(again)
    _typecheck_all(renamed)


def _write_typed(
    base: Sequence[RenamedModule], typed: Sequence[Any], texts: Mapping[str, str], outdir: Path
) -> list[Path]:
    fingerprints: dict[str, bytes] = {}
    paths: list[Path] = []
    for rm, tc in zip(base, typed, strict=True):
        name = rm.module.name
        fingerprints[name] = interface_fingerprint(rm.exports, tc.interface)
        inputs = tc_inputs(
            texts[rm.module.span.file], {i.module: fingerprints[i.module] for i in rm.imports}
        )
        paths.append(write_tc(outdir, name, tc_payload(rm, tc), inputs))
    return paths


def _read_interface(path: Path) -> object:
    with open_tc(path) as tc:
        return tc.interface()


def _run_typed(work: Path, repeat: int, say: Progress) -> dict[str, Any]:
    from ifacedir.rename.program import rename_base_library

    result = rename_base_library()
    base, texts = list(result.modules), dict(result.sources)
    lines = sum(text.count("\n") for text in texts.values())
    typed = _typecheck_all(base)
    if not all(t.ok for t in typed):
        raise AssertionError("package base does not typecheck")
    paths = _write_typed(base, typed, texts, work / "reference")
    for tc, path in zip(typed, paths, strict=True):  # untimed check
        if read_tc(path).program != tc:
            raise AssertionError(f"{path}: does not read back equal")
    say(f"typed: package base, {len(base)} modules, {lines} lines; files read back equal")
    counter = iter(range(10**9))
    steps: dict[str, Callable[[], object]] = {
        "parse+rename+typecheck": lambda: _front_end_all(base, texts),
        "typecheck": lambda: _typecheck_all(base),
        "write": lambda: _write_typed(base, typed, texts, work / f"w{next(counter)}"),
        "header read": lambda: [read_header(p) for p in paths],
        "interface read": lambda: [_read_interface(p) for p in paths],
        "full read": lambda: [read_tc(p) for p in paths],
    }
    for step in steps.values():  # warm-up
        step()
    samples = _sample(steps, TYPED_MEASURES, repeat, say, "typed ")
    med = {m: statistics.median(samples[m]) for m in TYPED_MEASURES}
    return {
        "source": {"modules": len(base), "lines": lines},
        "measures": {
            m: {"seconds": med[m] / 1e9, "us_per_module": med[m] / 1e3 / len(base)}
            for m in TYPED_MEASURES
        },
        "ratios": {
            "write_over_typecheck": _ratio(samples["write"], samples["typecheck"]),
            "full_read_over_front_end": _ratio(
                samples["full read"], samples["parse+rename+typecheck"]
            ),
            "interface_over_full_read": _ratio(samples["interface read"], samples["full read"]),
            "header_over_full_read": _ratio(samples["header read"], samples["full read"]),
        },
        "sizes": _sizes(paths, lines),
    }


def _sample(
    steps: Mapping[str, Callable[[], object]],
    names: Sequence[str],
    repeat: int,
    say: Progress,
    label: str = "",
) -> dict[str, list[int]]:
    gc.collect()
    gc.freeze()
    samples: dict[str, list[int]] = {m: [] for m in names}
    try:
        for rep in range(repeat):
            shift = rep % len(names)
            for name in [*names[shift:], *names[:shift]]:
                samples[name].append(_timed(steps[name]))
            say(
                f"{label}repetition {rep + 1}/{repeat}: "
                + "  ".join(f"{m} {samples[m][-1] / 1e9:.3f}s" for m in names)
            )
    finally:
        gc.unfreeze()
    return samples


def _fmt_ratio(r: Mapping[str, Any]) -> str:
    lo, hi = r["range"]
    return f"{r['ratio']:.3f}x ({lo:.3f}-{hi:.3f})"


def format_table(report: Mapping[str, Any]) -> str:
    """The report as text (what ``python -m bench tcfile`` prints)."""
    cfg, src, mach = report["config"], report["source"], report["machine"]
    out = [
        f"ifacedir tc-file benchmark: {src['modules']} modules, {src['lines']} lines, "
        f"{cfg['units']} units per module, seed {cfg['seed']}, median of {cfg['repeat']} "
        "interleaved repetitions",
        f"machine: {mach['nproc']} CPUs ({mach['cpu']}), Python {mach['python']}, "
        f"files on {mach['workdir_fs']}",
        "",
        f"{'measure':<14} {'seconds':>8} {'us/module':>10} {'lines/s':>10}",
    ]
    for name, fig in report["measures"].items():
        out.append(
            f"{name:<14} {fig['seconds']:>8.3f} {fig['us_per_module']:>10.0f} "
            f"{fig['lines_per_s']:>10.0f}"
        )
    r = report["ratios"]
    out += [
        "",
        f"write / rename:              {_fmt_ratio(r['write_over_rename'])}",
        f"write / parse+rename:        {_fmt_ratio(r['write_over_parse_rename'])}",
        f"full read / parse+rename:    {_fmt_ratio(r['full_read_over_parse_rename'])}",
        f"header read / full read:     {_fmt_ratio(r['header_over_full_read'])}",
        f"exports read / full read:    {_fmt_ratio(r['exports_over_full_read'])}",
        "",
    ]
    sizes = report["sizes"]
    out.append(
        f"on disk: {sizes['total_bytes']} bytes, {sizes['bytes_per_line']:.1f} bytes per "
        f"source line (headers {sizes['header_bytes']} bytes)"
    )
    out.extend(_section_lines(sizes, src["lines"]))
    typed = report.get("typed_base")
    if typed:
        out += _typed_lines(typed)
    return "\n".join(out)


def _section_lines(sizes: Mapping[str, Any], lines: int) -> list[str]:
    return [
        f"  {name:<9} stored {s['stored']:>9} raw {s['raw']:>9}  "
        f"({s['stored'] / lines:.1f} stored bytes per line)"
        for name, s in sizes["sections"].items()
    ]


def _typed_lines(typed: Mapping[str, Any]) -> list[str]:
    src = typed["source"]
    out = [
        "",
        f"typed tc files (stage typecheck) of package base: {src['modules']} modules, "
        f"{src['lines']} lines",
        f"{'measure':<24} {'seconds':>8} {'us/module':>10}",
    ]
    for name, fig in typed["measures"].items():
        out.append(f"{name:<24} {fig['seconds']:>8.3f} {fig['us_per_module']:>10.0f}")
    r = typed["ratios"]
    out += [
        "",
        f"write / typecheck:                      {_fmt_ratio(r['write_over_typecheck'])}",
        f"full read / parse+rename+typecheck:     {_fmt_ratio(r['full_read_over_front_end'])}",
        f"interface read / full read:             {_fmt_ratio(r['interface_over_full_read'])}",
        f"header read / full read:                {_fmt_ratio(r['header_over_full_read'])}",
        "",
    ]
    sizes = typed["sizes"]
    out.append(
        f"on disk: {sizes['total_bytes']} bytes, {sizes['bytes_per_line']:.1f} bytes per "
        f"source line (headers {sizes['header_bytes']} bytes)"
    )
    out.extend(_section_lines(sizes, src["lines"]))
    return out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--modules", type=int, default=50, help="generated modules")
    parser.add_argument("--units", type=int, default=5, help="units (~45 lines) per module")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions; medians reported")
    parser.add_argument("--no-typed", action="store_true", help="skip the typed files of base")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def main(args: argparse.Namespace) -> int:
    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    report = run_tcfile_benchmark(
        modules=args.modules,
        units=args.units,
        seed=args.seed,
        repeat=args.repeat,
        typed=not args.no_typed,
        progress=None if args.quiet else progress,
    )
    print(json.dumps(report, indent=2) if args.json else format_table(report))
    return 0

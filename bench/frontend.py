"""The front-end benchmark: lexing, layout, parsing, renaming and typechecking
throughput, side by side with ``ghc -fno-code``, and the syntax-tree codec through JSON
versus CBOR.

``python -m bench frontend [--modules N] [--units U] [--repeat R] [--seed S] [--json]``

1. **Sources** (:mod:`bench.hsgen`): ``N`` generated modules of ``U`` units each (about
   45 lines per unit; data types, classes, instances, guards, ``where``, ``case``,
   ``let``, ``do``, comprehensions, operators), each importing up to three earlier
   ones, plus a small helper module; well-typed Haskell 2010 over the implicit Prelude.
2. **Front-end passes**, each timed over all modules in process, reported in source
   lines per second: *lex* (``lexer.lex``), *lex+layout* (``lex`` then
   ``layout.resolve_by_indentation``: algorithm L without the parser's
   ``parse-error(t)`` hook), *parse* (``parse_module``: lexing, layout and the
   grammar), *parse+rename* (``parse_module`` then ``rename_module`` against the
   exports of base and of the modules renamed before it), *parse+rename+tc* (the same,
   then ``typecheck_module`` against the interfaces of base and of the modules checked
   before it) and *typecheck* (``typecheck_module`` alone on modules renamed
   beforehand). Package base is renamed and typechecked once, untimed, before
   (reported as ``base``): the program's passes are timed with base loaded, as GHC's
   are with its interface files on disk.
3. **Side by side with GHC**, when ``ghc`` is on ``PATH`` (or ``--no-ghc``): the
   program is written to a temporary directory with a root module importing every
   module, and ``ghc -fno-code -XHaskell2010 --make -v0 -outputdir <fresh dir>`` on the
   root is timed (wall time, a fresh output directory each repetition, so nothing is
   skipped as up to date), together with GHC's fixed cost, the same command on a
   one-line module. **End to end** (``--no-endtoend`` to skip), ``python -m ifacedir
   check`` on the same root in a fresh interpreter is timed the same way, with its
   fixed cost (interpreter start, imports, renaming and typechecking base) on the
   one-line module. Both subprocess pairs are interleaved with the in-process passes.
   Ratios are times, ours / GHC (above 1: ours slower): end to end, in process (our
   parse+rename+tc against GHC's whole run), and per line (each side's program time
   minus its fixed cost).
4. **Codec** (:mod:`ifacedir.syntax.codec`) on the parsed trees: *encode* is
   ``encode_tree`` then ``json.dumps`` (compact) or ``cbor.encode`` (canonical);
   *decode* is ``json.loads`` or ``cbor.decode`` then ``decode_tree``. The tree codec
   alone (no serialisation) is timed too, and sizes are reported raw and after zstd
   level 3 (what a container section gets).

Noise control as in :mod:`bench.format`: the measures are interleaved within each
repetition in a rotating order, each figure is the median of ``R`` repetitions, the
ratios are ratios of medians with the range of the per-repetition paired ratios, the
generated trees are ``gc.freeze()``-d, a collection runs before every timed loop and
an untimed warm-up runs every path first. The warm-up also checks (untimed) that every
module typechecks without a diagnostic and that GHC and ``ifacedir check`` accept the
program; the codec's output is checked to decode back to an equal tree through both
serialisations.
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
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

__all__ = ["add_arguments", "format_table", "main", "run_frontend_benchmark", "write_program"]

PASSES: Final = ("lex", "lex+layout", "parse", "parse+rename", "parse+rename+tc", "typecheck")
RENAME_PASSES: Final = frozenset({"parse+rename", "parse+rename+tc", "typecheck"})
TC_PASSES: Final = frozenset({"parse+rename+tc", "typecheck"})
GHC_MEASURES: Final = ("ghc", "ghc-startup")
ENDTOEND_MEASURES: Final = ("ours-e2e", "ours-startup")
GHC_FLAGS: Final = ("-fno-code", "-XHaskell2010", "--make", "-v0")
ROOT_MODULE: Final = "BenchAll"
STARTUP_MODULE: Final = "One"
CODECS: Final = ("json", "cbor", "tree-only")
ZSTD_LEVEL: Final = 3

Progress = Callable[[str], None]


def _have_renamer() -> bool:
    return importlib.util.find_spec("ifacedir.rename.rename") is not None


def _have_typechecker() -> bool:
    return importlib.util.find_spec("ifacedir.typecheck.typecheck") is not None


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


def _rename_all(program: Sequence[GeneratedModule], base: _Base) -> list[Any]:
    from ifacedir.rename.rename import rename_module

    exports = dict(base.exports)
    out: list[Any] = []
    for m in program:
        renamed = rename_module(parse_module(m.text, m.file), exports)
        exports[m.name] = renamed.exports
        out.append(renamed)
    return out


def _typecheck_all(program: Sequence[GeneratedModule], base: _Base) -> list[Any]:
    from ifacedir.rename.rename import rename_module
    from ifacedir.typecheck.typecheck import typecheck_module

    exports = dict(base.exports)
    ifaces = dict(base.interfaces)
    out: list[Any] = []
    for m in program:
        renamed = rename_module(parse_module(m.text, m.file), exports)
        exports[m.name] = renamed.exports
        result = typecheck_module(renamed, ifaces)
        ifaces[m.name] = result.interface
        out.append(result)
    return out


def _typecheck_renamed(renamed: Sequence[Any], base: _Base) -> list[Any]:
    from ifacedir.typecheck.typecheck import typecheck_module

    ifaces = dict(base.interfaces)
    out: list[Any] = []
    for rm in renamed:
        result = typecheck_module(rm, ifaces)
        ifaces[rm.module.name] = result.interface
        out.append(result)
    return out


class _Base:
    """Package base renamed (and typechecked), loaded once per process, untimed."""

    def __init__(self, typecheck: bool) -> None:
        from ifacedir.rename.program import rename_base_library

        start = time.perf_counter_ns()
        renamed = rename_base_library()
        if not renamed.ok:
            raise AssertionError(f"package base does not rename: {renamed.diagnostics[0]}")
        self.rename_s = (time.perf_counter_ns() - start) / 1e9
        self.modules = len(renamed.modules)
        self.lines = sum(text.count("\n") for _label, text in renamed.sources)
        self.exports: dict[str, Any] = {rm.module.name: rm.exports for rm in renamed.modules}
        self.interfaces: dict[str, Any] = {}
        self.typecheck_s = 0.0
        if typecheck:
            from ifacedir.typecheck.typecheck import typecheck_renamed

            start = time.perf_counter_ns()
            checked = typecheck_renamed(renamed)
            self.typecheck_s = (time.perf_counter_ns() - start) / 1e9
            if len(checked.modules) != len(renamed.modules) or not all(
                r.ok for r in checked.modules
            ):
                raise AssertionError("package base does not typecheck")
            self.interfaces = {r.interface.module: r.interface for r in checked.modules}

    def report(self) -> dict[str, Any]:
        return {
            "modules": self.modules,
            "lines": self.lines,
            "rename_s": self.rename_s,
            "typecheck_s": self.typecheck_s,
        }


def _check_typed(program: Sequence[GeneratedModule], results: Sequence[Any]) -> None:
    """Every generated module typechecked without a diagnostic (untimed)."""
    for m, result in zip(program, results, strict=True):
        if result.diagnostics:
            raise AssertionError(f"{m.name} does not typecheck: {result.diagnostics[0]}")


# ---------------------------------------------------------------------------
# Subprocesses: GHC and our command line on the program written to disk


def write_program(program: Sequence[GeneratedModule], root: Path) -> None:
    """The program's files under ``root``, a module ``BenchAll`` importing every module
    (the root both compilers are given) and a one-line module ``One`` (fixed costs)."""
    for m in program:
        path = root / m.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(m.text, encoding="utf-8")
    imports = "".join(f"import {m.name} ()\n" for m in program)
    (root / f"{ROOT_MODULE}.hs").write_text(
        f"module {ROOT_MODULE} where\n\n{imports}", encoding="utf-8"
    )
    (root / f"{STARTUP_MODULE}.hs").write_text(f"module {STARTUP_MODULE} where\n", encoding="utf-8")


def _ghc_version(ghc: str) -> str:
    done = subprocess.run([ghc, "--numeric-version"], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def _run_ghc(ghc: str, root: Path, module: str) -> int:
    """Wall time (ns) of ``ghc -fno-code --make`` on ``module`` with a fresh -outputdir."""
    outdir = Path(tempfile.mkdtemp(prefix="ghc-out-", dir=root.parent))
    try:
        command = [ghc, *GHC_FLAGS, "-outputdir", str(outdir), f"{module}.hs"]
        return _run_timed(command, root)
    finally:
        shutil.rmtree(outdir, ignore_errors=True)


def _cache_dir(root: Path) -> Path:
    """Our base cache for the run (``$IFACEDIR_CACHE``), beside the sources: built by the
    untimed warm-up, so the timed runs load base from it, as GHC loads its own."""
    return root.parent / "ifacedir-cache"


def _run_ours(root: Path, module: str) -> int:
    """Wall time (ns) of ``python -m ifacedir check`` on ``module`` in a fresh interpreter."""
    env = {**os.environ, "IFACEDIR_CACHE": str(_cache_dir(root))}
    command = [sys.executable, "-m", "ifacedir", "check", f"{module}.hs"]
    return _run_timed(command, root, env)


def _run_timed(command: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None) -> int:
    gc.collect()
    start = time.perf_counter_ns()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter_ns() - start
    if done.returncode != 0:
        raise AssertionError(
            f"{' '.join(command)} failed (exit {done.returncode}):\n{done.stdout}{done.stderr}"
        )
    return elapsed


@contextmanager
def _workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="bench-frontend-") as tmp:
        root = Path(tmp) / "src"
        root.mkdir()
        yield root


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


def _figures(samples: Sequence[float], lines: int) -> dict[str, Any]:
    seconds = statistics.median(samples) / 1e9
    return {
        "seconds": seconds,
        "lines_per_s": lines / seconds,
        "samples_s": [s / 1e9 for s in samples],
    }


def _ratio(num: Sequence[float], den: Sequence[float]) -> dict[str, Any]:
    paired = [a / b for a, b in zip(num, den, strict=True)]
    return {
        "ratio": statistics.median(num) / statistics.median(den),
        "range": [min(paired), max(paired)],
    }


def _minus(total: Sequence[float], fixed: Sequence[float]) -> list[float]:
    """Per-repetition differences (a program's time less the same run's fixed cost)."""
    return [t - f for t, f in zip(total, fixed, strict=True)]


def run_frontend_benchmark(
    *,
    modules: int = 50,
    units: int = 5,
    seed: int = 0,
    repeat: int = 5,
    rename: bool = True,
    typecheck: bool = True,
    ghc: bool | None = None,
    endtoend: bool = True,
    warmup_subprocesses: bool = True,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Run the benchmark; return a JSON-compatible report (see ``format_table``).

    ``ghc``: ``None`` runs GHC when ``ghc`` is on ``PATH``, ``True`` requires it.
    ``endtoend``: time ``python -m ifacedir check`` in a fresh interpreter (needs the
    typechecker). ``warmup_subprocesses=False`` skips the untimed warm-up runs of GHC and
    ``ifacedir check`` (smoke tests only: the first timed run then builds the base
    cache)."""
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    say: Progress = progress or (lambda _msg: None)
    program = generate_program(modules, units, seed)
    lines = sum(m.lines for m in program)
    say(f"generated {len(program)} modules, {lines} lines (seed {seed})")
    trees = [parse_module(m.text, m.file) for m in program]
    rename = rename and _have_renamer()
    typecheck = typecheck and rename and _have_typechecker()
    ghc_path = shutil.which("ghc") if ghc is not False else None
    if ghc and ghc_path is None:
        raise RuntimeError("ghc is not on PATH")
    endtoend = endtoend and typecheck
    passes = [
        p
        for p in PASSES
        if (rename or p not in RENAME_PASSES) and (typecheck or p not in TC_PASSES)
    ]
    base = _Base(typecheck) if rename else None
    if base is not None:
        say(
            f"base: {base.modules} modules, {base.lines} lines, renamed in {base.rename_s:.2f}s"
            + (f", typechecked in {base.typecheck_s:.2f}s" if typecheck else "")
            + " (once, untimed)"
        )
    renamed = _rename_all(program, base) if base is not None else []
    steps: dict[str, Callable[[], object]] = {
        "lex": lambda: _lex_all(program),
        "lex+layout": lambda: _layout_all(program),
        "parse": lambda: _parse_all(program),
    }
    if base is not None:
        steps["parse+rename"] = lambda: _rename_all(program, base)
        steps["parse+rename+tc"] = lambda: _typecheck_all(program, base)
        steps["typecheck"] = lambda: _typecheck_renamed(renamed, base)
    externals = (GHC_MEASURES if ghc_path else ()) + (ENDTOEND_MEASURES if endtoend else ())
    with _workdir() as root:
        write_program(program, root)
        if ghc_path is not None:
            steps["ghc"] = functools.partial(_run_ghc, ghc_path, root, ROOT_MODULE)
            steps["ghc-startup"] = functools.partial(_run_ghc, ghc_path, root, STARTUP_MODULE)
        if endtoend:
            steps["ours-e2e"] = functools.partial(_run_ours, root, ROOT_MODULE)
            steps["ours-startup"] = functools.partial(_run_ours, root, STARTUP_MODULE)
        measures = [*passes, *externals]
        return _measure(
            run=_Run(
                program=program,
                lines=lines,
                trees=trees,
                passes=passes,
                measures=measures,
                steps=steps,
                repeat=repeat,
                say=say,
                cache=_cache_dir(root) if endtoend else None,
                warmup_subprocesses=warmup_subprocesses,
            ),
            config={
                "modules": modules,
                "units": units,
                "seed": seed,
                "repeat": repeat,
                "statistic": "median of repetitions; measures interleaved, order rotating",
                "zstd_level": ZSTD_LEVEL,
                "ghc_flags": [*GHC_FLAGS, "-outputdir", "<fresh>"] if ghc_path else None,
            },
            base=base,
            rename=rename,
            typecheck=typecheck,
            ghc_version=_ghc_version(ghc_path) if ghc_path else None,
        )


class _Run:
    """What ``_measure`` needs of ``run_frontend_benchmark``'s setup."""

    def __init__(
        self,
        *,
        program: Sequence[GeneratedModule],
        lines: int,
        trees: Sequence[object],
        passes: Sequence[str],
        measures: Sequence[str],
        steps: Mapping[str, Callable[[], object]],
        repeat: int,
        say: Progress,
        cache: Path | None,
        warmup_subprocesses: bool,
    ) -> None:
        self.program = program
        self.lines = lines
        self.trees = trees
        self.passes = passes
        self.measures = measures
        self.steps = steps
        self.repeat = repeat
        self.say = say
        self.cache = cache
        self.warmup_subprocesses = warmup_subprocesses

    def base_cache_used(self) -> bool:
        """Whether ``ifacedir check`` wrote a base cache (trees without one check base
        from source in every process)."""
        return self.cache is not None and self.cache.is_dir() and any(self.cache.iterdir())


def _measure(
    *,
    run: _Run,
    config: dict[str, Any],
    base: _Base | None,
    rename: bool,
    typecheck: bool,
    ghc_version: str | None,
) -> dict[str, Any]:
    say, steps, measures, lines = run.say, run.steps, run.measures, run.lines
    blobs: dict[str, list[Any]] = {c: [] for c in CODECS}
    first_run: int | None = None
    subprocess_steps = set(GHC_MEASURES) | set(ENDTOEND_MEASURES)
    for step in measures:  # warm-up, untimed; also checks every result
        if step in subprocess_steps and not run.warmup_subprocesses:
            continue
        result = steps[step]()
        if step == "parse+rename+tc":
            _check_typed(run.program, _as_list(result))
        if step == "ours-e2e":  # the first `ifacedir check`: it builds the base cache
            assert isinstance(result, int)
            first_run = result
    if "parse+rename+tc" in measures:
        say("  verified: every module typechecks without a diagnostic")
    if run.warmup_subprocesses and ("ghc" in measures or "ours-e2e" in measures):
        say(
            "  verified: the program passes "
            + " and ".join(
                name
                for name, m in (("ghc -fno-code", "ghc"), ("ifacedir check", "ours-e2e"))
                if m in measures
            )
        )
    sizes = _verify_codecs(run.trees, say)
    gc.collect()
    gc.freeze()
    samples: dict[str, list[int]] = {p: [] for p in measures}
    enc_samples: dict[str, list[int]] = {c: [] for c in CODECS}
    dec_samples: dict[str, list[int]] = {c: [] for c in CODECS}
    try:
        for rep in range(run.repeat):
            shift = rep % len(measures)
            for p in [*measures[shift:], *measures[:shift]]:
                if p in subprocess_steps:
                    elapsed = steps[p]()
                    assert isinstance(elapsed, int)
                    samples[p].append(elapsed)
                else:
                    samples[p].append(_timed(steps[p]))
            codecs = CODECS[rep % len(CODECS) :] + CODECS[: rep % len(CODECS)]
            for c in codecs:
                enc_samples[c].append(
                    _timed(functools.partial(_encode_all, c, run.trees, blobs[c]))
                )
                dec_samples[c].append(_timed(functools.partial(_decode_all, c, blobs[c])))
            say(
                f"repetition {rep + 1}/{run.repeat}: "
                + "  ".join(f"{p} {samples[p][-1] / 1e9:.2f}s" for p in measures)
            )
    finally:
        gc.unfreeze()
    report: dict[str, Any] = {
        "benchmark": "frontend",
        "config": config,
        "machine": machine_info(Path(tempfile.gettempdir())),
        "source": {
            "modules": len(run.program),
            "lines": lines,
            "bytes": sum(len(m.text) for m in run.program),
        },
        "base": base.report() if base is not None else None,
        "passes": {p: _figures(samples[p], lines) for p in run.passes},
        "pass_ratios": {p: _ratio(samples[p], samples["lex"]) for p in run.passes if p != "lex"},
        "renamer": rename,
        "typechecker": typecheck,
        "ghc": None,
        "endtoend": None,
        "vs_ghc": None,
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
    if "ghc" in samples:
        report["ghc"] = _external(samples["ghc"], samples["ghc-startup"], lines)
        report["ghc"]["version"] = ghc_version
    if "ours-e2e" in samples:
        report["endtoend"] = _external(samples["ours-e2e"], samples["ours-startup"], lines)
        report["endtoend"]["first_run_s"] = (first_run or 0) / 1e9
        report["endtoend"]["base_cache"] = run.base_cache_used()
    if "ghc" in samples and typecheck:
        report["vs_ghc"] = _vs_ghc(samples)
    return report


def _as_list(value: object) -> list[Any]:
    assert isinstance(value, list)
    return value


def _external(program: list[int], startup: list[int], lines: int) -> dict[str, Any]:
    """A subprocess measure: the program, the one-line module, and the difference."""
    marginal = _minus(program, startup)
    return {
        "program": _figures(program, lines),
        "startup": _figures(startup, 1),
        "marginal": _figures(marginal, lines),
    }


def _vs_ghc(samples: Mapping[str, list[int]]) -> dict[str, Any]:
    """Time ratios, ours / GHC (above 1: ours slower)."""
    ghc, ghc_fixed = samples["ghc"], samples["ghc-startup"]
    ghc_marginal = _minus(ghc, ghc_fixed)
    out: dict[str, Any] = {
        "inprocess_whole": _ratio(samples["parse+rename+tc"], ghc),
        "inprocess_per_line": _ratio(samples["parse+rename+tc"], ghc_marginal),
    }
    if "ours-e2e" in samples:
        ours, ours_fixed = samples["ours-e2e"], samples["ours-startup"]
        out["endtoend_whole"] = _ratio(ours, ghc)
        out["endtoend_per_line"] = _ratio(_minus(ours, ours_fixed), ghc_marginal)
        out["startup"] = _ratio(ours_fixed, ghc_fixed)
    return out


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
        f"in process, package base loaded; {src['lines']} lines of the program:",
        f"{'pass':<16} {'seconds':>8} {'lines/s':>10} {'time vs lex':>20}",
    ]
    for name, fig in report["passes"].items():
        ratio = _fmt_ratio(report["pass_ratios"][name]) if name != "lex" else "1.00x"
        lines.append(f"{name:<16} {fig['seconds']:>8.3f} {fig['lines_per_s']:>10.0f} {ratio:>20}")
    if not report["renamer"]:
        lines.append("parse+rename: not measured (ifacedir.rename not available)")
    elif not report["typechecker"]:
        lines.append("typecheck: not measured (off, or ifacedir.typecheck not available)")
    base = report.get("base")
    if base is not None:
        tc = f", typechecked in {base['typecheck_s']:.2f}s" if base["typecheck_s"] else ""
        lines.append(
            f"(package base, {base['modules']} modules, {base['lines']} lines: renamed in "
            f"{base['rename_s']:.2f}s{tc}, once per process, untimed and not counted above)"
        )
    lines += _external_table(report)
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


def _external_table(report: Mapping[str, Any]) -> list[str]:
    ghc, ours, vs = report.get("ghc"), report.get("endtoend"), report.get("vs_ghc")
    if ghc is None and ours is None:
        return ["", "ghc -fno-code: not measured (ghc not on PATH, or --no-ghc)"]
    src = report["source"]
    out = [
        "",
        f"whole program, wall time of a fresh process ({src['modules']} modules + a root "
        "importing them; fixed cost = the same command on a one-line module):",
        f"{'command':<34} {'program s':>9} {'fixed s':>8} {'lines/s':>9} {'marginal lines/s':>17}",
    ]
    rows = []
    if ghc is not None:
        rows.append((f"ghc {ghc['version']} -fno-code --make", ghc))
    if ours is not None:
        rows.append(("python -m ifacedir check", ours))
    for name, fig in rows:
        out.append(
            f"{name:<34} {fig['program']['seconds']:>9.3f} {fig['startup']['seconds']:>8.3f}"
            f" {fig['program']['lines_per_s']:>9.0f} {fig['marginal']['lines_per_s']:>17.0f}"
        )
    if ours is not None:
        out.append(
            f"(ifacedir check's first run, untimed warm-up, base cache built: "
            f"{ours['first_run_s']:.2f}s; the timed runs load base from that cache)"
            if ours["base_cache"]
            else f"(no base cache in this tree: every ifacedir check renames and "
            f"typechecks base from source; first run {ours['first_run_s']:.2f}s)"
        )
    if ghc is None:
        out.append("ghc -fno-code: not measured (ghc not on PATH, or --no-ghc)")
    if vs is not None:
        out += ["", "time ratios, ours / ghc, from medians (range of per-repetition ratios):"]
        out.append(
            "  above 1 = ours slower; per line = each side's program time less its fixed cost"
        )
        labels = (
            ("endtoend_whole", "end to end, whole program (ifacedir check vs ghc)"),
            ("endtoend_per_line", "end to end, per line"),
            ("startup", "fixed cost (one-line module)"),
            ("inprocess_whole", "in process parse+rename+tc vs ghc's whole run"),
            ("inprocess_per_line", "in process parse+rename+tc vs ghc per line"),
        )
        for key, label in labels:
            if key in vs:
                out.append(f"  {label:<52} {_fmt_ratio(vs[key]):>22}")
    return out


# ---------------------------------------------------------------------------
# Command line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--modules", type=int, default=50, help="generated modules")
    parser.add_argument("--units", type=int, default=5, help="units (~45 lines) per module")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions; medians reported")
    parser.add_argument("--no-rename", action="store_true", help="skip renaming and typechecking")
    parser.add_argument("--no-typecheck", action="store_true", help="skip typechecking")
    parser.add_argument(
        "--no-ghc", action="store_true", help="skip ghc -fno-code even when ghc is on PATH"
    )
    parser.add_argument(
        "--no-endtoend",
        action="store_true",
        help="skip timing python -m ifacedir check in a fresh interpreter",
    )
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
        typecheck=not args.no_typecheck,
        ghc=False if args.no_ghc else None,
        endtoend=not args.no_endtoend,
        progress=None if args.quiet else progress,
    )
    print(json.dumps(report, indent=2) if args.json else format_table(report))
    return 0

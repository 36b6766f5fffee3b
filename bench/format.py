"""The format benchmark: ifacedir containers versus JSON+gzip and pickle.

``python -m bench format [--files N] [--seed S] [--repeat R] [--json]``

Writes and reads ``N`` realistic interface files (:mod:`bench.payloads`, one file per
module, in a module directory tree like a real build) in each format and reports, as
ratios measured in the same run:

* **write** throughput: serialise + ``mkdir -p`` + atomic write (temporary file and
  rename) of every file. All formats use the same directory creation and the same
  :func:`~ifacedir.util.atomic.atomic_write_bytes`, so the ratio compares formats, not
  I/O policies; ours goes through :meth:`ModuleDir.write`.
* **full read** throughput: open, read, check and decode every file. Ours is
  ``open_container`` + ``read_sections`` (header checksum and validation, per-section
  hashes, zstd, CBOR decoding with the data-model check).
* **header-only read** latency (ours only, :func:`read_header`) against our full read.
  JSON+gzip and pickle have no header: reading anything means reading everything.
* **codec only** (in memory, no files): encode and decode throughput, to separate the
  format's CPU cost from file-system cost.
* **bytes on disk**: total and per-file median of the file sizes.

Baselines get the same payload dicts (header fields + sections). JSON converts bytes
to hex with a ``default`` hook on write and back with an ``object_hook`` on read,
inside the timed paths; it is compact (no spaces) and gzip'd with ``gzip.compress``'s
default level, 9, and with level 6 (zlib's default, what ``gzip(1)`` uses). Pickle
uses the highest protocol, uncompressed.

Noise control: the formats are interleaved within every repetition (their order
rotates between repetitions), each figure is the median of ``R`` repetitions, ratios
are ratios of those medians (with the range of per-repetition paired ratios). An
untimed warm-up runs every code path first, a garbage collection runs before every
timed loop, and the generated payloads are ``gc.freeze()``-d so their millions of
objects are not rescanned. Files go to tmpfs (``/dev/shm``) when it exists, so the
figures measure the format, not a disk. Every format's files are read back and
compared with what was written (untimed) during the first repetition.
"""

from __future__ import annotations

import argparse
import functools
import gc
import gzip
import importlib.metadata
import json
import os
import pickle
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TypeVar, cast

import zstandard

from bench.payloads import Document, ModulePayload, generate_payloads
from ifacedir.format import cbor
from ifacedir.format.container import (
    FORMAT_MAJOR,
    FORMAT_MINOR,
    ZSTD_LEVEL,
    Container,
    encode_container,
    open_container,
    read_header,
)
from ifacedir.format.header import FileHeader, FileKind
from ifacedir.format.layout import FileRole, ModuleDir
from ifacedir.modulename import ModuleName
from ifacedir.util.atomic import atomic_write_bytes

__all__ = ["add_arguments", "format_table", "main", "run_format_benchmark"]

OURS: Final = "ifacedir"
GZIP_DEFAULT_LEVEL: Final[int] = 9  # gzip.compress(data) without compresslevel
PICKLE_PROTOCOL: Final = pickle.HIGHEST_PROTOCOL
MB: Final = 1_000_000

Progress = Callable[[str], None]
T = TypeVar("T")


# ---------------------------------------------------------------------------
# The formats


@dataclass(frozen=True)
class Item:
    """One module to write and read: its payload, as every format sees it."""

    payload: ModulePayload
    document: Document  # header fields + sections: what the baselines store
    module: ModuleName
    raw_bytes: int  # canonical CBOR size of ``document``: the throughput denominator


class Format:
    """How one format encodes, writes and reads a module's interface."""

    name: str = ""
    note: str = ""

    def path(self, outdir: Path, item: Item) -> Path:
        raise NotImplementedError

    def encode(self, item: Item) -> bytes:
        raise NotImplementedError

    def decode(self, data: bytes) -> object:
        raise NotImplementedError

    def write(self, outdir: Path, item: Item) -> None:
        path = self.path(outdir, item)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, self.encode(item))

    def read(self, path: Path) -> object:
        with open(path, "rb") as f:
            return self.decode(f.read())

    def matches(self, decoded: object, item: Item) -> bool:
        return decoded == item.document


class IfacedirFormat(Format):
    name = OURS
    note = f"container {FORMAT_MAJOR}.{FORMAT_MINOR}, zstd level {ZSTD_LEVEL}, BLAKE2b-128"

    def path(self, outdir: Path, item: Item) -> Path:
        return ModuleDir(outdir, item.module).file(FileRole.HI)

    def encode(self, item: Item) -> bytes:
        p = item.payload
        return encode_container(
            kind=FileKind.INTERFACE,
            phase="simpl",
            module=p.module,
            unit=p.unit,
            schema_version=p.schema_version,
            inputs=p.inputs,
            sections=p.sections,
        )

    def decode(self, data: bytes) -> object:
        container = Container.from_bytes(data)
        return container.header, container.read_sections()

    def write(self, outdir: Path, item: Item) -> None:
        p = item.payload
        ModuleDir(outdir, item.module).write(
            FileRole.HI,
            unit=p.unit,
            schema_version=p.schema_version,
            inputs=p.inputs,
            sections=p.sections,
            phase="simpl",
        )

    def read(self, path: Path) -> object:
        with open_container(path) as container:
            return container.header, container.read_sections()

    def read_header_only(self, path: Path) -> object:
        return read_header(path)

    def matches(self, decoded: object, item: Item) -> bool:
        header, sections = cast(tuple[FileHeader, dict[str, object]], decoded)
        p = item.payload
        return bool(
            sections == p.sections
            and header.module == p.module
            and header.unit == p.unit
            and header.inputs == p.inputs
        )


def _bytes_to_json(value: object) -> object:
    if isinstance(value, bytes):
        return {"$hex": value.hex()}
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _json_to_bytes(obj: dict[str, Any]) -> object:
    if len(obj) == 1 and "$hex" in obj:
        return bytes.fromhex(obj["$hex"])
    return obj


class JsonGzipFormat(Format):
    def __init__(self, level: int) -> None:
        self.level = level
        self.name = f"json+gzip-{level}"
        default = " (gzip.compress default)" if level == GZIP_DEFAULT_LEVEL else ""
        self.note = f"compact JSON, bytes as hex, gzip level {level}{default}"

    def path(self, outdir: Path, item: Item) -> Path:
        return ModuleDir(outdir, item.module).path / f"{item.module.components[-1]}.json.gz"

    def encode(self, item: Item) -> bytes:
        text = json.dumps(item.document, default=_bytes_to_json, separators=(",", ":"))
        return gzip.compress(text.encode(), compresslevel=self.level, mtime=0)

    def decode(self, data: bytes) -> object:
        return json.loads(gzip.decompress(data), object_hook=_json_to_bytes)


class PickleFormat(Format):
    name = f"pickle-{PICKLE_PROTOCOL}"
    note = f"pickle protocol {PICKLE_PROTOCOL} (highest), uncompressed"

    def path(self, outdir: Path, item: Item) -> Path:
        return ModuleDir(outdir, item.module).path / f"{item.module.components[-1]}.pickle"

    def encode(self, item: Item) -> bytes:
        return pickle.dumps(item.document, protocol=PICKLE_PROTOCOL)

    def decode(self, data: bytes) -> object:
        return pickle.loads(data)


def _formats() -> list[Format]:
    formats: list[Format] = [IfacedirFormat(), JsonGzipFormat(GZIP_DEFAULT_LEVEL)]
    if GZIP_DEFAULT_LEVEL != 6:
        formats.append(JsonGzipFormat(6))
    formats.append(PickleFormat())
    return formats


# ---------------------------------------------------------------------------
# Timing


@dataclass
class Samples:
    """Per repetition: the loop's total time and the median per-file time (ns)."""

    totals: list[int]
    per_file: list[int]

    def add(self, total: int, per_file: list[int]) -> None:
        self.totals.append(total)
        self.per_file.append(int(statistics.median(per_file)))

    @property
    def seconds(self) -> float:
        return statistics.median(self.totals) / 1e9


def _timed(items: Sequence[T], step: Callable[[T], object]) -> tuple[int, list[int]]:
    """Run ``step`` on every item; the loop's total ns and each item's ns."""
    gc.collect()
    clock = time.perf_counter_ns
    each: list[int] = []
    start = clock()
    for item in items:
        t0 = clock()
        step(item)
        each.append(clock() - t0)
    return clock() - start, each


# ---------------------------------------------------------------------------
# The run

MEASURES: Final = ("write", "read", "header", "encode", "decode")


def _default_workdir() -> Path | None:
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else None


def _fs_type(path: Path) -> str:
    """The file-system type holding ``path`` (from /proc/mounts), or ``unknown``."""
    best, fstype = "", "unknown"
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return fstype
    target = str(path.resolve())
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount = fields[1]
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) > len(best):
            best, fstype = mount, fields[2]
    return fstype


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _machine(workdir: Path) -> dict[str, Any]:
    affinity = getattr(os, "sched_getaffinity", None)
    return {
        "nproc": len(affinity(0)) if affinity else os.cpu_count(),
        "cpu": _cpu_model(),
        "python": sys.version.split()[0],
        "python_build": " ".join(sys.version.split()[1:]),
        "platform": platform.platform(),
        "cbor2": importlib.metadata.version("cbor2"),
        "zstandard": zstandard.__version__,
        "workdir_fs": _fs_type(workdir),
    }


def _quantile(values: Sequence[int], q: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _make_items(files: int, seed: int, progress: Progress) -> list[Item]:
    items: list[Item] = []
    for payload in generate_payloads(files, seed):
        document = payload.document()
        items.append(
            Item(payload, document, ModuleName(payload.module), len(cbor.encode(document)))
        )
        if len(items) % 250 == 0:
            progress(f"  generated {len(items)}/{files} payloads")
    return items


def run_format_benchmark(
    *,
    files: int = 1000,
    seed: int = 0,
    repeat: int = 5,
    workdir: Path | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Run the benchmark and return its report, a JSON-compatible dict with keys:

    ``config``, ``machine``, ``payload`` (raw sizes); ``formats``: per format a ``note``,
    ``write``/``read``/``header``/``encode``/``decode`` (``header`` is None for the
    baselines), each with ``seconds`` (median total), ``files_per_s``, ``mb_per_s``,
    ``mean_us_per_file``, ``median_us_per_file`` and ``samples_s``, and ``disk``;
    ``ratios``: per baseline, ifacedir / baseline for throughput (``write``, ``read``,
    ``encode``, ``decode``, each with a ``*_range``) and for bytes (``disk_total``,
    ``disk_median``); ``header_read``: header-only versus full read.
    """
    if files < 1 or repeat < 1:
        raise ValueError("files and repeat must be at least 1")
    say: Progress = progress or (lambda _msg: None)
    say(f"generating {files} interface payloads (seed {seed})")
    items = _make_items(files, seed, say)
    formats = _formats()
    ours = formats[0]
    assert isinstance(ours, IfacedirFormat)
    parent = workdir if workdir is not None else _default_workdir()
    base = Path(tempfile.mkdtemp(prefix="ifacedir-bench-", dir=parent))
    samples = {(f.name, m): Samples([], []) for f in formats for m in MEASURES}
    ratio_samples: dict[tuple[str, str], list[float]] = {}
    gc.collect()
    gc.freeze()  # the payloads are long-lived: keep the collector from rescanning them
    try:
        outdirs = {f.name: base / f.name for f in formats}
        paths = {f.name: [f.path(outdirs[f.name], it) for it in items] for f in formats}
        _warm_up(formats, items[:10], base / "warm-up")
        for rep in range(repeat):
            shift = rep % len(formats)
            order = formats[shift:] + formats[:shift]
            say(f"repetition {rep + 1}/{repeat}: order {', '.join(f.name for f in order)}")
            rep_totals: dict[tuple[str, str], int] = {}
            record = functools.partial(_record, samples, rep_totals)

            for f in order:
                outdir = outdirs[f.name]
                shutil.rmtree(outdir, ignore_errors=True)  # a clean build every time
                record(f.name, "write", _timed(items, functools.partial(f.write, outdir)))
            reads: list[tuple[Format, str]] = [(f, "read") for f in order]
            reads.insert(shift % (len(reads) + 1), (ours, "header"))
            for f, measure in reads:
                step = ours.read_header_only if measure == "header" else f.read
                record(f.name, measure, _timed(paths[f.name], step))
            for f in order:
                blobs: list[bytes] = []
                record(f.name, "encode", _timed(items, functools.partial(_encode_into, f, blobs)))
                record(f.name, "decode", _timed(blobs, f.decode))
            if rep == 0:
                _verify(formats, items, paths, say)
            for f in formats[1:]:
                for measure in ("write", "read", "encode", "decode"):
                    ratio = rep_totals[f.name, measure] / rep_totals[OURS, measure]
                    ratio_samples.setdefault((f.name, measure), []).append(ratio)
            say(
                "  "
                + "  ".join(
                    f"{f.name} w {rep_totals[f.name, 'write'] / 1e9:.2f}s"
                    f" r {rep_totals[f.name, 'read'] / 1e9:.2f}s"
                    for f in formats
                )
            )
        disk = {f.name: _disk_usage(paths[f.name]) for f in formats}
    finally:
        gc.unfreeze()
        shutil.rmtree(base, ignore_errors=True)

    raw = [it.raw_bytes for it in items]
    raw_total = sum(raw)
    report: dict[str, Any] = {
        "benchmark": "format",
        "config": {
            "files": files,
            "seed": seed,
            "repeat": repeat,
            "workdir": str(parent) if parent is not None else tempfile.gettempdir(),
            "statistic": "median of repetitions; formats interleaved, order rotating",
            "zstd_level": ZSTD_LEVEL,
            "gzip_default_level": GZIP_DEFAULT_LEVEL,
            "pickle_protocol": PICKLE_PROTOCOL,
            "mb": "10^6 bytes of raw payload (canonical CBOR of the document)",
        },
        "machine": _machine(parent if parent is not None else Path(tempfile.gettempdir())),
        "payload": {
            "files": files,
            "raw_bytes_total": raw_total,
            "raw_bytes_min": min(raw),
            "raw_bytes_median": int(statistics.median(raw)),
            "raw_bytes_p90": _quantile(raw, 0.9),
            "raw_bytes_max": max(raw),
            "sections_per_file": len(items[0].payload.sections),
        },
        "formats": {},
        "ratios": {},
    }
    for f in formats:
        entry: dict[str, Any] = {"note": f.note}
        for measure in MEASURES:
            s = samples[f.name, measure]
            if not s.totals:
                entry[measure] = None
                continue
            seconds = s.seconds
            entry[measure] = {
                "seconds": seconds,
                "files_per_s": files / seconds,
                "mb_per_s": raw_total / MB / seconds,
                "mean_us_per_file": seconds * 1e6 / files,
                "median_us_per_file": statistics.median(s.per_file) / 1e3,
                "samples_s": [t / 1e9 for t in s.totals],
            }
        entry["disk"] = disk[f.name]
        entry["disk"]["ratio_to_raw"] = disk[f.name]["total_bytes"] / raw_total
        report["formats"][f.name] = entry
    theirs_note = "not applicable: JSON+gzip and pickle files have no header; they are read whole"
    ours_report = report["formats"][OURS]
    report["header_read"] = {
        "median_us_per_file": ours_report["header"]["median_us_per_file"],
        "full_read_median_us_per_file": ours_report["read"]["median_us_per_file"],
        "mean_us_per_file": ours_report["header"]["mean_us_per_file"],
        "full_read_mean_us_per_file": ours_report["read"]["mean_us_per_file"],
        "ratio_median": ours_report["header"]["median_us_per_file"]
        / ours_report["read"]["median_us_per_file"],
        "ratio_mean": ours_report["header"]["seconds"] / ours_report["read"]["seconds"],
        "baselines": theirs_note,
        # what a header-only consumer (recompilation check, build graph) saves compared
        # with formats it would have to read whole: their full read time / our header read
        "speedup_vs_baseline_full_read": {
            f.name: report["formats"][f.name]["read"]["seconds"] / ours_report["header"]["seconds"]
            for f in formats[1:]
        },
    }
    for f in formats[1:]:
        theirs = report["formats"][f.name]
        ratios: dict[str, Any] = {}
        for measure in ("write", "read", "encode", "decode"):
            # throughput ratio = their time / our time: above 1 means ifacedir is faster
            ratios[measure] = theirs[measure]["seconds"] / ours_report[measure]["seconds"]
            paired = ratio_samples[f.name, measure]
            ratios[f"{measure}_range"] = [min(paired), max(paired)]
        ratios["disk_total"] = ours_report["disk"]["total_bytes"] / theirs["disk"]["total_bytes"]
        ratios["disk_median"] = ours_report["disk"]["median_bytes"] / theirs["disk"]["median_bytes"]
        report["ratios"][f.name] = ratios
    return report


def _record(
    samples: dict[tuple[str, str], Samples],
    rep_totals: dict[tuple[str, str], int],
    name: str,
    measure: str,
    result: tuple[int, list[int]],
) -> None:
    samples[name, measure].add(*result)
    rep_totals[name, measure] = result[0]


def _encode_into(fmt: Format, out: list[bytes], item: Item) -> None:
    out.append(fmt.encode(item))


def _warm_up(formats: Sequence[Format], items: Sequence[Item], outdir: Path) -> None:
    """Run every code path once, untimed, so first-call costs stay out of repetition 1."""
    for f in formats:
        for item in items:
            f.write(outdir / f.name, item)
            path = f.path(outdir / f.name, item)
            f.read(path)
            f.decode(f.encode(item))
            if isinstance(f, IfacedirFormat):
                f.read_header_only(path)
    shutil.rmtree(outdir, ignore_errors=True)


def _verify(
    formats: Sequence[Format], items: Sequence[Item], paths: dict[str, list[Path]], say: Progress
) -> None:
    """Every format read back what was written (untimed, once)."""
    for f in formats:
        for item, path in zip(items, paths[f.name], strict=True):
            if not f.matches(f.read(path), item):
                raise AssertionError(f"{f.name}: {path} does not read back as written")
    say("  verified: every format reads back exactly what was written")


def _disk_usage(paths: Sequence[Path]) -> dict[str, Any]:
    sizes: list[int] = []
    allocated = 0
    for path in paths:
        st = path.stat()
        sizes.append(st.st_size)
        allocated += getattr(st, "st_blocks", 0) * 512
    return {
        "total_bytes": sum(sizes),
        "median_bytes": int(statistics.median(sizes)),
        "allocated_bytes": allocated,
    }


# ---------------------------------------------------------------------------
# Output


def _fmt_ratio(value: float, lo_hi: Sequence[float] | None = None) -> str:
    text = f"{value:.2f}x"
    if lo_hi is not None and len(lo_hi) == 2 and lo_hi[0] != lo_hi[1]:
        text += f" ({lo_hi[0]:.2f}-{lo_hi[1]:.2f})"
    return text


def format_table(report: dict[str, Any]) -> str:
    """The report as a human-readable table (what ``python -m bench format`` prints)."""
    cfg, mach, pay = report["config"], report["machine"], report["payload"]
    lines = [
        f"ifacedir format benchmark: {pay['files']} files, seed {cfg['seed']}, "
        f"median of {cfg['repeat']} interleaved repetitions",
        f"machine: {mach['nproc']} CPUs ({mach['cpu']}), Python {mach['python']}, "
        f"{mach['platform']}; cbor2 {mach['cbor2']}, zstandard {mach['zstandard']}; "
        f"files on {mach['workdir_fs']} ({cfg['workdir']})",
        f"payload: {pay['raw_bytes_total'] / MB:.1f} MB raw (canonical CBOR), per file "
        f"min {pay['raw_bytes_min'] / 1e3:.1f} / median {pay['raw_bytes_median'] / 1e3:.1f} "
        f"/ p90 {pay['raw_bytes_p90'] / 1e3:.1f} / max {pay['raw_bytes_max'] / 1e3:.1f} KB",
        "",
        f"{'format':<12} {'write':>18} {'full read':>18} {'encode':>9} {'decode':>9}"
        f" {'header read':>12} {'on disk':>17}",
        f"{'':<12} {'files/s':>8} {'MB/s':>9} {'files/s':>8} {'MB/s':>9} {'MB/s':>9} {'MB/s':>9}"
        f" {'us/file':>12} {'total MB':>9} {'med KB':>7}",
    ]
    for name, entry in report["formats"].items():
        header = entry["header"]
        head = f"{header['median_us_per_file']:.0f}" if header else "n/a"
        lines.append(
            f"{name:<12} {entry['write']['files_per_s']:>8.0f} {entry['write']['mb_per_s']:>9.1f}"
            f" {entry['read']['files_per_s']:>8.0f} {entry['read']['mb_per_s']:>9.1f}"
            f" {entry['encode']['mb_per_s']:>9.1f} {entry['decode']['mb_per_s']:>9.1f}"
            f" {head:>12} {entry['disk']['total_bytes'] / MB:>9.2f}"
            f" {entry['disk']['median_bytes'] / 1e3:>7.1f}"
        )
    lines += [
        "",
        "ratios, ifacedir / baseline, from medians (range of per-repetition paired ratios):",
        "  throughput above 1 = ifacedir faster; bytes below 1 = ifacedir smaller",
        f"{'baseline':<12} {'write':>18} {'full read':>18} {'encode':>18} {'decode':>18}"
        f" {'disk total':>10} {'disk med':>9}",
    ]
    for name, r in report["ratios"].items():
        lines.append(
            f"{name:<12} {_fmt_ratio(r['write'], r['write_range']):>18}"
            f" {_fmt_ratio(r['read'], r['read_range']):>18}"
            f" {_fmt_ratio(r['encode'], r['encode_range']):>18}"
            f" {_fmt_ratio(r['decode'], r['decode_range']):>18}"
            f" {r['disk_total']:>9.2f}x {r['disk_median']:>8.2f}x"
        )
    hr = report["header_read"]
    lines += [
        "",
        f"header-only read (read_header) vs full read (open_container + read_sections), "
        f"ifacedir: median {hr['median_us_per_file']:.0f} us vs "
        f"{hr['full_read_median_us_per_file']:.0f} us per file "
        f"(ratio {hr['ratio_median']:.2f}; mean {hr['mean_us_per_file']:.0f} vs "
        f"{hr['full_read_mean_us_per_file']:.0f} us, ratio {hr['ratio_mean']:.2f})",
        f"baselines: {hr['baselines']}",
        "a full read of each baseline takes this many times as long as ifacedir's "
        "header-only read: "
        + ", ".join(
            f"{name} {speedup:.1f}x"
            for name, speedup in hr["speedup_vs_baseline_full_read"].items()
        ),
        "",
        "notes: " + "; ".join(f"{n}: {e['note']}" for n, e in report["formats"].items()),
        "write = serialise + mkdir -p + atomic write (same helper for every format); "
        "full read = open + read + check + decode; encode/decode = in memory, no files",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Command line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--files", type=int, default=1000, help="modules (files) per format")
    parser.add_argument("--seed", type=int, default=0, help="payload generator seed")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions; medians reported")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        help="parent of the temporary directory (default: /dev/shm if present, else $TMPDIR)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def main(args: argparse.Namespace) -> int:
    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    report = run_format_benchmark(
        files=args.files,
        seed=args.seed,
        repeat=args.repeat,
        workdir=args.dir,
        progress=None if args.quiet else progress,
    )
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(format_table(report))
    return 0

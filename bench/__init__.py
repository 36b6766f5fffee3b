"""Benchmarks for ifacedir (run with ``python -m bench <name>``; not part of the test suite).

Each benchmark is a module exposing ``add_arguments(parser)`` and ``main(args) -> int``,
listed in :data:`BENCHMARKS` and imported only when chosen, so adding one costs the
others nothing. Every benchmark reports ratios measured in the same run, because the
machines these run on are shared and noisy: absolute numbers from different runs are
not comparable, ratios from one run are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = ["BENCHMARKS", "Benchmark"]


@dataclass(frozen=True)
class Benchmark:
    """A registered benchmark: ``module`` defines ``add_arguments`` and ``main``."""

    name: str
    summary: str
    module: str


BENCHMARKS: Final[dict[str, Benchmark]] = {
    b.name: b
    for b in (
        Benchmark(
            "format",
            "container write/read throughput, header-only reads and size vs JSON+gzip and pickle",
            "bench.format",
        ),
        Benchmark(
            "frontend",
            "parse/rename/typecheck throughput vs ghc -fno-code; syntax codec JSON vs CBOR",
            "bench.frontend",
        ),
        Benchmark(
            "backends",
            "interpreter vs Python backend on nfib, queens, sieve; runghc and ghc -O0 beside",
            "bench.backends",
        ),
        Benchmark(
            "driver",
            "ifacedir build: full, no-op and per-edit rebuilds on generated projects vs ghc --make",
            "bench.driver",
        ),
        Benchmark(
            "tcfile",
            "tc phase files: write time vs renaming, header/exports/full reads, bytes per line",
            "bench.tcfile",
        ),
    )
}

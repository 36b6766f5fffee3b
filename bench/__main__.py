"""``python -m bench <benchmark> [options]``: dispatch to a registered benchmark."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from bench import BENCHMARKS


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="ifacedir benchmarks; each reports ratios measured in one run.",
    )
    commands = parser.add_subparsers(dest="benchmark", required=True, metavar="BENCHMARK")
    for bench in BENCHMARKS.values():
        sub = commands.add_parser(bench.name, help=bench.summary, description=bench.summary)
        if argv and argv[0] == bench.name:  # import only the benchmark that runs
            module = importlib.import_module(bench.module)
            module.add_arguments(sub)
            sub.set_defaults(run=module.main)
    args = parser.parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())

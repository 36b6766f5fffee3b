# One line per target. `make check` is what CI runs (see .ci/run).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo check lint typecheck test test-slow schemas bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV) && $(BIN)/pip install -q --upgrade pip && $(BIN)/pip install -q -e '.[dev]' && touch $(STAMP)

setup: $(STAMP)                      ## create .venv with the package and dev tools

demo: $(STAMP)                       ## the main job: build and run the bundled example program
	$(BIN)/ifacedir demo build/demo

check: lint typecheck test           ## everything CI checks

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP)                       ## two worker processes: the machines have two cores
	$(BIN)/pytest -q -n 2

test-slow: $(STAMP)                  ## also the slow checks (fuzzing and properties at scale)
	$(BIN)/pytest -q -n 2 --run-slow

schemas: $(STAMP)                    ## regenerate schemas/ from the pydantic models
	$(BIN)/ifacedir schema --write

bench: $(STAMP)                      ## full-size benchmarks (not run by CI)
	$(BIN)/python -m bench format && $(BIN)/python -m bench frontend && $(BIN)/python -m bench tcfile && $(BIN)/python -m bench backends

clean:
	rm -rf $(VENV) build .mypy_cache .ruff_cache .pytest_cache .hypothesis

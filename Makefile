# The two set-up commands of README: `make edition` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: edition test test-full check lint install install-test schema bench clean constraints check-constraints

# Every install takes the versions of constraints.txt (the PDFs are byte-identical with them).
PIP := $(BIN)/pip install --quiet -c constraints.txt

$(BIN)/teiedit: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(PIP) -e .
	touch $@

install: $(BIN)/teiedit
	bash scripts/system-deps.sh
	@# The maps' library and the world's coastline, copied into the web edition by the html builder.
	test -f $(VENV)/node-site/node_modules/leaflet/dist/leaflet.js -a -f $(VENV)/node-site/node_modules/world-atlas/land-110m.json \
	  || npm install --silent --no-save --prefix $(VENV)/node-site leaflet@1.9 world-atlas@2

## edition: install teiedit in .venv and build this edition (tei/, out/html/, out/pdf/)
edition: install
	$(BIN)/teiedit build

install-test: install
	bash scripts/system-deps.sh --test
	$(PIP) -e ".[test]"
	test -f $(VENV)/node/node_modules/axe-core/axe.min.js || npm install --silent --no-save --prefix $(VENV)/node axe-core@4

# The test dependencies, installed once (and again when pyproject.toml changes), for `make check`.
$(VENV)/.test-deps: pyproject.toml $(BIN)/teiedit
	$(MAKE) install-test
	touch $@

## lint: ruff check, ruff format --check and mypy --strict (scripts/lint.py says what is reported only)
lint: $(VENV)/.test-deps
	$(BIN)/python scripts/lint.py

## test: install the test dependencies, lint, and run the whole test suite (what CI runs)
test: install-test
	touch $(VENV)/.test-deps
	$(BIN)/python scripts/lint.py
	$(BIN)/python -m pytest

## test-full: as test, with every long property and size sweep at full size (TEIEDIT_TESTS=full)
test-full: install-test
	touch $(VENV)/.test-deps
	$(BIN)/python scripts/lint.py
	TEIEDIT_TESTS=full $(BIN)/python -m pytest

## check: the edit-test loop: lint and the fast tests (no PDFs, no browser), under a minute
check: lint
	$(BIN)/python -m pytest -q -x -m "not slow and not browser"

## constraints: rewrite constraints.txt from this environment (after upgrading a dependency on purpose)
constraints: $(VENV)/.test-deps
	$(BIN)/python scripts/constraints.py

## check-constraints: exit 1 when an installed version differs from constraints.txt
check-constraints: install
	$(BIN)/python scripts/constraints.py --check

schema: install
	$(BIN)/teiedit schema

## model: train the block labeller of the conversion cascade from training/labels/ (needs the development
## corpus beside the repository: ../shared/corpora/plaintext-dev, or CORPUS=DIR)
CORPUS ?= ../shared/corpora/plaintext-dev
model: install
	$(BIN)/python -m teiedit.readers.cascade.train --corpus $(CORPUS)

bench: install
	$(PIP) -e ".[bench]"
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf out .pytest_cache

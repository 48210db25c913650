# The two commands of the README: `make run` and `make test`. Each one sets up
# everything it needs in .venv from nothing but Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt

.PHONY: run test lint typecheck unit screenshots docs bench clean install install-test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml constraints.txt
	$(PIP) -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/bin/python pyproject.toml constraints.txt
	$(PIP) -e '.[test]'
	@touch $@ $(VENV)/.installed

# The wheels of the runtime dependencies and of the build backend, so that the tests of a
# fresh install (the wheel alone, the pre-commit hook) run without the network.
$(VENV)/wheelhouse/.complete: $(VENV)/bin/python pyproject.toml constraints.txt
	rm -rf $(VENV)/wheelhouse
	$(PY) -m pip download --quiet --disable-pip-version-check -c constraints.txt \
		--only-binary=:all: -d $(VENV)/wheelhouse . hatchling
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test $(VENV)/wheelhouse/.complete

## Open the questionnaire (pass a profile with: make run ARGS=my-profile.toml)
run: install
	$(VENV)/bin/alignment-tui $(ARGS)

## Lint, type-check and run the whole test suite
test: install-test lint typecheck unit

lint: install-test
	$(PY) -m ruff check alignment_tui tools tests benchmarks
	$(PY) -m ruff format --check alignment_tui tools tests benchmarks

typecheck: install-test
	$(PY) -m mypy alignment_tui tools

# Two workers, one a core: the UI tests wait on a terminal, a browser or a server much of
# the time. "worksteal" evens out the long UI tests. A focused run stays one process.
unit: install-test
	$(PY) -m pytest -n 2 --dist worksteal

## Regenerate the SVGs in screenshots/
screenshots: install-test
	$(PY) -m tools.screenshots screenshots
	$(PY) -m tools.live_screenshots screenshots/live
	$(PY) -m tools.checkin_screenshots screenshots/live

## Regenerate docs/rules.md from the rule registry
docs: install-test
	$(PY) -m tools.rulesdoc docs/rules.md

bench: install-test
	for b in startup analysis keystrokes steps check_formats checkins sizes patterns; do $(PY) benchmarks/$$b.py || exit 1; done

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

# Two commands do all the set-up on a fresh machine:
#   make demo   build the student release and grade the bundled sample class
#   make test   run the whole test suite (what CI runs)
# Both create .venv from the pinned requirements when it is missing or out of date.
#   make lab    JupyterLab on release/ as a student sees it (student/ holds its configuration)

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lab release bench clean

demo: $(STAMP)
	$(BIN)/course demo

test: $(STAMP)
	$(BIN)/python -m pytest

# JupyterLab refuses to run as root unless told: containers often run as root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(STAMP)
	cd release && ./../start ../$(BIN)/jupyter lab $(ALLOW_ROOT)

release: $(STAMP)
	$(BIN)/course release

bench: $(STAMP)
	$(BIN)/python benchmarks/grading.py

$(STAMP): requirements.txt requirements-test.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

clean:
	rm -rf $(VENV) gradebook.db submitted feedback .pytest_cache

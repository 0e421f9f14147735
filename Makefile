# The two commands of the README: `make corpus` builds data/, `make test` runs the tests.
# Each creates .venv and installs the pinned dependencies when they are missing or changed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install corpus test check lock clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	touch $(STAMP)

corpus: $(STAMP)
	$(BIN)/newsclaims build

test: $(STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/newsclaims build --check
	$(BIN)/newsclaims validate data/

# Re-pin every transitive dependency after changing pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^newsclaims' > requirements.lock

clean:
	rm -rf $(VENV) build dist .pytest_cache

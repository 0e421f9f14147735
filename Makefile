# The two commands of the README: `make corpus` builds data/, `make test` runs the tests.
# Each creates .venv and installs the pinned dependencies when they are missing or changed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

DS3 := .venv-datasets3
DS3_STAMP := $(DS3)/.installed

.PHONY: install corpus test check lock clean datasets3 browser

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test,bench,scale]'
	touch $(STAMP)

corpus: $(STAMP)
	$(BIN)/newsclaims build

test: $(STAMP) browser datasets3
	$(BIN)/python -m pytest

# datasets 3.6, the last release that runs loading scripts, in its own environment: the tests load
# newsclaims_loader.py with it (load_dataset(script, trust_remote_code=True)); skipped when missing.
datasets3:
	@if [ -f $(DS3_STAMP) ] && [ $(DS3_STAMP) -nt requirements-datasets3.lock ]; then :; \
	elif { test -x $(DS3)/bin/python || $(PYTHON) -m venv $(DS3); } \
		&& $(DS3)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-datasets3.lock; then \
		touch $(DS3_STAMP); \
	else echo "note: could not set up $(DS3) (datasets 3.6); the loading script's datasets 3.x test will be skipped"; fi

# The review pages are tested in headless Chromium (tests/test_browser.py). Install Debian's
# chromium + chromium-driver when missing and we can (root with apt); otherwise the test skips.
browser:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing chromium and chromium-driver for the browser test"; \
		(timeout 900 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq chromium chromium-driver >/dev/null) \
			|| echo "note: could not install chromium; the browser test will be skipped"; \
	else echo "note: chromium/chromedriver not found and cannot be installed here; the browser test will be skipped"; fi

check: $(STAMP)
	$(BIN)/newsclaims build --check
	$(BIN)/newsclaims validate data/

# Re-pin every transitive dependency after changing pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^newsclaims' > requirements.lock

clean:
	rm -rf $(VENV) $(DS3) build dist .pytest_cache

# Two entry points (see README.md):  make run  — install and start the dashboard
#                                    make test — install and run the test suite
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip -q --disable-pip-version-check
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8501

.PHONY: run test setup setup-test

setup: $(VENV)/.app node_modules/.installed /usr/bin/chromium

setup-test: setup $(VENV)/.dev

$(VENV)/.app: requirements.txt
	python3 -m venv $(VENV)
	$(PIP) install --no-deps -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.app requirements-dev.txt
	$(PIP) install --no-deps -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for PNG/PDF exports and the browser tests, with a font that covers Arabic.
/usr/bin/chromium:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver fonts-noto-core >/dev/null

run: setup
	$(VENV)/bin/streamlit run app.py --server.port $(PORT)

test: setup-test
	$(PY) -m pytest -q

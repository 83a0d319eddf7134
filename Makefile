# Resilience planning QGIS plugin. `make demo` and `make test` set up a fresh Debian 12 machine first.
SHELL := /bin/bash
PLUGIN := resilience_plugin
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
SYSTEM_PYTHON := /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
BUILD := build
STAGE := $(BUILD)/stage/$(PLUGIN)
DIST := dist/$(PLUGIN)-$(VERSION).zip
DEMO_OUT ?= $(BUILD)/demo
export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)
# pyproj in the venv looks for its data under the venv prefix; Debian keeps it in /usr/share/proj.
export PROJ_DATA ?= /usr/share/proj

# Debian packages: QGIS and PyQGIS, the GDAL/PROJ-linked Python libraries that must match QGIS's own
# GDAL and PROJ, Qt translation tools, a virtual screen, PDF tools and a font with CJK glyphs.
APT_PACKAGES := qgis python3-qgis qgis-providers python3-rasterio python3-pyproj python3-shapely \
	python3-pandas python3-scipy python3-numpy python3-openpyxl python3-venv qttools5-dev-tools \
	xvfb xauth poppler-utils fonts-noto-cjk
# Test tools only, in a venv on the system Python (so PyQGIS and the Debian libraries stay visible).
# bandit and flake8 at the versions the QGIS plugin repository's scanner uses (see `scan` below).
PIP_PACKAGES := pytest==8.3.4 pytest-qt==4.4.0 pytest-timeout==2.3.1 pyflakes==3.4.0 bandit==1.9.4 flake8==7.3.0

# The unit tests of the pure core (tests/unit) run a second time in a venv of the current PyPI releases,
# the stack most users have (QGIS 3.40 / 4 on Windows: numpy 2, shapely 2). No QGIS runs in that process,
# so PyPI wheels are fine there. Unpinned on purpose; a fresh clone (CI) gets the newest, and
# `rm -rf .venv-current` refreshes a local one. `make test` prints the versions in the run's header.
VENV_CURRENT := .venv-current
PY_CURRENT := $(VENV_CURRENT)/bin/python
# wntr (EPA's Water Network Tool for Resilience) is the reference of the lifeline tests; wntr 1.5 imports six
# without declaring it.
CURRENT_PACKAGES := numpy shapely pandas scipy rasterio pytest wntr six networkx

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help setup system-packages venv venv-current test unit scan demo package stage deploy qgis transcompile \
	translations bench lint clean

help:
	@echo "make demo         build the Helsinki planning database, validate it, write a QGIS project"
	@echo "make test         lint, scan, unit tests in both venvs, then the test suite in headless QGIS"
	@echo "make unit         unit tests of the core without QGIS, in .venv and in .venv-current (current PyPI)"
	@echo "make scan         bandit and flake8 as the QGIS plugin repository runs them"
	@echo "make package      build $(DIST)"
	@echo "make deploy       install the plugin into the QGIS 3 and QGIS 4 user profiles"
	@echo "make qgis         start QGIS with the plugin enabled and the demo project open"
	@echo "make transcompile compile i18n/*.ts into .qm"
	@echo "make translations refresh i18n/*.ts from the source (keeps existing translations)"

setup: system-packages venv

system-packages:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: Makefile
	@[ -x $(PY) ] || $(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check $(PIP_PACKAGES)
	@$(PY) -c "import qgis.core, rasterio, pyproj, shapely, pandas, scipy, pytest" || \
		(echo "The venv cannot import PyQGIS or the Debian libraries"; exit 1)
	@touch $@

venv-current: $(VENV_CURRENT)/.installed

$(VENV_CURRENT)/.installed: Makefile
	@[ -x $(PY_CURRENT) ] || $(SYSTEM_PYTHON) -m venv $(VENV_CURRENT)
	$(PY_CURRENT) -m pip install -q --disable-pip-version-check --upgrade $(CURRENT_PACKAGES)
	@touch $@

transcompile: system-packages
	@for ts in i18n/*.ts; do [ -e "$$ts" ] || continue; lrelease -silent "$$ts" -qm "$${ts%.ts}.qm"; done

translations:
	$(SYSTEM_PYTHON) tests/tools/i18n.py update

lint: venv
	$(PY) -m pyflakes resilience_plugin tests

# The plugin repository's scan (plugins.qgis.org), on what the zip ships. Settings from its scanner,
# github.com/qgis/QGIS-Plugins-Website: qgis-app/plugins/security_scanner.py runs
# `bandit -r <plugin> -t <rules>` (every severity of the enabled rules) and
# `flake8 --max-line-length=120 --select <rules>`, the enabled rules being those of
# qgis-app/plugins/management/commands/data/bandit_rules.json and flake8_rules.json (July 2026; its bandit
# list also names B111 and B320, which bandit 1.9 no longer has). Here medium and high bandit findings fail,
# low ones are listed.
BANDIT_TESTS := B101 B102 B103 B104 B105 B106 B107 B108 B110 B112 B113 B201 B202 B301 B302 B303 B304 B305 \
	B306 B307 B308 B310 B311 B312 B313 B314 B315 B316 B317 B318 B319 B321 B323 B324 B401 B402 B403 B405 B406 \
	B407 B408 B409 B412 B413 B501 B502 B503 B504 B505 B506 B507 B508 B509 B601 B602 B603 B604 B605 B606 B607 \
	B608 B609 B610 B611 B612 B613 B614 B615 B701 B702 B703 B704
FLAKE8_SELECT := E101 E711 E712 E713 E714 E721 E722 E731 E741 E742 E743 E901 E902 E999 W605 F402 F403 F404 \
	F405 F811 F821 F822 F823 F831 F901 C901
comma := ,
space := $(subst ,, )
commas = $(subst $(space),$(comma),$(strip $(1)))

scan: venv
	@echo "bandit, every finding (low ones are allowed):"
	@$(VENV)/bin/bandit -q -r $(PLUGIN) -t $(call commas,$(BANDIT_TESTS)) --exit-zero -f custom \
		--msg-template '  {relpath}:{line}: {test_id} [{severity}] {msg}'
	@echo "bandit, medium and high findings (must be none):"
	$(VENV)/bin/bandit -q -r $(PLUGIN) -t $(call commas,$(BANDIT_TESTS)) --severity-level medium && echo "  none"
	$(VENV)/bin/flake8 --max-line-length=120 --select=$(call commas,$(FLAKE8_SELECT)) $(PLUGIN) && \
		echo "flake8 at the plugin repository's settings: no findings"

# Unit tests: without QGIS (tests/conftest.py starts it only for modules outside tests/unit), in the QGIS
# venv with Debian's libraries and in .venv-current with the current PyPI releases (whose rasterio wheel
# brings its own PROJ and proj.db: no PROJ_DATA pointing at Debian's there).
unit: venv venv-current
	$(PY) -m pytest tests/unit -p no:pytestqt -ra $(PYTEST_ARGS)
	env -u PROJ_DATA RESILIENCE_CURRENT_STACK=1 $(PY_CURRENT) -m pytest tests/unit -ra $(PYTEST_ARGS)

test: setup transcompile lint scan unit
	mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	$(PY) -m pytest tests --ignore=tests/unit -ra $(PYTEST_ARGS)

demo: setup transcompile
	mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	$(PY) tests/tools/demo.py --output $(DEMO_OUT)

bench: setup
	$(PY) tests/tools/bench.py

stage: transcompile
	rm -rf $(BUILD)/stage && mkdir -p $(STAGE)
	cd $(PLUGIN) && find . -name '*.py' -not -path '*/__pycache__/*' -exec cp --parents {} ../$(STAGE)/ \;
	cp metadata.txt LICENSE $(STAGE)/
	cp -r resources $(STAGE)/resources
	mkdir -p $(STAGE)/i18n && cp i18n/*.qm $(STAGE)/i18n/ 2>/dev/null || true

package: stage
	mkdir -p dist && rm -f $(DIST)
	cd $(BUILD)/stage && $(SYSTEM_PYTHON) -m zipfile -c ../../$(DIST) $(PLUGIN)
	@echo "Built $(DIST)"

QGIS3_PLUGINS := $(HOME)/.local/share/QGIS/QGIS3/profiles/default/python/plugins
QGIS4_PLUGINS := $(HOME)/.local/share/QGIS/QGIS4/profiles/default/python/plugins

deploy: stage
	for dir in $(QGIS3_PLUGINS) $(QGIS4_PLUGINS); do \
		mkdir -p $$dir && rm -rf $$dir/$(PLUGIN) && cp -r $(STAGE) $$dir/$(PLUGIN) && echo "Installed into $$dir"; \
	done
	$(SYSTEM_PYTHON) tests/tools/enable_plugin.py $(HOME)/.local/share/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini
	$(SYSTEM_PYTHON) tests/tools/enable_plugin.py $(HOME)/.local/share/QGIS/QGIS4/profiles/default/QGIS/QGIS4.ini

qgis: deploy demo
	QT_QPA_PLATFORM= qgis --noversioncheck --project $(DEMO_OUT)/helsinki_planning.qgz

clean:
	rm -rf $(BUILD) dist .pytest_cache
	find . -name __pycache__ -prune -exec rm -rf {} +

.PHONY: screenshots
# Screenshots of the dock (300 px wide, English and Chinese) in the real QGIS desktop under Xvfb (temporary
# profile), into docs/images/; the first views of the demo projects and the QGIS logs into build/screenshots/.
screenshots: stage
	@[ -f $(DEMO_OUT)/helsinki_planning.qgz ] || $(MAKE) demo
	$(SYSTEM_PYTHON) tests/tools/screenshots.py --stage $(STAGE) --demo $(DEMO_OUT) --output docs/images \
		--check $(BUILD)/screenshots

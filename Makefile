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
PIP_PACKAGES := pytest==8.3.4 pytest-qt==4.4.0 pytest-timeout==2.3.1 pyflakes==3.2.0

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help setup system-packages venv test demo package stage deploy qgis transcompile translations \
	bench lint clean

help:
	@echo "make demo         build the Helsinki planning database, validate it, write a QGIS project"
	@echo "make test         run the test suite in headless QGIS"
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

transcompile: system-packages
	@for ts in i18n/*.ts; do [ -e "$$ts" ] || continue; lrelease -silent "$$ts" -qm "$${ts%.ts}.qm"; done

translations:
	$(SYSTEM_PYTHON) tests/tools/i18n.py update

lint: venv
	$(PY) -m pyflakes resilience_plugin tests

test: setup transcompile lint
	mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	$(PY) -m pytest tests -ra $(PYTEST_ARGS)

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

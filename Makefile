# One entry point for editors, maintainers and CI. Every target sets up the
# environment it needs from the pinned lock files, so a fresh clone needs only
# Python 3.11+ and make.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000

# Material for MkDocs prints a banner about its successor on every build; we
# pin our versions, so it is noise here.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help venv new ingest check site linkcheck serve test bench lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	@touch $@

venv: $(STAMP) ## create .venv from requirements.lock

new: $(STAMP) ## add an article: make new FILE=path/to/article.txt (no FILE: paste it, then Ctrl-D)
	$(PY) -m scripts.new $(if $(FILE),"$(FILE)",-)

ingest: $(STAMP) ## turn sources/ into Markdown under docs/ (report in build/ingest-report.json)
	$(PY) -m scripts.ingest --report build/ingest-report.json

check: $(STAMP) ## fail if docs/ is not what sources/ produce
	$(PY) -m scripts.ingest --check

site: ingest ## ingest, then build the site into site/ (strict: any warning fails)
	$(PY) -m mkdocs build --strict

linkcheck: $(STAMP) ## check every internal link and anchor of the built site/ (after make site)
	$(PY) -m scripts.linkcheck

serve: site ## build, then serve the site at http://$(HOST):$(PORT)/ and rebuild on changes
	$(PY) -m mkdocs serve --dev-addr $(HOST):$(PORT)

test: $(STAMP) ## run the test suite
	$(PY) -m pytest

N ?= 30
bench: $(STAMP) ## measure ingest + build at N articles per language (make bench N=1000)
	$(PY) -m scripts.bench $(N)

lock: ## re-resolve pyproject.toml into requirements.lock (needs the network)
	$(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/pip install --quiet pip-tools==7.6.2
	build/lock-venv/bin/pip-compile --quiet --generate-hashes --extra test --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean: ## remove the environment and build output
	rm -rf $(VENV) build site

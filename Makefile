# Everything a fresh machine with Python, pip and make needs: the targets create
# .venv themselves and install Debian packages (chromium, LibreOffice) when the
# tests need them and they are missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUNTIME := $(VENV)/.runtime
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo example test fuzz bench browser lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	touch $(STAMP)

# the demo needs only what se-graph itself imports: no test or benchmark extras
$(RUNTIME): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $(RUNTIME)

demo: $(RUNTIME)
	$(BIN)/se-graph audit data/sample -o reports/sample
	@echo "Open reports/sample/index.html in a browser."
	@# the draft goes into the audit's folder after it: the next audit replaces the
	@# folder whole (draft included), and this writes the draft again
	$(BIN)/se-graph report data/sample -o reports/sample/report-draft.docx
	@echo "$(BIN)/se-graph check-report reports/sample/report-draft.docx data/sample -o reports/sample/report-claims.txt"
	@$(BIN)/se-graph check-report reports/sample/report-draft.docx data/sample -o reports/sample/report-claims.txt; \
	  code=$$?; [ $$code -le 1 ] || exit $$code; \
	  echo "check-report: $$(tail -n 1 reports/sample/report-claims.txt) Each claim, where it is and what the data gives: reports/sample/report-claims.txt."
	$(BIN)/se-graph sample -o reports/sample-v1 --next reports/sample-v2 > /dev/null
	@# diff exits 1 when an entry lost its eligibility, as some do in the sample's
	@# next publication (a retest fails): what it found, not a failure of the demo.
	@echo "$(BIN)/se-graph diff data/sample reports/sample-v2 --format html -o reports/diff.html"
	@$(BIN)/se-graph diff data/sample reports/sample-v2 --format html -o reports/diff.html; \
	  code=$$?; [ $$code -le 1 ] || exit $$code
	@echo "Open reports/diff.html: what changed in the sample's next publication (a retest fails in it, so entries lose their eligibility)."

# the committed example audit; a test fails when it is stale
example: $(RUNTIME)
	$(BIN)/se-graph audit data/sample -o reports/example

# Debian's chromium drives the browser tests; LibreOffice opens the annotated
# workbooks, converts the Word draft (Writer) and (through python3-uno) fills in the template.  Installed only
# when missing.
browser:
	@command -v chromium >/dev/null 2>&1 && command -v soffice >/dev/null 2>&1 && command -v ssconvert >/dev/null 2>&1 && \
	  dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 && \
	  /usr/bin/python3 -c "import uno" >/dev/null 2>&1 || \
	  ( $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium libreoffice-calc-nogui \
	      libreoffice-writer-nogui python3-uno gnumeric >/dev/null )

# two workers, one a core: the suite is mostly single-threaded Python
test: $(STAMP) browser
	$(BIN)/python -m pytest -q -n 2

# the fuzzers, long: N generated workbook sets against the oracle of the spec,
# MUTANTS damaged workbooks through both readers, and the Hypothesis properties
# at 2,000 examples each (`make test` runs 40 sets, 60 mutants, 50 examples)
N ?= 5000
MUTANTS ?= 10000
fuzz: $(STAMP) browser
	$(BIN)/python -m tests.differential.run -n $(N) -j 2
	$(BIN)/python -m tests.hostile.fuzz -n $(MUTANTS)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -p no:cacheprovider tests/hostile/test_properties.py

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) reports/sample

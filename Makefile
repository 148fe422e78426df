# The two set-up commands are `make run` and `make test`; both build what they need first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
MO := locales/nl/LC_MESSAGES/messages.mo

.PHONY: run test lint bench workers catalogs messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(MO): locales/nl/LC_MESSAGES/messages.po $(STAMP)
	$(BIN)/pybabel compile --domain messages --directory locales --statistics

catalogs: $(MO)

run: $(STAMP) $(MO)
	$(BIN)/python -m bot

lint: $(STAMP)
	$(BIN)/ruff check bot dialogs tests bench

test: $(STAMP) $(MO) lint
	$(BIN)/python -m pytest

bench: $(STAMP) $(MO)
	$(BIN)/python -m bench

# Production mode on this machine: a local PostgreSQL and N webhook workers (see bot/local_workers.py).
N ?= 2
workers: $(STAMP) $(MO)
	N=$(N) $(BIN)/python -m bot.local_workers

# After changing user-facing strings: refresh the template and the Dutch catalog, then translate.
messages: $(STAMP)
	$(BIN)/pybabel extract --mapping-file babel.cfg --keywords N_ --add-comments NOTE: --sort-output \
		--no-location --no-wrap --project social-media-advisor --output-file locales/messages.pot bot dialogs
	$(BIN)/pybabel update --domain messages --input-file locales/messages.pot --output-dir locales \
		--no-fuzzy-matching --ignore-obsolete --no-wrap

clean:
	rm -rf $(VENV) $(MO)

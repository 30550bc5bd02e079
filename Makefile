# Dutch intake assistant. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python

# No telemetry, no TensorFlow chatter, no SQLAlchemy 2.0 banner.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: help install lint unit test run

help: ## Show this list
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: ## Create .venv (Python 3.10), install the pinned packages, build the Dutch spaCy pipeline
	@scripts/install.sh

lint: install ## Ruff over the Python code
	$(PY) -m ruff check bot actions tests scripts

unit: install ## The unit tests (engine, parsing, advice)
	$(PY) -m pytest tests/unit

test: install lint ## Install what is missing, then every check and test
	$(PY) -m pytest

run: install ## Score answers from the command line (the assistant itself comes with issue 3)
	@echo "Paste one JSON object of answers, then Ctrl-D:"
	@$(PY) -m bot.scoring

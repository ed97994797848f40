# geoinc: `make demo` and `make test` do all the set-up on a fresh machine.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: install demo test gazetteer bench eval clean

$(VENV)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/python examples/demo.py

test: install
	$(BIN)/python -m pytest -q

# Rebuild gazetteer/ from the raw sources (reproducible: same input, same bytes).
gazetteer: install
	$(BIN)/python -m geoinc.gazetteer.build $(SHARED)/data

bench: install
	$(BIN)/python bench/resolve_eval.py

clean:
	rm -rf $(VENV) .pytest_cache

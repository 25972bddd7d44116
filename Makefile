# JXC 进销存 — the two commands are `make run` and `make test`; see README.md.
.PHONY: run stop test lint bench setup clean

run:            ## set up everything, then serve JXC on http://localhost:8069 (admin / admin)
	@bash tools/run.sh

stop:           ## stop the Odoo server and the local PostgreSQL started by `make run`
	@bash tools/stop.sh

test:           ## set up everything, then run the whole test-suite (pytest summary last)
	@bash tools/test.sh $(ARGS)

lint:           ## ruff, ruff format --check and pylint-odoo's mandatory checks over addons/
	@bash tools/lint.sh

bench:          ## benchmark scripts (posting, reservations, reports)
	@bash tools/bench.sh $(ARGS)

setup:          ## only the Python environment and Odoo
	@bash tools/setup.sh

clean: stop     ## remove .venv and .run (databases included)
	rm -rf .venv .run

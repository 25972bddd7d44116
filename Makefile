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

# Operations (README.md, "Backup and restore", "Status", "Upgrading")
.PHONY: backup restore status upgrade scale-test

backup:         ## back up DB (default jxc) and its filestore, Odoo's zip, into DIR (default: its backup folder)
	@$(if $(DB),JXC_DB="$(DB)") DIR="$(DIR)" bash tools/ops.sh backup

restore:        ## restore FILE=backup.zip as DB (default: the name it was backed up from; FORCE=1 replaces)
	@FILE="$(FILE)" DB="$(DB)" FORCE="$(FORCE)" bash tools/ops.sh restore

status:         ## what runs: PostgreSQL, Odoo, workers, replica lag, the last backup of DB
	@$(if $(DB),JXC_DB="$(DB)") bash tools/ops.sh status

upgrade:        ## back up DB, then upgrade its JXC addons to this code (-u) and check 账实核对
	@$(if $(DB),JXC_DB="$(DB)") DIR="$(DIR)" bash tools/ops.sh upgrade

scale-test:     ## a streaming replica, two servers with workers, 32 clients over both (README, "Scaling")
	@bash tools/scale.sh $(ARGS)

setup:          ## only the Python environment and Odoo
	@bash tools/setup.sh

clean: stop     ## remove .venv and .run (databases included)
	rm -rf .venv .run

#!/usr/bin/env bash
# `make lint`: ruff (lint + format check) and pylint-odoo's mandatory checks over addons/.
source "$(dirname "$0")/env.sh"
"$ROOT/tools/setup.sh"
stamp="$VENV/.jxc-lint"
if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/requirements-lint.txt" "$stamp"; then
    log "installing lint tools"
    "$PY" -m pip install -q -r "$ROOT/requirements-lint.txt" >>"$RUN/pip.log" 2>&1 \
        || die "installing lint tools failed; see $RUN/pip.log"
    cp "$ROOT/requirements-lint.txt" "$stamp"
fi
cd "$ROOT"
log "ruff"
"$VENV/bin/ruff" check addons tests tools
"$VENV/bin/ruff" format --check addons tests tools
log "pylint-odoo"
"$VENV/bin/pylint" --rcfile=.pylintrc addons/*
log "lint passed"

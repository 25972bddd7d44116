# Shared settings for the JXC tooling scripts (sourced, not run).
# Everything lives inside the checkout: .venv (Python), .run (PostgreSQL cluster, config, logs).
set -euo pipefail
# runuser, used to run PostgreSQL as its own user when we are root, lives in sbin.
export PATH="$PATH:/usr/sbin:/sbin"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
RUN="$ROOT/.run"
PY="$VENV/bin/python"
ODOO_CACHE="${HOME}/.cache/jxc/odoo-18.0"
ODOO_URL="https://github.com/odoo/odoo/archive/refs/heads/18.0.tar.gz"
JXC_ADDONS="jxc_stock,jxc_purchase,jxc_sales,jxc_finance,jxc_reports"
JXC_DB="${JXC_DB:-jxc}"
JXC_HTTP_PORT="${JXC_HTTP_PORT:-8069}"
JXC_PG_PORT="${JXC_PG_PORT:-54329}"

log() { printf '\033[1m[jxc]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[jxc] %s\033[0m\n' "$*" >&2; exit 1; }

# Where Odoo's source is: $ODOO_SRC, else the download cache.
odoo_src() {
    if [ -n "${ODOO_SRC:-}" ]; then
        [ -f "$ODOO_SRC/odoo-bin" ] || die "ODOO_SRC=$ODOO_SRC is not an Odoo source tree (no odoo-bin)."
        printf '%s\n' "$ODOO_SRC"
    else
        printf '%s\n' "$ODOO_CACHE"
    fi
}

# True when the standard PG* variables point at a server we should use instead of our own cluster.
external_pg() { [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ]; }

# wkhtmltopdf (Qt) wants a runtime directory; without one it warns, in the server log, on every
# print.
qt_runtime_dir() {
    [ -n "${XDG_RUNTIME_DIR:-}" ] && return 0
    export XDG_RUNTIME_DIR="$RUN/xdg"
    mkdir -p -m 700 "$XDG_RUNTIME_DIR"
}

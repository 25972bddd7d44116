#!/usr/bin/env bash
# Creates .venv, installs the Python requirements, Odoo 18.0 from source (the standard
# `pip install` of its source tree), Chromium for the browser tours, and wkhtmltopdf with a CJK
# font for the PDFs. Idempotent: a second run reinstalls nothing (no apt call when all is there).
source "$(dirname "$0")/env.sh"

fetch_odoo() {
    local src; src="$(odoo_src)"
    [ -f "$src/odoo-bin" ] && return 0
    [ -n "${ODOO_SRC:-}" ] && die "ODOO_SRC=$ODOO_SRC has no odoo-bin."
    log "Odoo 18.0 not in $ODOO_CACHE: downloading the official source"
    local tmp; tmp="$(mktemp -d)"
    if curl -fsSL --connect-timeout 20 --max-time 900 "$ODOO_URL" -o "$tmp/odoo.tar.gz" \
        && mkdir -p "$ODOO_CACHE" \
        && tar -xzf "$tmp/odoo.tar.gz" -C "$ODOO_CACHE" --strip-components=1; then
        rm -rf "$tmp"
    else
        rm -rf "$tmp" "$ODOO_CACHE"
        die "Cannot download Odoo 18.0 from $ODOO_URL.
  Provide the Odoo 18.0 Community source yourself, either:
    - unpack it into $ODOO_CACHE (the folder that holds odoo-bin), or
    - set ODOO_SRC=/path/to/odoo-18.0 when calling make."
    fi
}

PIPLOG="$RUN/pip.log"

# pip with its output in $PIPLOG (setuptools is very talkative building Odoo); errors are shown.
pip_quiet() {
    mkdir -p "$RUN"
    if ! "$PY" -m pip "$@" >>"$PIPLOG" 2>&1; then
        grep -v 'is ignored' "$PIPLOG" | tail -n 40 >&2
        die "pip $* failed; the whole output is in $PIPLOG"
    fi
}

setup_venv() {
    if [ ! -x "$PY" ]; then
        log "creating $VENV"
        python3 -m venv "$VENV"
    fi
    local stamp="$VENV/.jxc-requirements"
    if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/requirements.txt" "$stamp"; then
        log "installing Python requirements (first run takes a few minutes)"
        pip_quiet install 'pip>=25.3'
        pip_quiet install --build-constraint "$ROOT/build-constraints.txt" -r "$ROOT/requirements.txt"
        "$PY" -c 'import psycopg2, lxml, werkzeug, pytest, xlsxwriter, yaml' \
            || die "Python requirements did not install; see $PIPLOG"
        cp "$ROOT/requirements.txt" "$stamp"
    fi
}

install_odoo() {
    local src; src="$(odoo_src)"
    local stamp="$VENV/.jxc-odoo"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$src" ] || ! "$PY" -c 'import odoo' 2>/dev/null; then
        log "installing Odoo 18.0 from $src"
        pip_quiet install --no-deps --build-constraint "$ROOT/build-constraints.txt" -e "$src"
        "$PY" -c 'import odoo.release as r; assert r.version_info[:2] == (18, 0), r.version' \
            || die "Odoo 18.0 did not install from $src; see $PIPLOG"
        printf '%s' "$src" > "$stamp"
    fi
}

# Debian packages: apt-get when root, otherwise a clear message naming what to install.
apt_install() {
    local what="$1"; shift
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        die "$what: install $* (apt-get install $*)."
    fi
    log "installing $* ($what)"
    mkdir -p "$RUN"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"; } \
        >>"$RUN/apt.log" 2>&1 || die "apt-get install $* failed; see $RUN/apt.log"
}

# The browser tours (HttpCase.start_tour) drive a headless Chrome or Chromium, which Odoo looks
# for under these names; without one, Odoo would skip them silently.
install_browser() {
    local bin
    for bin in google-chrome chromium chromium-browser google-chrome-stable; do
        command -v "$bin" >/dev/null 2>&1 && return 0
    done
    apt_install "Chromium is needed for the browser tours" chromium
}

# Odoo prints PDFs with wkhtmltopdf (without it, printing falls back to HTML); Chinese needs a
# CJK font, else every character prints as a box; the PDF tests read the text with pdftotext.
install_print_tools() {
    local packages=()
    command -v wkhtmltopdf >/dev/null 2>&1 || packages+=(wkhtmltopdf)
    command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)
    if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh family)" ]; then
        packages+=(fonts-noto-cjk)
    fi
    [ ${#packages[@]} -eq 0 ] || apt_install "PDF printing needs wkhtmltopdf, a Chinese font and pdftotext" "${packages[@]}"
}

fetch_odoo
setup_venv
install_odoo
install_browser
install_print_tools

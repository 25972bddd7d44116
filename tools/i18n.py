"""Refresh an addon's i18n/zh_CN.po from the terms Odoo exports, keeping existing translations.

Usage: .venv/bin/python tools/i18n.py DB ADDON [ADDON...]
DB must have the addons installed (e.g. the test database `jxc_test` after `make test`).
Terms still missing a translation are listed; fill them in the .po file.
"""

import os
import subprocess
import sys
import tempfile

import polib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONF = os.path.join(ROOT, ".run", "odoo.conf")


def refresh(db, addon):
    import odoo

    odoo_bin = os.path.join(os.path.dirname(os.path.dirname(odoo.__file__)), "odoo-bin")
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, f"{addon}.pot")
        subprocess.run(
            [
                sys.executable,
                odoo_bin,
                "-c",
                CONF,
                "-d",
                db,
                "--i18n-export",
                pot,
                "--modules",
                addon,
                "--log-level=warn",
            ],
            check=True,
        )
        new = polib.pofile(pot)
    path = os.path.join(ROOT, "addons", addon, "i18n", "zh_CN.po")
    old = (
        {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(path)} if os.path.exists(path) else {}
    )
    old_by_id = {msgid: msgstr for (_ctx, msgid), msgstr in old.items()}
    # A term that moved between addons keeps the translation it had in the other one.
    for other in sorted(os.listdir(os.path.join(ROOT, "addons"))):
        other_po = os.path.join(ROOT, "addons", other, "i18n", "zh_CN.po")
        if other != addon and os.path.exists(other_po):
            for entry in polib.pofile(other_po):
                if entry.msgstr:
                    old_by_id.setdefault(entry.msgid, entry.msgstr)
    new.metadata.update(
        {
            "Project-Id-Version": "Odoo Server 18.0",
            "Language": "zh_CN",
            "Language-Team": "Chinese (Simplified)",
            "Plural-Forms": "nplurals=1; plural=0;",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "",
        }
    )
    missing = []
    for entry in new:
        entry.msgstr = old.get((entry.msgctxt, entry.msgid)) or old_by_id.get(entry.msgid, "")
        if not entry.msgstr:
            missing.append(entry.msgid)
    new.save(path)
    return missing


if __name__ == "__main__":
    db, addons = sys.argv[1], sys.argv[2:]
    for addon in addons:
        for msgid in refresh(db, addon):
            print(f"{addon}: untranslated: {msgid!r}")

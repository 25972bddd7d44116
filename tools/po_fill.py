"""Fill msgstr in an addon's zh_CN.po from a JSON dict {msgid: msgstr} (a translator's helper).

Usage: .venv/bin/python tools/po_fill.py ADDON translations.json
Only empty entries are filled; entries the JSON does not name are left as they are.
"""

import json
import os
import sys

import polib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(addon, json_path):
    with open(json_path, encoding="utf-8") as f:
        table = json.load(f)
    path = os.path.join(ROOT, "addons", addon, "i18n", "zh_CN.po")
    po = polib.pofile(path)
    for entry in po:
        if not entry.msgstr and entry.msgid in table:
            entry.msgstr = table[entry.msgid]
    po.save(path)
    for entry in po:
        if not entry.msgstr:
            print(f"{addon}: untranslated: {entry.msgid!r}")


if __name__ == "__main__":
    main(*sys.argv[1:3])

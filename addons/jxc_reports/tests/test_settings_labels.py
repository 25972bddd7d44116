# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import TransactionCase


class TestSettingsLabels(TransactionCase):
    """Every JXC setting is labelled (#15, part): a setting shows the label of its first
    field, so that field is a visible one (or the setting has its own string)."""

    def test_every_jxc_setting_has_a_label(self):
        arch = self.env["res.config.settings"].get_views([(False, "form")])["views"]["form"]["arch"]
        settings = [
            node
            for node in etree.fromstring(arch).iter("setting")
            if (node.get("id") or "").startswith("jxc_")
        ]
        self.assertGreaterEqual(len(settings), 8)
        for node in settings:
            with self.subTest(setting=node.get("id")):
                first = node.find(".//field")
                self.assertTrue(
                    node.get("string")
                    or (first is not None and first.get("invisible") not in ("1", "True")),
                    "the setting's first field is invisible: it has no label",
                )

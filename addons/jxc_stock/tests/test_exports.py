# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, new_test_user

from ..utils import EXPORT_DESCRIPTION, download_action


class TestExportedFiles(TransactionCase):
    def test_exports_are_private_and_vacuumed_after_a_day(self):
        user = new_test_user(self.env, login="jxc_export_user", groups="base.group_user")
        other = new_test_user(self.env, login="jxc_export_other", groups="base.group_user")
        action = download_action(self.env(user=user), "summary.xlsx", b"PK-old")
        old = self.env["ir.attachment"].browse(int(action["url"].split("/")[3].split("?")[0]))
        new = self.env["ir.attachment"].browse(
            int(
                download_action(self.env(user=user), "x.xlsx", b"PK-new")["url"]
                .split("/")[3]
                .split("?")[0]
            )
        )
        self.assertRecordValues(
            old, [{"name": "summary.xlsx", "res_model": False, "description": EXPORT_DESCRIPTION}]
        )
        self.assertEqual(old.with_user(user).raw, b"PK-old")
        self.assertFalse(old.with_user(other).search([("id", "=", old.id)]))
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE ir_attachment SET create_date = now() - interval '25 hours' WHERE id = %s",
            [old.id],
        )
        self.env.invalidate_all()
        self.env["ir.attachment"]._gc_jxc_exports()
        self.assertFalse(old.exists())
        self.assertTrue(new.exists())

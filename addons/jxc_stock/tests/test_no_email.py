# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command
from odoo.tests import tagged

from .common import JxcStockCommon


@tagged("post_install", "-at_install")
class TestNoEmail(JxcStockCommon):
    """Staff without an e-mail address give documents to colleagues: mail's "You have been
    assigned to …" goes out without asking them for one (found by the purchase tour, where
    the receipt's backorder keeps the buyer as responsible and the stock user validates)."""

    def test_document_for_a_colleague_by_a_user_without_email(self):
        self.assertFalse(self.stock_user.email)
        # Mail as in the web client: not the tests' tracking_disable.
        env = self.env(user=self.stock_user, context={"tracking_disable": False})
        picking = env["jxc.stock.picking"].create(
            {
                "picking_type": "in",
                "warehouse_id": self.wh1.id,
                "user_id": self.stock_manager.id,
                "line_ids": [
                    Command.create({"product_id": self.product.id, "quantity": 3, "unit_cost": 1.0})
                ],
            }
        )
        self.assertEqual(picking.user_id, self.stock_manager)
        notice = self.env["mail.message"].search(
            [
                ("model", "=", "jxc.stock.picking"),
                ("res_id", "=", picking.id),
                ("partner_ids", "in", self.stock_manager.partner_id.ids),
            ]
        )
        self.assertEqual(len(notice), 1, "the colleague is told")
        self.assertEqual(notice.author_id, self.stock_user.partner_id)
        picking.with_user(self.stock_user).action_done()
        self.assertEqual(picking.state, "done")

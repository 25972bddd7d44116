# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import JxcHttpCase, JxcStockCommon


@tagged("post_install", "-at_install")
class TestBatchValidateTour(JxcStockCommon, JxcHttpCase):
    """批量审核 in the browser, as a stock user: three other issues selected in their list,
    Actions ▸ Validate; the one short of stock stays a draft and the notification says why
    (static/tests/tours/jxc_batch_validate_tour.js)."""

    def test_batch_validate_from_the_list(self):
        water = self.env["product.product"].create({"name": "Tour Batch Water", "type": "consu"})
        self._receive(water, 5, 2.0)
        issues = {
            origin: self._make_picking(
                "out", [{"product_id": water.id, "quantity": quantity}], origin=origin
            )
            for origin, quantity in (
                ("TOUR-BATCH-1", 2),
                ("TOUR-BATCH-SHORT", 40),
                ("TOUR-BATCH-2", 3),
            )
        }
        self.start_tour(
            "/odoo/action-jxc_stock.jxc_stock_picking_action_out",
            "jxc_batch_validate",
            login=self.stock_user.login,
        )
        self.assertEqual(
            {origin: picking.state for origin, picking in issues.items()},
            {"TOUR-BATCH-1": "done", "TOUR-BATCH-SHORT": "draft", "TOUR-BATCH-2": "done"},
        )
        self.assertEqual(self._quant(water).quantity, 0.0)
        self.assertEqual(issues["TOUR-BATCH-1"].move_ids.create_uid, self.stock_user)

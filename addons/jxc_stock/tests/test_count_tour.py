# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command
from odoo.tests import tagged

from .common import JxcHttpCase, JxcStockCommon


@tagged("post_install", "-at_install")
class TestCountTour(JxcStockCommon, JxcHttpCase):
    """盘点 with a variance in the browser (static/tests/tours/jxc_count_tour.js): a stock
    user starts a count and enters what is on the shelf; a stock manager validates it."""

    def test_count_with_a_variance(self):
        soap = self.env["product.product"].create({"name": "Tour Soap", "type": "consu"})
        self._receive(soap, 10, 3.0)
        self.start_tour(
            "/odoo/action-jxc_stock.jxc_stock_count_action/new",
            "jxc_count_variance",
            login=self.stock_user.login,
        )
        count = self.env["jxc.stock.count"].search([("product_ids", "in", soap.ids)])
        self.assertRecordValues(
            count,
            [
                {
                    "state": "in_progress",
                    "warehouse_id": self.wh1.id,
                    "create_uid": self.stock_user.id,
                }
            ],
        )
        self.assertRecordValues(
            count.line_ids,
            [{"product_id": soap.id, "theoretical_quantity": 10, "counted_quantity": 7,
              "is_counted": True, "difference_quantity": -3, "move_id": False}],
        )  # fmt: skip
        self.assertEqual(self._quant(soap).quantity, 10.0, "nothing posted before validation")

        self.start_tour_on(count, "jxc_count_validate", self.stock_manager)
        self.assertEqual(count.state, "done")
        move = count.line_ids.move_id
        self.assertRecordValues(
            move,
            [{"move_type": "count_loss", "product_id": soap.id, "warehouse_id": self.wh1.id,
              "quantity": -3, "value": -9.0, "user_id": self.stock_manager.id}],
        )  # fmt: skip
        self.assertEqual(self._quant(soap).quantity, 7.0)
        self.assertAlmostEqual(self._quant(soap).value, 21.0)
        self.assertLedgerConsistent()


@tagged("post_install", "-at_install")
class TestCountPhoneTour(JxcStockCommon, JxcHttpCase):
    """A count at a phone's size (375 × 812), as a stock user walking the shelves: the lines
    are cards, each opens its form for the counted quantity."""

    browser_size = "375x812"
    touch_enabled = True

    def test_count_at_phone_size(self):
        Product = self.env["product.product"]
        water = Product.create({"name": "Tour Water", "type": "consu"})
        tissue = Product.create({"name": "Tour Tissue", "type": "consu"})
        self._receive(water, 12, 1.0)
        self._receive(tissue, 4, 2.0)
        count = self.env["jxc.stock.count"].create(
            {"warehouse_id": self.wh1.id, "product_ids": [Command.set((water | tissue).ids)]}
        )
        count.with_user(self.stock_user).action_start()
        self.start_tour_on(count, "jxc_count_phone", self.stock_user)
        self.assertRecordValues(
            count.line_ids.sorted(lambda ln: ln.product_id.id),
            [
                {"product_id": water.id, "theoretical_quantity": 12, "counted_quantity": 11,
                 "is_counted": True, "difference_quantity": -1},
                {"product_id": tissue.id, "theoretical_quantity": 4, "counted_quantity": 4,
                 "is_counted": True, "difference_quantity": 0},
            ],
        )  # fmt: skip
        self.assertEqual(count.line_ids.write_uid, self.stock_user)
        self.assertEqual(count.counted_line_count, 2)

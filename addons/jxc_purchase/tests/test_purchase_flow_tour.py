# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from odoo.addons.jxc_stock.tests.common import JxcHttpCase

from .common import JxcPurchaseCommon


class JxcPurchaseTourCommon(JxcPurchaseCommon, JxcHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Product = cls.env["product.product"]
        cls.water = Product.create({"name": "Tour Water", "type": "consu"})
        cls.milk = Product.create(
            {
                "name": "Tour Milk",
                "type": "consu",
                "tracking": "lot",
                "use_expiration_date": True,
                "expiration_time": 30,
            }
        )
        cls.tour_supplier = cls.env["res.partner"].create(
            {"name": "Tour Supplier", "is_company": True}
        )

    def _ledger(self, picking):
        """The ledger rows of ``picking``: [(product, lot name, quantity, warehouse)]."""
        return sorted(
            (move.product_id.name, move.lot_id.name or "", move.quantity, move.warehouse_id.code)
            for move in self.env["jxc.stock.move"].search([("picking_id", "=", picking.id)])
        )


@tagged("post_install", "-at_install")
class TestPurchaseFlowTour(JxcPurchaseTourCommon):
    """采购 → 审批 → 入库 in the browser, each step by the role that does it: a buyer orders
    above the approval amount, a purchase manager approves, the warehouse receives with a lot,
    an expiry date and a rejection (static/tests/tours/jxc_purchase_flow_tour.js)."""

    def test_order_approval_receipt_backorder(self):
        self.company.jxc_po_approval_amount = 1000.0
        self.start_tour(
            "/odoo/action-jxc_purchase.jxc_purchase_order_action/new",
            "jxc_purchase_order_to_approve",
            login=self.purchase_user.login,
        )
        order = self.env["jxc.purchase.order"].search([("partner_id", "=", self.tour_supplier.id)])
        self.assertRecordValues(
            order,
            [
                {
                    "state": "to_approve",
                    "warehouse_id": self.wh1.id,
                    "user_id": self.purchase_user.id,
                    "picking_count": 0,
                }
            ],
        )
        self.assertRecordValues(
            order.line_ids, [{"product_id": self.milk.id, "quantity": 10, "price_unit": 150}]
        )
        self.assertGreater(order.amount_total, 1000.0)

        self.start_tour_on(order, "jxc_purchase_approve", self.purchase_manager)
        self.assertRecordValues(
            order, [{"state": "confirmed", "approved_by_id": self.purchase_manager.id}]
        )
        receipt = self._receipt(order)
        self.assertEqual(len(receipt), 1)

        self.start_tour_on(receipt, "jxc_purchase_receipt_lot_reject", self.stock_user)
        self.assertEqual(receipt.state, "done")
        self.assertRecordValues(
            receipt.line_ids,
            [
                {
                    "lot_name": "TOUR-LOT-1",
                    "expiration_date": date(2027, 6, 30),
                    "quantity_done": 6,
                    "quantity_rejected": 1,
                    "reject_reason": "Damaged",
                }
            ],
        )
        lot = self.env["jxc.stock.lot"].search([("product_id", "=", self.milk.id)])
        self.assertRecordValues(lot, [{"name": "TOUR-LOT-1", "expiration_date": date(2027, 6, 30)}])
        # Only the accepted cartons enter stock, in the lot, posted by the stock user.
        self.assertEqual(self._ledger(receipt), [("Tour Milk", "TOUR-LOT-1", 6.0, "TWH1")])
        self.assertEqual(receipt.move_ids.user_id, self.stock_user)
        self.assertEqual(self._quant(self.milk, lot=lot).quantity, 6.0)
        # The rejected carton is owed again: 4 wait in the backorder.
        self.assertRecordValues(
            order.line_ids,
            [{"qty_received": 6, "qty_rejected": 1, "qty_to_receive": 4}],
        )
        self.assertEqual(order.receipt_status, "partial")
        backorder = self._receipt(order)
        self.assertRecordValues(backorder, [{"backorder_id": receipt.id, "state": "draft"}])
        self.assertRecordValues(
            backorder.line_ids, [{"product_id": self.milk.id, "quantity": 4, "quantity_done": 0}]
        )
        self.assertLedgerConsistent()


@tagged("post_install", "-at_install")
class TestPurchaseReceiptPhoneTour(JxcPurchaseTourCommon):
    """A purchase receipt at a phone's size (375 × 812): the lines are cards; a card opens the
    line's form, where the stock user enters the accepted and rejected quantities, the lot and
    its expiry (static/tests/tours/jxc_purchase_flow_tour.js)."""

    browser_size = "375x812"
    touch_enabled = True

    def test_receipt_at_phone_size(self):
        order = self._make_order(
            [(self.water, 10, 2.0), (self.milk, 4, 6.0)], partner=self.tour_supplier
        )
        order.action_confirm()
        receipt = self._receipt(order)
        self.start_tour_on(receipt, "jxc_purchase_receipt_phone", self.stock_user)
        self.assertEqual(receipt.state, "done")
        self.assertRecordValues(
            receipt.line_ids,
            [
                {"product_id": self.water.id, "quantity_done": 6, "quantity_rejected": 0,
                 "reject_reason": False, "lot_name": False, "expiration_date": False},
                {"product_id": self.milk.id, "quantity_done": 3, "quantity_rejected": 1,
                 "reject_reason": "Leaking", "lot_name": "PHONE-LOT",
                 "expiration_date": date(2027, 12, 31)},
            ],
        )  # fmt: skip
        self.assertEqual(
            self._ledger(receipt),
            [("Tour Milk", "PHONE-LOT", 3.0, "TWH1"), ("Tour Water", "", 6.0, "TWH1")],
        )
        self.assertRecordValues(
            order.line_ids,
            [
                {"qty_received": 6, "qty_rejected": 0, "qty_to_receive": 4},
                {"qty_received": 3, "qty_rejected": 1, "qty_to_receive": 1},
            ],
        )
        backorder = self._receipt(order)
        self.assertRecordValues(
            backorder.line_ids,
            [
                {"product_id": self.water.id, "quantity": 4},
                {"product_id": self.milk.id, "quantity": 1},
            ],
        )
        self.assertLedgerConsistent()

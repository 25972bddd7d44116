# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError

from .common import JxcPurchaseCommon


class TestSupplierStatistics(JxcPurchaseCommon):
    def test_on_time_rejection_and_lead_time(self):
        now = fields.Datetime.now()
        on_time = self._make_order([(self.product, 10, 1.0)], date_planned=now + timedelta(days=3))
        late = self._make_order([(self.product, 10, 1.0)], date_planned=now - timedelta(days=1))
        for order in on_time | late:
            order.action_confirm()
            receipt = self._receipt(order)
            receipt.line_ids.write(
                {"quantity_done": 9, "quantity_rejected": 1, "reject_reason": "Wet cartons"}
            )
            receipt.write({"cancel_backorder": True})
            receipt.action_done()
        self.supplier.invalidate_recordset()
        self.assertRecordValues(
            self.supplier,
            [
                {
                    "jxc_purchase_count": 2,
                    "jxc_on_time_rate": 50.0,
                    "jxc_rejection_rate": 10.0,
                }
            ],
        )
        self.assertAlmostEqual(self.supplier.jxc_avg_lead_days, 0.0, places=1)
        self.assertAlmostEqual(self.supplier.jxc_purchase_total, 22.6)
        action = self.supplier.action_view_jxc_last_prices()
        lines = self.env["jxc.purchase.order.line"].search(action["domain"])
        self.assertEqual(len(lines), 2)


class TestPurchaseReplenishment(JxcPurchaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["product.supplierinfo"].create(
            {
                "partner_id": cls.supplier.id,
                "product_tmpl_id": cls.product.product_tmpl_id.id,
                "price": 4.0,
            }
        )
        cls.env["jxc.stock.rule"].create(
            [
                {
                    "product_id": cls.product.id,
                    "warehouse_id": cls.wh1.id,
                    "min_quantity": 20,
                    "max_quantity": 100,
                },
                {
                    "product_id": cls.product2.id,
                    "warehouse_id": cls.wh1.id,
                    "min_quantity": 5,
                    "max_quantity": 10,
                },
            ]
        )

    def _suggestions(self):
        self.env["jxc.stock.replenish"].action_compute()
        return self.env["jxc.stock.replenish"].search([("warehouse_id", "=", self.wh1.id)])

    def test_incoming_purchases_count(self):
        order = self._make_order([(self.product, 30, 4.0)])
        order.action_confirm()
        receipt = self._receipt(order)
        receipt.line_ids.quantity_done = 10
        receipt.action_done()
        self.assertEqual(self.product.jxc_incoming, 20)
        suggestion = self._suggestions().filtered(lambda s: s.product_id == self.product)
        # 10 on hand + 20 incoming = 30 ≥ min 20: no suggestion for it.
        self.assertFalse(suggestion)

    def test_suggestions_become_orders_per_supplier(self):
        suggestions = self._suggestions()
        self.assertEqual(len(suggestions), 2)
        orders, missing = suggestions._create_purchase_orders()
        self.assertEqual(missing, self.product2, "no supplier for the tissue")
        self.assertRecordValues(
            orders,
            [{"partner_id": self.supplier.id, "state": "draft", "warehouse_id": self.wh1.id}],
        )
        self.assertRecordValues(
            orders.line_ids, [{"product_id": self.product.id, "quantity": 100, "price_unit": 4.0}]
        )
        remaining = self.env["jxc.stock.replenish"].search([("warehouse_id", "=", self.wh1.id)])
        self.assertEqual(remaining.product_id, self.product2)
        with self.assertRaisesRegex(UserError, "No supplier for: .*Test Tissue"):
            remaining.action_create_purchase_orders()

    def test_shortages_become_drafts_once(self):
        self.company.jxc_auto_purchase_shortage = True
        self._receive(self.product, 5, 1.0)
        self.env["jxc.stock.reservation"].reserve(
            [
                {
                    "product_id": self.product.id,
                    "warehouse_id": self.wh1.id,
                    "quantity": 12,
                    "res_model": "res.partner",
                    "res_id": 1,
                    "name": "sale",
                }
            ],
            mode="partial",
        )
        Order = self.env["jxc.purchase.order"]
        # Demo data may hold other shortages: look at this product's.
        orders = Order._purchase_shortages(self.company).filtered(
            lambda o: self.product in o.line_ids.product_id
        )
        self.assertRecordValues(
            orders, [{"partner_id": self.supplier.id, "from_shortage": True, "state": "draft"}]
        )
        self.assertEqual(orders.line_ids.quantity, 7)
        again = Order._purchase_shortages(self.company)
        self.assertNotIn(self.product, again.line_ids.product_id, "already covered")
        self.assertTrue(orders.activity_ids)

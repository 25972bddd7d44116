# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import JxcPurchaseCommon


class TestForecastPurchase(JxcPurchaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["product.supplierinfo"].create(
            {
                "partner_id": cls.supplier.id,
                "product_tmpl_id": cls.product.product_tmpl_id.id,
                "price": 4.0,
                "delay": 21,
            }
        )
        cls.env["product.packaging"].create(
            {"name": "Case of 24", "product_id": cls.product.id, "qty": 24}
        )
        cls.forecast = cls.env["jxc.stock.forecast"].create(
            {
                "product_id": cls.product.id,
                "warehouse_id": cls.wh1.id,
                "method": "ses",
                "weekly_forecast": 10.0,
                "sigma": 0.0,
            }
        )

    def _suggestions(self):
        self.env["jxc.stock.replenish"].action_compute()
        return self.env["jxc.stock.replenish"].search([("product_id", "=", self.product.id)])

    def _transfer_and_purchase(self):
        """Suggestions for the main warehouse (min 20, max 60, none on hand): a transfer of
        15 from the store (25 on hand, max 10), a purchase of 45."""
        self.env["jxc.stock.rule"].create(
            [
                {
                    "product_id": self.product.id,
                    "warehouse_id": self.wh1.id,
                    "min_quantity": 20,
                    "max_quantity": 60,
                },
                {
                    "product_id": self.product.id,
                    "warehouse_id": self.wh2.id,
                    "min_quantity": 0,
                    "max_quantity": 10,
                },
            ]
        )
        self._receive(self.product, 25, 1.0, self.wh2)
        return self._suggestions()

    def test_supplier_lead_time_and_packaging(self):
        self.env["jxc.stock.rule"].create(
            {
                "product_id": self.product.id,
                "warehouse_id": self.wh1.id,
                "replenish_method": "forecast",
                "lead_days": 7,
            }
        )
        suggestion = self._suggestions()
        # The supplier's 21 days, not the rule's 7: 3 weeks × 10 = 30 (no error, no safety
        # stock) + 1 review week × 10 = 40 to order, in cases of 24 → 48.
        self.assertRecordValues(
            suggestion,
            [{"min_quantity": 30.0, "max_quantity": 40.0, "suggested_quantity": 48.0}],
        )
        self.assertIn("lead time 3 week(s)", suggestion.explanation)
        self.assertIn("rounded up to a multiple of 24", suggestion.explanation)

    def test_stock_user_computes_on_the_supplier_lead_time(self):
        """Stock users may not read purchase prices: they compute forecast suggestions on
        the supplier's lead time all the same."""
        self.env["jxc.stock.rule"].create(
            {
                "product_id": self.product.id,
                "warehouse_id": self.wh1.id,
                "replenish_method": "forecast",
                "lead_days": 7,
            }
        )
        self.env.invalidate_all()
        Replenish = self.env["jxc.stock.replenish"].with_user(self.stock_user)
        Replenish.action_compute()
        self.assertRecordValues(
            Replenish.search([("product_id", "=", self.product.id)]),
            [{"min_quantity": 30.0, "max_quantity": 40.0, "suggested_quantity": 48.0}],
        )

    def test_transfers_and_orders_in_one_step(self):
        suggestions = self._transfer_and_purchase()
        self.assertEqual(sorted(suggestions.mapped("kind")), ["purchase", "transfer"])
        suggestions.with_user(self.purchase_manager).check_access("write")
        suggestions.action_create_documents()
        transfer = self.env["jxc.stock.picking"].search(
            [("picking_type", "=", "internal"), ("dest_warehouse_id", "=", self.wh1.id)]
        )
        self.assertRecordValues(transfer.line_ids, [{"quantity": 15.0}])
        order = self.env["jxc.purchase.order"].search([("partner_id", "=", self.supplier.id)])
        self.assertRecordValues(order, [{"state": "draft", "warehouse_id": self.wh1.id}])
        self.assertEqual(order.line_ids.quantity, 45.0)
        self.assertFalse(suggestions.exists())

    def test_drafted_documents_are_not_suggested_again(self):
        """Recomputing after the one step: its draft transfer and draft purchase order count
        as on their way, so the same documents are not suggested (and drafted) twice."""
        self._transfer_and_purchase().action_create_documents()
        self.assertFalse(self._suggestions())

    def test_stock_users_make_the_transfers_and_leave_the_orders(self):
        """Stock users may not create purchase orders: the one step makes their transfers
        and leaves the purchase suggestions to purchase users, saying so."""
        suggestions = self._transfer_and_purchase()
        purchase = suggestions.filtered(lambda s: s.kind == "purchase")
        self.env.invalidate_all()
        with self.assertRaisesRegex(UserError, "left to purchase users"):
            purchase.with_user(self.stock_user).action_create_documents()
        with self.assertRaisesRegex(AccessError, "not allowed to create 'Purchase Order'"):
            purchase.with_user(self.stock_user).action_create_purchase_orders()
        action = suggestions.with_user(self.stock_user).action_create_documents()
        transfer = self.env["jxc.stock.picking"].search(action["domain"])
        self.assertRecordValues(transfer.line_ids, [{"quantity": 15.0}])
        self.assertEqual(suggestions.exists(), purchase)
        self.assertFalse(
            self.env["jxc.purchase.order"].search([("partner_id", "=", self.supplier.id)])
        )
        purchase.with_user(self.purchase_user).action_create_documents()
        order = self.env["jxc.purchase.order"].search([("partner_id", "=", self.supplier.id)])
        self.assertEqual(order.line_ids.quantity, 45.0)
        self.assertFalse(purchase.exists())

    def test_one_step_names_the_products_without_a_supplier(self):
        self.env["jxc.stock.rule"].create(
            {
                "product_id": self.product2.id,
                "warehouse_id": self.wh1.id,
                "min_quantity": 5,
                "max_quantity": 10,
            }
        )
        Replenish = self.env["jxc.stock.replenish"]
        Replenish.action_compute()
        suggestion = Replenish.search([("product_id", "=", self.product2.id)])
        with self.assertRaisesRegex(UserError, "No supplier for: .*Test Tissue"):
            suggestion.action_create_documents()
        self.assertTrue(suggestion.exists())

    def test_purchase_managers_recompute_users_only_read(self):
        forecast = self.forecast.with_user(self.purchase_user)
        self.assertEqual(forecast.weekly_forecast, 10.0)
        with self.assertRaises(AccessError):
            forecast.env["jxc.stock.forecast"].action_compute()
        for user in (self.purchase_user, self.purchase_manager):
            with self.assertRaises(AccessError):
                self.forecast.with_user(user).write({"weekly_forecast": 99})
            with self.assertRaises(AccessError):
                self.forecast.with_user(user).unlink()
        compute = str(self.env.ref("jxc_stock.jxc_stock_forecast_action_server_compute").id)
        self.assertNotIn(compute, self._buttons("jxc.stock.forecast", self.purchase_user, "list"))
        self.assertIn(compute, self._buttons("jxc.stock.forecast", self.purchase_manager, "list"))
        action = self.env["jxc.stock.forecast"].with_user(self.purchase_manager).action_compute()
        self.assertEqual(action["res_model"], "jxc.stock.forecast")
        self.assertFalse(self.forecast.exists(), "no history and no rule: recomputed away")

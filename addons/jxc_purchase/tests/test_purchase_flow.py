# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import new_test_user

from .common import JxcPurchaseCommon


class TestPurchaseFlow(JxcPurchaseCommon):
    def test_confirm_creates_receipt_and_amounts(self):
        order = self._make_order([(self.product, 10, 5.0), (self.product2, 4, 2.5)])
        self.assertTrue(order.name.startswith("PO/"))
        self.assertRecordValues(
            order, [{"amount_untaxed": 60.0, "amount_tax": 7.8, "amount_total": 67.8}]
        )
        order.action_confirm()
        self.assertEqual(order.state, "confirmed")
        receipt = self._receipt(order)
        self.assertRecordValues(
            receipt,
            [{"picking_type": "purchase_in", "partner_id": self.supplier.id, "origin": order.name}],
        )
        self.assertTrue(receipt.name.startswith("CR/"))
        self.assertRecordValues(
            receipt.line_ids,
            [
                {"product_id": self.product.id, "quantity": 10, "unit_cost": 5.0},
                {"product_id": self.product2.id, "quantity": 4, "unit_cost": 2.5},
            ],
        )
        with self.assertRaisesRegex(UserError, "not a draft"):
            order.action_confirm()
        self.assertEqual(len(order.picking_ids), 1, "confirming twice never makes a 2nd receipt")

    def test_one_click_receipt_posts_ledger_at_order_price(self):
        order = self._make_order([(self.product, 10, 5.0)])
        order.action_confirm()
        receipt = self._receipt(order)
        receipt.action_done()
        self.assertRecordValues(
            receipt.move_ids,
            [{"quantity": 10, "unit_cost": 5.0, "value": 50.0, "move_type": "purchase_in"}],
        )
        self.assertRecordValues(order.line_ids, [{"qty_received": 10, "qty_to_receive": 0}])
        self.assertEqual(order.state, "done")
        self.assertEqual(receipt.move_ids.purchase_id, order, "ledger row → order")
        self.assertLedgerConsistent()

    def test_partial_receipt_with_rejection_and_backorder(self):
        order = self._make_order([(self.product, 10, 5.0), (self.product2, 5, 1.0)])
        order.action_confirm()
        receipt = self._receipt(order)
        line1, line2 = receipt.line_ids
        line1.write({"quantity_done": 6, "quantity_rejected": 1, "reject_reason": "Damaged"})
        line2.quantity_done = 5
        receipt.action_done()
        self.assertRecordValues(
            order.line_ids,
            [
                {"qty_received": 6, "qty_rejected": 1, "qty_to_receive": 4},
                {"qty_received": 5, "qty_rejected": 0, "qty_to_receive": 0},
            ],
        )
        self.assertEqual(self._quant(self.product).quantity, 6, "rejected goods not stocked")
        backorder = self._receipt(order)
        self.assertRecordValues(backorder, [{"backorder_id": receipt.id}])
        self.assertRecordValues(
            backorder.line_ids, [{"product_id": self.product.id, "quantity": 4}]
        )
        # The receipts button: the list of this order's receipts (one: its form).
        action = order.action_view_receipts()
        self.assertEqual(action["view_mode"], "list,form")
        self.assertEqual(
            self.env["jxc.stock.picking"].search(action["domain"]), receipt | backorder
        )
        order2 = self._make_order([(self.product, 1, 5.0)])
        order2.action_confirm()
        action = order2.action_view_receipts()
        self.assertEqual(
            (action["res_id"], action["view_mode"]), (self._receipt(order2).id, "form")
        )
        self.assertEqual(order.state, "confirmed")
        backorder.action_done()
        self.assertEqual(order.state, "done")
        self.assertEqual(order.receipt_status, "full")
        self.assertLedgerConsistent()

    def test_rejection_needs_a_reason(self):
        order = self._make_order([(self.product, 10, 5.0)])
        order.action_confirm()
        receipt = self._receipt(order)
        receipt.line_ids.quantity_rejected = 2
        with self.assertRaisesRegex(UserError, "give the reason for rejecting"):
            receipt.action_done()

    def test_no_backorder_closes_the_rest(self):
        order = self._make_order([(self.product, 10, 5.0)])
        order.action_confirm()
        receipt = self._receipt(order)
        receipt.write({"cancel_backorder": True})
        receipt.line_ids.quantity_done = 7
        receipt.action_done()
        self.assertFalse(self._receipt(order))
        self.assertRecordValues(
            order.line_ids, [{"qty_received": 7, "qty_cancelled": 3, "qty_to_receive": 0}]
        )
        self.assertEqual(order.state, "done")

    def test_over_receipt_tolerance(self):
        order = self._make_order([(self.product, 10, 5.0)])
        order.action_confirm()
        receipt = self._receipt(order)
        receipt.line_ids.quantity_done = 11
        with self.assertRaisesRegex(UserError, "would bring 11 of 10 Units ordered"):
            receipt.action_done()
        self.assertFalse(self._quant(self.product))
        self.company.jxc_receipt_tolerance = 10.0
        receipt.line_ids.quantity_done = 12
        with self.assertRaisesRegex(UserError, "more than the 10.0% tolerance"):
            receipt.action_done()
        receipt.line_ids.quantity_done = 11
        receipt.action_done()
        self.assertEqual(order.line_ids.qty_received, 11)

    def test_return_valued_at_receipt_cost(self):
        order = self._make_order([(self.product, 10, 5.0)])
        order.action_confirm()
        receipt = self._receipt(order)
        receipt.action_done()
        self._receive(self.product, 10, 9.0)  # the average moves to 7.00
        action = receipt.action_create_return()
        ret = self.env["jxc.stock.picking"].browse(action["res_id"])
        self.assertRecordValues(
            ret,
            [
                {
                    "picking_type": "purchase_return",
                    "return_of_id": receipt.id,
                    "purchase_id": order.id,
                }
            ],
        )
        self.assertTrue(ret.name.startswith("CT/"))
        ret.line_ids.quantity = 3
        ret.action_done()
        self.assertRecordValues(
            ret.move_ids,
            [{"quantity": -3, "unit_cost": 5.0, "value": -15.0, "move_type": "purchase_return"}],
        )
        self.assertEqual(order.line_ids.qty_returned, 3)
        self.assertEqual(receipt.line_ids.quantity_returnable, 7)
        self.assertLedgerConsistent()

    def test_returning_more_than_received_is_refused(self):
        order = self._make_order([(self.product, 10, 5.0)])
        order.action_confirm()
        receipt = self._receipt(order)
        receipt.line_ids.quantity_done = 4
        receipt.action_done()
        ret = self.env["jxc.stock.picking"].browse(receipt.action_create_return()["res_id"])
        ret.line_ids.quantity = 5
        with self.assertRaisesRegex(UserError, "cannot return 5 Units, only 4 from"):
            ret.action_done()
        ret.line_ids.quantity = 4
        ret.action_done()
        with self.assertRaisesRegex(UserError, "returned already"):
            receipt.action_create_return()

    def test_cancel_confirmed_order_cancels_only_the_rest(self):
        order = self._make_order([(self.product, 10, 5.0)])
        order.action_confirm()
        receipt = self._receipt(order)
        receipt.line_ids.quantity_done = 4
        receipt.action_done()
        backorder = self._receipt(order)
        order.action_cancel()
        self.assertEqual(backorder.state, "cancel")
        self.assertRecordValues(order, [{"state": "done"}])
        self.assertRecordValues(order.line_ids, [{"qty_received": 4, "qty_cancelled": 6}])
        self.assertEqual(self._quant(self.product).quantity, 4, "received goods stay")
        draft = self._make_order([(self.product, 1, 1.0)])
        draft.action_cancel()
        self.assertEqual(draft.state, "cancel")

    def test_bad_input(self):
        with self.assertRaisesRegex(UserError, "quantity must be positive"):
            self._make_order([(self.product, 0, 1.0)])
        with self.assertRaisesRegex(UserError, "quantity must be positive"):
            self._make_order([(self.product, -2, 1.0)])
        with self.assertRaisesRegex(UserError, "is not a unit of this product"):
            self._make_order(
                [{"product_id": self.product.id, "quantity": 1, "uom_id": self.uom_kg.id}]
            )
        with self.assertRaisesRegex(UserError, "has no lines"):
            self._make_order([]).action_confirm()
        with self.assertRaisesRegex(UserError, "unit price cannot be negative"):
            self._make_order([(self.product, 1, -1.0)])
        order = self._make_order([(self.product, 1, 1.0)])
        order.action_confirm()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            order.line_ids.quantity = 5
        self.assertFalse(self.env["jxc.stock.move"].search([("product_id", "=", self.product.id)]))

    def test_default_price(self):
        self.env["product.supplierinfo"].create(
            [
                {
                    "partner_id": self.supplier.id,
                    "product_tmpl_id": self.product.product_tmpl_id.id,
                    "min_qty": 0,
                    "price": 6.0,
                },
                {
                    "partner_id": self.supplier.id,
                    "product_tmpl_id": self.product.product_tmpl_id.id,
                    "min_qty": 100,
                    "price": 5.5,
                },
            ]
        )
        order = self.env["jxc.purchase.order"].create(
            {
                "partner_id": self.supplier.id,
                "warehouse_id": self.wh1.id,
                "line_ids": [
                    (0, 0, {"product_id": self.product.id, "quantity": 10}),
                    (0, 0, {"product_id": self.product.id, "quantity": 120}),
                ],
            }
        )
        self.assertEqual(order.line_ids.mapped("price_unit"), [6.0, 5.5])
        # No supplier price for supplier B: the last price paid to B, else the product cost.
        self.product2.standard_price = 3.25
        first = self._make_order(
            [{"product_id": self.product2.id, "quantity": 1}], partner=self.supplier2
        )
        self.assertEqual(first.line_ids.price_unit, 3.25)
        first.line_ids.price_unit = 2.75
        first.action_confirm()
        second = self._make_order(
            [{"product_id": self.product2.id, "quantity": 1}], partner=self.supplier2
        )
        self.assertEqual(second.line_ids.price_unit, 2.75)
        self.assertEqual(second.line_ids.last_price, 2.75)

    def test_currency_and_unit_conversion(self):
        other = self._foreign_currency(0.125)
        order = self._make_order(
            [
                {
                    "product_id": self.product.id,
                    "quantity": 2,
                    "uom_id": self.uom_dozen.id,
                    "price_unit": 12.0,
                }
            ],
            currency_id=other.id,
        )
        self.assertEqual(order.amount_untaxed, 24.0)
        order.action_confirm()
        receipt = self._receipt(order)
        # 12 per dozen in a currency worth 8 company units → 96 a dozen → 8 a unit.
        self.assertAlmostEqual(receipt.line_ids.unit_cost, 96.0)
        receipt.action_done()
        self.assertRecordValues(
            receipt.move_ids, [{"quantity": 24, "unit_cost": 8.0, "value": 192.0}]
        )
        self.assertEqual(order.line_ids.qty_received, 2, "in the order line's unit")

    def test_merge_drafts(self):
        a = self._make_order([(self.product, 5, 2.0)])
        b = self._make_order([(self.product, 3, 2.0), (self.product2, 1, 1.0)])
        (a | b).action_merge()
        self.assertEqual(b.state, "cancel")
        self.assertEqual(sorted(a.line_ids.mapped("quantity")), [1, 8])
        c = self._make_order([(self.product, 1, 1.0)], partner=self.supplier2)
        with self.assertRaisesRegex(UserError, "same supplier"):
            (a | c).action_merge()

    def test_late_and_print(self):
        order = self._make_order(
            [(self.product, 5, 2.0)], date_planned=fields.Datetime.now() - timedelta(days=2)
        )
        order.action_confirm()
        self.assertTrue(order.is_late)
        self.assertIn(order, self.env["jxc.purchase.order"].search([("is_late", "=", True)]))
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "jxc_purchase.report_jxc_purchase_order", order.ids
        )
        self.assertIn(order.name, html.decode())


class TestPurchaseApproval(JxcPurchaseCommon):
    def test_above_amount_needs_a_manager(self):
        self.company.jxc_po_approval_amount = 1000.0
        small = self._make_order([(self.product, 10, 50.0)])  # 565.00 with tax
        small.with_user(self.purchase_user).action_confirm()
        self.assertEqual(small.state, "confirmed")
        # The receipt's responsible is who confirmed, not the superuser that made it.
        self.assertEqual(small.picking_ids.user_id, self.purchase_user)
        big = self._make_order([(self.product, 100, 50.0)])
        big.with_user(self.purchase_user).action_confirm()
        self.assertEqual(big.state, "to_approve")
        self.assertFalse(big.picking_ids)
        self.assertTrue(big.activity_ids.filtered(lambda a: a.user_id == self.purchase_manager))
        with self.assertRaises(AccessError):
            big.with_user(self.purchase_user).action_approve()
        big.with_user(self.purchase_manager).action_approve()
        self.assertRecordValues(
            big, [{"state": "confirmed", "approved_by_id": self.purchase_manager.id}]
        )
        self.assertEqual(big.picking_ids.user_id, self.purchase_manager)
        managers_order = self._make_order([(self.product, 100, 50.0)])
        managers_order.with_user(self.purchase_manager).action_confirm()
        self.assertEqual(managers_order.state, "confirmed")

    def test_approval_without_email_addresses(self):
        """Staff of small companies often have no e-mail address: submitting, notifying the
        approvers and approving need none."""
        buyer = new_test_user(
            self.env,
            login="jxc_buyer_no_email",
            email=False,
            groups="base.group_user,jxc_purchase.group_jxc_purchase_user",
        )
        boss = new_test_user(
            self.env,
            login="jxc_boss_no_email",
            email=False,
            groups="base.group_user,jxc_purchase.group_jxc_purchase_manager",
        )
        self.assertFalse(buyer.email or boss.email)
        self.company.jxc_po_approval_amount = 1000.0
        order = (
            self.env["jxc.purchase.order"]
            .with_user(buyer)
            .create(
                {
                    "partner_id": self.supplier.id,
                    "warehouse_id": self.wh1.id,
                    "line_ids": [
                        Command.create(
                            {"product_id": self.product.id, "quantity": 100, "price_unit": 50.0}
                        )
                    ],
                }
            )
        )
        order.action_confirm()
        self.assertEqual(order.state, "to_approve")
        self.assertLessEqual(boss | self.purchase_manager, order.activity_ids.user_id)
        order.with_user(boss).action_approve()
        self.assertRecordValues(order, [{"state": "confirmed", "approved_by_id": boss.id}])
        self.assertTrue(order.picking_ids)
        # The rest of an order is cancelled, and the chatter says so, by a buyer without e-mail.
        receipt = self._receipt(order).with_user(self.stock_user)
        receipt.line_ids.quantity_done = 40
        receipt.action_done()
        order.action_cancel()
        self.assertEqual(order.state, "done")
        self.assertIn("cancelled", order.message_ids[:1].body)


class TestPurchaseDetails(JxcPurchaseCommon):
    def test_receipt_valued_at_exact_order_price(self):
        """6.80 in a currency worth 7.18 is 48.824 a unit: shown to 4 decimals (like the
        ledger's unit cost), valued exactly."""
        other = self._foreign_currency(1 / 7.18)
        order = self._make_order([(self.product, 120, 6.80)], currency_id=other.id)
        order.action_confirm()
        receipt = self._receipt(order)
        self.assertEqual(receipt.line_ids.unit_cost, 48.824)
        receipt.action_done()
        self.assertEqual(receipt.move_ids.value, 5858.88)

    def test_merge_keeps_prices_and_redraft_clears_cancelled(self):
        a = self._make_order([(self.product, 5, 1.65)])
        b = self._make_order([(self.product, 3, 1.65)])
        (a | b).action_merge()
        self.assertRecordValues(a.line_ids, [{"quantity": 8, "price_unit": 1.65}])
        a.action_confirm()
        a.action_cancel()
        self.assertEqual(a.line_ids.qty_cancelled, 8)
        a.action_draft()
        self.assertEqual(a.line_ids.qty_cancelled, 0)
        a.action_confirm()
        self.assertEqual(self._receipt(a).line_ids.quantity, 8)

    def test_receipt_in_another_unit_keeps_the_order_price(self):
        self._receive(self.product, 10, 5.0)  # average 5.00 a unit
        order = self._make_order(
            [
                {
                    "product_id": self.product.id,
                    "quantity": 2,
                    "uom_id": self.uom_dozen.id,
                    "price_unit": 120.0,
                }
            ]
        )
        order.action_confirm()
        receipt = self._receipt(order)
        receipt.line_ids.write({"uom_id": self.uom_unit.id, "quantity": 24})
        self.assertEqual(receipt.line_ids.unit_cost, 10.0)
        receipt.action_done()
        self.assertEqual(receipt.move_ids.value, 240.0)

    def test_purchase_staff_post_only_purchase_documents(self):
        self._receive(self.product, 10, 5.0)
        issue = self._make_picking("out", [{"product_id": self.product.id, "quantity": 7}])
        with self.assertRaises(AccessError):
            issue.with_user(self.purchase_user).action_done()

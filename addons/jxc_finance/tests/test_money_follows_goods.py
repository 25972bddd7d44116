# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import JxcFinanceCommon


class TestMoneyFollowsGoods(JxcFinanceCommon):
    """Invariant 4 through every path."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._receive(cls.product, 100, 4.0)

    def test_receivable_through_confirm_partial_delivery_cancel_and_return(self):
        order = self._make_order([(self.product, 10, 10.0)])  # 113.00 with 13 % tax
        order.action_confirm()
        self.assertRecordValues(
            self._receivables(order),
            [{"amount": 113.0, "partner_id": self.customer.id, "reference": order.name}],
        )
        delivery = self._delivery(order)
        delivery.line_ids.quantity_done = 6
        delivery.action_done()
        order.action_cancel()  # the 4 not delivered
        sale_return = self.env["jxc.stock.picking"].browse(
            delivery.action_create_sale_return()["res_id"]
        )
        sale_return.line_ids.quantity = 2
        sale_return.action_done()
        entries = self._receivables(order)
        self.assertEqual(sorted(entries.mapped("amount")), [-45.2, -22.6, 113.0])
        # ordered 10 − cancelled 4 − returned 2 = 4 × 11.30
        self.assertAlmostEqual(sum(entries.mapped("amount")), 45.2)
        self.assertAlmostEqual(order.amount_receivable, 45.2)
        # The credits settled the order's own receivable.
        self.assertAlmostEqual(sum(entries.mapped("amount_residual")), 45.2)
        self.assertEqual(entries.filtered(lambda e: e.amount > 0).amount_residual, 45.2)

    def test_payable_through_partial_receipt_and_return(self):
        po = self._purchase([(self.product2, 10, 5.0)])
        po.action_confirm()
        receipt = po.picking_ids
        receipt.line_ids.write(
            {"quantity_done": 6, "quantity_rejected": 1, "reject_reason": "Broken"}
        )
        receipt.action_done()
        payables = self.env["jxc.finance.entry"].search([("origin", "=", po.name)])
        self.assertRecordValues(
            payables, [{"entry_type": "payable", "amount": 33.9, "partner_id": self.supplier.id}]
        )
        backorder = po.picking_ids.filtered(lambda p: p.state == "draft")
        backorder.action_done()
        ret = self.env["jxc.stock.picking"].browse(receipt.action_create_return()["res_id"])
        ret.line_ids.quantity = 3
        ret.action_done()
        payables = self.env["jxc.finance.entry"].search([("origin", "=", po.name)])
        self.assertEqual(sorted(payables.mapped("amount")), [-16.95, 22.6, 33.9])
        # accepted 10 − returned 3 = 7 × 5.65
        self.assertAlmostEqual(po.amount_payable, 39.55)
        self.assertEqual(po.line_ids.qty_billed, 7)

    def test_entries_are_immutable(self):
        entry = self._entry(self.customer, 50.0)
        from odoo.exceptions import UserError

        with self.assertRaisesRegex(UserError, "cannot be changed"):
            entry.write({"amount": 5})
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            entry.unlink()
        with self.assertRaisesRegex(UserError, "posted by their documents"):
            self.env["jxc.finance.entry"].create(
                {
                    "entry_type": "receivable",
                    "partner_id": self.customer.id,
                    "amount": 1,
                    "date_due": self.today,
                }
            )
        reversal = entry._reverse()
        self.assertRecordValues(
            reversal, [{"amount": -50.0, "is_reversal": True, "reversed_entry_id": entry.id}]
        )
        self.assertEqual(entry.amount_residual, 0.0)
        with self.assertRaisesRegex(UserError, "already reversed"):
            entry._reverse()

    def test_reversed_receipt_takes_the_payable_back(self):
        po = self._purchase([(self.product2, 10, 5.0)])
        po.action_confirm()
        receipt = po.picking_ids
        receipt.action_done()
        self.assertAlmostEqual(po.amount_payable, 56.5)
        receipt.with_user(self.stock_manager).action_reverse()
        self.assertEqual(po.line_ids.qty_received, 0)
        po.invalidate_recordset(["amount_payable"])  # computed on read, as a new request would
        self.assertAlmostEqual(po.amount_payable, 0.0)
        entries = self.env["jxc.finance.entry"].search([("origin", "=", po.name)])
        self.assertEqual(sum(entries.mapped("amount_residual")), 0.0)

    def test_no_cent_left_after_cancelling_in_parts(self):
        """Three lines of 1.01 at 13 % cancelled in full leave exactly nothing."""
        order = self._make_order(
            [(self.product, 3, 1.0), (self.product, 1, 1.01), (self.product, 7, 0.33)]
        )
        order.action_confirm()
        delivery = self._delivery(order)
        delivery.line_ids[0].quantity_done = 1
        delivery.action_done()
        order.action_cancel()
        returned = self.env["jxc.stock.picking"].browse(
            delivery.action_create_sale_return()["res_id"]
        )
        returned.action_done()
        self.assertEqual(sum(self._receivables(order).mapped("amount")), 0.0)

    def test_integrity_sees_money_of_unposted_documents(self):
        purchase = self._purchase([(self.product, 10, 2.0)])
        purchase.action_confirm()
        receipt = purchase.picking_ids
        receipt.action_done()
        sale = self._make_order([(self.product, 4, 5.0)])
        sale.action_confirm()
        Integrity = self.env["jxc.stock.integrity"]
        self.env.flush_all()
        self.assertEqual(Integrity._find_mismatches(), [])
        # Behind the ORM's back: the receipt and the order go back to draft.
        self.env.cr.execute(
            "UPDATE jxc_stock_picking SET state = 'draft' WHERE id = %s", [receipt.id]
        )
        self.env.cr.execute("UPDATE jxc_sale_order SET state = 'draft' WHERE id = %s", [sale.id])
        self.env.invalidate_all()
        found = sorted((m["check_type"], m["res_model"]) for m in Integrity._find_mismatches())
        self.assertEqual(
            found,
            [
                ("entry_source", "jxc.sale.order"),
                ("entry_source", "jxc.stock.picking"),
                ("ledger_source", "jxc.stock.picking"),
                ("reservation_demand", "jxc.stock.reservation"),
            ],
        )

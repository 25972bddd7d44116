# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import timedelta

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import JxcFinanceCommon


@tagged("post_install", "-at_install")
class TestInvoice(JxcFinanceCommon):
    """发票 (#14, invoice register): invoices cover order lines in part or in full, never
    beyond what was delivered / received net of returns; amounts to the cent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._receive(cls.product, 100, 5.0)
        cls._receive(cls.product2, 100, 50.0)
        cls.purchase_user = new_test_user(
            cls.env,
            email=False,
            login="jxc_inv_purchase_user",
            groups="base.group_user,jxc_purchase.group_jxc_purchase_user",
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _sale(self, lines, deliver=None, **vals):
        order = self._make_order(lines, **vals)
        order.action_confirm()
        delivery = self._delivery(order)
        if deliver is not None:
            for line, qty in zip(delivery.line_ids, deliver, strict=True):
                line.quantity_done = qty
        delivery.action_done()
        return order

    def _invoice(self, order_lines, quantities=None, direction="sale", number=None, **vals):
        if number is None:
            self.counter = getattr(self, "counter", 0) + 1
            number = f"T{self.counter:08d}"
        field = "sale_line_id" if direction == "sale" else "purchase_line_id"
        quantities = quantities or [ln.qty_to_invoice for ln in order_lines]
        return self.env["jxc.finance.invoice"].create(
            dict(
                {
                    "direction": direction,
                    "partner_id": order_lines[:1].order_id.partner_id.id,
                    "invoice_number": number,
                    "line_ids": [
                        Command.create({field: ln.id, "quantity": q})
                        for ln, q in zip(order_lines, quantities, strict=True)
                    ],
                },
                **vals,
            )
        )

    def _receipt(self, order, quantities=None):
        receipt = order.picking_ids.filtered(
            lambda p: p.picking_type == "purchase_in" and p.state == "draft"
        )
        if quantities is not None:
            for line, qty in zip(receipt.line_ids, quantities, strict=True):
                line.quantity_done = qty
        receipt.action_done()
        return receipt

    # ------------------------------------------------------------------
    # Worked examples
    # ------------------------------------------------------------------
    def test_partial_invoicing_of_a_sale_in_two_invoices(self):
        # 10 × 12.34 at 13 %: 123.40 + 16.04 = 139.44; 3 × 99.99 = 299.97 + 39.00 = 338.97.
        order = self._sale([(self.product, 10, 12.34), (self.product2, 3, 99.99)])
        line1, line2 = order.line_ids
        self.assertRecordValues(
            order.line_ids,
            [
                {"qty_invoiced": 0, "qty_to_invoice": 10, "amount_to_invoice": 139.44},
                {"qty_invoiced": 0, "qty_to_invoice": 3, "amount_to_invoice": 338.97},
            ],
        )
        first = self._invoice(line1 + line2, [4, 1], number="0001")
        # 4 × 12.34 = 49.36 + 6.42 (6.4168); 99.99 + 13.00 (12.9987)
        self.assertRecordValues(
            first, [{"amount_untaxed": 149.35, "amount_tax": 19.42, "amount_total": 168.77}]
        )
        self.assertEqual(first.state, "draft")
        self.assertEqual(line1.qty_invoiced, 0, "drafts do not count")
        first.with_user(self.finance_user).action_post()
        self.assertRecordValues(
            order.line_ids,
            [
                {"qty_invoiced": 4, "qty_to_invoice": 6, "amount_invoiced": 55.78},
                {"qty_invoiced": 1, "qty_to_invoice": 2, "amount_invoiced": 112.99},
            ],
        )
        self.assertAlmostEqual(line1.amount_to_invoice, 139.44 - 55.78, places=2)
        self.assertAlmostEqual(order.amount_invoiced, 168.77, places=2)
        self.assertAlmostEqual(order.amount_to_invoice, 139.44 + 338.97 - 168.77, places=2)
        second = self._invoice(line1 + line2, number="0002")
        self.assertEqual(second.line_ids.mapped("quantity"), [6, 2])
        second.with_user(self.finance_user).action_post()
        self.assertRecordValues(
            order.line_ids,
            [
                {"qty_invoiced": 10, "qty_to_invoice": 0},
                {"qty_invoiced": 3, "qty_to_invoice": 0},
            ],
        )
        # 6 × 12.34 = 74.04 + 9.63 (9.6252); 2 × 99.99 = 199.98 + 26.00 (25.9974): 309.65.
        # Each invoice rounds its tax per line as the tax platform does, so two invoices of a
        # line may differ from the line by a cent (尾差): 168.77 + 309.65 = 478.42, the order
        # 478.41. What is left to invoice is the value of the quantity left: nothing.
        self.assertAlmostEqual(second.amount_total, 309.65, places=2)
        self.assertAlmostEqual(first.amount_total + second.amount_total, 478.42, places=2)
        self.assertAlmostEqual(order.amount_to_invoice, 0.0, places=2)
        self.assertEqual(order.invoice_count, 2)
        with self.assertRaisesRegex(UserError, "cannot be invoiced"):
            self._invoice(line1, [1], number="0003").action_post()

    def test_tax_included_order_invoiced_in_full_to_the_cent(self):
        self.company.jxc_price_include_tax = True
        order = self._sale([(self.product, 7, 9.99)])
        invoice = self._invoice(order.line_ids)
        # 69.93 quoted with tax: 61.88 + 8.05, as on the order line.
        self.assertRecordValues(
            invoice.line_ids,
            [{"price_total": 69.93, "price_subtotal": 61.88, "price_tax": 8.05}],
        )
        invoice.action_post()
        self.assertAlmostEqual(order.line_ids.amount_invoiced, 69.93, places=2)
        self.assertAlmostEqual(order.line_ids.amount_to_invoice, 0.0, places=2)

    def test_discount_and_partial_delivery(self):
        order = self._sale(
            [{"product_id": self.product.id, "quantity": 10, "price_unit": 20.0, "discount": 10}],
            deliver=[4],
        )
        line = order.line_ids
        self.assertEqual(line.qty_to_invoice, 4)
        # 4 × 18.00 = 72.00 + 9.36
        self.assertAlmostEqual(line.amount_to_invoice, 81.36, places=2)
        with self.assertRaisesRegex(UserError, "4 Units were delivered"):
            self._invoice(line, [5]).action_post()
        invoice = self._invoice(line, [4])
        invoice.action_post()
        self.assertAlmostEqual(invoice.amount_total, 81.36, places=2)

    def test_returns_reduce_what_can_be_invoiced(self):
        order = self._sale([(self.product, 5, 10.0)])
        delivery = order.picking_ids.filtered(lambda p: p.picking_type == "sale_out")
        ret = self.env["jxc.stock.picking"].browse(delivery.action_create_sale_return()["res_id"])
        ret.line_ids.quantity = 2
        ret.action_done()
        self.assertEqual(order.line_ids.qty_to_invoice, 3)
        with self.assertRaisesRegex(UserError, "cannot be invoiced"):
            self._invoice(order.line_ids, [4]).action_post()
        self._invoice(order.line_ids, [3]).action_post()

    def test_purchase_invoice_matches_receipts(self):
        order = self._purchase([(self.product, 10, 8.5), (self.product2, 4, 25.0)])
        order.action_confirm()
        self._receipt(order, [6, 4])
        line1, line2 = order.line_ids
        self.assertEqual((line1.qty_to_invoice, line2.qty_to_invoice), (6, 4))
        # 6 × 8.50 = 51.00 + 6.63; 100.00 + 13.00 = 170.63
        self.assertAlmostEqual(order.amount_to_invoice, 170.63, places=2)
        with self.assertRaisesRegex(UserError, "received"):
            self._invoice(line1, [7], direction="purchase").action_post()
        invoice = self._invoice(line1 + line2, direction="purchase")
        invoice.with_user(self.finance_user).action_post()
        self.assertAlmostEqual(invoice.amount_total, 170.63, places=2)
        self.assertAlmostEqual(order.amount_invoiced, 170.63, places=2)
        # The rest of the order arrives: 4 × 8.50 = 34.00 + 4.42 to invoice.
        self._receipt(order)
        self.assertAlmostEqual(order.amount_to_invoice, 38.42, places=2)

    def test_purchase_price_difference_corrects_cost_and_payable(self):
        product = self.env["product.product"].create({"name": "Invoice Rice", "type": "consu"})
        order = self._purchase([(product, 10, 8.5)])
        order.action_confirm()
        self._receipt(order)
        self._issue(product, 4)  # 6 of the 10 still in stock
        payables = self.env["jxc.finance.entry"].search([("purchase_id", "=", order.id)])
        self.assertAlmostEqual(sum(payables.mapped("amount")), 96.05)  # 85.00 + 13 %
        # A cent per unit is the platform's rounding: nothing to correct.
        invoice = self._invoice(order.line_ids, direction="purchase")
        invoice.line_ids.price_unit = 8.51
        invoice.action_post()
        Move = self.env["jxc.stock.move"]
        corrections = [("res_model", "=", invoice._name), ("res_id", "=", invoice.id)]
        self.assertFalse(Move.search(corrections))
        invoice.with_user(self.finance_manager).action_reverse()
        # The supplier invoices 9.00 instead of 8.50: 5.00 more cost, 5.65 more to pay. Of
        # the 10 received, 6 are in stock (3.00 into the average), 4 gone out (2.00 to COGS).
        other = self._invoice(order.line_ids, direction="purchase")
        other.line_ids.price_unit = 9.0
        other.action_post()
        rows = Move.search([("res_model", "=", other._name), ("res_id", "=", other.id)])
        self.assertAlmostEqual(sum(rows.mapped("value")), 3.0)
        cogs = rows.filtered(lambda m: m.move_type == "cogs_adjust")
        self.assertAlmostEqual(-sum(cogs.mapped("value")), 2.0)
        valuation = self._valuation(product)
        self.assertAlmostEqual(valuation.value, 6 * 8.5 + 3.0)
        self.assertAlmostEqual(valuation.average_cost, 9.0)
        payables = self.env["jxc.finance.entry"].search([("purchase_id", "=", order.id)])
        self.assertAlmostEqual(sum(payables.mapped("amount")), 101.70)  # 90.00 + 13 %
        self.assertLedgerConsistent()
        # The receipt cannot be reversed under the difference; the invoice's reversal
        # restores the cost and the payable.
        with self.assertRaisesRegex(UserError, "price difference"), self.cr.savepoint():
            order.picking_ids.filtered(lambda p: p.state == "done").with_user(
                self.stock_manager
            ).action_reverse()
        other.with_user(self.finance_manager).action_reverse()
        self.assertAlmostEqual(valuation.value, 6 * 8.5)
        payables = self.env["jxc.finance.entry"].search([("purchase_id", "=", order.id)])
        self.assertAlmostEqual(sum(payables.mapped("amount")), 96.05)
        self.assertLedgerConsistent()
        # An issued invoice stays at the order's price.
        sale = self._sale([(self.product, 1, 10.0)])
        issued = self._invoice(sale.line_ids)
        issued.line_ids.price_unit = 11.0
        with self.assertRaisesRegex(UserError, "order's price"):
            issued.action_post()

    def test_reversal_frees_the_lines(self):
        order = self._sale([(self.product, 2, 10.0)])
        invoice = self._invoice(order.line_ids)
        invoice.action_post()
        with self.assertRaises(AccessError):
            invoice.with_user(self.finance_user).action_reverse()
        invoice.with_user(self.finance_manager).action_reverse()
        self.assertRecordValues(invoice, [{"state": "reversed", "reversed_date": self.today}])
        self.assertEqual(order.line_ids.qty_to_invoice, 2)
        # The reversed number may be entered again (a corrected invoice).
        self._invoice(order.line_ids, number=invoice.invoice_number).action_post()
        with self.assertRaisesRegex(UserError, "not posted"):
            invoice.with_user(self.finance_manager).action_reverse()

    def test_statement_and_partner_show_invoiced(self):
        order = self._sale([(self.product, 10, 10.0)])  # 113.00
        invoice = self._invoice(order.line_ids, [4])  # 45.20
        invoice.action_post()
        statement = self.env["jxc.finance.statement"].create(
            {
                "partner_id": self.customer.id,
                "date_from": self.today - timedelta(days=1),
                "date_to": self.today,
            }
        )
        statement.action_compute()
        self.assertAlmostEqual(statement.amount_invoiced, 45.2, places=2)
        self.assertAlmostEqual(statement.amount_to_invoice, 67.8, places=2)
        self.assertAlmostEqual(
            self.customer.with_user(self.finance_user).jxc_sale_to_invoice, 67.8, places=2
        )
        sheet = openpyxl.load_workbook(io.BytesIO(statement._xlsx())).active
        self.assertEqual(
            [c.value for c in sheet[3]][3:7], ["Invoiced in Period", 45.2, "Not Invoiced Yet", 67.8]
        )
        invoice.with_user(self.finance_manager).action_reverse()
        statement.action_compute()
        self.assertAlmostEqual(statement.amount_invoiced, 0.0, places=2)
        self.assertAlmostEqual(statement.amount_to_invoice, 113.0, places=2)

    def test_create_invoice_from_to_invoice_list(self):
        order = self._sale([(self.product, 3, 10.0), (self.product2, 2, 60.0)])
        action = order.line_ids.with_user(self.finance_user).action_create_invoice()
        invoice = self.env["jxc.finance.invoice"].browse(action["res_id"])
        self.assertRecordValues(
            invoice,
            [{"direction": "sale", "partner_id": self.customer.id, "state": "draft"}],
        )
        self.assertEqual(invoice.line_ids.mapped("quantity"), [3, 2])
        with self.assertRaisesRegex(UserError, "tax invoice number"):
            invoice.action_post()
        other = self.env["res.partner"].create({"name": "Other customer"})
        order2 = self._sale([(self.product, 1, 10.0)], partner=other)
        with self.assertRaisesRegex(UserError, "one partner"):
            (order.line_ids + order2.line_ids).action_create_invoice()

    # ------------------------------------------------------------------
    # Bad input
    # ------------------------------------------------------------------
    def test_duplicate_number(self):
        order = self._sale([(self.product, 2, 10.0)])
        self._invoice(order.line_ids, [1], number="12345678")
        with self.assertRaisesRegex(UserError, "entered already"):
            self._invoice(order.line_ids, [1], number=" 12345678 ")
        # Another code, or the other direction, is another invoice.
        self._invoice(order.line_ids, [1], number="12345678", invoice_code="044001900111")
        purchase = self._purchase([(self.product, 1, 1.0)])
        purchase.action_confirm()
        self._receipt(purchase)
        self._invoice(purchase.line_ids, direction="purchase", number="12345678")

    def test_other_partner_company_and_direction(self):
        order = self._sale([(self.product, 2, 10.0)])
        other = self.env["res.partner"].create({"name": "Someone else"})
        invoice = self._invoice(order.line_ids, partner_id=other.id)
        with self.assertRaisesRegex(UserError, "not of Someone else"):
            invoice.action_post()
        with self.assertRaisesRegex(UserError, "covers sale order lines"):
            self.env["jxc.finance.invoice"].create(
                {
                    "direction": "sale",
                    "partner_id": self.supplier.id,
                    "invoice_number": "X",
                    "line_ids": [
                        Command.create(
                            {
                                "purchase_line_id": self._purchase(
                                    [(self.product, 1, 1)]
                                ).line_ids.id,
                                "quantity": 1,
                            }
                        )
                    ],
                }
            )
        company2 = self.env["res.company"].create({"name": "Invoice Co 2"})
        self.finance_user.company_ids |= company2
        with self.assertRaises(UserError):
            self.env["jxc.finance.invoice"].with_company(company2).create(
                {
                    "direction": "sale",
                    "partner_id": self.customer.id,
                    "invoice_number": "Y",
                    "company_id": company2.id,
                    "line_ids": [
                        Command.create({"sale_line_id": order.line_ids.id, "quantity": 1})
                    ],
                }
            )

    def test_locked_period_and_bad_numbers(self):
        order = self._sale([(self.product, 2, 10.0)])
        self.company.jxc_finance_lock_date = self.today
        invoice = self._invoice(order.line_ids)
        with self.assertRaisesRegex(UserError, "lock date"):
            invoice.action_post()
        self.company.jxc_finance_lock_date = self.today - timedelta(days=1)
        for bad in (float("nan"), float("inf"), -float("inf"), 1e13):
            with self.assertRaisesRegex(UserError, "Quantity"):
                invoice.line_ids.write({"quantity": bad})
        with self.assertRaisesRegex(UserError, "Unit Price"):
            invoice.line_ids.write({"price_unit": float("nan")})
        with self.assertRaises(UserError):
            self._invoice(order.line_ids, [1e300])
        invoice.line_ids.quantity = 0
        with self.assertRaisesRegex(UserError, "must be positive"):
            invoice.action_post()
        invoice.line_ids.quantity = -1
        with self.assertRaisesRegex(UserError, "must be positive"):
            invoice.action_post()
        invoice.line_ids.quantity = 2
        invoice.action_post()
        # Posted: the lock date also closes the reversal of the day.
        self.company.jxc_finance_lock_date = self.today
        with self.assertRaisesRegex(UserError, "lock date"):
            invoice.with_user(self.finance_manager).action_reverse()

    # ------------------------------------------------------------------
    # State machine and access
    # ------------------------------------------------------------------
    def test_state_machine_over_rpc(self):
        order = self._sale([(self.product, 2, 10.0)])
        invoice = self._invoice(order.line_ids).with_user(self.finance_manager)
        with self.assertRaises(UserError):
            invoice.write({"state": "posted"})
        with self.assertRaises(UserError):
            invoice.write({"import_checksum": "x"})
        invoice.action_post()
        with self.assertRaises(UserError):
            invoice.write({"invoice_number": "changed"})
        with self.assertRaises(UserError):
            invoice.line_ids.write({"quantity": 1})
        with self.assertRaises(UserError):
            invoice.line_ids.unlink()
        with self.assertRaises(UserError):
            invoice.unlink()
        invoice.write({"note": "Sent by post"})
        with self.assertRaisesRegex(UserError, "not a draft"):
            invoice.action_post()

    def test_access_by_role(self):
        order = self._sale([(self.product, 2, 10.0)])
        sale_invoice = self._invoice(order.line_ids)
        sale_invoice.action_post()
        purchase = self._purchase([(self.product, 1, 3.0)])
        purchase.action_confirm()
        self._receipt(purchase)
        purchase_invoice = self._invoice(purchase.line_ids, direction="purchase", number="P1")
        Invoice = self.env["jxc.finance.invoice"]
        both = sale_invoice | purchase_invoice
        # Sales staff read the issued invoices, purchase staff the received ones.
        self.assertEqual(
            Invoice.with_user(self.sales_user).search([("id", "in", both.ids)]), sale_invoice
        )
        self.assertEqual(
            Invoice.with_user(self.purchase_user).search([("id", "in", both.ids)]),
            purchase_invoice,
        )
        self.assertEqual(
            Invoice.with_user(self.finance_user).search([("id", "in", both.ids)]), both
        )
        self.assertAlmostEqual(order.with_user(self.sales_user).amount_invoiced, 22.6, places=2)
        self.assertEqual(
            order.with_user(self.sales_user).read(["invoice_count", "amount_to_invoice"])[0][
                "invoice_count"
            ],
            1,
        )
        self.assertEqual(
            purchase.with_user(self.purchase_user).read(["invoice_count"])[0]["invoice_count"], 1
        )
        # What the web client sends over JSON-RPC: the public buttons, checked.
        for user in (self.sales_user, self.purchase_user, self.stock_user):
            with self.assertRaises(AccessError):
                purchase_invoice.with_user(user).action_post()
            with self.assertRaises(AccessError):
                sale_invoice.with_user(user).action_reverse()
        with self.assertRaises(AccessError):
            sale_invoice.with_user(self.sales_user).write({"note": "x"})
        with self.assertRaises(AccessError):
            purchase_invoice.with_user(self.purchase_user).action_post()
        with self.assertRaises(AccessError):
            Invoice.with_user(self.sales_user).create(
                {"direction": "sale", "partner_id": self.customer.id}
            )
        with self.assertRaises(AccessError):
            order.line_ids.with_user(self.sales_user).action_create_invoice()
        # Stock staff see no invoice at all.
        with self.assertRaises(AccessError):
            Invoice.with_user(self.stock_user).search([])
        with self.assertRaises(AccessError):
            sale_invoice.with_user(self.stock_user).read(["amount_total"])

    def test_own_documents_salesperson(self):
        own = new_test_user(
            self.env,
            email=False,
            login="jxc_inv_sales_own",
            groups="base.group_user,jxc_sales.group_jxc_sales_user_own",
        )
        other = new_test_user(
            self.env,
            email=False,
            login="jxc_inv_sales_other",
            groups="base.group_user,jxc_sales.group_jxc_sales_user",
        )
        mine = self._sale([(self.product, 1, 10.0)], user_id=own.id)
        theirs = self._sale([(self.product, 1, 10.0)], user_id=other.id)
        inv_mine = self._invoice(mine.line_ids, number="M")
        inv_theirs = self._invoice(theirs.line_ids, number="T")
        found = (
            self.env["jxc.finance.invoice"]
            .with_user(own)
            .search([("id", "in", (inv_mine | inv_theirs).ids)])
        )
        self.assertEqual(found, inv_mine)

    @mute_logger("odoo.models.unlink")
    def test_draft_can_be_deleted(self):
        order = self._sale([(self.product, 2, 10.0)])
        invoice = self._invoice(order.line_ids)
        invoice.with_user(self.finance_user).unlink()
        self.assertFalse(invoice.exists())

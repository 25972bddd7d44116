# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.jxc_stock.tests.common import JxcHttpCase

from .common import JxcFinanceCommon


@tagged("post_install", "-at_install")
class TestReceiptStatementTour(JxcFinanceCommon, JxcHttpCase):
    """收款单 with 核销, then the customer's 对账单, in the browser as a finance user who
    reads Chinese (static/tests/tours/jxc_receipt_statement_tour.js): two delivered orders
    are open (56.50 and 33.90); a receipt of 70.00 loads them, settles 13.50 of the second
    by hand and is posted; the statement shows both orders, the receipt and 20.40 still
    owed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._speak_chinese(cls.finance_user)
        cls.tour_customer = cls.env["res.partner"].create(
            {"name": "Tour Receipt Customer", "is_company": True}
        )
        cls.tour_bank = cls.env["jxc.finance.account"].create(
            {"name": "Tour Receipt Bank", "account_type": "bank"}
        )
        cls._receive(cls.product, 20, 4.0)
        cls.orders = cls.env["jxc.sale.order"]
        for quantity in (5, 3):
            order = cls._make_order([(cls.product, quantity, 10.0)], partner=cls.tour_customer)
            order.action_confirm()
            cls._delivery(order).action_done()
            cls.orders |= order
        cls.entries = cls.env["jxc.finance.entry"].search(
            [("commercial_partner_id", "=", cls.tour_customer.id)], order="date_due, id"
        )

    def test_receipt_settles_and_statement_shows_balance(self):
        self.assertEqual(self.orders.mapped("state"), ["done", "done"])
        self.assertRecordValues(
            self.entries, [{"amount_residual": 56.5}, {"amount_residual": 33.9}]
        )
        self.start_tour(
            "/odoo/action-jxc_finance.jxc_finance_payment_action_inbound",
            "jxc_receipt_statement",
            login=self.finance_user.login,
            timeout=300,
        )
        self.env.invalidate_all()
        payment = self.env["jxc.finance.payment"].search(
            [("commercial_partner_id", "=", self.tour_customer.id)]
        )
        self.assertRecordValues(
            payment,
            [
                {
                    "payment_type": "inbound",
                    "state": "posted",
                    "settle_mode": "manual",
                    "account_id": self.tour_bank.id,
                    "amount": 70.0,
                    "amount_settled": 70.0,
                    "amount_unsettled": 0.0,
                    "create_uid": self.finance_user.id,
                }
            ],
        )
        self.assertRecordValues(
            payment.line_ids,
            [
                {"entry_id": self.entries[0].id, "amount": 56.5},
                {"entry_id": self.entries[1].id, "amount": 13.5},
            ],
        )
        self.assertRecordValues(self.entries, [{"amount_residual": 0.0}, {"amount_residual": 20.4}])
        self.assertAlmostEqual(self.tour_customer.jxc_receivable, 20.4)
        statement = self.env["jxc.finance.statement"].search(
            [("create_uid", "=", self.finance_user.id)]
        )
        self.assertRecordValues(
            statement,
            [
                {
                    "partner_id": self.tour_customer.id,
                    "entry_type": "receivable",
                    "opening_balance": 0.0,
                    "closing_balance": 20.4,
                }
            ],
        )
        self.assertEqual(statement.line_ids.mapped("debit"), [56.5, 33.9, 0.0])
        self.assertEqual(statement.line_ids.mapped("credit"), [0.0, 0.0, 70.0])
        self.assertEqual(statement.line_ids[-1].reference, payment.name)

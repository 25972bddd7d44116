# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.jxc_stock.tests.common_print import JxcPrintMixin

from .common import JxcFinanceCommon

PAYMENT_REPORT = "jxc_finance.jxc_finance_payment_report_action"
SLIP_REPORT = "jxc_finance.jxc_finance_slip_report_action"
TRANSFER_REPORT = "jxc_finance.jxc_finance_transfer_report_action"
STATEMENT_REPORT = "jxc_finance.jxc_finance_statement_report_action"


class TestPaymentPrint(JxcPrintMixin, JxcFinanceCommon):
    """收款单 / 付款单 print as receipts: the partner, the amount in figures and in Chinese
    capitals, the account, the documents settled and signature lines; for finance staff."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_print_company()
        cls.finance_user.name = "赵出纳"
        cls._entry(cls.customer, 1000.0, days_ago=10, ref="SO-PRINT-1")
        cls._entry(cls.customer, 500.0, days_ago=5, ref="SO-PRINT-2")

    def _receipt(self, amount=1234.56):
        payment = (
            self.env["jxc.finance.payment"]
            .with_user(self.finance_user)
            .create(
                {
                    "payment_type": "inbound",
                    "partner_id": self.customer.id,
                    "amount": amount,
                    "account_id": self.bank.id,
                    "memo": "货款",
                }
            )
        )
        payment.action_post()
        return payment

    def test_receipt_prints_amount_in_words_and_settled_documents(self):
        payment = self._receipt()
        self.load_chinese("jxc_stock", "jxc_finance")
        _pdf, text = self.render_pdf(PAYMENT_REPORT, payment, user=self.finance_user, lang="zh_CN")
        self.assertIn(payment.name, text)
        self.assertIn(self.customer.name, text)
        self.assertIn(self.bank.name, text)
        self.assertIn("货款", text)
        self.assertRegex(text, r"¥ 1,234\.56")
        self.assertInPdf("人民币 壹仟贰佰叁拾肆元伍角陆分", text)
        self.assertRegex(text, r"20\d\d年\d\d月\d\d日", "dates as Chinese write them")
        # Oldest due first: the first entry in full, 234.56 of the second.
        self.assertRegex(text, r"1 SO-PRINT-1 .*¥ 1,000\.00")
        self.assertRegex(text, r"2 SO-PRINT-2 .*¥ 234\.56")
        self.assertIn("赵出纳", text, "prepared by the finance user who entered it")

    def test_vouchers_on_triplicate_in_one_batch(self):
        receipt = self._receipt(10.0)
        payment = self._payment(self.supplier, 100200300.45, payment_type="outbound", post=False)
        self.company.jxc_paperformat_finance_id = self.env.ref(
            "jxc_stock.paperformat_jxc_triplicate"
        )
        pdf, text = self.render_pdf(PAYMENT_REPORT, receipt | payment, user=self.finance_user)
        self.assertEqual(self.pdf_pages(pdf), [(241, 140), (241, 140)])
        self.assertRegex(text, rf"Receipt Voucher {receipt.name}")
        self.assertRegex(text, rf"Payment Voucher {payment.name} \(Draft\)")
        self.assertIn("Received From", text)
        self.assertIn("Paid To", text)
        self.assertInPdf("人民币 壹拾元整", text)
        self.assertInPdf("人民币 壹亿零贰拾万零叁佰元零肆角伍分", text)
        self.assertEqual(text.count("Prepared By"), 2)
        self.assertEqual(text.count("Approved By"), 2)
        self.assertEqual(text.count("Handled By"), 2)
        report = self.env.ref(PAYMENT_REPORT)
        self.assertEqual(report.binding_model_id.model, "jxc.finance.payment")

    def test_slips_transfers_and_statements_print(self):
        Finance = self.env(user=self.finance_user)
        rent = self.env["jxc.finance.category"].create({"name": "Test Rent", "kind": "expense"})
        cash = self.env["jxc.finance.account"].create({"name": "Test Cash", "account_type": "cash"})
        slip = Finance["jxc.finance.slip"].create(
            {
                "slip_type": "expense",
                "account_id": self.bank.id,
                "line_ids": [
                    Command.create({"category_id": rent.id, "amount": 3000, "name": "一月房租"}),
                    Command.create({"category_id": rent.id, "amount": 0.5, "name": "手续费"}),
                ],
            }
        )
        slip.action_post()
        transfer = Finance["jxc.finance.transfer"].create(
            {"account_from_id": self.bank.id, "account_to_id": cash.id, "amount": 1005}
        )
        _pdf, text = self.render_pdf(SLIP_REPORT, slip, user=self.finance_user)
        self.assertIn(slip.name, text)
        self.assertRegex(text, r"Test Rent 一月房租 ¥ 3,000\.00")
        self.assertRegex(text, r"Total ¥ 3,000\.50")
        self.assertInPdf("人民币 叁仟元零伍角", text)
        _pdf, text = self.render_pdf(TRANSFER_REPORT, transfer, user=self.finance_user)
        self.assertRegex(text, rf"Fund Transfer {transfer.name} \(Draft\)")
        self.assertIn("Test Cash", text)
        self.assertInPdf("人民币 壹仟零伍元整", text)
        self.assertIn("赵出纳", text)
        statement = Finance["jxc.finance.statement"].create(
            {
                "partner_id": self.customer.id,
                "entry_type": "receivable",
                "date_from": self.today - timedelta(days=30),
                "date_to": self.today,
            }
        )
        statement.action_compute()
        _pdf, text = self.render_pdf(STATEMENT_REPORT, statement, user=self.finance_user)
        self.assertIn("SO-PRINT-1", text)
        self.assertIn("Prepared By", text)
        self.assertIn("Confirmed By", text)

    def test_only_who_reads_payments_prints_them(self):
        payment = self._receipt()
        for user in (self.stock_user, self.sales_user):
            with self.assertRaises(AccessError):
                self.render_pdf(PAYMENT_REPORT, payment, user=user)


@tagged("post_install", "-at_install")
class TestPaymentPrintRoute(JxcFinanceCommon, HttpCase):
    """The print route (what the web client's Print menu calls) refuses who may not read."""

    def test_print_route_checks_access(self):
        payment = self._payment(self.customer, 88.0)
        url = f"/report/pdf/jxc_finance.report_jxc_finance_payment/{payment.id}"
        self.authenticate(self.finance_user.login, self.finance_user.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(payment.name, response.text)
        self.authenticate(self.stock_user.login, self.stock_user.login)
        response = self.url_open(url)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(payment.name, response.text)

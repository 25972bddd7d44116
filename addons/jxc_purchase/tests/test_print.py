# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from odoo.addons.jxc_stock.tests.common_print import JxcPrintMixin
from odoo.addons.jxc_stock.utils import amount_to_chinese

from .common import JxcPurchaseCommon

ORDER_REPORT = "jxc_purchase.jxc_purchase_order_report_action"
PICKING_REPORT = "jxc_stock.jxc_stock_picking_report_action"


class TestPurchasePrint(JxcPrintMixin, JxcPurchaseCommon):
    """Purchase orders print with their total in Chinese capitals and signature lines, on the
    paper the company chose for orders; receipts print as stock documents."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_print_company(cls.product)

    def _order(self, cases=50, price=98.5):
        return self._make_order(
            [
                {
                    "product_id": self.product.id,
                    "packaging_id": self.case.id,
                    "quantity": cases,
                    "price_unit": price,
                    "tax_rate": 13.0,
                }
            ]
        ).with_user(self.purchase_user)

    def test_purchase_order_prints_in_chinese(self):
        order = self._order()
        self.load_chinese("jxc_stock", "jxc_purchase")
        self.supplier.lang = "zh_CN"
        pdf, text = self.render_pdf(ORDER_REPORT, order, user=self.purchase_user, lang="zh_CN")
        self.assertEqual(self.pdf_pages(pdf), [(210, 297)])
        self.assertIn(f"采购订单 {order.name}", text)
        self.assertEqual(order.amount_total, 5565.25)  # 50 × 98.50 + 13 %
        self.assertRegex(text, r"合计 ¥ 5,565\.25")
        self.assertInPdf(f"人民币 {amount_to_chinese(5565.25)}", text)
        self.assertInPdf("伍仟伍佰陆拾伍元贰角伍分", text)
        self.assertRegex(text, r"50\.00 箱 \(600 ")

    def test_signatures_and_triplicate_for_orders_only(self):
        order = self._order()
        order.with_user(self.purchase_manager).write({"user_id": self.purchase_manager.id})
        self.company.jxc_paperformat_order_id = self.env.ref("jxc_stock.paperformat_jxc_triplicate")
        pdf, text = self.render_pdf(ORDER_REPORT, order, user=self.purchase_user)
        self.assertEqual(self.pdf_pages(pdf), [(241, 140)])
        self.assertIn(order.name, text)
        self.assertIn(self.supplier.name, text, "the compact layout names the supplier")
        self.assertIn("Total in Words", text)
        for label in ("Prepared By", "Approved By", "Handled By"):
            self.assertIn(label, text)
        self.assertNotIn("Warehouse Keeper", text)
        self.assertNotIn("Customer Signature", text)
        # The receipt is a stock document: its own paper (A4 here).
        order.action_confirm()
        receipt = self._receipt(order)
        pdf, text = self.render_pdf(PICKING_REPORT, receipt, user=self.stock_user)
        self.assertEqual(self.pdf_pages(pdf), [(210, 297)])
        self.assertIn(receipt.name, text)
        self.assertRegex(text, r"50\.00 箱 \(600 ")

    def test_batch_print_and_access(self):
        first, second = self._order(50), self._order(3, 10.0)
        pdf, text = self.render_pdf(ORDER_REPORT, first | second, user=self.purchase_user)
        self.assertEqual(len(self.pdf_pages(pdf)), 2)
        self.assertIn(first.name, text)
        self.assertIn(second.name, text)
        self.assertInPdf(amount_to_chinese(second.amount_total), text)
        report = self.env.ref(ORDER_REPORT)
        self.assertEqual(report.binding_model_id.model, "jxc.purchase.order")
        # Stock staff do not read purchase orders: no print either.
        with self.assertRaises(AccessError):
            self.render_pdf(ORDER_REPORT, first, user=self.stock_user)

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from odoo.addons.jxc_stock.tests.common_print import JxcPrintMixin
from odoo.addons.jxc_stock.utils import amount_to_chinese

from .common import JxcSalesCommon

ORDER_REPORT = "jxc_sales.jxc_sale_order_report_action"
DELIVERY_REPORT = "jxc_sales.jxc_delivery_note_report_action"
PICKING_REPORT = "jxc_stock.jxc_stock_picking_report_action"


class TestSalesPrint(JxcPrintMixin, JxcSalesCommon):
    """Sale orders and delivery notes (送货单) print with signature lines and, for sales
    staff, amounts in Chinese capitals; stock staff print delivery notes without prices."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_print_company(cls.product)
        cls._receive(cls.product, 1200, 5.0)
        # Short names, as people have: a long one wraps in its signature column.
        cls.sales_user.name = "李销售"
        cls.stock_user.name = "王仓管"

    def _order(self, cases=50, price=98.5):
        order = self._make_order(
            [
                {
                    "product_id": self.product.id,
                    "packaging_id": self.case.id,
                    "quantity": cases,
                    "price_unit": price,
                    "tax_rate": 13.0,
                }
            ]
        ).with_user(self.sales_user)
        order.action_confirm()
        return order

    def test_sale_order_prints_total_in_words(self):
        order = self._order()
        self.load_chinese("jxc_stock", "jxc_sales")
        self.customer.lang = "zh_CN"
        _pdf, text = self.render_pdf(ORDER_REPORT, order, user=self.sales_user, lang="zh_CN")
        self.assertIn(f"销售订单 {order.name}", text)
        self.assertEqual(order.amount_total, 5565.25)
        self.assertRegex(text, r"合计 ¥ 5,565\.25")
        self.assertInPdf("人民币 伍仟伍佰陆拾伍元贰角伍分", text)
        self.assertRegex(text, r"50\.00 箱 \(600 ")

    def test_sale_order_signatures_and_access(self):
        order = self._order()
        _pdf, text = self.render_pdf(ORDER_REPORT, order, user=self.sales_user)
        for label in ("Prepared By", "Handled By", "Customer Signature"):
            self.assertIn(label, text)
        self.assertNotIn("Warehouse Keeper", text)
        with self.assertRaises(AccessError):
            self.render_pdf(ORDER_REPORT, order, user=self.stock_user)

    def test_delivery_note_for_stock_and_sales_staff(self):
        order = self._order()
        delivery = self._delivery(order)
        # Stock staff: goods, quantities and signatures, no money.
        _pdf, text = self.render_pdf(DELIVERY_REPORT, delivery, user=self.stock_user)
        self.assertIn(f"Delivery Note {delivery.name}", text)
        self.assertIn(order.name, text)
        self.assertRegex(text, r"50\.00 箱 \(600 ")
        for label in ("Prepared By", "Warehouse Keeper", "Handled By", "Customer Signature"):
            self.assertIn(label, text)
        self.assertNotIn("5,565.25", text)
        self.assertNotIn("人民币", text)
        # Sales staff: the goods' worth at the order's prices, in figures and in words.
        _pdf, text = self.render_pdf(DELIVERY_REPORT, delivery, user=self.sales_user)
        self.assertRegex(text, r"Amount \(Tax Incl\.\) ¥ 5,565\.25")
        self.assertInPdf(f"人民币 {amount_to_chinese(5565.25)}", text)
        # Shipped in part: the note of the posted delivery counts what left.
        delivery = delivery.with_user(self.stock_user)
        delivery.line_ids.quantity_done = 20
        delivery.action_done()
        _pdf, text = self.render_pdf(DELIVERY_REPORT, delivery, user=self.sales_user)
        self.assertRegex(text, r"20\.00 箱 \(240 ")
        self.assertRegex(text, r"¥ 2,226\.10")  # 20 / 50 of 5,565.25
        self.assertInPdf(amount_to_chinese(2226.10), text)

    def test_delivery_note_of_another_salespersons_order(self):
        delivery = self._delivery(self._order())
        clerk = new_test_user(
            self.env,
            login="print_clerk",
            name="店员",
            groups="base.group_user,jxc_stock.group_jxc_stock_user,"
            "jxc_sales.group_jxc_sales_user_own",
        )
        self.assertFalse(delivery.sale_id.with_user(clerk).has_access("read"))
        _pdf, text = self.render_pdf(DELIVERY_REPORT, delivery, user=clerk)
        self.assertIn(delivery.name, text)
        self.assertNotIn("人民币", text, "no price of an order the clerk may not read")
        # A salesperson limited to their own orders sees the worth of theirs.
        seller = new_test_user(
            self.env,
            login="print_seller",
            name="孙销售",
            groups="jxc_sales.group_jxc_sales_user_own",
        )
        order = self._make_order([(self.product, 5, 10.0)], user_id=seller.id)
        order.action_confirm()
        _pdf, text = self.render_pdf(DELIVERY_REPORT, self._delivery(order), user=seller)
        self.assertInPdf(f"人民币 {amount_to_chinese(order.amount_total)}", text)

    def test_triplicate_delivery_notes_and_batch(self):
        first, second = self._delivery(self._order(50)), self._delivery(self._order(2))
        self.company.jxc_paperformat_delivery_id = self.env.ref(
            "jxc_stock.paperformat_jxc_triplicate"
        )
        pdf, text = self.render_pdf(DELIVERY_REPORT, first | second, user=self.stock_user)
        self.assertEqual(self.pdf_pages(pdf), [(241, 140), (241, 140)])
        self.assertIn(first.name, text)
        self.assertIn(second.name, text)
        self.assertIn(self.customer.name, text, "the compact layout names the customer")
        self.assertRegex(text, r"2\.00 箱 \(24 ")
        # The same documents as stock documents, and the orders, keep A4.
        pdf, _text = self.render_pdf(PICKING_REPORT, first, user=self.stock_user)
        self.assertEqual(self.pdf_pages(pdf), [(210, 297)])
        pdf, _text = self.render_pdf(ORDER_REPORT, first.sale_id, user=self.sales_user)
        self.assertEqual(self.pdf_pages(pdf), [(210, 297)])
        report = self.env.ref(DELIVERY_REPORT)
        self.assertEqual(report.binding_model_id.model, "jxc.stock.picking")

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .common import JxcStockCommon
from .common_print import JxcPrintMixin

PICKING_REPORT = "jxc_stock.jxc_stock_picking_report_action"
COUNT_REPORT = "jxc_stock.jxc_stock_count_report_action"


class TestStockPrint(JxcPrintMixin, JxcStockCommon):
    """Stock documents and count sheets print as PDFs, on A4 or 三联单 as the company chose,
    one or many at a time, for stock staff only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        bottle = cls.env.ref("jxc_stock.uom_bottle")
        cls.cola = cls.env["product.product"].create(
            {"name": "Test Cola", "type": "consu", "uom_id": bottle.id, "uom_po_id": bottle.id}
        )
        cls.setup_print_company(cls.cola)
        cls.triplicate = cls.env.ref("jxc_stock.paperformat_jxc_triplicate")
        cls.bottles = re.escape(bottle.name)

    def _cola_receipt(self, cases=50):
        return self._make_picking(
            "in",
            [{"product_id": self.cola.id, "packaging_id": self.case.id, "quantity": cases}],
        ).with_user(self.stock_user)

    def test_stock_document_prints_quantities_as_entered(self):
        self.stock_user.name = "王仓管"
        picking = (
            self.env["jxc.stock.picking"]
            .with_user(self.stock_user)
            .create(
                {
                    "picking_type": "in",
                    "warehouse_id": self.wh1.id,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": self.cola.id,
                                "packaging_id": self.case.id,
                                "quantity": 50,
                            },
                        )
                    ],
                }
            )
        )
        pdf, text = self.render_pdf(PICKING_REPORT, picking, user=self.stock_user)
        self.assertEqual(self.pdf_pages(pdf), [(210, 297)], "A4 unless the company chose")
        self.assertIn(picking.name, text)
        self.assertIn(self.company.name, text, "the letterhead is printed")
        self.assertRegex(text, rf"Test Cola 50\.00 箱 \(600 {self.bottles}\)")
        # Signature lines: the creator prepared it and is responsible; the rest is signed.
        for label in ("Prepared By", "Approved", "Warehouse Keeper", "Handled"):
            self.assertIn(label, text)
        self.assertEqual(text.count("王仓管"), 2)
        self.assertNotIn("Unit Cost", text, "stock staff without the cost group see no costs")

    def test_count_sheet_leaves_uncounted_lines_blank(self):
        self._receive(self.product, 10, 2.0)
        self._receive(self.product2, 5, 4.0)
        count = self.env["jxc.stock.count"].create(
            {
                "warehouse_id": self.wh1.id,
                "product_ids": [(6, 0, (self.product | self.product2).ids)],
            }
        )
        count.action_start()
        count.line_ids.filtered(lambda ln: ln.product_id == self.product).counted_quantity = 12
        _pdf, text = self.render_pdf(COUNT_REPORT, count, user=self.stock_user)
        self.assertIn(count.name, text)
        self.assertIn("Count Sheet", text)
        lines = {ln.split("]")[1].split()[0]: ln.strip() for ln in text.splitlines() if "[T-" in ln}
        self.assertTrue(lines["Test"].endswith("10.00 12.00 2.00"), lines)
        tissue = next(ln.strip() for ln in text.splitlines() if "Test Tissue" in ln)
        self.assertTrue(tissue.endswith("Units 5.00"), "not counted yet: blank to fill in")
        self.assertIn("Warehouse Keeper", text)

    def test_triplicate_paper_per_company(self):
        picking = self._cola_receipt()
        self.company.jxc_paperformat_stock_id = self.triplicate
        report = self.env.ref(PICKING_REPORT)
        self.assertEqual(report.get_paperformat(), self.triplicate)
        pdf, text = self.render_pdf(PICKING_REPORT, picking, user=self.stock_user)
        self.assertEqual(self.pdf_pages(pdf), [(241, 140)])
        self.assertIn(picking.name, text)
        self.assertIn(self.company.name, text)
        self.assertRegex(text, rf"50\.00 箱 \(600 {self.bottles}\)")
        self.assertIn("Warehouse Keeper", text)
        # Another company keeps its own paper (A4 by default).
        other = self.env["res.company"].create({"name": "Print Other Co"})
        self.assertEqual(report.with_company(other).get_paperformat(), other.paperformat_id)
        self.assertFalse(other.jxc_paperformat_stock_id)

    def test_batch_print_is_one_pdf(self):
        first, second = self._cola_receipt(50), self._cola_receipt(2)
        pdf, text = self.render_pdf(PICKING_REPORT, first | second, user=self.stock_user)
        self.assertEqual(len(self.pdf_pages(pdf)), 2)
        self.assertIn(first.name, text)
        self.assertIn(second.name, text)
        self.assertRegex(text, rf"2\.00 箱 \(24 {self.bottles}\)")
        for xmlid in (PICKING_REPORT, COUNT_REPORT):
            report = self.env.ref(xmlid)
            self.assertEqual(report.binding_model_id.model, report.model, "in the Print menu")

    def test_print_needs_the_right_to_read(self):
        picking = self._cola_receipt()
        outsider = new_test_user(self.env, login="print_outsider", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.render_pdf(PICKING_REPORT, picking, user=outsider)

    def test_letterhead_in_the_body_for_unpatched_wkhtmltopdf(self):
        html = (
            "<html><body><main>"
            "<div class='header o_company_1_layout'>HEAD</div>"
            "<div class='article' data-oe-model='x'>BODY</div>"
            "<div class='footer'>FOOT<div>Page <span class='page'/> / <span class='topage'/>"
            "</div></div></main></body></html>"
        )
        result = self.env["ir.actions.report"]._jxc_inline_headers(html)
        self.assertRegex(
            result,
            r"<div class=\"article\"[^>]*><div class=\"o_company_1_layout o_jxc_header\">HEAD"
            r"</div>BODY<div class=\"o_jxc_footer\">FOOT</div></div>",
        )
        self.assertFalse(re.search(r"class=\"(header|footer)", result))

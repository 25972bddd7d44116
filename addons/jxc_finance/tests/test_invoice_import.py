# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import JxcFinanceCommon

# The tax platform's export (进项发票 查询导出): its own headers, its own order, extra columns.
HEADERS = [
    "序号",
    "发票代码",
    "发票号码",
    "开票日期",
    "销方识别号",
    "销方名称",
    "金额",
    "税额",
    "价税合计",
    "发票状态",
    "发票类型",
]


@tagged("post_install", "-at_install")
class TestInvoiceImport(JxcFinanceCommon):
    """导入进项发票: rows matched to supplier and receipts by amount; matched rows become
    drafts, and while any row is unmatched or ambiguous nothing is written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supplier.vat = "91440300MA5SUPPLY1"
        cls.other_supplier = cls.env["res.partner"].create(
            {"name": "Second Supplier Co.", "is_company": True}
        )
        # Receipt A: 10 × 8.50 = 85.00 + 11.05 = 96.05 (in two receipts of one order: 6 + 4)
        cls.order_a = cls._purchase([(cls.product, 10, 8.5)])
        cls.order_a.action_confirm()
        cls.receipt_a1 = cls._do_receipt(cls.order_a, [6])  # 51.00 + 6.63 = 57.63
        cls.receipt_a2 = cls._do_receipt(cls.order_a)  # 34.00 + 4.42 = 38.42
        # Receipt B: 2 × 100.00 = 200.00 + 26.00 = 226.00
        cls.order_b = cls._purchase([(cls.product2, 2, 100.0)])
        cls.order_b.action_confirm()
        cls.receipt_b = cls._do_receipt(cls.order_b)
        cls.order_c = cls._purchase([(cls.product2, 2, 100.0)], partner_id=cls.other_supplier.id)
        cls.order_c.action_confirm()
        cls._do_receipt(cls.order_c)

    @classmethod
    def _do_receipt(cls, order, quantities=None):
        receipt = order.picking_ids.filtered(
            lambda p: p.picking_type == "purchase_in" and p.state == "draft"
        )
        if quantities is not None:
            for line, qty in zip(receipt.line_ids, quantities, strict=True):
                line.quantity_done = qty
        receipt.action_done()
        return receipt

    def _file(self, rows):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(HEADERS)
        for number, row in enumerate(rows, start=1):
            values = dict(
                {
                    "发票代码": None,
                    "开票日期": self.today,
                    "销方识别号": self.supplier.vat,
                    "销方名称": self.supplier.name,
                    "发票状态": "正常",
                    "发票类型": "数电票（增值税专用发票）",
                },
                **row,
            )
            sheet.append([number if h == "序号" else values.get(h) for h in HEADERS])
        output = io.BytesIO()
        book.save(output)
        return base64.b64encode(output.getvalue())

    def _import(self, rows, user=None):
        wizard = (
            self.env["jxc.finance.invoice.import"]
            .with_user(user or self.finance_user)
            .create({"file": self._file(rows), "filename": "进项发票.xlsx"})
        )
        return wizard, wizard.action_import()

    def _errors(self, wizard):
        return [tuple(line.split("\t")) for line in (wizard.error_text or "").splitlines()]

    def _row(self, number, untaxed, tax, **extra):
        return dict(
            {"发票号码": number, "金额": untaxed, "税额": tax, "价税合计": round(untaxed + tax, 2)},
            **extra,
        )

    def test_matched_rows_become_drafts(self):
        wizard, action = self._import(
            [
                self._row("26440000000000000001", 51.0, 6.63),  # receipt A1
                self._row("26440000000000000002", 200.0, 26.0, 销方识别号=None),  # B by name
            ]
        )
        self.assertFalse(wizard.error_count)
        invoices = self.env["jxc.finance.invoice"].search(action["domain"], order="id")
        self.assertRecordValues(
            invoices,
            [
                {
                    "direction": "purchase",
                    "kind": "digital",
                    "state": "draft",
                    "partner_id": self.supplier.id,
                    "amount_untaxed": 51.0,
                    "amount_tax": 6.63,
                    "amount_total": 57.63,
                },
                {
                    "direction": "purchase",
                    "kind": "digital",
                    "state": "draft",
                    "partner_id": self.supplier.id,
                    "amount_untaxed": 200.0,
                    "amount_tax": 26.0,
                    "amount_total": 226.0,
                },
            ],
        )
        self.assertEqual(invoices[0].line_ids.purchase_line_id, self.order_a.line_ids)
        self.assertEqual(invoices[0].line_ids.quantity, 6)
        invoices.action_post()
        self.assertEqual(self.order_a.line_ids.qty_to_invoice, 4)
        # The rest of order A matches receipt A2 only now (its first 6 are invoiced).
        _wizard, action = self._import([self._row("26440000000000000003", 34.0, 4.42)])
        rest = self.env["jxc.finance.invoice"].search(action["domain"])
        self.assertEqual(rest.line_ids.quantity, 4)
        # The same file again is refused.
        with self.assertRaisesRegex(UserError, "imported already"):
            self._import([self._row("26440000000000000003", 34.0, 4.42)])

    def test_a_whole_order_matches(self):
        # 96.05: neither receipt alone, both of order A together.
        _wizard, action = self._import([self._row("1", 85.0, 11.05, 发票代码="044001900111")])
        invoice = self.env["jxc.finance.invoice"].search(action["domain"])
        self.assertRecordValues(
            invoice, [{"invoice_code": "044001900111", "amount_total": 96.05, "kind": "digital"}]
        )
        self.assertEqual(invoice.line_ids.quantity, 10)

    def test_unmatched_and_ambiguous_rows_write_nothing(self):
        # A third receipt of the same value as B makes B's amount ambiguous.
        order = self._purchase([(self.product2, 2, 100.0)])
        order.action_confirm()
        self._do_receipt(order)
        count = self.env["jxc.finance.invoice"].search_count([])
        wizard, action = self._import(
            [
                self._row("A1", 51.0, 6.63),  # good
                self._row("B", 200.0, 26.0),  # two receipts at 226.00
                self._row("X", 10.0, 1.3),  # nothing at 11.30
                self._row("U", 1.0, 0.13, 销方识别号="999", 销方名称="Unknown Co."),
                self._row("A1", 34.0, 4.42),  # number twice in the file
                self._row("T", 1.0, 0.13, 发票类型="机动车发票"),
                self._row("V", 51.0, 6.63, 发票状态="作废"),
                self._row("S", 33.0, 5.42),  # A2's 38.42, but split otherwise (another rate)
            ]
        )
        self.assertEqual(action["res_model"], "jxc.finance.invoice.import")
        self.assertEqual(self.env["jxc.finance.invoice"].search_count([]), count)
        errors = self._errors(wizard)
        reasons = {(int(row), reason.split(":")[0]) for row, _col, _value, reason in errors}
        self.assertIn((3, "several receipts have this value not yet invoiced"), reasons)
        self.assertIn(
            (4, f"no receipt of {self.supplier.name} has this value not yet invoiced"), reasons
        )
        self.assertIn((5, "no supplier with this tax ID or name"), reasons)
        self.assertIn((6, "also on row 2"), reasons)
        self.assertIn((7, "unknown invoice type"), reasons)
        self.assertIn((8, "only valid (正常) invoices are imported"), reasons)
        self.assertTrue(any(int(row) == 9 and "before tax" in r for row, _c, _v, r in errors))
        self.assertFalse(any(int(row) == 2 for row, *_rest in errors))

    def test_bad_cells_and_locked_period(self):
        self.company.jxc_finance_lock_date = self.today
        wizard, _action = self._import(
            [
                self._row("L", 51.0, 6.63),
                {"发票号码": "N", "金额": "abc", "税额": 1, "价税合计": 1e300},
                {"发票号码": "M", "金额": float("nan"), "税额": 1, "价税合计": 2},
            ]
        )
        reasons = {(int(row), col, reason) for row, col, _value, reason in self._errors(wizard)}
        self.assertIn((2, "Invoice Date", f"on or before the lock date {self.today}"), reasons)
        self.assertIn((3, "Amount", "not a number"), reasons)
        self.assertIn((3, "Total", "must be positive and below 1,000,000,000,000"), reasons)
        self.assertTrue(any(r[0] == 4 for r in reasons))

    def test_duplicate_of_an_entered_invoice(self):
        self._import([self._row("D1", 51.0, 6.63)])
        wizard, _action = self._import([self._row("D1", 34.0, 4.42)])
        self.assertTrue(any("entered already" in e[3] for e in self._errors(wizard)))

    def test_access(self):
        with self.assertRaises(AccessError):
            self._import([self._row("Z", 51.0, 6.63)], user=self.sales_user)
        with self.assertRaises(AccessError):
            self._import([self._row("Z", 51.0, 6.63)], user=self.stock_user)

    def test_template_reads_back(self):
        wizard = self.env["jxc.finance.invoice.import"].create({})
        book = openpyxl.load_workbook(io.BytesIO(wizard._build_template()))
        headers = [c.value for c in book.worksheets[0][1]]
        self.assertIn("Invoice Number", headers)
        self.assertIn("Total", headers)

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo.addons.jxc_finance.tests.common import JxcFinanceCommon
from odoo.addons.jxc_finance.wizards.jxc_finance_aging import BUCKETS


def load_xlsx(content):
    return openpyxl.load_workbook(io.BytesIO(content)).active


class TestAgingXlsx(JxcFinanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.formula_partner = cls.env["res.partner"].create({"name": "=SUM(A1)"})
        cls._entry(cls.customer, 100.0, days_ago=0, due_in=30)  # not due
        cls._entry(cls.customer, 50.0, days_ago=100)  # over 90 days
        cls._entry(cls.formula_partner, 200.0, days_ago=45)  # 31–60 days
        cls._entry(cls.formula_partner, 30.0, days_ago=10)  # 1–30 days
        cls._entry(cls.supplier, 70.0, days_ago=5, due_in=30, entry_type="payable")

    def _export(self, aging):
        action = aging.action_export_xlsx()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        self.assertEqual(attachment.name, f"Receivable Aging {self.today}.xlsx")
        # Attached to no record: only whoever exported it reads it.
        self.assertEqual((attachment.res_model, attachment.res_id), (False, 0))
        self.assertEqual(attachment.create_uid, aging.env.user)
        return load_xlsx(base64.b64decode(attachment.datas))

    def test_xlsx_matches_the_buckets(self):
        aging = (
            self.env["jxc.finance.aging"]
            .with_user(self.finance_user)
            .create({"date": self.today, "entry_type": "receivable"})
        )
        sheet = self._export(aging)
        self.assertEqual(sheet.freeze_panes, "B4")
        self.assertEqual(
            [cell.value for cell in sheet[3]],
            [
                "Partner",
                "Not Due",
                "1–30 Days",
                "31–60 Days",
                "61–90 Days",
                "Over 90 Days",
                "Total",
            ],
        )
        rows = list(sheet.iter_rows(min_row=4, values_only=True))
        buckets = aging._compute_buckets(self.today, "receivable", self.company)
        self.assertEqual(len(rows), len(buckets) + 1)
        total_row = rows[-1]
        self.assertEqual(total_row[0], "Total")
        for col, name in enumerate((*BUCKETS, "total"), start=1):
            self.assertAlmostEqual(total_row[col], sum(v[name] for v in buckets.values()))
        by_partner = {row[0]: row[1:] for row in rows[:-1]}
        self.assertEqual(by_partner["Test Customer"], (100.0, 0, 0, 0, 50.0, 150.0))
        self.assertEqual(by_partner["=SUM(A1)"], (0, 30.0, 200.0, 0, 0, 230.0))
        self.assertNotIn("Test Finance Supplier", by_partner)

    def test_partner_name_is_text_not_formula(self):
        aging = self.env["jxc.finance.aging"].create(
            {"date": self.today, "entry_type": "receivable"}
        )
        sheet = self._export(aging)
        cells = [cell for cell in sheet["A"] if cell.value == "=SUM(A1)"]
        self.assertEqual(len(cells), 1)
        self.assertEqual(cells[0].data_type, "s")
        for row in sheet.iter_rows():
            for cell in row:
                self.assertNotEqual(cell.data_type, "f")

    def test_payable_aging_and_empty_date(self):
        aging = self.env["jxc.finance.aging"].create({"date": self.today, "entry_type": "payable"})
        self.assertEqual(aging._xlsx_filename(), f"Payable Aging {self.today}.xlsx")
        rows = list(load_xlsx(aging._xlsx()).iter_rows(min_row=4, values_only=True))
        by_partner = {row[0]: row[1:] for row in rows[:-1]}
        self.assertEqual(by_partner["Test Finance Supplier"], (70.0, 0, 0, 0, 0, 70.0))
        self.assertNotIn("Test Customer", by_partner)
        buckets = aging._compute_buckets(self.today, "payable", self.company)
        self.assertAlmostEqual(rows[-1][-1], sum(v["total"] for v in buckets.values()))
        # Before the first entry nothing is open: a header and a zero total.
        aging.date = "2000-01-01"
        rows = list(load_xlsx(aging._xlsx()).iter_rows(min_row=4, values_only=True))
        self.assertEqual(rows, [("Total", 0, 0, 0, 0, 0, 0)])

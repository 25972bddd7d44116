# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields

from odoo.addons.jxc_stock.tests.common import JxcStockCommon


class TestCostCorrectionReports(JxcStockCommon):
    """Cost corrections in 进销存汇总 and 库存分析: value columns that add up to the closing
    value, and their cost-of-goods-sold share counted as COGS."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.tz = "UTC"
        cls.receipt = cls._receive(cls.product, 10, 10.00)
        cls._issue(cls.product, 4)
        # 25.00 of freight: 15.00 into the 6 in stock, 10.00 for the 4 issued.
        cls.env["jxc.stock.move"]._post_cost_correction(
            cls.receipt.line_ids, 25.00, "freight", reference="CORR"
        )

    def _wizard(self, model):
        today = fields.Date.today()
        wizard = self.env[model].create(
            {"date_from": today - timedelta(days=1), "date_to": today + timedelta(days=1)}
        )
        wizard.action_compute()
        return wizard.line_ids.filtered(lambda r: r.product_id == self.product)

    def test_summary(self):
        row = self._wizard("jxc.report.stock.summary.wizard")
        self.assertRecordValues(
            row,
            [
                {
                    "other_in_value": 100.00,
                    "other_out_value": 40.00,
                    "cost_adjust_value": 25.00,
                    "cogs_adjust_value": 10.00,
                    "cost_adjust_qty": 0,
                    "closing_qty": 6,
                    "closing_value": 75.00,
                }
            ],
        )
        self.assertAlmostEqual(
            row.opening_value
            + row.other_in_value
            - row.other_out_value
            + row.cost_adjust_value
            - row.cogs_adjust_value,
            row.closing_value,
        )

    def test_analysis_cogs(self):
        row = self._wizard("jxc.report.stock.analysis.wizard")
        self.assertAlmostEqual(row.cogs, 10.00)

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from datetime import datetime, timedelta

import openpyxl

from odoo import fields
from odoo.exceptions import ValidationError

from odoo.addons.jxc_stock.tests.common import JxcStockCommon


class TestStockAnalysis(JxcStockCommon):
    """Turnover, days of stock, ABC classes, slow-moving / dead stock and valuation at a date
    on a worked example (user time zone UTC, day 0 = 100 days ago)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.tz = "UTC"
        cls.day = fields.Date.today() - timedelta(days=100)
        Product = cls.env["product.product"]
        cls.p1, cls.p2, cls.p3, cls.p4 = (
            Product.create({"name": f"Analysis {n}", "type": "consu", "uom_id": cls.uom_unit.id})
            for n in (1, 2, 3, 4)
        )

        def post(days, product, qty, move_type, cost=None):
            cls.env["jxc.stock.move"]._post(
                [
                    {
                        "product_id": product.id,
                        "warehouse_id": cls.wh1.id,
                        "quantity": qty,
                        "move_type": move_type,
                        "unit_cost": cost,
                        "reference": f"A{days}",
                        "date": datetime.combine(
                            cls.day + timedelta(days=days), datetime.min.time()
                        )
                        + timedelta(hours=10),
                    }
                ]
            )

        # The period is days 10–39 (30 days).
        post(0, cls.p1, 100, "in", 10.0)
        post(15, cls.p1, -40, "sale_out")  # COGS 400
        post(20, cls.p1, 20, "in", 10.0)
        post(0, cls.p2, 30, "in", 4.0)
        post(36, cls.p2, -15, "out")  # outgoing 60, not a sale
        post(0, cls.p3, 50, "in", 2.0)
        post(16, cls.p3, -10, "sale_out")  # COGS 20
        post(0, cls.p4, 5, "in", 1.0)  # never goes out
        post(45, cls.p1, -1, "sale_out")  # after the period: ignored

    def _analysis(self, **vals):
        wizard = self.env["jxc.report.stock.analysis.wizard"].create(
            dict(
                {
                    "date_from": self.day + timedelta(days=10),
                    "date_to": self.day + timedelta(days=39),
                    "warehouse_ids": [fields.Command.set(self.wh1.ids)],
                    "slow_days": 10,
                    "dead_days": 30,
                },
                **vals,
            )
        )
        wizard.action_compute()
        return wizard

    def _row(self, wizard, product):
        return wizard.line_ids.filtered(lambda r: r.product_id == product)

    def test_turnover_and_days_of_stock(self):
        wizard = self._analysis()
        p1 = self._row(wizard, self.p1)
        # Opening 1,000, closing 1,000 − 400 + 200 = 800: average 900; COGS 400.
        self.assertRecordValues(
            p1,
            [
                {
                    "opening_qty": 100,
                    "closing_qty": 80,
                    "opening_value": 1000,
                    "closing_value": 800,
                    "average_value": 900,
                    "cogs": 400,
                    "outgoing_qty": 40,
                    "outgoing_value": 400,
                }
            ],
        )
        self.assertAlmostEqual(p1.turnover, 400 / 900)
        self.assertAlmostEqual(p1.days_of_stock, 30 / (400 / 900))
        p3 = self._row(wizard, self.p3)
        self.assertAlmostEqual(p3.turnover, 20 / 90)
        self.assertAlmostEqual(p3.days_of_stock, 135)
        p2 = self._row(wizard, self.p2)
        self.assertEqual(p2.cogs, 0, "other issues are not cost of goods sold")
        self.assertEqual(p2.turnover, 0)
        self.assertFalse(p2.days_of_stock, "nothing sold: no days of stock")

    def test_abc_by_outgoing_value(self):
        wizard = self._analysis()
        # Outgoing values 400 (p1), 60 (p2), 20 (p3), 0 (p4) of 480: before p2 the
        # cumulative share is 83.3% (class B), before p3 95.8% (class C).
        self.assertRecordValues(
            wizard.line_ids.sorted("abc_rank"),
            [
                {"product_id": self.p1.id, "abc_rank": 1, "abc_class": "a"},
                {"product_id": self.p2.id, "abc_rank": 2, "abc_class": "b"},
                {"product_id": self.p3.id, "abc_rank": 3, "abc_class": "c"},
                {"product_id": self.p4.id, "abc_rank": 4, "abc_class": "c"},
            ],
        )
        p1 = self._row(wizard, self.p1)
        self.assertAlmostEqual(p1.cumulative_share, 100 * 400 / 480)
        self.assertAlmostEqual(sum(wizard.line_ids.mapped("outgoing_share")), 100)
        # With A up to 90%, p2 (83.3% before it) is class A too.
        wider = self._analysis(abc_a=90, abc_b=99)
        self.assertEqual(self._row(wider, self.p2).abc_class, "a")
        self.assertEqual(self._row(wider, self.p3).abc_class, "b")

    def test_slow_moving_and_dead_stock(self):
        wizard = self._analysis()
        end = self.day + timedelta(days=39)
        self.assertRecordValues(
            wizard.line_ids.sorted("abc_rank"),
            [
                # Last sold on day 15: 24 idle days ≥ 10 → slow-moving.
                {
                    "last_outgoing_date": self.day + timedelta(days=15),
                    "days_idle": 24,
                    "stock_status": "slow",
                },
                # Issued on day 36: moving.
                {
                    "last_outgoing_date": self.day + timedelta(days=36),
                    "days_idle": 3,
                    "stock_status": "active",
                },
                {
                    "last_outgoing_date": self.day + timedelta(days=16),
                    "days_idle": 23,
                    "stock_status": "slow",
                },
                # Never went out; in stock since day 0: 39 idle days ≥ 30 → dead.
                {"last_outgoing_date": False, "days_idle": 39, "stock_status": "dead"},
            ],
        )
        self.assertEqual(end - self._row(wizard, self.p1).last_outgoing_date, timedelta(24))

    def test_a_reversed_issue_is_not_an_outgoing(self):
        issue = self.env["jxc.stock.move"].search(
            [("product_id", "=", self.p2.id), ("move_type", "=", "out")]
        )
        self.env["jxc.stock.move"]._post(
            [
                {
                    "product_id": self.p2.id,
                    "warehouse_id": self.wh1.id,
                    "quantity": -issue.quantity,
                    "value": -issue.value,
                    "move_type": "out",
                    "is_reversal": True,
                    "origin_move_id": issue.id,
                    "reference": "A36-R",
                    "date": issue.date,
                }
            ]
        )
        wizard = self._analysis()
        self.assertRecordValues(
            self._row(wizard, self.p2),
            [{"last_outgoing_date": False, "days_idle": 39, "stock_status": "dead"}],
        )

    def test_thresholds_are_checked(self):
        with self.assertRaises(ValidationError):
            self._analysis(abc_a=95, abc_b=80)
        with self.assertRaises(ValidationError):
            self._analysis(slow_days=60, dead_days=30)

    def test_valuation_at_a_date(self):
        Wizard = self.env["jxc.report.stock.valuation.wizard"]
        past = Wizard.create(
            {"date": self.day + timedelta(days=15), "warehouse_ids": [(6, 0, self.wh1.ids)]}
        )
        past.action_compute()
        row = past.line_ids.filtered(lambda r: r.product_id == self.p1)
        self.assertRecordValues(row, [{"quantity": 60, "value": 600, "unit_cost": 10}])
        summary = self.env["jxc.report.stock.summary.wizard"].create(
            {
                "date_from": self.day,
                "date_to": self.day + timedelta(days=15),
                "warehouse_ids": [(6, 0, self.wh1.ids)],
            }
        )
        summary.action_compute()
        closing = {r.product_id: (r.closing_qty, r.closing_value) for r in summary.line_ids}
        for row in past.line_ids:
            self.assertEqual(closing[row.product_id], (row.quantity, row.value))
        # Today: the valuation is the stock on hand.
        today = Wizard.create({"warehouse_ids": [(6, 0, self.wh1.ids)]})
        today.action_compute()
        for row in today.line_ids:
            self.assertAlmostEqual(row.quantity, self._quant(row.product_id).quantity)

    def test_xlsx_has_the_totals_of_the_view(self):
        wizard = self._analysis()
        action = wizard.action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/web/content/")[1].split("?")[0])
        )
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas))).active
        self.assertEqual(sheet.freeze_panes, "B4")
        header = [cell.value for cell in sheet[3]]
        last = [cell.value for cell in sheet[sheet.max_row]]
        self.assertEqual(last[0], "Total")
        for name in ("closing_qty", "outgoing_value", "cogs"):
            label = wizard.line_ids._fields[name].get_description(self.env)["string"]
            self.assertAlmostEqual(
                last[header.index(label)], sum(wizard.line_ids.mapped(name)), places=2
            )
        self.assertEqual(sheet.max_row - 4, len(wizard.line_ids), "one row per product")

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""进销存汇总 and the valuation read whole months from the period balances and the ledger
only for the months their ends cut: the figures are those of the ledger alone, for periods
that start and end mid-month, on a month's first instant, within one month, in UTC and in
China's time zone (whose midnight is 16:00 UTC the day before), forward and backward."""

import itertools
from datetime import date, datetime
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import new_test_user

from odoo.addons.jxc_stock.tests.common import JxcStockCommon


def ledger_only(self, where):
    """The ledger rows alone, as the reports read them before period balances."""
    return f"""(
        SELECT m.product_id, m.warehouse_id, m.categ_id, m.company_id, m.move_type, m.date,
               m.quantity, m.value, 1 AS move_count
          FROM jxc_stock_move m
         WHERE {where} AND m.date >= %(scan_from)s AND m.date < %(scan_to)s
    )"""


class TestPeriodReports(JxcStockCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Move = cls.env["jxc.stock.move"]

        def post(when, product, warehouse, qty, move_type, cost=None):
            Move._post(
                [
                    {
                        "product_id": product.id,
                        "warehouse_id": warehouse.id,
                        "quantity": qty,
                        "move_type": move_type,
                        "unit_cost": cost,
                        "reference": f"P {when}",
                        "date": datetime.fromisoformat(when),
                    }
                ]
            )

        post("2025-12-20 10:00", cls.product2, cls.wh1, 6, "in", 1.0)
        post("2026-01-10 09:00", cls.product, cls.wh1, 100, "in", 2.0)
        post("2026-01-31 17:00", cls.product, cls.wh1, -5, "out")  # Feb 1st in China
        post("2026-01-31 23:00", cls.product, cls.wh1, -20, "internal_out")
        post("2026-01-31 23:00", cls.product, cls.wh2, 20, "internal_in", 2.0)
        post("2026-02-01 00:00", cls.product, cls.wh1, 50, "in", 3.5)
        post("2026-02-10 12:00", cls.product2, cls.wh2, 8, "opening", 1.25)
        post("2026-02-14 08:00", cls.product, cls.wh2, -3, "out")
        post("2026-02-28 20:00", cls.product2, cls.wh2, -2, "count_loss")
        post("2026-03-01 00:00", cls.product, cls.wh1, -12, "out")
        post("2026-03-05 06:00", cls.product2, cls.wh1, 4, "count_gain", 1.25)
        post("2026-03-20 15:00", cls.product, cls.wh1, 7, "in", 4.0)
        post("2026-03-25 10:00", cls.product2, cls.wh2, 3, "in", 1.5)
        post("2026-04-02 01:00", cls.product, cls.wh2, -1, "out")
        # Dated after now (posted from code): read all the same, never twice.
        post("2027-02-10 10:00", cls.product2, cls.wh2, -1, "out")
        cls.warehouses = cls.wh1 | cls.wh2

    def _rows(self, model, vals, direction, read_ledger_only):
        Wizard = self.env[model].with_context(jxc_report_direction=direction)
        wizard = Wizard.create(dict(vals, warehouse_ids=[(6, 0, self.warehouses.ids)]))
        Rows = self.env[wizard._jxc_rows_model]
        numeric = Rows._jxc_numeric_fields()
        if read_ledger_only:
            with patch.object(type(Rows), "_ledger_sql", ledger_only):
                rows = wizard._rows()
        else:
            rows = wizard._rows()
        return {
            (r.product_id.id, r.warehouse_id.id): [round(r[n], 6) for n in numeric] for r in rows
        }

    def assertSameAsLedger(self, model, vals):
        Rows = type(self.env[self.env[model]._jxc_rows_model])
        # The summary reads the rows directly or summed by zone and move type first,
        # depending on how many months of balances it reads: both give the same figures.
        direct_months = (0, 99) if hasattr(Rows, "_jxc_direct_months") else (None,)
        # Years from their balances by year whenever they read fewer rows (2), always
        # (-100: every year of the history, whatever its months) or never (100).
        Wizard = type(self.env[model])
        for tz in ("UTC", "Asia/Shanghai"):
            self.env.user.tz = tz
            for direction in ("forward", "backward"):
                expected = self._rows(model, vals, direction, read_ledger_only=True)
                for months, year_cost in itertools.product(direct_months, (2, -100, 100)):
                    with patch.object(Wizard, "_jxc_year_cost", year_cost):
                        if months is None:
                            got = self._rows(model, vals, direction, read_ledger_only=False)
                        else:
                            with patch.object(Rows, "_jxc_direct_months", months):
                                got = self._rows(model, vals, direction, read_ledger_only=False)
                    key = (vals, tz, direction, months, year_cost)
                    self.assertTrue(got, key)
                    self.assertEqual(got, expected, key)

    def test_summary_equals_the_ledger_alone(self):
        for start, end in (
            (date(2026, 1, 15), date(2026, 3, 20)),  # mid-month to mid-month
            (date(2026, 1, 1), date(2026, 3, 31)),  # whole months
            (date(2026, 2, 1), date(2026, 2, 28)),  # one whole month
            (date(2026, 2, 11), date(2026, 2, 14)),  # within a month
            (date(2026, 1, 31), date(2026, 3, 1)),  # from and to a month's edge
            (date(2026, 2, 1), date(2026, 4, 30)),
            (date(2025, 12, 1), date(2026, 2, 28)),  # across a new year
            (date(2025, 12, 25), date(2026, 3, 10)),
            (date(2026, 3, 15), date(2027, 3, 31)),  # to after the row dated after now
            (date(2027, 2, 1), date(2027, 2, 28)),  # after now
        ):
            self.assertSameAsLedger(
                "jxc.report.stock.summary.wizard", {"date_from": start, "date_to": end}
            )
        # The whole month of February is read from its balances (a tampered one shows).
        self.env.cr.execute(
            """
            UPDATE jxc_stock_period_balance SET quantity = quantity + 1
             WHERE product_id = %s AND warehouse_id = %s AND date = '2026-02-01'
               AND move_type = 'in'
            """,
            [self.product.id, self.wh1.id],
        )
        self.env.user.tz = "UTC"
        vals = {"date_from": date(2026, 1, 15), "date_to": date(2026, 3, 20)}
        model = "jxc.report.stock.summary.wizard"
        self.assertNotEqual(
            self._rows(model, vals, "forward", read_ledger_only=False),
            self._rows(model, vals, "forward", read_ledger_only=True),
        )

    def test_summary_sums_by_move_type_first_over_many_months(self):
        """Rows are summed by zone and move type first only when many months of balances
        are read: from the ledger's first month or the period's, to now."""
        self.env.user.tz = "UTC"
        Wizard = self.env["jxc.report.stock.summary.wizard"]
        Summary = self.env["jxc.report.stock.summary"]
        vals = {"date_from": date(2026, 2, 1), "date_to": date(2026, 2, 28)}
        # Now, and the ledger's first row (that of this test, not demo data).
        first = patch.object(type(Wizard), "_ledger_first", lambda self: datetime(2025, 12, 20, 10))
        with patch("odoo.fields.Datetime.now", return_value=datetime(2026, 12, 7, 9)), first:
            forward = Summary._rows_params(
                Wizard.with_context(jxc_report_direction="forward").create(vals)
            )
            backward = Summary._rows_params(
                Wizard.with_context(jxc_report_direction="backward").create(vals)
            )
        # Forward: from the ledger's first month (December 2025) to February, month by month.
        self.assertEqual((forward["balance_months"], forward["presum"]), (3, False))
        self.assertEqual(forward["years"], [])
        # Backward: February to December; 2026's row stands for March to December (after
        # the period), January and February are taken back from it and February is read on
        # its own: 1 month + a year (2) + 2 taken back, rather than 11 months.
        self.assertEqual((backward["balance_months"], backward["presum"]), (5, False))
        self.assertEqual(
            (backward["years"], backward["year_dates"]),
            ([datetime(2026, 1, 1)], [datetime(2026, 3, 1)]),
        )
        self.assertEqual(backward["back_months"], [datetime(2026, 1, 1), datetime(2026, 2, 1)])
        with (
            patch("odoo.fields.Datetime.now", return_value=datetime(2026, 12, 7, 9)),
            patch.object(type(Wizard), "_jxc_year_cost", 12),
            first,
        ):
            backward = Summary._rows_params(
                Wizard.with_context(jxc_report_direction="backward").create(vals)
            )
        # Were a year's row as dear as twelve months', the months are read one by one.
        self.assertEqual((backward["balance_months"], backward["presum"]), (11, True))
        self.assertEqual(backward["years"], [])

    def test_summary_figures_of_a_period_cut_mid_month(self):
        self.env.user.tz = "UTC"
        wizard = self.env["jxc.report.stock.summary.wizard"].create(
            {
                "date_from": date(2026, 1, 15),
                "date_to": date(2026, 3, 20),
                "warehouse_ids": [(6, 0, self.warehouses.ids)],
            }
        )
        rows = {(r.product_id, r.warehouse_id): r for r in wizard._rows()}
        main = rows[(self.product, self.wh1)]
        self.assertEqual(
            (main.opening_qty, main.other_in_qty, main.other_out_qty, main.transfer_out_qty),
            (100, 57, 17, 20),
        )
        ledger = self.env["jxc.stock.move"].search(
            [
                ("product_id", "=", self.product.id),
                ("warehouse_id", "=", self.wh1.id),
                ("date", "<", datetime(2026, 3, 21)),
            ]
        )
        self.assertEqual(main.closing_qty, 120)
        self.assertAlmostEqual(main.closing_value, sum(ledger.mapped("value")), places=2)
        # Opening stock entered mid-period opens it.
        tissue = rows[(self.product2, self.wh2)]
        self.assertEqual(
            (tissue.opening_qty, tissue.adjustment_qty, tissue.closing_qty), (8, -2, 6)
        )

    def test_valuation_equals_the_ledger_alone(self):
        for day in (
            date(2025, 12, 31),
            date(2026, 1, 10),
            date(2026, 1, 31),
            date(2026, 2, 28),
            date(2026, 3, 1),
            date(2026, 3, 19),
            date(2026, 4, 30),
            date(2027, 2, 10),
        ):
            self.assertSameAsLedger("jxc.report.stock.valuation.wizard", {"date": day})

    def test_reports_roles_read_period_balances_only(self):
        self.env.flush_all()
        Balance = self.env["jxc.stock.period.balance"]
        rows = Balance.search([("product_id", "=", self.product.id)])
        # 9 months and 5 years (one year, 2026, of five warehouse × move type pairs).
        self.assertEqual((len(rows.filtered(lambda r: r.period == "month")), len(rows)), (9, 14))
        for group in ("group_jxc_reports_user", "group_jxc_reports_manager"):
            user = new_test_user(
                self.env, login=f"period_{group}", groups=f"base.group_user,jxc_reports.{group}"
            )
            self.assertEqual(
                Balance.with_user(user).search([("product_id", "=", self.product.id)]), rows
            )
            for call in (
                lambda u: Balance.with_user(u).create({}),
                lambda u: rows.with_user(u).write({"quantity": 0}),
                lambda u: rows.with_user(u).unlink(),
            ):
                with self.cr.savepoint(), self.assertRaises(UserError):
                    call(user)
        self.assertEqual(
            sorted(Balance.search([("product_id", "=", self.product.id)]).mapped("quantity")),
            sorted(rows.mapped("quantity")),
        )

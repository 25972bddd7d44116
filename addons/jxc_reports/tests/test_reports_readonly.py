# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
from datetime import datetime, time, timedelta
from unittest.mock import PropertyMock, patch

from psycopg2.errors import ReadOnlySqlTransaction

from odoo import fields
from odoo.exceptions import AccessError, MissingError
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from odoo.addons.jxc_stock.tests.common import JxcStockCommon

# Report wizards whose Show is a read: {wizard model: (values, the list's figure fields)}.
REPORTS = {
    "jxc.report.stock.summary.wizard": ("period", ["opening_qty", "closing_qty"]),
    "jxc.report.stock.valuation.wizard": ("date", ["quantity"]),
    "jxc.report.stock.analysis.wizard": ("period", ["closing_qty", "outgoing_qty"]),
}


class TestReportsReadOnly(JxcStockCommon):
    """Showing a stock report writes nothing: its rows are read from the ledger for the
    wizard in the context, so a read-only transaction (a read replica) serves the button, the
    list, the pivot and the export."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.tz = "UTC"
        cls.today = fields.Date.today()
        Move = cls.env["jxc.stock.move"]
        for product, days, qty, move_type, cost in (
            (cls.product, 10, 100, "in", 2.0),
            (cls.product, 5, -30, "out", None),
            (cls.product2, 3, 5, "in", 1.0),
        ):
            Move._post(
                [
                    {
                        "product_id": product.id,
                        "warehouse_id": cls.wh1.id,
                        "quantity": qty,
                        "move_type": move_type,
                        "unit_cost": cost,
                        "reference": f"RO{days}",
                        "date": datetime.combine(cls.today - timedelta(days=days), time(10)),
                    }
                ]
            )
        for attribute, group in (
            ("reports_user", "user"),
            ("reports_manager", "manager"),
            ("other_manager", "manager"),
        ):
            user = new_test_user(
                cls.env,
                login=f"jxc_ro_{attribute}",
                groups=f"base.group_user,jxc_reports.group_jxc_reports_{group}",
            )
            setattr(cls, attribute, user)

    @contextlib.contextmanager
    def _report_runs(self):
        """The statements that run a report's SQL (its ``GROUP BY``) in the block."""
        cr = self.env.cr
        execute = cr.execute
        runs = []

        def recorded(query, params=None, log_exceptions=True):
            if "GROUP BY" in str(query):
                runs.append(query)
            return execute(query, params, log_exceptions)

        cr.execute = recorded
        try:
            yield runs
        finally:
            del cr.execute

    def _wizard(self, model, user):
        kind, _figures = REPORTS[model]
        vals = (
            {"date_from": self.today - timedelta(days=7), "date_to": self.today}
            if kind == "period"
            else {"date": self.today}
        )
        vals["warehouse_ids"] = [(6, 0, self.wh1.ids)]
        return self.env[model].with_user(user).create(vals)

    def test_a_write_fails_in_the_read_only_block(self):
        """The guard of the other tests: a write in the block is refused."""
        with self._read_only():
            with (
                self.assertRaises(ReadOnlySqlTransaction),
                mute_logger("odoo.sql_db"),
                self.env.cr.savepoint(flush=False),
            ):
                self.env.cr.execute(
                    "UPDATE res_users SET write_date = write_date WHERE id = %s", [self.env.uid]
                )

    @contextlib.contextmanager
    def _on_replica(self):
        """The block's cursor says it is read-only, as Odoo's cursor on ``db_replica_host``."""
        with patch.object(type(self.env.cr), "readonly", new_callable=PropertyMock) as readonly:
            readonly.return_value = True
            yield

    def test_a_wizard_not_on_the_replica_yet_goes_to_the_primary(self):
        """On the replica, a wizard saved a moment before on the primary may be missing: its
        Show, its form's read and its rows' list raise PostgreSQL's read-only error, on which
        Odoo runs the call again on the primary — never a MissingError, never a report
        without rows. A wizard that is there is read as always."""
        spec = {"date": {}}
        aging = self.env["jxc.finance.aging"].create({"entry_type": "receivable"})
        for model in REPORTS:
            wizard = self._wizard(model, self.stock_manager)
            missing = wizard.browse(wizard.id + 100000)
            Rows = self.env[wizard._jxc_rows_model].with_user(self.stock_manager)
            with self.subTest(model=model), self._on_replica():
                for call in (
                    missing.action_compute,
                    lambda missing=missing: missing.web_read({"display_name": {}}),
                    lambda Rows=Rows, missing=missing: Rows.with_context(
                        jxc_report_wizard_id=missing.id
                    ).web_search_read([], {"product_id": {}}, limit=80),
                ):
                    with self.assertRaises(ReadOnlySqlTransaction):
                        call()
                action = wizard.action_compute()
                self.assertEqual(wizard.web_read({"display_name": {}})[0]["id"], wizard.id)
                page = Rows.with_context(**action["context"]).web_search_read(
                    action["domain"], {"product_id": {}}, limit=80
                )
                self.assertIn(self.product.id, [r["product_id"] for r in page["records"]])
            # Without a replica (a read/write cursor) a missing wizard has no rows, as before.
            page = Rows.with_context(jxc_report_wizard_id=missing.id).web_search_read(
                [], {"product_id": {}}, limit=80
            )
            self.assertEqual(page["records"], [])
        missing = aging.browse(aging.id + 100000)
        with self._on_replica():
            self.assertEqual(aging.web_read(spec)[0]["date"], aging.date)
            self.assertTrue(aging.action_compute())
            with self.assertRaises(ReadOnlySqlTransaction):
                missing.action_compute()
            with self.assertRaises(ReadOnlySqlTransaction):
                missing.web_read(spec)

    def test_show_list_pivot_and_export_write_nothing(self):
        expected = {"opening_qty": 100, "closing_qty": 70, "quantity": 70, "outgoing_qty": 30}
        for model, (_kind, figures) in REPORTS.items():
            with self.subTest(model=model):
                wizard = self._wizard(model, self.stock_manager)
                with self._read_only():
                    action = wizard.action_compute()
                    Rows = self.env[action["res_model"]].with_user(self.stock_manager)
                    Rows = Rows.with_context(**action["context"])
                    page = Rows.web_search_read(
                        action["domain"],
                        {"product_id": {}, **{name: {} for name in figures}},
                        limit=80,
                    )
                    rows = [r for r in page["records"] if r["product_id"] == self.product.id]
                    self.assertEqual(len(rows), 1)
                    for name in figures:
                        self.assertAlmostEqual(rows[0][name], expected[name], msg=name)
                    # The pivot's and the graph's read.
                    groups = Rows.read_group(
                        action["domain"], [f"{name}:sum" for name in figures], ["product_id"]
                    )
                    by_product = {g["product_id"][0]: g for g in groups}
                    self.assertAlmostEqual(
                        by_product[self.product.id][figures[-1]], expected[figures[-1]]
                    )
                    # A row opened from the list (its form) is the same row.
                    row = Rows.browse(rows[0]["id"])
                    self.assertEqual(row.product_id, self.product)
                    self.assertTrue(wizard._xlsx())
                    self.assertEqual(wizard.line_ids.product_id, self.product | self.product2)

    def test_cost_columns_stay_with_the_cost_group(self):
        wizard = self._wizard("jxc.report.stock.valuation.wizard", self.reports_user)
        with self._read_only():
            action = wizard.action_compute()
            Rows = self.env[action["res_model"]].with_user(self.reports_user)
            Rows = Rows.with_context(**action["context"])
            self.assertEqual(sorted(Rows.search(action["domain"]).mapped("quantity")), [5, 70])
            with self.assertRaises(AccessError):
                Rows.search_read(action["domain"], ["value"])
        manager = self._wizard("jxc.report.stock.valuation.wizard", self.stock_manager)
        with self._read_only():
            self.assertEqual(sorted(manager.line_ids.mapped("value")), [5, 140])

    def test_rows_only_for_the_wizard_of_their_user(self):
        wizard = self._wizard("jxc.report.stock.summary.wizard", self.stock_manager)
        Rows = self.env["jxc.report.stock.summary"]
        with self._read_only():
            self.assertEqual(Rows.with_user(self.stock_manager).search_count([]), 0)
            own = Rows.with_user(self.stock_manager).with_context(jxc_report_wizard_id=wizard.id)
            self.assertEqual(own.search_count([]), 2)
            other = Rows.with_user(self.reports_user).with_context(jxc_report_wizard_id=wizard.id)
            self.assertEqual(other.search_count([]), 0)
            self.assertFalse(other.read_group([], ["closing_qty:sum"], [])[0]["__count"])
            # A row's id, asked for directly, reads as missing (no values).
            row_id = own.search([], limit=1).id
            self.assertTrue(own.browse(row_id).read(["closing_qty"]))
            self.env.invalidate_all()
            self.assertFalse(other.browse(row_id).read(["closing_qty"]))
            self.assertFalse(Rows.with_user(self.reports_user).browse(row_id).read(["closing_qty"]))

    def test_a_list_page_and_its_count_read_once(self):
        """The page and the count come from one run of the report's SQL, and agree with a
        search and a count of their own."""
        wizard = self._wizard("jxc.report.stock.summary.wizard", self.stock_manager)
        with self._read_only():
            action = wizard.action_compute()
            Rows = self.env[action["res_model"]].with_user(self.stock_manager)
            Rows = Rows.with_context(**action["context"])
            domain = action["domain"]
            self.assertEqual(Rows.search_count(domain), 2)
            for offset in (0, 1):
                with self._report_runs() as runs:
                    page = Rows.web_search_read(
                        domain, {"closing_qty": {}}, offset=offset, limit=1, count_limit=10001
                    )
                self.assertEqual(len(runs), 1, [str(q)[:300] for q in runs])
                self.assertEqual(page["length"], 2)
                self.assertEqual(
                    [r["id"] for r in page["records"]],
                    Rows.search(domain, offset=offset, limit=1).ids,
                )
            self.assertEqual(Rows.web_search_read(domain, {}, limit=1, count_limit=1)["length"], 1)
            self.assertEqual(
                sorted(
                    r["closing_qty"]
                    for r in Rows.web_search_read(domain, {"closing_qty": {}}, limit=80)["records"]
                ),
                [5, 70],
            )

    def test_profit_statement_shows_and_opens_its_documents_read_only(self):
        Profit = self.env["jxc.report.profit"].with_user(self.reports_manager)
        statement = Profit.create({"date_from": self.today, "date_to": self.today})
        with self._read_only():
            action = statement.action_compute()
            self.assertEqual(action["res_id"], statement.id)
            codes = statement.line_ids.mapped("code")
            self.assertEqual(codes[:3], ["revenue", "cogs", "gross"])
            self.assertEqual(codes[-1], "net")
            net = statement.line_ids.filtered(lambda line: line.code == "net")
            self.assertAlmostEqual(net.amount, statement.net_profit)
            self.assertTrue(statement._xlsx())
            # The 单据 button of a line, called without the statement in the context (as
            # from the form's list), finds its statement from the line's id.
            line_id = statement.line_ids[0].id
            self.env.invalidate_all()
            line = self.env["jxc.report.profit.line"].with_user(self.reports_manager)
            documents = line.browse(line_id).action_open_documents()
            self.assertEqual(documents["res_model"], "jxc.report.sale")
            # Another manager's statement is not theirs to open (a request of their own).
            self.env.invalidate_all()
            other = self.env["jxc.report.profit.line"].with_user(self.other_manager)
            with self.assertRaises(MissingError):
                other.browse(line_id).action_open_documents()

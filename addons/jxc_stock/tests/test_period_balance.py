# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Period balances (月结余额): every posting adds its ledger rows to the month's sums in the
same transaction, concurrent postings keep them equal to the ledger, 账实核对 finds a tampered
one, and nobody writes them through the ORM."""

import logging
from datetime import date, datetime

import odoo
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests.common import freeze_time, new_test_user, tagged
from odoo.tools import config, mute_logger

from .common import JxcCommittedCase, JxcStockCommon, delete_stock_test_data
from .concurrency_worker import run_workers

_logger = logging.getLogger(__name__)

JAN, FEB = date(2026, 1, 1), date(2026, 2, 1)


def balances(cr, product_ids, period="month"):
    """{(month, product, warehouse, move type): (quantity, value, rows)} of the period
    balances of ``product_ids`` (by year: ``period`` = ``"year"``, keyed by January 1st)."""
    cr.execute(
        """
        SELECT date, product_id, warehouse_id, move_type, quantity, value, move_count
          FROM jxc_stock_period_balance WHERE product_id = ANY(%s) AND period = %s
        """,
        [list(product_ids), period],
    )
    return {(d, p, w, t): (float(q), float(v), n) for d, p, w, t, q, v, n in cr.fetchall()}


def ledger_by_period(cr, product_ids, period="month"):
    """The same, summed from the ledger."""
    cr.execute(
        """
        SELECT date_trunc(%s, date)::date, product_id, warehouse_id, move_type,
               SUM(quantity), SUM(value), COUNT(*)
          FROM jxc_stock_move WHERE product_id = ANY(%s) GROUP BY 1, 2, 3, 4
        """,
        [period, list(product_ids)],
    )
    return {(d, p, w, t): (float(q), float(v), n) for d, p, w, t, q, v, n in cr.fetchall()}


class TestPeriodBalance(JxcStockCommon):
    def _balances(self, period="month"):
        self.env.flush_all()
        return balances(self.env.cr, self.product.ids, period)

    def assertBalancesMatchLedger(self):
        """The balances by month and by year equal the ledger's sums; those by month."""
        for period in ("month", "year"):
            self.assertEqual(
                self._balances(period), ledger_by_period(self.env.cr, self.product.ids, period)
            )
        return self._balances()

    def test_postings_across_a_month_boundary(self):
        p, wh1, wh2 = self.product.id, self.wh1.id, self.wh2.id
        with freeze_time("2026-01-31 23:30:00"):
            self._receive(self.product, 10, 2.0)
            transfer = self._make_picking(
                "internal", [{"product_id": self.product.id, "quantity": 3}], dest=self.wh2
            )
            transfer.action_done()
        self.assertEqual(
            self.assertBalancesMatchLedger(),
            {
                (JAN, p, wh1, "in"): (10.0, 20.0, 1),
                (JAN, p, wh1, "internal_out"): (-3.0, -6.0, 1),
                (JAN, p, wh2, "internal_in"): (3.0, 6.0, 1),
            },
        )
        with freeze_time("2026-02-01 00:30:00"):
            issue = self._issue(self.product, 4)
            issue.with_user(self.stock_manager).action_reverse()
            count = self.env["jxc.stock.count"].create(
                {"warehouse_id": wh1, "product_ids": [Command.set(self.product.ids)]}
            )
            count.action_start()
            count.line_ids.counted_quantity = 9
            count.with_user(self.stock_manager).action_validate()
            self._receive(self.product, 5, 4.0)
        self.assertEqual(
            self.assertBalancesMatchLedger(),
            {
                (JAN, p, wh1, "in"): (10.0, 20.0, 1),
                (JAN, p, wh1, "internal_out"): (-3.0, -6.0, 1),
                (JAN, p, wh2, "internal_in"): (3.0, 6.0, 1),
                # The issue and its reversal (红冲): two rows that cancel out.
                (FEB, p, wh1, "out"): (0.0, 0.0, 2),
                (FEB, p, wh1, "count_gain"): (2.0, 4.0, 1),
                (FEB, p, wh1, "in"): (5.0, 20.0, 1),
            },
        )
        self.assertLedgerConsistent()

    def test_rebuild_gives_what_posting_summed(self):
        self._receive(self.product, 10, 2.0)
        self._issue(self.product, 4)
        self._receive(self.product, 1, 3.0, warehouse=self.wh2)
        posted = self._balances()
        self.env["jxc.stock.period.balance"]._rebuild(self.company)
        self.assertEqual(self._balances(), posted)
        self.assertEqual(len(posted), 3)

    def test_integrity_check_finds_a_tampered_balance(self):
        self._receive(self.product, 10, 2.0)
        self._issue(self.product, 4)
        self.assertLedgerConsistent()
        self.env.cr.execute(
            """
            UPDATE jxc_stock_period_balance SET quantity = quantity + 1, value = value + 2
             WHERE product_id = %s AND move_type = 'out' AND period = 'month'
            """,
            [self.product.id],
        )
        mismatches = self.env["jxc.stock.integrity"]._find_mismatches()
        self.assertEqual(
            [
                (m["check_type"], m["product_id"], m["warehouse_id"], m["expected"], m["actual"])
                for m in mismatches
            ],
            [("period_balance", self.product.id, self.wh1.id, -4.0, -3.0)],
        )
        self.assertEqual(
            (mismatches[0]["expected_value"], mismatches[0]["actual_value"]), (-8.0, -6.0)
        )
        # A missing balance is found too, by month and by year (named by its year); the
        # repair sums the ledger again.
        self.env.cr.execute(
            "DELETE FROM jxc_stock_period_balance WHERE product_id = %s AND move_type = 'in'",
            [self.product.id],
        )
        mismatches = self.env["jxc.stock.integrity"]._find_mismatches()
        posted = self.env["jxc.stock.move"].search([("product_id", "=", self.product.id)])
        month, year = posted[0].date.strftime("%Y-%m"), posted[0].date.strftime("%Y")
        self.assertEqual(
            sorted((m["expected"], m["reference"].split(",")[0]) for m in mismatches),
            [(-4.0, month), (10.0, year), (10.0, month)],
        )
        self.env["jxc.stock.period.balance"]._rebuild()
        self.assertLedgerConsistent()

    def test_nobody_writes_them_through_the_orm(self):
        self._receive(self.product, 10, 2.0)
        self.env.flush_all()
        before = self._balances()
        Balance = self.env["jxc.stock.period.balance"]
        row = Balance.search([("product_id", "=", self.product.id), ("period", "=", "month")])
        self.assertEqual(len(row), 1)
        vals = {
            "date": JAN,
            "company_id": self.company.id,
            "product_id": self.product.id,
            "warehouse_id": self.wh2.id,
            "move_type": "in",
            "quantity": 1,
        }
        for user in (self.stock_user, self.stock_manager):
            self.assertEqual(row.with_user(user).read(["quantity"])[0]["quantity"], 10.0)
            for call in (
                lambda u: Balance.with_user(u).create(vals),
                lambda u: row.with_user(u).write({"quantity": 11}),
                lambda u: row.with_user(u).unlink(),
            ):
                # Refused (AccessError is a UserError): by the access rights or before them.
                with self.cr.savepoint(), self.assertRaises(UserError):
                    call(user)
        # Not even the superuser: they change only by posting.
        for call in (
            lambda: Balance.create(vals),
            lambda: row.write({"quantity": 11}),
            row.unlink,
        ):
            with self.cr.savepoint(), self.assertRaises(UserError):
                call()
        self.assertEqual(self._balances(), before)

    def test_other_companies_balances_are_invisible(self):
        other = self.env["res.company"].create({"name": "Period Other Co"})
        warehouse = self.env["jxc.stock.warehouse"].create(
            {"name": "Other", "code": "POTH", "company_id": other.id}
        )
        self.env["jxc.stock.move"]._post(
            [
                {
                    "product_id": self.product.id,
                    "warehouse_id": warehouse.id,
                    "quantity": 7.0,
                    "unit_cost": 1.0,
                    "move_type": "in",
                }
            ]
        )
        self._receive(self.product, 10, 2.0)
        self.env.flush_all()
        Balance = self.env["jxc.stock.period.balance"]
        month = [("product_id", "=", self.product.id), ("period", "=", "month")]
        self.assertEqual(
            sorted(Balance.search(month).mapped("quantity")),
            [7.0, 10.0],
        )
        for user in (self.stock_user, self.stock_manager):
            rows = Balance.with_user(user).search(month)
            self.assertEqual(rows.mapped("company_id"), self.company)
            self.assertEqual(rows.mapped("quantity"), [10.0])
        # A user of both companies sees both.
        both = new_test_user(
            self.env,
            login="jxc_period_both",
            groups="base.group_user,jxc_stock.group_jxc_stock_manager",
            company_ids=[Command.set((self.company | other).ids)],
        )
        rows = Balance.with_user(both).with_context(allowed_company_ids=(self.company | other).ids)
        self.assertEqual(len(rows.search(month)), 2)


def post_batch(env, batch):
    """One worker's job: post a batch of ledger rows (run in a worker process)."""
    env["jxc.stock.move"]._post(
        [dict(vals, date=datetime.fromisoformat(vals["date"])) for vals in batch]
    )


WORKERS = 4
BATCHES_PER_WORKER = 8


@tagged("post_install", "-at_install")
class TestConcurrentPeriodBalances(JxcCommittedCase):
    """Two kinds of worker post receipts and issues of the same two products, in opposite
    product orders, dated in two months, from separate processes: the balances still equal
    the ledger grouped by month, and no posting deadlocks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls._committed_env() as env:
            cls.warehouse_id = (
                env["jxc.stock.warehouse"].create({"name": "Period Concurrency", "code": "PCON"}).id
            )
            cls.product_ids = (
                env["product.product"]
                .create([{"name": f"Period Concurrency {x}", "type": "consu"} for x in "AB"])
                .ids
            )

    @classmethod
    def tearDownClass(cls):
        with cls._committed_env() as env:
            delete_stock_test_data(env.cr, cls.warehouse_id, cls.product_ids)
            env["product.product"].browse(cls.product_ids).product_tmpl_id.unlink()
            env["jxc.stock.warehouse"].browse(cls.warehouse_id).unlink()
        super().tearDownClass()

    def _batches(self, worker):
        a, b = self.product_ids
        order = (a, b) if worker % 2 else (b, a)
        batches = []
        for n in range(BATCHES_PER_WORKER):
            day = "2026-01-31T23:59:00" if n % 2 else "2026-02-01T00:01:00"
            common = {"warehouse_id": self.warehouse_id, "date": day}
            batches.append(
                [
                    dict(common, product_id=p, quantity=5.0, unit_cost=2.0, move_type="in")
                    for p in order
                ]
                + [dict(common, product_id=p, quantity=-2.0, move_type="out") for p in order]
            )
        return batches

    def test_parallel_postings_keep_balances_equal_to_the_ledger(self):
        with mute_logger("odoo.sql_db"):
            results = run_workers(
                config.rcfile,
                self.db,
                f"{__name__}:post_batch",
                [self._batches(w) for w in range(WORKERS)],
            )
        _logger.info("concurrent posting workers: %s", results)
        self.assertEqual(sum(r["deadlocks"] for r in results), 0)
        self.assertEqual(sum(r["done"] for r in results), WORKERS * BATCHES_PER_WORKER)
        with self.registry.cursor() as cr:
            got = balances(cr, self.product_ids)
            self.assertEqual(got, ledger_by_period(cr, self.product_ids))
            self.assertEqual(
                balances(cr, self.product_ids, "year"),
                ledger_by_period(cr, self.product_ids, "year"),
            )
            # Each month holds half of every worker's batches; each posts 5 in, 2 out.
            batches = WORKERS * BATCHES_PER_WORKER // 2
            for product_id in self.product_ids:
                for month in (JAN, FEB):
                    key = (month, product_id, self.warehouse_id)
                    self.assertEqual(got[(*key, "in")], (batches * 5.0, batches * 10.0, batches))
                    self.assertEqual(got[(*key, "out")], (batches * -2.0, batches * -4.0, batches))
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            self.assertEqual(env["jxc.stock.integrity"]._find_mismatches(), [])

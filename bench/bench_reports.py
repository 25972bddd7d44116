# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""jxc_reports benchmark: the reports against hand-written SQL over the same rows, same run.

Usage: python bench/bench_reports.py ODOO_CONF DB
DB is filled by bench/gen_reports.py (10,000,000 ledger rows, 10,000 products, 20 warehouses,
~1,000,000 receivable / payable entries). For each report, the JXC way (the wizard or model
call a user's click makes) and a hand-written SQL GROUP BY giving the same figures are timed
alternately (both see the same machine load), warm, median of 3 runs, each rolled back to a
savepoint:

- 进销存汇总 for the last full month and for the 3, 12 and 24 months to it (all warehouses,
  categories); whole years and months come from the period balances
  (jxc.stock.period.balance), the hand SQL reads the raw ledger;
- the sales analysis (jxc.report.sale) by month over those 12 months;
- the valuation at three dates: five months back, a year back and 600 days back
  (jxc.report.stock.valuation.wizard, or the 进销存汇总 of that one day when that wizard is
  not installed: the output says which);
- the receivable aging (jxc.finance.aging) as of today, last month's end and a year before it.

It prints a table (JXC seconds, SQL seconds, ratio, PASS/FAIL per target), whether both ways
gave the same figures, sanity checks of the data (closing quantities == quants, sales analysis
rows == delivery and return ledger rows), then EXPLAIN (ANALYZE, BUFFERS) of the slowest
statement of every report that misses a target. Everything is rolled back at the end.
Targets (issue #16, target 2): each report under 1 s on 2 cores, and faster than the
hand-written SQL over the raw ledger.
"""

import contextlib
import os
import re
import statistics
import sys
import time
from datetime import timedelta

from gen_reports import generated_env

RUNS = 3
TARGET_SECONDS = 1.0
TARGET_RATIO = 1.0  # faster than the hand-written SQL


class Recorder:
    """Record the statements a call runs, with their durations (to EXPLAIN the slowest)."""

    def __init__(self, cr):
        self.cr = cr
        self.statements = []

    @contextlib.contextmanager
    def recording(self):
        cr = self.cr
        execute = cr.execute
        self.statements = []

        def recorded(query, params=None, log_exceptions=True):
            start = time.perf_counter()
            try:
                return execute(query, params, log_exceptions)
            finally:
                sql = cr.mogrify(query, params).decode()
                self.statements.append((time.perf_counter() - start, sql))

        cr.execute = recorded
        try:
            yield self
        finally:
            del cr.execute

    def slowest(self):
        return max(self.statements, default=(0.0, None), key=lambda s: s[0])


def run_once(env, func, extract=None):
    """Wall time of ``func()``, rolled back to a savepoint afterwards; and its figures:
    ``extract(result)`` (untimed), else the result."""
    cr = env.cr
    cr.execute("SAVEPOINT bench_report")
    env.flush_all()
    start = time.perf_counter()
    result = func()
    env.flush_all()
    seconds = time.perf_counter() - start
    figures = extract(result) if extract else result
    cr.execute("ROLLBACK TO SAVEPOINT bench_report")
    env.invalidate_all()
    return seconds, figures


def run_pair(env, jxc, hand):
    """Time the JXC way and the hand SQL alternately (so both see the same machine load):
    a warm-up run each, then RUNS runs each; return {way: (median, min, figures)}."""
    times = {"jxc": [], "hand": []}
    figures = {}
    for run in range(RUNS + 1):
        for way, (func, extract) in (("jxc", jxc), ("hand", (hand, None))):
            seconds, figures[way] = run_once(env, func, extract)
            if run:  # the first run warms caches up and is not counted
                times[way].append(seconds)
    return {way: (statistics.median(times[way]), min(times[way]), figures[way]) for way in times}


def explain(env, func):
    """EXPLAIN (ANALYZE, BUFFERS) of the slowest statement ``func`` runs (rolled back)."""
    cr = env.cr
    cr.execute("SAVEPOINT bench_explain")
    recorder = Recorder(cr)
    with recorder.recording():
        func()
        env.flush_all()
    seconds, sql = recorder.slowest()
    plan = []
    if sql:
        cr.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        plan = [row[0] for row in cr.fetchall()]
    cr.execute("ROLLBACK TO SAVEPOINT bench_explain")
    env.invalidate_all()
    return seconds, sql, plan


def close(a, b, tolerance=0.01):
    return abs((a or 0.0) - (b or 0.0)) <= tolerance


class Bench:
    def __init__(self, env):
        self.env = env
        self.cr = env.cr
        self.company = env.company
        self.results = []  # dicts, see compare()
        Wizard = env["jxc.report.stock.summary.wizard"]
        self.day_start = Wizard._day_start_utc  # local midnight as naive UTC, as the reports
        # Today where the reports count days (China's time unless the user has another):
        # the machine's date (UTC here) is a day behind from 16:00 UTC, when entries and
        # settlements of the new Chinese day are already dated tomorrow.
        from odoo.addons.jxc_stock.utils import today as jxc_today

        today = jxc_today(env)
        self.today = today
        self.month_to = today.replace(day=1) - timedelta(days=1)
        self.month_from = self.month_to.replace(day=1)
        self.quarter_from = self.months_back(3)
        self.year_from = self.months_back(12)
        self.two_years_from = self.months_back(24)
        self.valuation_date = (today.replace(day=1) - timedelta(days=150)).replace(day=1) - (
            timedelta(days=1)
        )

    def months_back(self, months):
        """The first day of the ``months`` months that end with the last full month."""
        first = self.month_from
        for _i in range(months - 1):
            first = (first - timedelta(days=1)).replace(day=1)
        return first

    def sql(self, query, params):
        self.cr.execute(query, params)
        return self.cr.fetchall()

    def compare(self, label, jxc, hand, same, note=""):
        """Time ``jxc`` ((func, extract)) against ``hand``; ``same(jxc figures, hand
        figures)`` says whether both gave the same figures."""
        timings = run_pair(self.env, jxc, hand)
        jxc_median, jxc_min, jxc_figures = timings["jxc"]
        hand_median, hand_min, hand_figures = timings["hand"]
        self.results.append(
            {
                "label": label,
                "jxc": jxc_median,
                "hand": hand_median,
                "jxc_min": jxc_min,
                "hand_min": hand_min,
                "same": same(jxc_figures, hand_figures),
                "note": note,
                "func": jxc[0],
            }
        )

    # ------------------------------------------------------------------
    # 进销存汇总
    # ------------------------------------------------------------------
    def show(self, model, vals):
        """What a user's Show makes the server do: the wizard's button, then the first page
        of the list it opens (and its count, as the web client asks when the page is full).
        Return the wizard."""
        wizard = self.env[model].create(vals)
        action = wizard.action_compute()
        Rows = self.env[action["res_model"]].with_context(**action["context"])
        arch = Rows.get_views([(False, "list")])["views"]["list"]["arch"]
        spec = {
            name: {} for name in re.findall(r'<field name="([^"]+)"', arch) if name in Rows._fields
        }
        Rows.web_search_read(action["domain"], spec, limit=80, count_limit=10001)
        return wizard

    def rows_sums(self, wizard, fields_):
        """(count, sums of ``fields_``) of the rows of ``wizard``, read as the pivot does."""
        Rows = self.env[wizard._jxc_rows_model].with_context(jxc_report_wizard_id=wizard.id)
        group = Rows.read_group([("wizard_id", "=", wizard.id)], [f"{f}:sum" for f in fields_], [])[
            0
        ]
        return (group["__count"], *(group[f] for f in fields_))

    def summary_wizard(self, date_from, date_to):
        """The 进销存汇总 as a user shows it; and its figures (untimed)."""

        def func():
            return self.show(
                "jxc.report.stock.summary.wizard", {"date_from": date_from, "date_to": date_to}
            )

        def extract(wizard):
            return self.rows_sums(
                wizard,
                [
                    "opening_qty",
                    "sale_out_qty",
                    "purchase_in_value",
                    "closing_qty",
                    "closing_value",
                ],
            )

        return func, extract

    def summary_sql(self, date_from, date_to):
        params = {
            "date_from": self.day_start(date_from),
            "date_to": self.day_start(date_to + timedelta(days=1)),
            "company": self.company.id,
        }
        groups = self.env["jxc.report.stock.summary"]._get_columns()
        sums = []
        for column, move_types in groups.items():
            types = ", ".join(f"'{t}'" for t in move_types)
            sign = (
                "-"
                if column in ("purchase_return", "sale_out", "transfer_out", "other_out")
                else ""
            )
            where = f"date >= %(date_from)s AND move_type IN ({types})"
            sums += [
                f"{sign}SUM(quantity) FILTER (WHERE {where}) AS {column}_qty",
                f"{sign}SUM(value) FILTER (WHERE {where}) AS {column}_value",
            ]
        query = f"""
            SELECT product_id, warehouse_id,
                   SUM(quantity) FILTER (WHERE date < %(date_from)s) AS opening_qty,
                   SUM(value) FILTER (WHERE date < %(date_from)s) AS opening_value,
                   {", ".join(sums)},
                   SUM(quantity) AS closing_qty, SUM(value) AS closing_value
              FROM jxc_stock_move
             WHERE date < %(date_to)s AND company_id = %(company)s
             GROUP BY product_id, warehouse_id
            -- The report's rows: stock at the start (hence at the end) or movements.
            HAVING COUNT(*) FILTER (WHERE date >= %(date_from)s) > 0
                OR SUM(quantity) FILTER (WHERE date < %(date_from)s) <> 0
                OR SUM(value) FILTER (WHERE date < %(date_from)s) <> 0
        """

        def func():
            rows = self.sql(query, params)
            names = [d.name for d in self.cr.description]
            col = {n: i for i, n in enumerate(names)}
            return (
                len(rows),
                sum(r[col["opening_qty"]] or 0 for r in rows),
                sum(r[col["sale_out_qty"]] or 0 for r in rows),
                sum(r[col["purchase_in_value"]] or 0 for r in rows),
                sum(r[col["closing_qty"]] or 0 for r in rows),
                sum(r[col["closing_value"]] or 0 for r in rows),
            )

        return func

    def bench_summary(self, label, date_from, date_to, note=""):
        self.compare(
            label,
            self.summary_wizard(date_from, date_to),
            self.summary_sql(date_from, date_to),
            lambda a, b: all(
                close(float(x or 0), float(y or 0)) for x, y in zip(a, b, strict=True)
            ),
            note,
        )

    # ------------------------------------------------------------------
    # Sales analysis
    # ------------------------------------------------------------------
    def bench_sales(self):
        tz = self.env.user.tz or "Asia/Shanghai"
        start = self.day_start(self.year_from)
        end = self.day_start(self.month_to + timedelta(days=1))
        Report = self.env["jxc.report.sale"].with_context(tz=tz)

        def jxc_func():
            groups = Report.read_group(
                [("date", ">=", start), ("date", "<", end)],
                ["revenue:sum", "cogs:sum", "gross_profit:sum"],
                ["date:month"],
            )
            return [(g["revenue"], g["cogs"], g["gross_profit"]) for g in groups]

        query = """
            SELECT date_trunc('month', timezone(%(tz)s, timezone('UTC', m.date))) AS month,
                   SUM(r.revenue), SUM(-m.value), SUM(r.revenue + m.value)
              FROM jxc_stock_move m
              JOIN jxc_stock_picking_line pl ON pl.id = m.picking_line_id
              JOIN jxc_sale_order_line sol ON sol.id = pl.sale_line_id
              JOIN jxc_sale_order so ON so.id = sol.order_id
              JOIN product_product pp ON pp.id = m.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
              JOIN uom_uom lu ON lu.id = sol.uom_id
              JOIN uom_uom bu ON bu.id = pt.uom_id
             CROSS JOIN LATERAL (
                   SELECT ROUND((-m.quantity * sol.price_subtotal
                                 / NULLIF(sol.quantity / lu.factor * bu.factor, 0)
                                 * COALESCE(so.amount_total_company
                                            / NULLIF(so.amount_total, 0), 1))::numeric, 2)
                          AS revenue) r
             WHERE m.move_type IN ('sale_out', 'sale_return')
               AND m.date >= %(start)s AND m.date < %(end)s
             GROUP BY 1 ORDER BY 1
        """

        def hand_func():
            rows = self.sql(query, {"tz": tz, "start": start, "end": end})
            return [(float(a), float(b), float(c)) for _m, a, b, c in rows]

        self.compare(
            "销售分析 by month, 12 months",
            (jxc_func, None),
            hand_func,
            lambda a, b: (
                len(a) == len(b)
                and all(
                    close(x, y)
                    for r, t in zip(a, b, strict=True)
                    for x, y in zip(r, t, strict=True)
                )
            ),
        )

    # ------------------------------------------------------------------
    # Valuation at a date
    # ------------------------------------------------------------------
    def bench_valuation(self, day=None):
        day = day or self.valuation_date
        label = f"库存估值 at {day}"
        if "jxc.report.stock.valuation.wizard" in self.env:

            def jxc_func():
                return self.show("jxc.report.stock.valuation.wizard", {"date": day})

            def extract(wizard):
                return self.rows_sums(wizard, ["quantity", "value"])

            note = "jxc.report.stock.valuation.wizard"
        else:
            jxc_func, summary = self.summary_wizard(day, day)

            def extract(wizard):
                count, _o, _s, _p, qty, value = summary(wizard)
                return (count, qty, value)

            note = "valuation wizard not installed: timed the 进销存汇总 of that day instead"
        params = {"date": self.day_start(day + timedelta(days=1)), "company": self.company.id}

        def hand_func():
            rows = self.sql(
                """
                SELECT product_id, warehouse_id, SUM(quantity), SUM(value)
                  FROM jxc_stock_move WHERE date < %(date)s AND company_id = %(company)s
                 GROUP BY 1, 2
                """,
                params,
            )
            return (len(rows), sum(r[2] for r in rows), sum(r[3] for r in rows))

        # A valuation report may leave out empty rows: compare the totals only.
        self.compare(
            label,
            (jxc_func, extract),
            hand_func,
            lambda a, b: all(
                close(float(x or 0), float(y or 0)) for x, y in zip(a[1:], b[1:], strict=True)
            ),
            note,
        )

    # ------------------------------------------------------------------
    # Aging
    # ------------------------------------------------------------------
    def bench_aging(self, day=None):
        """The receivable aging as of ``day`` (today by default). As of today the hand SQL
        reads the stored residuals; as of an earlier day, each entry's amount less its
        settlements up to that day (plus the credits it gave up to then), summed over the
        whole sub-ledger up to the day — figures JXC gets another way (today's residuals plus
        the settlements since)."""
        from odoo.addons.jxc_finance.wizards.jxc_finance_aging import BUCKETS

        day = day or self.today
        Aging = self.env["jxc.finance.aging"]

        def jxc_func():
            # The buckets in the order of the hand SQL's columns, then the total.
            result = Aging._compute_buckets(day, "receivable", self.company)
            return {p: [b[key] for key in (*BUCKETS, "total")] for p, b in result.items()}

        buckets = """
                   SUM(residual) FILTER (WHERE date_due >= %(date)s),
                   SUM(residual) FILTER (WHERE %(date)s - date_due BETWEEN 1 AND 30),
                   SUM(residual) FILTER (WHERE %(date)s - date_due BETWEEN 31 AND 60),
                   SUM(residual) FILTER (WHERE %(date)s - date_due BETWEEN 61 AND 90),
                   SUM(residual) FILTER (WHERE %(date)s - date_due > 90),
                   SUM(residual)
        """
        if day >= self.today:
            query = f"""
                SELECT commercial_partner_id, {buckets}
                  FROM (SELECT commercial_partner_id, date_due, amount_residual AS residual
                          FROM jxc_finance_entry
                         WHERE entry_type = 'receivable' AND company_id = %(company)s
                           AND date <= %(date)s AND amount_residual <> 0) e
                 GROUP BY commercial_partner_id
            """
            note = "hand SQL reads the stored residuals"
        else:
            query = f"""
                SELECT commercial_partner_id, {buckets}
                  FROM (SELECT e.commercial_partner_id, e.date_due,
                               e.amount - COALESCE(s.amount, 0) + COALESCE(u.amount, 0)
                                   AS residual
                          FROM jxc_finance_entry e
                          LEFT JOIN (SELECT entry_id, SUM(amount) AS amount
                                       FROM jxc_finance_payment_line
                                      WHERE state = 'posted' AND date <= %(date)s
                                      GROUP BY entry_id) s ON s.entry_id = e.id
                          LEFT JOIN (SELECT credit_entry_id, SUM(amount) AS amount
                                       FROM jxc_finance_payment_line
                                      WHERE state = 'posted' AND date <= %(date)s
                                        AND credit_entry_id IS NOT NULL
                                      GROUP BY credit_entry_id) u
                                 ON u.credit_entry_id = e.id
                         WHERE e.entry_type = 'receivable' AND e.company_id = %(company)s
                           AND e.date <= %(date)s) e
                 WHERE residual <> 0
                 GROUP BY commercial_partner_id
            """
            note = "hand SQL: amounts less settlements up to the day"

        def hand_func():
            rows = self.sql(query, {"date": day, "company": self.company.id})
            return {row[0]: [float(x or 0) for x in row[1:]] for row in rows}

        # Every partner's buckets and total, to the cent.
        self.compare(
            f"应收账龄 as of {day}",
            (jxc_func, None),
            hand_func,
            lambda a, b: (
                a.keys() == b.keys()
                and all(close(x, y) for p in a for x, y in zip(a[p], b[p], strict=True))
            ),
            note,
        )

    # ------------------------------------------------------------------
    # Sanity of the data, through the reports
    # ------------------------------------------------------------------
    def sanity(self):
        """[(label, got, expected)]: the reports agree with the quants and the ledger."""
        checks = []
        wizard = self.env["jxc.report.stock.summary.wizard"].create(
            {"date_from": self.today.replace(day=1), "date_to": self.today}
        )
        wizard.action_compute()
        Rows = self.env["jxc.report.stock.summary"].with_context(jxc_report_wizard_id=wizard.id)
        summary = {
            (product.id, warehouse.id): (qty, value)
            for product, warehouse, qty, value in Rows._read_group(
                [("wizard_id", "=", wizard.id)],
                ["product_id", "warehouse_id"],
                ["closing_qty:sum", "closing_value:sum"],
            )
        }
        quants = {
            (product_id, warehouse_id): (float(qty), float(value))
            for product_id, warehouse_id, qty, value in self.sql(
                """
                SELECT product_id, warehouse_id, sum(quantity), sum(value)
                  FROM jxc_stock_quant WHERE company_id = %(company)s GROUP BY 1, 2
                """,
                {"company": self.company.id},
            )
        }
        differing = sum(
            1
            for key in summary.keys() | quants.keys()
            if not all(
                close(a, b, 0.005)
                for a, b in zip(summary.get(key, (0, 0)), quants.get(key, (0, 0)), strict=True)
            )
        )
        checks.append(
            ("进销存汇总 closing quantity and value == quants (pairs differing)", differing, 0)
        )
        ledger = self.sql(
            "SELECT count(*) FROM jxc_stock_move WHERE move_type IN ('sale_out', 'sale_return')",
            {},
        )[0][0]
        checks.append(
            (
                "jxc.report.sale rows == sale_out + sale_return rows",
                self.env["jxc.report.sale"].search_count([]),
                ledger,
            )
        )
        return checks

    def report(self):
        """Print the table; return the results that miss a target."""
        print()
        print(
            f"{'report':<34} {'JXC s':>7} {'SQL s':>7} {'ratio':>6}  {'< 1 s':<5} {'< SQL':<5} "
            f"{'same':<5}{'min JXC / SQL s':>17}"
        )
        failed = []
        for r in self.results:
            r["ratio"] = r["jxc"] / r["hand"] if r["hand"] else float("inf")
            r["fast"] = r["jxc"] < TARGET_SECONDS
            r["near"] = r["ratio"] < TARGET_RATIO
            print(
                f"{r['label']:<34} {r['jxc']:7.3f} {r['hand']:7.3f} {r['ratio']:6.2f}  "
                f"{'PASS' if r['fast'] else 'FAIL':<5} {'PASS' if r['near'] else 'FAIL':<5} "
                f"{'yes' if r['same'] else 'NO':<5}{r['jxc_min']:8.3f} / {r['hand_min']:.3f}"
                + (f"  ({r['note']})" if r["note"] else "")
            )
            if not (r["fast"] and r["near"]):
                failed.append(r)
        return failed


def main(conf, db):
    with generated_env(conf, db) as env:
        cr = env.cr
        cr.execute(
            "SELECT (SELECT count(*) FROM jxc_stock_move), (SELECT count(*) FROM "
            "jxc_finance_entry), (SELECT count(*) FROM product_product), "
            "(SELECT count(*) FROM jxc_stock_warehouse), current_setting('jit')"
        )
        moves, entries, products, warehouses, jit = cr.fetchone()
        print(
            f"{db}: {moves:,} ledger rows, {entries:,} receivable / payable entries, "
            f"{products:,} products, {warehouses} warehouses (PostgreSQL jit={jit}); "
            f"median of {RUNS} warm runs; load average before: "
            + " ".join(f"{x:.2f}" for x in os.getloadavg())
        )
        bench = Bench(env)
        bench.bench_summary(
            f"进销存汇总 month {bench.month_from:%Y-%m}", bench.month_from, bench.month_to
        )
        for label, first in (
            ("quarter", bench.quarter_from),
            ("year", bench.year_from),
            ("2 years", bench.two_years_from),
        ):
            bench.bench_summary(
                f"进销存汇总 {label} {first:%Y-%m}..{bench.month_to:%Y-%m}", first, bench.month_to
            )
        bench.bench_sales()
        bench.bench_valuation()
        # At any date: also early in the history (read forward from its start) and a year
        # before last month's end.
        bench.bench_valuation(bench.month_to - timedelta(days=600))
        bench.bench_valuation(bench.month_to - timedelta(days=365))
        bench.bench_aging()
        # As of last month's end and a year before it: the settlements since are read too.
        bench.bench_aging(bench.month_to)
        bench.bench_aging(bench.month_to - timedelta(days=365))
        failed = bench.report()
        print()
        sane = True
        for label, got, expected in bench.sanity():
            ok = got == expected
            sane &= ok
            print(f"sanity: {label}: {got:,} vs {expected:,} {'OK' if ok else 'WRONG'}")
        for r in failed:
            seconds, sql, plan = explain(env, r["func"])
            print()
            print(
                f"EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of {r['label']} "
                f"({seconds:.3f} s):"
            )
            print("  " + " ".join((sql or "").split())[:600])
            for line in plan:
                print("  " + line)
        results = bench.results
        total = len(results)
        fast = sum(r["fast"] for r in results)
        near = sum(r["near"] for r in results)
        same = sum(r["same"] for r in results)
        verdict = "PASS" if fast == near == same == total and sane else "FAIL"
        print()
        print(
            f"reports benchmark: {fast}/{total} under {TARGET_SECONDS:g} s, {near}/{total} faster "
            f"than hand SQL, {same}/{total} same figures, sanity "
            f"{'OK' if sane else 'WRONG'}: {verdict}"
        )


if __name__ == "__main__":
    main(*sys.argv[1:3])

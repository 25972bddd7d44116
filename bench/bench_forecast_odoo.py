# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Forecasting through Odoo (#18): what the weekly job does, on the reports benchmark's
database (bench/gen_reports.py: 10,000,000 ledger rows over two years, ~25,000 product ×
warehouse series with sales).

``jxc.stock.forecast._compute_forecasts`` for the company: the weekly history from the ledger
(one GROUP BY), the backtest and forecasts (statsforecast), and writing the forecasts with
their chart points. Prints the series, the time of each phase and in all, and the time per
10,000 series against the 5-minute target. Everything is rolled back.

Usage: python bench/bench_forecast_odoo.py ODOO_CONF DB
"""

import os
import sys
import time
from collections import Counter

from gen_reports import generated_env

TARGET_SECONDS_PER_10K = 300


def timed(cls, name, marks):
    """Wrap ``cls.name`` so that its time adds up in ``marks[name]``."""
    original = getattr(cls, name)

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            marks[name] = marks.get(name, 0.0) + time.perf_counter() - start

    setattr(cls, name, wrapper)


def main(conf, db):
    with generated_env(conf, db) as env:
        from odoo.addons.jxc_stock import forecasting

        cr = env.cr
        Forecast = env["jxc.stock.forecast"]
        marks = {}
        timed(type(Forecast), "_get_weekly_history", marks)
        timed(forecasting, "forecast_series", marks)
        timed(type(env["jxc.stock.forecast.line"]), "_create_points", marks)
        cr.execute("SELECT count(*) FROM jxc_stock_move")
        print(
            f"{db}: {cr.fetchone()[0]:,} ledger rows; load average before: "
            + " ".join(f"{x:.2f}" for x in os.getloadavg())
        )
        start = time.perf_counter()
        forecasts = Forecast._compute_forecasts(env.company)
        env.flush_all()
        seconds = time.perf_counter() - start
        points = env["jxc.stock.forecast.line"].search_count([])
        per_10k = seconds * 10_000 / max(len(forecasts), 1)
        print(f"{len(forecasts):,} series, {points:,} chart points: {seconds:.1f} s in all")
        print(
            f"  history query {marks.get('_get_weekly_history', 0):.1f} s, backtest + "
            f"forecasts {marks.get('forecast_series', 0):.1f} s, chart points "
            f"{marks.get('_create_points', 0):.1f} s"
        )
        methods = Counter(forecasts.mapped("method"))
        print("  methods: " + ", ".join(f"{m} {n:,}" for m, n in sorted(methods.items())))
        verdict = "PASS" if per_10k < TARGET_SECONDS_PER_10K else "FAIL"
        print(f"per 10,000 series: {per_10k:.0f} s (target < {TARGET_SECONDS_PER_10K} s) {verdict}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Forecasting benchmark (#18): 10,000 product × warehouse series of two years of weekly
demand fed to the forecasting core (addons/jxc_stock/forecasting.py) directly, in the shape
jxc.stock.forecast gives it after its one GROUP BY over the ledger. Prints the time and the
overall WAPE on the 12 weeks after the history, against the naive method (last week repeated).

Usage: python bench/bench_forecast.py [series] [n_jobs]
"""

import importlib.util
import math
import pathlib
import random
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location(
    "forecasting", ROOT / "addons" / "jxc_stock" / "forecasting.py"
)
forecasting = importlib.util.module_from_spec(spec)
spec.loader.exec_module(forecasting)

HISTORY = 104
FUTURE = forecasting.HORIZON


def make_series(count, seed=2026):
    """A mix as in a shop: 60 % smooth (level, trend, yearly season, Poisson-like noise),
    30 % intermittent, 10 % new-ish (one year of history)."""
    rng = random.Random(seed)
    series = {}
    for index in range(count):
        kind = rng.random()
        length = HISTORY + FUTURE if kind < 0.9 else 52 + FUTURE
        level = rng.uniform(2, 80)
        trend = rng.uniform(-0.002, 0.006) * level
        season = rng.uniform(0, 0.4) * level
        phase = rng.uniform(0, 2 * math.pi)
        values = []
        for t in range(length):
            mean = max(level + trend * t + season * math.sin(2 * math.pi * t / 52 + phase), 0)
            if 0.6 <= kind < 0.9:  # intermittent: a sale in about one week of four
                value = round(rng.expovariate(1 / mean) * 2) if rng.random() < 0.25 else 0
            else:
                value = max(round(rng.gauss(mean, math.sqrt(mean + 1))), 0)
            values.append(float(value))
        series[index] = values
    return series


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    n_jobs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    full = make_series(count)
    history = {k: v[:-FUTURE] for k, v in full.items()}
    start = time.perf_counter()
    results = forecasting.forecast_series(history, n_jobs=n_jobs)
    elapsed = time.perf_counter() - start
    error = naive_error = actual_total = 0.0
    methods = {}
    for key, values in full.items():
        actual = values[-FUTURE:]
        result = results[key]
        methods[result["method"]] = methods.get(result["method"], 0) + 1
        naive = history[key][-1]
        error += sum(abs(f - a) for f, a in zip(result["forecast"], actual, strict=True))
        naive_error += sum(abs(naive - a) for a in actual)
        actual_total += sum(actual)
    print(f"forecast {count} series × {HISTORY} weeks (n_jobs={n_jobs}): {elapsed:.1f} s")
    print(
        f"overall WAPE, next {FUTURE} weeks: chosen {100 * error / actual_total:.1f} %, "
        f"naive {100 * naive_error / actual_total:.1f} %"
    )
    print("methods chosen:", ", ".join(f"{m} {n}" for m, n in sorted(methods.items())))


if __name__ == "__main__":
    main()

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Weekly demand forecasting with statsforecast (Nixtla), free of the ORM.

``forecast_series`` takes many weekly series at once and, per series, picks the method with
the lowest WAPE in a rolling backtest (``StatsForecast.cross_validation``), then forecasts with
it. Intermittent series (many weeks without demand) choose between Croston (optimized) and
TSB; the others between seasonal exponential smoothing (52 weeks), simple exponential
smoothing, random walk with drift, seasonal naive and naive. The prediction interval comes
from the backtest errors of the chosen method (conformal, as statsforecast's
``ConformalIntervals``, without a second backtest).

The library is imported inside the function: Odoo loads this module at start, and importing
pandas + statsforecast takes seconds.
"""

import math
from statistics import NormalDist, quantiles

HORIZON = 12  # weeks forecast
BACKTEST_H = 4  # weeks per backtest window
BACKTEST_WINDOWS = 3
MIN_WEEKS = BACKTEST_H * BACKTEST_WINDOWS + 4  # less history: no backtest, a fallback
SEASON = 52
SEASONAL_MIN_WEEKS = SEASON + BACKTEST_H * BACKTEST_WINDOWS + 2
INTERMITTENT_ZERO_SHARE = 0.3  # more zero weeks than this: Croston / TSB
INTERVAL_LEVEL = 80  # % of the prediction interval
OUTLIER_IQR = 3  # weeks above Q3 + 3 × IQR of the weeks with demand are capped there

SMOOTH_METHODS = ("seasonal_es", "ses", "drift", "seasonal_naive", "naive")
INTERMITTENT_METHODS = ("croston", "tsb")


def _models(seasonal):
    from statsforecast.models import (
        TSB,
        CrostonOptimized,
        Naive,
        RandomWalkWithDrift,
        SeasonalExponentialSmoothingOptimized,
        SeasonalNaive,
        SimpleExponentialSmoothingOptimized,
    )

    models = [
        SimpleExponentialSmoothingOptimized(alias="ses"),
        RandomWalkWithDrift(alias="drift"),
        Naive(alias="naive"),
        CrostonOptimized(alias="croston"),
        TSB(alpha_d=0.1, alpha_p=0.1, alias="tsb"),
    ]
    if seasonal:
        models += [
            SeasonalExponentialSmoothingOptimized(season_length=SEASON, alias="seasonal_es"),
            SeasonalNaive(season_length=SEASON, alias="seasonal_naive"),
        ]
    return models


def is_intermittent(values):
    return sum(1 for v in values if v <= 0) > INTERMITTENT_ZERO_SHARE * len(values)


def cap_outliers(values):
    """(values, weeks capped, cap): the weeks above the upper quartile + 3 × the
    interquartile range (at least half the upper quartile) of the weeks with demand are
    capped there, so that one huge week (a typing error, a one-off deal) does not make the
    forecast and its error σ; with fewer than 4 weeks of demand, unchanged (cap None)."""
    positive = [v for v in values if v > 0]
    if len(positive) < 4:
        return values, 0, None
    q1, _median, q3 = quantiles(positive, n=4)
    cap = q3 + OUTLIER_IQR * max(q3 - q1, q3 / 2)
    capped = sum(1 for v in values if v > cap)
    return ([min(v, cap) for v in values] if capped else values), capped, cap


def forecast_series(series, horizon=HORIZON, n_jobs=1):
    """``series``: {key: [weekly demand, oldest first, last complete week last]} with at least
    ``MIN_WEEKS`` values each. Returns {key: dict(method, wape, bias, sigma, forecast,
    lower, upper, capped)}; ``sigma`` is the standard deviation of one week's backtest error;
    ``wape`` and ``bias`` are fractions (0.12 = 12 %), None when the backtest saw no demand;
    ``capped`` is (weeks, cap) when outlier weeks were capped (see ``cap_outliers``), else
    None.
    """
    capped = {}
    cleaned = {}
    for key, values in series.items():
        cleaned[key], weeks, cap = cap_outliers(values)
        capped[key] = (weeks, cap) if weeks else None
    series = cleaned
    result = {}
    long_keys = [k for k, v in series.items() if len(v) >= SEASONAL_MIN_WEEKS]
    short_keys = [k for k, v in series.items() if MIN_WEEKS <= len(v) < SEASONAL_MIN_WEEKS]
    for keys, seasonal in ((long_keys, True), (short_keys, False)):
        if keys:
            result.update(_forecast_group(series, keys, seasonal, horizon, n_jobs))
    for key, values in result.items():
        values["capped"] = capped[key]
    return result


def _frame(series, keys):
    import numpy as np
    import pandas as pd

    ids, weeks, values = [], [], []
    for index, key in enumerate(keys):
        ys = series[key]
        ids.append(np.full(len(ys), index))
        weeks.append(np.arange(len(ys)))
        values.append(np.asarray(ys, dtype=float))
    return pd.DataFrame(
        {"unique_id": np.concatenate(ids), "ds": np.concatenate(weeks), "y": np.concatenate(values)}
    )


def _forecast_group(series, keys, seasonal, horizon, n_jobs):
    import numpy as np
    from statsforecast import StatsForecast
    from statsforecast.models import Naive

    frame = _frame(series, keys)
    models = _models(seasonal)
    names = [m.alias for m in models]
    sf = StatsForecast(models=models, freq=1, n_jobs=n_jobs, fallback_model=Naive())
    cv = sf.cross_validation(
        df=frame, h=BACKTEST_H, n_windows=BACKTEST_WINDOWS, step_size=BACKTEST_H
    )
    cv = cv.sort_values(["unique_id", "cutoff", "ds"])
    actual = cv["y"].to_numpy().reshape(len(keys), -1)
    errors = {
        name: cv[name].to_numpy().reshape(len(keys), -1).clip(min=0) - actual for name in names
    }
    chosen = []
    for index, key in enumerate(keys):
        allowed = INTERMITTENT_METHODS if is_intermittent(series[key]) else SMOOTH_METHODS
        allowed = [name for name in allowed if name in errors]
        chosen.append(min(allowed, key=lambda n, i=index: np.abs(errors[n][i]).sum()))
    fc = sf.forecast(df=frame, h=horizon).sort_values(["unique_id", "ds"])
    z = NormalDist().inv_cdf(0.5 + INTERVAL_LEVEL / 200)
    result = {}
    for index, key in enumerate(keys):
        name = chosen[index]
        error = errors[name][index]
        demand = actual[index].sum()
        sigma = float(np.sqrt(np.mean(error**2)))
        forecast = fc[name].to_numpy().reshape(len(keys), -1)[index].clip(min=0)
        result[key] = {
            "method": name,
            "wape": float(np.abs(error).sum() / demand) if demand > 0 else None,
            "bias": float(error.sum() / demand) if demand > 0 else None,
            "sigma": sigma,
            "forecast": [float(v) for v in forecast],
            "lower": [max(float(v) - z * sigma, 0.0) for v in forecast],
            "upper": [float(v) + z * sigma for v in forecast],
        }
    return result


def service_z(level):
    """z of a service level in % (95 → 1.645)."""
    level = min(max(level, 50.0), 99.99)
    return NormalDist().inv_cdf(level / 100.0)


def lead_sigma(sigma, weeks):
    """σ of the forecast error over ``weeks`` weeks (independent weekly errors)."""
    return sigma * math.sqrt(max(weeks, 0.0))

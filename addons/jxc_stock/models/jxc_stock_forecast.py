# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .. import forecasting
from ..utils import format_number, today, tz_name

HISTORY_WEEKS = 104  # weeks of history read from the ledger
CHART_HISTORY_WEEKS = 52  # of which shown in the chart


class JxcStockForecast(models.Model):
    """销售预测: weekly demand forecast per product (variant) and warehouse.

    Demand = the posted ledger rows of the usage move types (deliveries) minus their returns,
    per week. The method is chosen per series by a rolling backtest (see ``forecasting``);
    series too short for it fall back to their category's profile, or to min / max, and say
    so. Recomputed weekly by a cron or by a manager's button; read-only otherwise.
    """

    _name = "jxc.stock.forecast"
    _description = "Demand Forecast"
    _order = "wape desc nulls last, id"
    _rec_name = "product_id"

    product_id = fields.Many2one("product.product", required=True, readonly=True, index=True)
    categ_id = fields.Many2one(related="product_id.categ_id", string="Product Category")
    warehouse_id = fields.Many2one("jxc.stock.warehouse", required=True, readonly=True, index=True)
    company_id = fields.Many2one(related="warehouse_id.company_id", store=True, index=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    method = fields.Selection(
        [
            ("seasonal_es", "Seasonal Exponential Smoothing"),
            ("ses", "Exponential Smoothing"),
            ("drift", "Trend (Drift)"),
            ("seasonal_naive", "Seasonal Naive"),
            ("naive", "Naive"),
            ("croston", "Croston"),
            ("tsb", "TSB"),
            ("category", "Category Profile"),
            ("minmax", "Min / Max"),
        ],
        readonly=True,
        required=True,
    )
    wape = fields.Float(
        string="WAPE (%)",
        digits=(16, 1),
        readonly=True,
        help="Weighted absolute percentage error of the method in the rolling backtest: "
        "Σ|forecast − actual| / Σ actual over the last 12 weeks. Empty: no backtest.",
    )
    bias = fields.Float(
        string="Bias (%)",
        digits=(16, 1),
        readonly=True,
        help="Σ(forecast − actual) / Σ actual in the backtest: above 0, it forecast too much.",
    )
    weekly_forecast = fields.Float(
        digits="Product Unit of Measure",
        readonly=True,
        help="Average forecast demand per week over the next 12 weeks.",
    )
    sigma = fields.Float(
        string="Weekly Error σ",
        digits="Product Unit of Measure",
        readonly=True,
        help="Standard deviation of one week's forecast error in the backtest; safety "
        "stock is based on it.",
    )
    history_weeks = fields.Integer(readonly=True, help="Weeks since the first sale.")
    history_total = fields.Float(
        string="Demand (History)", digits="Product Unit of Measure", readonly=True
    )
    note = fields.Char(readonly=True)
    date = fields.Datetime(string="Computed On", readonly=True)
    line_ids = fields.One2many(
        "jxc.stock.forecast.line", "forecast_id", string="Weekly Points", readonly=True
    )

    _sql_constraints = [
        (
            "product_warehouse_uniq",
            "unique(product_id, warehouse_id)",
            "One forecast per product and warehouse.",
        ),
    ]

    # ------------------------------------------------------------------
    # Public actions
    # ------------------------------------------------------------------
    @api.model
    def action_compute(self):
        """Recompute the forecasts of the user's companies (stock / purchase managers)."""
        if not any(self.env.user.has_group(g) for g in self._get_compute_groups()):
            raise AccessError(_("Only stock or purchase managers recompute forecasts."))
        self.sudo()._compute_forecasts(self.env.companies)
        return self.env["ir.actions.act_window"]._for_xml_id("jxc_stock.jxc_stock_forecast_action")

    def action_open_chart(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "jxc_stock.jxc_stock_forecast_line_action"
        )
        action["domain"] = [("forecast_id", "=", self.id)]
        # The breadcrumb shows the action's display_name (the action's own name otherwise).
        action["name"] = action["display_name"] = self.display_name
        return action

    @api.model
    def _get_compute_groups(self):
        """Groups whose members recompute forecasts (jxc_purchase adds purchase managers)."""
        return ("jxc_stock.group_jxc_stock_manager",)

    @api.model
    def _cron_compute(self):
        self._compute_forecasts(self.env["res.company"].search([]))
        return True

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    @api.model
    def _week_start(self, day):
        return day - timedelta(days=day.weekday())

    @api.model
    def _compute_forecasts(self, companies):
        """Replace the forecasts of ``companies``: history, backtest, forecast, fallbacks."""
        this_week = self._week_start(today(self.env))
        start = this_week - timedelta(weeks=HISTORY_WEEKS)
        history = self._get_weekly_history(companies, start, this_week)
        Rule = self.env["jxc.stock.rule"]
        rules = Rule.search([("company_id", "in", companies.ids)])
        keys = set(history) | {(r.product_id.id, r.warehouse_id.id) for r in rules}
        series = {}
        for key in keys:
            weeks = history.get(key, {})
            first = min(weeks) if weeks else this_week
            count = (this_week - first).days // 7
            # A week with more returns than deliveries counts as no demand.
            series[key] = [
                max(weeks.get(first + timedelta(weeks=i), 0.0), 0.0) for i in range(count)
            ]
        long_enough = {k: v for k, v in series.items() if len(v) >= forecasting.MIN_WEEKS}
        results = forecasting.forecast_series(long_enough) if long_enough else {}
        products = self.env["product.product"].browse({k[0] for k in keys})
        categ_of = {p.id: p.categ_id.id for p in products}
        profiles = self._category_profiles(results, categ_of)
        self.search([("company_id", "in", companies.ids)]).unlink()
        now = fields.Datetime.now()
        vals_list = []
        for key, values in series.items():
            result = results.get(key) or self._fallback(key, values, profiles, categ_of)
            vals_list.append(self._prepare_forecast(key, values, result, this_week, now))
        # The chart points (some 90 per series, millions for a large catalogue) are written
        # set-based: the ORM's create would take minutes over them.
        points = [vals.pop("line_ids", []) for vals in vals_list]
        forecasts = self.create(vals_list)
        self.env["jxc.stock.forecast.line"]._create_points(
            [
                dict(command[2], forecast_id=forecast.id, company_id=forecast.company_id.id)
                for forecast, commands in zip(forecasts, points, strict=True)
                for command in commands
            ]
        )
        forecasts.invalidate_recordset(["line_ids"])
        # The forecast rules' levels in force follow their new forecasts (stock alerts).
        rules.filtered(lambda r: r.replenish_method == "forecast")._refresh_effective_min()
        return forecasts

    @api.model
    def _get_weekly_history(self, companies, start, end):
        """{(product id, warehouse id): {week start: demand}} in one query over all series:
        usage rows count their outgoing quantity, returns theirs back. Weeks run from Monday
        to Sunday where days are counted (``utils.tz_name``), ``start`` to ``end`` (dates)."""
        Rule = self.env["jxc.stock.rule"]
        move_types = list(Rule._get_usage_move_types()) + list(Rule._get_usage_return_move_types())
        tz = pytz.timezone(tz_name(self.env))

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT product_id, warehouse_id,
                   date_trunc('week', timezone(%s, timezone('UTC', date)))::date AS week,
                   SUM(-quantity)
              FROM jxc_stock_move
             WHERE move_type = ANY(%s) AND company_id = ANY(%s)
               AND date >= %s AND date < %s
             GROUP BY product_id, warehouse_id, week
            """,
            [tz.zone, move_types, companies.ids, utc(start), utc(end)],
        )
        history = defaultdict(dict)
        for product_id, warehouse_id, week, quantity in self.env.cr.fetchall():
            history[(product_id, warehouse_id)][week] = float(quantity)
        return history

    @api.model
    def _category_profiles(self, results, categ_of):
        """{(category id, warehouse id): (weekly forecast, σ)}: the average of the forecasts
        of that category's products in that warehouse."""
        grouped = defaultdict(list)
        for (product_id, warehouse_id), result in results.items():
            grouped[(categ_of.get(product_id), warehouse_id)].append(result)
        return {
            key: (
                sum(sum(r["forecast"]) / len(r["forecast"]) for r in found) / len(found),
                sum(r["sigma"] for r in found) / len(found),
            )
            for key, found in grouped.items()
        }

    @api.model
    def _fallback(self, key, values, profiles, categ_of):
        """A too short series: its category's profile in that warehouse, or min / max."""
        product_id, warehouse_id = key
        profile = profiles.get((categ_of.get(product_id), warehouse_id))
        if profile:
            weekly, sigma = profile
            return {
                "method": "category",
                "forecast": [weekly] * forecasting.HORIZON,
                "lower": [max(weekly - sigma, 0.0)] * forecasting.HORIZON,
                "upper": [weekly + sigma] * forecasting.HORIZON,
                "sigma": sigma,
                "wape": None,
                "bias": None,
                "note": _(
                    "Only %(weeks)s week(s) of sales history (a backtest needs %(min)s): "
                    "the average of its category in this warehouse is used.",
                    weeks=len(values),
                    min=forecasting.MIN_WEEKS,
                ),
            }
        return {
            "method": "minmax",
            "forecast": [],
            "lower": [],
            "upper": [],
            "sigma": 0.0,
            "wape": None,
            "bias": None,
            "note": _(
                "Only %(weeks)s week(s) of sales history (a backtest needs %(min)s) and no "
                "forecast product of its category in this warehouse: replenishment keeps "
                "its min / max.",
                weeks=len(values),
                min=forecasting.MIN_WEEKS,
            ),
        }

    @api.model
    def _outlier_note(self, capped):
        if not capped:
            return False
        weeks, cap = capped
        return _(
            "%(weeks)s week(s) above %(cap)s counted as %(cap)s (outliers) in the forecast "
            "and its error; the chart shows the real sales.",
            weeks=weeks,
            cap=format_number(self.env, cap, 1),
        )

    @api.model
    def _prepare_forecast(self, key, values, result, this_week, now):
        product_id, warehouse_id = key
        forecast = result["forecast"]
        lines = []
        shown = values[-CHART_HISTORY_WEEKS:]
        first_shown = this_week - timedelta(weeks=len(shown))
        for index, quantity in enumerate(shown):
            lines.append(
                {
                    "week": first_shown + timedelta(weeks=index),
                    "series": "history",
                    "quantity": quantity,
                }
            )
        for index, quantity in enumerate(forecast):
            week = this_week + timedelta(weeks=index)
            lines += [
                {"week": week, "series": "forecast", "quantity": quantity},
                {"week": week, "series": "lower", "quantity": result["lower"][index]},
                {"week": week, "series": "upper", "quantity": result["upper"][index]},
            ]
        wape, bias = result["wape"], result["bias"]
        return {
            "product_id": product_id,
            "warehouse_id": warehouse_id,
            "method": result["method"],
            "wape": wape * 100 if wape is not None else False,
            "bias": bias * 100 if bias is not None else False,
            "weekly_forecast": sum(forecast) / len(forecast) if forecast else 0.0,
            "sigma": result["sigma"],
            "history_weeks": len(values),
            "history_total": sum(values),
            "note": result.get("note") or self._outlier_note(result.get("capped")),
            "date": now,
            "line_ids": [fields.Command.create(line) for line in lines],
        }

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class JxcStockForecastLine(models.Model):
    """One weekly point of a forecast's chart: sales history, forecast, or the bounds of
    its prediction interval (one line per series in the graph view)."""

    _name = "jxc.stock.forecast.line"
    _description = "Demand Forecast Point"
    _order = "week, series"

    forecast_id = fields.Many2one(
        "jxc.stock.forecast", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="forecast_id.company_id", store=True, index=True)
    week = fields.Date(required=True, readonly=True)
    series = fields.Selection(
        [
            ("history", "Sales History"),
            ("forecast", "Forecast"),
            ("lower", "Interval Low (80%)"),
            ("upper", "Interval High (80%)"),
        ],
        required=True,
        readonly=True,
    )
    quantity = fields.Float(digits="Product Unit of Measure", readonly=True)

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

CHUNK = 50_000  # points per INSERT


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

    @api.model
    def _sql_float_round(self, column, digits):
        """``column`` (float8) rounded to ``digits`` decimals as the ORM stores a float
        (``float_round``: half away from zero, after nudging the value by 2⁻⁵⁰ of itself,
        so that 2.675 and 1669.6949999999954 round up). PostgreSQL's ``round(x::numeric)``
        rounds what 15 digits make of the float, and differs near the halves."""
        scale = 10.0**digits
        value = SQL("(%s * %s::float8 * %s::float8)", column, scale, 1 + 2**-50)
        return SQL(
            "((CASE WHEN abs(%(v)s - trunc(%(v)s)) >= 0.5 THEN trunc(%(v)s) + sign(%(v)s) "
            "ELSE trunc(%(v)s) END) / %(scale)s::float8)",
            v=value,
            scale=scale,
        )

    @api.model
    def _create_points(self, vals_list):
        """Insert points (dicts of stored fields, ``forecast_id`` and ``company_id``
        included) in a few ``INSERT … SELECT unnest(…)`` statements, without the ORM's
        per-record work; floats are rounded to their digits there, as the ORM would. Private:
        only ``jxc.stock.forecast._compute_forecasts`` writes points, after its caller's
        check."""
        if not vals_list:
            return
        names = sorted({name for vals in vals_list for name in vals})
        fields_ = [self._fields[name] for name in names]
        if any(not field.store or not field.column_type for field in fields_):
            raise ValueError(f"Not stored columns of {self._name}: {names}")
        self.env.flush_all()
        columns = []
        for field in fields_:
            column = SQL.identifier("u", field.name)
            digits = field.type == "float" and field.get_digits(self.env)
            if digits:
                column = self._sql_float_round(column, digits[1])
            columns.append(column)
        for start in range(0, len(vals_list), CHUNK):
            chunk = vals_list[start : start + CHUNK]
            arrays = [
                SQL(
                    "%s::%s[]",
                    [
                        vals.get(field.name) if vals.get(field.name) is not False else None
                        for vals in chunk
                    ],
                    SQL("float8" if field.type == "float" else field.column_type[1]),
                )
                for field in fields_
            ]
            self.env.cr.execute(
                SQL(
                    """INSERT INTO %(table)s (%(names)s, create_uid, create_date, write_uid,
                                              write_date)
                       SELECT %(columns)s, %(uid)s, %(now)s, %(uid)s, %(now)s
                         FROM unnest(%(arrays)s) AS u(%(names)s)""",
                    table=SQL.identifier(self._table),
                    names=SQL(", ").join(SQL.identifier(name) for name in names),
                    columns=SQL(", ").join(columns),
                    uid=self.env.uid,
                    now=fields.Datetime.now(),
                    arrays=SQL(", ").join(arrays),
                )
            )

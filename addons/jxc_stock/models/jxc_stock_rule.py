# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from ..utils import format_quantity

# Fields the levels in force depend on (see _refresh_effective_min).
LEVEL_FIELDS = {
    "min_quantity",
    "max_quantity",
    "min_from_usage",
    "lead_days",
    "product_id",
    "warehouse_id",
    "replenish_method",
    "service_level",
    "review_weeks",
}

# The levels in force: derived, written only by _refresh_effective_min (as superuser).
EFFECTIVE_FIELDS = {"effective_min", "effective_max"}

MAX_LEAD_DAYS = 3650  # ten years
MAX_REVIEW_WEEKS = 520


class JxcStockRule(models.Model):
    """Min / max replenishment rule per product and warehouse."""

    _name = "jxc.stock.rule"
    _inherit = ["jxc.number.mixin"]
    _description = "Replenishment Rule"
    _order = "warehouse_id, product_id"
    _check_company_auto = True

    product_id = fields.Many2one(
        "product.product",
        required=True,
        index=True,
        domain="[('type', '=', 'consu')]",
        check_company=True,
    )
    warehouse_id = fields.Many2one(
        "jxc.stock.warehouse", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one(related="warehouse_id.company_id", store=True, index=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    active = fields.Boolean(default=True)
    min_quantity = fields.Float(string="Min", digits="Product Unit of Measure")
    max_quantity = fields.Float(string="Max", digits="Product Unit of Measure")
    multiple = fields.Float(
        string="Order Multiple",
        digits="Product Unit of Measure",
        default=1.0,
        help="Suggestions are rounded up to this multiple.",
    )
    lead_days = fields.Integer(string="Lead Time (Days)", default=7)
    min_from_usage = fields.Boolean(
        string="Min from Usage",
        help="Min = average daily outgoing over the last 30 days × lead time.",
    )
    replenish_method = fields.Selection(
        [("minmax", "Min / Max"), ("forecast", "Forecast")],
        string="Method",
        required=True,
        default="minmax",
        help="Forecast: reorder point = forecast demand over the lead time + safety stock; "
        "order-up-to = reorder point + forecast over the review period. A product without "
        "a forecast keeps its min / max.",
    )
    service_level = fields.Float(
        string="Service Level (%)",
        digits=(16, 1),
        help="Chance of not running out during the lead time, for the safety stock. "
        "Empty: the product category's, else 95 %.",
    )
    review_weeks = fields.Integer(
        string="Review Period (Weeks)",
        default=1,
        help="Weeks between two orders: forecast rules order up to the reorder point plus "
        "this many weeks of forecast demand.",
    )
    effective_min = fields.Float(
        digits="Product Unit of Measure",
        readonly=True,
        help="The min in force: the fixed min, usage × lead time, or a forecast rule's reorder "
        "point (refreshed daily and with the forecasts). Stock alerts compare with it.",
    )
    effective_max = fields.Float(
        digits="Product Unit of Measure",
        readonly=True,
        help="The max in force: the fixed max, or a forecast rule's order-up-to level "
        "(refreshed daily and with the forecasts). Stock alerts compare with it.",
    )

    _sql_constraints = [
        (
            "product_warehouse_uniq",
            "unique(product_id, warehouse_id)",
            "One replenishment rule per product and warehouse.",
        ),
    ]

    @api.constrains(
        "min_quantity", "max_quantity", "multiple", "lead_days", "service_level", "review_weeks"
    )
    def _check_quantities(self):
        for rule in self:
            if not 0 <= rule.service_level < 100 or rule.review_weeks < 0:
                raise ValidationError(
                    _(
                        "%s: the service level is a percentage below 100 and the review "
                        "period cannot be negative.",
                        rule.product_id.display_name,
                    )
                )
            if rule.min_quantity < 0 or rule.max_quantity < 0 or rule.lead_days < 0:
                raise ValidationError(
                    _(
                        "%s: min, max and lead time cannot be negative.",
                        rule.product_id.display_name,
                    )
                )
            if rule.lead_days > MAX_LEAD_DAYS or rule.review_weeks > MAX_REVIEW_WEEKS:
                raise ValidationError(
                    _(
                        "%(product)s: the lead time is at most %(days)s days and the review "
                        "period at most %(weeks)s weeks.",
                        product=rule.product_id.display_name,
                        days=MAX_LEAD_DAYS,
                        weeks=MAX_REVIEW_WEEKS,
                    )
                )
            if rule.max_quantity < rule.min_quantity:
                raise ValidationError(
                    _(
                        "%(product)s: max (%(max)s) is below min (%(min)s).",
                        product=rule.product_id.display_name,
                        max=format_quantity(self.env, rule.max_quantity, rule.product_id.uom_id),
                        min=format_quantity(self.env, rule.min_quantity, rule.product_id.uom_id),
                    )
                )
            if rule.multiple <= 0:
                raise ValidationError(
                    _("%s: the order multiple must be positive.", rule.product_id.display_name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        rules._refresh_effective_min()
        return rules

    def write(self, vals):
        # Read-only in the form, but JSON-RPC writes read-only fields: a stock manager's
        # write({'effective_max': …}) would move the stock alerts until the next refresh
        # (never, for a min / max rule).
        if not self.env.su and set(vals) & EFFECTIVE_FIELDS:
            raise UserError(
                _(
                    "%s: the min and max in force are computed from the rule and its "
                    "forecast; they cannot be changed by hand.",
                    ", ".join(self.mapped("product_id.display_name")[:5]),
                )
            )
        res = super().write(vals)
        if set(vals) & LEVEL_FIELDS:
            self._refresh_effective_min()
        return res

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": _("Import Template for Min / Max Rules (JXC)"),
                "template": "/jxc_stock/static/xls/jxc_stock_rule_template.xlsx",
            },
            *super().get_import_templates(),
        ]

    def _refresh_effective_min(self, forecasts=None):
        """Store the levels in force (``effective_min`` / ``effective_max``): the fixed min
        or usage × lead time and the max; for a forecast rule with a forecast, its reorder
        point and order-up-to level (``jxc.stock.replenish._get_levels``). Usage-based mins
        and forecasts change over time (see the crons and ``_compute_forecasts``).

        Written as superuser: derived values, refreshed too when stock or purchase users
        (who read the rules only) compute suggestions. ``forecasts``: their
        :meth:`_get_forecasts`, when the caller has read them already."""
        usage = self.filtered("min_from_usage")._get_daily_usage()
        if forecasts is None:
            forecasts = self._get_forecasts()
        Replenish = self.env["jxc.stock.replenish"]
        # Compared at the digits they are stored with, not the unit's rounding: with a unit
        # rounded to 1, a reorder point of 11.64 kept a stored 12 (a database upgraded to
        # this version read 11.64 for the same rule).
        digits = self._fields["effective_min"].get_digits(self.env)[1]
        for rule in self:
            forecast = forecasts.get((rule.product_id.id, rule.warehouse_id.id))
            if rule.replenish_method == "forecast" and forecast:
                low, high, _text = Replenish._get_levels(rule, forecast)
            else:
                low = (
                    usage.get(rule.id, 0.0) * rule.lead_days
                    if rule.min_from_usage
                    else rule.min_quantity
                )
                high = max(rule.max_quantity, low) if rule.max_quantity else 0.0
            if float_compare(low, rule.effective_min, precision_digits=digits) or float_compare(
                high, rule.effective_max, precision_digits=digits
            ):
                rule.sudo().write({"effective_min": low, "effective_max": high})

    def _get_forecasts(self):
        """{(product id, warehouse id): forecast} of these forecast rules (read as
        superuser: the levels are derived for every reader)."""
        rules = self.filtered(lambda r: r.replenish_method == "forecast")
        if not rules:
            return {}
        return {
            (f.product_id.id, f.warehouse_id.id): f
            for f in self.env["jxc.stock.forecast"]
            .sudo()
            .search(
                [
                    ("product_id", "in", rules.product_id.ids),
                    ("warehouse_id", "in", rules.warehouse_id.ids),
                    ("method", "!=", "minmax"),
                ]
            )
        }

    @api.model
    def _cron_refresh_effective_min(self):
        self.search(
            ["|", ("min_from_usage", "=", True), ("replenish_method", "=", "forecast")]
        )._refresh_effective_min()
        return True

    def _get_daily_usage(self, days=30):
        """{rule id: average daily outgoing quantity over the last ``days`` days}."""
        if not self.ids:
            return {}
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT r.id, COALESCE(SUM(-m.quantity), 0) / %s
              FROM jxc_stock_rule r
              JOIN jxc_stock_move m ON m.product_id = r.product_id
                                   AND m.warehouse_id = r.warehouse_id
                                   AND m.quantity < 0
                                   AND m.move_type = ANY(%s)
                                   AND m.date >= (now() at time zone 'UTC') - %s * interval '1 day'
             WHERE r.id = ANY(%s)
             GROUP BY r.id
            """,
            [days, list(self._get_usage_move_types()), days, self.ids],
        )
        return {rule_id: float(qty) for rule_id, qty in self.env.cr.fetchall()}

    @api.model
    def _get_usage_move_types(self):
        """Ledger move types that count as consumption (sales add ``sale_out``)."""
        return ("out",)

    @api.model
    def _get_usage_return_move_types(self):
        """Ledger move types that give consumption back (sales add ``sale_return``)."""
        return ()

    def _get_service_level(self):
        """The service level in % of this rule: its own, its category's, or 95."""
        self.ensure_one()
        return self.service_level or self.product_id.categ_id.jxc_service_level or 95.0

    def _compute_display_name(self):
        for rule in self:
            rule.display_name = f"{rule.product_id.display_name} @ {rule.warehouse_id.code}"

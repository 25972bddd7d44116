# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from ..utils import format_money

COST = "jxc_stock.group_jxc_cost"


class JxcStockCostAdjustmentLine(models.Model):
    _name = "jxc.stock.cost.adjustment.line"
    _description = "Cost Adjustment Line"
    _inherit = ["jxc.document.line.mixin"]
    _order = "adjustment_id, sequence, id"
    _check_company_auto = True
    _jxc_document_field = "adjustment_id"

    adjustment_id = fields.Many2one(
        "jxc.stock.cost.adjustment", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="adjustment_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="adjustment_id.currency_id")
    product_id = fields.Many2one(
        "product.product",
        required=True,
        check_company=True,
        domain=[("type", "=", "consu")],
    )
    lot_id = fields.Many2one(
        "jxc.stock.lot",
        string="Lot / Serial",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
        help="Optional: the lot whose stock value carries the change.",
    )
    adjust_by = fields.Selection(
        [("value", "Value Change"), ("unit_cost", "New Unit Cost")],
        required=True,
        default="value",
    )
    value_change = fields.Monetary(
        groups=COST, help="Added to (or, negative, taken from) the stock value."
    )
    new_unit_cost = fields.Float(
        digits=(16, 4),
        groups=COST,
        help="The average cost the company's stock of the product takes; the value change is "
        "computed when posting.",
    )
    quantity_on_hand = fields.Float(
        compute="_compute_current",
        digits="Product Unit of Measure",
        string="On Hand (Company)",
    )
    current_value = fields.Monetary(compute="_compute_current", groups=COST)
    current_average = fields.Float(
        compute="_compute_current", digits=(16, 4), string="Current Average Cost", groups=COST
    )
    posted_value = fields.Monetary(readonly=True, copy=False, groups=COST)
    move_id = fields.Many2one("jxc.stock.move", string="Ledger Row", readonly=True, copy=False)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")

    @api.depends("product_id", "adjustment_id.company_id")
    def _compute_current(self):
        Valuation = self.env["jxc.stock.valuation"].sudo()
        for line in self:
            row = Valuation.search(
                [
                    ("product_id", "=", line.product_id.id),
                    ("company_id", "=", line.adjustment_id.company_id.id),
                ],
                limit=1,
            )
            line.quantity_on_hand = row.quantity
            line.current_value = row.value
            line.current_average = row.average_cost

    def _check_in_stock(self, label):
        """Nothing to adjust without stock in the warehouse (and lot)."""
        self.ensure_one()
        domain = [
            ("product_id", "=", self.product_id.id),
            ("warehouse_id", "=", self.adjustment_id.warehouse_id.id),
        ]
        if self.lot_id:
            domain.append(("lot_id", "=", self.lot_id.id))
        quantity = sum(self.env["jxc.stock.quant"].sudo().search(domain).mapped("quantity"))
        if float_compare(quantity, 0, precision_rounding=self.product_id.uom_id.rounding) <= 0:
            raise UserError(
                _(
                    "%(doc)s, %(line)s: %(product)s has no stock in %(warehouse)s%(lot)s; "
                    "there is no value to adjust.",
                    doc=self.adjustment_id.name,
                    line=label,
                    product=self.product_id.display_name,
                    warehouse=self.adjustment_id.warehouse_id.display_name,
                    lot=self.env["jxc.stock.move"]._lot_label(self.lot_id.id),
                )
            )
        if self.adjust_by == "unit_cost" and self.new_unit_cost < 0:
            raise UserError(
                _(
                    "%(doc)s, %(line)s: the new unit cost cannot be negative (%(cost)s).",
                    doc=self.adjustment_id.name,
                    line=label,
                    cost=format_money(
                        self.env, self.new_unit_cost, self.adjustment_id.company_id.currency_id
                    ),
                )
            )

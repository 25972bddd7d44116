# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

COST = "jxc_stock.group_jxc_cost"


class JxcPurchaseLandedCostAllocation(models.Model):
    """How much of a landed cost one receipt line took, and where it went: the stock (the
    moving average) or cost of goods sold. Written by the document only."""

    _name = "jxc.purchase.landed.cost.allocation"
    _description = "Landed Cost Allocation"
    _inherit = ["jxc.document.line.mixin"]
    _order = "landed_cost_id, id"
    _jxc_document_field = "landed_cost_id"

    landed_cost_id = fields.Many2one(
        "jxc.purchase.landed.cost", required=True, readonly=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="landed_cost_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="landed_cost_id.currency_id")
    picking_line_id = fields.Many2one(
        "jxc.stock.picking.line", string="Receipt Line", readonly=True, ondelete="restrict"
    )
    picking_id = fields.Many2one(related="picking_line_id.picking_id", string="Receipt")
    product_id = fields.Many2one("product.product", readonly=True)
    quantity = fields.Float(digits="Product Unit of Measure", readonly=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    weight = fields.Float(digits="Stock Weight", readonly=True)
    received_value = fields.Monetary(readonly=True, groups=COST)
    amount = fields.Monetary(string="Allocated", readonly=True, groups=COST)
    stock_amount = fields.Monetary(
        string="Into Stock", readonly=True, groups=COST, help="Into the moving average."
    )
    cogs_amount = fields.Monetary(
        string="To Cost of Goods Sold",
        readonly=True,
        groups=COST,
        help="The share of goods already gone out.",
    )

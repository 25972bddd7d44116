# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from odoo.addons.jxc_stock.utils import selection_label


class JxcPurchaseLandedCostLine(models.Model):
    """A cost of a landed cost document: what it is, who is paid, how much."""

    _name = "jxc.purchase.landed.cost.line"
    _description = "Landed Cost Line"
    _inherit = ["jxc.document.line.mixin"]
    _order = "landed_cost_id, sequence, id"
    _jxc_document_field = "landed_cost_id"
    _check_company_auto = True

    landed_cost_id = fields.Many2one(
        "jxc.purchase.landed.cost", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="landed_cost_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="landed_cost_id.currency_id")
    cost_type = fields.Selection(
        [
            ("freight", "Freight"),
            ("insurance", "Insurance"),
            ("customs", "Customs Duty"),
            ("other", "Other"),
        ],
        string="Cost",
        required=True,
        default="freight",
    )
    name = fields.Char(string="Description")
    partner_id = fields.Many2one(
        "res.partner",
        string="Paid To",
        required=True,
        check_company=True,
        help="The carrier, insurer…: payable.",
    )
    amount = fields.Monetary(required=True)

    def _cost_type_label(self):
        self.ensure_one()
        return selection_label(self, "cost_type")

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    jxc_sale_shortage_policy = fields.Selection(
        [("block", "Block the order"), ("allow", "Reserve what exists, record the rest")],
        string="Sales Shortage Policy",
        default="block",
        required=True,
        help="Block: confirming an order that cannot be served in full is refused, listing "
        "every short product. Allow: what exists is reserved and the rest is recorded as a "
        "shortage that replenishment and purchasing see.",
    )
    jxc_paperformat_delivery_id = fields.Many2one(
        "report.paperformat",
        string="Delivery Notes Paper",
        help="Paper of printed delivery notes (送货单), e.g. 三联单 (241 × 140 mm). Empty: the "
        "company's paper format (A4).",
    )

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    jxc_sale_shortage_policy = fields.Selection(
        related="company_id.jxc_sale_shortage_policy", readonly=False
    )
    jxc_paperformat_delivery_id = fields.Many2one(
        related="company_id.jxc_paperformat_delivery_id", readonly=False
    )

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    jxc_allow_negative_stock = fields.Boolean(
        related="company_id.jxc_allow_negative_stock", readonly=False
    )
    jxc_expiry_alert_days = fields.Integer(
        related="company_id.jxc_expiry_alert_days", readonly=False
    )
    jxc_price_include_tax = fields.Boolean(
        related="company_id.jxc_price_include_tax", readonly=False
    )
    jxc_paperformat_order_id = fields.Many2one(
        related="company_id.jxc_paperformat_order_id", readonly=False
    )
    jxc_paperformat_stock_id = fields.Many2one(
        related="company_id.jxc_paperformat_stock_id", readonly=False
    )

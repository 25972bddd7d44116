# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    jxc_finance_lock_date = fields.Date(related="company_id.jxc_finance_lock_date", readonly=False)
    jxc_paperformat_finance_id = fields.Many2one(
        related="company_id.jxc_paperformat_finance_id", readonly=False
    )

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    jxc_company_currency_id = fields.Many2one(related="company_id.currency_id")
    jxc_po_approval_amount = fields.Monetary(
        related="company_id.jxc_po_approval_amount",
        readonly=False,
        currency_field="jxc_company_currency_id",
    )
    jxc_receipt_tolerance = fields.Float(related="company_id.jxc_receipt_tolerance", readonly=False)
    jxc_auto_purchase_shortage = fields.Boolean(
        related="company_id.jxc_auto_purchase_shortage", readonly=False
    )

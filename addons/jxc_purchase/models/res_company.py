# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    jxc_po_approval_amount = fields.Monetary(
        string="Purchase Approval Amount",
        currency_field="currency_id",
        help="Purchase orders above this total (company currency) need a purchase manager's "
        "approval. 0 means no approval.",
    )
    jxc_receipt_tolerance = fields.Float(
        string="Over-Receipt Tolerance (%)",
        help="How much more than ordered a receipt may bring, in percent of the ordered "
        "quantity. 0 (the default) allows no over-receipt.",
    )
    jxc_auto_purchase_shortage = fields.Boolean(
        string="Purchase Shortages Automatically",
        help="以销定采: a scheduled action turns recorded shortages (demand confirmed beyond "
        "stock) into draft purchase orders for each product's preferred supplier.",
    )

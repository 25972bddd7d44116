# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class JxcFinanceAgingLine(models.TransientModel):
    _name = "jxc.finance.aging.line"
    _description = "Aging Line"
    _order = "total desc"

    aging_id = fields.Many2one("jxc.finance.aging", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="aging_id.currency_id")
    partner_id = fields.Many2one("res.partner")
    not_due = fields.Monetary()
    days_1_30 = fields.Monetary(string="1–30 Days")
    days_31_60 = fields.Monetary(string="31–60 Days")
    days_61_90 = fields.Monetary(string="61–90 Days")
    days_over_90 = fields.Monetary(string="Over 90 Days")
    total = fields.Monetary()

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class JxcFinanceStatementLine(models.TransientModel):
    _name = "jxc.finance.statement.line"
    _description = "Partner Statement Line"
    _order = "id"

    statement_id = fields.Many2one("jxc.finance.statement", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="statement_id.currency_id")
    date = fields.Date()
    reference = fields.Char(string="Document")
    origin = fields.Char(string="Order")
    description = fields.Char()
    debit = fields.Monetary()
    credit = fields.Monetary()
    balance = fields.Monetary()

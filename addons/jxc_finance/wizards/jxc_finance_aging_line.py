# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class JxcFinanceAgingLine(models.TransientModel):
    """A partner's residuals of an aging by bucket. Never written: the lines are those of the
    aging in the context, read from the receivable / payable ledger when they are read (see
    ``jxc.report.row.mixin``)."""

    _name = "jxc.finance.aging.line"
    _inherit = ["jxc.report.row.mixin"]
    _description = "Aging Line"
    _auto = False  # no table: the aging's query (jxc.report.row.mixin)
    _log_access = True  # a TransientModel's: its aging's
    _order = "total desc, id"
    _jxc_row_keys = ("partner_id",)

    wizard_id = fields.Many2one(
        "jxc.finance.aging", string="Aging", required=True, ondelete="cascade", index=True
    )
    currency_id = fields.Many2one(related="wizard_id.currency_id")
    partner_id = fields.Many2one("res.partner", readonly=True)
    not_due = fields.Monetary(readonly=True)
    days_1_30 = fields.Monetary(string="1–30 Days", readonly=True)
    days_31_60 = fields.Monetary(string="31–60 Days", readonly=True)
    days_61_90 = fields.Monetary(string="61–90 Days", readonly=True)
    days_over_90 = fields.Monetary(string="Over 90 Days", readonly=True)
    total = fields.Monetary(readonly=True)

    @api.model
    def _query(self):
        return self.env["jxc.finance.aging"]._buckets_query()

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools.safe_eval import safe_eval


class JxcReportProfitLine(models.TransientModel):
    """One figure of a 利润表; it opens the documents it sums. Written only by its statement
    (users read them)."""

    _name = "jxc.report.profit.line"
    _description = "Profit Statement Line"
    _order = "wizard_id, sequence"

    wizard_id = fields.Many2one("jxc.report.profit", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer()
    code = fields.Char(readonly=True)
    name = fields.Char(string="Item", readonly=True)
    level = fields.Integer(readonly=True)
    is_total = fields.Boolean(readonly=True)
    currency_id = fields.Many2one(related="wizard_id.currency_id")
    amount = fields.Monetary(readonly=True)
    res_model = fields.Char(readonly=True)
    domain = fields.Char(readonly=True)

    def action_open_documents(self):
        """The documents behind this figure (as the user may read them)."""
        self.ensure_one()
        if not self.res_model:
            raise UserError(_("%s is a total: open the lines above it.", self.name))
        model = self.env[self.res_model]
        model.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": self.res_model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": safe_eval(self.domain),
            "context": {"create": False},
        }

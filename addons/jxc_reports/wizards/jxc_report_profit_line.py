# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools.safe_eval import safe_eval

# The columns of a line, with their SQL types.
LINE_COLUMNS = (
    ("sequence", "int4"),
    ("code", "varchar"),
    ("name", "varchar"),
    ("level", "int4"),
    ("is_total", "bool"),
    ("amount", "numeric"),
    ("res_model", "varchar"),
    ("domain", "varchar"),
)


class JxcReportProfitLine(models.TransientModel):
    """One figure of a 利润表; it opens the documents it sums. Never written: the lines are
    those its statement (the wizard in the context) computes when they are read (see
    ``jxc.report.row.mixin``)."""

    _name = "jxc.report.profit.line"
    _inherit = ["jxc.report.row.mixin"]
    _description = "Profit Statement Line"
    _auto = False  # no table: the statement's figures, computed when read
    _log_access = True  # a TransientModel's: its statement's
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

    def _jxc_rows_sql(self, wizard):
        """The statement's lines as a ``VALUES`` list (its figures come from several
        sub-ledgers, see ``jxc.report.profit._get_statement_lines``)."""
        return self._jxc_values_sql(wizard, wizard._get_statement_lines(), LINE_COLUMNS)

    def action_open_documents(self):
        """The documents behind this figure (as the user may read them)."""
        self.ensure_one()
        line = self._jxc_with_wizard()
        if not line.res_model:
            raise UserError(_("%s is a total: open the lines above it.", line.name))
        model = self.env[line.res_model]
        model.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": line.name,
            "res_model": line.res_model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": safe_eval(line.domain),
            "context": {"create": False},
        }

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# The columns of a line, with their SQL types.
LINE_COLUMNS = (
    ("date", "date"),
    ("reference", "varchar"),
    ("origin", "varchar"),
    ("description", "varchar"),
    ("debit", "numeric"),
    ("credit", "numeric"),
    ("balance", "numeric"),
)


class JxcFinanceStatementLine(models.TransientModel):
    """A document or payment of a 对账单 with the running balance. Never written: the lines
    are those its statement (the wizard in the context) computes when they are read (see
    ``jxc.report.row.mixin``)."""

    _name = "jxc.finance.statement.line"
    _inherit = ["jxc.report.row.mixin"]
    _description = "Partner Statement Line"
    _auto = False  # no table: the statement's rows, computed when read
    _log_access = True  # a TransientModel's: its statement's
    _order = "id"

    wizard_id = fields.Many2one(
        "jxc.finance.statement",
        string="Partner Statement",
        required=True,
        ondelete="cascade",
        index=True,
    )
    currency_id = fields.Many2one(related="wizard_id.currency_id")
    date = fields.Date(readonly=True)
    reference = fields.Char(string="Document", readonly=True)
    origin = fields.Char(string="Order", readonly=True)
    description = fields.Char(readonly=True)
    debit = fields.Monetary(readonly=True)
    credit = fields.Monetary(readonly=True)
    balance = fields.Monetary(readonly=True)

    def _jxc_rows_sql(self, wizard):
        """The statement's rows (entries and payments in date order, see
        ``jxc.finance.statement._rows``) as a ``VALUES`` list."""
        return self._jxc_values_sql(wizard, wizard._rows()[1], LINE_COLUMNS)

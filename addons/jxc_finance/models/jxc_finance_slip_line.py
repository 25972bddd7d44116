# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.jxc_stock.utils import format_money, selection_label


class JxcFinanceSlipLine(models.Model):
    """A line of an income or expense slip: a category and an amount (company currency)."""

    _name = "jxc.finance.slip.line"
    _inherit = ["jxc.document.line.mixin"]
    _description = "Other Income / Expense Line"
    _order = "slip_id, sequence, id"
    _jxc_document_field = "slip_id"
    _check_company_auto = True

    slip_id = fields.Many2one("jxc.finance.slip", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    category_id = fields.Many2one(
        "jxc.finance.category",
        required=True,
        # Deleting a used category is refused in Python (jxc.finance.category); the cascade
        # only lets uninstalling finance drop its data categories with the lines' table.
        ondelete="cascade",
        index=True,
        check_company=True,
        domain="[('kind', '=', slip_type)]",
    )
    name = fields.Char(string="Description")
    amount = fields.Monetary(required=True)
    currency_id = fields.Many2one(related="slip_id.currency_id")
    # Stored copies of the slip's fields, so that totals by category are one grouped query.
    company_id = fields.Many2one(related="slip_id.company_id", store=True, index=True)
    slip_type = fields.Selection(related="slip_id.slip_type", store=True)
    date = fields.Date(related="slip_id.date", store=True, index=True)
    state = fields.Selection(related="slip_id.state", store=True, string="Status")
    is_reversal = fields.Boolean(related="slip_id.is_reversal", store=True)

    @api.constrains("amount", "category_id")
    def _check_line(self):
        for line in self:
            slip = line.slip_id
            label = self._jxc_line_label(slip, line)
            if line.currency_id.compare_amounts(line.amount, 0) <= 0:
                raise ValidationError(
                    _(
                        "%(line)s: the amount must be positive, not %(amount)s.",
                        line=label,
                        amount=format_money(self.env, line.amount, line.currency_id),
                    )
                )
            if line.category_id.kind != slip.slip_type:
                raise ValidationError(
                    _(
                        "%(line)s: %(category)s is not a category of %(type)s.",
                        line=label,
                        category=line.category_id.name,
                        type=selection_label(slip, "slip_type"),
                    )
                )

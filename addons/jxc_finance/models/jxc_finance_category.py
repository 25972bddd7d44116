# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class JxcFinanceCategory(models.Model):
    """A kind of other income or expense (收支类别: 房租, 运费, 利息收入…) that income and
    expense slips are entered under and the profit statement adds up by."""

    _name = "jxc.finance.category"
    _description = "Income / Expense Category"
    _order = "kind, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        [("income", "Income"), ("expense", "Expense")],
        required=True,
        default="expense",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", index=True, help="Leave empty to use the category in every company."
    )
    note = fields.Text()

    @api.ondelete(at_uninstall=False)
    def _unlink_if_unused(self):
        if (
            self.env["jxc.finance.slip.line"]
            .sudo()
            .search_count([("category_id", "in", self.ids)], limit=1)
        ):
            raise UserError(
                _(
                    "%s is used on income or expense slips: archive it instead.",
                    ", ".join(self.mapped("name")),
                )
            )

    def write(self, vals):
        if "kind" in vals or "company_id" in vals:
            used = (
                self.env["jxc.finance.slip.line"]
                .sudo()
                .search_count([("category_id", "in", self.ids)], limit=1)
            )
            if used:
                raise UserError(
                    _(
                        "%s is used on income or expense slips: its kind and company stay as "
                        "they are; archive it and create another one instead.",
                        ", ".join(self.mapped("name")),
                    )
                )
        return super().write(vals)

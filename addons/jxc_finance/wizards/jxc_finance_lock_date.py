# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models
from odoo.exceptions import AccessError


class JxcFinanceLockDate(models.TransientModel):
    """关账: finance managers close a period without access to the company settings."""

    _name = "jxc.finance.lock.date"
    _description = "Close a Finance Period"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    lock_date = fields.Date(
        required=True,
        default=lambda self: (
            self.env.company.jxc_finance_lock_date or fields.Date.context_today(self)
        ),
        help="Nothing can be posted, settled or reversed on or before this date.",
    )

    def action_apply(self):
        self.ensure_one()
        if not self.env.user.has_group("jxc_finance.group_jxc_finance_manager"):
            raise AccessError(_("Only finance managers can close periods."))
        if self.company_id not in self.env.user.company_ids:
            raise AccessError(
                _("You cannot close a period of %(company)s.", company=self.company_id.name)
            )
        self.company_id.sudo().jxc_finance_lock_date = self.lock_date
        return {"type": "ir.actions.act_window_close"}

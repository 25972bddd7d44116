# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models
from odoo.exceptions import UserError


class ResCompany(models.Model):
    _inherit = "res.company"

    jxc_finance_lock_date = fields.Date(
        string="Finance Lock Date",
        help="关账日期: nothing can be posted, settled or reversed on or before this date.",
    )
    jxc_paperformat_finance_id = fields.Many2one(
        "report.paperformat",
        string="Receipts and Payments Paper",
        help="Paper of printed receipts and payments (收款单 / 付款单), income and expense slips "
        "and transfers, e.g. 三联单 (241 × 140 mm). Empty: the company's paper format (A4).",
    )

    def _jxc_check_lock_date(self, date, what):
        """Refuse ``what`` (a label for the message) dated on or before the lock date."""
        for company in self:
            if company.jxc_finance_lock_date and date and date <= company.jxc_finance_lock_date:
                raise UserError(
                    _(
                        "%(what)s is dated %(date)s, on or before the lock date %(lock)s of "
                        "%(company)s: the period is closed.",
                        what=what,
                        date=date,
                        lock=company.jxc_finance_lock_date,
                        company=company.name,
                    )
                )

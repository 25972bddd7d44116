# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, models


class JxcPurchaseLandedCost(models.Model):
    """A posted landed cost owes each carrier its costs (应付); its 红冲 takes them back."""

    _inherit = "jxc.purchase.landed.cost"

    def _check_can_post(self):
        res = super()._check_can_post()
        self.company_id._jxc_check_lock_date(self.date, self.name)
        return res

    def _after_post(self):
        res = super()._after_post()
        for cost in self:
            amounts = defaultdict(float)
            for line in cost.cost_line_ids:
                amounts[line.partner_id.commercial_partner_id] += line.amount
            self.env["jxc.finance.entry"]._post(
                [
                    {
                        "entry_type": "payable",
                        "partner_id": partner.id,
                        "amount": amount,
                        "company_id": cost.company_id.id,
                        "date": cost.date,
                        "res_model": cost._name,
                        "res_id": cost.id,
                        "reference": cost.name,
                        "description": _("Landed cost"),
                    }
                    for partner, amount in amounts.items()
                ]
            )
        return res

    def _after_reverse(self):
        res = super()._after_reverse()
        for cost in self:
            self.env["jxc.finance.entry"].sudo().search(
                [
                    ("res_model", "=", cost._name),
                    ("res_id", "=", cost.id),
                    ("is_reversal", "=", False),
                ]
            )._reverse(reference=cost.name)
        return res

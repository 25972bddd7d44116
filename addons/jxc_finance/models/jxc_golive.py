# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, models

from odoo.addons.jxc_stock.utils import check_group


class JxcGolive(models.Model):
    """Finance's part of the go-live: opening receivables, payables, cash and bank, and the
    books closed up to the day before the cut-over when it finishes."""

    _inherit = "jxc.golive"

    @api.model
    def _get_steps(self):
        return sorted(
            [
                *super()._get_steps(),
                (60, "opening_receivable", _("Opening receivables")),
                (70, "opening_payable", _("Opening payables")),
                (80, "opening_cash", _("Opening cash and bank")),
            ]
        )

    @api.model
    def _can_start(self):
        return super()._can_start() or self.env.user.has_group(
            "jxc_finance.group_jxc_finance_manager"
        )

    def _get_openings(self, kind):
        return [
            *super()._get_openings(kind),
            self.env["jxc.finance.opening"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("state", "=", "draft" if kind == "draft" else "posted"),
                ]
            ),
        ]

    def _finance_openings(self, opening_type):
        return (
            self.env["jxc.finance.opening"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("opening_type", "=", opening_type),
                    ("state", "=", "posted"),
                ]
            )
        )

    def _finance_step_state(self, opening_type):
        openings = self._finance_openings(opening_type)
        total = sum(openings.mapped("amount_total"))
        return bool(openings), _(
            "%(count)s documents posted, total %(total)s",
            count=len(openings),
            total=self.company_id.currency_id.format(total),
        )

    def _get_step_state_opening_receivable(self):
        return self._finance_step_state("receivable")

    def _get_step_state_opening_payable(self):
        return self._finance_step_state("payable")

    def _get_step_state_opening_cash(self):
        return self._finance_step_state("cash")

    def _finance_step_action(self, opening_type):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            f"jxc_finance.jxc_finance_opening_action_{opening_type}"
        )
        return action

    def _get_step_action_opening_receivable(self):
        return self._finance_step_action("receivable")

    def _get_step_action_opening_payable(self):
        return self._finance_step_action("payable")

    def _get_step_action_opening_cash(self):
        return self._finance_step_action("cash")

    def _check_finish_rights(self):
        res = super()._check_finish_rights()
        check_group(
            self.env,
            "jxc_finance.group_jxc_finance_manager",
            _(
                "Only a finance manager who is also a stock manager can finish the go-live: "
                "it closes the books up to the cut-over date."
            ),
        )
        return res

    def _action_finish(self):
        res = super()._action_finish()
        for golive in self:
            company = golive.company_id.sudo()
            lock = golive.cutover_date - timedelta(days=1)
            if not company.jxc_finance_lock_date or company.jxc_finance_lock_date < lock:
                company.jxc_finance_lock_date = lock
        return res

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError

from odoo.addons.jxc_stock.utils import check_group, form_action


class JxcFinanceReversalMixin(models.AbstractModel):
    """A finance document corrected by its reversal (红冲): a mirror document
    (``is_reversal``) that undoes it, made by finance managers.

    The documents declare ``is_reversal``, ``reversal_of_id``, ``reversal_ids`` and
    ``reversed_by_id`` (computed here) on their own model, and make the mirror in
    ``_action_reverse()``, which returns the reversals."""

    _name = "jxc.finance.reversal.mixin"
    _description = "JXC Finance Reversal"

    @api.depends("reversal_ids")
    def _compute_reversed_by_id(self):
        for document in self:
            document.reversed_by_id = document.reversal_ids[:1]

    def copy(self, default=None):
        if any(self.mapped("is_reversal")):
            raise UserError(_("A reversal cannot be duplicated."))
        return super().copy(default)

    def action_reverse(self):
        """红冲 (finance managers): post the mirror document; open it when there is one."""
        self._check_reverse_rights()
        reversals = self._action_reverse()
        if len(reversals) != 1:
            return True
        return form_action(self._name, reversals.id)

    def _check_reverse_rights(self):
        self._check_action_rights()
        check_group(
            self.env,
            "jxc_finance.group_jxc_finance_manager",
            _("Only finance managers can reverse posted documents."),
        )

    def _action_reverse(self):
        raise NotImplementedError

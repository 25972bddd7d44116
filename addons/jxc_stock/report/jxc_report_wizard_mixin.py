# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from ..utils import check_on_replica


class JxcReportWizardMixin(models.AbstractModel):
    """A report's wizard, read right after it is saved.

    With ``db_replica_host`` set, the form's read (``web_read``) and the wizard's read-only
    buttons run on the replica, which may not have the wizard yet: they go to the primary
    then (:func:`~odoo.addons.jxc_stock.utils.check_on_replica`). A read-only button calls
    :meth:`_jxc_check_on_replica` first."""

    _name = "jxc.report.wizard.mixin"
    _description = "JXC Report Wizard"

    @api.readonly
    def web_read(self, specification):
        self._jxc_check_on_replica()
        return super().web_read(specification)

    def _jxc_check_on_replica(self):
        check_on_replica(self)

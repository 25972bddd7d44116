# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class JxcStockIntegrity(models.Model):
    _inherit = "jxc.stock.integrity"

    @api.model
    def _find_mismatches(self):
        # Receivables and payables of documents that are missing or were never posted.
        return super()._find_mismatches() + self._check_sources("jxc_finance_entry", "entry_source")

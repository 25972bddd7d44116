# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class JxcStockIntegrityLine(models.Model):
    _inherit = "jxc.stock.integrity.line"

    check_type = fields.Selection(
        selection_add=[("sale_period", "Sales analysis month vs ledger")],
        ondelete={"sale_period": "cascade"},
    )

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class JxcStockMove(models.Model):
    _inherit = "jxc.stock.move"

    move_type = fields.Selection(
        selection_add=[("scrap", "Scrap")],
        ondelete={"scrap": lambda moves: moves._keep_as_type("out")},
    )
    # A ledger column of the extension, filled through the documents' posting hooks.
    scrap_reason = fields.Char(readonly=True)

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class JxcStockMove(models.Model):
    _inherit = "jxc.stock.move"

    move_type = fields.Selection(
        selection_add=[("scrap", "Scrap")],
        ondelete={"scrap": lambda moves: moves._keep_on_uninstall("out")},
    )
    # A ledger column of the extension, filled through the documents' posting hooks.
    scrap_reason = fields.Char(readonly=True)

    @api.model
    def _keep_on_uninstall(self, move_type):
        # Posted history stays when the extension goes: the rows become plain issues.
        self.env.cr.execute(
            "UPDATE jxc_stock_move SET move_type = %s WHERE id = ANY(%s)", [move_type, self.ids]
        )

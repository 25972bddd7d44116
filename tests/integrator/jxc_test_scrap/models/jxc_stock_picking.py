# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class JxcStockPicking(models.Model):
    _inherit = "jxc.stock.picking"

    picking_type = fields.Selection(
        selection_add=[("scrap", "Scrap")],
        ondelete={"scrap": lambda pickings: pickings._keep_as_type("out")},
    )
    scrap_reason = fields.Char()

    @api.model
    def _get_picking_types(self):
        types = super()._get_picking_types()
        types["scrap"] = {
            "direction": "out",
            "post_groups": ("jxc_stock.group_jxc_stock_manager",),
            "manual": True,
        }
        return types

    def _check_can_post_scrap(self):
        if not self.scrap_reason:
            raise UserError(self.env._("%s: give the reason for scrapping.", self.name))

    def _prepare_move_vals(self, lines, numbers=None):
        vals_list = super()._prepare_move_vals(lines, numbers)
        for vals in vals_list:
            vals["scrap_reason"] = self.scrap_reason
        return vals_list

    def _after_post_scrap(self, lines):
        self._message_log(body=self.env._("Scrapped: %s", self.scrap_reason))

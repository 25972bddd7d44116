# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    jxc_warehouse_ids = fields.Many2many(
        "jxc.stock.warehouse",
        "jxc_stock_warehouse_res_users_rel",
        "user_id",
        "warehouse_id",
        string="Allowed Warehouses",
        help="For members of “JXC Inventory: Chosen Warehouses Only”: the only warehouses "
        "whose stock, ledger, reservations, documents, counts and replenishment they see and "
        "post. Stock managers are never limited.",
    )

    def write(self, vals):
        res = super().write(vals)
        if "jxc_warehouse_ids" in vals:
            # Record rules read the user's warehouses, and their domains are cached.
            self.env.registry.clear_cache()
        return res

    def _jxc_is_warehouse_restricted(self):
        """Whether the user sees and posts stock only in their allowed warehouses."""
        self.ensure_one()
        return self.has_group("jxc_stock.group_jxc_stock_chosen_warehouses") and not (
            self.has_group("jxc_stock.group_jxc_stock_manager")
        )

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression


class JxcStockWarehouse(models.Model):
    _name = "jxc.stock.warehouse"
    _description = "Warehouse"
    _inherit = ["mail.thread"]
    _order = "sequence, code, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, translate=False)
    code = fields.Char(required=True, size=16, tracking=True, help="Short unique code, e.g. WH01")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one("res.partner", string="Address")
    manager_id = fields.Many2one(
        "res.users", tracking=True, help="Receives this warehouse's alerts."
    )
    note = fields.Text()
    jxc_user_ids = fields.Many2many(
        "res.users",
        "jxc_stock_warehouse_res_users_rel",
        "warehouse_id",
        "user_id",
        string="Limited Users",
        groups="jxc_stock.group_jxc_stock_manager",
        help="Users limited to chosen warehouses (group “JXC Inventory: Chosen Warehouses "
        "Only”) who may work in this one: the users' Allowed Warehouses, seen from here.",
    )

    jxc_allowed = fields.Boolean(
        string="Allowed to Me",
        compute="_compute_jxc_allowed",
        search="_search_jxc_allowed",
        help="Whether you work in this warehouse: stock staff limited to chosen warehouses work "
        "in their Allowed Warehouses, everyone else in all of them.",
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The warehouse code must be unique per company.",
        ),
    ]

    def write(self, vals):
        if "company_id" in vals:
            self.check_access("write")
            stocked = self.filtered(
                lambda wh: (
                    wh.company_id.id != vals["company_id"]
                    and self.env["jxc.stock.move"]
                    .sudo()
                    .search_count([("warehouse_id", "=", wh.id)], limit=1)
                )
            )
            if stocked:
                # Its ledger, quants and averages are the company's own.
                raise UserError(
                    _(
                        "%s has held stock: it keeps its company.",
                        ", ".join(stocked.mapped("display_name")),
                    )
                )
        res = super().write(vals)
        if "jxc_user_ids" in vals:
            # Record rules read the users' warehouses, and their domains are cached.
            self.env.registry.clear_cache()
        return res

    @api.depends("code", "name")
    def _compute_display_name(self):
        for warehouse in self:
            warehouse.display_name = f"[{warehouse.code}] {warehouse.name}"

    @api.depends_context("uid")
    def _compute_jxc_allowed(self):
        user = self.env.user
        limited = user._jxc_is_warehouse_restricted()
        for warehouse in self:
            warehouse.jxc_allowed = not limited or warehouse._origin in user.jxc_warehouse_ids

    def _search_jxc_allowed(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search “Allowed to Me” with = or != True / False."))
        allowed = (operator == "=") == value
        user = self.env.user
        if not user._jxc_is_warehouse_restricted():
            return expression.TRUE_DOMAIN if allowed else expression.FALSE_DOMAIN
        return [("id", "in" if allowed else "not in", user.jxc_warehouse_ids.ids)]

    @api.model_create_multi
    def create(self, vals_list):
        warehouses = super().create(vals_list)
        if any(vals.get("jxc_user_ids") for vals in vals_list):
            self.env.registry.clear_cache()
        return warehouses

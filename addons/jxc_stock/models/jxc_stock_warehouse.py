# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


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
        return super().write(vals)

    @api.depends("code", "name")
    def _compute_display_name(self):
        for warehouse in self:
            warehouse.display_name = f"[{warehouse.code}] {warehouse.name}"

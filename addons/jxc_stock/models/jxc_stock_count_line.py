# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..utils import format_number, internal_context, is_internal


class JxcStockCountLine(models.Model):
    _name = "jxc.stock.count.line"
    _inherit = ["jxc.document.line.mixin"]
    _description = "Stock Count Line"
    _order = "count_id, product_id, lot_id, id"
    _jxc_document_field = "count_id"

    count_id = fields.Many2one("jxc.stock.count", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="count_id.company_id", store=True)
    currency_id = fields.Many2one(related="count_id.currency_id")
    state = fields.Selection(related="count_id.state")
    product_id = fields.Many2one(
        "product.product", required=True, domain="[('type', '=', 'consu')]"
    )
    product_tracking = fields.Selection(related="product_id.tracking")
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    lot_id = fields.Many2one(
        "jxc.stock.lot", string="Lot / Serial", domain="[('product_id', '=', product_id)]"
    )
    lot_name = fields.Char(string="New Lot", help="A lot found on the shelf and not yet known.")
    theoretical_quantity = fields.Float(
        string="System Qty", digits="Product Unit of Measure", readonly=True
    )
    counted_quantity = fields.Float(string="Counted Qty", digits="Product Unit of Measure")
    is_counted = fields.Boolean(string="Counted")
    difference_quantity = fields.Float(
        string="Difference",
        digits="Product Unit of Measure",
        compute="_compute_difference",
        store=True,
    )
    # Computed as superuser: a posted line reads its ledger row's cost, which counters without
    # the cost group may not read (the fields themselves stay hidden from them).
    unit_cost = fields.Float(
        string="Average Cost",
        digits="Product Price",
        compute="_compute_difference_value",
        compute_sudo=True,
        groups="jxc_stock.group_jxc_cost",
    )
    difference_value = fields.Monetary(
        string="Variance Value",
        compute="_compute_difference_value",
        compute_sudo=True,
        groups="jxc_stock.group_jxc_cost",
    )
    move_id = fields.Many2one("jxc.stock.move", string="Ledger Row", readonly=True)
    moved_since_snapshot = fields.Float(
        digits="Product Unit of Measure",
        compute="_compute_moved_since_snapshot",
        help="Ledger quantity posted after the snapshot; not part of the variance.",
    )

    @api.depends("counted_quantity", "theoretical_quantity", "is_counted")
    def _compute_difference(self):
        for line in self:
            line.difference_quantity = (
                line.counted_quantity - line.theoretical_quantity if line.is_counted else 0.0
            )

    @api.depends("difference_quantity", "product_id", "move_id")
    def _compute_difference_value(self):
        Valuation = self.env["jxc.stock.valuation"]
        for line in self:
            if line.move_id:
                # Posted: the ledger's value, which later cost changes do not touch.
                line.unit_cost = line.move_id.unit_cost
                line.difference_value = line.move_id.value
                continue
            cost = (
                Valuation._get_average_costs(line.product_id, line.count_id.company_id).get(
                    line.product_id.id, 0.0
                )
                if line.product_id
                else 0.0
            )
            line.unit_cost = cost
            line.difference_value = (
                line.count_id.currency_id.round(line.difference_quantity * cost)
                if line.count_id.currency_id
                else 0.0
            )

    def _compute_moved_since_snapshot(self):
        for line in self:
            count = line.count_id._origin
            if not count.snapshot_move_id or not line.product_id:
                line.moved_since_snapshot = 0.0
                continue
            self.env.cr.execute(
                """
                SELECT COALESCE(SUM(quantity), 0) FROM jxc_stock_move
                 WHERE id > %s AND product_id = %s AND warehouse_id = %s
                   AND COALESCE(lot_id, 0) = %s
                   AND (res_model IS DISTINCT FROM %s OR res_id IS DISTINCT FROM %s)
                """,
                [
                    count.snapshot_move_id,
                    line.product_id._origin.id,
                    count.warehouse_id.id,
                    line.lot_id._origin.id or 0,
                    count._name,
                    count.id,
                ],
            )
            line.moved_since_snapshot = float(self.env.cr.fetchone()[0])

    @api.onchange("counted_quantity")
    def _onchange_counted_quantity(self):
        self.is_counted = True

    @api.constrains("counted_quantity")
    def _check_counted_quantity(self):
        for line in self:
            if line.counted_quantity < 0:
                raise UserError(
                    _(
                        "%(count)s, %(product)s: a counted quantity cannot be negative (%(qty)s).",
                        count=line.count_id.name,
                        product=line.product_id.display_name,
                        qty=format_number(self.env, line.counted_quantity),
                    )
                )

    def write(self, vals):
        if (
            {"product_id", "lot_id"} & set(vals)
            and not is_internal(self.env)
            and any(line.state == "in_progress" and line.theoretical_quantity for line in self)
        ):
            raise UserError(_("The snapshot of a count being counted cannot be changed."))
        if "counted_quantity" in vals and "is_counted" not in vals:
            vals = dict(vals, is_counted=True)
        return super().write(vals)

    def _resolve_lots(self):
        lines = self.filtered(lambda ln: ln.lot_name and not ln.lot_id)
        keys = {ln: (ln.lot_name.strip(), ln.product_id.id, ln.company_id.id) for ln in lines}
        lots = self.env["jxc.stock.lot"]._get_or_create(dict.fromkeys(keys.values()))
        # A lot found on the shelf gets its record; the snapshot itself is unchanged.
        for line, key in keys.items():
            line.with_context(**internal_context()).lot_id = lots[key]

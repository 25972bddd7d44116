# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..utils import list_action


class ProductProduct(models.Model):
    _inherit = "product.product"

    jxc_quant_ids = fields.One2many("jxc.stock.quant", "product_id", string="Stock by Warehouse")
    jxc_on_hand = fields.Float(
        string="On Hand",
        compute="_compute_jxc_quantities",
        digits="Product Unit of Measure",
        help="In the warehouse of the context (`warehouse_id`), else in all warehouses.",
    )
    jxc_reserved = fields.Float(
        string="Reserved", compute="_compute_jxc_quantities", digits="Product Unit of Measure"
    )
    jxc_available = fields.Float(
        string="Available", compute="_compute_jxc_quantities", digits="Product Unit of Measure"
    )
    jxc_incoming = fields.Float(
        string="Incoming", compute="_compute_jxc_quantities", digits="Product Unit of Measure"
    )
    jxc_average_cost = fields.Float(
        string="Average Cost",
        compute="_compute_jxc_average_cost",
        digits="Product Price",
        groups="jxc_stock.group_jxc_cost",
    )

    # Per user too: stock staff limited to chosen warehouses count only theirs.
    @api.depends_context("warehouse_id", "company", "uid")
    def _compute_jxc_quantities(self):
        domain = [("product_id", "in", self.ids)]
        warehouse_id = self.env.context.get("warehouse_id")
        if warehouse_id:
            domain.append(("warehouse_id", "=", warehouse_id))
        groups = self.env["jxc.stock.quant"]._read_group(
            domain, ["product_id"], ["quantity:sum", "reserved_quantity:sum"]
        )
        totals = {product.id: (qty, reserved) for product, qty, reserved in groups}
        incoming = self._get_jxc_incoming(warehouse_id)
        for product in self:
            qty, reserved = totals.get(product.id, (0.0, 0.0))
            product.jxc_on_hand = qty
            product.jxc_reserved = reserved
            product.jxc_available = qty - reserved
            product.jxc_incoming = incoming.get(product.id, 0.0)

    def _get_jxc_incoming(self, warehouse_id=None):
        """{product id: quantity on its way}; jxc_purchase adds open purchase quantities."""
        return {}

    @api.depends_context("company")
    def _compute_jxc_average_cost(self):
        costs = self.env["jxc.stock.valuation"]._get_average_costs(self, self.env.company)
        for product in self:
            product.jxc_average_cost = costs.get(product.id, 0.0)

    def _is_jxc_counted(self):
        """Whether the ledger, a reservation or a document line counts any of these products
        (then their base unit is fixed)."""
        if not self:
            return False
        domain = [("product_id", "in", self.ids)]
        models = [
            "jxc.stock.move",
            "jxc.stock.reservation",
            *self.env["product.packaging"]._get_jxc_line_models(),
        ]
        return any(
            self.env[model].sudo().with_context(active_test=False).search_count(domain, limit=1)
            for model in models
        )

    def action_view_jxc_reservations(self):
        """Who holds my stock: the open reservations of these products."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "jxc_stock.jxc_stock_reservation_action"
        )
        action["domain"] = [("product_id", "in", self.ids), ("state", "=", "open")]
        return action

    def action_view_jxc_moves(self):
        return list_action(
            self.env, "jxc_stock.jxc_stock_move_action", [("product_id", "in", self.ids)]
        )

    @api.constrains("barcode")
    def _check_barcode_not_lot(self):
        # Odoo checks products against products and packagings; JXC adds its lots.
        for product in self.filtered("barcode"):
            self.env["jxc.stock.lot"]._check_barcode_free(
                product.barcode, product.company_id, exclude=product
            )

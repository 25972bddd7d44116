# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _get_jxc_incoming(self, warehouse_id=None):
        incoming = super()._get_jxc_incoming(warehouse_id)
        warehouses = self.env["jxc.stock.warehouse"].browse(warehouse_id or [])
        for (product_id, _warehouse), qty in (
            self.env["jxc.purchase.order.line"]._get_incoming_by_key(self, warehouses).items()
        ):
            incoming[product_id] = incoming.get(product_id, 0.0) + qty
        return incoming

    def _get_jxc_preferred_supplier(self):
        """The first supplier of the product (product.supplierinfo), or an empty partner."""
        return self._get_jxc_preferred_seller().partner_id

    def _get_jxc_preferred_seller(self):
        """The first price list line (product.supplierinfo) of the product, or none."""
        self.ensure_one()
        sellers = self.seller_ids.filtered(
            lambda s: not s.product_id or s.product_id == self
        ).sorted(lambda s: (s.sequence, s.id))
        return sellers[:1]

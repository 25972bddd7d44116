# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class JxcStockIntegrity(models.Model):
    _inherit = "jxc.stock.integrity"

    @api.model
    def _check_reservation_demands(self):
        # Stock is held only for orders that are confirmed and not closed.
        results = super()._check_reservation_demands()
        self.env.cr.execute("""
            SELECT r.id, r.name, r.product_id, r.warehouse_id, r.quantity
              FROM jxc_stock_reservation r
              JOIN jxc_sale_order_line l ON l.id = r.res_id
              JOIN jxc_sale_order o ON o.id = l.order_id
             WHERE r.state = 'open' AND r.res_model = 'jxc.sale.order.line'
               AND o.state <> 'confirmed'
        """)
        return results + self._reservation_mismatches(self.env.cr.fetchall())

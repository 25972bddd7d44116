# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class JxcSaleOrderLine(models.Model):
    _inherit = "jxc.sale.order.line"

    def _jxc_billed_quantity(self, qty_cancelled=None):
        """What the customer pays for: ordered − cancelled − returned (line unit; returned
        from the posted moves, not the rounded ``qty_returned``, so that single bottles of a
        line in cases credit exactly their share). ``qty_cancelled``: instead of the line's."""
        self.ensure_one()
        cancelled = self.qty_cancelled if qty_cancelled is None else qty_cancelled
        return self.quantity - cancelled - self._qty_from_base(self._base_posted("sale_return"))

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class JxcSaleOrderLine(models.Model):
    _inherit = "jxc.sale.order.line"

    def _jxc_billed_quantity(self):
        """What the customer pays for: ordered − cancelled − returned (line unit)."""
        self.ensure_one()
        return self.quantity - self.qty_cancelled - self.qty_returned

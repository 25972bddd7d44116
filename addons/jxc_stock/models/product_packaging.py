# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ProductPackaging(models.Model):
    _inherit = "product.packaging"

    @api.constrains("barcode")
    def _check_barcode_not_lot(self):
        # Odoo checks packagings against products and packagings; JXC adds its lots.
        for packaging in self.filtered("barcode"):
            self.env["jxc.stock.lot"]._check_barcode_free(
                packaging.barcode, packaging.company_id, exclude=packaging
            )

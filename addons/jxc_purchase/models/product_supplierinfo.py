# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from .jxc_purchase_order import PRICE_GROUPS


class ProductSupplierinfo(models.Model):
    """Supplier prices are purchase prices: not for stock or sales staff."""

    _inherit = "product.supplierinfo"

    price = fields.Float(groups=PRICE_GROUPS)
    price_discounted = fields.Float(groups=PRICE_GROUPS)

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": _("Import Template for Supplier Prices (JXC)"),
                "template": "/jxc_purchase/static/xls/jxc_supplierinfo_template.xlsx",
            },
            *super().get_import_templates(),
        ]

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    def write(self, vals):
        # The category is a key of the sales analysis's monthly sums, and the ledger rows
        # follow their product's category: the product's sales move with it.
        if "categ_id" not in vals or not self.ids:
            return super().write(vals)
        Period = self.env["jxc.report.sale.period"]
        where = "r.product_id = ANY(%(product_ids)s)"
        params = {
            "product_ids": self.with_context(active_test=False).product_variant_ids.ids,
        }
        Period._jxc_apply(where, params, sign=-1)
        res = super().write(vals)
        Period._jxc_apply(where, params)
        return res

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class JxcSaleOrder(models.Model):
    _inherit = "jxc.sale.order"

    def write(self, vals):
        # The salesperson is a key of the sales analysis's monthly sums, and stays writable
        # on a confirmed order: its sales move from the old one to the new one.
        if "user_id" not in vals or not self.ids:
            return super().write(vals)
        Period = self.env["jxc.report.sale.period"]
        where = "r.order_id = ANY(%(order_ids)s)"
        params = {"order_ids": list(self.ids)}
        Period._jxc_apply(where, params, sign=-1)
        res = super().write(vals)
        Period._jxc_apply(where, params)
        return res

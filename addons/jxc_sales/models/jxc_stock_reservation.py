# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class JxcStockReservation(models.Model):
    _inherit = "jxc.stock.reservation"

    @api.model
    def _check_demand_model(self, res_model):
        # Sale order lines hold stock through their order's confirmation and cancellation only:
        # a second reservation through the API would promise the same goods twice.
        if res_model == "jxc.sale.order.line":
            raise UserError(
                _("Sale orders reserve and release stock through their own actions only.")
            )
        return super()._check_demand_model(res_model)

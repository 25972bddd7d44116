# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.addons.jxc_stock.utils import today

from .common import JxcSalesCommon


class TestSaleForecastHistory(JxcSalesCommon):
    def test_demand_is_deliveries_minus_returns(self):
        self._receive(self.product, 20, 5.0)
        order = self._make_order([(self.product, 10)])
        order.action_confirm()
        delivery = self._delivery(order)
        delivery.action_done()
        sale_return = self.env["jxc.stock.picking"].browse(
            delivery.action_create_sale_return()["res_id"]
        )
        sale_return.line_ids.quantity = 3
        sale_return.action_done()
        Forecast = self.env["jxc.stock.forecast"]
        last_week = Forecast._week_start(today(self.env)) - timedelta(weeks=1)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE jxc_stock_move SET date = %s WHERE picking_id = ANY(%s)",
            [last_week + timedelta(days=1), [delivery.id, sale_return.id]],
        )
        history = Forecast._get_weekly_history(
            self.company, last_week - timedelta(weeks=4), last_week + timedelta(weeks=1)
        )
        self.assertEqual(history[(self.product.id, self.wh1.id)], {last_week: 7.0})

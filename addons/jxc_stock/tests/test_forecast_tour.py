# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import JxcHttpCase
from .test_forecast import ForecastCommon


@tagged("post_install", "-at_install")
class TestForecastTour(ForecastCommon, JxcHttpCase):
    """销售预测 → 补货建议 in the browser, as a stock manager: the shop's forecast and its
    chart, then the suggestions computed, the transfer from the main warehouse selected and
    turned into a draft transfer (static/tests/tours/jxc_forecast_tour.js)."""

    def _oat_milk_forecasts(self):
        self.product.name = "Tour Oat Milk"
        # 60 weeks of sales: the main warehouse about 40 a week, the shop a rising 10 → 39.
        self._compute(
            {
                (self.product, self.wh1): [40.0 + (t % 3) for t in range(60)],
                (self.product, self.wh2): [10.0 + 0.5 * t for t in range(60)],
            }
        )

    def test_stock_user_reads_the_chart(self):
        """The chart's graph view (static/src/forecast) runs for a stock user too, who reads
        forecasts but does not recompute them (a JavaScript error fails the tour)."""
        self._oat_milk_forecasts()
        self.start_tour("/odoo", "jxc_forecast_chart", login=self.stock_user.login)

    def test_forecast_chart_then_transfer(self):
        self._oat_milk_forecasts()
        rules = self.env["jxc.stock.rule"].create(
            [
                {
                    "product_id": self.product.id,
                    "warehouse_id": warehouse.id,
                    "replenish_method": "forecast",
                    "lead_days": 7,
                    "review_weeks": 1,
                }
                for warehouse in (self.wh1, self.wh2)
            ]
        )
        self._receive(self.product, 300, 2.0)
        self._receive(self.product, 5, 2.0, warehouse=self.wh2)
        Picking = self.env["jxc.stock.picking"]
        transfers_before = Picking.search([("picking_type", "=", "internal")])
        self.start_tour("/odoo", "jxc_forecast_replenish", login=self.stock_manager.login)
        transfer = Picking.search([("picking_type", "=", "internal")]) - transfers_before
        self.assertRecordValues(
            transfer,
            [
                {
                    "state": "draft",
                    "warehouse_id": self.wh1.id,
                    "dest_warehouse_id": self.wh2.id,
                    "create_uid": self.stock_manager.id,
                }
            ],
        )
        # The shop orders up to its reorder point plus a review week of its forecast.
        shop = self._forecast(self.product, self.wh2)
        self.assertEqual(shop.method, "drift")
        levels = self.env["jxc.stock.replenish"]._get_levels(rules[1], shop)
        self.assertEqual(transfer.line_ids.product_id, self.product)
        self.assertAlmostEqual(transfer.line_ids.quantity, levels[1] - 5, places=2)
        self.assertFalse(
            self.env["jxc.stock.replenish"].search([("product_id", "=", self.product.id)]),
            "the suggestions turned into documents are gone",
        )

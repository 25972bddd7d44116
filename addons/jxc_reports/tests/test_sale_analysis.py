# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.jxc_sales.tests.common import JxcSalesCommon


class TestSaleAnalysis(JxcSalesCommon):
    def test_gross_profit_is_revenue_minus_cogs(self):
        self._receive(self.product, 10, 4.0)
        self._receive(self.product, 10, 4.5)  # average 4.25
        order = self._make_order(
            [
                {
                    "product_id": self.product.id,
                    "quantity": 1,
                    "uom_id": self.uom_dozen.id,
                    "price_unit": 120.0,
                    "discount": 10.0,
                    "tax_rate": 13.0,
                }
            ]
        )
        order.action_confirm()
        delivery = order.picking_ids
        delivery.action_done()
        sale_return = self.env["jxc.stock.picking"].browse(
            delivery.action_create_sale_return()["res_id"]
        )
        sale_return.line_ids.write({"uom_id": self.uom_unit.id, "quantity": 1})  # one unit back
        sale_return.action_done()
        self.env.flush_all()
        rows = self.env["jxc.report.sale"].search([("order_id", "=", order.id)])
        # 12 units at 108.00 a dozen (9.00 a unit) shipped at 4.25; one came back.
        self.assertAlmostEqual(sum(rows.mapped("quantity")), 11)
        self.assertAlmostEqual(sum(rows.mapped("revenue")), 99.0)
        self.assertAlmostEqual(sum(rows.mapped("cogs")), 46.75)
        self.assertAlmostEqual(sum(rows.mapped("gross_profit")), 52.25)
        for row in rows:
            self.assertAlmostEqual(row.gross_profit, row.revenue - row.cogs)
        groups = self.env["jxc.report.sale"]._read_group(
            [("order_id", "=", order.id)], ["partner_id"], ["revenue:sum", "gross_profit:sum"]
        )
        self.assertEqual(groups, [(self.customer, 99.0, 52.25)])

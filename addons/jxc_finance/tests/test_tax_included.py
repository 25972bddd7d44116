# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import JxcFinanceCommon


@tagged("post_install", "-at_install")
class TestTaxIncludedPrices(JxcFinanceCommon):
    """含税价 (#13, part): prices quoted with tax; untaxed amounts calculated back to the cent
    per line; orders total what was quoted; costs, margins and money follow."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product2.product_tmpl_id.jxc_tax_rate = 9.0  # e.g. farm produce

    def test_lines_start_with_the_products_tax_rate(self):
        order = self._make_order([(self.product, 1, 10.0), (self.product2, 1, 10.0)])
        self.assertEqual(order.line_ids.mapped("tax_rate"), [13.0, 9.0])
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            self.product.product_tmpl_id.jxc_tax_rate = 130
        with self.assertRaisesRegex(UserError, "between 0 and 100"):
            order.line_ids[:1].tax_rate = 101

    def test_sale_with_tax_included_to_the_cent(self):
        self._receive(self.product, 50, 5.0)
        self._receive(self.product2, 50, 60.0)
        self.company.jxc_price_include_tax = True
        order = self._make_order([(self.product, 7, 9.99), (self.product2, 1, 113.0)])
        self.assertTrue(order.price_include_tax)
        self.assertRecordValues(
            order.line_ids,
            [
                # 69.93 quoted: 69.93 / 1.13 = 61.884… → 61.88 untaxed, 8.05 tax
                {"price_total": 69.93, "price_subtotal": 61.88, "price_tax": 8.05},
                # 113.00 quoted at 9 %: 103.669… → 103.67 untaxed, 9.33 tax
                {"price_total": 113.0, "price_subtotal": 103.67, "price_tax": 9.33},
            ],
        )
        self.assertAlmostEqual(order.amount_total, 182.93, places=2)
        self.assertAlmostEqual(order.amount_untaxed, 165.55, places=2)
        self.assertAlmostEqual(order.amount_tax, 17.38, places=2)
        order.action_confirm()
        self.assertAlmostEqual(sum(self._receivables(order).mapped("amount")), 182.93, places=2)
        # Margins are untaxed: 61.88 − 7 × 5.00 cost.
        self.assertAlmostEqual(order.line_ids[0].margin, 61.88 - 35.0, places=2)
        delivery = order.picking_ids
        delivery.action_done()
        ret = self.env["jxc.stock.picking"].browse(delivery.action_create_sale_return()["res_id"])
        ret.line_ids.filtered(lambda ln: ln.product_id == self.product).quantity = 1
        ret.line_ids.filtered(lambda ln: ln.product_id == self.product2).unlink()
        ret.action_done()
        # One of seven returned: 69.93 / 7 = 9.99 back, to the cent.
        self.assertEqual(sorted(self._receivables(order).mapped("amount")), sorted([182.93, -9.99]))

    def test_purchase_with_tax_included_costs_untaxed(self):
        order = self._purchase([(self.product, 3, 113.0)], price_include_tax=True)
        self.assertRecordValues(
            order.line_ids, [{"price_total": 339.0, "price_subtotal": 300.0, "price_tax": 39.0}]
        )
        order.action_confirm()
        receipt = order.picking_ids
        self.assertAlmostEqual(receipt.line_ids.unit_cost, 100.0)
        receipt.action_done()
        self.assertAlmostEqual(receipt.move_ids.value, 300.0)
        payables = self.env["jxc.finance.entry"].search([("origin", "=", order.name)])
        self.assertAlmostEqual(sum(payables.mapped("amount")), 339.0)

    def test_prices_without_tax_stay_as_they_were(self):
        order = self._purchase([(self.product, 3, 100.0)])
        self.assertFalse(order.price_include_tax)
        self.assertRecordValues(
            order.line_ids, [{"price_total": 339.0, "price_subtotal": 300.0, "price_tax": 39.0}]
        )

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import JxcFinanceCommon


@tagged("post_install", "-at_install")
class TestPackaging(JxcFinanceCommon):
    """多单位 (#13): a product sold by the bottle and by the case; lines entered in cases keep
    the case price as is, convert exactly to bottles in stock, and money follows the cases."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bottle = cls.env.ref("jxc_stock.uom_bottle")
        cls.beer = cls.env["product.product"].create(
            {
                "name": "Test Beer",
                "type": "consu",
                "uom_id": cls.bottle.id,
                "uom_po_id": cls.bottle.id,
                "list_price": 8.5,
                "default_code": "T-BEER",
                "barcode": "6900000000991",
            }
        )
        Packaging = cls.env["product.packaging"]
        cls.case = Packaging.create(
            {
                "name": "箱",
                "product_id": cls.beer.id,
                "qty": 12,
                "barcode": "16900000000012",
                "jxc_sale_price": 98.50,
                "jxc_purchase_price": 60.00,
            }
        )
        cls.pack = Packaging.create({"name": "中包", "product_id": cls.beer.id, "qty": 6})

    def _sale(self, quantity, packaging, **vals):
        return self._make_order(
            [
                {
                    "product_id": self.beer.id,
                    "packaging_id": packaging.id,
                    "quantity": quantity,
                    "tax_rate": 13.0,
                }
            ],
            **vals,
        )

    def test_sale_in_cases_keeps_the_case_price_and_ships_bottles(self):
        self._receive(self.beer, 1200, 5.0)
        order = self._sale(50, self.case)
        line = order.line_ids
        self.assertRecordValues(
            line,
            [
                {
                    "uom_id": self.bottle.id,
                    "price_unit": 98.50,  # the case price as is, not 12 × 8.50
                    "price_subtotal": 4925.00,
                    "price_tax": 640.25,
                    "price_total": 5565.25,
                    "quantity_display": "50 箱 (600 Bottle)",
                }
            ],
        )
        order.action_confirm()
        self.assertAlmostEqual(line.qty_reserved, 50.0)
        self.assertAlmostEqual(self._quant(self.beer).reserved_quantity, 600.0)
        # Margin is untaxed revenue less 600 bottles at 5.00.
        self.assertAlmostEqual(line.margin, 4925.00 - 3000.00, places=2)
        delivery = self._delivery(order)
        self.assertRecordValues(
            delivery.line_ids, [{"packaging_id": self.case.id, "quantity": 50.0}]
        )
        delivery.action_done()
        self.assertAlmostEqual(delivery.move_ids.quantity, -600.0)
        self.assertAlmostEqual(self._quant(self.beer).quantity, 600.0)
        self.assertAlmostEqual(line.qty_delivered, 50.0)
        self.assertAlmostEqual(sum(self._receivables(order).mapped("amount")), 5565.25)
        # Ten cases come back: 1,113.05 of the 5,565.25, to the cent.
        ret = self.env["jxc.stock.picking"].browse(delivery.action_create_sale_return()["res_id"])
        self.assertEqual(ret.line_ids.packaging_id, self.case)
        ret.line_ids.quantity = 10
        ret.action_done()
        self.assertAlmostEqual(ret.move_ids.quantity, 120.0)
        self.assertAlmostEqual(line.qty_returned, 10.0)
        self.assertEqual(
            sorted(self._receivables(order).mapped("amount")), sorted([5565.25, -1113.05])
        )
        self.assertLedgerConsistent()

    def test_printed_quotation_shows_cases_with_bottles_and_tax_included_amounts(self):
        self.company.jxc_price_include_tax = True
        order = self._sale(50, self.case)
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "jxc_sales.report_jxc_sale_order", order.ids
        )
        text = " ".join(html.decode().split())
        self.assertIn("<span>箱</span>", text)
        self.assertIn("(600 Bottle)</span>", text)
        self.assertIn("Unit Price (Tax Incl.)", text)
        self.assertIn("Amount (Tax Incl.)", text)
        self.assertIn("4,925.00", text)  # 50 × 98.50 as quoted, tax included
        self.assertIn("人民币 <span>肆仟玖佰贰拾伍元整</span>", text)

    def test_sale_in_a_packaging_without_price_is_the_unit_price_times_content(self):
        order = self._sale(3, self.pack)
        # 6 × 8.50 from the pricelist, per 中包.
        self.assertAlmostEqual(order.line_ids.price_unit, 51.0)
        self.assertAlmostEqual(order.amount_untaxed, 153.0)
        self.assertEqual(order.line_ids.quantity_display, "3 中包 (18 Bottle)")

    def test_tax_included_case_price_to_the_cent(self):
        self.company.jxc_price_include_tax = True
        order = self._sale(7, self.case)
        # 7 × 98.50 = 689.50 quoted with tax: 689.50 / 1.13 = 610.176… → 610.18 untaxed.
        self.assertRecordValues(
            order.line_ids,
            [{"price_total": 689.50, "price_subtotal": 610.18, "price_tax": 79.32}],
        )

    def test_purchase_in_cases_costs_bottles_exactly(self):
        order = self._purchase([])
        order.write(
            {
                "line_ids": [
                    Command.create(
                        {
                            "product_id": self.beer.id,
                            "packaging_id": self.case.id,
                            "quantity": 10,
                            "tax_rate": 13.0,
                        }
                    )
                ]
            }
        )
        line = order.line_ids
        self.assertRecordValues(
            line, [{"price_unit": 60.0, "price_subtotal": 600.0, "price_total": 678.0}]
        )
        order.action_confirm()
        receipt = order.picking_ids
        self.assertRecordValues(
            receipt.line_ids,
            [{"packaging_id": self.case.id, "quantity": 10.0, "unit_cost": 60.0}],
        )
        # Two and a half cases arrive first (30 bottles), the rest later.
        receipt.line_ids.quantity_done = 2.5
        receipt.action_done()
        self.assertAlmostEqual(receipt.move_ids.quantity, 30.0)
        self.assertAlmostEqual(receipt.move_ids.unit_cost, 5.0)
        self.assertAlmostEqual(line.qty_received, 2.5)
        self.assertAlmostEqual(line.qty_to_receive, 7.5)
        payables = self.env["jxc.finance.entry"].search([("origin", "=", order.name)])
        self.assertAlmostEqual(sum(payables.mapped("amount")), 169.5)  # 678.00 / 4
        self.assertAlmostEqual(self._valuation(self.beer).average_cost, 5.0)
        # Over-receiving is measured in cases too: 7.5 left, 8 is too many.
        backorder = order.picking_ids.filtered(lambda p: p.state == "draft")
        backorder.line_ids.quantity_done = 8
        with self.assertRaisesRegex(UserError, "would bring 10.5 of 10 箱"), self.cr.savepoint():
            backorder.action_done()
        self.assertAlmostEqual(line.qty_received, 2.5)

    def test_last_price_in_the_same_packaging_is_exact(self):
        self._receive(self.beer, 1200, 5.0)
        first = self._sale(2, self.case)
        first.line_ids.price_unit = 97.30
        first.action_confirm()
        second = self._sale(1, self.case)
        self.assertAlmostEqual(second.line_ids.last_price, 97.30, places=6)
        in_bottles = self._make_order([{"product_id": self.beer.id, "quantity": 1}])
        self.assertAlmostEqual(in_bottles.line_ids.last_price, 8.11, places=2)  # 97.30 / 12

    def test_bad_packagings_write_nothing(self):
        Packaging = self.env["product.packaging"]
        for qty in (0, -12, float("nan"), "12", 1e10):
            with (
                self.assertRaisesRegex(UserError, "Contained Quantity|above 0"),
                self.cr.savepoint(),
            ):
                Packaging.create({"name": "坏箱", "product_id": self.beer.id, "qty": qty})
        for price in (-1, float("nan"), 1e12):
            with self.assertRaisesRegex(UserError, "Sale Price"), self.cr.savepoint():
                self.case.write({"jxc_sale_price": price})
        self.assertAlmostEqual(self.case.jxc_sale_price, 98.50)
        self.assertFalse(Packaging.search([("name", "=", "坏箱")]))
        # A barcode is one product's or one packaging's.
        with self.assertRaises(ValidationError), self.cr.savepoint():
            Packaging.create(
                {"name": "箱", "product_id": self.product.id, "qty": 24, "barcode": "690000001"}
            )

    def test_line_packaging_must_fit_the_product(self):
        other = self.env["product.packaging"].create(
            {"name": "箱", "product_id": self.product.id, "qty": 24}
        )
        count = self.env["jxc.sale.order.line"].search_count([])
        with self.assertRaisesRegex(UserError, "is not a packaging of"), self.cr.savepoint():
            self._make_order(
                [{"product_id": self.beer.id, "packaging_id": other.id, "quantity": 1}]
            )
        order = self._sale(1, self.case)
        with self.assertRaisesRegex(UserError, "counted in packagings"), self.cr.savepoint():
            order.line_ids.uom_id = self.uom_dozen
        self.assertEqual(self.env["jxc.sale.order.line"].search_count([]), count + 1)

    def test_used_packaging_content_is_fixed(self):
        self._sale(1, self.case)
        with self.assertRaisesRegex(UserError, "used on documents"), self.cr.savepoint():
            self.case.qty = 24
        with self.assertRaisesRegex(UserError, "used on documents"), self.cr.savepoint():
            self.case.unlink()
        self.assertAlmostEqual(self.case.qty, 12)
        # Name, barcode and prices may change; an unused packaging may change its content.
        self.case.write({"name": "整箱", "jxc_sale_price": 99.0})
        self.pack.qty = 4
        self.assertAlmostEqual(self.pack.qty, 4)

    def test_packaging_prices_by_role(self):
        sales_user = self.sales_user
        self.assertAlmostEqual(self.case.with_user(sales_user).jxc_sale_price, 98.50)
        with self.assertRaises(AccessError):
            self.case.with_user(sales_user).read(["jxc_purchase_price"])
        with self.assertRaises(AccessError):
            self.case.with_user(self.stock_user).write({"qty": 6})
        # Stock staff never see sale prices, nor purchase prices.
        for field in ("jxc_sale_price", "jxc_purchase_price"):
            with self.assertRaises(AccessError):
                self.case.with_user(self.stock_user).read([field])
        with self.assertRaises(AccessError):
            self.beer.product_tmpl_id.with_user(self.stock_user).read(["jxc_min_sale_price"])
        with self.assertRaises(AccessError):
            self.case.with_user(sales_user).write({"jxc_sale_price": 1.0})
        self.assertAlmostEqual(self.case.jxc_sale_price, 98.50)
        # A stock user still posts the delivery of a sale in cases.
        self._receive(self.beer, 120, 5.0)
        order = self._sale(2, self.case)
        order.action_confirm()
        delivery = self._delivery(order).with_user(self.stock_user)
        delivery.action_done()
        self.assertAlmostEqual(delivery.move_ids.quantity, -24.0)
        self.assertAlmostEqual(sum(self._receivables(order).mapped("amount")), 222.61)

    def test_scanning_cases_and_bottles(self):
        self._receive(self.beer, 1200, 5.0)
        order = self._make_order([])
        order.action_jxc_scan("16900000000012")
        order.action_jxc_scan("16900000000012")
        order.action_jxc_scan("6900000000991")
        # A case adds to the line in cases at the case price, a bottle to a line in bottles.
        self.assertRecordValues(
            order.line_ids.sorted("id"),
            [
                {"packaging_id": self.case.id, "quantity": 2.0, "price_unit": 98.50},
                {"packaging_id": False, "quantity": 1.0, "price_unit": 8.50},
            ],
        )

    def test_scanning_a_receipt_of_cases_counts_exactly(self):
        order = self._purchase([])
        order.write(
            {
                "line_ids": [
                    Command.create(
                        {"product_id": self.beer.id, "packaging_id": self.case.id, "quantity": 10}
                    )
                ]
            }
        )
        order.action_confirm()
        receipt = order.picking_ids
        receipt.action_jxc_scan("16900000000012")
        self.assertRecordValues(
            receipt.line_ids,
            [{"packaging_id": self.case.id, "quantity_done": 1.0, "quantity_ordered": 10.0}],
        )
        # A single bottle on a line of cases: the line counts bottles from now on, and so
        # does what was ordered (120 瓶, not "10" next to 瓶).
        receipt.action_jxc_scan("6900000000991")
        self.assertRecordValues(
            receipt.line_ids,
            [
                {
                    "packaging_id": False,
                    "uom_id": self.bottle.id,
                    "quantity": 120.0,
                    "quantity_done": 13.0,
                    "quantity_ordered": 120.0,
                }
            ],
        )
        receipt.action_done()
        self.assertAlmostEqual(receipt.move_ids.quantity, 13.0)
        self.assertAlmostEqual(receipt.move_ids.unit_cost, 5.0)
        self.assertAlmostEqual(order.line_ids.qty_received, 13 / 12, places=2)

    # Review of #13: a delivery, return or receipt of single bottles of a line in cases is a
    # fraction of a case (1 bottle = 0.0833… 箱) that the stored quantities round to the unit's
    # precision (0.08); the money must follow the bottles, not the rounded fractions.

    def _deliver_bottles(self, picking, bottles):
        line = picking.line_ids
        line.write(
            {
                "packaging_id": False,
                "uom_id": self.bottle.id,
                "quantity": line._qty_to_base(line.quantity),
                "quantity_done": bottles,
            }
        )
        picking.action_done()

    def test_cancel_after_delivering_bottles_of_cases_bills_the_bottles(self):
        self._receive(self.beer, 1200, 5.0)
        order = self._sale(2, self.case)  # 2 × 98.50 + 13% = 222.61 for 24 bottles
        order.action_confirm()
        self._deliver_bottles(self._delivery(order), 1)
        order.action_cancel()
        line = order.line_ids
        # One bottle of 24 is billed: 222.61 / 24 = 9.275… → 9.28, not 0.08 箱 = 8.90.
        self.assertAlmostEqual(sum(self._receivables(order).mapped("amount")), 9.28, places=2)
        self.assertAlmostEqual(line._value_of(line._jxc_billed_quantity()), 9.28, places=2)
        # The bottle comes back: nothing is owed any more.
        delivery = order.picking_ids.filtered(lambda p: p.state == "done")
        ret = self.env["jxc.stock.picking"].browse(delivery.action_create_sale_return()["res_id"])
        ret.action_done()
        self.assertAlmostEqual(sum(self._receivables(order).mapped("amount")), 0.0, places=2)
        self.assertLedgerConsistent()

    def test_returned_bottles_of_cases_credit_the_bottles(self):
        self._receive(self.beer, 1200, 5.0)
        order = self._sale(2, self.case)
        order.action_confirm()
        delivery = self._delivery(order)
        delivery.action_done()
        for _i in range(3):  # three single bottles back, one return each
            ret = self.env["jxc.stock.picking"].browse(
                delivery.action_create_sale_return()["res_id"]
            )
            self._deliver_bottles(ret, 1)
        # 21 bottles of 24 are billed: 222.61 × 21 / 24 = 194.78375 → 194.78.
        self.assertAlmostEqual(sum(self._receivables(order).mapped("amount")), 194.78, places=2)
        self.assertLedgerConsistent()

    def test_receiving_bottles_of_cases_pays_the_order_total(self):
        order = self._purchase([])
        order.write(
            {
                "line_ids": [
                    Command.create(
                        {
                            "product_id": self.beer.id,
                            "packaging_id": self.case.id,
                            "quantity": 2,
                            "price_unit": 98.5,
                            "tax_rate": 13.0,
                        }
                    )
                ]
            }
        )
        order.action_confirm()
        for _i in range(3):  # three single bottles, then the other 21
            receipt = order.picking_ids.filtered(lambda p: p.state == "draft")
            self._deliver_bottles(receipt, 1)
        payables = self.env["jxc.finance.entry"].search([("purchase_id", "=", order.id)])
        # Three bottles of 24: 222.61 × 3 / 24 = 27.82625 → 27.83.
        self.assertAlmostEqual(sum(payables.mapped("amount")), 27.83, places=2)
        order.picking_ids.filtered(lambda p: p.state == "draft").action_done()
        payables = self.env["jxc.finance.entry"].search([("purchase_id", "=", order.id)])
        self.assertAlmostEqual(sum(payables.mapped("amount")), 222.61, places=2)
        self.assertLedgerConsistent()

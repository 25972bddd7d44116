# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.fields import Command
from odoo.tests import Form, new_test_user

from .common import JxcPurchaseCommon

ORDER_PRICES = ["amount_untaxed", "amount_tax", "amount_total", "amount_total_company"]
LINE_PRICES = ["price_unit", "price_subtotal", "price_tax", "price_total", "last_price"]
RECEIPT_PRICES = ["purchase_price_unit", "purchase_value"]
COSTS = {
    "jxc.stock.picking.line": ["unit_cost", "value"],
    "jxc.stock.picking": ["amount_total"],
    "jxc.stock.move": ["unit_cost", "value"],
    "jxc.stock.quant": ["value"],
    "jxc.stock.valuation": ["value", "average_cost"],
}


class TestPurchasePriceAccess(JxcPurchaseCommon):
    """Purchase prices are for purchase staff and the cost group; stock staff post receipts
    without them; purchase staff see their receipts' prices but no other cost."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._make_order([(cls.product, 10, 5.0)])
        cls.order.action_confirm()
        cls.receipt = cls._receipt(cls.order)
        cls.receipt.action_done()

    def _costed_records(self):
        return {
            "jxc.stock.picking.line": self.receipt.line_ids,
            "jxc.stock.picking": self.receipt,
            "jxc.stock.move": self.receipt.move_ids,
            "jxc.stock.quant": self._quant(self.product),
            "jxc.stock.valuation": self._valuation(self.product),
        }

    def test_stock_user_sees_no_purchase_price(self):
        self.assertFieldsHidden(self.stock_user, self.order, ORDER_PRICES)
        self.assertFieldsHidden(self.stock_user, self.order.line_ids, LINE_PRICES)
        self.assertFieldsHidden(self.stock_user, self.receipt.line_ids, RECEIPT_PRICES)
        self.assertFieldsHidden(self.stock_user, self.receipt, ["purchase_amount_total"])
        self.assertFieldsHidden(self.stock_user, self.supplier, ["jxc_purchase_total"])
        for model, records in self._costed_records().items():
            self.assertFieldsHidden(self.stock_user, records, COSTS[model])

    def test_purchase_user_sees_prices_not_costs(self):
        user = self.purchase_user
        self.assertFieldsRead(
            user,
            self.order,
            {
                "amount_untaxed": 50.0,
                "amount_tax": 6.5,
                "amount_total": 56.5,
                "amount_total_company": 56.5,
            },
        )
        self.assertFieldsRead(
            user,
            self.order.line_ids,
            {"price_unit": 5.0, "price_subtotal": 50.0, "price_tax": 6.5, "price_total": 56.5},
        )
        self.assertFieldsRead(
            user, self.receipt.line_ids, {"purchase_price_unit": 5.0, "purchase_value": 50.0}
        )
        self.assertFieldsRead(user, self.receipt, {"purchase_amount_total": 50.0})
        self.assertFieldsRead(user, self.supplier, {"jxc_purchase_total": 56.5})
        # The cost of other documents and of the stock is not a purchase price.
        for model, records in self._costed_records().items():
            self.assertFieldsHidden(user, records, COSTS[model])

    def test_cost_group_sees_prices_and_costs(self):
        user = self.purchase_manager
        self.assertTrue(user.has_group("jxc_stock.group_jxc_cost"))
        self.assertFieldsRead(user, self.receipt.line_ids, {"unit_cost": 5.0, "value": 50.0})
        self.assertFieldsRead(user, self.receipt, {"amount_total": 50.0})
        self.assertFieldsRead(user, self.receipt.move_ids, {"unit_cost": 5.0, "value": 50.0})
        stock_manager = self.stock_manager
        self.assertFieldsRead(stock_manager, self.supplier, {"jxc_purchase_total": 56.5})
        self.assertFieldsRead(stock_manager, self.receipt.line_ids, {"purchase_price_unit": 5.0})

    def test_supplier_prices(self):
        seller = self.env["product.supplierinfo"].create(
            {
                "partner_id": self.supplier.id,
                "product_tmpl_id": self.product.product_tmpl_id.id,
                "price": 4.5,
            }
        )
        self.assertFieldsHidden(self.stock_user, seller, ["price", "price_discounted"])
        self.assertFieldsRead(self.purchase_user, seller, {"price": 4.5, "price_discounted": 4.5})
        # A new order line still takes the supplier's price.
        order = self._make_order([{"product_id": self.product.id, "quantity": 1}])
        self.assertEqual(order.line_ids.price_unit, 4.5)

    def test_last_price_of_a_new_line(self):
        order = self._make_order([(self.product, 1, 7.0)])
        self.env.invalidate_all()
        self.assertEqual(order.line_ids.with_user(self.purchase_user).last_price, 5.0)
        self.assertFieldsHidden(self.stock_user, order.line_ids, ["last_price"])

    def test_receipt_screens(self):
        """Purchase staff without the cost group get the receipt's prices in columns of their
        own; stock staff get no price; the cost group gets the unit costs."""
        line_fields = {}
        for user in (self.stock_user, self.purchase_user, self.purchase_manager):
            views = self.env["jxc.stock.picking"].with_user(user).get_views([(False, "form")])
            arch = etree.fromstring(views["views"]["form"]["arch"])
            line_fields[user] = set(arch.xpath("//field[@name='line_ids']//field/@name"))
        prices = {"purchase_price_unit", "purchase_value", "unit_cost", "value"}
        self.assertEqual(line_fields[self.stock_user] & prices, set())
        self.assertEqual(
            line_fields[self.purchase_user] & prices, {"purchase_price_unit", "purchase_value"}
        )
        self.assertEqual(line_fields[self.purchase_manager] & prices, {"unit_cost", "value"})
        self.env.invalidate_all()
        self.assertEqual(
            Form(self.receipt.with_user(self.purchase_user)).purchase_amount_total, 50.0
        )

    def test_printed_receipt(self):
        report = self.env["ir.actions.report"]
        rendered = {}
        for user in (self.stock_user, self.purchase_user, self.purchase_manager):
            self.env.invalidate_all()
            rendered[user] = report.with_user(user)._render_qweb_html(
                "jxc_stock.report_jxc_stock_picking", self.receipt.ids
            )[0]
        self.assertNotIn(b"50.00", rendered[self.stock_user])
        self.assertIn(b"Purchase Price", rendered[self.purchase_user])
        self.assertIn(b"50.00", rendered[self.purchase_user])
        self.assertIn(b"Unit Cost", rendered[self.purchase_manager])
        self.assertNotIn(b"Purchase Price", rendered[self.purchase_manager])
        self.assertIn(b"50.00", rendered[self.purchase_manager])

    def test_stock_user_receives_backorders_and_returns_at_the_order_price(self):
        """Each step a new request: the costs are read as the system, never by stock staff."""
        order = self._make_order([(self.product2, 10, 3.0)])
        order.action_confirm()
        receipt = self._receipt(order)
        self.env.invalidate_all()
        receipt.line_ids.with_user(self.stock_user).quantity_done = 4
        self.env.invalidate_all()
        receipt.with_user(self.stock_user).action_done()
        backorder = self._receipt(order)
        self.assertRecordValues(
            backorder.line_ids, [{"quantity": 6, "unit_cost": 3.0, "value": 18.0}]
        )
        self.assertRecordValues(receipt.move_ids, [{"quantity": 4, "unit_cost": 3.0}])
        self.env.invalidate_all()
        action = receipt.with_user(self.stock_user).action_create_return()
        ret = self.env["jxc.stock.picking"].browse(action["res_id"])
        self.assertRecordValues(ret.line_ids, [{"quantity": 4, "unit_cost": 3.0}])
        self.env.invalidate_all()
        ret.with_user(self.stock_user).action_done()
        self.assertRecordValues(ret.move_ids, [{"quantity": -4, "value": -12.0}])
        self.assertEqual(order.line_ids.qty_returned, 4)
        self.assertLedgerConsistent()

    def test_supplier_totals_are_per_company(self):
        other = self.env["res.company"].create({"name": "Test Other Purchase Co"})
        other_wh = self.env["jxc.stock.warehouse"].create(
            {"name": "Other", "code": "OPW", "company_id": other.id}
        )
        self.env["jxc.purchase.order"].with_company(other).create(
            {
                "partner_id": self.supplier.id,
                "warehouse_id": other_wh.id,
                "company_id": other.id,
                "line_ids": [
                    Command.create(
                        {"product_id": self.product.id, "quantity": 2, "price_unit": 100.0}
                    ),
                ],
            }
        ).action_confirm()
        buyer = new_test_user(
            self.env,
            login="jxc_purchase_two_companies",
            groups="base.group_user,jxc_purchase.group_jxc_purchase_user",
            company_id=self.company.id,
            company_ids=[Command.set((self.company | other).ids)],
        )
        supplier = self.supplier.with_user(buyer)
        # This company: the setup's order, 56.50; the other: 2 × 100 + 13 % tax.
        self.assertEqual((supplier.jxc_purchase_count, supplier.jxc_purchase_total), (1, 56.5))
        supplier = supplier.with_company(other)
        self.assertEqual((supplier.jxc_purchase_count, supplier.jxc_purchase_total), (1, 226.0))
        supplier = supplier.with_company(self.company)
        self.assertEqual(supplier.jxc_purchase_total, 56.5)

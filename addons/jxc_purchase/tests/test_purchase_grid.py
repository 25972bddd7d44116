# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import JxcPurchaseCommon


class TestPurchaseGrid(JxcPurchaseCommon):
    """多规格录入 on purchase orders: supplier prices and purchase units per variant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shirt = cls._make_variant_template(
            "Test Shirt",
            [("Test Colour", ["Red", "Blue"]), ("Test Size", ["S", "M", "L"])],
            standard_price=30.0,
        )
        cls.red_s = cls._variant(cls.shirt, "Red", "S")
        cls.red_m = cls._variant(cls.shirt, "Red", "M")
        cls.blue_l = cls._variant(cls.shirt, "Blue", "L")
        Supplierinfo = cls.env["product.supplierinfo"]
        # A price for the whole template, and a better one for one variant.
        Supplierinfo.create(
            {"partner_id": cls.supplier.id, "product_tmpl_id": cls.shirt.id, "price": 40.0}
        )
        Supplierinfo.create(
            {
                "partner_id": cls.supplier.id,
                "product_tmpl_id": cls.shirt.id,
                "product_id": cls.blue_l.id,
                "price": 35.0,
            }
        )

    def test_grid_creates_lines_with_supplier_prices(self):
        order = self._make_order([])
        grid = self._grid(order, self.shirt, user=self.purchase_user)
        self.assertEqual(len(grid.line_ids), 6)
        self._set_cells(grid, {self.red_s: 10, self.blue_l: 4}).action_apply()
        self.assertRecordValues(
            order.line_ids,
            [
                {"product_id": self.red_s.id, "quantity": 10, "price_unit": 40.0},
                {"product_id": self.blue_l.id, "quantity": 4, "price_unit": 35.0},
            ],
        )

    def test_grid_uses_the_purchase_unit(self):
        self.shirt.uom_po_id = self.uom_dozen
        order = self._make_order(
            [{"product_id": self.red_m.id, "quantity": 5, "uom_id": self.uom_unit.id}]
        )
        grid = self._grid(order, self.shirt)
        self.assertEqual(grid.uom_id, self.uom_dozen)
        self.assertFalse(any(grid.line_ids.mapped("quantity")), "the unit line is not a cell")
        self._set_cells(grid, {self.red_m: 2}).action_apply()
        self.assertRecordValues(
            order.line_ids,
            [
                {"product_id": self.red_m.id, "quantity": 5, "uom_id": self.uom_unit.id},
                {"product_id": self.red_m.id, "quantity": 2, "uom_id": self.uom_dozen.id},
            ],
        )
        grid = self._grid(order, self.shirt)
        self.assertEqual(grid.line_ids.filtered("quantity").product_id, self.red_m)
        self._set_cells(grid, {self.red_m: 3}).action_apply()
        self.assertEqual(order.line_ids.mapped("quantity"), [5, 3])

    def test_only_draft_orders(self):
        self.company.jxc_po_approval_amount = 100.0
        order = self._make_order([(self.red_s, 10, 40.0)])
        grid = self._set_cells(self._grid(order, self.shirt), {self.red_s: 1})
        order.with_user(self.purchase_user).action_confirm()
        self.assertEqual(order.state, "to_approve")
        with self.assertRaisesRegex(UserError, "only while it is a draft"):
            grid.action_apply()
        self.assertEqual(order.line_ids.quantity, 10)

    def test_bad_quantity_writes_nothing(self):
        order = self._make_order([(self.red_s, 10, 40.0)])
        grid = self._set_cells(self._grid(order, self.shirt), {self.red_m: 3, self.blue_l: -2})
        with self.assertRaisesRegex(UserError, "cannot be negative"):
            grid.action_apply()
        with self.assertRaisesRegex(UserError, "must be a finite number"):
            grid.line_ids[0].write({"quantity": float("nan")})
        self.assertEqual(order.line_ids.product_id, self.red_s)

    def test_users_without_purchase_rights_cannot_use_it(self):
        order = self._make_order([])
        with self.assertRaises(AccessError):
            self._grid(order, self.shirt, user=self.stock_user)
        # Over RPC too: no grid on an order its user may not read (its cells would show it).
        with self.assertRaises(AccessError):
            self.env["jxc.order.grid"].with_user(self.stock_user).create(
                {
                    "res_model": order._name,
                    "res_id": order.id,
                    "product_tmpl_id": self.shirt.id,
                    "line_ids": [(0, 0, {"product_id": self.red_s.id, "quantity": 1})],
                }
            )
        self.assertFalse(order.line_ids)
        self.assertIn("action_open_grid", self._buttons("jxc.purchase.order", self.purchase_user))

    def test_receipt_per_variant(self):
        order = self._make_order([])
        self._set_cells(
            self._grid(order, self.shirt), {self.red_s: 6, self.red_m: 2}
        ).action_apply()
        order.action_confirm()
        receipt = order.picking_ids
        self.assertEqual(receipt.line_ids.product_id, self.red_s | self.red_m)
        receipt.action_done()
        self.assertRecordValues(self._quant(self.red_s), [{"quantity": 6}])
        self.assertRecordValues(self._quant(self.red_m), [{"quantity": 2}])
        self.assertLedgerConsistent()

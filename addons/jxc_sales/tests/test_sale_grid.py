# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user

from .common import JxcSalesCommon


class TestSaleGrid(JxcSalesCommon):
    """多规格录入 on sale orders: the grid adds, edits and removes one line per variant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shirt = cls._make_variant_template(
            "Test Shirt",
            [("Test Colour", ["Red", "Blue", "Black"]), ("Test Size", ["S", "M", "L", "XL"])],
            list_price=100.0,
        )
        red = cls.shirt.attribute_line_ids[0].product_template_value_ids.filtered(
            lambda v: v.name == "Red"
        )
        red.price_extra = 5.0
        cls.red_s = cls._variant(cls.shirt, "Red", "S")
        cls.red_m = cls._variant(cls.shirt, "Red", "M")
        cls.blue_m = cls._variant(cls.shirt, "Blue", "M")
        cls.black_l = cls._variant(cls.shirt, "Black", "L")
        cls.black_xl = cls._variant(cls.shirt, "Black", "XL")
        cls.black_xl.active = False  # a combination the shop does not sell

    def _lines(self, order):
        return [(line.product_id, line.quantity) for line in order.line_ids]

    def test_grid_layout_rows_columns_and_missing_combination(self):
        grid = self._grid(self._make_order([]), self.shirt)
        self.assertEqual(grid.axis_label, "Test Colour / Test Size")
        self.assertEqual(len(grid.line_ids), 11, "12 combinations, one archived")
        self.assertEqual(
            sorted({(c.row_sequence, c.row_name) for c in grid.line_ids}),
            [(0, "Red"), (1, "Blue"), (2, "Black")],
        )
        self.assertEqual(
            sorted({(c.column_sequence, c.column_name) for c in grid.line_ids}),
            [(0, "S"), (1, "M"), (2, "L"), (3, "XL")],
        )
        self.assertNotIn(self.black_xl, grid.line_ids.product_id)
        self.assertEqual(set(grid.line_ids.mapped("quantity")), {0.0})
        self.assertEqual(grid.uom_id, self.uom_unit)
        self.assertNotIn(
            "default_res_id", grid._get_order().env.context, "lines and messages do not take it"
        )

    def test_grid_creates_one_line_per_variant_with_its_price(self):
        order = self._make_order([(self.product, 1)])
        grid = self._set_cells(
            self._grid(order, self.shirt), {self.red_s: 2, self.blue_m: 3, self.black_l: 0}
        )
        grid.action_apply()
        unit = self.uom_unit.id
        self.assertRecordValues(
            order.line_ids,
            [
                {"product_id": self.product.id, "quantity": 1, "uom_id": unit, "price_unit": 10.0},
                {"product_id": self.red_s.id, "quantity": 2, "uom_id": unit, "price_unit": 105.0},
                {"product_id": self.blue_m.id, "quantity": 3, "uom_id": unit, "price_unit": 100.0},
            ],
        )
        self.assertEqual(order.line_ids[1].name, self.red_s.display_name)
        self.assertEqual(order.amount_untaxed, 10 + 210 + 300)

    def test_grid_through_the_form(self):
        """The dialog as the web client drives it (onchange of the product fills the cells)."""
        order = self._make_order([])
        action = order.with_user(self.sales_user).action_open_grid()
        grid_model = self.env[action["res_model"]].with_user(self.sales_user)
        with Form(grid_model.with_context(**action["context"])) as form:
            form.product_tmpl_id = self.shirt
            self.assertEqual(len(form.line_ids), 11)
        grid = form.record
        self._set_cells(grid, {self.red_m: 4})
        grid.action_apply()
        self.assertEqual(self._lines(order), [(self.red_m, 4)])

    def test_grid_prefills_and_edits_existing_lines(self):
        order = self._make_order(
            [
                (self.red_s, 2),
                (self.blue_m, 3),
                {"product_id": self.red_s.id, "quantity": 1, "uom_id": self.uom_dozen.id},
                (self.product, 1),
            ]
        )
        dozen_line = order.line_ids[2]
        grid = self._grid(order, self.shirt)
        prefilled = {c.product_id: c.quantity for c in grid.line_ids if c.quantity}
        self.assertEqual(prefilled, {self.red_s: 2, self.blue_m: 3}, "other units are not cells")
        self._set_cells(grid, {self.red_s: 5, self.blue_m: 0, self.black_l: 1}).action_apply()
        self.assertEqual(
            self._lines(order),
            [(self.red_s, 5), (self.red_s, 1), (self.product, 1), (self.black_l, 1)],
        )
        self.assertEqual(order.line_ids[1], dozen_line, "the dozen line is left alone")
        # Applied again unchanged: nothing moves.
        self._grid(order, self.shirt).action_apply()
        self.assertEqual(len(order.line_ids), 4)

    def test_cells_without_prefill_increment_existing_lines(self):
        """An integrator that sends only variants and quantities adds to the lines."""
        order = self._make_order([(self.red_s, 2)])
        grid = self.env["jxc.order.grid"].create(
            {
                "res_model": order._name,
                "res_id": order.id,
                "product_tmpl_id": self.shirt.id,
                "line_ids": [
                    (0, 0, {"product_id": self.red_s.id, "quantity": 3}),
                    (0, 0, {"product_id": self.red_m.id, "quantity": 1}),
                ],
            }
        )
        grid.action_apply()
        self.assertEqual(self._lines(order), [(self.red_s, 5), (self.red_m, 1)])

    def test_bad_input_is_refused_and_writes_nothing(self):
        order = self._make_order([(self.red_s, 2)])
        before = self._lines(order)
        for value, message in [
            (float("nan"), "must be a finite number"),
            (float("inf"), "must be a finite number"),
            ("abc", "must be a number"),
            (1e12, "must be between"),
        ]:
            with self.subTest(value=value), self.assertRaisesRegex(UserError, message):
                grid = self._grid(order, self.shirt)
                grid.line_ids[0].write({"quantity": value})
            with self.subTest(value=value, create=True), self.assertRaisesRegex(UserError, message):
                self.env["jxc.order.grid"].create(
                    {
                        "res_model": order._name,
                        "res_id": order.id,
                        "product_tmpl_id": self.shirt.id,
                        "line_ids": [(0, 0, {"product_id": self.red_m.id, "quantity": value})],
                    }
                )
        grid = self._set_cells(self._grid(order, self.shirt), {self.blue_m: 4, self.red_m: -1})
        with self.assertRaisesRegex(UserError, "cannot be negative"):
            grid.action_apply()
        self.assertEqual(self._lines(order), before)

    def test_unknown_archived_or_foreign_variants_are_refused(self):
        order = self._make_order([])

        def grid_with(product, template=self.shirt):
            return self.env["jxc.order.grid"].create(
                {
                    "res_model": order._name,
                    "res_id": order.id,
                    "product_tmpl_id": template.id,
                    "line_ids": [
                        (0, 0, {"product_id": self.blue_m.id, "quantity": 1}),
                        (0, 0, {"product_id": product.id, "quantity": 1}),
                    ],
                }
            )

        with self.assertRaisesRegex(UserError, "archived"):
            grid_with(self.black_xl).action_apply()
        with self.assertRaisesRegex(UserError, "is not a variant of"):
            grid_with(self.product).action_apply()
        with self.assertRaisesRegex(UserError, "twice"):
            grid_with(self.blue_m).action_apply()
        with self.assertRaisesRegex(UserError, "has no variants"):
            grid_with(self.product, self.product.product_tmpl_id).action_apply()
        self.shirt.sale_ok = False
        with self.assertRaisesRegex(UserError, "cannot be ordered here"):
            grid_with(self.red_s).action_apply()
        self.shirt.sale_ok = True
        other = self.env["res.company"].create({"name": "Test Other Grid Co"})
        self.shirt.company_id = other
        with self.assertRaisesRegex(UserError, "belongs to company Test Other Grid Co"):
            grid_with(self.red_s).action_apply()
        with self.assertRaisesRegex(UserError, "not attached to an existing order"):
            self.env["jxc.order.grid"].create(
                {
                    "res_model": "res.partner",
                    "res_id": self.customer.id,
                    "product_tmpl_id": self.shirt.id,
                }
            ).action_apply()
        self.assertFalse(order.line_ids)

    def test_only_draft_orders(self):
        self._receive(self.red_s, 10, 50.0)
        order = self._make_order([(self.red_s, 2)])
        grid = self._set_cells(self._grid(order, self.shirt), {self.red_s: 3})
        order.action_confirm()
        with self.assertRaisesRegex(UserError, "only while it is a draft"):
            grid.action_apply()
        with self.assertRaisesRegex(UserError, "only while it is a draft"):
            order.action_open_grid()
        self.assertEqual(self._lines(order), [(self.red_s, 2)])

    def test_access(self):
        own_user = new_test_user(
            self.env,
            email=False,
            login="jxc_grid_own",
            groups="base.group_user,jxc_sales.group_jxc_sales_user_own",
        )
        others = self._make_order([], user_id=self.sales_manager.id)
        with self.assertRaises(AccessError):
            self._grid(others, self.shirt, user=own_user)
        # Over RPC too: no grid on an order its user may not read (its cells would show it).
        with self.assertRaises(AccessError):
            self.env["jxc.order.grid"].with_user(own_user).create(
                {
                    "res_model": others._name,
                    "res_id": others.id,
                    "product_tmpl_id": self.shirt.id,
                    "line_ids": [(0, 0, {"product_id": self.red_s.id, "quantity": 1})],
                }
            )
        self.assertFalse(others.line_ids)
        mine = self._make_order([], user_id=own_user.id)
        self._set_cells(self._grid(mine, self.shirt, user=own_user), {self.red_s: 1}).action_apply()
        self.assertEqual(self._lines(mine), [(self.red_s, 1)])
        self.assertIn("action_open_grid", self._buttons("jxc.sale.order", own_user))

    def test_variants_reserve_and_ship_separately(self):
        self._receive(self.red_s, 5, 50.0)
        self._receive(self.blue_m, 2, 40.0)
        order = self._make_order([])
        self._set_cells(
            self._grid(order, self.shirt), {self.red_s: 4, self.blue_m: 2}
        ).action_apply()
        self.assertRecordValues(
            order.line_ids,
            [{"available_quantity": 5, "quantity": 4}, {"available_quantity": 2, "quantity": 2}],
        )
        order.action_confirm()
        self.assertRecordValues(order.line_ids, [{"qty_reserved": 4}, {"qty_reserved": 2}])
        self.assertRecordValues(
            self._quant(self.red_s), [{"reserved_quantity": 4, "available_quantity": 1}]
        )
        self.assertRecordValues(
            self._quant(self.blue_m), [{"reserved_quantity": 2, "available_quantity": 0}]
        )
        delivery = self._delivery(order)
        self.assertEqual(delivery.line_ids.product_id, self.red_s | self.blue_m)
        delivery.action_done()
        self.assertRecordValues(self._quant(self.red_s), [{"quantity": 1, "reserved_quantity": 0}])
        self.assertEqual(self._quant(self.blue_m).quantity, 0)
        self.assertLedgerConsistent()

    def test_variant_shortage_blocks_only_that_variant(self):
        self._receive(self.red_s, 5, 50.0)
        order = self._make_order([])
        self._set_cells(
            self._grid(order, self.shirt), {self.red_s: 1, self.red_m: 1}
        ).action_apply()
        self.assertTrue(order.has_shortage)
        with self.assertRaisesRegex(
            UserError, self.red_m.display_name.replace("(", r"\(").replace(")", r"\)")
        ):
            order.action_confirm()
        self.assertEqual(self._quant(self.red_s).reserved_quantity, 0)

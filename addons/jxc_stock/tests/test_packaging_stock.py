# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from .common import JxcStockCommon


class TestPackagingInStock(JxcStockCommon):
    """Stock documents entered in packagings (多单位, #13): the ledger is in base units."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case = cls.env["product.packaging"].create(
            {"name": "箱", "product_id": cls.product_lot.id, "qty": 24}
        )

    def test_receipt_in_cases_posts_base_units_at_the_cost_per_unit(self):
        picking = self._receive(
            self.product_lot, 3, 48.0, lot_name="C-1", packaging_id=self.case.id
        )
        line = picking.line_ids
        self.assertEqual(line.uom_id, self.product_lot.uom_id)
        self.assertEqual(line.quantity_display, "3 箱 (72 Units)")
        self.assertAlmostEqual(picking.move_ids.quantity, 72.0)
        self.assertAlmostEqual(picking.move_ids.unit_cost, 2.0)
        self.assertAlmostEqual(picking.move_ids.value, 144.0)
        self.assertAlmostEqual(line.value, 144.0)
        # An issue in cases of what is on hand shows what is available in cases.
        out = self._make_picking(
            "out",
            [
                {
                    "product_id": self.product_lot.id,
                    "packaging_id": self.case.id,
                    "quantity": 1,
                    "lot_id": line.lot_id.id,
                }
            ],
        )
        self.assertAlmostEqual(out.line_ids.available_quantity, 3.0)
        self.assertAlmostEqual(out.line_ids.unit_cost, 48.0)
        out.action_done()
        self.assertAlmostEqual(self._quant(self.product_lot, lot=line.lot_id).quantity, 48.0)
        self.assertLedgerConsistent()

    def test_fefo_split_of_cases_counts_in_base_units(self):
        self._receive(self.product_lot, 30, 2.0, lot_name="EARLY")
        self._receive(self.product_lot, 30, 2.0, lot_name="LATE")
        self.env["jxc.stock.lot"].search([("name", "=", "LATE")]).expiration_date = "2099-12-31"
        one = self._make_picking(
            "out",
            [{"product_id": self.product_lot.id, "packaging_id": self.case.id, "quantity": 1}],
        )
        one.action_assign_lots_fefo()
        # One lot covers the case: the line stays one case.
        self.assertRecordValues(one.line_ids, [{"packaging_id": self.case.id, "quantity": 1.0}])
        two = self._make_picking(
            "out",
            [{"product_id": self.product_lot.id, "packaging_id": self.case.id, "quantity": 2}],
        )
        two.action_assign_lots_fefo()
        # 48 over two lots: no line holds part of a case; each counts units of its lot.
        self.assertEqual(
            sorted((ln.lot_id.name, ln.quantity, bool(ln.packaging_id)) for ln in two.line_ids),
            [("EARLY", 30.0, False), ("LATE", 18.0, False)],
        )
        two.action_done()
        self.assertAlmostEqual(sum(two.move_ids.mapped("quantity")), -48.0)

    def test_cases_of_another_product_are_refused(self):
        other = self.env["product.packaging"].create(
            {"name": "箱", "product_id": self.product.id, "qty": 12}
        )
        with self.assertRaisesRegex(UserError, "is not a packaging of"), self.env.cr.savepoint():
            self._make_picking(
                "in",
                [
                    {
                        "product_id": self.product_lot.id,
                        "packaging_id": other.id,
                        "quantity": 1,
                        "lot_name": "X",
                    }
                ],
            )
        self.assertFalse(
            self.env["jxc.stock.picking.line"].search([("packaging_id", "=", other.id)])
        )

    # Review of #13: a packaging's content and the ledger are counted in the product's base
    # unit; changing that unit once something was counted in it changes what they say.

    def test_used_product_keeps_its_base_unit(self):
        bottle = self.env.ref("jxc_stock.uom_bottle")
        self._receive(self.product, 24, 1.0)
        moves = self.env["jxc.stock.move"].search_count([])
        for product in (self.product, self.product.product_tmpl_id):
            with self.assertRaisesRegex(UserError, "base unit"), self.cr.savepoint():
                product.write({"uom_id": self.uom_dozen.id, "uom_po_id": self.uom_dozen.id})
        self.assertEqual(self.product.uom_id, self.uom_unit)
        # A unit that counts the same (Units → 瓶, both one unit) is only another name.
        self.product.write({"uom_id": bottle.id, "uom_po_id": bottle.id})
        self.assertEqual(self.product.uom_id, bottle)
        self.assertEqual(self.env["jxc.stock.move"].search_count([]), moves)
        # A product that nothing counted yet takes any unit.
        self.product2.write({"uom_id": self.uom_dozen.id, "uom_po_id": self.uom_dozen.id})
        self.assertEqual(self.product2.uom_id, self.uom_dozen)

    def test_product_in_a_packaging_line_keeps_its_base_unit(self):
        self._make_picking(
            "in",
            [{"product_id": self.product2.id, "packaging_id": self._case2().id, "quantity": 1}],
        )
        with self.assertRaisesRegex(UserError, "base unit"), self.cr.savepoint():
            self.product2.product_tmpl_id.uom_id = self.uom_dozen
        self.assertEqual(self.product2.uom_id, self.uom_unit)

    def _case2(self):
        return self.env["product.packaging"].create(
            {"name": "箱", "product_id": self.product2.id, "qty": 12}
        )

    def test_used_packaging_stays_in_its_company(self):
        case = self._case2()
        self._make_picking(
            "in", [{"product_id": self.product2.id, "packaging_id": case.id, "quantity": 1}]
        )
        other = self.env["res.company"].create({"name": "Review Other Co"})
        with self.assertRaisesRegex(UserError, "used on documents"), self.cr.savepoint():
            case.company_id = other
        self.assertFalse(case.company_id)
        case.company_id = self.company  # the company of the documents that use it
        self.assertEqual(case.company_id, self.company)

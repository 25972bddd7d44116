# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""账实核对 sees every corruption it guards against (issue #11 item 9): each test corrupts
the database the way only SQL (or a bug) could, and checks the integrity check names it."""

from odoo.exceptions import AccessError

from .common import JxcStockCommon


class TestIntegrityCheck(JxcStockCommon):
    def _types(self):
        self.env.flush_all()
        self.env.invalidate_all()
        return sorted(m["check_type"] for m in self.env["jxc.stock.integrity"]._find_mismatches())

    def test_clean_database_has_no_mismatch(self):
        self._receive(self.product, 10, 2.0)
        self._issue(self.product, 4)
        self.assertEqual(self._types(), [])

    def test_document_moved_back_to_draft(self):
        receipt = self._receive(self.product, 10, 2.0)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE jxc_stock_picking SET state = 'draft' WHERE id = %s", [receipt.id]
        )
        mismatches = self.env["jxc.stock.integrity"]._find_mismatches()
        self.assertEqual(
            [(m["check_type"], m["res_id"], m["reference"]) for m in mismatches],
            [("ledger_source", receipt.id, receipt.name)],
        )

    def test_document_posted_twice(self):
        receipt = self._receive(self.product, 10, 2.0)
        self.env.flush_all()
        self.env.cr.execute(
            """
            INSERT INTO jxc_stock_move (date, product_id, product_tmpl_id, warehouse_id,
                quantity, unit_cost, value, company_id, move_type, res_model, res_id,
                reference, picking_id, picking_line_id)
            SELECT date, product_id, product_tmpl_id, warehouse_id, quantity, unit_cost, value,
                   company_id, move_type, res_model, res_id, reference, picking_id,
                   picking_line_id
              FROM jxc_stock_move WHERE picking_id = %s
            """,
            [receipt.id],
        )
        # The doubled row also disagrees with the quant, the average cost and the month's
        # and the year's period balances (rows inserted outside posting are not summed).
        self.assertEqual(
            self._types(),
            [
                "period_balance",
                "period_balance",
                "posted_twice",
                "quantity",
                "valuation_quantity",
                "valuation_value",
                "value",
            ],
        )

    def test_document_done_without_ledger(self):
        picking = self._make_picking("in", [{"product_id": self.product.id, "quantity": 3}])
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE jxc_stock_picking SET state = 'done' WHERE id = %s", [picking.id]
        )
        self.env.cr.execute(
            "UPDATE jxc_stock_picking_line SET quantity_done = 3 WHERE picking_id = %s",
            [picking.id],
        )
        self.assertEqual(self._types(), ["not_posted"])

    def test_reservation_for_a_missing_demand(self):
        self._receive(self.product, 10, 2.0)
        partner = self.env["res.partner"].create({"name": "Gone"})
        self.env["jxc.stock.reservation"]._reserve(
            [
                {
                    "product_id": self.product.id,
                    "warehouse_id": self.wh1.id,
                    "quantity": 2.0,
                    "res_model": "res.partner",
                    "res_id": partner.id,
                }
            ]
        )
        self.assertEqual(self._types(), [])
        self.env.cr.execute("DELETE FROM res_partner WHERE id = %s", [partner.id])
        self.assertEqual(self._types(), ["reservation_demand"])

    def test_only_stock_staff_run_it(self):
        user = self.env["res.users"].create(
            {"name": "Clerk", "login": "jxc_integrity_clerk", "groups_id": [(6, 0, [])]}
        )
        user.groups_id = self.env.ref("base.group_user")
        with self.assertRaises(AccessError):
            self.env["jxc.stock.integrity"].with_user(user).action_run()
        action = self.env["jxc.stock.integrity"].with_user(self.stock_user).action_run()
        self.assertEqual(self.env["jxc.stock.integrity"].browse(action["res_id"]).state, "ok")

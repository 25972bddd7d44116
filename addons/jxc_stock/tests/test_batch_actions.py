# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import JxcStockCommon


class TestBatchValidate(JxcStockCommon):
    """审核 of several stock documents from the list: each posts all or nothing, the others
    go on, a notification names what failed and why (#15, part)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._receive(cls.product, 10, 2.0)
        cls._receive(cls.product2, 5, 1.0)

    def _moves(self, picking):
        return self.env["jxc.stock.move"].search(
            [("res_model", "=", picking._name), ("res_id", "=", picking.id)]
        )

    def test_batch_validate_one_short(self):
        first = self._make_picking("out", [{"product_id": self.product.id, "quantity": 4}])
        short = self._make_picking(
            "out",
            [
                {"product_id": self.product2.id, "quantity": 2},
                {"product_id": self.product.id, "quantity": 50},
            ],
        )
        last = self._make_picking("out", [{"product_id": self.product.id, "quantity": 3}])
        posted = self._make_picking("in", [{"product_id": self.product2.id, "quantity": 1}])
        posted.action_done()
        with self.assertRaises(UserError) as single, self.env.cr.savepoint():
            short.with_user(self.stock_user).action_done()
        reason = single.exception.args[0]

        # The failing one first: its error is the one the single action gave.
        pickings = (short | first | last | posted).with_user(self.stock_user)
        result = pickings.action_batch_done()

        self.assertRecordValues(
            first | short | last | posted,
            [{"state": "done"}, {"state": "draft"}, {"state": "done"}, {"state": "done"}],
        )
        self.assertEqual(sorted(self._moves(first).mapped("quantity")), [-4.0])
        self.assertEqual(sorted(self._moves(last).mapped("quantity")), [-3.0])
        self.assertFalse(self._moves(short), "the failing document posts nothing")
        self.assertEqual(self._quant(self.product).quantity, 3.0)
        self.assertEqual(self._quant(self.product2).quantity, 6.0)
        self.assertFalse(short.line_ids.filtered("quantity_done"))
        self.assertLedgerConsistent()

        params = result["params"]
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(params["type"], "warning")
        self.assertTrue(params["sticky"])
        self.assertEqual(params["next"]["tag"], "soft_reload")
        message = params["message"]
        self.assertIn("2 done", message)
        self.assertIn(f"1 skipped, already past this step: {posted.display_name} (", message)
        self.assertIn(f"1 failed:\n{short.display_name}: {reason}", message)
        self.assertNotIn(first.display_name + ":", message)

    def test_batch_validate_all_posted(self):
        pickings = self._make_picking(
            "out", [{"product_id": self.product.id, "quantity": 1}]
        ) | self._make_picking("in", [{"product_id": self.product.id, "quantity": 2}])
        params = pickings.with_user(self.stock_user).action_batch_done()["params"]
        self.assertEqual(pickings.mapped("state"), ["done", "done"])
        self.assertEqual(params["type"], "success")
        self.assertFalse(params["sticky"])
        self.assertEqual(self._quant(self.product).quantity, 11.0)

    def test_batch_validate_without_rights(self):
        """Who may not post stock documents is refused the whole batch, nothing written —
        over the ORM as over JSON-RPC, whatever the list shows."""
        picking = self._make_picking("out", [{"product_id": self.product.id, "quantity": 1}])
        employee = new_test_user(self.env, login="jxc_batch_employee", groups="base.group_user")
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            picking.with_user(employee).action_batch_done()
        self.assertEqual(picking.state, "draft")
        self.assertFalse(self._moves(picking))
        self.assertEqual(self._quant(self.product).quantity, 10.0)

    def test_batch_count_validate_managers_only(self):
        count = self.env["jxc.stock.count"].create({"warehouse_id": self.wh1.id})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            count.with_user(self.stock_user).action_batch_validate()
        self.assertEqual(count.state, "draft")
        params = count.with_user(self.stock_manager).action_batch_validate()["params"]
        self.assertEqual(count.state, "draft")
        self.assertEqual(params["type"], "danger")
        self.assertIn(count.display_name, params["message"])

    def test_batch_actions_bound_to_lists(self):
        for xml_id, group in (
            ("jxc_stock.jxc_stock_picking_action_server_batch_done", "group_jxc_stock_user"),
            (
                "jxc_stock.jxc_stock_count_action_server_batch_validate",
                "group_jxc_stock_manager",
            ),
        ):
            action = self.env.ref(xml_id)
            self.assertEqual(action.binding_view_types, "list")
            self.assertIn(self.env.ref(f"jxc_stock.{group}"), action.groups_id)

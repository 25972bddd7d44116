# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import new_test_user

from .common import JxcStockCommon


class TestStockAccess(JxcStockCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = new_test_user(cls.env, login="jxc_plain_employee", groups="base.group_user")

    def test_stock_user_operates_documents(self):
        env = self.env(user=self.stock_user)
        picking = env["jxc.stock.picking"].create(
            {
                "picking_type": "in",
                "warehouse_id": self.wh1.id,
                "line_ids": [
                    Command.create({"product_id": self.product.id, "quantity": 3, "unit_cost": 2.0})
                ],
            }
        )
        picking.action_done()
        self.assertEqual(self._quant(self.product).quantity, 3)
        self.assertEqual(
            env["jxc.stock.quant"].search([("product_id", "=", self.product.id)]).quantity, 3
        )
        self.assertTrue(env["jxc.stock.move"].search([("picking_id", "=", picking.id)]))
        with self.assertRaises(AccessError):
            picking.action_reverse()

    def test_stock_user_cannot_configure_or_touch_the_ledger(self):
        env = self.env(user=self.stock_user)
        with self.assertRaises(AccessError):
            env["jxc.stock.warehouse"].create({"name": "X", "code": "X"})
        with self.assertRaises(AccessError):
            self.wh1.with_user(self.stock_user).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            env["jxc.stock.rule"].create(
                {"product_id": self.product.id, "warehouse_id": self.wh1.id}
            )
        # Real rows, read by the stock user, that the stock user may not change or delete.
        self._receive(self.product, 5, 1.0)
        self.env["jxc.stock.reservation"]._reserve(
            [
                {
                    "product_id": self.product.id,
                    "warehouse_id": self.wh1.id,
                    "quantity": 2,
                    "res_model": "res.partner",
                    "res_id": self.stock_user.partner_id.id,
                }
            ]
        )
        for model in ("jxc.stock.move", "jxc.stock.quant", "jxc.stock.reservation"):
            rows = env[model].search([("product_id", "=", self.product.id)])
            self.assertEqual(len(rows), 1, model)
            self.assertRecordValues(rows, [{"product_id": self.product.id}])
            for operation in ("create", "write", "unlink"):
                with self.assertRaises(AccessError, msg=f"{model} {operation}"):
                    rows.check_access(operation)
            with self.assertRaises(UserError, msg=f"{model} write"):
                rows.write({"quantity": 0})
            with self.assertRaises(AccessError, msg=f"{model} unlink"):
                rows.unlink()
        self.assertRecordValues(
            self._quant(self.product), [{"quantity": 5, "reserved_quantity": 2}]
        )

    def test_manager_configures(self):
        env = self.env(user=self.stock_manager)
        warehouse = env["jxc.stock.warehouse"].create({"name": "Manager WH", "code": "MWH"})
        rule = env["jxc.stock.rule"].create(
            {
                "product_id": self.product.id,
                "warehouse_id": warehouse.id,
                "min_quantity": 1,
                "max_quantity": 2,
            }
        )
        self.assertRecordValues(
            warehouse, [{"name": "Manager WH", "code": "MWH", "company_id": self.company.id}]
        )
        self.assertRecordValues(
            rule,
            [
                {
                    "warehouse_id": warehouse.id,
                    "company_id": self.company.id,
                    "min_quantity": 1,
                    "max_quantity": 2,
                    "effective_min": 1,
                }
            ],
        )
        self.assertEqual(rule.create_uid, self.stock_manager)
        self.assertIn(rule, env["jxc.stock.rule"].search([("warehouse_id", "=", warehouse.id)]))

    def test_other_employees_see_no_stock(self):
        env = self.env(user=self.employee)
        for model in (
            "jxc.stock.quant",
            "jxc.stock.move",
            "jxc.stock.picking",
            "jxc.stock.warehouse",
            "jxc.stock.count",
            "jxc.stock.reservation",
        ):
            with self.assertRaises(AccessError, msg=model):
                env[model].search([])

    def test_company_isolation(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        other_wh = self.env["jxc.stock.warehouse"].create(
            {"name": "Other", "code": "OWH", "company_id": other.id}
        )
        visible = self.env["jxc.stock.warehouse"].with_user(self.stock_user).search([])
        # The user sees the own company's warehouses (so the filter is not "nothing")...
        self.assertIn(self.wh1, visible)
        self.assertIn(self.wh2, visible)
        # ...and not the other company's, which exists.
        self.assertIn(other_wh, self.env["jxc.stock.warehouse"].search([]))
        self.assertNotIn(other_wh, visible)
        with self.assertRaises(AccessError):
            other_wh.with_user(self.stock_user).read(["name"])

    def test_document_buttons_by_role(self):
        picking_buttons = ("action_done", "action_cancel", "action_draft", "action_view_moves")
        buttons = self._buttons("jxc.stock.picking", self.stock_user)
        for name in (*picking_buttons, "action_assign_lots_fefo"):
            self.assertIn(name, buttons)
        self.assertNotIn("action_reverse", buttons)
        self.assertIn("action_reverse", self._buttons("jxc.stock.picking", self.stock_manager))
        count_buttons = self._buttons("jxc.stock.count", self.stock_user)
        self.assertIn("action_start", count_buttons)
        self.assertNotIn("action_validate", count_buttons)

    def test_open_document_only_when_readable(self):
        receipt = self._receive(self.product, 3, 2.0)
        move = receipt.move_ids.with_user(self.stock_user)
        self.assertTrue(move.can_open_document)
        self.assertEqual(move.action_open_document()["res_id"], receipt.id)
        self.assertEqual(
            self._buttons("jxc.stock.move", self.stock_user)["action_open_document"].get(
                "invisible"
            ),
            "not can_open_document",
        )

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import Form, new_test_user

from .common import JxcStockCommon

STOCK_CLERK = (
    "base.group_user,jxc_stock.group_jxc_stock_user,jxc_stock.group_jxc_stock_chosen_warehouses"
)


class TestWarehouseScope(JxcStockCommon):
    """Stock staff limited to chosen warehouses (jxc_stock.group_jxc_stock_chosen_warehouses)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wh3 = cls.env["jxc.stock.warehouse"].create({"name": "Test Outlet", "code": "TWH3"})
        cls.clerk = new_test_user(cls.env, login="jxc_wh1_clerk", groups=STOCK_CLERK)
        cls.clerk.jxc_warehouse_ids = cls.wh1
        cls.limited_manager = new_test_user(
            cls.env,
            login="jxc_limited_manager",
            groups=STOCK_CLERK + ",jxc_stock.group_jxc_stock_manager",
        )
        cls.limited_manager.jxc_warehouse_ids = cls.wh1
        for warehouse in cls.wh1 | cls.wh2 | cls.wh3:
            cls._receive(cls.product, 10, 2.0, warehouse)
        cls.env["jxc.stock.rule"].create(
            [
                {
                    "product_id": cls.product.id,
                    "warehouse_id": wh.id,
                    "min_quantity": 50,
                    "max_quantity": 60,
                }
                for wh in cls.wh1 | cls.wh2
            ]
        )
        cls.env["jxc.stock.reservation"].reserve(
            [
                {
                    "product_id": cls.product.id,
                    "warehouse_id": wh.id,
                    "quantity": 1,
                    "res_model": "res.partner",
                    "res_id": cls.env.user.partner_id.id,
                }
                for wh in cls.wh1 | cls.wh2
            ]
        )

    def _ledger_count(self):
        return self.env["jxc.stock.move"].search_count([])

    def _issue_draft(self, warehouse):
        return self._make_picking(
            "out", [{"product_id": self.product.id, "quantity": 1}], warehouse
        )

    def test_clerk_sees_only_their_warehouses(self):
        env = self.env(user=self.clerk)
        for model in (
            "jxc.stock.quant",
            "jxc.stock.move",
            "jxc.stock.reservation",
            "jxc.stock.picking",
            "jxc.stock.picking.line",
            "jxc.stock.rule",
        ):
            records = env[model].search([])
            self.assertTrue(records, model)
            self.assertEqual(records.mapped("warehouse_id"), self.wh1, model)
        self.assertEqual(self.product.with_user(self.clerk).jxc_on_hand, 10, "wh1 only")
        self.assertEqual(self.product.with_user(self.stock_user).jxc_on_hand, 30)
        # Warehouses themselves stay visible: documents name both sides of a transfer.
        self.assertIn(self.wh2, env["jxc.stock.warehouse"].search([]))

    def test_unlimited_users_see_every_warehouse(self):
        for user in (self.stock_user, self.stock_manager, self.limited_manager):
            quants = (
                self.env["jxc.stock.quant"]
                .with_user(user)
                .search([("product_id", "=", self.product.id)])
            )
            self.assertEqual(quants.warehouse_id, self.wh1 | self.wh2 | self.wh3, user.login)
        issue = self._issue_draft(self.wh2).with_user(self.limited_manager)
        issue.action_done()
        self.assertEqual(issue.state, "done")

    def test_clerk_posts_only_in_their_warehouses(self):
        other = self._issue_draft(self.wh2)
        before = self._ledger_count()
        with self.assertRaises(AccessError):
            other.with_user(self.clerk).action_done()
        with self.assertRaises(AccessError):
            other.with_user(self.clerk).action_cancel()
        self.assertEqual(self._ledger_count(), before)
        self.assertEqual(other.state, "draft")
        self.assertEqual(self._quant(self.product, self.wh2).quantity, 10)

        own = self._issue_draft(self.wh1).with_user(self.clerk)
        own.action_done()
        self.assertEqual(own.state, "done")
        self.assertEqual(self._ledger_count(), before + 1)

    def test_clerk_creates_documents_only_in_their_warehouses(self):
        env = self.env(user=self.clerk)
        form = Form(env["jxc.stock.picking"].with_context(default_picking_type="in"))
        self.assertEqual(form.warehouse_id, self.wh1, "the default is their warehouse")
        # The warehouses offered for a document (its source) and a count: theirs.
        Warehouse = env["jxc.stock.warehouse"]
        self.assertEqual(Warehouse.search([("jxc_allowed", "=", True)]), self.wh1)
        self.assertEqual(
            (self.wh1 | self.wh2).with_user(self.clerk).mapped("jxc_allowed"), [True, False]
        )
        self.assertIn(self.wh2, Warehouse.search([("jxc_allowed", "=", False)]))
        self.assertIn(
            self.wh2,
            self.env["jxc.stock.warehouse"]
            .with_user(self.stock_user)
            .search([("jxc_allowed", "=", True)]),
        )
        with self.assertRaises(AccessError):
            env["jxc.stock.picking"].create(
                {
                    "picking_type": "in",
                    "warehouse_id": self.wh2.id,
                    "line_ids": [Command.create({"product_id": self.product.id, "quantity": 1})],
                }
            )
        with self.assertRaises(AccessError):
            env["jxc.stock.count"].create({"warehouse_id": self.wh2.id})

    def test_transfer_seen_from_both_sides_posted_from_the_source(self):
        outgoing = self._make_picking(
            "internal", [{"product_id": self.product.id, "quantity": 2}], self.wh1, self.wh2
        )
        incoming = self._make_picking(
            "internal", [{"product_id": self.product.id, "quantity": 3}], self.wh2, self.wh1
        )
        elsewhere = self._make_picking(
            "internal", [{"product_id": self.product.id, "quantity": 4}], self.wh2, self.wh3
        )
        Picking = self.env["jxc.stock.picking"].with_user(self.clerk)
        visible = Picking.search([("picking_type", "=", "internal")])
        self.assertEqual(visible, outgoing | incoming)
        self.assertEqual(incoming.with_user(self.clerk).line_ids.quantity, 3)
        with self.assertRaises(AccessError):
            elsewhere.with_user(self.clerk).read(["name"])

        before = self._ledger_count()
        with self.assertRaises(AccessError):
            incoming.with_user(self.clerk).action_done()
        with self.assertRaises(AccessError):
            incoming.with_user(self.clerk).write({"note": "received"})
        self.assertEqual(self._ledger_count(), before)
        self.assertEqual(incoming.state, "draft")

        outgoing.with_user(self.clerk).action_done()
        self.assertEqual(outgoing.state, "done")
        self.assertEqual(self._quant(self.product, self.wh1).quantity, 8)
        self.assertEqual(self._quant(self.product, self.wh2).quantity, 12)
        # They see their leg of the ledger, not the other warehouse's.
        self.assertEqual(outgoing.with_user(self.clerk).move_ids.mapped("warehouse_id"), self.wh1)
        self.assertLedgerConsistent()

    def test_counts_and_replenishment_stay_in_their_warehouses(self):
        count = self.env["jxc.stock.count"].create({"warehouse_id": self.wh2.id})
        with self.assertRaises(AccessError):
            count.with_user(self.clerk).action_start()
        own = (
            self.env["jxc.stock.count"]
            .with_user(self.clerk)
            .create({"warehouse_id": self.wh1.id, "product_ids": [Command.set(self.product.ids)]})
        )
        own.action_start()
        self.assertEqual(own.line_ids.theoretical_quantity, 10)
        self.assertEqual(self.env["jxc.stock.count"].with_user(self.clerk).search([]), own)

        Replenish = self.env["jxc.stock.replenish"]
        ours = [("warehouse_id", "in", (self.wh1 | self.wh2 | self.wh3).ids)]
        Replenish.action_compute()
        self.assertEqual(Replenish.search(ours).warehouse_id, self.wh1 | self.wh2)
        Replenish.with_user(self.clerk).action_compute()
        self.assertEqual(Replenish.with_user(self.clerk).search([]).warehouse_id, self.wh1)
        self.assertEqual(
            Replenish.search(ours).warehouse_id, self.wh1 | self.wh2, "others' are left alone"
        )
        alerts = self.env["jxc.stock.alert"].with_user(self.clerk).search([])
        self.assertEqual(alerts.warehouse_id, self.wh1)

    def test_warehouses_granted_on_the_warehouse_apply_at_once(self):
        Quant = self.env["jxc.stock.quant"].with_user(self.clerk)
        self.assertEqual(Quant.search([]).warehouse_id, self.wh1)
        self.wh2.with_user(self.stock_manager).jxc_user_ids = [Command.link(self.clerk.id)]
        self.assertEqual(self.clerk.jxc_warehouse_ids, self.wh1 | self.wh2)
        self.assertEqual(Quant.search([]).warehouse_id, self.wh1 | self.wh2)
        self.clerk.jxc_warehouse_ids = self.wh3
        self.assertEqual(Quant.search([]).warehouse_id, self.wh3)
        with self.assertRaises(AccessError):
            self.wh2.with_user(self.stock_user).write({"jxc_user_ids": [Command.clear()]})
        with self.assertRaises(AccessError):
            self.clerk.with_user(self.clerk).write(
                {"jxc_warehouse_ids": [Command.link(self.wh1.id)]}
            )
        with self.assertRaises(AccessError):
            self.wh1.with_user(self.clerk).write({"jxc_user_ids": [Command.link(self.clerk.id)]})
        self.assertEqual(self.clerk.jxc_warehouse_ids, self.wh3)

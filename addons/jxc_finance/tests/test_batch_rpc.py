# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.jxc_stock.tests.common import JxcHttpCase

from .common import JxcFinanceCommon


@tagged("post_install", "-at_install")
class TestBatchOverRpc(JxcFinanceCommon, JxcHttpCase):
    """Batch 审核 over real JSON-RPC (#15, part): the list's action and the public method
    check the caller's own rights, as the button does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._receive(cls.product, 20, 4.0)
        orders = cls._make_order([(cls.product, 2, 10.0)]) | cls._make_order(
            [(cls.product, 3, 10.0)]
        )
        orders.action_confirm()
        cls.deliveries = orders.picking_ids
        cls.action = cls.env.ref("jxc_stock.jxc_stock_picking_action_server_batch_done")

    def _run_action(self, login):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            "/web/action/run",
            {
                "action_id": self.action.id,
                "context": {
                    "active_model": "jxc.stock.picking",
                    "active_ids": self.deliveries.ids,
                },
            },
        )

    def _call(self, login, method):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/jxc.stock.picking/{method}",
            {
                "model": "jxc.stock.picking",
                "method": method,
                "args": [self.deliveries.ids],
                "kwargs": {},
            },
        )

    def test_salesperson_cannot_batch_validate_deliveries(self):
        for call in (
            lambda: self._run_action(self.sales_user.login),
            lambda: self._call(self.sales_user.login, "action_batch_done"),
        ):
            with self.assertRaises(JsonRpcException) as refused:
                call()
            self.assertEqual(str(refused.exception), "odoo.exceptions.AccessError")
        self.env.invalidate_all()
        self.assertEqual(self.deliveries.mapped("state"), ["draft", "draft"])
        self.assertFalse(self.deliveries.move_ids)
        self.assertAlmostEqual(self._quant(self.product).quantity, 20.0)

    def test_stock_user_batch_validates_from_the_list(self):
        result = self._run_action(self.stock_user.login)
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(result["params"]["type"], "success")
        self.env.invalidate_all()
        self.assertEqual(self.deliveries.mapped("state"), ["done", "done"])
        self.assertEqual(self.deliveries.move_ids.create_uid, self.stock_user)
        self.assertAlmostEqual(self._quant(self.product).quantity, 15.0)

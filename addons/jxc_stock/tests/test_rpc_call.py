# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which calls take turns per product before locking stock (jxc.stock.quant._take_turn): a
document's button called by a JSON-RPC request itself, never a method called inside it."""

from types import SimpleNamespace
from unittest.mock import patch

from odoo.tests import BaseCase

from ..utils import is_rpc_call


class TestRpcCall(BaseCase):
    def _is_rpc_call(self, params, model="jxc.stock.picking", method="action_done"):
        with patch("odoo.http.request", SimpleNamespace(params=params)):
            return is_rpc_call(model, method)

    def test_web_client_and_jsonrpc_calls(self):
        button = {"model": "jxc.stock.picking", "method": "action_done", "args": [[1]]}
        self.assertTrue(self._is_rpc_call(button))
        jsonrpc = {
            "service": "object",
            "method": "execute_kw",
            "args": ["db", 2, "pw", "jxc.stock.picking", "action_done", [[1]]],
        }
        self.assertTrue(self._is_rpc_call(jsonrpc))

    def test_methods_called_inside_a_request(self):
        # A batch runs each document's button in a savepoint: its own method is the call.
        batch = {"model": "jxc.stock.picking", "method": "action_batch_done", "args": [[1, 2]]}
        self.assertFalse(self._is_rpc_call(batch))
        other_model = {"model": "jxc.sale.order", "method": "action_done", "args": [[1]]}
        self.assertFalse(self._is_rpc_call(other_model))
        jsonrpc = {
            "service": "object",
            "method": "execute_kw",
            "args": ["db", 2, "pw", "jxc.sale.order", "action_confirm", [[1]]],
        }
        self.assertFalse(self._is_rpc_call(jsonrpc))
        self.assertFalse(self._is_rpc_call({}))
        # No request at all: scripts, cron jobs, the test-suite.
        self.assertFalse(is_rpc_call("jxc.stock.picking", "action_done"))

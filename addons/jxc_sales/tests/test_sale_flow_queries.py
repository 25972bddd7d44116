# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command

from .common import JxcSalesCommon


class TestSaleFlowQueries(JxcSalesCommon):
    """An order costs the same number of queries whatever its number of lines: nothing in
    creating, confirming (reservations, delivery, receivable) or delivering reads or writes
    line by line."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.products = cls.env["product.product"].create(
            [{"name": f"Query Count {i}", "type": "consu", "list_price": 10.0} for i in range(6)]
        )
        cls._make_picking(
            "in",
            [{"product_id": p.id, "quantity": 100.0, "unit_cost": 4.0} for p in cls.products],
        ).action_done()

    def _flow(self, lines):
        """Create and confirm an order of ``lines`` products as a salesperson, deliver it as
        stock staff; the queries of each step, each started with empty caches."""
        counts = {}

        def step(name, func):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            result = func()
            self.env.flush_all()
            counts[name] = self.cr.sql_log_count - before
            return result

        Order = self.env["jxc.sale.order"].with_user(self.sales_user)
        order = step(
            "create",
            lambda: Order.create(
                {
                    "partner_id": self.customer.id,
                    "warehouse_id": self.wh1.id,
                    "line_ids": [
                        Command.create({"product_id": p.id, "quantity": 2.0})
                        for p in self.products[:lines]
                    ],
                }
            ),
        )
        step("confirm", order.action_confirm)
        delivery = self._delivery(order)
        step("deliver", delivery.with_user(self.stock_user).action_done)
        self.assertEqual(order.state, "done")
        self.assertEqual(order.line_ids.mapped("qty_delivered"), [2.0] * lines)
        self.assertEqual(delivery.move_ids.mapped("quantity"), [-2.0] * lines)
        return counts

    def test_queries_do_not_grow_with_lines(self):
        self._flow(1)  # warm-up: registry caches, sequences
        two = self._flow(2)
        six = self._flow(6)
        self.assertEqual(six, two)
        # Every order shipped what it ordered: 2 per line, from the first products on.
        shipped = [3, 2, 1, 1, 1, 1]
        for product, orders in zip(self.products, shipped, strict=True):
            self.assertEqual(self._quant(product).quantity, 100.0 - 2.0 * orders)

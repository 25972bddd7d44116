# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two sessions post invoices for the same delivered line at once: the second waits for the
first, fails to serialize, and retried sees the first's invoice and refuses."""

import psycopg2
from psycopg2 import errorcodes

import odoo
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests.common import tagged

from odoo.addons.jxc_stock.tests.common import JxcCommittedCase, delete_stock_test_data


@tagged("post_install", "-at_install")
class TestConcurrentInvoicePosting(JxcCommittedCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls._committed_env({"tracking_disable": True}) as env:
            env.company.jxc_finance_lock_date = False
            warehouse = env["jxc.stock.warehouse"].create({"name": "Invoice race", "code": "INVR"})
            product = env["product.product"].create({"name": "Invoice race", "type": "consu"})
            customer = env["res.partner"].create({"name": "Invoice race customer"})
            cls._receive_committed(env, warehouse.id, product.ids, 5)
            order = env["jxc.sale.order"].create(
                {
                    "partner_id": customer.id,
                    "warehouse_id": warehouse.id,
                    "line_ids": [
                        Command.create(
                            {"product_id": product.id, "quantity": 5, "price_unit": 10.0}
                        )
                    ],
                }
            )
            order.action_confirm()
            order.picking_ids.action_done()
            invoices = env["jxc.finance.invoice"].create(
                [
                    {
                        "direction": "sale",
                        "partner_id": customer.id,
                        "invoice_number": f"RACE-{n}",
                        "line_ids": [
                            Command.create({"sale_line_id": order.line_ids.id, "quantity": 4})
                        ],
                    }
                    for n in (1, 2)
                ]
            )
            cls.ids = {
                "warehouse": warehouse.id,
                "product": product.id,
                "customer": customer.id,
                "order": order.id,
                "invoices": invoices.ids,
            }

    @classmethod
    def tearDownClass(cls):
        ids = cls.ids
        with cls._committed_env() as env:
            # Test data only: posted history is append-only for the application, so clean
            # it in SQL.
            cr = env.cr
            cr.execute("DELETE FROM jxc_finance_invoice WHERE id = ANY(%s)", [ids["invoices"]])
            cr.execute("DELETE FROM jxc_finance_entry WHERE sale_id = %s", [ids["order"]])
            delete_stock_test_data(cr, ids["warehouse"], [ids["product"]], after=["jxc_sale_order"])
            env["product.product"].browse(ids["product"]).product_tmpl_id.unlink()
            env["jxc.stock.warehouse"].browse(ids["warehouse"]).unlink()
            env["res.partner"].browse(ids["customer"]).unlink()
        super().tearDownClass()

    def test_second_post_waits_then_refuses(self):
        first_id, second_id = self.ids["invoices"]
        with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
            env_a = odoo.api.Environment(cr_a, odoo.SUPERUSER_ID, {})
            env_b = odoo.api.Environment(cr_b, odoo.SUPERUSER_ID, {})
            # B's snapshot is taken before A commits, as in two requests at once.
            env_b["jxc.finance.invoice"].browse(second_id).line_ids.sale_line_id.qty_invoiced  # noqa: B018
            env_a["jxc.finance.invoice"].browse(first_id).action_post()
            cr_b.execute("SET LOCAL lock_timeout = '500ms'")
            with self.assertRaises(psycopg2.errors.LockNotAvailable):
                env_b["jxc.finance.invoice"].browse(second_id).action_post()
            cr_b.rollback()
            env_b.invalidate_all()
            # A new snapshot of B, then A commits: B's post fails to serialize…
            env_b["jxc.finance.invoice"].browse(second_id).line_ids.sale_line_id.qty_invoiced  # noqa: B018
            cr_a.commit()
            with self.assertRaises(psycopg2.OperationalError) as caught:
                env_b["jxc.finance.invoice"].browse(second_id).action_post()
            self.assertEqual(caught.exception.pgcode, errorcodes.SERIALIZATION_FAILURE)
            cr_b.rollback()
            env_b.invalidate_all()
            # … and retried (as Odoo's RPC layer does), it counts the first invoice.
            with self.assertRaisesRegex(UserError, "4 Units are invoiced already"):
                env_b["jxc.finance.invoice"].browse(second_id).action_post()
            cr_b.rollback()

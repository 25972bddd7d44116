# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from .common import JxcStockCommon


class TestLedgerIntegrity(JxcStockCommon):
    def test_posted_rows_are_immutable_even_for_superuser(self):
        move = self._receive(self.product, 5, 1.0).move_ids
        for env_move in (move, move.sudo()):
            with self.assertRaisesRegex(UserError, "cannot be changed"):
                env_move.write({"quantity": 50})
            with self.assertRaisesRegex(UserError, "cannot be deleted"):
                env_move.unlink()
        with self.assertRaisesRegex(UserError, "only by posting"):
            self.env["jxc.stock.move"].sudo().create(
                {
                    "product_id": self.product.id,
                    "warehouse_id": self.wh1.id,
                    "quantity": 1,
                    "move_type": "in",
                    "company_id": self.company.id,
                }
            )
        quant = self._quant(self.product)
        with self.assertRaisesRegex(UserError, "only by posting"):
            quant.sudo().write({"quantity": 99})
        with self.assertRaisesRegex(UserError, "only by posting"):
            quant.sudo().unlink()
        self.assertEqual(move.quantity, 5)

    def test_integrity_check_finds_tampering(self):
        self._receive(self.product, 5, 1.0)
        check = self.env["jxc.stock.integrity"]._run()
        self.assertEqual(check.state, "ok")
        self.env.flush_all()
        # Somebody edits the database behind the application's back.
        self.env.cr.execute(
            "UPDATE jxc_stock_quant SET quantity = 7, available_quantity = 7 WHERE product_id = %s",
            [self.product.id],
        )
        self.env.invalidate_all()
        check = self.env["jxc.stock.integrity"]._run()
        self.assertEqual(check.state, "mismatch")
        self.assertRecordValues(
            check.line_ids,
            [
                {
                    "product_id": self.product.id,
                    "warehouse_id": self.wh1.id,
                    "check_type": "quantity",
                    "expected": 5,
                    "actual": 7,
                }
            ],
        )
        self.env["jxc.stock.integrity"]._cron_run()
        latest = self.env["jxc.stock.integrity"].search([], limit=1)
        self.assertEqual(latest.state, "mismatch")
        self.assertTrue(latest.activity_ids, "stock managers are told")

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An integrator's extension keeps JXC's invariants: the new document type gets the state
machine, posting rights, all-or-nothing posting, no oversell and reversal (红冲) for free."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.jxc_stock.tests.common import JxcStockCommon


@tagged("post_install", "-at_install")
class TestScrapExtension(JxcStockCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._receive(cls.product, 10, 3.0)

    def _scrap(self, quantity, reason="Broken in transit", user=None):
        Picking = self.env["jxc.stock.picking"].with_user(user or self.stock_manager)
        return Picking.create(
            {
                "picking_type": "scrap",
                "warehouse_id": self.wh1.id,
                "scrap_reason": reason,
                "line_ids": [(0, 0, {"product_id": self.product.id, "quantity": quantity})],
            }
        )

    def test_scrap_posts_with_its_ledger_column(self):
        scrap = self._scrap(4)
        scrap.action_done()
        self.assertRecordValues(
            scrap.move_ids,
            [
                {
                    "quantity": -4.0,
                    "value": -12.0,
                    "move_type": "scrap",
                    "scrap_reason": "Broken in transit",
                }
            ],
        )
        self.assertEqual(self._quant(self.product).quantity, 6.0)
        self.assertIn("Scrapped: Broken in transit", scrap.message_ids[:1].body)
        self.assertLedgerConsistent()

    def test_posting_rights_and_checks_come_from_the_type(self):
        scrap = self._scrap(2, user=self.stock_user)
        with self.assertRaises(AccessError):
            scrap.with_user(self.stock_user).action_done()
        no_reason = self._scrap(2, reason=False)
        with self.assertRaisesRegex(UserError, "give the reason for scrapping"):
            no_reason.action_done()
        self.assertFalse((scrap | no_reason).move_ids)
        self.assertEqual(self._quant(self.product).quantity, 10.0)

    def test_no_oversell_and_all_or_nothing(self):
        scrap = self._scrap(4)
        scrap.line_ids = [(0, 0, {"product_id": self.product.id, "quantity": 7})]
        with self.assertRaisesRegex(UserError, "only 6 available"):
            scrap.action_done()
        self.assertFalse(scrap.move_ids)
        self.assertEqual(scrap.state, "draft")
        self.assertEqual(self._quant(self.product).quantity, 10.0)
        self.assertLedgerConsistent()

    def test_state_machine_and_reversal(self):
        scrap = self._scrap(3)
        scrap.action_done()
        with self.assertRaisesRegex(UserError, "cannot be changed by hand"):
            scrap.with_user(self.stock_manager).write({"state": "draft"})
        with self.assertRaisesRegex(UserError, "cannot be changed any more"):
            scrap.with_user(self.stock_manager).write({"scrap_reason": "Other"})
        with self.assertRaises(UserError):
            scrap.with_user(self.stock_manager).unlink()
        scrap.with_user(self.stock_manager).action_reverse()
        reversal = scrap.reversal_ids
        self.assertRecordValues(
            reversal.move_ids,
            [{"quantity": 3.0, "value": 9.0, "move_type": "scrap", "is_reversal": True}],
        )
        self.assertEqual(self._quant(self.product).quantity, 10.0)
        self.assertLedgerConsistent()

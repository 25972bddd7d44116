# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user

from .common import JxcFinanceCommon


class TestLandedCostPayable(JxcFinanceCommon):
    """A landed cost owes its carriers; its 红冲 takes the payables back; the lock date
    closes its period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.carrier = cls.env["res.partner"].create({"name": "Test Carrier", "is_company": True})
        cls.insurer = cls.env["res.partner"].create({"name": "Test Insurer", "is_company": True})
        cls.purchase_manager = new_test_user(
            cls.env,
            email=False,
            login="jxc_landed_purchase_manager",
            groups="base.group_user,jxc_purchase.group_jxc_purchase_manager",
        )
        order = cls._purchase([(cls.product, 10, 10.00)])
        order.action_confirm()
        cls.receipt = order.picking_ids
        cls.receipt.action_done()

    def _landed_cost(self, **vals):
        return (
            self.env["jxc.purchase.landed.cost"]
            .with_user(self.purchase_manager)
            .create(
                dict(
                    {
                        "picking_ids": [Command.set(self.receipt.ids)],
                        "cost_line_ids": [
                            Command.create(
                                {
                                    "cost_type": "freight",
                                    "partner_id": self.carrier.id,
                                    "amount": 30.00,
                                }
                            ),
                            Command.create(
                                {
                                    "cost_type": "insurance",
                                    "partner_id": self.insurer.id,
                                    "amount": 2.50,
                                }
                            ),
                        ],
                    },
                    **vals,
                )
            )
        )

    def _entries(self, cost):
        return self.env["jxc.finance.entry"].search(
            [("res_model", "=", cost._name), ("res_id", "=", cost.id)], order="id"
        )

    def test_payables_and_reversal(self):
        cost = self._landed_cost()
        cost.action_post()
        self.assertRecordValues(
            self._entries(cost),
            [
                {"entry_type": "payable", "partner_id": self.carrier.id, "amount": 30.00},
                {"entry_type": "payable", "partner_id": self.insurer.id, "amount": 2.50},
            ],
        )
        self.assertRecordValues(self._valuation(self.product), [{"value": 132.50}])
        self.assertLedgerConsistent()
        finance_view = cost.with_user(self.finance_user)
        self.assertEqual(finance_view.amount_total, 32.50)
        cost.action_reverse()
        entries = self._entries(cost)
        self.assertEqual(len(entries), 4)
        self.assertEqual(sum(entries.mapped("amount")), 0.0)
        self.assertRecordValues(self._valuation(self.product), [{"value": 100.00}])
        self.assertLedgerConsistent()

    def test_lock_date(self):
        self.company.jxc_finance_lock_date = self.today - timedelta(days=1)
        cost = self._landed_cost(date=self.today - timedelta(days=1))
        with self.assertRaisesRegex(UserError, "lock date"):
            cost.action_post()
        self.assertEqual(cost.state, "draft")
        self.assertFalse(self._entries(cost))
        self.assertRecordValues(self._valuation(self.product), [{"value": 100.00}])

    def test_carrier_of_another_company_refused(self):
        """A landed cost owes only partners of its own company (or shared ones), also when
        posted by a user of both companies."""
        company_b = self.env["res.company"].create({"name": "Test Landed Company B"})
        carrier_b = self.env["res.partner"].create(
            {"name": "Test Carrier B", "company_id": company_b.id}
        )
        with self.assertRaises(UserError):
            self.env["jxc.purchase.landed.cost"].with_context(
                allowed_company_ids=[self.company.id, company_b.id]
            ).create(
                {
                    "picking_ids": [Command.set(self.receipt.ids)],
                    "cost_line_ids": [
                        Command.create(
                            {
                                "cost_type": "freight",
                                "partner_id": carrier_b.id,
                                "amount": 5.00,
                            }
                        )
                    ],
                }
            )

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.jxc_sales.tests.common import JxcSalesCommon


class JxcFinanceCommon(JxcSalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.jxc_finance_lock_date = False
        cls.company.jxc_po_approval_amount = 0.0
        cls.company.jxc_receipt_tolerance = 0.0
        cls.supplier = cls.env["res.partner"].create(
            {"name": "Test Finance Supplier", "is_company": True}
        )
        cls.bank = cls.env["jxc.finance.account"].create(
            {"name": "Test Bank", "account_type": "bank"}
        )
        cls.finance_user = new_test_user(
            cls.env,
            email=False,
            login="jxc_finance_user",
            groups="base.group_user,jxc_finance.group_jxc_finance_user",
        )
        cls.finance_manager = new_test_user(
            cls.env,
            email=False,
            login="jxc_finance_manager",
            groups="base.group_user,jxc_finance.group_jxc_finance_manager",
        )
        # Documents default to their user's day (``context_today``: the user's time zone,
        # UTC without one), the figures below to the machine's UTC date: one zone for all,
        # as the demo administrator's (Europe/Brussels) starts the next day at 23:00 UTC.
        cls.env.user.tz = "UTC"
        cls.today = fields.Date.today()

    @classmethod
    def _purchase(cls, lines, **vals):
        return cls.env["jxc.purchase.order"].create(
            dict(
                {
                    "partner_id": cls.supplier.id,
                    "warehouse_id": cls.wh1.id,
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": p.id,
                                "quantity": q,
                                "price_unit": price,
                                "tax_rate": 13.0,
                            }
                        )
                        for p, q, price in lines
                    ],
                },
                **vals,
            )
        )

    @classmethod
    def _entry(cls, partner, amount, days_ago=0, due_in=0, entry_type="receivable", ref="E"):
        date = cls.today - timedelta(days=days_ago)
        return cls.env["jxc.finance.entry"]._post(
            [
                {
                    "entry_type": entry_type,
                    "partner_id": partner.id,
                    "amount": amount,
                    "date": date,
                    "date_due": date + timedelta(days=due_in),
                    "reference": ref,
                }
            ]
        )

    @classmethod
    def _payment(cls, partner, amount, payment_type="inbound", post=True, **vals):
        payment = cls.env["jxc.finance.payment"].create(
            dict(
                {
                    "payment_type": payment_type,
                    "partner_id": partner.id,
                    "amount": amount,
                    "account_id": cls.bank.id,
                },
                **vals,
            )
        )
        if post:
            payment.action_post()
        return payment

    def _receivables(self, order):
        return self.env["jxc.finance.entry"].search(
            [("origin", "=", order.name), ("entry_type", "=", "receivable")]
        )

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.jxc_stock.tests.common import JxcStockCommon


class JxcPurchaseCommon(JxcStockCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.jxc_po_approval_amount = 0.0
        cls.company.jxc_receipt_tolerance = 0.0
        Partner = cls.env["res.partner"]
        cls.supplier = Partner.create({"name": "Test Supplier A", "is_company": True})
        cls.supplier2 = Partner.create({"name": "Test Supplier B", "is_company": True})
        cls.purchase_user = new_test_user(
            cls.env,
            email=False,
            login="jxc_purchase_user",
            groups="base.group_user,jxc_purchase.group_jxc_purchase_user",
        )
        cls.purchase_manager = new_test_user(
            cls.env,
            email=False,
            login="jxc_purchase_manager",
            groups="base.group_user,jxc_purchase.group_jxc_purchase_manager",
        )

    @classmethod
    def _make_order(cls, lines, partner=None, **vals):
        """A draft purchase order; ``lines`` are (product, quantity, price) or dicts."""
        line_cmds = []
        for line in lines:
            if isinstance(line, dict):
                line_cmds.append(Command.create(line))
            else:
                product, quantity, price = line
                line_cmds.append(
                    Command.create(
                        {
                            "product_id": product.id,
                            "quantity": quantity,
                            "price_unit": price,
                            "tax_rate": 13.0,
                        }
                    )
                )
        return cls.env["jxc.purchase.order"].create(
            dict(
                {
                    "partner_id": (partner or cls.supplier).id,
                    "warehouse_id": cls.wh1.id,
                    "line_ids": line_cmds,
                },
                **vals,
            )
        )

    def _foreign_currency(self, rate):
        """Another currency, worth 1 / ``rate`` company currency today (its only rate)."""
        other = self.env["res.currency"].search(
            [("id", "!=", self.currency.id), ("name", "in", ("EUR", "USD", "CNY"))], limit=1
        )
        other.active = True
        self.env["res.currency.rate"].search(
            [("currency_id", "in", (other | self.currency).ids)]
        ).unlink()
        self.env["res.currency.rate"].create(
            {
                "currency_id": other.id,
                "rate": rate,
                "name": fields.Date.today(),
                "company_id": self.company.id,
            }
        )
        return other

    @staticmethod
    def _receipt(order):
        return order.picking_ids.filtered(
            lambda p: p.picking_type == "purchase_in" and p.state == "draft"
        )

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import Form, new_test_user

from odoo.addons.jxc_finance.tests.common import JxcFinanceCommon


class TestReportsManagerOpensDocuments(JxcFinanceCommon):
    """A reports manager, and nothing else, opens the orders and payments the dashboard
    lists: their forms read-only, lines, deliveries / receipts and money included."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reports_manager = new_test_user(
            cls.env,
            email=False,
            login="jxc_reports_manager_only",
            groups="base.group_user,jxc_reports.group_jxc_reports_manager",
        )
        cls._receive(cls.product, 20, 4.0)
        cls.sale = cls._make_order([(cls.product, 5, 10.0)])
        cls.sale.action_confirm()
        cls._delivery(cls.sale).action_done()
        cls.purchase = cls._purchase([(cls.product, 4, 5.0)])
        cls.purchase.action_confirm()
        cls.payment = cls._payment(cls.customer, 30.0)

    def _open(self, record):
        """The form as the web client loads it: the fields of its view, lines included."""
        return Form(record.with_user(self.reports_manager))

    def test_sale_order_form(self):
        form = self._open(self.sale)
        self.assertEqual(form.amount_total, self.sale.amount_total)
        self.assertEqual(len(form.line_ids), 1)
        delivery = self._open(self.sale.picking_ids)
        self.assertEqual(delivery.state, "done")

    def test_purchase_order_form(self):
        form = self._open(self.purchase)
        self.assertEqual(form.amount_total, self.purchase.amount_total)
        self.assertEqual(len(form.line_ids), 1)
        self._open(self.purchase.picking_ids)

    def test_payment_form(self):
        self.assertTrue(self.payment.line_ids.entry_id)
        form = self._open(self.payment)
        self.assertEqual(form.amount, 30.0)

    def test_reports_manager_gets_no_document_buttons(self):
        hidden = {
            "jxc.sale.order": ("action_confirm", "action_send", "action_cancel", "action_draft"),
            "jxc.purchase.order": ("action_confirm", "action_approve", "action_cancel"),
            "jxc.stock.picking": ("action_done", "action_cancel", "action_view_moves"),
            "jxc.finance.payment": ("action_post", "action_load_open_entries", "action_cancel"),
        }
        for model, names in hidden.items():
            buttons = self._buttons(model, self.reports_manager)
            for name in names:
                self.assertNotIn(name, buttons, model)

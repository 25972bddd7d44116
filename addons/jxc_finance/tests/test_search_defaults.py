# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tools.safe_eval import safe_eval

from .common import JxcFinanceCommon


class TestSearchDefaults(JxcFinanceCommon):
    """Typing a name in the ledger or the receivables finds it from the first keystroke
    (#15, part): the first field of their search views looks in names, not only numbers."""

    def _first_field_search(self, model, text):
        arch = self.env[model].get_views([(False, "search")])["views"]["search"]["arch"]
        first = etree.fromstring(arch).find(".//field")
        domain = safe_eval(first.get("filter_domain"), {"self": text})
        return self.env[model].search(domain)

    def test_ledger_by_product_and_warehouse_name(self):
        picking = self._receive(self.product, 3, 2.0)
        self.assertIn(picking.move_ids, self._first_field_search("jxc.stock.move", "Test Water"))
        self.assertIn(picking.move_ids, self._first_field_search("jxc.stock.move", "Test Main"))
        self.assertIn(picking.move_ids, self._first_field_search("jxc.stock.move", picking.name))

    def test_receivables_by_customer_name(self):
        self._receive(self.product, 3, 2.0)
        order = self._make_order([(self.product, 1, 9.0)])
        order.action_confirm()
        entries = self._receivables(order)
        self.assertTrue(entries)
        found = self._first_field_search("jxc.finance.entry", "Test Customer")
        self.assertIn(entries, found)
        self.assertIn(entries, self._first_field_search("jxc.finance.entry", order.name))

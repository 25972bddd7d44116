# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user, tagged

from odoo.addons.jxc_sales.tests.test_import_templates import (
    CUSTOMER_HEADERS,
    CUSTOMER_TEMPLATE,
    CUSTOMER_VALUES,
)
from odoo.addons.jxc_stock.tests.import_common import ImportTemplateCase

FINANCE_CUSTOMER_TEMPLATE = "/jxc_finance/static/xls/jxc_customer_template.xlsx"


@tagged("post_install", "-at_install")
class TestImportTemplates(ImportTemplateCase):
    _chinese_modules = ("product", "uom", "jxc_stock", "jxc_sales", "jxc_finance")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance_user = new_test_user(
            cls.env,
            login="jxc_import_finance_user",
            groups="jxc_finance.group_jxc_finance_user,base.group_partner_manager",
        )
        cls.sales_user = new_test_user(
            cls.env,
            login="jxc_import_finance_sales_user",
            groups="jxc_sales.group_jxc_sales_user,base.group_partner_manager",
        )

    def test_customer_template_with_credit_terms(self):
        self.assertTemplateOffered("res.partner", FINANCE_CUSTOMER_TEMPLATE)
        self.assertTemplateOffered("res.partner", CUSTOMER_TEMPLATE, offered=False)
        headers = dict(CUSTOMER_HEADERS, 信用额度="jxc_credit_limit", 信用天数="jxc_credit_days")
        self.assertHeadersMap(self.finance_user, "res.partner", FINANCE_CUSTOMER_TEMPLATE, headers)
        customers = self._import_template(
            self.finance_user, "res.partner", FINANCE_CUSTOMER_TEMPLATE
        )
        self.assertRecordValues(
            customers, [dict(CUSTOMER_VALUES, jxc_credit_limit=50000.0, jxc_credit_days=30)]
        )

    def test_only_finance_imports_credit_terms(self):
        result = self._run_import(
            self.sales_user, "res.partner", FINANCE_CUSTOMER_TEMPLATE, "en_US"
        )
        self.assertIn("Only finance staff", result["messages"][0]["message"])
        self.assertFalse(self.env["res.partner"].search([("ref", "=", "KH001")]))

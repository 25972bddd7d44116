# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user, tagged

from odoo.addons.jxc_stock.tests.import_common import ImportTemplateCase

CUSTOMER_TEMPLATE = "/jxc_sales/static/xls/jxc_customer_template.xlsx"
CUSTOMER_HEADERS = {
    "名称": "name",
    "客户编码": "ref",
    "公司": "is_company",
    "联系电话": "phone",
    "手机": "mobile",
    "电子邮箱": "email",
    "城市": "city",
    "地址": "street",
    "邮编": "zip",
    "税号": "vat",
}
CUSTOMER_VALUES = {
    "name": "示例商贸有限公司",
    "ref": "KH001",
    "is_company": True,
    "phone": "0571-88880000",
    "mobile": "13800000000",
    "email": "buyer@example.com",
    "city": "杭州",
    "street": "示例路 1 号",
    "zip": "310000",
    "vat": "91330100000000000X",
}


@tagged("post_install", "-at_install")
class TestImportTemplates(ImportTemplateCase):
    _chinese_modules = ("product", "uom", "jxc_stock", "jxc_sales")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales_user = new_test_user(
            cls.env,
            login="jxc_import_sales_user",
            groups="jxc_sales.group_jxc_sales_user,base.group_partner_manager",
        )

    def test_customer_template(self):
        # With jxc_finance, its template (with the credit terms) is offered instead.
        finance = "jxc_credit_limit" in self.env["res.partner"]._fields
        self.assertTemplateOffered("res.partner", CUSTOMER_TEMPLATE, offered=not finance)
        self.assertHeadersMap(self.sales_user, "res.partner", CUSTOMER_TEMPLATE, CUSTOMER_HEADERS)
        customers = self._import_template(self.sales_user, "res.partner", CUSTOMER_TEMPLATE)
        self.assertRecordValues(customers, [CUSTOMER_VALUES])

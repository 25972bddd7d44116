# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user, tagged

from odoo.addons.jxc_stock.tests.import_common import ImportTemplateCase

SUPPLIER_TEMPLATE = "/jxc_purchase/static/xls/jxc_supplier_template.xlsx"
SUPPLIERINFO_TEMPLATE = "/jxc_purchase/static/xls/jxc_supplierinfo_template.xlsx"


@tagged("post_install", "-at_install")
class TestImportTemplates(ImportTemplateCase):
    _chinese_modules = ("product", "uom", "jxc_stock", "jxc_purchase")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.purchase_user = new_test_user(
            cls.env,
            login="jxc_import_purchase_user",
            groups="jxc_purchase.group_jxc_purchase_user,base.group_partner_manager",
        )

    def test_templates_offered(self):
        self.assertTemplateOffered("res.partner", SUPPLIER_TEMPLATE)
        self.assertTemplateOffered("product.supplierinfo", SUPPLIERINFO_TEMPLATE)

    def test_supplier_template_headers_map(self):
        self.assertHeadersMap(
            self.purchase_user,
            "res.partner",
            SUPPLIER_TEMPLATE,
            {
                "名称": "name",
                "供应商编码": "ref",
                "公司": "is_company",
                "联系电话": "phone",
                "手机": "mobile",
                "电子邮箱": "email",
                "城市": "city",
                "地址": "street",
                "邮编": "zip",
                "税号": "vat",
                "付款天数": "jxc_payment_days",
            },
        )

    def test_supplier_template_imports(self):
        suppliers = self._import_template(self.purchase_user, "res.partner", SUPPLIER_TEMPLATE)
        self.assertRecordValues(
            suppliers,
            [
                {
                    "name": "示例供应商有限公司",
                    "ref": "GYS001",
                    "is_company": True,
                    "phone": "0571-88880000",
                    "mobile": "13800000000",
                    "email": "sales@example.com",
                    "city": "杭州",
                    "street": "示例路 2 号",
                    "zip": "310000",
                    "vat": "91330100000000000X",
                    "jxc_payment_days": 30,
                }
            ],
        )
        # New purchase orders of the supplier start with its payment days (账期).
        order = self.env["jxc.purchase.order"].create({"partner_id": suppliers.id})
        self.assertEqual(order.payment_term_days, 30)

    def test_supplierinfo_template_headers_map(self):
        self.assertHeadersMap(
            self.purchase_user,
            "product.supplierinfo",
            SUPPLIERINFO_TEMPLATE,
            {
                "供应商": "partner_id",
                "商品": "product_tmpl_id",
                "供应商商品编码": "product_code",
                "供应商商品名称": "product_name",
                "起订数量": "min_qty",
                "采购单价": "price",
                "交货天数": "delay",
            },
        )

    def test_supplierinfo_template_imports(self):
        supplier = self.env["res.partner"].create(
            {"name": "Imported Supplier", "ref": "GYS001", "is_company": True}
        )
        product = self.env["product.template"].create(
            {
                "name": "Imported Water",
                "type": "consu",
                "default_code": "SP0001",
                "uom_po_id": self.env.ref("uom.product_uom_dozen").id,
            }
        )
        prices = self._import_template(
            self.purchase_user, "product.supplierinfo", SUPPLIERINFO_TEMPLATE
        )
        self.assertRecordValues(
            prices,
            [
                {
                    "partner_id": supplier.id,
                    "product_tmpl_id": product.id,
                    "product_code": "A-550",
                    "min_qty": 24.0,
                    "price": 1.1,
                    "delay": 3,
                    "currency_id": self.env.company.currency_id.id,
                    "product_uom": self.env.ref("uom.product_uom_dozen").id,
                }
            ],
        )

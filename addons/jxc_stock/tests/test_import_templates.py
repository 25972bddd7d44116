# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user, tagged

from .import_common import ImportTemplateCase

PRODUCT_TEMPLATE = "/jxc_stock/static/xls/jxc_product_template.xlsx"
RULE_TEMPLATE = "/jxc_stock/static/xls/jxc_stock_rule_template.xlsx"


@tagged("post_install", "-at_install")
class TestImportTemplates(ImportTemplateCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stock_manager = new_test_user(
            cls.env,
            login="jxc_import_stock_manager",
            groups="jxc_stock.group_jxc_stock_manager,product.group_product_manager",
        )

    def test_templates_offered(self):
        self.assertTemplateOffered("product.template", PRODUCT_TEMPLATE)
        self.assertTemplateOffered("jxc.stock.rule", RULE_TEMPLATE)
        # Odoo's own product template stays on offer.
        self.assertTemplateOffered("product.template", "/product/static/xls/product_template.xls")

    def test_product_template_headers_map(self):
        self.assertHeadersMap(
            self.stock_manager,
            "product.template",
            PRODUCT_TEMPLATE,
            {
                "商品编码": "default_code",
                "名称": "name",
                "规格": "specification",
                "类别": "categ_id",
                "基本单位": "uom_id",
                "采购单位": "uom_po_id",
                "条码": "barcode",
                "追踪方式": "tracking",
                "到期日期管理": "use_expiration_date",
                "保质期(天)": "expiration_time",
                "销售价": "list_price",
                "采购价": "standard_price",
            },
        )

    def test_product_template_imports(self):
        products = self._import_template(self.stock_manager, "product.template", PRODUCT_TEMPLATE)
        self.assertRecordValues(
            products,
            [
                {
                    "default_code": "SP0001",
                    "name": "示例矿泉水",
                    "specification": "550ml×24瓶/箱",
                    "type": "consu",
                    "categ_id": self.env.ref("product.product_category_all").id,
                    "uom_id": self.env.ref("uom.product_uom_unit").id,
                    "uom_po_id": self.env.ref("uom.product_uom_dozen").id,
                    "barcode": "6900000000017",
                    "tracking": "lot",
                    "use_expiration_date": True,
                    "expiration_time": 365,
                    "list_price": 2.5,
                    "standard_price": 1.2,
                }
            ],
        )

    def test_rule_template_headers_map(self):
        self.assertHeadersMap(
            self.stock_manager,
            "jxc.stock.rule",
            RULE_TEMPLATE,
            {
                "商品": "product_id",
                "仓库": "warehouse_id",
                "下限": "min_quantity",
                "上限": "max_quantity",
                "订货倍数": "multiple",
                "采购提前期(天)": "lead_days",
            },
        )

    def test_rule_template_imports(self):
        product = self.env["product.product"].create(
            {"name": "Imported Water", "type": "consu", "default_code": "SP0001"}
        )
        warehouse = self.env["jxc.stock.warehouse"].create({"name": "主仓库", "code": "TIMP"})
        rules = self._import_template(self.stock_manager, "jxc.stock.rule", RULE_TEMPLATE)
        self.assertRecordValues(
            rules,
            [
                {
                    "product_id": product.id,
                    "warehouse_id": warehouse.id,
                    "min_quantity": 100.0,
                    "max_quantity": 500.0,
                    "multiple": 12.0,
                    "lead_days": 7,
                    "effective_min": 100.0,
                }
            ],
        )

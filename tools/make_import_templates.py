"""Write the master-data import templates (启用建账) shipped in the addons' static/xls/, and
the column mappings that let Odoo's import map their Chinese headers in any language.

Usage: .venv/bin/python tools/make_import_templates.py

Each template is one sheet: a header row and one example row. Odoo's import (base_import)
first looks a header up in its saved column mappings (`base_import.mapping`, per model), then
compares it with the field names and labels; the labels are Chinese only in zh_CN sessions, so
each addon ships the mappings of its headers in data/base_import_mapping_data.xml (written here
too). The example rows fit together: import products, then partners, then supplier prices and
min / max rules. Re-run after changing a column here and keep the tests in step. The output is
reproducible: same input, same bytes.
"""

import datetime
import os

import xlsxwriter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (header, field, example value, comment shown on the header cell)
PRODUCT_COLUMNS = [
    ("商品编码", "default_code", "SP0001", "唯一的商品编码,其他模板用它引用商品"),
    ("名称", "name", "示例矿泉水", "必填"),
    ("规格", "specification", "550ml×24瓶/箱", ""),
    ("类别", "categ_id", "All", "已有的商品类别名称"),
    ("基本单位", "uom_id", "单位", "已有的计量单位名称;库存和台账都用这个单位"),
    ("采购单位", "uom_po_id", "打", "与基本单位同一类别的计量单位"),
    ("条码", "barcode", "6900000000017", "可空;填了就不能重复"),
    ("追踪方式", "tracking", "按批次", "不追踪 / 按批次 / 按唯一序列号"),
    ("到期日期管理", "use_expiration_date", "1", "1 = 批次有到期日期(需追踪批次或序列号)"),
    ("保质期(天)", "expiration_time", 365, "入库批次没有到期日期时,按入库日期 + 保质期计算"),
    ("销售价", "list_price", 2.5, ""),
    ("采购价", "standard_price", 1.2, "没有供应商价格和历史进价时,采购订单用它作默认单价"),
]
PARTNER_COLUMNS = [
    ("名称", "name", None, "必填"),
    (None, "ref", None, "唯一的编码,其他模板可用它引用这个往来单位"),
    ("公司", "is_company", "1", "1 = 公司,0 = 个人"),
    ("联系电话", "phone", "0571-88880000", ""),
    ("手机", "mobile", "13800000000", ""),
    ("电子邮箱", "email", None, ""),
    ("城市", "city", "杭州", ""),
    ("地址", "street", None, ""),
    ("邮编", "zip", "310000", ""),
    ("税号", "vat", "91330100000000000X", "统一社会信用代码"),
]
CUSTOMER_VALUES = {
    "name": "示例商贸有限公司",
    "ref": "KH001",
    "email": "buyer@example.com",
    "street": "示例路 1 号",
}
SUPPLIER_VALUES = {
    "name": "示例供应商有限公司",
    "ref": "GYS001",
    "email": "sales@example.com",
    "street": "示例路 2 号",
}
CREDIT_COLUMNS = [
    ("信用额度", "jxc_credit_limit", 50000, "未收应收 + 新订单不得超过它;0 = 不限"),
    ("信用天数", "jxc_credit_days", 30, "应收超过这么多天未收就不能下新订单;0 = 不检查"),
]
PAYMENT_COLUMNS = [
    ("付款天数", "jxc_payment_days", 30, "收货后多少天付款(账期);新采购订单默认用它"),
]
SUPPLIERINFO_COLUMNS = [
    ("供应商", "partner_id", "GYS001", "供应商编码或名称"),
    ("商品", "product_tmpl_id", "SP0001", "商品编码或名称"),
    ("供应商商品编码", "product_code", "A-550", ""),
    ("供应商商品名称", "product_name", None, ""),
    ("起订数量", "min_qty", 24, "按商品的采购单位"),
    ("采购单价", "price", 1.1, "按商品的采购单位,公司币种"),
    ("交货天数", "delay", 3, ""),
]
RULE_COLUMNS = [
    ("商品", "product_id", "SP0001", "商品编码或名称"),
    ("仓库", "warehouse_id", "主仓库", "已有的仓库名称"),
    ("下限", "min_quantity", 100, "按基本单位;可用量低于下限时建议补货"),
    ("上限", "max_quantity", 500, "补货补到上限"),
    ("订货倍数", "multiple", 12, "建议数量向上取整到它的倍数"),
    ("采购提前期(天)", "lead_days", 7, ""),
]


def _partner_columns(code_header, values, extra=()):
    columns = [
        (header or code_header, field, values.get(field, example), comment)
        for header, field, example, comment in PARTNER_COLUMNS
    ]
    return columns + list(extra)


TEMPLATES = {
    "addons/jxc_stock/static/xls/jxc_product_template.xlsx": ("商品", PRODUCT_COLUMNS),
    "addons/jxc_stock/static/xls/jxc_stock_rule_template.xlsx": ("库存上下限", RULE_COLUMNS),
    "addons/jxc_sales/static/xls/jxc_customer_template.xlsx": (
        "客户",
        _partner_columns("客户编码", CUSTOMER_VALUES),
    ),
    "addons/jxc_finance/static/xls/jxc_customer_template.xlsx": (
        "客户",
        _partner_columns("客户编码", CUSTOMER_VALUES, CREDIT_COLUMNS),
    ),
    "addons/jxc_purchase/static/xls/jxc_supplier_template.xlsx": (
        "供应商",
        _partner_columns("供应商编码", SUPPLIER_VALUES, PAYMENT_COLUMNS),
    ),
    "addons/jxc_purchase/static/xls/jxc_supplierinfo_template.xlsx": (
        "供应商价格",
        SUPPLIERINFO_COLUMNS,
    ),
}

# The saved column mappings each addon ships: (model, columns) with the template's headers.
MAPPINGS = {
    "jxc_stock": [
        ("product.template", PRODUCT_COLUMNS),
        ("jxc.stock.rule", RULE_COLUMNS),
        # Shared by the customer (jxc_sales) and supplier (jxc_purchase) templates.
        ("res.partner", [column for column in PARTNER_COLUMNS if column[0]]),
    ],
    "jxc_sales": [("res.partner", [("客户编码", "ref", None, "")])],
    "jxc_purchase": [
        ("res.partner", [("供应商编码", "ref", None, ""), *PAYMENT_COLUMNS]),
        ("product.supplierinfo", SUPPLIERINFO_COLUMNS),
    ],
    "jxc_finance": [("res.partner", CREDIT_COLUMNS)],
}
MAPPING_XML = """<?xml version="1.0" encoding="utf-8" ?>
<!-- Copyright 2026 JXC contributors
     License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). -->
<!-- Written by tools/make_import_templates.py: the headers of the import templates (static/xls),
     mapped to their fields whatever the user's language. noupdate: the import updates a mapping
     when a user maps that column to another field; an upgrade keeps the user's choice. -->
<odoo noupdate="1">
{records}</odoo>
"""
MAPPING_RECORD = """    <record id="{xmlid}" model="base_import.mapping">
        <field name="res_model">{model}</field>
        <field name="column_name">{header}</field>
        <field name="field_name">{field}</field>
    </record>
"""

# Fixed document properties, so that regenerating an unchanged template changes no byte.
PROPERTIES = {"author": "JXC", "created": datetime.datetime(2026, 1, 1)}


def write_template(path, sheet_name, columns):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    workbook = xlsxwriter.Workbook(path)
    workbook.set_properties(PROPERTIES)
    header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
    # Codes, barcodes and phone numbers stay text: Excel would turn them into numbers.
    text = workbook.add_format({"num_format": "@"})
    sheet = workbook.add_worksheet(sheet_name)
    sheet.freeze_panes(1, 0)
    for col, (title, _field, example, comment) in enumerate(columns):
        sheet.set_column(col, col, max(12, 2 * len(title) + 4), text)
        sheet.write_string(0, col, title, header)
        if comment:
            sheet.write_comment(0, col, comment, {"x_scale": 2})
        if isinstance(example, str):
            sheet.write_string(1, col, example, text)
        elif example is not None:
            sheet.write_number(1, col, example)
    workbook.close()


def write_mappings(addon, mappings):
    records = "".join(
        MAPPING_RECORD.format(
            xmlid=f"import_mapping_{model.replace('.', '_')}_{field}",
            model=model,
            header=header,
            field=field,
        )
        for model, columns in mappings
        for header, field, _example, _comment in columns
    )
    path = os.path.join("addons", addon, "data", "base_import_mapping_data.xml")
    with open(os.path.join(ROOT, path), "w", encoding="utf-8") as xml:
        xml.write(MAPPING_XML.format(records=records))
    return path


def main():
    for path, (sheet_name, columns) in TEMPLATES.items():
        write_template(os.path.join(ROOT, path), sheet_name, columns)
        print(path)
    for addon, mappings in MAPPINGS.items():
        print(write_mappings(addon, mappings))


if __name__ == "__main__":
    main()

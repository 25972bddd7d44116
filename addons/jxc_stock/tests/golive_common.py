# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from datetime import date, timedelta

import openpyxl

from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user


class JxcGoliveCommon(TransactionCase):
    """A company that is going live (启用建账): its own warehouses, products and users, and a
    go-live in progress with a cut-over date on the first of last month. (The demo company
    went live already.)"""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env["res.company"].create(
            {"name": "启用测试商贸", "currency_id": cls.env.ref("base.CNY").id}
        )
        cls.env.user.company_ids |= cls.company
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id]))
        first = date.today().replace(day=1)
        cls.cutover = (first - timedelta(days=1)).replace(day=1)
        cls.wh1 = cls.env["jxc.stock.warehouse"].create(
            {"name": "启用主仓", "code": "GL1", "company_id": cls.company.id}
        )
        cls.wh2 = cls.env["jxc.stock.warehouse"].create(
            {"name": "启用门店", "code": "GL2", "company_id": cls.company.id}
        )
        cls.uom_unit = cls.env.ref("uom.product_uom_unit")
        cls.uom_dozen = cls.env.ref("uom.product_uom_dozen")
        cls.uom_kg = cls.env.ref("uom.product_uom_kgm")
        Product = cls.env["product.product"]
        common = {"type": "consu", "company_id": cls.company.id}
        cls.cup = Product.create(dict(common, name="启用杯子", default_code="GL-CUP"))
        cls.pen = Product.create(
            dict(common, name="启用笔", default_code="GL-PEN", barcode="6900000099")
        )
        cls.milk = Product.create(
            dict(
                common,
                name="启用牛奶",
                default_code="GL-MILK",
                tracking="lot",
                use_expiration_date=True,
                expiration_time=30,
            )
        )
        cls.scale = Product.create(
            dict(common, name="启用电子秤", default_code="GL-SCALE", tracking="serial")
        )
        cls.service = Product.create(
            {"name": "启用服务", "type": "service", "default_code": "GL-SVC"}
        )
        users = {
            "stock_user": "jxc_stock.group_jxc_stock_user",
            "stock_manager": "jxc_stock.group_jxc_stock_manager",
        }
        for name, group in cls._golive_users(users).items():
            setattr(
                cls,
                name,
                new_test_user(
                    cls.env,
                    email=False,
                    login=f"gl_{name}",
                    groups=f"base.group_user,{group}",
                    company_id=cls.company.id,
                    company_ids=[Command.set(cls.company.ids)],
                ),
            )
        cls.golive = cls.env["jxc.golive"].create(
            {"company_id": cls.company.id, "cutover_date": cls.cutover}
        )

    @classmethod
    def _golive_users(cls, users):
        """``{attribute: groups}`` of the company's test users (finance adds its own)."""
        return users

    def _file(self, wizard, rows):
        """The template ``wizard`` downloads, its example row replaced by ``rows`` (under
        its headers, in their order): the file a user uploads."""
        book = openpyxl.load_workbook(io.BytesIO(wizard._build_template()))
        sheet = book.worksheets[0]
        sheet.delete_rows(2)
        for row in rows:
            sheet.append(list(row))
        output = io.BytesIO()
        book.save(output)
        return base64.b64encode(output.getvalue())

    def _stock_import(self, rows, user=None, filename="期初库存.xlsx"):
        wizard = (
            self.env["jxc.golive.stock.import"]
            .with_user(user or self.stock_manager)
            .create({"golive_id": self.golive.id})
        )
        wizard.write({"file": self._file(wizard, rows), "filename": filename})
        return wizard

    def _errors(self, wizard):
        """``{(row, column, reason)}`` the wizard listed."""
        return {
            (int(row), column, reason)
            for row, column, _value, reason in (
                line.split("\t") for line in (wizard.error_text or "").splitlines()
            )
        }

    def _company_rows(self, model):
        return self.env[model].sudo().search_count([("company_id", "=", self.company.id)])

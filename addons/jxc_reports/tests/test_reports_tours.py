# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import date, datetime, timedelta

import openpyxl

from odoo.tests import new_test_user, tagged
from odoo.tests.common import freeze_time

from odoo.addons.jxc_finance.tests.common import JxcFinanceCommon
from odoo.addons.jxc_stock.tests.common import JxcHttpCase, JxcStockCommon
from odoo.addons.jxc_stock.utils import EXPORT_DESCRIPTION, XLSX_MIMETYPE

from .test_dashboard import InOwnCompany


@tagged("post_install", "-at_install")
class TestStockSummaryTour(JxcStockCommon, InOwnCompany, JxcHttpCase):
    """进销存汇总 in the browser, as a reports user who reads Chinese (static/tests/tours/
    jxc_stock_summary_tour.js): the menu, a period typed in the wizard (2026年01月01日), the
    XLSX export, the rows shown. In a company of its own, so that only this test's products
    have rows."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reports_user = new_test_user(
            cls.env,
            email=False,
            login="jxc_tour_reports_user",
            groups="base.group_user,jxc_reports.group_jxc_reports_user",
        )
        cls._speak_chinese(cls.reports_user)
        Move = cls.env["jxc.stock.move"]
        for day, product, quantity, move_type, cost in (
            (date(2025, 12, 20), cls.product, 100, "in", 2.0),  # before the period
            (date(2026, 1, 10), cls.product, -30, "out", None),
            (date(2026, 1, 20), cls.product2, 7, "in", 1.0),
            (date(2026, 2, 5), cls.product2, 5, "in", 1.0),  # after it
        ):
            Move._post(
                [
                    {
                        "product_id": product.id,
                        "warehouse_id": cls.wh1.id,
                        "quantity": quantity,
                        "move_type": move_type,
                        "unit_cost": cost,
                        "reference": f"TOUR-{day}",
                        "date": datetime.combine(day, datetime.min.time()) + timedelta(hours=4),
                    }
                ]
            )

    def test_stock_summary_shown_and_exported(self):
        self.start_tour(
            "/odoo/action-jxc_reports.jxc_report_dashboard_action",
            "jxc_stock_summary",
            login=self.reports_user.login,
            timeout=300,
        )
        wizard = self.env["jxc.report.stock.summary.wizard"].search(
            [("create_uid", "=", self.reports_user.id)]
        )
        self.assertRecordValues(
            wizard,
            [
                {
                    "company_id": self.company.id,
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 1, 31),
                }
            ],
        )
        self.assertRecordValues(
            wizard.line_ids.sorted(lambda r: r.product_id.id),
            [
                {"product_id": self.product.id, "opening_qty": 100, "closing_qty": 70},
                {"product_id": self.product2.id, "opening_qty": 0, "closing_qty": 7},
            ],
        )
        # The file the button made, downloaded as the user who made it.
        export = self.env["ir.attachment"].search(
            [("create_uid", "=", self.reports_user.id), ("description", "=", EXPORT_DESCRIPTION)]
        )
        self.assertEqual(len(export), 1)
        self.authenticate(self.reports_user.login, self.reports_user.login)
        response = self.url_open(f"/web/content/{export.id}?download=true")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX_MIMETYPE)
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        headers = [cell.value for cell in sheet[3]]
        # In the user's language, without the costs they do not see.
        self.assertEqual(headers[0], "商品")
        self.assertNotIn("期末金额", headers)
        closing = headers.index("期末数量")
        rows = {row[0]: row[closing] for row in sheet.iter_rows(min_row=4, values_only=True)}
        self.assertEqual(rows[self.product.display_name], 70)
        self.assertEqual(rows[self.product2.display_name], 7)


@tagged("post_install", "-at_install")
class TestDashboardTour(JxcFinanceCommon, InOwnCompany, JxcHttpCase):
    """概览 in the browser, as a sales manager who reads Chinese (static/tests/tours/
    jxc_dashboard_tour.js): the 今日销售 tile (goods shipped today, untaxed) opens the list of
    the sales it counts — today's two shipped orders, not one shipped two days ago, not one
    confirmed but not shipped, not a quotation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales_manager.tz = "Asia/Shanghai"
        cls._speak_chinese(cls.sales_manager)
        cls._receive(cls.product, 50, 4.0)
        today = cls.env["res.partner"].create({"name": "Tour Dash Today", "is_company": True})
        other = cls.env["res.partner"].create({"name": "Tour Dash Other", "is_company": True})
        with freeze_time(datetime.now() - timedelta(days=2)):
            older = cls._make_order([(cls.product, 1, 10.0)], partner=other)
            older.action_confirm()
            cls._delivery(older).action_done()
        cls.orders = cls._make_order([(cls.product, 2, 10.0)], partner=today)
        cls.orders |= cls._make_order([(cls.product, 3, 10.0)], partner=today)
        cls.orders.action_confirm()
        for order in cls.orders:
            cls._delivery(order).action_done()
        cls._make_order([(cls.product, 6, 10.0)], partner=other).action_confirm()
        cls._make_order([(cls.product, 4, 10.0)], partner=other)

    def test_sales_today_tile_opens_its_sales(self):
        tiles = {
            tile["key"]: tile
            for tile in self.env["jxc.report.dashboard"]
            .with_user(self.sales_manager)
            .get_dashboard_data()["tiles"]
        }
        self.assertAlmostEqual(tiles["sales_today"]["value"], 50.0)
        self.start_tour(
            "/odoo/action-jxc_reports.jxc_report_dashboard_action",
            "jxc_dashboard_tile",
            login=self.sales_manager.login,
            timeout=300,
        )
        action = tiles["sales_today"]["action"]
        self.assertEqual(action["views"][0][1], "list")
        rows = self.env[action["res_model"]].with_user(self.sales_manager).search(action["domain"])
        self.assertEqual(rows.order_id, self.orders)
        self.assertAlmostEqual(sum(rows.mapped("revenue")), 50.0)

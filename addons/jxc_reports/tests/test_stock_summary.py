# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from datetime import datetime, timedelta
from unittest.mock import patch

import openpyxl
from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.jxc_stock.tests.common import JxcStockCommon

MOVEMENT_IN = ("purchase_in", "sale_return", "transfer_in", "other_in")
MOVEMENT_OUT = ("purchase_return", "sale_out", "transfer_out", "other_out")


class TestStockSummary(JxcStockCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.tz = "UTC"
        cls.day = fields.Date.today() - timedelta(days=60)
        Move = cls.env["jxc.stock.move"]

        def post(days, product, warehouse, qty, move_type, cost=None):
            Move._post(
                [
                    {
                        "product_id": product.id,
                        "warehouse_id": warehouse.id,
                        "quantity": qty,
                        "move_type": move_type,
                        "unit_cost": cost,
                        "reference": f"R{days}",
                        "date": datetime.combine(
                            cls.day + timedelta(days=days), datetime.min.time()
                        )
                        + timedelta(hours=10),
                    }
                ]
            )

        post(0, cls.product, cls.wh1, 100, "in", 2.0)  # before the period
        post(10, cls.product, cls.wh1, 50, "in", 3.2)  # in period 1
        post(12, cls.product, cls.wh1, -30, "out")  # in period 1
        post(15, cls.product, cls.wh1, -20, "internal_out")  # in period 1
        post(15, cls.product, cls.wh2, 20, "internal_in", 2.4)
        post(40, cls.product, cls.wh1, -10, "count_loss")  # in period 2
        post(41, cls.product2, cls.wh1, 7, "count_gain")  # in period 2

    def _summary(self, start, end, **vals):
        wizard = self.env["jxc.report.stock.summary.wizard"].create(
            dict(
                {
                    "date_from": self.day + timedelta(days=start),
                    "date_to": self.day + timedelta(days=end),
                },
                **vals,
            )
        )
        wizard.action_compute()
        return wizard

    def _row(self, wizard, product, warehouse):
        return wizard.line_ids.filtered(
            lambda r: r.product_id == product and r.warehouse_id == warehouse
        )

    def test_columns_and_balance(self):
        wizard = self._summary(5, 30)
        row = self._row(wizard, self.product, self.wh1)
        self.assertRecordValues(
            row,
            [
                {
                    "opening_qty": 100,
                    "opening_value": 200.0,
                    "other_in_qty": 50,
                    "other_in_value": 160.0,
                    "other_out_qty": 30,
                    "transfer_out_qty": 20,
                    "closing_qty": 100,
                }
            ],
        )
        # average after the receipt: 360 / 150 = 2.40; 30 out = 72.00, 20 out = 48.00
        self.assertAlmostEqual(row.other_out_value, 72.0)
        self.assertAlmostEqual(row.closing_value, 240.0)
        self.assertRecordValues(
            self._row(wizard, self.product, self.wh2),
            [{"opening_qty": 0, "transfer_in_qty": 20, "closing_qty": 20, "closing_value": 48.0}],
        )

    def test_columns_follow_get_columns(self):
        """A downstream addon that regroups move types in ``_get_columns()`` moves their
        figures: the period's rows are summed by the column each move type is in."""
        Summary = type(self.env["jxc.report.stock.summary"])
        base = Summary._get_columns

        def regrouped(self):
            return {**base(self), "other_out": ("out", "internal_out"), "transfer_out": ()}

        with patch.object(Summary, "_get_columns", regrouped):
            wizard = self._summary(5, 30)
            row = self._row(wizard, self.product, self.wh1)
            self.assertRecordValues(
                row,
                [{"other_in_qty": 50, "other_out_qty": 50, "transfer_out_qty": 0}],
            )
            self.assertAlmostEqual(row.other_out_value, 120.0)
            self.assertAlmostEqual(row.closing_value, 240.0)
        # Back to the addon's own columns.
        row = self._row(self._summary(5, 30), self.product, self.wh1)
        self.assertRecordValues(row, [{"other_out_qty": 30, "transfer_out_qty": 20}])

    def test_opening_plus_in_minus_out_is_closing_and_matches_quants(self):
        wizard = self._summary(-30, (fields.Date.today() - self.day).days)
        for row in wizard.line_ids:
            moved = (
                sum(row[f"{c}_qty"] for c in MOVEMENT_IN)
                - sum(row[f"{c}_qty"] for c in MOVEMENT_OUT)
                + row.adjustment_qty
            )
            self.assertAlmostEqual(row.opening_qty + moved, row.closing_qty)
            quant_qty = sum(
                self.env["jxc.stock.quant"]
                .search(
                    [
                        ("product_id", "=", row.product_id.id),
                        ("warehouse_id", "=", row.warehouse_id.id),
                    ]
                )
                .mapped("quantity")
            )
            self.assertAlmostEqual(row.closing_qty, quant_qty, msg=row.product_id.display_name)
        row = self._row(wizard, self.product, self.wh1)
        self.assertEqual(row.adjustment_qty, -10)

    def test_forward_and_backward_give_the_same_rows(self):
        """Recent periods are computed back from the stock on hand, old ones forward from
        the start of the ledger: both ways must agree on every figure."""
        numeric = self.env["jxc.report.stock.summary"]._jxc_numeric_fields()

        def rows(direction, start, end):
            wizard = (
                self.env["jxc.report.stock.summary.wizard"]
                .with_context(jxc_report_direction=direction)
                .create(
                    {
                        "date_from": self.day + timedelta(days=start),
                        "date_to": self.day + timedelta(days=end),
                        "warehouse_ids": [(6, 0, (self.wh1 | self.wh2).ids)],
                    }
                )
            )
            wizard.action_compute()
            return {
                (r.product_id, r.warehouse_id): [round(r[n], 6) for n in numeric]
                for r in wizard.line_ids
            }

        for start, end in ((0, 0), (5, 30), (11, 14), (31, 59), (40, 60), (61, 61)):
            forward = rows("forward", start, end)
            self.assertTrue(forward or start > 41, (start, end))
            self.assertEqual(forward, rows("backward", start, end), (start, end))
        Valuation = self.env["jxc.report.stock.valuation.wizard"]
        for day in (0, 12, 15, 40, 61):
            result = {}
            for direction in ("forward", "backward"):
                wizard = Valuation.with_context(jxc_report_direction=direction).create(
                    {
                        "date": self.day + timedelta(days=day),
                        "warehouse_ids": [(6, 0, (self.wh1 | self.wh2).ids)],
                    }
                )
                wizard.action_compute()
                result[direction] = {
                    (r.product_id, r.warehouse_id): (r.quantity, r.value) for r in wizard.line_ids
                }
            self.assertEqual(result["forward"], result["backward"], day)

    def test_periods_chain(self):
        first = self._summary(5, 30)
        second = self._summary(31, 50)
        for row in first.line_ids:
            nxt = self._row(second, row.product_id, row.warehouse_id)
            self.assertAlmostEqual(nxt.opening_qty, row.closing_qty)
            self.assertAlmostEqual(nxt.opening_value, row.closing_value)

    def test_filters(self):
        wizard = self._summary(0, 50, warehouse_ids=[(6, 0, self.wh2.ids)])
        self.assertEqual(wizard.line_ids.warehouse_id, self.wh2)

    def test_xlsx_has_the_view_totals_and_no_formulas(self):
        self.product.name = '=HYPERLINK("http://example.com")'
        # The test warehouses: their products are all in units (the demo's are not).
        wizard = self._summary(5, 30, warehouse_ids=[Command.set((self.wh1 | self.wh2).ids)])
        book = openpyxl.load_workbook(
            io.BytesIO(
                base64.b64decode(
                    self.env["ir.attachment"]
                    .browse(int(wizard.action_export_xlsx()["url"].split("/")[3].split("?")[0]))
                    .datas
                )
            )
        )
        sheet = book.active
        self.assertEqual(sheet.freeze_panes, "B4")
        rows = list(sheet.iter_rows(min_row=4, values_only=True))
        total = rows[-1]
        headers = [c.value for c in sheet[3]]
        closing_col = headers.index("Closing Qty")
        self.assertAlmostEqual(total[closing_col], sum(wizard.line_ids.mapped("closing_qty")))
        names = [r[0] for r in rows[:-1]]
        self.assertTrue(any(n.startswith("[T-WATER] =HYPERLINK") for n in names))
        for cell in sheet["A"]:
            self.assertNotEqual(cell.data_type, "f")

    def _xlsx_sheet(self, action):
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        return openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas))).active

    def test_xlsx_quantities_add_up_only_in_one_unit(self):
        """汇总表 (#15, part): kilograms are not added to pieces in the total row; amounts
        are always totalled."""
        rice = self.env["product.product"].create(
            {
                "name": "Test Rice",
                "type": "consu",
                "uom_id": self.uom_kg.id,
                "uom_po_id": self.uom_kg.id,
            }
        )
        self.env["jxc.stock.move"]._post(
            [
                {
                    "product_id": rice.id,
                    "warehouse_id": self.wh1.id,
                    "quantity": 2.5,
                    "move_type": "in",
                    "unit_cost": 4.0,
                    "reference": "RICE",
                    "date": datetime.combine(self.day + timedelta(days=20), datetime.min.time()),
                }
            ]
        )
        wizard = self._summary(5, 30, warehouse_ids=[Command.set((self.wh1 | self.wh2).ids)])
        self.assertEqual(wizard.line_ids.uom_id, self.uom_unit | self.uom_kg)
        sheet = self._xlsx_sheet(wizard.action_export_xlsx())
        headers = [c.value for c in sheet[3]]
        total = list(sheet.iter_rows(min_row=4, values_only=True))[-1]
        self.assertEqual(total[0], "Total")
        for label in ("Opening Qty", "Closing Qty"):
            self.assertIsNone(total[headers.index(label)], label)
        self.assertAlmostEqual(
            total[headers.index("Closing Value")], sum(wizard.line_ids.mapped("closing_value"))
        )
        self.assertGreater(total[headers.index("Closing Value")], 0)

        # A ledger export of one product (one unit) has its quantity totals; of two units
        # none, whatever its list shows.
        Ledger = self.env["jxc.report.stock.ledger"]
        water = Ledger.search([("product_id", "=", self.product.id)])
        sheet = self._xlsx_sheet(water.action_jxc_export_xlsx())
        headers = [c.value for c in sheet[3]]
        total = list(sheet.iter_rows(min_row=4, values_only=True))[-1]
        self.assertAlmostEqual(total[headers.index("In")], sum(water.mapped("quantity_in")))
        both = water | Ledger.search([("product_id", "=", rice.id)])
        sheet = self._xlsx_sheet(both.action_jxc_export_xlsx())
        headers = [c.value for c in sheet[3]]
        total = list(sheet.iter_rows(min_row=4, values_only=True))[-1]
        self.assertIsNone(total[headers.index("In")])

    def test_lists_do_not_sum_quantities_of_several_units(self):
        for model in (
            "jxc.report.stock.summary",
            "jxc.report.stock.ledger",
            "jxc.report.sale",
            "jxc.report.purchase",
            "jxc.stock.quant",
            "jxc.stock.move",
        ):
            arch = self.env[model].get_views([(False, "list")])["views"]["list"]["arch"]
            for node in etree.fromstring(arch).iter("field"):
                field = self.env[model]._fields.get(node.get("name"))
                if (
                    field is not None
                    and field.type == "float"
                    and field._digits == ("Product Unit of Measure")
                ):
                    self.assertFalse(node.get("sum"), f"{model}.{field.name}")

    def test_running_balance(self):
        ledger = self.env["jxc.report.stock.ledger"].search(
            [("product_id", "=", self.product.id), ("warehouse_id", "=", self.wh1.id)],
            order="date, id",
        )
        self.assertEqual(ledger.mapped("balance"), [100, 150, 120, 100, 90])
        self.assertEqual(ledger.mapped("quantity_out"), [0, 0, 30, 20, 10])

    def test_access(self):
        with self.assertRaises(AccessError):
            self.env["jxc.report.stock.summary.wizard"].with_user(self.stock_user).create(
                {"date_from": self.day, "date_to": self.day}
            )
        wizard = (
            self.env["jxc.report.stock.summary.wizard"]
            .with_user(self.stock_manager)
            .create({"date_from": self.day, "date_to": self.day})
        )
        wizard.action_compute()

    def test_staff_limited_to_chosen_warehouses_report_on_theirs(self):
        clerk = new_test_user(
            self.env,
            login="jxc_reports_wh2_clerk",
            groups="base.group_user,jxc_stock.group_jxc_stock_user,"
            "jxc_reports.group_jxc_reports_user,jxc_stock.group_jxc_stock_chosen_warehouses",
        )
        clerk.jxc_warehouse_ids = self.wh2
        Wizard = self.env["jxc.report.stock.summary.wizard"].with_user(clerk)
        no_warehouse = self.wh1.browse()
        # Chosen filters → rows: no filter means all of theirs, never anyone else's.
        for chosen, shown in (
            (no_warehouse, self.wh2),
            (self.wh1 | self.wh2, self.wh2),
            (self.wh1, no_warehouse),
        ):
            wizard = Wizard.create(
                {
                    "date_from": self.day,
                    "date_to": self.day + timedelta(days=50),
                    "warehouse_ids": [Command.set(chosen.ids)],
                }
            )
            wizard.action_compute()
            self.assertEqual(wizard.line_ids.warehouse_id, shown, chosen.mapped("code"))
        ledger = self.env["jxc.report.stock.ledger"].with_user(clerk).search([])
        self.assertEqual(ledger.warehouse_id, self.wh2)
        self.assertTrue(
            self.env["jxc.report.stock.ledger"]
            .with_user(self.stock_manager)
            .search([("warehouse_id", "=", self.wh1.id)])
        )

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo.exceptions import AccessError, UserError

from .common import JxcStockCommon


class TestStockCount(JxcStockCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._receive(cls.product, 10, 2.0)
        cls._receive(cls.product2, 5, 4.0)

    def _count(self, **vals):
        count = self.env["jxc.stock.count"].create(
            dict(
                {
                    "warehouse_id": self.wh1.id,
                    "product_ids": [(6, 0, (self.product | self.product2).ids)],
                },
                **vals,
            )
        )
        count.action_start()
        return count

    def _line(self, count, product):
        return count.line_ids.filtered(lambda ln: ln.product_id == product)

    def test_gain_and_loss_at_average_cost(self):
        count = self._count()
        self.assertTrue(count.name.startswith("PD/"))
        self.assertRecordValues(
            count.line_ids.sorted(lambda ln: ln.product_id.id),
            [
                {"product_id": self.product.id, "theoretical_quantity": 10},
                {"product_id": self.product2.id, "theoretical_quantity": 5},
            ],
        )
        self._line(count, self.product).counted_quantity = 12
        self._line(count, self.product2).counted_quantity = 4
        self.assertEqual(count.difference_value, 2 * 2.0 - 4.0)
        count.with_user(self.stock_manager).action_validate()
        self.assertEqual(count.state, "done")
        moves = self.env["jxc.stock.move"].search(
            [("res_model", "=", "jxc.stock.count"), ("res_id", "=", count.id)]
        )
        self.assertEqual(
            sorted((m.move_type, m.quantity, m.value) for m in moves),
            [("count_gain", 2.0, 4.0), ("count_loss", -1.0, -4.0)],
        )
        self.assertEqual(self._quant(self.product).quantity, 12)
        # The posted variance is the ledger's, whatever the average cost does later.
        self._receive(self.product, 8, 7.0)
        self.assertEqual(self._line(count, self.product).difference_value, 4.0)
        self.assertLedgerConsistent()

    def test_moves_posted_during_the_count_are_kept(self):
        """Snapshot 10; 3 issued while counting; the shelf count at snapshot was 9."""
        count = self._count()
        self._issue(self.product, 3)
        line = self._line(count, self.product)
        self.assertEqual(line.moved_since_snapshot, -3)
        line.counted_quantity = 9
        count.with_user(self.stock_manager).action_validate()
        self.assertEqual(self._quant(self.product).quantity, 6)

    def test_uncounted_lines_are_left_alone(self):
        count = self._count()
        self._line(count, self.product).counted_quantity = 10
        count.with_user(self.stock_manager).action_validate()
        self.assertEqual(self._quant(self.product2).quantity, 5)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            self._line(count, self.product2).counted_quantity = 1

    def test_only_managers_post_counts(self):
        count = self._count()
        self._line(count, self.product).counted_quantity = 1
        with self.assertRaises(AccessError):
            count.with_user(self.stock_user).action_validate()
        self.assertEqual(self._quant(self.product).quantity, 10)

    def test_bad_input(self):
        count = self._count()
        with self.assertRaisesRegex(UserError, "no line has been counted"):
            count.with_user(self.stock_manager).action_validate()
        with self.assertRaisesRegex(UserError, "cannot be negative"):
            self._line(count, self.product).counted_quantity = -1
        draft = self.env["jxc.stock.count"].create({"warehouse_id": self.wh1.id})
        with self.assertRaisesRegex(UserError, "start it first"):
            draft.with_user(self.stock_manager).action_validate()

    def test_barcode_scan_counts_one(self):
        count = self._count()
        count.with_user(self.stock_user).action_jxc_scan("690000001")
        count.with_user(self.stock_user).action_jxc_scan("690000001")
        self.assertRecordValues(
            self._line(count, self.product), [{"counted_quantity": 2, "is_counted": True}]
        )

    def test_xlsx_import(self):
        count = self._count()
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Product", "Lot", "Counted"])
        sheet.append(["T-WATER", None, 11])
        sheet.append(["T-TISSUE", None, 5])
        buffer = io.BytesIO()
        book.save(buffer)
        wizard = self.env["jxc.stock.count.import"].create(
            {
                "count_id": count.id,
                "file": base64.b64encode(buffer.getvalue()),
                "filename": "count.xlsx",
            }
        )
        wizard.action_import()
        self.assertRecordValues(
            self._line(count, self.product), [{"counted_quantity": 11, "difference_quantity": 1}]
        )
        # A bad row refuses the whole file.
        sheet.append(["NO-SUCH", None, 1])
        buffer = io.BytesIO()
        book.save(buffer)
        wizard.file = base64.b64encode(buffer.getvalue())
        with self.assertRaisesRegex(UserError, "row 4: no product with code or barcode NO-SUCH"):
            wizard.action_import()

    def test_snapshot_cannot_be_edited(self):
        count = self._count()
        line = self._line(count, self.product)
        with self.assertRaisesRegex(UserError, "System Qty cannot be changed by hand"):
            line.with_user(self.stock_user).write({"theoretical_quantity": 999})
        with self.assertRaisesRegex(UserError, "snapshot"):
            line.with_user(self.stock_user).write({"product_id": self.product2.id})
        self.assertEqual(line.product_id, self.product)

    def test_new_lot_found_on_the_shelf(self):
        count = self.env["jxc.stock.count"].create(
            {"warehouse_id": self.wh1.id, "product_ids": [(6, 0, self.product_lot.ids)]}
        )
        count.action_start()
        count.line_ids = [
            (
                0,
                0,
                {
                    "product_id": self.product_lot.id,
                    "lot_name": "SHELF-1",
                    "counted_quantity": 3,
                    "is_counted": True,
                },
            )
        ]
        count.with_user(self.stock_manager).action_validate()
        lot = self.env["jxc.stock.lot"].search([("name", "=", "SHELF-1")])
        self.assertEqual(lot.quantity, 3)

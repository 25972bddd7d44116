# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.jxc_stock.gs1 import FNC1, Gs1Error, parse

from .common import JxcStockCommon

# GTIN-14 of "6900000000021" (EAN-13 with its check digit) and of a carton of it.
MILK_EAN = "6900000000021"
MILK_GTIN = "0" + MILK_EAN


class TestGs1(JxcStockCommon):
    def test_fixed_length_fields_need_no_separator(self):
        self.assertEqual(
            parse(f"01{MILK_GTIN}17261100" + "10L-42"),
            {
                "gtin": MILK_GTIN,
                "lot": "L-42",
                "serial": None,
                "expiration_date": date(2026, 11, 30),  # day 00: the month's last day
                "count": None,
            },
        )

    def test_fnc1_ends_variable_fields(self):
        for prefix in ("]C1", "", FNC1):
            code = f"{prefix}01{MILK_GTIN}10LOT7{FNC1}30012{FNC1}17270315"
            fields = parse(code)
            self.assertEqual(fields["lot"], "LOT7", prefix)
            self.assertEqual(fields["count"], 12)
            self.assertEqual(fields["expiration_date"], date(2027, 3, 15))

    def test_human_readable_form(self):
        fields = parse(f"(01){MILK_GTIN}(10)A1(17)260101")
        self.assertEqual((fields["gtin"], fields["lot"]), (MILK_GTIN, "A1"))

    @freeze_time("2026-06-01")
    def test_century_closest_to_today(self):
        self.assertEqual(parse(f"01{MILK_GTIN}17990101")["expiration_date"], date(1999, 1, 1))
        self.assertEqual(parse(f"01{MILK_GTIN}17750101")["expiration_date"], date(2075, 1, 1))

    def test_not_gs1(self):
        for code in ("690000001", "10045", "21ABC", "01123", "T-MILK", MILK_EAN, "(01)12"):
            self.assertIsNone(parse(code), code)

    def test_bad_gs1(self):
        with self.assertRaisesRegex(Gs1Error, "check digit"):
            parse("0106900000000022")
        with self.assertRaisesRegex(Gs1Error, "month"):
            parse(f"01{MILK_GTIN}17261300")


class TestScan(JxcStockCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product_lot.barcode = MILK_EAN
        cls.packaging = cls.env["product.packaging"].create(
            {"name": "Case of 12", "product_id": cls.product.id, "qty": 12, "barcode": "690000099"}
        )
        cls.lot = cls.env["jxc.stock.lot"].create(
            {
                "name": "M-001",
                "product_id": cls.product_lot.id,
                "barcode": "LOT-M-001",
                "expiration_date": "2030-01-31",
            }
        )
        cls.picking = cls.env["jxc.stock.picking"].create(
            {"picking_type": "in", "warehouse_id": cls.wh1.id}
        )
        cls.other_company = cls.env["res.company"].create({"name": "Scan Other Co"})

    def _scan(self, code, document=None, user=None):
        document = document or self.picking
        return document.with_user(user or self.stock_user).action_jxc_scan(code)

    def _lines(self, document=None):
        document = document or self.picking
        return [
            (ln.product_id, ln.lot_id, ln.lot_name or False, ln.quantity)
            for ln in document.line_ids
        ]

    # ------------------------------------------------------------------
    # Resolution
    # ------------------------------------------------------------------
    def test_resolve_each_kind_of_code(self):
        resolve = self.picking._jxc_scan_resolve
        match = resolve("690000001")
        self.assertEqual((match["product"], match["count"]), (self.product, 1))
        match = resolve("690000099")
        self.assertEqual((match["product"], match["packaging"]), (self.product, self.packaging))
        match = resolve("LOT-M-001")
        self.assertEqual((match["product"], match["lot"]), (self.product_lot, self.lot))
        match = resolve("M-001")  # the lot's number, one product has it
        self.assertEqual(match["lot"], self.lot)
        match = resolve("T-TISSUE")  # internal reference
        self.assertEqual(match["product"], self.product2)
        match = resolve(f"]C101{MILK_GTIN}10M-001{FNC1}17300131")
        self.assertEqual((match["lot"], match["lot_name"]), (self.lot, False))
        match = resolve(f"01{MILK_GTIN}17270300" + "10M-NEW")
        self.assertEqual(
            (match["product"], match["lot"], match["lot_name"], match["expiration_date"]),
            (self.product_lot, self.env["jxc.stock.lot"], "M-NEW", date(2027, 3, 31)),
        )
        # A GTIN-14 of a carton names the packaging; AI 37 counts cartons.
        self.packaging.barcode = "16900000000028"
        match = resolve(f"0216900000000028{FNC1}37{2}")
        self.assertEqual((match["packaging"], match["count"]), (self.packaging, 2))
        self.assertEqual(self.picking._jxc_scan_quantity(match), 24)

    def test_gs1_lot_of_untracked_product_is_ignored(self):
        self.product.barcode = "6900000000014"
        match = self.picking._jxc_scan_resolve("0106900000000014" + "10SUPPLIER-LOT")
        self.assertEqual((match["product"], match["lot_name"]), (self.product, False))

    def test_lot_number_of_several_products_is_ambiguous(self):
        other = self.env["product.product"].create({"name": "Test Yoghurt", "tracking": "lot"})
        self.env["jxc.stock.lot"].create({"name": "M-001", "product_id": other.id})
        with self.assertRaisesRegex(UserError, "M-001 is a lot of several products"):
            self.picking._jxc_scan_resolve("M-001")
        # Its own barcode still names it.
        self.assertEqual(self.picking._jxc_scan_resolve("LOT-M-001")["lot"], self.lot)

    def test_codes_of_another_company_are_unknown(self):
        self.env["product.product"].create(
            {"name": "Other Co Soap", "barcode": "OTHER-1", "company_id": self.other_company.id}
        )
        with self.assertRaisesRegex(UserError, "Unknown barcode OTHER-1"):
            self._scan("OTHER-1")

    # ------------------------------------------------------------------
    # Adding lines
    # ------------------------------------------------------------------
    def test_scan_builds_a_stock_document(self):
        self._scan("690000001")
        result = self._scan(" 690000001\n")
        self.assertEqual(self._lines(), [(self.product, self.lot.browse(), False, 2)])
        self.assertIn("Test Water", result["message"])
        self.assertEqual(result["line_id"], self.picking.line_ids.id)
        self._scan("690000099")  # a case of 12
        self.assertEqual(self.picking.line_ids.quantity, 14)
        self._scan("LOT-M-001")
        self._scan(f"01{MILK_GTIN}17270300" + "10M-NEW")
        self._scan(f"01{MILK_GTIN}17270300" + "10M-NEW")
        self.assertRecordValues(
            self.picking.line_ids[1:],
            [
                {
                    "product_id": self.product_lot.id,
                    "lot_id": self.lot.id,
                    "lot_name": False,
                    "expiration_date": False,
                    "quantity": 1,
                },
                {
                    "product_id": self.product_lot.id,
                    "lot_id": False,
                    "lot_name": "M-NEW",
                    "expiration_date": date(2027, 3, 31),
                    "quantity": 2,
                },
            ],
        )
        self.picking.with_user(self.stock_user).action_done()
        self.assertEqual(self.picking.line_ids[2].lot_id.expiration_date, date(2027, 3, 31))

    def test_tracked_product_without_lot_adds_nothing(self):
        with self.assertRaisesRegex(UserError, "Test Milk is tracked by lot"):
            self._scan(MILK_EAN)
        self.assertFalse(self.picking.line_ids)

    def test_unknown_lot_cannot_leave(self):
        out = self.env["jxc.stock.picking"].create(
            {"picking_type": "out", "warehouse_id": self.wh1.id}
        )
        with self.assertRaisesRegex(UserError, r"lot M-NEW of \[T-MILK\] Test Milk is not known"):
            self._scan(f"01{MILK_GTIN}10M-NEW", out)
        self._scan("LOT-M-001", out)
        self.assertEqual(out.line_ids.lot_id, self.lot)

    def test_serial_scanned_twice(self):
        serial = self.env["jxc.stock.lot"].create(
            {"name": "S-1", "product_id": self.product_serial.id, "barcode": "SER-1"}
        )
        self._scan("SER-1")
        with self.assertRaisesRegex(UserError, "serial number S-1 has already been scanned"):
            self._scan("SER-1")
        self.assertEqual(self._lines(), [(self.product_serial, serial, False, 1)])

    def test_bad_input_writes_nothing(self):
        for code, error in (
            ("NO-SUCH-CODE", "Unknown barcode NO-SUCH-CODE"),
            ("", "Scan or type a barcode first"),
            ("   ", "Scan or type a barcode first"),
            (None, "A barcode is text"),
            (42, "A barcode is text"),
            (["690000001"], "A barcode is text"),
            ("9" * 129, "at most 128 characters; this one has 129"),
            ("690\x00001", "control characters"),
            (f"0106900000000022{FNC1}", "not a valid GS1 code"),
        ):
            with self.subTest(code=code), self.assertRaisesRegex(UserError, error):
                self._scan(code)
        self.assertFalse(self.picking.line_ids)

    def test_count_scans_lots(self):
        quant_in = self.env["jxc.stock.picking"].create(
            {
                "picking_type": "in",
                "warehouse_id": self.wh1.id,
                "line_ids": [
                    Command.create({"product_id": self.product.id, "quantity": 5}),
                    Command.create(
                        {"product_id": self.product_lot.id, "lot_id": self.lot.id, "quantity": 3}
                    ),
                ],
            }
        )
        quant_in.action_done()
        count = self.env["jxc.stock.count"].create({"warehouse_id": self.wh1.id})
        with self.assertRaisesRegex(UserError, "start it first"):
            self._scan("690000001", count)
        count.action_start()
        self._scan("LOT-M-001", count)
        self._scan("M-001", count)
        self._scan("690000001", count)
        self._scan(f"01{MILK_GTIN}10M-FOUND", count)
        with self.assertRaisesRegex(UserError, "tracked by lot"):
            self._scan(MILK_EAN, count)
        self.assertRecordValues(
            count.line_ids.sorted(lambda ln: (ln.product_id.id, ln.lot_name or "")),
            [
                {"product_id": self.product.id, "lot_id": False, "lot_name": False,
                 "counted_quantity": 1},
                {"product_id": self.product_lot.id, "lot_id": self.lot.id, "lot_name": False,
                 "counted_quantity": 2},
                {"product_id": self.product_lot.id, "lot_id": False, "lot_name": "M-FOUND",
                 "counted_quantity": 1},
            ],
        )  # fmt: skip
        self.assertTrue(all(count.line_ids.mapped("is_counted")))
        count.with_user(self.stock_manager).action_validate()
        self.assertEqual(count.state, "done")
        with self.assertRaisesRegex(UserError, "scan while it is being counted"):
            self._scan("690000001", count)

    # ------------------------------------------------------------------
    # Who and when
    # ------------------------------------------------------------------
    def test_done_and_cancelled_documents_refuse_scans(self):
        self._scan("690000001")
        self.picking.action_done()
        with self.assertRaisesRegex(UserError, "is Done: nothing can be scanned into it"):
            self._scan("690000001")
        other = self.picking.copy()
        other.action_cancel()
        with self.assertRaisesRegex(UserError, "is Cancelled"):
            self._scan("690000001", other)
        self.assertEqual(self.picking.line_ids.quantity, 1)

    def test_who_may_scan(self):
        reader = new_test_user(self.env, login="scan_reader", groups="base.group_user")
        with self.assertRaises(AccessError):
            self._scan("690000001", user=reader)
        other_user = new_test_user(
            self.env,
            login="scan_other_company",
            groups="base.group_user,jxc_stock.group_jxc_stock_user",
            company_id=self.other_company.id,
            company_ids=[Command.set(self.other_company.ids)],
        )
        with self.assertRaises(AccessError):
            self._scan("690000001", user=other_user)
        with self.assertRaisesRegex(UserError, "one document at a time"):
            (self.picking | self.picking.copy()).with_user(self.stock_user).action_jxc_scan("x")
        self.assertFalse(self.picking.line_ids)


class TestBarcodeUniqueness(JxcStockCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot = cls.env["jxc.stock.lot"].create(
            {"name": "U-1", "product_id": cls.product_lot.id, "barcode": "U-LOT"}
        )
        cls.packaging = cls.env["product.packaging"].create(
            {"name": "Box", "product_id": cls.product.id, "qty": 6, "barcode": "U-PACK"}
        )

    def test_a_barcode_names_one_thing(self):
        Lot = self.env["jxc.stock.lot"]
        cases = [
            (lambda: Lot.create({"name": "U-2", "product_id": self.product_lot.id,
                                 "barcode": "690000001"}), "used by product"),
            (lambda: Lot.create({"name": "U-3", "product_id": self.product_lot.id,
                                 "barcode": "U-PACK"}), "used by packaging Box"),
            (lambda: Lot.create({"name": "U-4", "product_id": self.product_lot.id,
                                 "barcode": "U-LOT"}), "used by lot U-1"),
            (lambda: self.product2.write({"barcode": "U-LOT"}), "used by lot U-1"),
            (lambda: self.packaging.write({"barcode": "U-LOT"}), "used by lot U-1"),
            (lambda: self.env["product.packaging"].create(
                {"name": "Crate", "product_id": self.product2.id, "barcode": "U-LOT"}
            ), "used by lot U-1"),
        ]  # fmt: skip
        for make, error in cases:
            with self.subTest(error=error), self.assertRaisesRegex(ValidationError, error):
                with self.env.cr.savepoint():
                    make()
                    self.env.flush_all()
        self.assertEqual(Lot.search_count([("product_id", "=", self.product_lot.id)]), 1)
        self.assertFalse(self.product2.barcode)
        self.assertEqual(self.packaging.barcode, "U-PACK")

    def test_other_companies_may_reuse_a_lot_barcode(self):
        company = self.env["res.company"].create({"name": "Uniq Other Co"})
        product = self.env["product.product"].create(
            {"name": "Co2 Milk", "tracking": "lot", "company_id": company.id}
        )
        lot = self.env["jxc.stock.lot"].create(
            {"name": "U-1", "product_id": product.id, "company_id": company.id, "barcode": "U-LOT"}
        )
        self.assertEqual(lot.barcode, "U-LOT")

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class JxcGoliveStockImport(models.TransientModel):
    """期初库存导入: the opening stock of one or more warehouses from an XLSX file, checked in
    full, then posted as one opening document per warehouse, all or nothing."""

    _name = "jxc.golive.stock.import"
    _inherit = ["jxc.xlsx.import.mixin"]
    _description = "Import Opening Stock"
    _jxc_imported_model = "jxc.stock.picking"

    golive_id = fields.Many2one("jxc.golive", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="golive_id.company_id")

    @api.model
    def _get_columns(self):
        return [
            {
                "key": "warehouse",
                "header": _("Warehouse"),
                "required": True,
                "list": "warehouses",
                "note": _("Code or name of the warehouse."),
            },
            {
                "key": "product",
                "header": _("Product Code"),
                "required": True,
                "width": 18,
                "note": _("Internal reference (商品编码) or barcode."),
            },
            {
                "key": "product_name",
                "header": _("Product Name"),
                "width": 24,
                "note": _("For your reading only: the product is found by its code."),
            },
            {
                "key": "lot",
                "header": _("Lot / Serial"),
                "width": 16,
                "note": _("Required for products tracked by lot or serial; one row per serial."),
            },
            {
                "key": "expiration_date",
                "header": _("Expiry Date"),
                "type": "date",
                "note": _("Lots of products with an expiry date (YYYY-MM-DD)."),
            },
            {
                "key": "quantity",
                "header": _("Quantity"),
                "required": True,
                "type": "number",
                "positive": True,
                "note": _("In the unit of the next column."),
            },
            {
                "key": "uom",
                "header": _("Unit"),
                "list": "units",
                "note": _("Empty: the product's base unit. Any unit of the same category."),
            },
            {
                "key": "unit_cost",
                "header": _("Unit Cost (excl. tax)"),
                "required": True,
                "type": "number",
                "positive": True,
                "width": 18,
                "note": _("Per unit of the Unit column, without tax, in the company's currency."),
            },
        ]

    def _get_template_lists(self):
        warehouses = self.env["jxc.stock.warehouse"].search(
            [("company_id", "=", self.company_id.id), ("jxc_allowed", "=", True)]
        )
        units = self.env["uom.uom"].search([])
        return {"warehouses": warehouses.mapped("code"), "units": units.mapped("name")}

    def _get_template_notes(self):
        return [
            _("Opening stock (期初库存) of %s", self.company_id.name),
            _(
                "Cut-over date: %s. The stock is posted as at the start of that day, at the "
                "unit costs given, which become the moving-average costs.",
                self.golive_id.cutover_date,
            ),
            _("Each warehouse gets its opening stock once (one document per warehouse)."),
        ]

    def _get_template_example(self):
        warehouse = self.env["jxc.stock.warehouse"].search(
            [("company_id", "=", self.company_id.id), ("jxc_allowed", "=", True)], limit=1
        )
        product = self.env["product.product"].search(
            [
                ("type", "=", "consu"),
                ("default_code", "!=", False),
                ("tracking", "=", "none"),
                ("company_id", "in", [self.company_id.id, False]),
            ],
            limit=1,
        )
        return {
            "warehouse": warehouse.code or "WH01",
            "product": product.default_code or "A001",
            "product_name": product.name or _("Example product"),
            "quantity": 100,
            "uom": product.uom_id.name or _("Units"),
            "unit_cost": 12.5,
        }

    def _get_wizard_title(self):
        return _("Import Opening Stock")

    def _get_template_filename(self):
        return _("Opening stock template.xlsx")

    def _check_import_rights(self):
        if not self.env.user.has_group("jxc_stock.group_jxc_stock_manager"):
            raise AccessError(_("Only stock managers can import opening stock."))
        self.golive_id.check_access("read")
        self.golive_id._check_opening_allowed(_("Importing opening stock"))

    # ------------------------------------------------------------------
    # Rows
    # ------------------------------------------------------------------
    def _parse_rows(self, rows, errors):
        """Every row resolved and checked with the checks of screen entry
        (``jxc.stock.picking.line._get_opening_problems``), plus what a file can get wrong:
        unknown codes, warehouses already opened, serials twice or already in stock."""
        company = self.company_id
        Line = self.env["jxc.stock.picking.line"]
        warehouses = self.env["jxc.stock.warehouse"].search(
            [("company_id", "=", company.id), ("jxc_allowed", "=", True)]
        )
        by_warehouse = {}
        for warehouse in warehouses:
            by_warehouse.setdefault(warehouse.code.lower(), warehouse)
            by_warehouse.setdefault(warehouse.name.lower(), warehouse)
        opened = self.env["jxc.golive"]._get_for_company(company)._get_opened_warehouses()
        codes = {str(v["product"]).strip() for _n, v in rows if v.get("product") is not None}
        products = self.env["product.product"].search(
            [
                "|",
                ("default_code", "in", list(codes)),
                ("barcode", "in", list(codes)),
                ("company_id", "in", [company.id, False]),
            ]
        )
        by_code = {}
        for product in products:
            for code in (product.barcode, product.default_code):
                if code:
                    # A code that names several products (one's code, another's barcode; a
                    # shared product and one of the company) names none.
                    self._index(by_code, code, product)
        units = {}
        for lang in self._get_header_langs():
            for uom in self.env["uom.uom"].with_context(lang=lang).search([]):
                units.setdefault(uom.name.strip().lower(), uom.with_context(lang=self.env.lang))
        in_stock = self._serials_in_stock(
            products.filtered(lambda p: p.tracking == "serial"), company
        )
        seen_serials = {}
        parsed = []
        for number, values in rows:
            row_errors = len(errors)
            warehouse = self._resolve(
                errors, number, "warehouse", values, by_warehouse, _("unknown warehouse"), None
            )
            if warehouse and warehouse in opened:
                self._add_error(
                    errors,
                    number,
                    "warehouse",
                    values["warehouse"],
                    _("this warehouse already has its opening stock"),
                )
            product = self._resolve(
                errors,
                number,
                "product",
                values,
                by_code,
                _("unknown product code"),
                _("several products have this code or barcode"),
                lower=False,
            )
            uom = product.uom_id if product else None
            if values.get("uom") is not None:
                uom = units.get(str(values["uom"]).strip().lower())
                if not uom:
                    self._add_error(errors, number, "uom", values["uom"], _("unknown unit"))
            qty = self._to_number(errors, number, "quantity", values.get("quantity"))
            cost = self._to_number(errors, number, "unit_cost", values.get("unit_cost"))
            lot = self._to_text(errors, number, "lot", values.get("lot"), required=False)
            expiry = self._to_date(
                errors, number, "expiration_date", values.get("expiration_date"), required=False
            )
            for key, reason in Line._get_opening_problems(
                product,
                uom,
                qty if qty is not None else 0.0,
                cost if cost is not None else 0.0,
                lot,
            ):
                if (key == "quantity" and qty is None) or (key == "unit_cost" and cost is None):
                    continue  # already reported: not a number
                self._add_error(errors, number, key, values.get(key), reason)
            if product and product.tracking == "serial" and lot:
                key = (product.id, lot)
                if key in seen_serials:
                    self._add_error(
                        errors,
                        number,
                        "lot",
                        lot,
                        _("serial number also on row %s", seen_serials[key]),
                    )
                elif key in in_stock:
                    self._add_error(errors, number, "lot", lot, _("serial number already in stock"))
                seen_serials.setdefault(key, number)
            if len(errors) == row_errors:
                parsed.append(
                    {
                        "warehouse": warehouse,
                        "product": product,
                        "uom": uom,
                        "quantity": qty,
                        "unit_cost": cost,
                        "lot": lot,
                        "expiration_date": expiry,
                    }
                )
        return parsed

    def _get_imported_domain(self, checksum):
        # A reversed opening stock may be imported again.
        return [*super()._get_imported_domain(checksum), ("reversal_ids", "=", False)]

    @api.model
    def _serials_in_stock(self, products, company):
        """``{(product id, serial)}`` of the serials of ``products`` in stock in ``company``."""
        if not products:
            return set()
        quants = (
            self.env["jxc.stock.quant"]
            .sudo()
            .search(
                [
                    ("product_id", "in", products.ids),
                    ("company_id", "=", company.id),
                    ("lot_id", "!=", False),
                    ("quantity", ">", 0),
                ]
            )
        )
        return {(q.product_id.id, q.lot_id.name) for q in quants}

    def _import_rows(self, parsed, checksum):
        """One opening document per warehouse, posted together: all or nothing."""
        by_warehouse = defaultdict(list)
        for row in parsed:
            by_warehouse[row["warehouse"]].append(row)
        Picking = self.env["jxc.stock.picking"]
        pickings = Picking._jxc_create(
            [
                {
                    "picking_type": "opening",
                    "company_id": self.company_id.id,
                    "warehouse_id": warehouse.id,
                    "origin": self.filename or _("Import"),
                    "import_checksum": checksum,
                    "line_ids": [
                        fields.Command.create(
                            {
                                "product_id": row["product"].id,
                                "uom_id": row["uom"].id,
                                "quantity": row["quantity"],
                                "unit_cost": row["unit_cost"],
                                "lot_name": row["lot"] or False,
                                "expiration_date": row["expiration_date"] or False,
                            }
                        )
                        for row in rows
                    ],
                }
                for warehouse, rows in by_warehouse.items()
            ]
        )
        pickings.action_done()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "jxc_stock.jxc_stock_picking_action_opening"
        )
        action["domain"] = [("id", "in", pickings.ids)]
        return action

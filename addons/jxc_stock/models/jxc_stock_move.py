# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero, float_round

from ..utils import (
    MAX_AMOUNT,
    MAX_PRICE,
    MAX_QUANTITY,
    check_number,
    format_money,
    format_number,
    number_ok,
)

# Ledger moves that count as outgoing goods for usage statistics (replenishment, alerts).
OUTGOING_USAGE_TYPES = ("out",)
# Value-only ledger rows (quantity 0): a cost correction of the stock (成本调整), and the share
# of a correction that belongs to goods already gone out, moved from stock to cost of goods
# sold. See JxcStockMove._post_cost_corrections.
VALUE_ONLY_MOVE_TYPES = ("cost_adjust", "cogs_adjust")


class JxcStockMove(models.Model):
    """库存流水: the stock ledger. One row per posted quantity, never edited or deleted."""

    _name = "jxc.stock.move"
    _description = "Stock Ledger"
    _inherit = ["jxc.document.link.mixin"]
    _order = "date desc, id desc"
    _rec_name = "reference"

    date = fields.Datetime(required=True, readonly=True, index=True, default=fields.Datetime.now)
    product_id = fields.Many2one("product.product", required=True, readonly=True, index=True)
    product_tmpl_id = fields.Many2one(
        related="product_id.product_tmpl_id", store=True, string="Product Template"
    )
    categ_id = fields.Many2one(related="product_id.categ_id", store=True, string="Category")
    warehouse_id = fields.Many2one("jxc.stock.warehouse", required=True, readonly=True, index=True)
    # What a posted row names cannot be deleted from under it (restrict, never set null).
    lot_id = fields.Many2one(
        "jxc.stock.lot", string="Lot / Serial", readonly=True, index=True, ondelete="restrict"
    )
    quantity = fields.Float(
        digits="Product Unit of Measure",
        required=True,
        readonly=True,
        help="Signed, in the product's base unit: positive in, negative out.",
    )
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    unit_cost = fields.Float(digits=(16, 4), readonly=True, groups="jxc_stock.group_jxc_cost")
    value = fields.Monetary(
        readonly=True, groups="jxc_stock.group_jxc_cost", help="Signed stock value of this move."
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    move_type = fields.Selection(
        [
            ("in", "Other Receipt"),
            ("out", "Other Issue"),
            ("internal_out", "Transfer Out"),
            ("internal_in", "Transfer In"),
            ("count_gain", "Count Gain"),
            ("count_loss", "Count Loss"),
            ("opening", "Opening Stock"),
            ("cost_adjust", "Cost Adjustment"),
            ("cogs_adjust", "COGS Adjustment"),
        ],
        required=True,
        readonly=True,
        index=True,
    )
    is_reversal = fields.Boolean(string="Reversal", readonly=True, help="红冲 of an earlier move")
    origin_move_id = fields.Many2one(
        "jxc.stock.move",
        string="Original Move",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        help="The move this one returns or reverses; its cost is used.",
    )
    picking_id = fields.Many2one(
        "jxc.stock.picking", readonly=True, index="btree_not_null", ondelete="restrict"
    )
    picking_line_id = fields.Many2one(
        "jxc.stock.picking.line", readonly=True, index="btree_not_null", ondelete="restrict"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Posted By",
        readonly=True,
        ondelete="restrict",
        default=lambda self: self.env.user,
    )

    @api.model_create_multi
    def create(self, vals_list):
        # Ledger rows are inserted by _post (SQL) only.
        if vals_list:
            raise UserError(_("Ledger rows are written only by posting a stock document."))
        return super().create(vals_list)

    def write(self, vals):
        if self:
            raise UserError(
                _("Posted ledger rows cannot be changed. Reverse (红冲) the document instead.")
            )
        return super().write(vals)

    # Also while an addon is uninstalled: the rows stay when the addon that posted them goes
    # (the ledger's table goes only with jxc_stock, dropped without unlinking its rows).
    @api.ondelete(at_uninstall=True)
    def _unlink_never(self):
        raise UserError(
            _("Posted ledger rows cannot be deleted. Reverse (红冲) the document instead.")
        )

    def _keep_as_type(self, move_type):
        """Give these rows ``move_type``: the ``ondelete`` of a type added by an addon that is
        being uninstalled, so that its rows stay under the core type that moves goods the same
        way. The ledger is never written through the ORM."""
        if not self:
            return
        self.flush_recordset(["move_type"])
        self.env.cr.execute(
            "UPDATE jxc_stock_move SET move_type = %s WHERE id = ANY(%s)",
            [move_type, list(self.ids)],
        )
        self.invalidate_recordset(["move_type"])
        # The monthly sums are by move type: those of the rows' companies are summed again.
        self.env["jxc.stock.period.balance"]._rebuild(self.sudo().mapped("company_id"))
        self.modified(["move_type"])

    # ------------------------------------------------------------------
    # Posting
    # ------------------------------------------------------------------
    @api.model
    def _is_negative_allowed(self, product, company):
        return company.jxc_allow_negative_stock or product.allow_negative_stock

    @api.model
    def _post(self, vals_list):
        """Post ledger rows: one atomic step that locks, values, checks and writes.

        Each dict holds ``product_id``, ``warehouse_id``, ``quantity`` (signed, base unit),
        ``move_type`` and optionally ``lot_id``, ``unit_cost`` (incoming; default: the current
        average), ``origin_move_id`` (returns and reversals: valued at that move's cost),
        ``value`` (reversals: the exact mirrored value), ``internal_pair`` (the receiving leg of
        a transfer, right after its issuing leg: carries that leg's value), ``reference``,
        ``res_model``, ``res_id``, ``picking_id``, ``picking_line_id``, ``date`` and
        ``line_label`` or ``line_number`` (name the line in errors).

        Outgoing moves are valued at the moving average; incoming moves update it. Raises
        :class:`UserError` (and writes nothing) when a move would issue more than is available.
        """
        if not vals_list:
            return self.browse()
        Product = self.env["product.product"]
        Warehouse = self.env["jxc.stock.warehouse"]
        products = Product.browse({v["product_id"] for v in vals_list})
        warehouses = Warehouse.browse({v["warehouse_id"] for v in vals_list})
        companies = warehouses.company_id
        precision = self.env["decimal.precision"].precision_get("Product Unit of Measure")
        for vals in vals_list:
            self._check_move_vals(vals, precision)

        # Locks: average-cost rows (per company, product order), then quants (fixed order).
        valuations = {}
        for company in companies.sorted("id"):
            company_products = {
                v["product_id"]
                for v in vals_list
                if Warehouse.browse(v["warehouse_id"]).company_id == company
            }
            for product_id, row in (
                self.env["jxc.stock.valuation"]._lock(company_products, company.id).items()
            ):
                valuations[(product_id, company.id)] = row
        quant_rows = self.env["jxc.stock.quant"]._lock_quants(
            [(v["product_id"], v["warehouse_id"], v.get("lot_id") or None) for v in vals_list]
        )
        quants = {(r["product_id"], r["warehouse_id"], r["lot_id"]): r for r in quant_rows}
        for row in quant_rows:
            row["quantity"] = float(row["quantity"])
            row["reserved_quantity"] = float(row["reserved_quantity"])
            row["value"] = float(row["value"])
        for row in valuations.values():
            for key in ("quantity", "value", "average_cost"):
                row[key] = float(row[key])
        values_before = {key: row["value"] for key, row in valuations.items()}

        origin_costs = {}
        origin_ids = {v["origin_move_id"] for v in vals_list if v.get("origin_move_id")}
        if origin_ids:
            self.env.cr.execute(
                "SELECT id, unit_cost FROM jxc_stock_move WHERE id = ANY(%s)", [list(origin_ids)]
            )
            origin_costs = {i: float(c) for i, c in self.env.cr.fetchall()}

        deltas = defaultdict(lambda: [0.0, 0.0, 0.0])
        to_create = []
        now = fields.Datetime.now()
        for vals in vals_list:
            product = products.browse(vals["product_id"])
            warehouse = warehouses.browse(vals["warehouse_id"])
            company = warehouse.company_id
            qty = vals["quantity"]
            quant = quants[(product.id, warehouse.id, vals.get("lot_id") or None)]
            valuation = valuations[(product.id, company.id)]
            previous = to_create[-1] if to_create else None
            cost = self._get_unit_cost(vals, valuation, origin_costs, previous)
            if qty < 0:
                self._check_available(vals, product, warehouse, quant, precision)
            value = self._get_value(vals, cost, valuation, company, previous, precision)
            self._check_value(vals, product, value)
            self._update_average(valuation, vals, value, cost, company, precision)
            quant["quantity"] += qty
            quant["value"] += value
            delta = deltas[quant["id"]]
            delta[0] += qty
            delta[2] += value
            to_create.append(self._prepare_ledger_row(vals, product, warehouse, cost, value, now))
        self._check_serial_quantities(vals_list, quants, precision)
        self._check_value_only(vals_list, valuations, values_before, warehouses)
        moves = self._insert_rows(to_create)
        self.env["jxc.stock.quant"]._apply_deltas({k: tuple(v) for k, v in deltas.items()})
        self.env["jxc.stock.valuation"]._save(list(valuations.values()))
        return moves

    # ------------------------------------------------------------------
    # Moving-average costing, step by step (override any step with super())
    # ------------------------------------------------------------------
    @api.model
    def _get_unit_cost(self, vals, valuation, origin_costs, previous):
        """The unit cost (base unit, company currency) a posted move carries: a transfer's
        receiving leg carries its issuing leg's; returns and reversals their origin's; an
        incoming move its own (``unit_cost``); anything else the current average. Value-only
        rows carry no unit cost."""
        if vals["move_type"] in self._get_value_only_move_types():
            return 0.0
        if vals.get("internal_pair"):
            return previous["unit_cost"]
        if vals.get("origin_move_id"):
            return origin_costs[vals["origin_move_id"]]
        if vals["quantity"] > 0 and vals.get("unit_cost") is not None:
            return vals["unit_cost"]
        return valuation["average_cost"]

    @api.model
    def _get_value(self, vals, cost, valuation, company, previous, precision):
        """The signed value of a move: quantity × cost, except that the last units out take
        what is left of the stock value (no cents left behind), a transfer's receiving leg
        takes what its issuing leg took out, and a reversal (红冲) mirrors its move exactly."""
        if vals.get("value") is not None:
            return vals["value"]
        qty = vals["quantity"]
        if qty < 0:
            empties = float_is_zero(
                valuation["quantity"] + qty, precision_digits=precision
            ) and not vals.get("origin_move_id")
            if empties:
                return -valuation["value"]
        elif vals.get("internal_pair"):
            return -previous["value"]
        return company.currency_id.round(qty * cost)

    @api.model
    def _update_average(self, valuation, vals, value, cost, company, precision):
        """Add the move to the company's totals and move the average: incoming moves (and
        returns / reversals at their own cost) change it, issues at the average do not."""
        qty = vals["quantity"]
        valuation["quantity"] = float_round(valuation["quantity"] + qty, precision_digits=precision)
        valuation["value"] = company.currency_id.round(valuation["value"] + value)
        if valuation["quantity"] > 0 and (
            qty > 0 or vals.get("origin_move_id") or vals.get("value") is not None
        ):
            valuation["average_cost"] = valuation["value"] / valuation["quantity"]
        elif valuation["quantity"] <= 0 and qty > 0:
            valuation["average_cost"] = cost

    @api.model
    def _get_value_only_move_types(self):
        """Ledger move types that carry a value and no quantity (see
        :meth:`_post_cost_corrections`)."""
        return VALUE_ONLY_MOVE_TYPES

    @api.model
    def _check_value_only(self, vals_list, valuations, values_before, warehouses):
        """The average cost never goes negative (Odoo #187169): once a posting with value-only
        rows is applied, a company that holds the product holds it at a value of zero or
        more, and a company that holds none has not gained or lost value on it."""
        value_only = self._get_value_only_move_types()
        touched = {
            (v["product_id"], warehouses.browse(v["warehouse_id"]).company_id.id): v
            for v in vals_list
            if v["move_type"] in value_only
        }
        for key, vals in touched.items():
            row = valuations[key]
            product = self.env["product.product"].browse(key[0])
            currency = self.env["res.company"].browse(key[1]).currency_id
            if row["quantity"] > 0 and currency.compare_amounts(row["value"], 0) < 0:
                raise UserError(
                    _(
                        "%(document)s, %(product)s: the correction would make the stock value "
                        "negative (%(value)s for %(qty)s %(uom)s on hand). The average cost "
                        "cannot go below zero.",
                        document=vals.get("reference") or "-",
                        product=product.display_name,
                        value=format_money(self.env, row["value"], currency),
                        qty=format_number(self.env, row["quantity"]),
                        uom=product.uom_id.name,
                    )
                )
            if row["quantity"] <= 0 and currency.compare_amounts(row["value"], values_before[key]):
                raise UserError(
                    _(
                        "%(document)s, %(product)s: there is no stock on hand to carry a "
                        "change of value.",
                        document=vals.get("reference") or "-",
                        product=product.display_name,
                    )
                )

    @api.model
    def _prepare_ledger_row(self, vals, product, warehouse, cost, value, now):
        """The ledger row of a posted move. Keys of ``vals`` that are stored columns of the
        ledger added by an extension (a ``Many2one`` to its document, a tag…) are carried."""
        row = {
            "date": vals.get("date") or now,
            "product_id": product.id,
            "warehouse_id": warehouse.id,
            "lot_id": vals.get("lot_id") or False,
            "quantity": vals["quantity"],
            "unit_cost": cost,
            "value": value,
            "company_id": warehouse.company_id.id,
            "move_type": vals["move_type"],
            "is_reversal": vals.get("is_reversal", False),
            "origin_move_id": vals.get("origin_move_id") or False,
            "res_model": vals.get("res_model"),
            "res_id": vals.get("res_id") or False,
            "reference": vals.get("reference"),
            "picking_id": vals.get("picking_id") or False,
            "picking_line_id": vals.get("picking_line_id") or False,
        }
        for name, value_ in vals.items():
            field = self._fields.get(name)
            if name not in row and field is not None and field.store and field.column_type:
                row[name] = value_
        return row

    @api.model
    def _check_available(self, vals, product, warehouse, quant, precision):
        """No oversell: an issue may not take more than on hand − reserved (invariant 2)."""
        company = warehouse.company_id
        available = quant["quantity"] - quant["reserved_quantity"]
        if float_compare(available + vals["quantity"], 0, precision_digits=precision) < 0 and (
            not self._is_negative_allowed(product, company)
        ):
            raise UserError(
                _(
                    "%(document)s, %(line)s: cannot issue %(qty)s %(uom)s of "
                    "%(product)s from %(warehouse)s%(lot)s: only %(available)s "
                    "available (on hand %(on_hand)s, reserved %(reserved)s).",
                    document=vals.get("reference") or "-",
                    line=self._line_label(vals, product),
                    qty=format_number(self.env, -vals["quantity"]),
                    uom=product.uom_id.name,
                    product=product.display_name,
                    warehouse=warehouse.display_name,
                    lot=self._lot_label(vals.get("lot_id")),
                    available=format_number(self.env, max(available, 0.0)),
                    on_hand=format_number(self.env, quant["quantity"]),
                    reserved=format_number(self.env, quant["reserved_quantity"]),
                )
            )

    @api.model
    def _check_value(self, vals, product, value):
        if number_ok(value, MAX_AMOUNT):
            return
        check_number(
            self,
            value,
            f"{vals.get('reference') or '-'}, {self._line_label(vals, product)}",
            _("the value"),
            MAX_AMOUNT,
        )

    @api.model
    def _insert_rows(self, rows):
        """Insert ledger rows in one statement (the posting hot path); return them. Every
        stored column a row names is inserted, those of extensions included."""
        names = list(dict.fromkeys(name for row in rows for name in row))
        types = {}
        for name in names:
            field = self._fields[name]
            if field.type == "boolean":
                types[name] = "bool"
            elif field.type in ("float", "monetary"):
                types[name] = "numeric"
            elif field.type in ("many2one", "integer", "many2one_reference"):
                types[name] = "int"
            elif field.type == "datetime":
                types[name] = "timestamp"
            elif field.type == "date":
                types[name] = "date"
            else:
                types[name] = "varchar"

        def column(name):
            if types[name] == "bool":
                return [bool(row.get(name)) for row in rows]
            if types[name] == "numeric":
                return [row.get(name) for row in rows]
            return [row.get(name) or None for row in rows]  # False means NULL

        self.env.cr.execute(
            f"""
            INSERT INTO jxc_stock_move ({", ".join(names)}, product_tmpl_id, categ_id, user_id,
                                        create_uid, create_date, write_uid, write_date)
            SELECT {", ".join("r." + n for n in names)}, pp.product_tmpl_id, pt.categ_id,
                   %(uid)s, %(uid)s, now() at time zone 'UTC', %(uid)s,
                   now() at time zone 'UTC'
              FROM unnest({", ".join(f"%(c_{n})s::{t}[]" for n, t in types.items())})
                   WITH ORDINALITY AS r({", ".join(names)}, seq)
              JOIN product_product pp ON pp.id = r.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
             ORDER BY r.seq
            RETURNING id
            """,
            dict({f"c_{name}": column(name) for name in names}, uid=self.env.uid),
        )
        moves = self.browse([row[0] for row in self.env.cr.fetchall()])
        # Their monthly sums, in the same transaction (one statement, under the quant locks).
        self.env["jxc.stock.period.balance"]._add_moves(moves)
        # One2manys cached before the insert do not know the new rows.
        self.env["jxc.stock.picking"].invalidate_model(["move_ids", "move_count"])
        self.env["jxc.stock.picking.line"].invalidate_model(["move_ids"])
        # What depends on the ledger (documents' rows, ordered / delivered quantities…) is
        # recomputed as if the ORM had created the rows.
        moves.modified([*names, "product_tmpl_id", "categ_id", "user_id"], create=True)
        return moves

    @api.model
    def _line_label(self, vals, product):
        """How errors name a posted line: its label, or its number and product."""
        if vals.get("line_label"):
            return vals["line_label"]
        if vals.get("line_number"):
            return _(
                "line %(seq)s (%(product)s)", seq=vals["line_number"], product=product.display_name
            )
        return product.display_name

    @api.model
    def _lot_label(self, lot_id):
        return _(" (lot %s)", self.env["jxc.stock.lot"].browse(lot_id).name) if lot_id else ""

    @api.model
    def _check_move_vals(self, vals, precision):
        product = self.env["product.product"].browse(vals["product_id"])
        if self._move_vals_ok(vals, product, precision):
            return  # the posting hot path: no error label built
        label = f"{vals.get('reference') or '-'}, {self._line_label(vals, product)}"
        if vals["move_type"] in self._get_value_only_move_types():
            self._check_value_only_vals(vals, product, label, precision)
            return
        if product.type != "consu":
            raise UserError(
                _(
                    "%(line)s: %(product)s is not a stockable good.",
                    line=label,
                    product=product.display_name,
                )
            )
        check_number(self, vals["quantity"], label, _("the quantity"), MAX_QUANTITY)
        check_number(self, vals.get("unit_cost"), label, _("the unit cost"), MAX_PRICE)
        check_number(self, vals.get("value"), label, _("the value"), MAX_AMOUNT)
        if float_is_zero(vals["quantity"], precision_digits=precision):
            raise UserError(_("%(line)s: the quantity cannot be zero.", line=label))
        lot = self.env["jxc.stock.lot"].browse(vals.get("lot_id") or [])
        if product.tracking != "none" and not lot:
            raise UserError(
                _(
                    "%(line)s: %(product)s is tracked; a lot / serial number is required.",
                    line=label,
                    product=product.display_name,
                )
            )
        if lot and lot.product_id != product:
            raise UserError(
                _(
                    "%(line)s: lot %(lot)s belongs to %(other)s, not %(product)s.",
                    line=label,
                    lot=lot.name,
                    other=lot.product_id.display_name,
                    product=product.display_name,
                )
            )
        if product.tracking == "serial" and float_compare(
            abs(vals["quantity"]), 1, precision_digits=precision
        ):
            raise UserError(
                _(
                    "%(line)s: serial number %(lot)s of %(product)s: the quantity must be 1, "
                    "not %(qty)s.",
                    line=label,
                    lot=lot.name,
                    product=product.display_name,
                    qty=format_number(self.env, abs(vals["quantity"])),
                )
            )

    @api.model
    def _check_value_only_vals(self, vals, product, label, precision):
        """A value-only row: a good, no quantity, a non-zero bounded value, its own lot."""
        if product.type != "consu":
            raise UserError(
                _(
                    "%(line)s: %(product)s is not a stockable good.",
                    line=label,
                    product=product.display_name,
                )
            )
        if not float_is_zero(vals["quantity"], precision_digits=precision):
            raise UserError(_("%(line)s: a cost correction moves no quantity.", line=label))
        value = vals.get("value")
        check_number(self, value, label, _("the value"), MAX_AMOUNT)
        if value is None or float_is_zero(value, precision_digits=2):
            raise UserError(_("%(line)s: a cost correction needs a value.", line=label))
        lot = self.env["jxc.stock.lot"].browse(vals.get("lot_id") or [])
        if lot and lot.product_id != product:
            raise UserError(
                _(
                    "%(line)s: lot %(lot)s belongs to %(other)s, not %(product)s.",
                    line=label,
                    lot=lot.name,
                    other=lot.product_id.display_name,
                    product=product.display_name,
                )
            )

    @api.model
    def _move_vals_ok(self, vals, product, precision):
        """Whether ``vals`` passes every check of :meth:`_check_move_vals`, tested without
        building its messages."""
        if vals["move_type"] in self._get_value_only_move_types():
            return False  # rare: checked in full
        qty = vals["quantity"]
        if not (
            number_ok(qty, MAX_QUANTITY)
            and number_ok(vals.get("unit_cost"), MAX_PRICE)
            and number_ok(vals.get("value"), MAX_AMOUNT)
        ):
            return False
        lot = self.env["jxc.stock.lot"].browse(vals.get("lot_id") or [])
        return (
            product.type == "consu"
            and not float_is_zero(qty, precision_digits=precision)
            and (product.tracking == "none" or bool(lot))
            and (not lot or lot.product_id == product)
            and (
                product.tracking != "serial"
                or not float_compare(abs(qty), 1, precision_digits=precision)
            )
        )

    @api.model
    def _check_serial_quantities(self, vals_list, quants, precision):
        """A serial number is in stock at most once, in one warehouse, per company."""
        serial_lots = {
            v["lot_id"]
            for v in vals_list
            if v.get("lot_id")
            and self.env["product.product"].browse(v["product_id"]).tracking == "serial"
            and v["quantity"] > 0
        }
        if not serial_lots:
            return
        self.env.cr.execute(
            "SELECT lot_id, warehouse_id, quantity FROM jxc_stock_quant WHERE lot_id = ANY(%s)",
            [list(serial_lots)],
        )
        # This posting's quants are not written yet: their in-memory quantity is the truth.
        pending = {(wh, lot): row["quantity"] for (_p, wh, lot), row in quants.items() if lot}
        totals = defaultdict(float)
        for lot_id, warehouse_id, quantity in self.env.cr.fetchall():
            totals[lot_id] += float(pending.get((warehouse_id, lot_id), quantity))
        for lot_id, total in totals.items():
            if float_compare(total, 1, precision_digits=precision) > 0:
                lot = self.env["jxc.stock.lot"].browse(lot_id)
                raise UserError(
                    _(
                        "Serial number %(lot)s of %(product)s is already in stock.",
                        lot=lot.name,
                        product=lot.product_id.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Cost corrections (value-only rows)
    # ------------------------------------------------------------------
    @api.model
    def _post_cost_correction(self, receipt_line, amount, reason, **values):
        """Correct the cost of what one posted receipt line brought in by ``amount`` (company
        currency, signed); see :meth:`_post_cost_corrections`. ``reason`` names the row in
        errors; ``values`` are more ledger keys (``reference``, ``res_model``, ``res_id``,
        ``date``). Returns the split ``{"stock", "cogs", "moves"}``."""
        return self._post_cost_corrections(
            [dict(values, picking_line=receipt_line, amount=amount, line_label=reason)]
        )[0]

    @api.model
    def _post_cost_corrections(self, corrections, limit_stock=True):
        """Post cost corrections of goods received earlier (landed cost, invoice price
        difference), all or nothing, through :meth:`_post` (one writer, same locks).

        Each correction is a dict: ``picking_line`` (a posted incoming stock document line),
        ``amount`` (company currency, signed) and ledger keys (``reference``, ``res_model``,
        ``res_id``, ``date``, ``line_label``).

        The split, FIFO-agnostic: of the quantity the line received, the part still in stock
        is ``min(received, on hand)`` with *on hand* the company's quantity of the product
        (the moving average is per company); several lines of one product share that on-hand
        quantity, the newest receipt first. That part's share of ``amount`` (rounded to the
        cent) goes into the stock value and the average; the rest belongs to goods already
        gone out (sold, issued, returned) and goes to cost of goods sold.

        Rows, at the line's warehouse and lot, naming the line's receipt row as
        ``origin_move_id``: a ``cost_adjust`` row of the whole ``amount`` into stock, then,
        when part of the goods is gone, a ``cogs_adjust`` row of minus that part, out of
        stock to cost of goods sold. Both are ordinary ledger rows (quantity 0), so quants,
        averages and 账实核对 still sum the ledger; cost of goods sold for a period is
        ``-SUM(value)`` of ``sale_out``, ``sale_return`` and ``cogs_adjust`` rows.

        The average never goes negative: with ``limit_stock`` (the default) a decrease
        larger than the stock value takes the stock value to zero and sends the rest to cost
        of goods sold; without it, such a correction is refused.

        :return: one dict per correction: ``stock`` and ``cogs`` (the split, company currency)
                 and ``moves`` (its ledger rows).
        """
        prepared = []
        for correction in corrections:
            line = correction["picking_line"]
            line.ensure_one()
            label = f"{correction.get('reference') or '-'}, {line.product_id.display_name}"
            check_number(self, correction["amount"], label, _("the amount"), MAX_AMOUNT)
            incoming = line.sudo().move_ids.filtered(lambda m: m.quantity > 0)
            if line.picking_id.state != "done" or not incoming:
                raise UserError(
                    _(
                        "%(doc)s, %(product)s: only goods received by a posted document can "
                        "have their cost corrected.",
                        doc=line.picking_id.display_name,
                        product=line.product_id.display_name,
                    )
                )
            company = line.picking_id.company_id
            prepared.append(
                {
                    "correction": correction,
                    "line": line,
                    "company": company,
                    "amount": company.currency_id.round(correction["amount"]),
                    "received": sum(incoming.mapped("quantity")),
                    "origin": incoming.sorted("id")[0],
                }
            )
        # The split reads the on-hand quantity under the lock _post takes again (same order).
        valuations = {}
        for company in (
            self.env["res.company"].union(*(p["company"] for p in prepared)).sorted("id")
        ):
            product_ids = {p["line"].product_id.id for p in prepared if p["company"] == company}
            for product_id, row in (
                self.env["jxc.stock.valuation"]._lock(product_ids, company.id).items()
            ):
                valuations[(product_id, company.id)] = {
                    "on_hand": max(float(row["quantity"]), 0.0),
                    "quantity": float(row["quantity"]),
                    "value": float(row["value"]),
                }
        newest_first = sorted(
            prepared, key=lambda p: (p["origin"].date, p["origin"].id), reverse=True
        )
        for item in newest_first:
            valuation = valuations[(item["line"].product_id.id, item["company"].id)]
            in_stock = min(item["received"], valuation["on_hand"])
            valuation["on_hand"] -= in_stock
            currency = item["company"].currency_id
            stock = currency.round(item["amount"] * in_stock / item["received"])
            if (
                limit_stock
                and valuation["quantity"] > 0
                and currency.compare_amounts(valuation["value"] + stock, 0) < 0
            ):
                stock = -valuation["value"]
            valuation["value"] = currency.round(valuation["value"] + stock)
            item["stock"] = stock
            item["cogs"] = currency.round(item["amount"] - stock)
        vals_list, owners = [], []
        for index, item in enumerate(prepared):
            if item["company"].currency_id.is_zero(item["amount"]):
                continue
            line, correction = item["line"], item["correction"]
            common = {
                key: correction[key]
                for key in ("reference", "res_model", "res_id", "date", "line_label")
                if correction.get(key)
            }
            common.update(
                product_id=line.product_id.id,
                warehouse_id=item["origin"].warehouse_id.id,
                lot_id=item["origin"].lot_id.id,
                quantity=0.0,
                origin_move_id=item["origin"].id,
            )
            vals_list.append(dict(common, move_type="cost_adjust", value=item["amount"]))
            owners.append(index)
            if not item["company"].currency_id.is_zero(item["cogs"]):
                vals_list.append(dict(common, move_type="cogs_adjust", value=-item["cogs"]))
                owners.append(index)
        moves = self._post(vals_list)
        results = [
            {"stock": item["stock"], "cogs": item["cogs"], "moves": self.browse()}
            for item in prepared
        ]
        for index, move in zip(owners, moves, strict=True):
            results[index]["moves"] |= move
        return results

    @api.model
    def _post_value_adjustments(self, vals_list):
        """Post value-only ``cost_adjust`` rows (成本调整单): each dict holds ``product_id``,
        ``warehouse_id``, ``value`` (signed) and the usual ledger keys. Refused when a
        company would hold the product at a negative value, or holds none of it."""
        return self._post([dict(vals, quantity=0.0, move_type="cost_adjust") for vals in vals_list])

    def _reverse_value_rows(self, values):
        """红冲 of value-only rows: post their exact mirrors (``values``: the reversal's
        ``reference``, ``res_model``, ``res_id``, ``date``). Refused like any value-only
        posting when the stock that carried the value has gone since."""
        value_only = self._get_value_only_move_types()
        return self._post(
            [
                dict(
                    values,
                    product_id=move.product_id.id,
                    warehouse_id=move.warehouse_id.id,
                    lot_id=move.lot_id.id,
                    quantity=0.0,
                    value=-move.sudo().value,
                    move_type=move.move_type,
                    is_reversal=True,
                    origin_move_id=move.id,
                    line_label=move.product_id.display_name,
                )
                for move in self.sorted("id")
                if move.move_type in value_only
            ]
        )

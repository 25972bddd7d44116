# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare, float_is_zero, float_round

from ..utils import (
    MAX_QUANTITY,
    check_number,
    format_number,
    format_quantity,
    internal_context,
    is_internal,
)


class JxcStockReservation(models.Model):
    """What each demand line (``res_model``, ``res_id``) holds, per lot, and what it lacks.

    The private API (:meth:`_reserve`, :meth:`_release`, :meth:`_release_demand`,
    :meth:`_consume`, :meth:`_reduce_shortage`) is what documents call from their own methods;
    each is one atomic step on quants locked in a fixed order, so any number of sessions
    reserving the same product never push available stock below zero. It writes as superuser
    and checks no rights: only code that has checked its caller calls it.

    The public API for integrators (:meth:`reserve`, :meth:`release`, :meth:`release_demand`)
    first checks that the caller is stock staff and may write the demand documents it serves
    (model access, record rules, companies; never JXC's own documents) and read the
    warehouses, then calls the private one.
    """

    _name = "jxc.stock.reservation"
    _description = "Stock Reservation"
    _order = "id desc"
    _rec_name = "name"

    name = fields.Char(string="Demand", readonly=True)
    product_id = fields.Many2one("product.product", required=True, readonly=True, index=True)
    warehouse_id = fields.Many2one("jxc.stock.warehouse", required=True, readonly=True, index=True)
    lot_id = fields.Many2one("jxc.stock.lot", string="Lot / Serial", readonly=True, index=True)
    company_id = fields.Many2one(
        related="warehouse_id.company_id", store=True, precompute=True, index=True
    )
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    quantity = fields.Float(
        string="Reserved",
        digits="Product Unit of Measure",
        readonly=True,
        help="Quantity held now, in the product's base unit.",
    )
    shortage_quantity = fields.Float(
        string="Shortage",
        digits="Product Unit of Measure",
        readonly=True,
        help="Quantity the demand asked for and could not get; replenishment sees it.",
    )
    res_model = fields.Char(string="Demand Model", readonly=True, index=True)
    res_id = fields.Many2oneReference(string="Demand Line", model_field="res_model", readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Consumed"), ("cancel", "Released")],
        default="open",
        required=True,
        readonly=True,
        index=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not is_internal(self.env):
            raise UserError(_("Reservations are made only through the reservation API."))
        return super().create(vals_list)

    def write(self, vals):
        if not is_internal(self.env):
            raise UserError(_("Reservations are changed only through the reservation API."))
        return super().write(vals)

    # Also while an addon is uninstalled: the quants' reserved quantities add them up.
    @api.ondelete(at_uninstall=True)
    def _unlink_never(self):
        raise UserError(_("Reservations cannot be deleted; release them instead."))

    # ------------------------------------------------------------------
    # Public API (integrators): checks the caller, then the private API
    # ------------------------------------------------------------------
    @api.model
    def reserve(self, requests, mode="all"):
        """:meth:`_reserve` for a caller who may write every demand document of
        ``requests`` and read their warehouses."""
        self._check_reservation_rights()
        if not isinstance(requests, (list, tuple)) or not all(
            isinstance(r, dict) for r in requests
        ):
            raise UserError(_("Reservation requests are a list of dictionaries."))
        self._check_demand_access({(r.get("res_model"), r.get("res_id")) for r in requests})
        Product = self.env["product.product"]
        for request in requests:
            product_id = request.get("product_id")
            if type(product_id) is not int or not Product.browse(product_id).exists():
                raise UserError(
                    _(
                        "%(demand)s: %(product)r is not a product.",
                        demand=request.get("name") or _("Reservation"),
                        product=product_id,
                    )
                )
        Warehouse = self.env["jxc.stock.warehouse"]
        warehouses = Warehouse.browse({r.get("warehouse_id") for r in requests})
        if not all(isinstance(w, int) for w in warehouses.ids) or len(warehouses.exists()) != len(
            warehouses
        ):
            raise UserError(_("Reservation requests name warehouses that do not exist."))
        warehouses.check_access("read")
        for warehouse in warehouses:
            if warehouse.company_id not in self.env.companies:
                raise AccessError(
                    _("%s is not a warehouse of your companies.", warehouse.display_name)
                )
        return self._reserve(requests, mode=mode)

    def release(self):
        """:meth:`_release` for a caller who may write the demand documents held."""
        self._check_reservation_rights()
        self.check_access("read")
        self._check_demand_access({(r.res_model, r.res_id) for r in self.sudo()})
        return self._release()

    @api.model
    def release_demand(self, res_model, res_ids):
        """:meth:`_release_demand` for a caller who may write those demand documents."""
        self._check_reservation_rights()
        if not isinstance(res_ids, (list, tuple)):
            raise UserError(_("The demand ids are a list of ids."))
        self._check_demand_access({(res_model, res_id) for res_id in res_ids})
        return self._release_demand(res_model, res_ids)

    @api.model
    def _check_reservation_rights(self):
        """Reserving and releasing change what is available: stock staff only (sales staff
        reserve by confirming their orders)."""
        if not self.env.su and not self.env.user.has_group("jxc_stock.group_jxc_stock_user"):
            raise AccessError(_("Only stock staff can reserve or release stock."))

    @api.model
    def _check_demand_access(self, demands):
        """``demands`` is a set of (model name, record id): each must exist, and the user
        must be allowed to write it (model access, record rules, companies)."""
        by_model = {}
        for res_model, res_id in demands:
            if not isinstance(res_model, str) or res_model not in self.env:
                raise UserError(_("%s is not a document that can hold stock.", res_model))
            if not isinstance(res_id, int) or isinstance(res_id, bool) or res_id <= 0:
                raise UserError(
                    _("%(model)s: %(id)r is not a document id.", model=res_model, id=res_id)
                )
            by_model.setdefault(res_model, set()).add(res_id)
        for res_model, ids in by_model.items():
            self._check_demand_model(res_model)
            records = self.env[res_model].browse(sorted(ids))
            if len(records.exists()) != len(records):
                raise UserError(_("Some %s documents do not exist.", res_model))
            records.check_access("write")

    @api.model
    def _check_demand_model(self, res_model):
        """Refuse demands whose documents reserve through their own actions only: JXC's
        own models (sale order lines: confirming the order reserves, cancelling releases).
        Downstream addons extend this."""
        Model = self.env[res_model]
        if Model._abstract or Model._transient:
            raise UserError(_("%s is not a document that can hold stock.", res_model))
        if res_model.startswith("jxc."):
            raise UserError(
                _("%s reserve and release stock through their own actions only.", res_model)
            )

    # ------------------------------------------------------------------
    # Private API (documents' own methods)
    # ------------------------------------------------------------------
    @api.model
    def _reserve(self, requests, mode="all"):
        """Reserve a batch of demands in one atomic step.

        :param requests: list of dicts with ``product_id``, ``warehouse_id``, ``quantity``
            (in the product's base unit), ``res_model``, ``res_id`` and optionally ``lot_id``
            (only that lot) and ``name`` (shown in errors and lists)
        :param mode: ``"all"`` (default) reserves everything or raises a :class:`UserError`
            listing every short product with needed and available quantities, writing nothing;
            ``"partial"`` reserves what exists and records the rest as shortage
        :return: the created reservations
        """
        if mode not in ("all", "partial"):
            raise UserError(_("Unknown reservation mode %s.", mode))
        if not requests:
            return self.browse()
        precision = self.env["decimal.precision"].precision_get("Product Unit of Measure")
        Product = self.env["product.product"]
        for request in requests:
            check_number(
                self,
                request.get("quantity"),
                request.get("name") or _("Reservation"),
                _("the quantity to reserve"),
                MAX_QUANTITY,
            )
            if not isinstance(request.get("quantity"), (int, float)):
                raise UserError(_("%s: give the quantity to reserve.", request.get("name") or "-"))
            if float_compare(request["quantity"], 0, precision_digits=precision) <= 0:
                raise UserError(
                    _(
                        "%(demand)s: the quantity to reserve must be positive, not %(qty)s.",
                        demand=request.get("name") or "-",
                        qty=format_number(self.env, request["quantity"]),
                    )
                )
            if Product.browse(request["product_id"]).type != "consu":
                raise UserError(
                    _(
                        "%(demand)s: %(product)s is not a stockable good.",
                        demand=request.get("name") or "-",
                        product=Product.browse(request["product_id"]).display_name,
                    )
                )
        Quant = self.env["jxc.stock.quant"]
        # Untracked products keep their stock on the lot-less quant: make sure it exists.
        keys = [
            (r["product_id"], r["warehouse_id"], None)
            for r in requests
            if Product.browse(r["product_id"]).tracking == "none"
        ]
        rows = Quant._lock_quants(keys, [(r["product_id"], r["warehouse_id"]) for r in requests])
        pools = defaultdict(list)
        today = fields.Date.context_today(self)
        for row in rows:
            if row["expiration_date"] and row["expiration_date"] < today:
                continue  # expired goods are never promised
            row["free"] = float(row["quantity"]) - float(row["reserved_quantity"])
            pools[(row["product_id"], row["warehouse_id"])].append(row)
        for pool in pools.values():
            # FEFO: untracked stock first (lot NULL), then lots by earliest expiry.
            pool.sort(
                key=lambda r: (
                    r["lot_id"] is not None,
                    r["expiration_date"] or fields.Date.to_date("9999-12-31"),
                    r["lot_id"] or 0,
                )
            )

        allocations = []  # (request, quant row or None, quantity, shortage)
        shortages = defaultdict(lambda: [0.0, 0.0])  # (product, warehouse) -> [needed, available]
        for request in requests:
            key = (request["product_id"], request["warehouse_id"])
            product = Product.browse(request["product_id"])
            needed = request["quantity"]
            pool = [
                r
                for r in pools.get(key, [])
                if not request.get("lot_id") or r["lot_id"] == request["lot_id"]
            ]
            remaining = needed
            for row in pool:
                if float_compare(remaining, 0, precision_digits=precision) <= 0:
                    break
                take = min(row["free"], remaining)
                if float_compare(take, 0, precision_digits=precision) <= 0:
                    continue
                take = float_round(take, precision_digits=precision)
                row["free"] -= take
                remaining -= take
                allocations.append([request, row, take, 0.0])
            remaining = float_round(remaining, precision_digits=precision)
            if float_compare(remaining, 0, precision_digits=precision) > 0:
                negative_ok = product.tracking == "none" and self.env[
                    "jxc.stock.move"
                ]._is_negative_allowed(
                    product, self.env["jxc.stock.warehouse"].browse(key[1]).company_id
                )
                untracked = next((r for r in pool if r["lot_id"] is None), None)
                if negative_ok and untracked:
                    # Negative stock allowed: promise it anyway, on the untracked quant.
                    untracked["free"] -= remaining
                    allocations.append([request, untracked, remaining, 0.0])
                    continue
                short = shortages[key]
                short[0] += needed
                short[1] += needed - remaining
                allocations.append([request, None, 0.0, remaining])

        if shortages and mode == "all":
            lines = []
            for (product_id, warehouse_id), (needed, available) in sorted(shortages.items()):
                product = Product.browse(product_id)
                lines.append(
                    _(
                        "%(product)s in %(warehouse)s: needed %(needed)s %(uom)s, "
                        "available %(available)s",
                        product=product.display_name,
                        warehouse=self.env["jxc.stock.warehouse"].browse(warehouse_id).display_name,
                        needed=format_number(self.env, needed),
                        available=format_number(self.env, available),
                        uom=product.uom_id.name,
                    )
                )
            raise UserError(_("Not enough stock to reserve:\n%s", "\n".join(lines)))

        deltas = defaultdict(lambda: [0.0, 0.0, 0.0])
        vals_list = []
        for request, row, quantity, shortage in allocations:
            if row:
                deltas[row["id"]][1] += quantity
            vals_list.append(
                {
                    "name": request.get("name"),
                    "product_id": request["product_id"],
                    "warehouse_id": request["warehouse_id"],
                    "lot_id": row["lot_id"] if row else False,
                    "quantity": quantity,
                    "shortage_quantity": shortage,
                    "res_model": request.get("res_model"),
                    "res_id": request.get("res_id") or False,
                }
            )
        Quant._apply_deltas({k: tuple(v) for k, v in deltas.items()})
        created = self.sudo().with_context(**internal_context()).create(vals_list)
        return self.browse(created.ids)

    def _release(self):
        """Give back what these reservations still hold; their shortage is dropped."""
        reservations = self.filtered(lambda r: r.state == "open")
        if not reservations:
            return True
        self._lock_for(reservations)
        deltas = self._quant_deltas(reservations, {r.id: r.quantity for r in reservations})
        self.env["jxc.stock.quant"]._apply_deltas(deltas)
        reservations.sudo().with_context(**internal_context()).write(
            {"state": "cancel", "quantity": 0.0, "shortage_quantity": 0.0}
        )
        return True

    @api.model
    def _release_demand(self, res_model, res_ids):
        """Release every open reservation of the demand lines ``res_ids`` of ``res_model``."""
        return (
            self.sudo()
            .search(
                [
                    ("res_model", "=", res_model),
                    ("res_id", "in", list(res_ids)),
                    ("state", "=", "open"),
                ]
            )
            ._release()
        )

    def _consume(self, quantities):
        """Use held quantities (a shipment): ``quantities`` is {reservation id: base-unit qty}.

        The caller posts the outgoing moves in the same transaction. A reservation whose held
        quantity reaches zero is done (its shortage, if any, stays open for replenishment).
        """
        precision = self.env["decimal.precision"].precision_get("Product Unit of Measure")
        reservations = self.browse(list(quantities)).filtered(lambda r: r.state == "open")
        if not reservations:
            return True
        self._lock_for(reservations)
        for reservation in reservations:
            if (
                float_compare(
                    quantities[reservation.id], reservation.quantity, precision_digits=precision
                )
                > 0
            ):
                raise UserError(
                    _(
                        "%(demand)s: cannot consume %(qty)s, only %(held)s is reserved.",
                        demand=reservation.name or "-",
                        qty=format_quantity(
                            self.env, quantities[reservation.id], reservation.product_id.uom_id
                        ),
                        held=format_quantity(
                            self.env, reservation.quantity, reservation.product_id.uom_id
                        ),
                    )
                )
        deltas = self._quant_deltas(reservations, {r.id: quantities[r.id] for r in reservations})
        self.env["jxc.stock.quant"]._apply_deltas(deltas)
        # One write per distinct result (a delivery in full: one for all), not per line.
        writes = defaultdict(list)
        for reservation in reservations:
            held = float_round(
                reservation.quantity - quantities[reservation.id], precision_digits=precision
            )
            done = float_is_zero(held, precision_digits=precision) and float_is_zero(
                reservation.shortage_quantity, precision_digits=precision
            )
            writes[(held, done)].append(reservation.id)
        for (held, done), ids in writes.items():
            vals = {"quantity": held, "state": "done"} if done else {"quantity": held}
            self.browse(ids).sudo().with_context(**internal_context()).write(vals)
        return True

    def _reduce_shortage(self, quantities):
        """Lower recorded shortages: ``quantities`` is {reservation id: base-unit qty}.

        Used when demand is met otherwise (goods shipped from stock that arrived later) or
        shrinks. A reservation left holding nothing and lacking nothing is done.
        """
        precision = self.env["decimal.precision"].precision_get("Product Unit of Measure")
        for reservation in self.browse(list(quantities)).filtered(lambda r: r.state == "open"):
            shortage = max(
                float_round(
                    reservation.shortage_quantity - quantities[reservation.id],
                    precision_digits=precision,
                ),
                0.0,
            )
            vals = {"shortage_quantity": shortage}
            if float_is_zero(shortage, precision_digits=precision) and float_is_zero(
                reservation.quantity, precision_digits=precision
            ):
                vals["state"] = "done"
            reservation.sudo().with_context(**internal_context()).write(vals)
        return True

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _lock_for(self, reservations):
        """Lock the reservations' quants (fixed order), then re-read the reservations."""
        self.env["jxc.stock.quant"]._lock_quants(
            [(r.product_id.id, r.warehouse_id.id, r.lot_id.id or None) for r in reservations]
        )
        self.env.cr.execute(
            "SELECT id FROM jxc_stock_reservation WHERE id = ANY(%s) ORDER BY id FOR UPDATE",
            [reservations.ids],
        )
        reservations.invalidate_recordset(["quantity", "shortage_quantity", "state"])

    def _quant_deltas(self, reservations, released):
        """{quant id: (0, -released, 0)} for quantities given back by ``reservations``."""
        self.env.cr.execute(
            "SELECT id, product_id, warehouse_id, lot_id FROM jxc_stock_quant "
            "WHERE (product_id, warehouse_id) IN %s",
            [tuple({(r.product_id.id, r.warehouse_id.id) for r in reservations})],
        )
        quant_ids = {(p, w, lot): qid for qid, p, w, lot in self.env.cr.fetchall()}
        deltas = defaultdict(lambda: [0.0, 0.0, 0.0])
        for reservation in reservations:
            key = (
                reservation.product_id.id,
                reservation.warehouse_id.id,
                reservation.lot_id.id or None,
            )
            deltas[quant_ids[key]][1] -= released[reservation.id]
        return {k: tuple(v) for k, v in deltas.items()}

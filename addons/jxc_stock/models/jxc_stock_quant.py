# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class JxcStockQuant(models.Model):
    """即时库存: on hand and reserved per (product, warehouse, lot).

    Quants are a cache of the ledger kept by the posting and reservation code in SQL, under
    row locks; nobody writes them through the ORM.
    """

    _name = "jxc.stock.quant"
    _description = "Stock on Hand"
    _order = "product_id, warehouse_id, lot_id"
    _rec_name = "product_id"

    product_id = fields.Many2one("product.product", required=True, readonly=True, index=True)
    product_tmpl_id = fields.Many2one(
        related="product_id.product_tmpl_id", store=True, string="Product Template"
    )
    categ_id = fields.Many2one(related="product_id.categ_id", store=True, string="Category")
    warehouse_id = fields.Many2one("jxc.stock.warehouse", required=True, readonly=True, index=True)
    lot_id = fields.Many2one("jxc.stock.lot", string="Lot / Serial", readonly=True, index=True)
    expiration_date = fields.Date(related="lot_id.expiration_date", string="Expiry Date")
    company_id = fields.Many2one(
        related="warehouse_id.company_id", store=True, index=True, string="Company"
    )
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    quantity = fields.Float(
        string="On Hand", digits="Product Unit of Measure", readonly=True, default=0.0
    )
    reserved_quantity = fields.Float(
        string="Reserved", digits="Product Unit of Measure", readonly=True, default=0.0
    )
    available_quantity = fields.Float(
        string="Available",
        digits="Product Unit of Measure",
        readonly=True,
        default=0.0,
        help="On hand minus reserved.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    # Sales and purchase staff read quantities, never what the stock is worth.
    value = fields.Monetary(
        string="Stock Value", readonly=True, default=0.0, groups="jxc_stock.group_jxc_stock_user"
    )

    def init(self):
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS jxc_stock_quant_key_uniq
                ON jxc_stock_quant (product_id, warehouse_id, COALESCE(lot_id, 0))
            """
        )

    @api.model_create_multi
    def create(self, vals_list):
        # Quants are inserted by _lock_quants (SQL) only.
        if vals_list:
            raise UserError(_("Stock on hand changes only by posting stock documents."))
        return super().create(vals_list)

    def write(self, vals):
        if self:
            raise UserError(_("Stock on hand changes only by posting stock documents."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(_("Stock on hand changes only by posting stock documents."))

    def action_view_reservations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "jxc_stock.jxc_stock_reservation_action"
        )
        action["domain"] = [
            ("product_id", "=", self.product_id.id),
            ("warehouse_id", "=", self.warehouse_id.id),
            ("lot_id", "=", self.lot_id.id),
            ("state", "=", "open"),
        ]
        return action

    # ------------------------------------------------------------------
    # SQL helpers for the hot paths (posting, reservation)
    # ------------------------------------------------------------------
    @api.model
    def _lock_quants(self, keys, pairs=()):
        """Create missing quants for ``keys`` [(product, warehouse, lot or None)], then lock every
        quant of their (product, warehouse) pairs and of ``pairs`` in one fixed order, so that
        concurrent postings and reservations never deadlock.

        :return: list of dict rows (id, product_id, warehouse_id, lot_id, quantity,
                 reserved_quantity, value, expiration_date), in lock order
        """
        cr = self.env.cr
        self.env["jxc.stock.lot"].flush_model(["expiration_date", "product_id"])
        keys = sorted(set(keys), key=lambda k: (k[0], k[1], k[2] or 0))
        pairs = sorted({(k[0], k[1]) for k in keys} | set(pairs))
        if not pairs:
            return []
        cr.execute(
            """
            INSERT INTO jxc_stock_quant (product_id, product_tmpl_id, categ_id, warehouse_id,
                                         lot_id, company_id, quantity, reserved_quantity,
                                         available_quantity, value, create_uid, create_date,
                                         write_uid, write_date)
            SELECT k.product_id, pp.product_tmpl_id, pt.categ_id, k.warehouse_id, k.lot_id,
                   wh.company_id, 0, 0, 0, 0, %(uid)s, now() at time zone 'UTC',
                   %(uid)s, now() at time zone 'UTC'
              FROM unnest(%(products)s::int[], %(warehouses)s::int[], %(lots)s::int[])
                   AS k(product_id, warehouse_id, lot_id)
              JOIN product_product pp ON pp.id = k.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
              JOIN jxc_stock_warehouse wh ON wh.id = k.warehouse_id
            ON CONFLICT DO NOTHING
            """,
            {
                "uid": self.env.uid,
                "products": [k[0] for k in keys],
                "warehouses": [k[1] for k in keys],
                "lots": [k[2] or None for k in keys],
            },
        )
        if cr.rowcount:
            self._invalidate_stock_caches()
        cr.execute(
            """
            SELECT q.id, q.product_id, q.warehouse_id, q.lot_id, q.quantity,
                   q.reserved_quantity, q.value, l.expiration_date
              FROM jxc_stock_quant q
              LEFT JOIN jxc_stock_lot l ON l.id = q.lot_id
             WHERE (q.product_id, q.warehouse_id) IN %s
             ORDER BY q.product_id, q.warehouse_id, COALESCE(q.lot_id, 0)
               FOR UPDATE OF q
            """,
            [tuple(pairs)],
        )
        return cr.dictfetchall()

    @api.model
    def _apply_deltas(self, deltas):
        """Add {quant_id: (quantity, reserved, value)} to quants, in one statement."""
        if not deltas:
            return
        ids = sorted(deltas)
        self.env.cr.execute(
            """
            UPDATE jxc_stock_quant q
               SET quantity = q.quantity + d.qty,
                   reserved_quantity = q.reserved_quantity + d.reserved,
                   available_quantity = q.quantity + d.qty - q.reserved_quantity - d.reserved,
                   value = q.value + d.value,
                   write_uid = %s,
                   write_date = now() at time zone 'UTC'
              FROM unnest(%s::int[], %s::numeric[], %s::numeric[], %s::numeric[])
                   AS d(id, qty, reserved, value)
             WHERE q.id = d.id
            """,
            [
                self.env.uid,
                ids,
                [deltas[i][0] for i in ids],
                [deltas[i][1] for i in ids],
                [deltas[i][2] for i in ids],
            ],
        )
        self._invalidate_stock_caches()

    @api.model
    def _invalidate_stock_caches(self):
        """Forget cached figures that SQL just changed (quants and what is computed from them)."""
        self.invalidate_model(
            ["quantity", "reserved_quantity", "available_quantity", "value", "write_date"]
        )
        self.env["jxc.stock.lot"].invalidate_model(["quant_ids", "quantity"])
        self.env["product.product"].invalidate_model(
            ["jxc_quant_ids", "jxc_on_hand", "jxc_reserved", "jxc_available"]
        )

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare, float_is_zero

from ..utils import (
    internal_context,
    is_internal,
    is_past_posting,
    is_rpc_call,
    list_action,
    selection_label,
)


class JxcStockPicking(models.Model):
    """Every stock document: 其他入库 ``in``, 其他出库 ``out``, 调拨 ``internal``, and the types
    that purchase and sales add with ``selection_add``."""

    _name = "jxc.stock.picking"
    _description = "Stock Document"
    _inherit = ["jxc.document.mixin", "jxc.scan.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _jxc_locked_writable = ("note", "user_id")
    _jxc_posted_states = ("done",)

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    picking_type = fields.Selection(
        [
            ("in", "Other Receipt"),
            ("out", "Other Issue"),
            ("internal", "Transfer"),
            ("opening", "Opening Stock"),
        ],
        string="Type",
        required=True,
        default="in",
        tracking=True,
        index=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    warehouse_id = fields.Many2one(
        "jxc.stock.warehouse",
        required=True,
        tracking=True,
        check_company=True,
        domain=[("jxc_allowed", "=", True)],
        default=lambda self: self._default_warehouse_id(),
    )
    dest_warehouse_id = fields.Many2one(
        "jxc.stock.warehouse",
        string="Destination Warehouse",
        tracking=True,
        check_company=True,
        help="Transfers only: where the goods go.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    # A document keeps its partner: archive partners, they cannot be deleted from under it.
    partner_id = fields.Many2one("res.partner", tracking=True, ondelete="restrict")
    date = fields.Datetime(
        string="Scheduled Date", required=True, default=fields.Datetime.now, tracking=True
    )
    date_done = fields.Datetime(string="Posted On", readonly=True, copy=False)
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
    origin = fields.Char(string="Source Document", tracking=True)
    note = fields.Html()
    line_ids = fields.One2many("jxc.stock.picking.line", "picking_id", string="Lines", copy=True)
    move_ids = fields.One2many("jxc.stock.move", "picking_id", string="Ledger Rows")
    # Counted as superuser: who reads a document without the ledger (finance) sees the count.
    move_count = fields.Integer(
        compute="_compute_move_count", compute_sudo=True, string="Ledger Row Count"
    )
    backorder_id = fields.Many2one(
        "jxc.stock.picking",
        string="Backorder Of",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    backorder_ids = fields.One2many("jxc.stock.picking", "backorder_id", string="Backorders")
    is_reversal = fields.Boolean(string="Reversal (红冲)", readonly=True, copy=False)
    reversal_of_id = fields.Many2one(
        "jxc.stock.picking", string="Reverses", readonly=True, copy=False, index="btree_not_null"
    )
    reversal_ids = fields.One2many("jxc.stock.picking", "reversal_of_id", string="Reversals")
    return_of_id = fields.Many2one(
        "jxc.stock.picking",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The posted document these goods go back from.",
    )
    amount_total = fields.Monetary(
        string="Total Value",
        compute="_compute_amount_total",
        store=True,
        groups="jxc_stock.group_jxc_cost",
    )
    import_checksum = fields.Char(
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="SHA-256 of the rows of the file this document was imported from: a file is "
        "imported once.",
    )
    is_opening_frozen = fields.Boolean(
        compute="_compute_is_opening_frozen",
        help="An opening stock document of a company that went live: it can no longer be reversed.",
    )
    is_incoming = fields.Boolean(compute="_compute_direction")
    is_outgoing = fields.Boolean(compute="_compute_direction")

    def _default_warehouse_id(self):
        return self.env["jxc.stock.warehouse"].search(
            [("company_id", "=", self.env.company.id), ("jxc_allowed", "=", True)], limit=1
        )

    @api.depends("move_ids")
    def _compute_move_count(self):
        for picking in self:
            picking.move_count = len(picking.move_ids)

    @api.depends("line_ids.value")
    def _compute_amount_total(self):
        for picking in self:
            picking.amount_total = sum(picking.line_ids.mapped("value"))

    @api.depends("picking_type", "company_id")
    def _compute_is_opening_frozen(self):
        Golive = self.env["jxc.golive"]
        for picking in self:
            picking.is_opening_frozen = (
                picking.picking_type == "opening"
                and Golive._get_for_company(picking.company_id).state == "done"
            )

    @api.depends("picking_type")
    def _compute_direction(self):
        for picking in self:
            direction = picking._get_direction()
            picking.is_incoming = direction == "in"
            picking.is_outgoing = direction in ("out", "internal")

    @api.model
    def _jxc_sequence_code_for(self, vals):
        return f"jxc.stock.picking.{vals.get('picking_type') or 'in'}"

    @api.ondelete(at_uninstall=True)
    def _unlink_except_posted_or_of_an_order(self):
        # Posted history stays, whatever is uninstalled.
        if any(p.state == "done" for p in self):
            raise UserError(_("A posted stock document cannot be deleted; reverse (红冲) it."))
        if not is_internal(self.env):
            self._check_opening_rights()
            types = self._get_picking_types()
            for picking in self:
                # (A type whose addon is being uninstalled is no longer known.)
                if types.get(picking.picking_type, {}).get("cancel_by_hand", True) is False:
                    raise UserError(
                        _("%s belongs to its order: it cannot be deleted.", picking.name)
                    )

    @api.model
    def _jxc_check_create_vals(self, vals):
        res = super()._jxc_check_create_vals(vals)
        picking_type = vals.get("picking_type", self.env.context.get("default_picking_type", "in"))
        if picking_type == "opening":
            if not self.env.user.has_group("jxc_stock.group_jxc_stock_manager"):
                raise AccessError(_("Only stock managers enter opening stock."))
            company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
            self.env["jxc.golive"]._get_for_company(company)._check_opening_allowed(
                _("An opening stock")
            )
        if not self._get_type_info(picking_type).get("manual"):
            raise UserError(
                _(
                    "%(type)s documents are made by their order or by returning a posted "
                    "document, not by hand.",
                    type=self._get_type_label(picking_type),
                )
            )
        return res

    def _jxc_check_write_vals(self, vals):
        res = super()._jxc_check_write_vals(vals)
        self._check_opening_rights()
        if "picking_type" in vals:
            # Else a receipt or a delivery would post as a plain document (no order, no
            # reservation), or a plain document as one of an order.
            new_type = vals["picking_type"]
            for picking in self.filtered(lambda p: p.picking_type != new_type):
                if "opening" in (new_type, picking.picking_type):
                    raise UserError(
                        _(
                            "%s: an opening stock document is created as one and stays one.",
                            picking.name,
                        )
                    )
                if not picking._get_type_info(picking.picking_type).get("manual"):
                    raise UserError(
                        _(
                            "%(doc)s is a %(type)s document: it keeps its type.",
                            doc=picking.name,
                            type=picking._get_type_label(picking.picking_type),
                        )
                    )
                if not self._get_type_info(new_type).get("manual"):
                    raise UserError(
                        _(
                            "%(type)s documents are made by their order or by returning a "
                            "posted document, not by hand.",
                            type=self._get_type_label(new_type),
                        )
                    )
        return res

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for picking in self:
            if picking.is_reversal and not (default or {}).get("is_reversal"):
                raise UserError(_("%s is a reversal and cannot be duplicated.", picking.name))
        return vals_list

    # ------------------------------------------------------------------
    # Types (downstream addons add theirs with selection_add and _get_picking_types)
    # ------------------------------------------------------------------
    @api.model
    def _get_picking_types(self):
        """{type: info}, the one place that says how each document type behaves:

        - ``direction``: ``in``, ``out`` or ``internal`` (how it moves goods);
        - ``post_groups``: xml ids of the groups whose members post, cancel and return it;
        - ``manual``: whether users create it by hand (else only its order or a return does);
        - ``cancel_by_hand``: whether users cancel it by hand (else its order does).

        Per-type behaviour lives in methods named after the type, called when they exist:
        ``_check_can_post_<type>()``, ``_before_post_<type>(lines)``,
        ``_after_post_<type>(lines)``, ``_should_create_backorder_<type>()``,
        ``_create_backorder_<type>()``, ``_check_can_reverse_<type>()``,
        ``_after_reverse_<type>(reversal)`` and ``_get_ledger_date_<type>()``.
        """
        stock = ("jxc_stock.group_jxc_stock_user",)
        return {
            "in": {"direction": "in", "post_groups": stock, "manual": True},
            "out": {"direction": "out", "post_groups": stock, "manual": True},
            "internal": {"direction": "internal", "post_groups": stock, "manual": True},
            # 期初库存: the stock a company goes live with (see jxc.golive).
            "opening": {
                "direction": "in",
                "post_groups": ("jxc_stock.group_jxc_stock_manager",),
                "manual": True,
            },
        }

    @api.model
    def _get_type_info(self, picking_type):
        info = self._get_picking_types().get(picking_type)
        if not info:
            raise UserError(_("Unknown stock document type %s.", picking_type))
        return dict({"cancel_by_hand": True}, **info)

    @api.model
    def _get_type_label(self, picking_type):
        return selection_label(self, "picking_type", picking_type)

    def _call_type_hook(self, hook, *args):
        """Call ``<hook>_<picking_type>(*args)`` if this document's type defines it."""
        self.ensure_one()
        method = getattr(self, f"{hook}_{self.picking_type}", None)
        return method(*args) if method else None

    def _get_direction(self):
        """``in``, ``out`` or ``internal``: how this document's type moves goods."""
        self.ensure_one()
        return self._get_picking_types().get(self.picking_type, {}).get("direction", "in")

    def _get_move_type(self, direction):
        """Ledger ``move_type`` for this document's moves in ``direction`` (in / out)."""
        self.ensure_one()
        if self.picking_type == "internal":
            return "internal_in" if direction == "in" else "internal_out"
        return self.picking_type

    def _keep_as_type(self, picking_type):
        """Give these documents ``picking_type``: the ``ondelete`` of a type added by an addon
        that is being uninstalled, so that its documents stay (with their lines and ledger
        rows) under the core type that moves goods the same way. SQL, like the ledger: posted
        documents are not rewritten through the ORM."""
        if not self:
            return
        self.flush_recordset(["picking_type"])
        self.env.cr.execute(
            "UPDATE jxc_stock_picking SET picking_type = %s WHERE id = ANY(%s)",
            [picking_type, list(self.ids)],
        )
        self.invalidate_recordset(["picking_type"])
        # Lines store their document's type.
        self.modified(["picking_type"])

    # ------------------------------------------------------------------
    # Scanning (see jxc.scan.mixin)
    # ------------------------------------------------------------------
    def _jxc_scan_counts_done(self):
        """Whether scans count the done quantity of planned lines (documents of an order or
        a return: what arrives or leaves of what was planned) rather than build the
        document (documents made by hand)."""
        self.ensure_one()
        return not self._get_type_info(self.picking_type).get("manual")

    def _jxc_scan_find_line(self, match):
        return self._jxc_scan_lot_lines(match)._scan_pick_line(
            match["packaging"], convert=self._jxc_scan_counts_done()
        )

    def _jxc_scan_lot_values(self, match):
        if match["lot"]:
            return {"lot_id": match["lot"].id}
        if match["lot_name"]:
            return {"lot_name": match["lot_name"], "expiration_date": match["expiration_date"]}
        return {}

    def _jxc_scan_apply(self, match):
        self._jxc_scan_check_tracking(match)
        product = match["product"]
        if match["lot_name"] and self._get_direction() != "in":
            raise UserError(
                _(
                    "%(doc)s: lot %(lot)s of %(product)s is not known, so it has no stock "
                    "to take. Nothing was added.",
                    doc=self.display_name,
                    lot=match["lot_name"],
                    product=product.display_name,
                )
            )
        line = self._jxc_scan_find_line(match)
        field = "quantity_done" if self._jxc_scan_counts_done() else "quantity"
        if line and product.tracking == "serial" and line[field]:
            raise UserError(
                _(
                    "%(doc)s: serial number %(serial)s has already been scanned.",
                    doc=self.display_name,
                    serial=line.lot_id.name or line.lot_name,
                )
            )
        if line or field == "quantity":
            return super()._jxc_scan_apply(match)
        return self._jxc_scan_claim_line(match)

    def _jxc_scan_claim_line(self, match):
        """A lot scanned on a document of an order: the product's line that names no lot
        and counts nothing yet takes it, else a line of its own for the same order line."""
        lines = self._jxc_scan_lines(match)
        if not lines:
            raise UserError(
                _(
                    "%(product)s is not on %(doc)s: only its own lines can be scanned. "
                    "Nothing was added.",
                    product=match["product"].display_name,
                    doc=self.display_name,
                )
            )
        free = lines.filtered(
            lambda ln: not ln.lot_id and not ln.lot_name and not ln.quantity_done
        )[:1]
        lot_vals = self._jxc_scan_lot_values(match)
        if free:
            free.write(
                dict(
                    lot_vals,
                    **free._scan_add_values("quantity_done", match["packaging"], match["count"]),
                )
            )
            return free
        # The copy keeps the links to the order line (which only documents' own methods set);
        # what the scan adds is all it plans.
        unit, quantity = lines[:1]._scan_unit_values(match["packaging"], match["count"])
        return (
            lines[:1]
            .with_context(**internal_context())
            .copy(dict(lot_vals, **unit, quantity=quantity, quantity_done=quantity))
        )

    def _jxc_scan_line_values(self, line, match):
        field = "quantity_done" if self._jxc_scan_counts_done() else "quantity"
        if line:
            return line._scan_add_values(field, match["packaging"], match["count"])
        return dict(
            self._jxc_scan_lot_values(match),
            **self.env["jxc.stock.picking.line"]._scan_new_line_values(match),
        )

    def _get_ledger_date(self):
        """The date of the ledger rows this document posts (and its reversal): ``None``
        (the posting time) unless its type says otherwise (``_get_ledger_date_<type>()``);
        in a past posting (``utils.past_posting_context``), the document's date."""
        self.ensure_one()
        if is_past_posting(self.env):
            return self.date
        return self._call_type_hook("_get_ledger_date")

    def _should_create_backorder(self):
        """Whether a partial posting leaves a backorder: yes for documents of an order."""
        self.ensure_one()
        return bool(self._call_type_hook("_should_create_backorder"))

    def _before_post(self, lines):
        """Last step before ``lines`` post, in the same transaction: sales consume their
        reservations here so that the posting sees that stock as available."""
        self.ensure_one()
        self._call_type_hook("_before_post", lines)

    def _after_post(self, lines):
        """After the document posted ``lines`` (and left its backorder), in the same
        transaction: orders update themselves, finance posts the money."""
        self.ensure_one()
        self._call_type_hook("_after_post", lines)

    def _after_reverse(self, reversal):
        """After ``reversal`` (红冲) of this document posted, in the same transaction."""
        self.ensure_one()
        self._call_type_hook("_after_reverse", reversal)

    def _check_post_rights(self):
        """Whether the user may post (cancel, return, reset) each of these documents: a
        member of its type's ``post_groups``, with write access to it (record rules)."""
        if self.env.su:
            return
        self._check_action_rights()
        user = self.env.user
        for picking in self:
            groups = picking._get_type_info(picking.picking_type)["post_groups"]
            if not any(user.has_group(group) for group in groups):
                raise AccessError(
                    _(
                        "%(doc)s: you are not allowed to post, cancel or return %(type)s "
                        "documents.",
                        doc=picking.name,
                        type=picking._get_type_label(picking.picking_type),
                    )
                )

    def _get_origin_move(self, line):
        """The ledger move whose cost values this line: for a return, the returned line's."""
        return line.return_of_line_id.move_ids[:1]

    def _create_return(self, picking_type, vals=None):
        """A draft return document of type ``picking_type`` for what can still go back from
        this posted document, line by line (a return is valued at the returned cost)."""
        self.ensure_one()
        if self.state != "done":
            raise UserError(_("Only posted documents can be returned."))
        if self.is_reversal or self.reversal_ids:
            raise UserError(
                _("%s is a reversal or was reversed: it cannot be returned.", self.name)
            )
        lines = [
            fields.Command.create(line._prepare_return_line_vals())
            for line in self.line_ids
            if float_compare(line.quantity_returnable, 0, precision_rounding=line.uom_id.rounding)
            > 0
        ]
        if not lines:
            raise UserError(_("Everything on %s was returned already.", self.name))
        return self._jxc_create(
            dict(
                {
                    "picking_type": picking_type,
                    "warehouse_id": self.warehouse_id.id,
                    "company_id": self.company_id.id,
                    "partner_id": self.partner_id.id,
                    "return_of_id": self.id,
                    "origin": self.name,
                    "line_ids": lines,
                },
                **(vals or {}),
            )
        )

    def _check_order_lines(self, order_field, line_field):
        """A document of an order posts only that order's lines, of their own products."""
        self.ensure_one()
        order = self.sudo()[order_field]
        if not order:
            raise UserError(_("%s belongs to no order: it cannot be posted.", self.name))
        for number, line in enumerate(self.line_ids, start=1):
            order_line = line.sudo()[line_field]
            if order_line.order_id != order or order_line.product_id != line.product_id:
                raise UserError(
                    _(
                        "%(doc)s, line %(line)s (%(product)s) is not a line of %(order)s.",
                        doc=self.name,
                        line=number,
                        product=line.product_id.display_name,
                        order=order.name,
                    )
                )

    def _check_return_quantities(self):
        """Each return line takes back at most what its line posted and did not return."""
        in_full = not any(ln.quantity_done for ln in self.line_ids)
        for number, line in enumerate(self.line_ids, start=1):
            origin = line.return_of_line_id
            if not origin:
                raise UserError(
                    _(
                        "%(doc)s, line %(line)s: a return line must name the line it returns.",
                        doc=self.name,
                        line=number,
                    )
                )
            if origin.product_id != line.product_id or origin.picking_id != self.return_of_id:
                raise UserError(
                    _(
                        "%(doc)s, line %(line)s: it returns %(product)s of %(origin)s.",
                        doc=self.name,
                        line=number,
                        product=origin.product_id.display_name,
                        origin=origin.picking_id.name,
                    )
                )
            if origin.picking_id.is_reversal or origin.picking_id.reversal_ids:
                raise UserError(
                    _(
                        "%(doc)s: %(origin)s is a reversal or was reversed: it cannot be returned.",
                        doc=self.name,
                        origin=origin.picking_id.name,
                    )
                )
            qty = line.quantity if in_full else line.quantity_done
            returnable = line._qty_from_base(origin._qty_to_base(origin.quantity_returnable))
            if float_compare(qty, returnable, precision_rounding=line.uom_id.rounding) > 0:
                raise UserError(
                    _(
                        "%(doc)s, line %(line)s (%(product)s): cannot return %(qty)s %(uom)s, only "
                        "%(returnable)s from %(origin)s are left to return.",
                        doc=self.name,
                        line=number,
                        product=line.product_id.display_name,
                        qty=line._format_number(qty),
                        uom=line._unit_name(),
                        returnable=line._format_number(returnable),
                        origin=origin.picking_id.name,
                    )
                )
            if line.lot_id != origin.lot_id:
                raise UserError(
                    _(
                        "%(doc)s, line %(line)s: return lot %(lot)s, the one on %(origin)s.",
                        doc=self.name,
                        line=number,
                        lot=origin.lot_id.name,
                        origin=origin.picking_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_done(self):
        """Post the documents (button and API): all their lines or nothing (invariant 3)."""
        self._check_post_rights()
        if is_rpc_call(self._name, "action_done"):
            # Posting locks the products' quants and averages: wait for their turn first.
            self.env["jxc.stock.quant"]._take_turn(self.line_ids.product_id)
        return self._action_done()

    def action_batch_done(self):
        """审核 the selected documents from the list (a server action), each as its button
        does, all or nothing per document; a notification lists what failed and why (see
        ``jxc.document.mixin._jxc_batch``)."""
        return self._jxc_batch("action_done", ("done",), _("Validate"))

    def _jxc_batch_check_rights(self):
        self._check_post_rights()

    def action_cancel(self):
        self._check_post_rights()
        for picking in self:
            if not picking._get_type_info(picking.picking_type)["cancel_by_hand"]:
                raise UserError(
                    _("%s belongs to its order: cancel the order instead.", picking.name)
                )
        return self._action_cancel()

    def action_draft(self):
        self._check_post_rights()
        pickings = self.filtered(lambda p: p.state == "cancel")
        for picking in pickings:
            if not picking._get_type_info(picking.picking_type)["cancel_by_hand"]:
                raise UserError(_("%s belongs to its order: it cannot be reset.", picking.name))
        pickings._jxc_write({"state": "draft"})
        return True

    def action_reverse(self):
        """红冲: create and post the mirror of a posted document, at the original costs."""
        if not self.env.su and not self.env.user.has_group("jxc_stock.group_jxc_stock_manager"):
            raise AccessError(_("Only stock managers can reverse posted stock documents."))
        self._check_post_rights()
        return self._action_reverse()._get_action_view()

    def _action_done(self):
        for picking in self:
            # Checked right before each posts, so documents posted together see each other.
            picking._check_can_post()
            if all(
                float_is_zero(line.quantity_done, precision_rounding=line.uom_id.rounding)
                for line in picking.line_ids
            ):
                picking._set_quantities_done_in_full()
            numbers = {line.id: n for n, line in enumerate(picking.line_ids, start=1)}
            lines = picking.line_ids.filtered(
                lambda ln: (
                    not float_is_zero(ln.quantity_done, precision_rounding=ln.uom_id.rounding)
                )
            )
            for line in lines:
                line._check_postable(numbers[line.id])
            lines._resolve_lots()
            # The posting's lock order (average costs, then quants) before the type's hook
            # consumes reservations (quants, then reservations): never quants first, which
            # deadlocked with a posting of the same products that held their averages.
            self.env["jxc.stock.valuation"]._lock(
                lines.product_id.ids, picking.warehouse_id.company_id.id
            )
            picking._before_post(lines)
            vals_list = picking._prepare_move_vals(lines, numbers)
            self.env["jxc.stock.move"]._post(vals_list)
            done = picking.date if is_past_posting(self.env) else fields.Datetime.now()
            picking._jxc_write({"state": "done", "date_done": done})
            if picking._should_create_backorder():
                picking._create_backorder()
            picking._after_post(lines)
        return True

    def _action_cancel(self):
        if any(p.state == "done" for p in self):
            raise UserError(_("A posted stock document cannot be cancelled; reverse (红冲) it."))
        self._jxc_write({"state": "cancel"})
        return True

    def _action_reverse(self):
        reversals = self.browse()
        for picking in self:
            if picking.state != "done":
                raise UserError(
                    _("%s is not posted: only posted documents are reversed.", picking.name)
                )
            if picking.is_reversal or picking.reversal_ids:
                raise UserError(_("%s is a reversal or already reversed.", picking.name))
            if picking.line_ids.return_line_ids.filtered(lambda rl: rl.state == "done"):
                raise UserError(_("%s has posted returns: reverse those first.", picking.name))
            picking._call_type_hook("_check_can_reverse")
            reversal = picking.with_context(**internal_context()).copy(
                {
                    "is_reversal": True,
                    "reversal_of_id": picking.id,
                    "origin": picking.name,
                    "line_ids": [],
                    "name": picking.name + "-R",
                }
            )
            reversal = self.browse(reversal.id)
            lines = picking.line_ids.filtered(
                lambda ln: (
                    not float_is_zero(ln.quantity_done, precision_rounding=ln.uom_id.rounding)
                )
            )
            mirror = dict(
                zip(
                    lines.ids,
                    self.env["jxc.stock.picking.line"]
                    .with_context(**internal_context())
                    .create(
                        [
                            dict(line._prepare_reversal_line_vals(), picking_id=reversal.id)
                            for line in lines
                        ]
                    )
                    .ids,
                    strict=True,
                )
            )
            vals_list = [
                reversal._prepare_reversal_move_vals(move, mirror)
                # Take goods back out first, so a transfer's reversal checks the destination.
                for move in picking.move_ids.sorted(lambda m: (m.quantity < 0, m.id))
            ]
            self.env["jxc.stock.move"]._post(vals_list)
            reversal._jxc_write({"state": "done", "date_done": fields.Datetime.now()})
            picking._message_log(body=_("Reversed by %s.", reversal._get_html_link()))
            picking._after_reverse(reversal)
            reversals |= reversal
        return reversals

    def _prepare_reversal_move_vals(self, move, mirror):
        """The ledger row of this reversal (红冲) that mirrors ``move``, at its exact value;
        ``mirror`` maps the reversed document's line ids to this one's."""
        self.ensure_one()
        return {
            "product_id": move.product_id.id,
            "warehouse_id": move.warehouse_id.id,
            "lot_id": move.lot_id.id,
            "quantity": -move.quantity,
            "value": -move.value,
            "move_type": move.move_type,
            "is_reversal": True,
            "origin_move_id": move.id,
            "reference": self.name,
            "res_model": self._name,
            "res_id": self.id,
            "picking_id": self.id,
            "picking_line_id": mirror.get(move.picking_line_id.id),
            "line_label": move.product_id.display_name,
            "date": self._get_ledger_date(),
        }

    def action_assign_lots_fefo(self):
        """Split outgoing tracked lines over available lots, earliest expiry first (FEFO)."""
        for picking in self.filtered(lambda p: p.state == "draft" and p.is_outgoing):
            for line in picking.line_ids.filtered(
                lambda ln: ln.product_id.tracking != "none" and not ln.lot_id
            ):
                line._split_by_fefo()
        return True

    def action_view_moves(self):
        self.ensure_one()
        return list_action(
            self.env, "jxc_stock.jxc_stock_move_action", [("picking_id", "=", self.id)]
        )

    def _get_action_view(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "jxc_stock.jxc_stock_picking_action_all"
        )
        if len(self) == 1:
            action.update(res_id=self.id, view_mode="form", views=[(False, "form")])
        else:
            action["domain"] = [("id", "in", self.ids)]
        return action

    # ------------------------------------------------------------------
    # Posting helpers
    # ------------------------------------------------------------------
    def _check_can_post(self):
        """Document-level checks before posting (state, lines, warehouses, then the type's
        own ``_check_can_post_<type>()``)."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(
                _(
                    "%(doc)s is %(state)s: only draft documents can be posted.",
                    doc=self.name,
                    state=self._jxc_state_label(),
                )
            )
        if not self.line_ids:
            raise UserError(_("%s has no lines to post.", self.name))
        if self._get_direction() == "internal":
            if not self.dest_warehouse_id:
                raise UserError(_("%s: a transfer needs a destination warehouse.", self.name))
            if self.dest_warehouse_id == self.warehouse_id:
                raise UserError(
                    _(
                        "%(doc)s: the destination warehouse must differ from the source "
                        "(%(warehouse)s).",
                        doc=self.name,
                        warehouse=self.warehouse_id.display_name,
                    )
                )
        self._call_type_hook("_check_can_post")

    def _set_quantities_done_in_full(self):
        """Nothing edited: post every line in full (一键出入库), in one statement, since
        large documents post thousands of lines."""
        self.ensure_one()
        self.line_ids.flush_recordset(["quantity", "quantity_done"])
        self.env.cr.execute(
            "UPDATE jxc_stock_picking_line SET quantity_done = quantity WHERE picking_id = %s",
            [self.id],
        )
        self.line_ids.invalidate_recordset(["quantity_done", "value"])

    def _prepare_move_vals(self, lines, numbers=None):
        """Ledger rows for ``lines`` (posted quantities), in the product's base unit.

        ``numbers`` maps line ids to their position in the document, for error messages.
        """
        self.ensure_one()
        numbers = numbers or {line.id: n for n, line in enumerate(self.line_ids, start=1)}
        direction = self._get_direction()
        date = self._get_ledger_date()
        vals_list = []
        for line in lines:
            qty = line._get_base_quantity(line.quantity_done)
            common = {
                "product_id": line.product_id.id,
                "lot_id": line.lot_id.id,
                "reference": self.name,
                "res_model": self._name,
                "res_id": self.id,
                "picking_id": self.id,
                "picking_line_id": line.id,
                "line_number": numbers.get(line.id),
                "date": date,
            }
            origin = self._get_origin_move(line)
            if direction in ("out", "internal"):
                vals_list.append(
                    dict(
                        common,
                        warehouse_id=self.warehouse_id.id,
                        quantity=-qty,
                        move_type=self._get_move_type("out"),
                        origin_move_id=origin.id,
                    )
                )
            if direction == "in":
                vals_list.append(
                    dict(
                        common,
                        warehouse_id=self.warehouse_id.id,
                        quantity=qty,
                        move_type=self._get_move_type("in"),
                        unit_cost=line._get_base_unit_cost(),
                        origin_move_id=origin.id,
                    )
                )
            elif direction == "internal":
                vals_list.append(
                    dict(
                        common,
                        warehouse_id=self.dest_warehouse_id.id,
                        quantity=qty,
                        move_type=self._get_move_type("in"),
                        internal_pair=True,
                    )
                )
        return vals_list

    def _create_backorder(self):
        """A draft document for what was planned and not posted (a type may make its own:
        ``_create_backorder_<type>()``)."""
        self.ensure_one()
        if hasattr(self, f"_create_backorder_{self.picking_type}"):
            return self._call_type_hook("_create_backorder")
        remaining = []
        for line in self.line_ids:
            rest = line.quantity - line.quantity_done
            if float_compare(rest, 0, precision_rounding=line.uom_id.rounding) > 0:
                remaining.append(
                    fields.Command.create(
                        line.copy_data(
                            {
                                "quantity": rest,
                                "quantity_done": 0,
                                "lot_id": False,
                                "lot_name": False,
                            }
                        )[0]
                    )
                )
        if not remaining:
            return self.browse()
        backorder = self.with_context(**internal_context()).copy(
            {"backorder_id": self.id, "line_ids": remaining}
        )
        backorder = self.browse(backorder.id)
        self._message_log(body=_("Backorder %s created for the rest.", backorder._get_html_link()))
        return backorder

    # ------------------------------------------------------------------
    # Opening stock (期初库存): the ``opening`` type, posted during a company's go-live
    # ------------------------------------------------------------------
    def _check_opening_rights(self):
        """Opening stock is entered, changed and deleted by stock managers only."""
        if (
            not self.env.su
            and any(p.picking_type == "opening" for p in self)
            and not self.env.user.has_group("jxc_stock.group_jxc_stock_manager")
        ):
            raise AccessError(_("Only stock managers enter opening stock."))

    def _check_can_post_opening(self):
        """An opening stock posts while its company's go-live is in progress, once per
        warehouse, and every line passes the checks an imported row passes."""
        golive = self.env["jxc.golive"]._get_for_company(self.company_id)
        golive._lock_opening(self.name)
        opened = self.search_count(
            [
                ("picking_type", "=", "opening"),
                ("state", "=", "done"),
                ("warehouse_id", "=", self.warehouse_id.id),
                ("is_reversal", "=", False),
                ("reversal_ids", "=", False),
                ("id", "!=", self.id),
            ]
        )
        if opened:
            raise UserError(
                _(
                    "%(doc)s: warehouse %(warehouse)s already has its opening stock; reverse "
                    "that document first to enter it again.",
                    doc=self.name,
                    warehouse=self.warehouse_id.display_name,
                )
            )
        Line = self.env["jxc.stock.picking.line"]
        problems = []
        serials = set()
        for number, line in enumerate(self.line_ids, start=1):
            qty = line.quantity_done or line.quantity
            for _column, reason in Line._get_opening_problems(
                line.product_id,
                line.product_id.uom_id,
                line._qty_to_base(qty),
                line._get_base_unit_cost(),
                line.lot_id.name or line.lot_name,
            ):
                problems.append(
                    _(
                        "line %(line)s (%(product)s): %(reason)s",
                        line=number,
                        product=line.product_id.display_name,
                        reason=reason,
                    )
                )
            lot_name = (line.lot_id.name or line.lot_name or "").strip()
            if line.product_id.tracking == "serial" and lot_name:
                key = (line.product_id.id, lot_name)
                if key in serials:
                    problems.append(
                        _(
                            "line %(line)s: serial number %(lot)s is entered twice.",
                            line=number,
                            lot=lot_name,
                        )
                    )
                serials.add(key)
        if problems:
            raise UserError(
                _(
                    "%(doc)s cannot be posted:\n%(problems)s",
                    doc=self.name,
                    problems="\n".join(problems),
                )
            )

    def _before_post_opening(self, lines):
        # The document is dated on the cut-over day, like its ledger rows.
        golive = self.env["jxc.golive"]._get_for_company(self.company_id)
        self._jxc_write({"date": golive._get_cutover_datetime()})

    def _get_ledger_date_opening(self):
        """Opening stock (and its reversal) is dated at the start of the cut-over day, so that
        进销存汇总 shows it as the opening of that day's period."""
        return self.env["jxc.golive"]._get_for_company(self.company_id)._get_cutover_datetime()

    def _check_can_reverse_opening(self):
        self.env["jxc.golive"]._get_for_company(self.company_id)._lock_opening(self.name)

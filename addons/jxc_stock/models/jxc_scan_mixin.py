# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError

from ..gs1 import FNC1, Gs1Error, gtin_candidates, parse
from ..utils import format_number

MAX_CODE_LENGTH = 128


class JxcScanMixin(models.AbstractModel):
    """扫码开单: documents whose lines are added by scanning barcodes.

    :meth:`action_jxc_scan` is what the scan box (a keyboard-wedge scanner types the code
    and Enter) and the camera call. It turns the code into a *match*
    (:meth:`_jxc_scan_resolve`) — a dict with ``product``, ``packaging``, ``lot`` (an existing
    ``jxc.stock.lot``), ``lot_name`` (a lot not known yet), ``expiration_date`` and ``count``
    (how many units or packagings the code stands for) — then adds it to the line that
    :meth:`_jxc_scan_find_line` finds, with the values of :meth:`_jxc_scan_line_values`, or
    to a new line. Documents override these two hooks; a module that counts lines in
    packagings overrides them to compare and set the packaging.
    """

    _name = "jxc.scan.mixin"
    _description = "JXC Barcode Scanning"

    # The One2many of the lines scans add to.
    _jxc_scan_lines_field = "line_ids"

    # ------------------------------------------------------------------
    # Entry point
    # ------------------------------------------------------------------
    def action_jxc_scan(self, code):
        """Add what ``code`` names to this document (one more unit, packaging or lot).

        :return: ``{"message": text for the user, "line_id": the line scanned into}``
        :raise UserError: unknown or ambiguous code, a document that cannot take lines
        :raise AccessError: a user who may not change the document
        """
        if len(self) != 1:
            raise UserError(_("Scan into one document at a time."))
        self.check_access("write")
        self._jxc_scan_check_state()
        match = self._jxc_scan_resolve(self._jxc_scan_clean(code))
        line = self._jxc_scan_apply(match)
        return {"message": self._jxc_scan_message(line, match), "line_id": line.id}

    def _jxc_scan_check_state(self):
        if not self._jxc_lines_editable():
            raise UserError(
                _(
                    "%(doc)s is %(state)s: nothing can be scanned into it.",
                    doc=self.display_name,
                    state=self._jxc_state_label(),
                )
            )

    @api.model
    def _jxc_scan_clean(self, code):
        if not isinstance(code, str):
            raise UserError(_("A barcode is text: scan or type one."))
        # Not str.strip(): it would also drop FNC1, which separates GS1 fields.
        code = code.strip(" \t\r\n")
        if not code:
            raise UserError(_("Scan or type a barcode first."))
        if len(code) > MAX_CODE_LENGTH:
            raise UserError(
                _(
                    "A barcode has at most %(max)s characters; this one has %(count)s.",
                    max=MAX_CODE_LENGTH,
                    count=len(code),
                )
            )
        if any(ord(char) < 32 and char != FNC1 for char in code):
            raise UserError(_("Barcode %s contains control characters.", repr(code)))
        return code

    # ------------------------------------------------------------------
    # Barcode resolution
    # ------------------------------------------------------------------
    def _jxc_scan_resolve(self, code):
        """The match of ``code`` in the document's company: a product, packaging or lot
        barcode, a GS1 code, a lot number, an internal reference — in that order.

        :raise UserError: unknown or ambiguous code (nothing is written)
        """
        self.ensure_one()
        match = (
            self._jxc_scan_match_barcode(code)
            or self._jxc_scan_match_gs1(code)
            or self._jxc_scan_match_lot_name(code)
            or self._jxc_scan_match_default_code(code)
        )
        if not match:
            raise UserError(
                _(
                    "Unknown barcode %(code)s: no product, packaging or lot of %(company)s "
                    "has it. Nothing was added.",
                    code=code,
                    company=self.company_id.name,
                )
            )
        return match

    def _jxc_scan_match(self, product, packaging=None, lot=None, **values):
        return dict(
            {
                "product": product,
                "packaging": packaging or self.env["product.packaging"],
                "lot": lot or self.env["jxc.stock.lot"],
                "lot_name": False,
                "expiration_date": False,
                "count": 1,
            },
            **values,
        )

    def _jxc_scan_company_domain(self):
        return [("company_id", "in", [False, self.company_id.id])]

    def _jxc_scan_products(self, barcodes):
        return self.env["product.product"].search(
            [("barcode", "in", barcodes), *self._jxc_scan_company_domain()]
        )

    def _jxc_scan_packagings(self, barcodes):
        return self.env["product.packaging"].search(
            [("barcode", "in", barcodes), *self._jxc_scan_company_domain()]
        )

    def _jxc_scan_match_barcode(self, code):
        product = self._jxc_scan_products([code])
        if product:
            return self._jxc_scan_match(product[:1])
        packaging = self._jxc_scan_packagings([code])
        if packaging:
            return self._jxc_scan_match(packaging[:1].product_id, packaging=packaging[:1])
        lot = self.env["jxc.stock.lot"].search(
            [("barcode", "=", code), ("company_id", "=", self.company_id.id)], limit=1
        )
        if lot:
            return self._jxc_scan_match(lot.product_id, lot=lot)
        return None

    def _jxc_scan_match_gs1(self, code):
        try:
            fields = parse(code)
        except Gs1Error as error:
            raise UserError(
                _("%(code)s is not a valid GS1 code: %(error)s.", code=code, error=str(error))
            ) from error
        if not fields:
            return None
        product = packaging = lot = None
        if fields["gtin"]:
            candidates = gtin_candidates(fields["gtin"])
            product = self._jxc_scan_products(candidates)[:1]
            if not product:
                packaging = self._jxc_scan_packagings(candidates)[:1]
                product = packaging.product_id
            if not product:
                return None
        lot_name = fields["lot"] or fields["serial"]
        if lot_name:
            lots = self.env["jxc.stock.lot"].search(
                [
                    ("name", "=", lot_name),
                    ("company_id", "=", self.company_id.id),
                    *([("product_id", "=", product.id)] if product else []),
                ]
            )
            if not product:
                # A lot without its GTIN: the lot must name one product.
                if len(lots.product_id) != 1:
                    self._jxc_scan_check_lot_ambiguity(lot_name, lots)
                    return None
                product = lots.product_id
            lot = lots[:1]
        if product.tracking == "none":
            # A supplier's carton carries its lot even for goods we do not track.
            return self._jxc_scan_match(product, packaging, count=fields["count"] or 1)
        return self._jxc_scan_match(
            product,
            packaging,
            lot,
            lot_name=False if lot else lot_name,
            expiration_date=fields["expiration_date"] or False,
            count=fields["count"] or 1,
        )

    def _jxc_scan_check_lot_ambiguity(self, code, lots):
        if len(lots.product_id) > 1:
            raise UserError(
                _(
                    "%(code)s is a lot of several products (%(products)s): scan the product's "
                    "barcode with its lot (GS1) or the lot's own barcode.",
                    code=code,
                    products=", ".join(lots.product_id.mapped("display_name")),
                )
            )

    def _jxc_scan_match_lot_name(self, code):
        lots = self.env["jxc.stock.lot"].search(
            [("name", "=", code), ("company_id", "=", self.company_id.id)]
        )
        self._jxc_scan_check_lot_ambiguity(code, lots)
        return self._jxc_scan_match(lots.product_id, lot=lots[:1]) if lots else None

    def _jxc_scan_match_default_code(self, code):
        products = self.env["product.product"].search(
            [("default_code", "=", code), *self._jxc_scan_company_domain()]
        )
        if len(products) > 1:
            raise UserError(
                _(
                    "%(code)s is the internal reference of several products (%(products)s): "
                    "scan a barcode.",
                    code=code,
                    products=", ".join(products.mapped("display_name")),
                )
            )
        return self._jxc_scan_match(products) if products else None

    # ------------------------------------------------------------------
    # Lines
    # ------------------------------------------------------------------
    def _jxc_scan_apply(self, match):
        """Add ``match`` to its line (:meth:`_jxc_scan_find_line`) or to a new one, through
        the lines' ordinary write and create: the user's rights and the document's rules
        apply. Returns the line."""
        line = self._jxc_scan_find_line(match)
        vals = self._jxc_scan_line_values(line, match)
        if line:
            line.write(vals)
            return line
        Line = self.env[self._fields[self._jxc_scan_lines_field].comodel_name]
        inverse = self._fields[self._jxc_scan_lines_field].inverse_name
        return Line.create(dict(vals, **{inverse: self.id}))

    def _jxc_scan_lines(self, match):
        """The document's lines of the match's product."""
        return self[self._jxc_scan_lines_field].filtered(
            lambda ln: ln.product_id == match["product"]
        )

    def _jxc_scan_find_line(self, match):
        """The line that ``match`` adds to, or an empty record set for a new line."""
        return self._jxc_scan_lines(match)[:1]

    def _jxc_scan_line_values(self, line, match):
        """Values that add ``match`` to ``line`` (``line`` empty: of a new line)."""
        raise NotImplementedError

    def _jxc_scan_quantity(self, match, uom=None):
        """How much the match adds, in ``uom`` (default: the product's unit): its count of
        units, or of packagings times their content."""
        product = match["product"]
        quantity = match["count"] * (match["packaging"].qty if match["packaging"] else 1.0)
        return product.uom_id._compute_quantity(quantity, uom or product.uom_id, round=False)

    @api.model
    def _jxc_scan_check_tracking(self, match):
        """Lines of tracked products name their lot: a code without one adds nothing."""
        product = match["product"]
        if product.tracking != "none" and not (match["lot"] or match["lot_name"]):
            raise UserError(
                _(
                    "%s is tracked by lot / serial number: scan its lot's barcode or a GS1 "
                    "code with the lot. Nothing was added.",
                    product.display_name,
                )
            )

    def _jxc_scan_lot_lines(self, match):
        """Lines (with ``lot_id`` and ``lot_name``) of the match's product and lot."""
        lot, lot_name = match["lot"], match["lot_name"] or ""
        return self._jxc_scan_lines(match).filtered(
            lambda ln: (
                ln.lot_id == lot
                if lot
                else not ln.lot_id and (ln.lot_name or "").strip() == lot_name
            )
        )

    def _jxc_scan_message(self, line, match):
        what = match["product"].display_name
        lot = match["lot"].name or match["lot_name"]
        if lot:
            what = _("%(product)s, lot %(lot)s", product=what, lot=lot)
        return _(
            "%(what)s: %(quantity)s %(uom)s added.",
            what=what,
            quantity=format_number(self.env, match["count"]),
            uom=match["packaging"].name if match["packaging"] else match["product"].uom_id.name,
        )

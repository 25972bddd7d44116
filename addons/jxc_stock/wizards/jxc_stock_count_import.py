# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

from odoo import _, fields, models
from odoo.exceptions import UserError


class JxcStockCountImport(models.TransientModel):
    """Counted quantities from an XLSX sheet: product code (or barcode), lot, counted qty."""

    _name = "jxc.stock.count.import"
    _description = "Import Counted Quantities"

    count_id = fields.Many2one("jxc.stock.count", required=True)
    file = fields.Binary(string="XLSX File", required=True)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        count = self.count_id
        if count.state != "in_progress":
            raise UserError(_("%s is not being counted: start it first.", count.name))
        rows = self._read_rows()
        Product = self.env["product.product"]
        errors, updates = [], []
        for number, code, lot_name, raw_qty in rows:
            product = Product.search(
                ["|", ("default_code", "=", code), ("barcode", "=", code)], limit=1
            )
            if not product:
                errors.append(
                    _(
                        "row %(row)s: no product with code or barcode %(code)s",
                        row=number,
                        code=code,
                    )
                )
                continue
            try:
                qty = float(raw_qty)
            except (TypeError, ValueError):
                errors.append(_("row %(row)s: %(qty)s is not a quantity", row=number, qty=raw_qty))
                continue
            if qty < 0:
                errors.append(
                    _("row %(row)s: the counted quantity %(qty)s is negative", row=number, qty=qty)
                )
                continue
            updates.append((product, lot_name, qty))
        if errors:
            raise UserError(_("Nothing was imported:\n%s", "\n".join(errors)))
        for product, lot_name, qty in updates:
            line = count.line_ids.filtered(
                lambda ln, p=product, n=lot_name: (
                    ln.product_id == p and ((ln.lot_id.name or ln.lot_name or "") == n)
                )
            )[:1]
            if line:
                line.write({"counted_quantity": qty, "is_counted": True})
            else:
                lot = (
                    self.env["jxc.stock.lot"].search(
                        [("name", "=", lot_name), ("product_id", "=", product.id)], limit=1
                    )
                    if lot_name
                    else self.env["jxc.stock.lot"]
                )
                count.line_ids = [
                    fields.Command.create(
                        {
                            "product_id": product.id,
                            "lot_id": lot.id,
                            "lot_name": False if lot or not lot_name else lot_name,
                            "counted_quantity": qty,
                            "is_counted": True,
                        }
                    )
                ]
        count._message_log(
            body=_(
                "%(n)s counted quantities imported from %(file)s.",
                n=len(updates),
                file=self.filename or "XLSX",
            )
        )
        return {"type": "ir.actions.act_window_close"}

    def _read_rows(self):
        """[(row number, code, lot name, quantity)] from the first sheet, header skipped."""
        import openpyxl

        try:
            book = openpyxl.load_workbook(
                io.BytesIO(base64.b64decode(self.file)), read_only=True, data_only=True
            )
        except Exception as error:
            raise UserError(_("The file is not a readable XLSX workbook.")) from error
        rows = []
        for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
            if number == 1 or not row or row[0] in (None, ""):
                continue
            code = str(row[0]).strip()
            lot_name = str(row[1]).strip() if len(row) > 1 and row[1] not in (None, "") else ""
            qty = row[2] if len(row) > 2 else None
            rows.append((number, code, lot_name, qty))
        if not rows:
            raise UserError(_("The sheet has no rows below its header."))
        return rows

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class JxcDocumentLinkMixin(models.AbstractModel):
    """A posted row (ledger move, receivable / payable entry) that names the document it
    comes from, and opens it."""

    _name = "jxc.document.link.mixin"
    _description = "Link to the Source Document"

    res_model = fields.Char(string="Document Model", readonly=True, index=True)
    res_id = fields.Many2oneReference(string="Document ID", model_field="res_model", readonly=True)
    reference = fields.Char(string="Document", readonly=True, index=True)

    def action_open_document(self):
        self.ensure_one()
        if not self.res_model or not self.res_id:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..utils import form_action


class JxcDocumentLinkMixin(models.AbstractModel):
    """A posted row (ledger move, receivable / payable entry) that names the document it
    comes from, and opens it."""

    _name = "jxc.document.link.mixin"
    _description = "Link to the Source Document"

    res_model = fields.Char(string="Document Model", readonly=True, index=True)
    res_id = fields.Many2oneReference(string="Document ID", model_field="res_model", readonly=True)
    reference = fields.Char(string="Document", readonly=True, index=True)
    can_open_document = fields.Boolean(
        compute="_compute_can_open_document",
        help="Whether you may read the source document (Open Document).",
    )

    @api.depends("res_model", "res_id")
    @api.depends_context("uid")
    def _compute_can_open_document(self):
        for row in self:
            document = (
                self.env[row.res_model].browse(row.res_id).exists()
                if row.res_model in self.env and row.res_id
                else None
            )
            row.can_open_document = bool(document) and document.has_access("read")

    def action_open_document(self):
        self.ensure_one()
        if not self.res_model or not self.res_id:
            return False
        return form_action(self.res_model, self.res_id)

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

from ..utils import EXPORT_DESCRIPTION


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.autovacuum
    def _gc_jxc_exports(self):
        """Exported files (reports, statements) are downloaded at once: delete them a day
        later, so that exports do not pile up in the filestore."""
        exports = self.sudo().search(
            [
                ("description", "=", EXPORT_DESCRIPTION),
                ("res_model", "=", False),
                ("create_date", "<", fields.Datetime.now() - timedelta(days=1)),
            ]
        )
        exports.unlink()

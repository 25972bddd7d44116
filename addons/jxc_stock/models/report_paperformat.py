# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ReportPaperformat(models.Model):
    _inherit = "report.paperformat"

    jxc_compact = fields.Boolean(
        string="Compact JXC Prints",
        help="JXC documents printed on this paper use a smaller font and a one-line "
        "letterhead, for small continuous forms such as 三联单 (241 × 140 mm).",
    )

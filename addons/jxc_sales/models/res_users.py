# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _jxc_sells_own_documents_only(self):
        """Whether the user is a salesperson limited to their own orders and customers."""
        self.ensure_one()
        return self.has_group("jxc_sales.group_jxc_sales_user_own") and not self.has_group(
            "jxc_sales.group_jxc_sales_user"
        )

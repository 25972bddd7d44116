# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Salespeople's access moved to the new own-documents group, which the all-documents group
(the former sales user group) implies: the Sales menu opens to it alone. An update only ever
adds groups to a menu, so the former one is taken off here."""

from odoo import SUPERUSER_ID, api
from odoo.fields import Command


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    menu = env.ref("jxc_sales.jxc_sales_menu", raise_if_not_found=False)
    if menu:
        menu.groups_id = [Command.set(env.ref("jxc_sales.group_jxc_sales_user_own").ids)]

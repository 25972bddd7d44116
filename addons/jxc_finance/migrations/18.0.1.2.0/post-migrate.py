# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Go-live (启用建账) arrives: the go-lives jxc_stock's migration created for companies that
were live already get finance's steps (opening receivables, payables, cash and bank). The
accounts' opening balances typed before stay as they are; from now on they are entered by
posting opening cash and bank balances."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["jxc.golive"]._sync_all_steps()

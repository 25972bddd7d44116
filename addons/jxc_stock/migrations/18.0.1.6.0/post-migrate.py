# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Period balances (jxc.stock.period.balance) arrive: fill them from the ledger posted so far,
in one statement; postings keep them from here on."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    rows = env["jxc.stock.period.balance"]._rebuild()
    _logger.info("jxc_stock: %s period balances summed from the ledger", rows)

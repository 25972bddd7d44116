# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The cost group moved from jxc_reports to jxc_stock: keep its record, so that its users and
the fields, views and rules that name it stay as they are."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE ir_model_data
           SET module = 'jxc_stock', name = 'group_jxc_cost'
         WHERE module = 'jxc_reports' AND name = 'group_jxc_reports_cost'
           AND NOT EXISTS (
               SELECT 1 FROM ir_model_data WHERE module = 'jxc_stock' AND name = 'group_jxc_cost'
           )
        """
    )

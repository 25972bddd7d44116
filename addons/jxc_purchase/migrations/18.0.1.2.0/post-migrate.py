# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Suppliers get payment days (付款天数): those of their latest confirmed purchase order with
payment terms, so that new orders keep the terms the buyers used."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE res_partner p
           SET jxc_payment_days = latest.days
          FROM (
                SELECT DISTINCT ON (rp.commercial_partner_id)
                       rp.commercial_partner_id AS partner_id, o.payment_term_days AS days
                  FROM jxc_purchase_order o
                  JOIN res_partner rp ON rp.id = o.partner_id
                 WHERE o.state IN ('confirmed', 'done') AND o.payment_term_days > 0
                 ORDER BY rp.commercial_partner_id, o.date_order DESC, o.id DESC
               ) latest
         WHERE p.id = latest.partner_id AND COALESCE(p.jxc_payment_days, 0) = 0
        """
    )

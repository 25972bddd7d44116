# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models, tools

from ..utils import selection_label


class JxcStockAlert(models.Model):
    """库存预警: products below min or above max, lots expiring soon or expired (SQL view)."""

    _name = "jxc.stock.alert"
    _description = "Stock Alert"
    _auto = False
    _order = "alert_type, product_id"
    _rec_name = "product_id"

    alert_type = fields.Selection(
        [
            ("below_min", "Below Min"),
            ("above_max", "Above Max"),
            ("expiring", "Expiring Soon"),
            ("expired", "Expired"),
        ],
        readonly=True,
    )
    product_id = fields.Many2one("product.product", readonly=True)
    warehouse_id = fields.Many2one("jxc.stock.warehouse", readonly=True)
    lot_id = fields.Many2one("jxc.stock.lot", string="Lot / Serial", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    quantity = fields.Float(string="On Hand", digits="Product Unit of Measure", readonly=True)
    threshold = fields.Float(
        digits="Product Unit of Measure",
        readonly=True,
        help="The rule's min or max in force (a forecast rule's reorder point or order-up-to "
        "level).",
    )
    expiration_date = fields.Date(string="Expiry Date", readonly=True)
    alert_key = fields.Char(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(f"""
            CREATE VIEW {self._table} AS (
            WITH stock AS (
                SELECT product_id, warehouse_id, SUM(quantity) AS quantity
                  FROM jxc_stock_quant GROUP BY product_id, warehouse_id
            ), alerts AS (
                SELECT 'below_min' AS alert_type, r.product_id, r.warehouse_id,
                       NULL::int AS lot_id, r.company_id, COALESCE(s.quantity, 0) AS quantity,
                       r.effective_min AS threshold, NULL::date AS expiration_date
                  FROM jxc_stock_rule r
                  LEFT JOIN stock s ON s.product_id = r.product_id
                                   AND s.warehouse_id = r.warehouse_id
                 WHERE r.active AND COALESCE(s.quantity, 0) < r.effective_min
                UNION ALL
                SELECT 'above_max', r.product_id, r.warehouse_id, NULL, r.company_id,
                       s.quantity, r.effective_max, NULL
                  FROM jxc_stock_rule r
                  JOIN stock s ON s.product_id = r.product_id AND s.warehouse_id = r.warehouse_id
                 WHERE r.active AND r.effective_max > 0 AND s.quantity > r.effective_max
                UNION ALL
                SELECT CASE WHEN l.expiration_date < CURRENT_DATE THEN 'expired'
                            ELSE 'expiring' END,
                       q.product_id, q.warehouse_id, q.lot_id, q.company_id, q.quantity,
                       NULL, l.expiration_date
                  FROM jxc_stock_quant q
                  JOIN jxc_stock_lot l ON l.id = q.lot_id
                  JOIN res_company c ON c.id = q.company_id
                 WHERE q.quantity > 0 AND l.expiration_date IS NOT NULL
                   AND l.expiration_date <= CURRENT_DATE + COALESCE(c.jxc_expiry_alert_days, 0)
            )
            SELECT row_number() OVER (ORDER BY alert_type, product_id, warehouse_id, lot_id)
                       AS id,
                   a.*,
                   concat_ws(':', a.alert_type, a.product_id, a.warehouse_id, a.lot_id)
                       AS alert_key
              FROM alerts a
            )
        """)

    @api.model
    def _cron_notify(self):
        """Tell stock managers about each new alert once (an activity on the product).

        An alert that clears and comes back later is notified again.
        """
        self.env.flush_all()
        Notice = self.env["jxc.stock.alert.notice"].sudo()
        alerts = self.sudo().search([])
        current = {a.alert_key: a for a in alerts}
        notices = Notice.search([])
        notices.filtered(lambda n: n.alert_key not in current).unlink()
        known = set(notices.mapped("alert_key"))
        managers = self.env.ref("jxc_stock.group_jxc_stock_manager").users.filtered(
            lambda u: u.active and not u.share
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        new_notices = []
        for key, alert in current.items():
            if key in known:
                continue
            users = alert.warehouse_id.manager_id or managers.filtered(
                lambda u, a=alert: a.company_id in u.company_ids
            )
            for user in users:
                alert.product_id.product_tmpl_id.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=alert._get_summary(),
                    user_id=user.id,
                )
            new_notices.append({"alert_key": key, "company_id": alert.company_id.id})
        Notice.create(new_notices)
        return True

    def _get_summary(self):
        self.ensure_one()
        label = selection_label(self, "alert_type")
        parts = [label, self.product_id.display_name, self.warehouse_id.display_name]
        if self.lot_id:
            parts.append(
                _("lot %(lot)s expires %(date)s", lot=self.lot_id.name, date=self.expiration_date)
            )
        else:
            parts.append(
                _("on hand %(qty)s, limit %(limit)s", qty=self.quantity, limit=self.threshold)
            )
        return " · ".join(parts)

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from odoo.addons.jxc_stock.utils import list_action


class JxcStockReplenish(models.Model):
    _inherit = "jxc.stock.replenish"

    supplier_id = fields.Many2one(
        "res.partner", string="Preferred Supplier", compute="_compute_supplier_id"
    )

    @api.depends("product_id")
    def _compute_supplier_id(self):
        for suggestion in self:
            suggestion.supplier_id = suggestion.product_id._get_jxc_preferred_supplier()

    @api.model
    def _get_incoming_quantities(self, rules):
        """Confirmed purchases not yet received, and draft ones (those the one step made:
        recomputing does not suggest them again)."""
        incoming = super()._get_incoming_quantities(rules)
        for key, qty in (
            self.env["jxc.purchase.order.line"]
            ._get_incoming_by_key(rules.product_id, rules.warehouse_id, drafts=True)
            .items()
        ):
            incoming[key] += qty
        return incoming

    @api.model
    def _get_lead_days(self, rule):
        """The preferred supplier's lead time (its price list's delay) when it has one.

        Read as superuser: stock users, who compute suggestions too, may not read the price
        lists (their prices); the delay alone is used."""
        seller = rule.product_id.sudo()._get_jxc_preferred_seller()
        return seller.delay if seller and seller.delay else super()._get_lead_days(rule)

    @api.model
    def _get_order_multiple(self, rule):
        """Forecast rules without a multiple of their own buy in whole packagings."""
        multiple = super()._get_order_multiple(rule)
        if rule.replenish_method == "forecast" and multiple == 1:
            packaging = rule.product_id.packaging_ids.filtered(lambda p: p.qty > 0)[:1]
            if packaging:
                return packaging.qty
        return multiple

    def _create_documents(self):
        """Purchase suggestions become orders for users who may create them; stock users'
        are left to purchase users."""
        purchases = self.filtered(lambda s: s.kind == "purchase")
        documents, notes = super()._create_documents()
        if purchases and not self.env["jxc.purchase.order"].has_access("create"):
            notes.append(
                _(
                    "Purchase suggestions left to purchase users: %s.",
                    ", ".join(purchases.product_id.mapped("display_name")),
                )
            )
            return documents, notes
        orders, missing = purchases._create_purchase_orders()
        if missing:
            notes.append(self._missing_supplier_note(missing))
        return [*documents, (orders, "jxc_purchase.jxc_purchase_order_action")], notes

    @api.model
    def _missing_supplier_note(self, products):
        return _(
            "No supplier for: %s. Add one on the product's Suppliers tab.",
            ", ".join(products.mapped("display_name")),
        )

    def action_create_purchase_orders(self):
        """Draft purchase orders from the selected suggestions, one per supplier and warehouse."""
        self.env["jxc.purchase.order"].check_access("create")
        orders, missing = self.filtered(lambda s: s.kind == "purchase")._create_purchase_orders()
        message = _("%s draft purchase order(s) created.", len(orders))
        if missing:
            message += " " + self._missing_supplier_note(missing)
        if not orders:
            raise UserError(message)
        action = list_action(
            self.env, "jxc_purchase.jxc_purchase_order_action", [("id", "in", orders.ids)]
        )
        self.env.user._bus_send(
            "simple_notification",
            {
                "type": "warning" if missing else "success",
                "message": message,
                "sticky": bool(missing),
            },
        )
        return action

    def _create_purchase_orders(self):
        """(created orders, products without a supplier); the suggestions made into orders
        are deleted, the others (no supplier, quantity 0) left."""
        groups = defaultdict(list)
        missing = self.env["product.product"]
        made = self.browse()
        for suggestion in self.filtered(lambda s: s.suggested_quantity > 0):
            supplier = suggestion.product_id._get_jxc_preferred_supplier()
            if not supplier:
                missing |= suggestion.product_id
                continue
            groups[(supplier, suggestion.warehouse_id)].append(suggestion)
            made |= suggestion
        orders = self.env["jxc.purchase.order"]
        for (supplier, warehouse), suggestions in groups.items():
            orders |= orders.create(
                {
                    "partner_id": supplier.id,
                    "warehouse_id": warehouse.id,
                    "company_id": warehouse.company_id.id,
                    "origin": _("Replenishment"),
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": s.product_id.id,
                                "quantity": s.suggested_quantity,
                                "uom_id": s.product_id.uom_id.id,
                            }
                        )
                        for s in suggestions
                    ],
                }
            )
        made.unlink()
        return orders, missing

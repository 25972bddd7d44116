# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..utils import DEFAULT_TZ


class JxcGolive(models.Model):
    """启用建账: how a company goes live on JXC, once.

    A cut-over date (启用日期) and a checklist of steps, each with its state and a link:
    settings, warehouses, products, partners, opening stock — and what other departments add
    (finance: opening receivables, payables, cash and bank). Opening documents are posted
    while the go-live is in progress; finishing it freezes them (and finance closes the books
    up to the day before the cut-over).

    Departments add steps by extending :meth:`_get_steps` and defining
    ``_get_step_state_<key>()`` (``(done, summary)``) and ``_get_step_action_<key>()``.
    """

    _name = "jxc.golive"
    _description = "Go-Live (启用建账)"
    _inherit = ["jxc.document.mixin", "mail.thread"]
    _order = "company_id"
    _rec_name = "company_id"
    _check_company_auto = True
    _jxc_unlink_states = ()

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    cutover_date = fields.Date(
        string="Cut-over Date",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="启用日期: the first day the company's business is in JXC. Opening stock, "
        "receivables, payables and balances are those at the start of this day.",
    )
    state = fields.Selection(
        [("draft", "In Progress"), ("done", "Live")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    date_done = fields.Datetime(string="Went Live On", readonly=True, copy=False)
    done_uid = fields.Many2one("res.users", string="Finished By", readonly=True, copy=False)
    step_ids = fields.One2many("jxc.golive.step", "golive_id", string="Checklist")
    step_done_count = fields.Integer(compute="_compute_step_counts", string="Steps Done")
    step_count = fields.Integer(compute="_compute_step_counts", string="Steps")

    _sql_constraints = [
        ("company_uniq", "unique(company_id)", "A company goes live once: it has one go-live.")
    ]

    @api.depends("step_ids.is_done")
    def _compute_step_counts(self):
        for golive in self:
            golive.step_count = len(golive.step_ids)
            golive.step_done_count = len(golive.step_ids.filtered("is_done"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
            if not self.env.su and company not in self.env.companies:
                raise AccessError(
                    _("You cannot start the go-live of a company you do not work in.")
                )
            if self.sudo().search_count([("company_id", "=", company.id)], limit=1):
                raise UserError(
                    _("%s has its go-live already: a company goes live once.", company.name)
                )
        golives = super().create(vals_list)
        golives._sync_steps()
        return golives

    def _jxc_check_write_vals(self, vals):
        res = super()._jxc_check_write_vals(vals)
        if "company_id" in vals:
            raise UserError(_("A go-live belongs to its company for good."))
        if "cutover_date" in vals:
            for golive in self:
                posted = [r for r in golive._get_openings("posted") if r]
                if posted:
                    raise UserError(
                        _(
                            "The cut-over date of %(company)s cannot change: opening documents "
                            "are posted on it (%(docs)s). Reverse them first.",
                            company=golive.company_id.name,
                            docs=self._names(posted),
                        )
                    )
        return res

    # ------------------------------------------------------------------
    # For a company
    # ------------------------------------------------------------------
    @api.model
    def _get_for_company(self, company):
        """The go-live of ``company`` (an empty recordset if it was never started), as
        superuser: every department's checks ask whether their company is live, whoever
        calls. For checks only; never hand it to the caller."""
        return self.sudo().search([("company_id", "=", company.id)], limit=1)

    @api.model
    def action_open(self):
        """The menu: the current company's go-live, started if it is not yet."""
        golive = self.search([("company_id", "=", self.env.company.id)], limit=1)
        if not golive:
            if not self.env.user.has_group("jxc_stock.group_jxc_stock_manager") and not (
                self._can_start()
            ):
                raise AccessError(
                    _(
                        "The go-live of %s has not been started: ask a stock or finance "
                        "manager to start it.",
                        self.env.company.name,
                    )
                )
            golive = self.create({"company_id": self.env.company.id})
        golive._sync_steps()
        return {
            "type": "ir.actions.act_window",
            "name": _("Go-Live"),
            "res_model": self._name,
            "res_id": golive.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    @api.model
    def _can_start(self):
        """Whether the user may start the go-live besides stock managers (finance adds its
        managers)."""
        return False

    def _get_cutover_datetime(self):
        """The start of the cut-over day in the company's time zone (its address's, else
        China's), as a UTC datetime: the date of opening ledger rows, whoever posts them."""
        self.ensure_one()
        tz = self.company_id.partner_id.tz
        zone = pytz.timezone(tz if tz in pytz.all_timezones_set else DEFAULT_TZ)
        local = zone.localize(datetime.combine(self.cutover_date, time.min))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _lock(self):
        """Serialize what changes the company's opening balances (posting, reversing,
        importing, finishing): each touches the go-live row first, so that of two sessions
        at once the second fails to serialize, is retried, and then sees what the first did
        (a warehouse already opened, a file already imported, the go-live finished)."""
        if self:
            self.env.cr.execute(
                "UPDATE jxc_golive SET write_date = (now() at time zone 'UTC') WHERE id = ANY(%s)",
                [self.ids],
            )

    def _lock_opening(self, what):
        """Before changing the company's opening balances (``what``: the document, for the
        message): take the go-live row (:meth:`_lock`), then check it is in progress."""
        self._lock()
        self._check_opening_allowed(what)

    def _check_opening_allowed(self, what):
        """Refuse ``what`` (an opening document, its posting or its reversal) unless the
        go-live is in progress."""
        if not self:
            raise UserError(
                _(
                    "%(what)s: start the go-live (启用建账) of the company first; opening "
                    "documents belong to it.",
                    what=what,
                )
            )
        self.ensure_one()
        if self.state == "done":
            raise UserError(
                _(
                    "%(what)s: %(company)s went live on %(date)s; opening documents are frozen.",
                    what=what,
                    company=self.company_id.name,
                    date=self.cutover_date,
                )
            )

    def _check_opening_date(self, date, what):
        """Refuse a document of the opening balances dated after the cut-over date."""
        self.ensure_one()
        if date and date > self.cutover_date:
            raise UserError(
                _(
                    "%(what)s is dated %(date)s, after the cut-over date %(cutover)s: it is "
                    "business after going live, not an opening balance.",
                    what=what,
                    date=date,
                    cutover=self.cutover_date,
                )
            )

    # ------------------------------------------------------------------
    # Checklist
    # ------------------------------------------------------------------
    @api.model
    def _get_steps(self):
        """``[(sequence, key, label)]``: the checklist, in order (departments add theirs)."""
        return [
            (10, "settings", _("Settings and cut-over date")),
            (20, "warehouses", _("Warehouses")),
            (30, "products", _("Products")),
            (40, "partners", _("Customers and suppliers")),
            (50, "opening_stock", _("Opening stock")),
            (100, "finish", _("Finish: go live")),
        ]

    @api.model
    def _sync_all_steps(self):
        """When a department is installed or upgraded: every go-live gets its steps."""
        self.sudo().search([])._sync_steps()

    def _sync_steps(self):
        """Give each go-live a row for every step of the installed departments, and drop
        the rows of departments no longer installed."""
        Step = self.env["jxc.golive.step"].sudo()
        keys = {key for _seq, key, _label in self._get_steps()}
        for golive in self:
            golive.sudo().step_ids.filtered(lambda s: s.key not in keys).unlink()
            known = set(golive.sudo().step_ids.mapped("key"))
            Step.create(
                [
                    {"golive_id": golive.id, "key": key, "sequence": sequence}
                    for sequence, key, _label in self._get_steps()
                    if key not in known
                ]
            )

    def _get_step_state(self, key):
        """``(done, summary)`` of step ``key``."""
        self.ensure_one()
        method = getattr(self, f"_get_step_state_{key}", None)
        return method() if method else (False, "")

    def _get_step_action(self, key):
        self.ensure_one()
        method = getattr(self, f"_get_step_action_{key}", None)
        return method() if method else False

    def _count(self, model, domain):
        return (
            self.env[model]
            .sudo()
            .search_count([("company_id", "in", [self.company_id.id, False]), *domain])
        )

    def _get_step_state_settings(self):
        return True, _("Cut-over date %s", self.cutover_date)

    def _get_step_state_warehouses(self):
        count = self._count("jxc.stock.warehouse", [])
        return bool(count), _("%s warehouses", count)

    def _get_step_state_products(self):
        count = self._count("product.template", [("type", "=", "consu")])
        return bool(count), _("%s goods", count)

    def _get_step_state_partners(self):
        count = self._count("res.partner", self._partner_domain())
        return bool(count), _("%s partners", count)

    @api.model
    def _partner_domain(self):
        """Customers and suppliers: companies that are neither users nor one of ours."""
        companies = self.env["res.company"].sudo().search([])
        return [
            ("user_ids", "=", False),
            ("is_company", "=", True),
            ("id", "not in", companies.partner_id.ids),
        ]

    def _get_step_state_opening_stock(self):
        warehouses = (
            self.env["jxc.stock.warehouse"].sudo().search([("company_id", "=", self.company_id.id)])
        )
        opened = self._get_opened_warehouses()
        return bool(opened), _(
            "%(opened)s of %(total)s warehouses opened", opened=len(opened), total=len(warehouses)
        )

    def _get_step_state_finish(self):
        if self.state == "done":
            return True, _("Live since %s", self.cutover_date)
        return False, _("In progress")

    def _get_step_action_settings(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "jxc_stock.jxc_stock_config_settings_action"
        )

    def _get_step_action_warehouses(self):
        return self.env["ir.actions.act_window"]._for_xml_id("jxc_stock.jxc_stock_warehouse_action")

    def _get_step_action_products(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "jxc_stock.jxc_stock_product_template_action"
        )

    def _get_step_action_partners(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("base.action_partner_form")
        action.update(
            name=_("Customers and suppliers"),
            domain=self._partner_domain(),
            view_mode="list,kanban,form",
            views=[(False, "list"), (False, "kanban"), (False, "form")],
        )
        return action

    def _get_step_action_opening_stock(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "jxc_stock.jxc_stock_picking_action_opening"
        )

    def _get_step_action_finish(self):
        return False

    # ------------------------------------------------------------------
    # Opening documents
    # ------------------------------------------------------------------
    def _get_openings(self, kind):
        """The opening documents of this go-live's company that are ``kind`` (``"draft"``
        or ``"posted"``; reversals and reversed ones left out): a list of recordsets, one per
        department that has them."""
        self.ensure_one()
        return [self._get_opening_pickings(["draft"] if kind == "draft" else ["done"])]

    def _get_opening_pickings(self, states):
        self.ensure_one()
        return (
            self.env["jxc.stock.picking"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("picking_type", "=", "opening"),
                    ("state", "in", list(states)),
                    ("is_reversal", "=", False),
                    ("reversal_ids", "=", False),
                ]
            )
        )

    def _get_opened_warehouses(self):
        """Warehouses whose opening stock is posted."""
        self.ensure_one()
        return self._get_opening_pickings(["done"]).warehouse_id

    @api.model
    def _names(self, recordsets):
        """The names of documents in ``recordsets`` (a list), for messages."""
        names = [name for records in recordsets for name in records.mapped("display_name")]
        return ", ".join(names[:10]) + (" …" if len(names) > 10 else "")

    # ------------------------------------------------------------------
    # Finish
    # ------------------------------------------------------------------
    def _check_finish_rights(self):
        """Finishing freezes every department's opening documents: stock managers finish
        (finance also requires its managers)."""
        if not self.env.su and not self.env.user.has_group("jxc_stock.group_jxc_stock_manager"):
            raise AccessError(_("Only stock managers can finish the go-live."))

    def action_finish(self):
        self._check_action_rights()
        self._check_finish_rights()
        return self._action_finish()

    def _action_finish(self):
        self._lock()
        for golive in self:
            if golive.state != "draft":
                raise UserError(_("%s has gone live already.", golive.company_id.name))
            drafts = [r for r in golive._get_openings("draft") if r]
            if drafts:
                raise UserError(
                    _(
                        "Post or cancel the draft opening documents first: %s.",
                        self._names(drafts),
                    )
                )
            golive._jxc_write(
                {"state": "done", "date_done": fields.Datetime.now(), "done_uid": self.env.uid}
            )
            golive._message_log(
                body=_(
                    "%(company)s went live on %(date)s.",
                    company=golive.company_id.name,
                    date=golive.cutover_date,
                )
            )
        return True

    def action_refresh(self):
        self.check_access("read")
        self._sync_steps()
        return True

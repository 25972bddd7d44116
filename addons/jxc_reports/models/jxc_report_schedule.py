# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import logging
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.jxc_stock.utils import XLSX_MIMETYPE

_logger = logging.getLogger(__name__)

PERIOD_MONTHS = {"monthly": 1, "quarterly": 3}


class JxcReportSchedule(models.Model):
    """Emails the 进销存汇总表 and the aging of the last complete period, as XLSX, to chosen
    users, every week, month or quarter."""

    _name = "jxc.report.schedule"
    _description = "Scheduled Report"
    _inherit = ["mail.thread"]
    _order = "next_date, id"
    _check_company_auto = True

    def _default_next_date(self):
        return fields.Date.context_today(self) + relativedelta(months=1, day=1)

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    frequency = fields.Selection(
        [("weekly", "Weekly"), ("monthly", "Monthly"), ("quarterly", "Quarterly")],
        required=True,
        default="monthly",
        tracking=True,
        help="Each mail holds the reports of the last complete week (Monday to Sunday), month "
        "or quarter before the day it is sent.",
    )
    next_date = fields.Date(
        string="Next Send Date",
        required=True,
        default=_default_next_date,
        help="The day the reports are sent next; then it moves on by the frequency. A date on "
        "the last day of a month stays on the last day of the month.",
    )
    user_ids = fields.Many2many(
        "res.users",
        string="Recipients",
        domain="[('share', '=', False), ('email', '!=', False)]",
        help="Internal users with an email address; each receives the mail in their language.",
    )
    include_stock_summary = fields.Boolean(string="Stock Summary", default=True)
    include_receivable_aging = fields.Boolean(string="Receivable Aging", default=True)
    include_payable_aging = fields.Boolean(string="Payable Aging")
    warehouse_ids = fields.Many2many(
        "jxc.stock.warehouse",
        string="Warehouses",
        check_company=True,
        help="Warehouses of the stock summary; empty: all warehouses.",
    )
    categ_ids = fields.Many2many(
        "product.category",
        string="Categories",
        help="Product categories of the stock summary (with their sub-categories); empty: all.",
    )
    last_sent = fields.Datetime(readonly=True, copy=False)

    @api.constrains(
        "user_ids", "include_stock_summary", "include_receivable_aging", "include_payable_aging"
    )
    def _check_recipients_and_reports(self):
        for schedule in self:
            if not schedule.user_ids:
                raise ValidationError(
                    _("Choose at least one recipient for the scheduled report %s.", schedule.name)
                )
            no_email = schedule.user_ids.filtered(lambda user: not user.email)
            if no_email:
                raise ValidationError(
                    _(
                        "These recipients of the scheduled report %(schedule)s have no email "
                        "address: %(users)s.",
                        schedule=schedule.name,
                        users=", ".join(no_email.mapped("name")),
                    )
                )
            if not schedule._get_reports():
                raise ValidationError(_("Choose at least one report to send in %s.", schedule.name))

    def action_send_now(self):
        """Send the reports of the last complete period now; the next send date stays."""
        for schedule in self:
            schedule._send(fields.Date.context_today(schedule))
        return True

    @api.model
    def _cron_send_due(self):
        """Send every schedule that is due, once, and move it to its next date after today
        (a schedule that missed several periods sends the last one only)."""
        today = fields.Date.context_today(self)
        schedules = self.search([("next_date", "<=", today)])
        for done, schedule in enumerate(schedules, start=1):
            try:
                with self.env.cr.savepoint():
                    schedule._send(today)
                    schedule.next_date = schedule._get_next_date(today)
            except UserError as error:
                _logger.warning(
                    "Scheduled report %s (id %s) not sent: %s", schedule.name, schedule.id, error
                )
            self.env["ir.cron"]._notify_progress(done=done, remaining=len(schedules) - done)
        return True

    def _get_reports(self):
        """Keys of the reports this schedule sends: stock_summary, receivable, payable."""
        self.ensure_one()
        return [
            key
            for key, included in (
                ("stock_summary", self.include_stock_summary),
                ("receivable", self.include_receivable_aging),
                ("payable", self.include_payable_aging),
            )
            if included
        ]

    def _get_next_date(self, today):
        """The first date after ``today`` that is a whole number of periods after next_date."""
        self.ensure_one()
        start = self.next_date
        months = PERIOD_MONTHS.get(self.frequency)
        month_end = months and start + relativedelta(day=31) == start
        count = 1
        while True:
            if months:
                step = relativedelta(months=months * count, day=31 if month_end else start.day)
            else:
                step = relativedelta(weeks=count)
            candidate = start + step
            if candidate > today:
                return candidate
            count += 1

    def _get_period(self, day):
        """(first day, last day, label) of the last complete period before ``day``."""
        self.ensure_one()
        if self.frequency == "weekly":
            end = day - timedelta(days=day.weekday() + 1)
            start = end - timedelta(days=6)
            year, week, _weekday = end.isocalendar()
            return start, end, f"{year}-W{week:02d}"
        months = PERIOD_MONTHS[self.frequency]
        current = day.replace(month=(day.month - 1) // months * months + 1, day=1)
        start = current - relativedelta(months=months)
        end = current - timedelta(days=1)
        if self.frequency == "quarterly":
            return start, end, f"{end.year}-Q{(end.month - 1) // 3 + 1}"
        return start, end, end.strftime("%Y-%m")

    def _render_attachments(self, start, end, label):
        """[(file name, XLSX bytes)] of the included reports, in the environment's language.

        Called on a sudo environment: the recipients were chosen by a reports manager, and
        the reports must not depend on the rights of whoever triggers the sending."""
        self.ensure_one()
        files = []
        reports = self._get_reports()
        if "stock_summary" in reports:
            summary = self.env["jxc.report.stock.summary.wizard"].create(
                {
                    "date_from": start,
                    "date_to": end,
                    "company_id": self.company_id.id,
                    "warehouse_ids": [fields.Command.set(self.warehouse_ids.ids)],
                    "categ_ids": [fields.Command.set(self.categ_ids.ids)],
                }
            )
            files.append((_("Stock Summary %(period)s.xlsx", period=label), summary._xlsx()))
            summary.unlink()
        for entry_type in ("receivable", "payable"):
            if entry_type in reports:
                aging = self.env["jxc.finance.aging"].create(
                    {"date": end, "entry_type": entry_type, "company_id": self.company_id.id}
                )
                files.append((aging._xlsx_filename(), aging._xlsx()))
                aging.unlink()
        return files

    def _send(self, today):
        """Mail the reports of the last complete period before ``today`` to the recipients:
        one mail per language, time zone and right to see costs (recipients who may not see
        costs get the quantities only), generated in that language and time zone."""
        self.ensure_one()
        self._check_recipients_and_reports()
        start, end, label = self._get_period(today)
        groups = {}
        for user in self.user_ids:
            key = (user.lang, user.tz, user.has_group("jxc_stock.group_jxc_cost"))
            groups.setdefault(key, self.env["res.users"])
            groups[key] |= user
        for (lang, _tz, sees_costs), users in groups.items():
            # The first user of the group gives the time zone of the period's boundaries.
            schedule = (
                self.with_user(users[0])
                .sudo()
                .with_company(self.company_id)
                .with_context(lang=lang or self.env.lang, jxc_report_hide_costs=not sees_costs)
            )
            files = schedule._render_attachments(start, end, label)
            self.with_context(lang=lang or self.env.lang)._create_mail(users, files, end, label)
        self.last_sent = fields.Datetime.now()

    def _create_mail(self, users, files, end, label):
        self.ensure_one()
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": name,
                        "datas": base64.b64encode(content),
                        "mimetype": XLSX_MIMETYPE,
                        "res_model": self._name,
                        "res_id": self.id,
                    }
                    for name, content in files
                ]
            )
        )
        if self.include_stock_summary:
            subject = _("Stock Summary %(period)s", period=label)
        else:
            subject = _("Aging as of %(date)s", date=end)
        body = Markup("<p>{}</p><ul>{}</ul>").format(
            _(
                "The reports of %(schedule)s for %(period)s are attached:",
                schedule=self.name,
                period=label,
            ),
            Markup().join(Markup("<li>{}</li>").format(name) for name, _content in files),
        )
        return (
            self.env["mail.mail"]
            .sudo()
            .create(
                {
                    "subject": subject,
                    "body_html": body,
                    "email_from": (
                        self.company_id.partner_id.email_formatted
                        or self.env.user.email_formatted
                        or self.env.ref("base.user_root").email_formatted
                    ),
                    "author_id": self.env.user.partner_id.id,
                    "recipient_ids": [fields.Command.set(users.partner_id.ids)],
                    "attachment_ids": [fields.Command.set(attachments.ids)],
                    "model": self._name,
                    "res_id": self.id,
                    "auto_delete": False,
                }
            )
        )

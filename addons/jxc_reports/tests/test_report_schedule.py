# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Command
from odoo.tests import new_test_user
from odoo.tests.common import freeze_time

from odoo.addons.jxc_finance.tests.common import JxcFinanceCommon


def load_xlsx(attachment):
    return openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas))).active


class TestReportSchedule(JxcFinanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Schedule = cls.env["jxc.report.schedule"]
        cls.reports_manager = new_test_user(
            cls.env,
            login="jxc_reports_manager",
            tz="Asia/Shanghai",
            groups="base.group_user,jxc_reports.group_jxc_reports_manager",
        )
        cls.reports_user = new_test_user(
            cls.env,
            login="jxc_reports_user",
            groups="base.group_user,jxc_reports.group_jxc_reports_user",
        )
        cls.recipient = new_test_user(
            cls.env,
            login="jxc_report_recipient",
            email="recipient@example.com",
            tz="Asia/Shanghai",
            groups="base.group_user",
        )
        cls.recipients = cls.recipient | cls.reports_manager
        # The cron runs on the first day of this month and sends the previous month.
        cls.send_day = cls.today.replace(day=1)
        cls.period_end = cls.send_day - timedelta(days=1)
        cls.period_start = cls.period_end.replace(day=1)
        cls.label = cls.period_end.strftime("%Y-%m")
        cls.env["jxc.stock.move"]._post(
            [
                {
                    "product_id": cls.product.id,
                    "warehouse_id": cls.wh1.id,
                    "quantity": 12,
                    "move_type": "in",
                    "unit_cost": 2.5,
                    "reference": "SCHEDULE",
                    "date": datetime.combine(cls.period_start + timedelta(days=14), time(4)),
                }
            ]
        )
        cls._entry(cls.customer, 300.0, days_ago=40)  # before the end of the period
        cls._entry(cls.supplier, 80.0, days_ago=40, entry_type="payable")
        cls.summary_name = f"Stock Summary {cls.label}.xlsx"
        cls.receivable_name = f"Receivable Aging {cls.period_end}.xlsx"
        cls.payable_name = f"Payable Aging {cls.period_end}.xlsx"

    def _schedule(self, **vals):
        return self.Schedule.with_user(self.reports_manager).create(
            dict(
                {
                    "name": "Test Monthly",
                    "user_ids": [Command.set(self.recipients.ids)],
                    "next_date": self.send_day,
                },
                **vals,
            )
        )

    def _mails(self, schedule):
        return self.env["mail.mail"].search(
            [("model", "=", schedule._name), ("res_id", "=", schedule.id)]
        )

    def _assert_sent(self, schedule, names):
        """One mail per recipient, with the XLSX files ``names``."""
        mails = self._mails(schedule)
        self.assertTrue(mails)
        for user in self.recipients:
            mail = mails.filtered(lambda m, user=user: user.partner_id in m.recipient_ids)
            self.assertEqual(len(mail), 1, user.login)
            self.assertEqual(mail.subject, f"Stock Summary {self.label}")
            self.assertEqual(mail.state, "outgoing")
            self.assertEqual(sorted(mail.attachment_ids.mapped("name")), sorted(names))
        self.assertEqual(mails.recipient_ids, self.recipients.partner_id)
        # The mails are the schedule's history.
        schedule.invalidate_recordset(["message_ids"])
        self.assertEqual(
            schedule.message_ids.filtered(lambda m: m.message_type == "email_outgoing"),
            mails.mail_message_id,
        )
        return mails

    def test_defaults(self):
        with freeze_time("2027-01-31 12:00"):
            schedule = self.Schedule.with_user(self.reports_manager).create(
                {"name": "Test Defaults", "user_ids": [Command.set(self.recipient.ids)]}
            )
        self.assertRecordValues(
            schedule,
            [
                {
                    "frequency": "monthly",
                    "next_date": date(2027, 2, 1),
                    "include_stock_summary": True,
                    "include_receivable_aging": True,
                    "include_payable_aging": False,
                    "company_id": self.company.id,
                    "last_sent": False,
                }
            ],
        )

    def test_cron_sends_due_schedules_once_and_moves_them_on(self):
        due = self._schedule()
        missed = self._schedule(
            name="Test Missed, With Payables",
            include_payable_aging=True,
            next_date=self.send_day - relativedelta(months=3),
        )
        later = self._schedule(name="Test Later", next_date=self.send_day + timedelta(days=1))
        with freeze_time(datetime.combine(self.send_day, time(12))):
            self.Schedule._cron_send_due()
        mails = self._assert_sent(due, [self.summary_name, self.receivable_name])
        self._assert_sent(missed, [self.summary_name, self.receivable_name, self.payable_name])
        next_month = self.send_day + relativedelta(months=1)
        self.assertRecordValues(
            due | missed | later,
            [
                {"next_date": next_month},
                {"next_date": next_month},
                {"next_date": self.send_day + timedelta(days=1)},
            ],
        )
        self.assertTrue(due.last_sent and missed.last_sent)
        self.assertFalse(later.last_sent)
        self.assertFalse(self._mails(later))

        manager_mail = mails.filtered(lambda m: self.reports_manager.partner_id in m.recipient_ids)
        attachments = manager_mail.attachment_ids
        # A recipient who may not see costs gets the quantities only.
        plain_mail = mails.filtered(lambda m: self.recipient.partner_id in m.recipient_ids)
        plain = load_xlsx(plain_mail.attachment_ids.filtered(lambda a: a.name == self.summary_name))
        plain_headers = [cell.value for cell in plain[3]]
        self.assertIn("Other Receipts", plain_headers)
        self.assertNotIn("Other Receipts Value", plain_headers)
        summary = load_xlsx(attachments.filtered(lambda a: a.name == self.summary_name))
        self.assertEqual(
            summary["A1"].value, f"Stock Summary {self.period_start} – {self.period_end}"
        )
        headers = [cell.value for cell in summary[3]]
        row = next(
            r
            for r in summary.iter_rows(min_row=4, values_only=True)
            if r[0] == "[T-WATER] Test Water"
        )
        self.assertEqual(row[headers.index("Other Receipts")], 12)
        self.assertAlmostEqual(row[headers.index("Other Receipts Value")], 30.0)

        aging = load_xlsx(attachments.filtered(lambda a: a.name == self.receivable_name))
        rows = list(aging.iter_rows(min_row=4, values_only=True))
        buckets = self.env["jxc.finance.aging"]._compute_buckets(
            self.period_end, "receivable", self.company
        )
        self.assertAlmostEqual(rows[-1][-1], sum(v["total"] for v in buckets.values()))
        self.assertIn(("Test Customer", 300.0), [(r[0], r[-1]) for r in rows])

        # The next day nothing is due any more.
        with freeze_time(datetime.combine(self.send_day + timedelta(days=1), time(12))):
            self.Schedule._cron_send_due()
        self.assertEqual(len(self._mails(due)), len(mails))
        self.assertTrue(self._mails(later))

    def test_cron_skips_a_schedule_that_cannot_be_sent(self):
        broken = self._schedule(name="Test Broken")
        due = self._schedule()
        due.user_ids = new_test_user(self.env, login="jxc_other_recipient")
        self.recipient.email = False
        with (
            freeze_time(datetime.combine(self.send_day, time(12))),
            self.assertLogs("odoo.addons.jxc_reports.models.jxc_report_schedule", "WARNING"),
        ):
            self.Schedule._cron_send_due()
        self.assertFalse(self._mails(broken))
        self.assertEqual(broken.next_date, self.send_day)
        self.assertTrue(self._mails(due))
        self.assertEqual(due.next_date, self.send_day + relativedelta(months=1))

    def test_next_date(self):
        schedule = self._schedule()

        def next_date(frequency, start, today):
            schedule.write({"frequency": frequency, "next_date": start})
            return schedule._get_next_date(date.fromisoformat(today))

        # End of month safe: Jan 31 → Feb 28 (29 in a leap year) → Mar 31.
        self.assertEqual(next_date("monthly", "2027-01-31", "2027-01-31"), date(2027, 2, 28))
        self.assertEqual(next_date("monthly", "2028-01-31", "2028-01-31"), date(2028, 2, 29))
        self.assertEqual(next_date("monthly", "2027-02-28", "2027-02-28"), date(2027, 3, 31))
        self.assertEqual(next_date("monthly", "2027-01-15", "2027-01-15"), date(2027, 2, 15))
        # Missed periods: the first date after today, in step.
        self.assertEqual(next_date("monthly", "2027-01-01", "2027-05-20"), date(2027, 6, 1))
        self.assertEqual(next_date("monthly", "2027-01-31", "2027-05-31"), date(2027, 6, 30))
        self.assertEqual(next_date("weekly", "2027-01-04", "2027-01-04"), date(2027, 1, 11))
        self.assertEqual(next_date("weekly", "2027-01-04", "2027-01-20"), date(2027, 1, 25))
        self.assertEqual(next_date("quarterly", "2027-01-01", "2027-01-01"), date(2027, 4, 1))
        self.assertEqual(next_date("quarterly", "2026-11-30", "2027-03-01"), date(2027, 5, 31))

    def test_period(self):
        schedule = self._schedule()

        def period(frequency, day):
            schedule.frequency = frequency
            return schedule._get_period(date.fromisoformat(day))

        self.assertEqual(
            period("monthly", "2027-03-01"), (date(2027, 2, 1), date(2027, 2, 28), "2027-02")
        )
        self.assertEqual(
            period("monthly", "2027-01-20"), (date(2026, 12, 1), date(2026, 12, 31), "2026-12")
        )
        # Previous ISO week, Monday to Sunday.
        self.assertEqual(
            period("weekly", "2027-01-13"), (date(2027, 1, 4), date(2027, 1, 10), "2027-W01")
        )
        self.assertEqual(
            period("weekly", "2027-01-04"), (date(2026, 12, 28), date(2027, 1, 3), "2026-W53")
        )
        self.assertEqual(
            period("quarterly", "2027-02-15"), (date(2026, 10, 1), date(2026, 12, 31), "2026-Q4")
        )
        self.assertEqual(
            period("quarterly", "2027-07-01"), (date(2027, 4, 1), date(2027, 6, 30), "2027-Q2")
        )

    def test_send_now_as_reports_manager(self):
        schedule = self._schedule(include_stock_summary=False, include_payable_aging=True)
        with freeze_time(datetime.combine(self.send_day + timedelta(days=3), time(12))):
            schedule.with_user(self.reports_manager).action_send_now()
        mails = self._mails(schedule)
        self.assertEqual(mails.recipient_ids, self.recipients.partner_id)
        for mail in mails:
            self.assertEqual(mail.subject, f"Aging as of {self.period_end}")
            self.assertEqual(
                sorted(mail.attachment_ids.mapped("name")),
                sorted([self.receivable_name, self.payable_name]),
            )
        self.assertEqual(schedule.next_date, self.send_day)
        self.assertTrue(schedule.last_sent)

    def test_each_recipient_reads_their_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["jxc_finance", "jxc_reports"], ["zh_CN"])
        self.recipient.lang = "zh_CN"
        schedule = self._schedule()
        with freeze_time(datetime.combine(self.send_day, time(12))):
            schedule.action_send_now()
        mails = self._mails(schedule)
        chinese = mails.filtered(lambda m: m.recipient_ids == self.recipient.partner_id)
        english = mails - chinese
        self.assertEqual(english.recipient_ids, self.reports_manager.partner_id)
        self.assertEqual(chinese.subject, f"进销存汇总 {self.label}")
        self.assertEqual(english.subject, f"Stock Summary {self.label}")
        self.assertEqual(
            sorted(chinese.attachment_ids.mapped("name")),
            sorted([f"进销存汇总表 {self.label}.xlsx", f"应收账龄 {self.period_end}.xlsx"]),
        )
        aging = load_xlsx(chinese.attachment_ids.filtered(lambda a: "账龄" in a.name))
        self.assertEqual(aging["A1"].value, f"应收账龄(截至 {self.period_end})")
        self.assertEqual([cell.value for cell in aging[3]][:2], ["往来单位", "未到期"])

    @contextmanager
    def _assert_invalid(self, text):
        with self.assertRaises(ValidationError) as error:
            yield
        self.assertIn(text, str(error.exception))

    def test_validation(self):
        Schedule = self.Schedule.with_user(self.reports_manager)
        count = Schedule.search_count([])
        with self._assert_invalid("Choose at least one recipient"):
            Schedule.create({"name": "Test No Recipient"})
        with self._assert_invalid("Choose at least one report"):
            Schedule.create(
                {
                    "name": "Test Nothing",
                    "user_ids": [Command.set(self.recipient.ids)],
                    "include_stock_summary": False,
                    "include_receivable_aging": False,
                }
            )
        no_email = new_test_user(self.env, login="jxc_no_email", email=False)
        with self._assert_invalid("have no email address: jxc_no_email"):
            Schedule.create({"name": "Test No Email", "user_ids": [Command.set(no_email.ids)]})
        self.assertEqual(Schedule.search_count([]), count)

        schedule = self._schedule()
        with self._assert_invalid("Choose at least one recipient"):
            schedule.user_ids = [Command.clear()]
        self.assertEqual(schedule.user_ids, self.recipients)
        # A recipient who lost the email address stops the sending; nothing is written.
        self.recipient.email = False
        with self._assert_invalid("have no email address"):
            schedule.action_send_now()
        self.assertFalse(self._mails(schedule))
        self.assertFalse(schedule.last_sent)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", schedule._name), ("res_id", "=", schedule.id)]
            )
        )

    def test_access(self):
        schedule = self._schedule()
        for user in (self.reports_user, self.sales_user, self.finance_user):
            Schedule = self.Schedule.with_user(user)
            with self.assertRaises(AccessError, msg=user.login):
                Schedule.search([])
            with self.assertRaises(AccessError, msg=user.login):
                schedule.with_user(user).read(["name"])
            with self.assertRaises(AccessError, msg=user.login):
                Schedule.create(
                    {"name": "Test Denied", "user_ids": [Command.set(self.recipient.ids)]}
                )
        schedule.with_user(self.reports_manager).write({"frequency": "weekly"})
        schedule.with_user(self.reports_manager).unlink()

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Test Other Company"})
        foreign = self.Schedule.create(
            {
                "name": "Test Other",
                "company_id": other.id,
                "user_ids": [Command.set(self.recipient.ids)],
            }
        )
        mine = self._schedule()
        found = self.Schedule.with_user(self.reports_manager).search([("name", "like", "Test")])
        self.assertIn(mine, found)
        self.assertNotIn(foreign, found)

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers shared by JXC's addons.

- :func:`run_with_retry`, for code that runs outside Odoo's RPC layer (scripts, workers,
  scheduled jobs);
- the token with which a document's own methods write (:func:`is_internal`,
  :func:`internal_context`), used by ``jxc.document.mixin``;
- the bounds of numbers (:func:`check_number`, :func:`check_numbers`);
- the time zone days are counted in (:func:`tz_name`) and file downloads
  (:func:`download_action`);
- read-only calls served by a replica (:func:`check_on_replica`).

Reservations and postings lock quants; under PostgreSQL's REPEATABLE READ two sessions that
touch the same rows make one of them fail with a serialization error. Odoo's RPC layer
retries such requests; everything else must retry itself, in a new transaction.
"""

import base64
import decimal
import math
import random
import time
from datetime import datetime

import pytz
from psycopg2 import errors

import odoo
from odoo import _
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tools import format_amount

RETRYABLE = (errors.SerializationFailure, errors.LockNotAvailable, errors.DeadlockDetected)


def run_with_retry(registry, func, tries=50, uid=odoo.SUPERUSER_ID, context=None, on_retry=None):
    """Run ``func(env)`` in its own committed transaction, retrying concurrency failures.

    :param registry: the database's :class:`odoo.modules.registry.Registry`
    :param tries: attempts before the last error is raised
    :param on_retry: called with the exception before each new attempt
    :return: what ``func`` returned
    """
    for attempt in range(1, tries + 1):
        try:
            with registry.cursor() as cr:
                return func(odoo.api.Environment(cr, uid, context or {}))
        except RETRYABLE as error:
            if attempt == tries:
                raise
            if on_retry:
                on_retry(error)
            time.sleep(random.uniform(0, min(0.5, 0.01 * 2**attempt)))
    return None


def is_rpc_call(model, method):
    """Whether the current HTTP request is a JSON-RPC call of ``method`` on ``model`` itself:
    a button or ``call_kw`` of the web client, or ``execute`` / ``execute_kw`` over
    /jsonrpc. The method then runs first in the request's transaction, outside any
    savepoint (a batch or a server action calling it is another method)."""
    from odoo.http import request  # pylint: disable=import-outside-toplevel

    params = getattr(request, "params", None) if request else None
    if not params:
        return False
    if params.get("service") == "object" and params.get("method") in ("execute", "execute_kw"):
        args = params.get("args") or []
        return len(args) > 4 and args[3] == model and args[4] == method
    return params.get("model") == model and params.get("method") == method


# ----------------------------------------------------------------------
# The document state machine's token and the bounds of numbers
# ----------------------------------------------------------------------
class _InternalToken(str):
    """Marks a context in which a document's own methods write. JSON-RPC can only send plain
    strings: a client that copies the value back sends a ``str``, never this type."""

    __slots__ = ()


_INTERNAL = _InternalToken("jxc-internal")
_PAST_POSTING = _InternalToken("jxc-past-posting")

# Bounds of the numbers a document or an API accepts (documented in docs/ARCHITECTURE.md).
MAX_QUANTITY = 1e9  # units of a line / a reservation
MAX_PRICE = 1e9  # a unit price or cost
MAX_AMOUNT = 1e12  # an amount of money
MAX_INTEGER = 2**31 - 1  # PostgreSQL integer columns


def check_group(env, group, message):
    """Refuse (``AccessError(message)``) a caller who is neither the superuser nor in
    ``group`` (an XML id)."""
    if not env.su and not env.user.has_group(group):
        raise AccessError(message)


def is_internal(env):
    """Whether ``env`` is a document's own method writing (see ``jxc.document.mixin``)."""
    return type(env.context.get("jxc_internal")) is _InternalToken


def internal_context():
    """The context key of a document's own writes: ``with_context(**internal_context())``."""
    return {"jxc_internal": _INTERNAL}


def is_past_posting(env):
    """Whether ``env`` posts documents on their own dates (see :func:`past_posting_context`)."""
    return env.context.get("jxc_past_posting") is _PAST_POSTING


def past_posting_context():
    """The context of a posting dated on its documents' dates rather than now: their ledger
    rows (and 过账时间) take the document's date. Only Python code sets it (the demo's sales
    history of past weeks): a JSON-RPC caller cannot send this value."""
    return {"jxc_past_posting": _PAST_POSTING}


def is_free_field(name):
    """Chatter, followers and activities: never part of what a document posts."""
    return name.startswith(("message_", "activity_")) or name == "website_message_ids"


def system_field_names(model, explicit):
    """Fields of ``model`` that only a document's own methods write: ``explicit`` ones and
    every read-only field (state, links set by posting, computed and related fields — writing
    a related field would write the record it comes from), except ``name`` and the chatter."""
    return set(explicit) | {
        name
        for name, field in model._fields.items()
        if field.readonly and name != "name" and not is_free_field(name)
    }


def number_bound(field):
    """The largest absolute value ``field`` accepts."""
    if field.type == "integer":
        return MAX_INTEGER
    if field.type == "monetary":
        return MAX_AMOUNT
    digits = getattr(field, "_digits", None)
    if digits == "Product Unit of Measure":
        return MAX_QUANTITY
    if digits == "Product Price" or isinstance(digits, tuple):
        return MAX_PRICE
    return MAX_AMOUNT


def check_number(self, value, label, what, bound):
    """Raise a translated UserError unless ``value`` is a finite number within ``bound``.

    ``self`` is any record set (it gives the language); ``label`` names the document and line
    (a string, or a function that returns it, called only for the message), ``what`` the
    value.
    """
    if number_ok(value, bound):
        return
    if callable(label):  # built only for the message
        label = label()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise UserError(
            _(
                "%(doc)s: %(field)s must be a number, not %(value)r.",
                doc=label,
                field=what,
                value=value,
            )
        )
    if not math.isfinite(value):
        raise UserError(
            _(
                "%(doc)s: %(field)s must be a finite number, not %(value)s.",
                doc=label,
                field=what,
                value=value,
            )
        )
    if abs(value) > bound:
        raise UserError(
            _(
                "%(doc)s: %(field)s must be between -%(bound)s and %(bound)s, not %(value)s.",
                doc=label,
                field=what,
                bound=format_bound(bound),
                value=value,
            )
        )


def is_number(value):
    """Whether ``value`` is a finite int or float (not a bool, a string, NaN or infinity)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def number_ok(value, bound):
    """Whether :func:`check_number` accepts ``value`` (hot paths test this first and build
    their error labels only when it does not)."""
    if value is None or value is False:
        return True
    return is_number(value) and abs(value) <= bound


def format_number(env, number, digits=None):
    """A quantity or a rate as messages show it: grouped, to the quantity precision (or
    ``digits``), without trailing zeros: 1,525.5."""
    if digits is None:
        digits = env["decimal.precision"].precision_get("Product Unit of Measure")
    text = f"{number:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_quantity(env, quantity, uom):
    """A quantity with its unit: "1,525.5 瓶"."""
    number = format_number(env, quantity)
    return f"{number} {uom.name}" if uom else number


def format_money(env, amount, currency=None):
    """An amount with the currency's symbol and digits: "¥ 1,525.50" (the company's currency
    when none is given)."""
    return format_amount(env, amount, currency or env.company.currency_id)


def format_bound(bound):
    """A bound as errors show it: 1,000,000,000. (Formatted outside ``_()``: the terms
    extractor cannot read an f-string argument.)"""
    return f"{bound:,.0f}"


def check_numbers(self, vals, label):
    """Check every number ``vals`` writes on ``self``'s model (see :func:`check_number`),
    those of the records its one2many / many2many commands create or update included: a
    document created with its lines computes from them before the lines' own checks run."""
    for name, value in vals.items():
        field = self._fields.get(name)
        if field is None:
            continue
        if field.type in ("float", "monetary", "integer"):
            if not number_ok(value, number_bound(field)):
                check_number(
                    self, value, label, field._description_string(self.env), number_bound(field)
                )
        elif field.type in ("one2many", "many2many") and isinstance(value, list | tuple):
            comodel = self.env[field.comodel_name]
            for command in value:
                if (
                    isinstance(command, list | tuple)
                    and len(command) == 3
                    and command[0] in (Command.CREATE, Command.UPDATE)
                    and isinstance(command[2], dict)
                ):
                    check_numbers(comodel, command[2], label)


# ----------------------------------------------------------------------
# Days and files shared by the addons
# ----------------------------------------------------------------------
# Days (today, a period's bounds, aging) are counted in the user's time zone, else China's.
DEFAULT_TZ = "Asia/Shanghai"

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Marks exported files (attached to no record) that the daily vacuum deletes after a day.
EXPORT_DESCRIPTION = "jxc-export"


def selection_label(records, field_name, value=None):
    """The label of a selection value (the record's own when ``value`` is not given) in the
    reader's language; the value itself when it is not in the selection."""
    if value is None:
        records.ensure_one()
        value = records[field_name]
    labels = dict(records._fields[field_name]._description_selection(records.env))
    return labels.get(value, value)


def borrowed_selection(model, field_name):
    """A ``selection`` for a field that takes its choices from another model's field (a report
    column), with that field's labels in the reader's language: Odoo does not translate the
    labels a callable selection returns."""

    def selection(records):
        return records.env[model]._fields[field_name]._description_selection(records.env)

    return selection


def check_on_replica(records):
    """Raise PostgreSQL's read-only transaction error when ``records`` are not all there yet
    in a read-only call's snapshot: Odoo then runs the call again on the primary.

    With ``db_replica_host`` set, Odoo 18 runs a read-only call (``@api.readonly``, a form's
    ``web_read``) on the replica. A wizard saved on the primary a moment before — the report
    form's Show button saves it, then calls its read-only action — may not have been replayed
    there yet: the call would find no record (a MissingError, or a report without rows).
    ``odoo.http`` answers ``ReadOnlySqlTransaction`` by running the request again with a
    read/write cursor, on the primary. Without a replica the cursor is not read-only and
    nothing is checked."""
    if not records.env.cr.readonly or not records._ids:
        return
    ids = {id_ for id_ in records._ids if isinstance(id_, int)}
    if len(records.browse(ids).exists()) < len(ids):
        raise errors.ReadOnlySqlTransaction(
            f"{records._name}{sorted(ids)} not replicated yet: the call goes to the primary"
        )


def list_action(env, xml_id, domain, context=None):
    """The window action ``xml_id`` narrowed to ``domain``, with ``context`` instead of its
    own (its default filters would narrow the list further)."""
    action = env["ir.actions.act_window"]._for_xml_id(xml_id)
    action["domain"] = domain
    action["context"] = context or {}
    return action


def form_action(model, res_id, **extra):
    """The window action opening record ``res_id`` of ``model`` in its form view (``extra``:
    ``name``, ``target``, ``context``…)."""
    return dict(
        {
            "type": "ir.actions.act_window",
            "res_model": model,
            "res_id": res_id,
            "view_mode": "form",
            "views": [(False, "form")],
        },
        **extra,
    )


def tz_name(env):
    """The time zone days are counted in: the context's or the user's, else China's."""
    name = env.context.get("tz") or env.user.tz
    # A JSON-RPC context may hold anything (a list is not even hashable).
    return name if isinstance(name, str) and name in pytz.all_timezones_set else DEFAULT_TZ


def today(env):
    """Today where days are counted (:func:`tz_name`): the date report periods default to,
    so that "today" ends where the reports end a day (Odoo's ``context_today`` falls back
    to UTC for users without a time zone; the reports to China's time)."""
    return datetime.now(pytz.timezone(tz_name(env))).date()


def download_action(env, filename, content, mimetype=XLSX_MIMETYPE):
    """An action that downloads ``content`` as ``filename``. The file is attached to no
    record, so that only the user who exported it (and administrators) can read it, and is
    vacuumed after a day (``ir.attachment._gc_jxc_exports``)."""
    attachment = env["ir.attachment"].create(
        {
            "name": filename,
            "datas": base64.b64encode(content),
            "mimetype": mimetype,
            "res_model": False,
            "res_id": False,
            "public": False,
            "description": EXPORT_DESCRIPTION,
        }
    )
    return {
        "type": "ir.actions.act_url",
        "url": f"/web/content/{attachment.id}?download=true",
        "target": "self",
    }


# ----------------------------------------------------------------------
# 人民币大写 (amounts in Chinese capitals, as printed documents write them)
# ----------------------------------------------------------------------
CN_DIGITS = "零壹贰叁肆伍陆柒捌玖"
CN_GROUP_UNITS = ("", "万", "亿", "万亿")


def _cn_group(number):
    """A group of four digits (1–9999) in capitals: inner zeros read as one 零, trailing
    zeros not at all (1005 → 壹仟零伍, 1500 → 壹仟伍佰)."""
    text, zero = "", False
    for unit, divisor in (("仟", 1000), ("佰", 100), ("拾", 10), ("", 1)):
        digit = number // divisor % 10
        if digit:
            if zero:
                text += "零"
                zero = False
            text += CN_DIGITS[digit] + unit
        elif text:
            zero = True
    return text


def amount_to_chinese(amount):
    """``amount`` (yuan, rounded half up to the fen) in Chinese capitals, after the People's
    Bank of China rules for bills: 1234.56 → 壹仟贰佰叁拾肆元伍角陆分, 10 → 壹拾元整,
    0.05 → 伍分, 1000000.10 → 壹佰万元零壹角, 100200300.45 → 壹亿零贰佰万零叁佰元肆角伍分,
    0 → 零元整; negative amounts start with 负."""
    value = decimal.Decimal(str(amount)).quantize(
        decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_UP
    )
    negative = value < 0
    fen_total = int(abs(value) * 100)
    yuan, rest = divmod(fen_total, 100)
    jiao, fen = divmod(rest, 10)
    text = ""
    if yuan:
        groups = []
        while yuan:
            yuan, group = divmod(yuan, 10000)
            groups.append(group)
        gap = False
        for index in reversed(range(len(groups))):
            group = groups[index]
            if not group:
                gap = bool(text)
                continue
            if text and (gap or group < 1000):
                text += "零"
            text += _cn_group(group) + CN_GROUP_UNITS[index]
            gap = False
        text += "元"
        if jiao or fen:
            # 元位是 0 (…拾元) and 角 or 分 follow, or 角 is 0 and 分 follows: one 零.
            if (fen_total // 100) % 10 == 0 or not jiao:
                text += "零"
    if jiao:
        text += CN_DIGITS[jiao] + "角"
    if fen:
        text += CN_DIGITS[fen] + "分"
    if not text:
        return "零元整"
    if not fen and not jiao:
        text += "整"
    return ("负" if negative else "") + text


def amount_in_words(amount, currency):
    """``amount`` in Chinese capitals (人民币大写) as printed documents write it when
    ``currency`` is the yuan; "" in other currencies."""
    if currency.name != "CNY":
        return ""
    return amount_to_chinese(amount)

# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers for code that runs outside Odoo's RPC layer (scripts, workers, scheduled jobs).

Reservations and postings lock quants; under PostgreSQL's REPEATABLE READ two sessions that
touch the same rows make one of them fail with a serialization error. Odoo's RPC layer
retries such requests; everything else must retry itself, in a new transaction.
"""

import random
import time

from psycopg2 import errors

import odoo

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

"""The unlock backoff: free tries, then doubling waits, capped; wall clock set backwards."""

from __future__ import annotations

import itertools

from pippi_desktop.domain.unlock_backoff import (
    FREE_ATTEMPTS,
    MAX_WAIT_SECONDS,
    NO_FAILURES,
    UnlockFailures,
    wait_after,
)


def test_no_wait_for_the_first_failures() -> None:
    assert [wait_after(n) for n in range(FREE_ATTEMPTS)] == [0] * FREE_ATTEMPTS


def test_each_failure_after_the_fifth_doubles_the_wait_up_to_the_cap() -> None:
    waits = [wait_after(n) for n in range(FREE_ATTEMPTS, FREE_ATTEMPTS + 10)]
    assert waits[:4] == [15, 30, 60, 120]
    assert all(b >= a for a, b in itertools.pairwise(waits))
    assert max(waits) == MAX_WAIT_SECONDS
    assert wait_after(10_000) == MAX_WAIT_SECONDS


def test_remaining_wait_counts_down_with_the_clock() -> None:
    failures = NO_FAILURES
    for second in range(FREE_ATTEMPTS):
        failures = failures.after_failure(100.0 + second)
    assert failures.count == FREE_ATTEMPTS
    assert failures.remaining_wait(104.0) == 15
    assert failures.remaining_wait(110.0) == 9
    assert failures.remaining_wait(119.0) == 0


def test_a_clock_set_backwards_cannot_lengthen_the_wait() -> None:
    failures = UnlockFailures(count=FREE_ATTEMPTS, last_failure_at=1_000.0)
    assert failures.remaining_wait(10.0) == wait_after(FREE_ATTEMPTS)


def test_no_failures_means_no_wait() -> None:
    assert NO_FAILURES.remaining_wait(0.0) == 0

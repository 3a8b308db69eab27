"""How long a new unlock attempt must wait after wrong passphrases in a row.

The first `FREE_ATTEMPTS` (5) wrong passphrases cost nothing but the KDF; after that each new
try waits twice as long as the one before: 15 s after the 5th failure, 30 s after the 6th,
1 min, 2 min, 4 min, 8 min, then 15 min at most. A right passphrase (or the recovery code)
starts again from zero.

This is a speed bump for someone at the keyboard of a borrowed laptop, not the protection of
the data: Argon2id (256 MiB per try) is what makes guessing slow, on this laptop or any other.
The times are wall-clock seconds so the wait survives a restart of the application; a clock
set backwards cannot make a wait longer than its full length.
"""

from __future__ import annotations

from dataclasses import dataclass

FREE_ATTEMPTS = 5
FIRST_WAIT_SECONDS = 15
MAX_WAIT_SECONDS = 15 * 60


def wait_after(failures: int) -> int:
    """Seconds to wait before the next try after `failures` wrong passphrases in a row."""
    if failures < FREE_ATTEMPTS:
        return 0
    doublings = min(failures - FREE_ATTEMPTS, 16)
    return min(FIRST_WAIT_SECONDS << doublings, MAX_WAIT_SECONDS)


@dataclass(frozen=True)
class UnlockFailures:
    """Wrong passphrases in a row for one workspace, and when the last one happened."""

    count: int = 0
    last_failure_at: float = 0.0

    def remaining_wait(self, now: float) -> float:
        """Seconds still to wait before a new try is allowed (0 when it is allowed now)."""
        wait = wait_after(self.count)
        if wait == 0:
            return 0.0
        elapsed = max(0.0, now - self.last_failure_at)
        return max(0.0, min(float(wait), wait - elapsed))

    def after_failure(self, now: float) -> UnlockFailures:
        return UnlockFailures(self.count + 1, now)


NO_FAILURES = UnlockFailures()

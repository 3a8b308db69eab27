"""`batched(items, n)`: tuples of at most `n` items, for queries that take a list of ids.

Decision (one place for the whole code base): the standard library's `itertools.batched` where
it exists (Python 3.12+), else `more_itertools.batched`, the maintained backport with the same
signature and the same result (tuples, the last one shorter). We support Python 3.11, so a
plain `itertools.batched` is not yet possible, and a hand-written loop is what this replaces.
`more-itertools` is a dependency only for Python < 3.12 (see pyproject.toml); when 3.11 is
dropped, this module shrinks to the first import.
"""

from __future__ import annotations

import sys

if sys.version_info >= (3, 12):
    from itertools import batched
else:
    from more_itertools import batched

# Ids in one `IN (...)` list: well under SQLite's limit on bound variables (999 before 3.32).
IDS_PER_QUERY = 500

__all__ = ["IDS_PER_QUERY", "batched"]

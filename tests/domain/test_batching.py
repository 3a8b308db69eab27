"""`batched`: the standard library's from Python 3.12, more-itertools' before; same results."""

from __future__ import annotations

import sys

from pippi_desktop.domain.batching import IDS_PER_QUERY, batched


def test_chunks_of_ids_cover_everything_once_in_order() -> None:
    ids = [f"id-{n}" for n in range(2 * IDS_PER_QUERY + 1)]
    chunks = list(batched(ids, IDS_PER_QUERY))
    assert [len(chunk) for chunk in chunks] == [IDS_PER_QUERY, IDS_PER_QUERY, 1]
    assert all(isinstance(chunk, tuple) for chunk in chunks)
    assert [item for chunk in chunks for item in chunk] == ids
    assert list(batched([], IDS_PER_QUERY)) == []


def test_the_standard_library_is_used_where_it_has_batched() -> None:
    expected = "itertools" if sys.version_info >= (3, 12) else "more_itertools"
    assert batched.__module__.split(".")[0] == expected

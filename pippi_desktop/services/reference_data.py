"""The shipped reference data: vocabularies and the default triangle catalogue (read once)."""

from __future__ import annotations

import json
from functools import lru_cache

from pippi_desktop.domain.catalogue import Catalogue, parse_catalogue_bytes
from pippi_desktop.domain.vocabulary import Vocabulary, parse_vocabulary
from pippi_desktop.resource_paths import resource


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    with open(resource("catalogue", "vocabularies.json"), encoding="utf-8") as handle:
        return parse_vocabulary(json.load(handle))


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    return parse_catalogue_bytes(resource("catalogue", "triangle-default.json").read_bytes())

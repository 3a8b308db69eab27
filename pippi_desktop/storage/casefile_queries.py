"""Read queries of the case file: the family list, search, one family's records.

The family list is one SQL statement with correlated counts (indexed by family id), filtered
by a LIKE over `families.search_text`: the code and the members' names in lower case without
accents, kept up to date by `refresh_search_text` in the same transaction as the change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam, select, text, update

from pippi_desktop.domain.batching import IDS_PER_QUERY, batched
from pippi_desktop.domain.record_types import RecordSpec, spec_for
from pippi_desktop.domain.records import FamilySummary
from pippi_desktop.domain.text import search_key
from pippi_desktop.storage.casefile_tables import FAMILIES, PEOPLE
from pippi_desktop.storage.changes import table_for
from pippi_desktop.storage.row_format import row_values

SORT_COLUMNS = {
    "code": "f.code",
    "phase": "f.phase",
    "implementation": "f.implementation",
    "members": "f.summary_members",
    "children": "f.summary_children",
    "visits": "f.summary_visits",
    "last_visit": "f.summary_last_visit",
    "names": "f.summary_names",
}


def _like_terms(search: str | None) -> list[str]:
    if not search:
        return []
    escaped = search_key(search).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return [f"%{word}%" for word in escaped.split()]


def _filters(
    search: str | None, phase: str | None, implementation: str | None
) -> tuple[str, dict[str, Any]]:
    clauses, params = ["NOT f.deleted"], {}
    for index, term in enumerate(_like_terms(search)):
        clauses.append(f"f.search_text LIKE :term{index} ESCAPE '\\'")
        params[f"term{index}"] = term
    if phase:
        clauses.append("f.phase = :phase")
        params["phase"] = phase
    if implementation:
        clauses.append("f.implementation = :implementation")
        params["implementation"] = implementation
    return " AND ".join(clauses), params


def count_families(
    connection: Connection,
    *,
    search: str | None = None,
    phase: str | None = None,
    implementation: str | None = None,
) -> int:
    where, params = _filters(search, phase, implementation)
    return int(
        connection.execute(text(f"SELECT count(*) FROM families f WHERE {where}"), params).scalar()
        or 0
    )


def family_summaries(
    connection: Connection,
    *,
    search: str | None = None,
    phase: str | None = None,
    implementation: str | None = None,
    sort: str = "code",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[FamilySummary]:
    """One page of the family list: a single-table query over the derived summary columns."""
    where, params = _filters(search, phase, implementation)
    order = SORT_COLUMNS.get(sort, "f.code")
    direction = "DESC" if descending else "ASC"
    page = ""
    if limit is not None:
        page = "LIMIT :limit OFFSET :offset"
        params.update(limit=limit, offset=offset)
    # code order walks the code index; repeating a column in ORDER BY would defeat it
    ordering = [f"{order} {direction}"] + ([] if order == "f.code" else [f"f.code {direction}"])
    statement = text(
        f"""SELECT f.id, f.code, f.phase, f.implementation, f.summary_members, f.summary_children,
               f.summary_visits, f.summary_last_visit, f.summary_time_points, f.summary_names
        FROM families f WHERE {where}
        ORDER BY {", ".join(ordering)}, f.id {direction} {page}"""
    )
    return [
        FamilySummary(
            id=row[0],
            code=row[1],
            phase=row[2],
            implementation=row[3],
            members=row[4],
            children=row[5],
            visits=row[6],
            last_visit=date.fromisoformat(row[7]) if row[7] else None,
            assessments=tuple(row[8].split(",")) if row[8] else (),
            names=row[9],
        )
        for row in connection.execute(statement, params)
    ]


def _ordered_time_points(raw: str | None) -> tuple[str, ...]:
    points = set((raw or "").split(",")) - {""}
    order = {"T0": 0, "T1": 1, "T2": 2}
    return tuple(sorted(points, key=lambda p: (order.get(p, 9), p)))


def implementations(connection: Connection) -> list[str]:
    rows = connection.execute(
        text(
            "SELECT DISTINCT implementation FROM families WHERE NOT deleted "
            "AND implementation IS NOT NULL ORDER BY implementation"
        )
    )
    return [str(row[0]) for row in rows]


def families_with_code(connection: Connection, code: str) -> list[str]:
    rows = connection.execute(
        select(FAMILIES.c.id).where(FAMILIES.c.code == code, FAMILIES.c.deleted.is_(False))
    )
    return [str(row[0]) for row in rows]


def family_codes(connection: Connection, family_ids: Iterable[str]) -> dict[str, str]:
    """The code of each of these families (deleted ones too), by id."""
    codes: dict[str, str] = {}
    for chunk in batched(list(family_ids), IDS_PER_QUERY):
        for family_id, code in connection.execute(
            select(FAMILIES.c.id, FAMILIES.c.code).where(FAMILIES.c.id.in_(chunk))
        ):
            codes[family_id] = code
    return codes


def codes_like(connection: Connection, prefix: str) -> list[str]:
    rows = connection.execute(select(FAMILIES.c.code).where(FAMILIES.c.code.like(f"{prefix}%")))
    return [str(row[0]) for row in rows]


def refresh_family_summaries(
    connection: Connection,
    family_ids: Iterable[str],
    *,
    child_roles: Sequence[str],
    names: bool = True,
) -> None:
    """Recompute the derived columns of these families (list counts and, with `names`, the
    search key and surnames, which only change with the family or its members)."""
    ids = sorted(set(family_ids))
    for chunk in batched(ids, IDS_PER_QUERY):
        _refresh_chunk(connection, chunk, child_roles, names)


def _refresh_chunk(
    connection: Connection, ids: Sequence[str], child_roles: Sequence[str], with_names: bool
) -> None:
    counts = connection.execute(
        text(
            """SELECT f.id, f.code,
              (SELECT count(*) FROM people p WHERE p.family_id = f.id AND NOT p.deleted),
              (SELECT count(*) FROM people p WHERE p.family_id = f.id AND NOT p.deleted
                  AND p.role IN :child_roles),
              (SELECT count(*) FROM visits v WHERE v.family_id = f.id AND NOT v.deleted),
              (SELECT max(v.date) FROM visits v WHERE v.family_id = f.id AND NOT v.deleted),
              (SELECT group_concat(DISTINCT a.time_point) FROM assessments a
                  WHERE a.family_id = f.id AND NOT a.deleted)
            FROM families f WHERE f.id IN :ids"""
        ).bindparams(bindparam("child_roles", expanding=True), bindparam("ids", expanding=True)),
        {"child_roles": list(child_roles) or [""], "ids": list(ids)},
    ).all()
    names: dict[str, list[tuple[str, str]]] = {}
    if with_names:
        for family_id, given, surname in connection.execute(
            select(PEOPLE.c.family_id, PEOPLE.c.given_name, PEOPLE.c.family_name).where(
                PEOPLE.c.family_id.in_(ids), PEOPLE.c.deleted.is_(False)
            )
        ):
            names.setdefault(family_id, []).append((given, surname))
    rows = []
    for family_id, code, members, children, visits, last_visit, points in counts:
        row = {
            "row_id": family_id,
            "summary_members": members,
            "summary_children": children,
            "summary_visits": visits,
            "summary_last_visit": last_visit,
            "summary_time_points": ",".join(_ordered_time_points(points)),
        }
        if with_names:
            people = names.get(family_id, [])
            row["search_text"] = search_key(" ".join([code, *(f"{g} {s}" for g, s in people)]))
            row["summary_names"] = ", ".join(sorted({surname for _, surname in people}))[:400]
        rows.append(row)
    if rows:
        connection.execute(_update_summaries(tuple(k for k in rows[0] if k != "row_id")), rows)


@lru_cache(maxsize=4)
def _update_summaries(columns: tuple[str, ...]) -> Any:
    return (
        update(FAMILIES)
        .where(FAMILIES.c.id == bindparam("row_id"))
        .values({c: bindparam(c) for c in columns})
    )


def load_rows(
    connection: Connection,
    spec: RecordSpec,
    *,
    where: dict[str, Any] | None = None,
    ids: Sequence[str] | None = None,
    include_deleted: bool = False,
    order_by: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Rows of one kind as dicts: id, created_at, updated_at, deleted and the encoded fields."""
    table = table_for(spec)
    statement = select(table)
    if not include_deleted:
        statement = statement.where(table.c.deleted.is_(False))
    for column, value in (where or {}).items():
        statement = statement.where(table.c[column] == value)
    if ids is not None:
        statement = statement.where(table.c.id.in_(list(ids)))
    for column in order_by:
        statement = statement.order_by(table.c[column])
    statement = statement.order_by(text("rowid"))  # insertion order breaks ties
    result = []
    for row in connection.execute(statement).mappings():
        values = row_values(spec, row)
        values.update(
            id=row["id"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            deleted=bool(row["deleted"]),
        )
        result.append(values)
    return result


def load_one(
    connection: Connection, kind: str, record_id: str, *, include_deleted: bool = False
) -> dict[str, Any] | None:
    rows = load_rows(connection, spec_for(kind), ids=[record_id], include_deleted=include_deleted)
    return rows[0] if rows else None


def sessions_of_family(connection: Connection, family_id: str) -> list[str]:
    rows = connection.execute(
        text(
            "SELECT DISTINCT session_id FROM group_attendance WHERE family_id = :family AND NOT deleted"
        ),
        {"family": family_id},
    )
    return [str(row[0]) for row in rows]

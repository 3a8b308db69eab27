"""The family list: ids plus a row cache, fed page by page from the worker (Anki's browser table).

The model never holds more than the pages Qt asked for. A (re)load asks the worker for the
first page (one row more than it shows, to know whether there are more) and, once those rows
are on screen, for the count; `fetchMore` (called by the view as it scrolls) asks for the
next page. Every load carries a *generation*: a newer search, filter or sort makes older requests
stale; a stale request still queued on the worker returns at once without querying, and a
stale answer is dropped. So typing fast never shows the results of an older text.

Searching (accent-insensitive, code and names), filtering and sorting are the service's
(`casefile_view.list_families` / `count_families`); this model only says what to ask.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from pippi_desktop.domain.errors import PippiError, WorkspaceLocked
from pippi_desktop.domain.i18n import _
from pippi_desktop.domain.records import FamilySummary
from pippi_desktop.gui.labels import day, term
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.services import casefile_view

if TYPE_CHECKING:
    from pippi_desktop.services.open_workspace import OpenWorkspace

PAGE_SIZE = 100
ID_ROLE = Qt.ItemDataRole.UserRole
AnyIndex = QModelIndex | QPersistentModelIndex

# (sort key of the service, alignment) per column; the titles are in `_titles`
COLUMNS: tuple[tuple[str, Qt.AlignmentFlag], ...] = (
    ("code", Qt.AlignmentFlag.AlignLeft),
    ("names", Qt.AlignmentFlag.AlignLeft),
    ("phase", Qt.AlignmentFlag.AlignLeft),
    ("implementation", Qt.AlignmentFlag.AlignLeft),
    ("members", Qt.AlignmentFlag.AlignRight),
    ("children", Qt.AlignmentFlag.AlignRight),
    ("visits", Qt.AlignmentFlag.AlignRight),
    ("last_visit", Qt.AlignmentFlag.AlignLeft),
)


@dataclass(frozen=True)
class FamilyQuery:
    search: str = ""
    phase: str | None = None
    implementation: str | None = None
    sort: str = "code"
    descending: bool = False

    @property
    def filtered(self) -> bool:
        return bool(self.search.strip() or self.phase or self.implementation)

    def arguments(self) -> dict[str, Any]:
        return {
            "search": self.search.strip() or None,
            "phase": self.phase,
            "implementation": self.implementation,
        }


@dataclass(frozen=True)
class FamilyPage:
    generation: int
    offset: int
    rows: list[FamilySummary]
    more: bool = False  # rows beyond this page match too
    workspace_empty: bool = False  # with an empty first page: no family at all (not filtered)


class _Generation:
    """The newest request's number, read by the worker to skip stale requests."""

    def __init__(self) -> None:
        self.value = 0


def _page(
    ws: OpenWorkspace,
    query: FamilyQuery,
    generation: int,
    latest: _Generation,
    *,
    offset: int,
    size: int,
) -> FamilyPage | None:
    if generation != latest.value:
        return None  # a newer request is queued: do not spend the worker on this one
    args = query.arguments()
    rows = casefile_view.list_families(
        ws, **args, sort=query.sort, descending=query.descending, limit=size + 1, offset=offset
    )
    empty = (
        offset == 0 and not rows and (not query.filtered or casefile_view.count_families(ws) == 0)
    )
    return FamilyPage(generation, offset, rows[:size], more=len(rows) > size, workspace_empty=empty)


def _count(
    ws: OpenWorkspace, query: FamilyQuery, generation: int, latest: _Generation
) -> tuple[int, int] | None:
    if generation != latest.value:
        return None
    return generation, casefile_view.count_families(ws, **query.arguments())


class FamilyListModel(QAbstractTableModel):
    loaded = Signal()  # a (re)load delivered its first page
    counted = Signal()  # ...and then how many families match in all (`total`)
    failed = Signal(object)  # a PippiError the view should show

    def __init__(self, session: WorkspaceSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.query = FamilyQuery()
        self._ids: list[str] = []
        self._rows: dict[str, FamilySummary] = {}
        self._total = 0
        self._more = False
        self._counted = False
        self._latest = _Generation()
        self._fetching = False
        self._loading = False
        self.workspace_empty = False
        self.loads = 0  # completed (re)loads, for tests and the benchmark

    # --- what to show ------------------------------------------------------------------

    def set_query(self, query: FamilyQuery) -> None:
        if query != self.query:
            self.query = query
            self.reload()

    def set_search(self, text: str) -> None:
        self.set_query(replace(self.query, search=text))

    @property
    def total(self) -> int:
        """How many families match (loaded or not), once counted (see `counted`)."""
        return self._total

    @property
    def is_counted(self) -> bool:
        return self._counted

    @property
    def loading(self) -> bool:
        return self._loading

    def family_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def summary(self, family_id: str) -> FamilySummary | None:
        return self._rows.get(family_id)

    def row_of(self, family_id: str) -> int:
        try:
            return self._ids.index(family_id)
        except ValueError:
            return -1

    # --- loading ------------------------------------------------------------------------

    def _next_generation(self) -> int:
        self._latest.value += 1
        return self._latest.value

    def reload(self, *, keep_loaded: bool = False) -> None:
        """Ask again from the first page; with `keep_loaded`, as many rows as are shown now."""
        if not self.session.is_open:
            return
        generation = self._next_generation()
        query, latest = self.query, self._latest
        size = max(PAGE_SIZE, len(self._ids)) if keep_loaded else PAGE_SIZE
        self._loading = True
        self._fetching = False
        self._counted = False
        self.session.query(
            None, lambda ws: _page(ws, query, generation, latest, offset=0, size=size)
        ).success(self._first_page_arrived).failure(self._failed).run()

    def clear(self) -> None:
        """Forget every row (the workspace locked)."""
        self._next_generation()
        self.beginResetModel()
        self._ids, self._rows, self._total = [], {}, 0
        self._more = self._counted = False
        self._fetching = self._loading = False
        self.loads = 0
        self.endResetModel()

    def _first_page_arrived(self, page: FamilyPage | None) -> None:
        if page is None or page.generation != self._latest.value:
            return
        ids = [row.id for row in page.rows]
        self.workspace_empty = page.workspace_empty
        self._loading = False
        self._more = page.more
        self._counted = not page.more  # a single page counts itself
        self.loads += 1
        if ids == self._ids:
            self._rows = {row.id: row for row in page.rows}
            self._total = len(ids) if not page.more else max(self._total, len(ids) + 1)
            if ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(COLUMNS) - 1))
        else:
            self.beginResetModel()
            self._ids = ids
            self._rows = {row.id: row for row in page.rows}
            self._total = len(ids) + (1 if page.more else 0)
            self.endResetModel()
        self.loaded.emit()
        if self._counted:
            self.counted.emit()
        else:  # the rows are on screen; now the count (for the label), on the worker
            generation, query, latest = page.generation, self.query, self._latest
            self.session.query(None, lambda ws: _count(ws, query, generation, latest)).success(
                self._count_arrived
            ).failure(self._failed).run()

    def _count_arrived(self, counted: tuple[int, int] | None) -> None:
        if counted is None or counted[0] != self._latest.value:
            return
        self._total = counted[1]
        self._counted = True
        self.counted.emit()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._loading and self._more

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetching or self._loading or not self.session.is_open:
            return
        if not self._more:
            return
        self._fetching = True
        generation, query, latest = self._latest.value, self.query, self._latest
        offset = len(self._ids)
        self.session.query(
            None, lambda ws: _page(ws, query, generation, latest, offset=offset, size=PAGE_SIZE)
        ).success(self._page_arrived).failure(self._failed).run()

    def _page_arrived(self, page: FamilyPage | None) -> None:
        if page is None or page.generation != self._latest.value:
            return
        self._fetching = False
        new = [row for row in page.rows if row.id not in self._rows]
        if page.offset != len(self._ids):
            return
        self._more = page.more
        if not new:
            return
        start = len(self._ids)
        self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
        self._ids.extend(row.id for row in new)
        self._rows.update((row.id, row) for row in new)
        self.endInsertRows()

    def _failed(self, error: PippiError) -> None:
        self._fetching = self._loading = False
        if not isinstance(error, WorkspaceLocked):  # a query queued just before locking
            self.failed.emit(error)

    # --- Qt's model interface ----------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows.get(self._ids[index.row()])
        if row is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("phase", "names"):
            return self._display(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(COLUMNS[index.column()][1] | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return row.id
        return None

    def _display(self, row: FamilySummary, key: str) -> str:
        if key == "phase":
            return term("phases", row.phase)
        if key == "last_visit":
            return day(row.last_visit)
        value = getattr(row, key)
        return "" if value is None else str(value)

    def _titles(self) -> tuple[str, ...]:
        return (
            _("Codice"),
            _("Cognomi"),
            _("Fase"),
            _("Implementazione"),
            _("Componenti"),
            _("Figli"),
            _("Visite"),
            _("Ultima visita"),
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._titles()[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.set_query(
                replace(
                    self.query,
                    sort=COLUMNS[column][0],
                    descending=order == Qt.SortOrder.DescendingOrder,
                )
            )

    def retranslate(self) -> None:
        """The language changed: headers and phase labels read again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

"""The household list of the 名簿 page and its search-as-you-type (Qt-free).

All households are loaded once into plain rows; a search folds the query the same way the
stored ``persons.search_text`` was folded (kana/width/space/variant-kanji insensitive) and scans
the rows in Python. Measured: a few milliseconds for 60,000 households (bench/).
"""

from __future__ import annotations

from dataclasses import dataclass

from kyodo_desktop.models.japanese import search_fold
from kyodo_desktop.models.register import Register

ORDER_CIRCULATION = "circulation"
ORDER_GOJUON = "gojuon"


@dataclass(slots=True)
class HouseholdRow:
    id: int
    block_id: int | None
    block_name: str
    circulation_order: int
    head_name: str
    head_kana: str
    address: str
    phone: str
    persons: int
    member_label: str
    status: str
    sort_key: str


_SQL = """
SELECT h.id, h.block_id, coalesce(b.name, ''), coalesce(b.sort_order, 1e9), h.circulation_order,
       coalesce(hp.family_name || '　' || hp.given_name, ''),
       coalesce(hp.family_kana || '　' || hp.given_kana, ''),
       h.address_town || h.address_number || CASE WHEN h.address_building <> '' THEN ' ' || h.address_building ELSE '' END,
       CASE WHEN h.landline <> '' THEN h.landline ELSE coalesce(hp.mobile, '') END,
       count(p.id),
       CASE WHEN h.status = '加入' THEN h.member_type ELSE h.status END,
       h.status, coalesce(hp.sort_key, ''),
       group_concat(p.search_text, char(30))
FROM households h
LEFT JOIN blocks b ON b.id = h.block_id
LEFT JOIN persons hp ON hp.id = h.head_person_id
LEFT JOIN persons p ON p.household_id = h.id AND p.status = '在籍'
WHERE {visible}
GROUP BY h.id
ORDER BY 4, h.block_id, h.circulation_order, h.id
"""


class HouseholdIndex:
    """All households in 回覧順, with a search blob per row."""

    def __init__(self, rows: list[HouseholdRow], blobs: list[str]) -> None:
        self.rows = rows
        self._blobs = blobs
        # rank of each row in 五十音 order (head's kana; households without kana last)
        by_kana = sorted(range(len(rows)), key=lambda i: (rows[i].sort_key, rows[i].head_name, rows[i].id))
        self._gojuon_rank = [0] * len(rows)
        for rank, i in enumerate(by_kana):
            self._gojuon_rank[i] = rank

    @classmethod
    def load(cls, reg: Register) -> HouseholdIndex:
        rows: list[HouseholdRow] = []
        blobs: list[str] = []
        reg.session.require("register.read")
        visible, params = reg.session.block_filter_sql("h.block_id")  # a 班長 sees their own 班 only
        for r in reg.conn.execute(_SQL.replace("{visible}", visible), params):
            rows.append(
                HouseholdRow(
                    r[0], r[1], r[2], r[4], r[5].strip("　"), r[6].strip("　"), r[7], r[8], r[9],
                    r[10], r[11], r[12],
                )
            )
            blobs.append(r[13] or "")
        return cls(rows, blobs)

    def __len__(self) -> int:
        return len(self.rows)

    def search(
        self,
        query: str = "",
        *,
        block_id: int | None = None,
        statuses: tuple[str, ...] | None = None,
        order: str = ORDER_CIRCULATION,
    ) -> list[int]:
        """Positions in :attr:`rows` that match every word of ``query``, in the chosen order."""
        tokens = [t for t in (search_fold(w) for w in query.split()) if t]
        rows = self.rows
        candidates: list[int] | range = range(len(rows))
        if block_id is not None or statuses is not None:
            candidates = [
                i
                for i in candidates
                if (block_id is None or rows[i].block_id == block_id)
                and (statuses is None or rows[i].status in statuses)
            ]
        blobs = self._blobs
        if len(tokens) == 1:
            t = tokens[0]
            hits = [i for i in candidates if t in blobs[i]]
        elif tokens:
            hits = [i for i in candidates if all(t in blobs[i] for t in tokens)]
        else:
            hits = list(candidates)
        if order == ORDER_GOJUON:
            hits.sort(key=self._gojuon_rank.__getitem__)
        return hits

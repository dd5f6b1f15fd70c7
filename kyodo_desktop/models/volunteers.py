"""担い手 (volunteers): opt-in profiles, "who could help?", and the history of officer roles (Qt-free).

A profile (skills and qualifications, interests, when the person can help, how often at most,
valid until — renewed each 年度) is kept only with the person's consent ``VOLUNTEER_PROFILE``;
withdrawing it removes the profile. Skills and interests are data (``skills``), so an
association can add its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from kyodo_desktop.models import schema
from kyodo_desktop.models.activity import band_of
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import fiscal_year, fiscal_year_range
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import ValidationError, clean_text

#: every slot a volunteer can mark: 月午前 … 日夜
SLOTS = tuple(d + t for d in schema.WEEKDAYS for t in schema.TIMES_OF_DAY)


def list_skills(reg: Register, kind: str = "skill") -> list[str]:
    reg.session.require("register.read")
    return [r[0] for r in reg.conn.execute(
        "SELECT name FROM skills WHERE kind = ? AND retired_on IS NULL ORDER BY sort_order, id", [kind])]


def add_skill(reg: Register, name: str, kind: str = "skill") -> int:
    reg.session.require("activity.write", "特技・関心の項目を追加する")
    if kind not in ("skill", "interest"):
        raise RegisterError(f"分からない種類です: {kind}")
    name = clean_text(name, field="項目", max_len=30, required=True)
    if reg.conn.execute("SELECT 1 FROM skills WHERE name = ? AND kind = ?", [name, kind]).fetchone():
        raise RegisterError(f"「{name}」はすでにあります。")
    with reg.writing("項目の追加"):
        order = reg.conn.execute("SELECT coalesce(max(sort_order), 0) + 1 FROM skills WHERE kind = ?", [kind]).fetchone()[0]
        sid = int(reg.conn.execute("INSERT INTO skills (name, kind, sort_order) VALUES (?, ?, ?)",
                                   [name, kind, order]).lastrowid)
        reg._audit_row("insert", "skills", sid, f"{'特技' if kind == 'skill' else '関心'}「{name}」を追加しました")
    return sid


@dataclass
class VolunteerData:
    person_id: int
    skills: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    qualifications: str = ""
    availability: list[str] = field(default_factory=list)  # slots: 月午前, 土夜 …
    max_per_month: int | None = None
    valid_until: str = ""  # ISO date; empty = the end of this 年度
    notes: str = ""


@dataclass(frozen=True)
class VolunteerRow:
    person_id: int
    name: str
    kana: str
    block: str
    band: str
    skills: list[str]
    interests: list[str]
    availability: list[str]
    max_per_month: int | None
    valid_until: str
    this_month: int  # times helped (運営・講師) or took part this month
    last_90_days: int

    def over_limit(self) -> bool:
        return self.max_per_month is not None and self.this_month >= self.max_per_month


def _consented(reg: Register, person_id: int, on: date) -> bool:
    from kyodo_desktop.models.privacy import OutputRule

    return OutputRule(reg, "VOLUNTEER_PROFILE", on).consented(person_id)


def _person(reg: Register, person_id: int) -> tuple[str, int | None, str]:
    row = reg.conn.execute(
        "SELECT p.family_name || '　' || p.given_name, h.block_id, p.status FROM persons p "
        "JOIN households h ON h.id = p.household_id WHERE p.id = ?", [person_id]).fetchone()
    if row is None:
        raise RegisterError("この人は台帳にいません。")
    return row[0].strip("　"), row[1], row[2]


def _year_end(reg: Register, today: date) -> str:
    start_month = reg.conn.execute("SELECT fiscal_year_start_month FROM association LIMIT 1").fetchone()
    month = int(start_month[0]) if start_month and start_month[0] else 4
    return fiscal_year_range(fiscal_year(today, month), month)[1].isoformat()


def save_volunteer(reg: Register, data: VolunteerData) -> None:
    """Add or update a profile. Needs the person's consent ``VOLUNTEER_PROFILE`` in effect."""
    reg.session.require("activity.write", "担い手の登録をする")
    name, block, status = _person(reg, data.person_id)
    reg.session.require_block(block, "ほかの班の人を担い手に登録する")
    today = reg.today()
    if status != "在籍":
        raise RegisterError(f"{name}さんは「{status}」のため、担い手に登録できません。")
    if not _consented(reg, data.person_id, today):
        raise RegisterError(f"{name}さんの「{schema.PURPOSES['VOLUNTEER_PROFILE']}」への同意が記録されていません。"
                            "先に世帯の画面の「同意・要配慮情報…」で同意を記録してください。")
    known = {kind: set(list_skills(reg, kind)) for kind in ("skill", "interest")}
    for kind, values, label in (("skill", data.skills, "特技・資格"), ("interest", data.interests, "関心のある分野")):
        unknown = [v for v in values if v not in known[kind]]
        if unknown:
            raise ValidationError(label, f"項目にないものがあります: {'・'.join(unknown)}")
    bad = [s for s in data.availability if s not in SLOTS]
    if bad:
        raise ValidationError("都合のよい時間", f"分からない時間帯です: {'・'.join(bad)}（例: 月午前、土夜）")
    if data.max_per_month is not None and not 1 <= int(data.max_per_month) <= 31:
        raise ValidationError("頻度の上限", "月に1〜31回で入力してください（上限なしは空欄）。")
    from kyodo_desktop.models.japanese import parse_date

    try:
        valid_until = parse_date(data.valid_until).isoformat() if data.valid_until else _year_end(reg, today)
    except ValueError:
        raise ValidationError("有効期限", f"日付として読めません: 「{data.valid_until}」") from None
    if valid_until < today.isoformat():
        raise ValidationError("有効期限", f"有効期限（{valid_until}）が過ぎています。")
    values = {
        "availability": " ".join(s for s in SLOTS if s in set(data.availability)),
        "max_per_month": data.max_per_month,
        "qualifications": clean_text(data.qualifications, field="資格", max_len=200),
        "valid_until": valid_until,
        "notes": clean_text(data.notes, field="備考", max_len=500, multiline=True),
    }
    ids = [r[0] for r in reg.conn.execute(
        f"SELECT id FROM skills WHERE (kind = 'skill' AND name IN ({','.join('?' * len(data.skills)) or 'NULL'})) "
        f"OR (kind = 'interest' AND name IN ({','.join('?' * len(data.interests)) or 'NULL'}))",
        [*data.skills, *data.interests])]
    with reg.writing("担い手の登録"):
        now = reg.now()
        existed = reg.conn.execute("SELECT 1 FROM volunteers WHERE person_id = ?", [data.person_id]).fetchone()
        if existed:
            reg.conn.execute(
                "UPDATE volunteers SET availability = ?, max_per_month = ?, qualifications = ?, valid_until = ?, notes = ?, "
                "updated_at = ? WHERE person_id = ?", [*values.values(), now, data.person_id])
        else:
            reg.conn.execute(
                "INSERT INTO volunteers (person_id, availability, max_per_month, qualifications, valid_until, notes, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [data.person_id, *values.values(), now, now])
        reg.conn.execute("DELETE FROM volunteer_skills WHERE person_id = ?", [data.person_id])
        reg.conn.executemany("INSERT INTO volunteer_skills (person_id, skill_id) VALUES (?, ?)",
                             [(data.person_id, s) for s in ids])
        reg._audit_row("update" if existed else "insert", "volunteers", data.person_id,
                       f"{name}さんの担い手の登録を{'更新' if existed else '追加'}しました（有効期限 {valid_until}）",
                       after={**values, "skills": data.skills, "interests": data.interests})


def get_volunteer(reg: Register, person_id: int) -> VolunteerData | None:
    reg.session.require("register.read")
    _name, block, _status = _person(reg, person_id)
    reg.session.require_block(block, "ほかの班の人の担い手の登録を見る")
    row = reg.conn.execute("SELECT availability, max_per_month, qualifications, valid_until, notes FROM volunteers "
                           "WHERE person_id = ?", [person_id]).fetchone()
    if row is None:
        return None
    skills: dict[str, list[str]] = {"skill": [], "interest": []}
    for name, kind in reg.conn.execute(
            "SELECT s.name, s.kind FROM volunteer_skills v JOIN skills s ON s.id = v.skill_id WHERE v.person_id = ? "
            "ORDER BY s.kind, s.sort_order", [person_id]):
        skills[kind].append(name)
    return VolunteerData(person_id, skills["skill"], skills["interest"], row[2], row[0].split(), row[1], row[3], row[4])


def remove_volunteer(reg: Register, person_id: int, reason: str = "本人の申し出") -> None:
    """The person withdrew (or their consent did): the profile is removed, not kept."""
    reg.session.require("activity.write", "担い手の登録を取り消す")
    name, block, _status = _person(reg, person_id)
    reg.session.require_block(block, "ほかの班の人の担い手の登録を取り消す")
    with reg.writing("担い手の登録の取り消し"):
        reg.conn.execute("DELETE FROM volunteer_skills WHERE person_id = ?", [person_id])
        gone = reg.conn.execute("DELETE FROM volunteers WHERE person_id = ?", [person_id]).rowcount
        if gone:
            reg._audit_row("delete", "volunteers", person_id, f"{name}さんの担い手の登録を取り消しました（{reason}）")


def list_volunteers(reg: Register, *, include_expired: bool = False, on: date | None = None) -> list[VolunteerRow]:
    """Profiles in 班 and フリガナ order with their recent load. Expired profiles (past their
    有効期限) and those whose consent is no longer in effect are left out unless asked for."""
    reg.session.require("register.read")
    on = on or reg.today()
    visible, params = reg.session.block_filter_sql("h.block_id")
    rows = reg.conn.execute(
        "SELECT v.person_id, p.family_name || '　' || p.given_name, p.family_kana || ' ' || p.given_kana, "
        "coalesce(b.name, ''), p.birth_date, v.availability, v.max_per_month, v.valid_until "
        "FROM volunteers v JOIN persons p ON p.id = v.person_id JOIN households h ON h.id = p.household_id "
        f"LEFT JOIN blocks b ON b.id = h.block_id WHERE p.status = '在籍' AND {visible} "
        "ORDER BY b.sort_order, p.family_kana, p.given_kana", params).fetchall()
    skills: dict[int, dict[str, list[str]]] = {}
    for pid, name, kind in reg.conn.execute(
            "SELECT v.person_id, s.name, s.kind FROM volunteer_skills v JOIN skills s ON s.id = v.skill_id "
            "ORDER BY s.sort_order, s.id"):
        skills.setdefault(pid, {"skill": [], "interest": []})[kind].append(name)
    month = on.replace(day=1).isoformat()
    recent = (on - timedelta(days=90)).isoformat()
    load: dict[int, tuple[int, int]] = {}
    for pid, m, r in reg.conn.execute(
            "SELECT pa.person_id, sum(e.starts_at >= ?), count(*) FROM participations pa JOIN events e ON e.id = pa.event_id "
            "WHERE e.starts_at >= ? AND substr(e.starts_at, 1, 10) <= ? AND e.status != '中止' AND pa.attended IS NOT 0 "
            "AND pa.person_id IN (SELECT person_id FROM volunteers) GROUP BY pa.person_id",
            [month, min(month, recent), on.isoformat()]):
        load[pid] = (m or 0, r)
    from kyodo_desktop.models.privacy import OutputRule

    consent = OutputRule(reg, "VOLUNTEER_PROFILE", on)
    out = []
    for pid, name, kana, block, birth, avail, limit, until in rows:
        if not include_expired and (until < on.isoformat() or not consent.consented(pid)):
            continue
        s = skills.get(pid, {"skill": [], "interest": []})
        m, r = load.get(pid, (0, 0))
        out.append(VolunteerRow(pid, name.strip("　"), kana.strip(), block, band_of(birth, on), s["skill"], s["interest"],
                                avail.split(), limit, until, m, r))
    return out


def who_could_help(reg: Register, *, skills: list[str] | None = None, interests: list[str] | None = None,
                   slots: list[str] | None = None, on: date | None = None) -> list[VolunteerRow]:
    """Volunteers with every one of ``skills`` (and ``interests``), free in at least one of
    ``slots``, not already at their monthly limit; the least busy first."""
    skills, interests, slots = skills or [], interests or [], slots or []
    bad = [s for s in slots if s not in SLOTS]
    if bad:
        raise ValidationError("時間帯", f"分からない時間帯です: {'・'.join(bad)}")
    found = [v for v in list_volunteers(reg, on=on)
             if set(skills) <= set(v.skills) and set(interests) <= set(v.interests)
             and (not slots or set(slots) & set(v.availability)) and not v.over_limit()]
    return sorted(found, key=lambda v: (v.this_month, v.last_90_days, v.kana))


# -- officer roles --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficerTerm:
    id: int
    role: str
    person_id: int
    name: str
    band: str
    block: str
    fiscal_year: int
    start_date: str
    end_date: str | None
    handed_over: bool


def officer_history(reg: Register, *, role: str | None = None) -> list[OfficerTerm]:
    """Every officer term, newest 年度 first."""
    reg.session.require("register.read")
    today = reg.today()
    where, params = ("o.role = ?", [role]) if role else ("1", [])
    rows = reg.conn.execute(
        "SELECT o.id, o.role, o.person_id, p.family_name || '　' || p.given_name, p.birth_date, coalesce(b.name, ''), "
        "o.fiscal_year, o.start_date, o.end_date, o.handed_over FROM officers o JOIN persons p ON p.id = o.person_id "
        f"LEFT JOIN blocks b ON b.id = o.block_id WHERE {where} ORDER BY o.fiscal_year DESC, o.role, o.id", params).fetchall()
    return [OfficerTerm(i, r, pid, n.strip("　"), band_of(birth, today), blk, fy, s, e, bool(h))
            for i, r, pid, n, birth, blk, fy, s, e, h in rows]


def set_handed_over(reg: Register, officer_id: int, done: bool = True) -> None:
    """Record that the hand-over (引継ぎ) of a term was done."""
    reg.session.require("activity.write", "引継ぎを記録する")
    row = reg.conn.execute("SELECT role, fiscal_year FROM officers WHERE id = ?", [officer_id]).fetchone()
    if row is None:
        raise RegisterError("この役職の記録は台帳にありません。")
    with reg.writing("引継ぎの記録"):
        reg.conn.execute("UPDATE officers SET handed_over = ?, updated_at = ? WHERE id = ?", [int(done), reg.now(), officer_id])
        reg._audit_row("update", "officers", officer_id,
                       f"{row[1]}年度の{row[0]}の引継ぎを「{'済' if done else '未'}」にしました", after={"handed_over": int(done)})


@dataclass(frozen=True)
class Tenure:
    role: str
    holder: str  # current (latest 年度) holder(s): 「A・B」 for a role held by two (監事)
    years: int  # consecutive 年度 the current holder has held it
    holders_10y: int  # different people in the role over the last ten 年度
    handed_over: bool


def role_tenure(reg: Register) -> list[Tenure]:
    """For each role: who holds it now, for how many consecutive years, and how many different
    people held it in ten years (a role held by one person for years is a 担い手 risk)."""
    terms = officer_history(reg)
    by_role: dict[str, list[OfficerTerm]] = {}
    for t in terms:
        if t.role != "班長":  # 班長 rotate every year by 班; counted apart
            by_role.setdefault(t.role, []).append(t)
    order = {r: i for i, r in enumerate(schema.OFFICER_ROLES)}
    out = []
    for role, ts in sorted(by_role.items(), key=lambda kv: order.get(kv[0], 99)):
        latest = max(t.fiscal_year for t in ts)
        holders = [t for t in ts if t.fiscal_year == latest]
        longest = 0
        for h in holders:  # the longest unbroken run of any current holder
            held = {t.fiscal_year for t in ts if t.person_id == h.person_id}
            years = 0
            while latest - years in held:
                years += 1
            longest = max(longest, years)
        recent = {t.person_id for t in ts if t.fiscal_year > latest - 10}
        out.append(Tenure(role, "・".join(dict.fromkeys(h.name for h in holders)), longest, len(recent),
                          all(h.handed_over for h in holders)))
    return out


def summary(reg: Register, on: date | None = None) -> dict[str, Any]:
    """Numbers for the dashboard: active volunteers by band and by skill."""
    rows = list_volunteers(reg, on=on)
    by_band = dict.fromkeys(schema.AGE_BANDS, 0)
    by_skill: dict[str, int] = {}
    for v in rows:
        by_band[v.band] += 1
        for s in v.skills:
            by_skill[s] = by_skill.get(s, 0) + 1
    return {"count": len(rows), "by_band": by_band, "by_skill": by_skill}

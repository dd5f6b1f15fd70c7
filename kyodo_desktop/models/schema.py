"""The register's schema, versioned with sqlite-utils ``Migrations``.

Each migration is a function registered with :func:`migration`; they run in the order they are
defined here (by sqlite-utils' ``Migrations``, built only when migrations are applied, so that
opening a register does not pay for importing sqlite-utils) and are never edited once released. A register that records a migration this
version does not know was written by a newer program and is refused (see ``register.py``).

The schema is designed for what comes next (DESIGN.md, DOMAIN.md): events, rosters,
emergency contacts, dues, consent and officer accounts arrive in later migrations and hang off
the stable ``households.id`` / ``persons.id`` keys defined here.

Conventions:
- Dates are ISO ``YYYY-MM-DD`` text; timestamps ISO ``YYYY-MM-DDTHH:MM:SS`` text (local time).
- Nothing is hard-deleted in normal use: status changes are rows in ``*_status`` tables with
  the date they take effect, and the current status is cached on the row for fast listing.
- ``uid`` columns are random, never reused identifiers that survive export/import round trips.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "kyodo"
#: the table sqlite-utils' ``Migrations`` records applied migrations in
MIGRATIONS_TABLE = "_sqlite_migrations"

_STEPS: list[Callable[[Database], None]] = []


def migration(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    """Register a migration step; steps run in definition order."""
    _STEPS.append(fn)
    return fn


def apply_migrations(db: Database) -> None:
    """Apply every pending migration (each in its own transaction, recorded by sqlite-utils)."""
    from sqlite_utils import Migrations

    migrations = Migrations(MIGRATION_SET)
    assert migrations.migrations_table == MIGRATIONS_TABLE
    for step in _STEPS:
        migrations()(step)
    migrations.apply(db)

#: ``PRAGMA application_id`` of a register file ("KYOD"): tells our files from other SQLite files.
APPLICATION_ID = 0x4B594F44

#: Household statuses. Present = lives in the area and is on the register.
HOUSEHOLD_STATUSES = ("加入", "非加入", "転出", "退会", "死亡")
HOUSEHOLD_PRESENT = ("加入", "非加入")
HOUSEHOLD_MEMBER = ("加入",)
MEMBER_TYPES = ("正会員", "賛助会員")
DUES_CATEGORIES = ("一般", "減免", "免除", "事業所")
DWELLING_TYPES = ("戸建", "集合住宅", "事業所")

#: Person statuses.
PERSON_STATUSES = ("在籍", "転出", "死亡", "別居")
PERSON_PRESENT = ("在籍",)

RELATIONS = (
    "世帯主", "妻", "夫", "子", "父", "母", "孫", "兄弟姉妹", "祖父母",
    "子の配偶者", "その他の親族", "同居人",
)
SEXES = ("", "男", "女")
OFFICER_ROLES = ("会長", "副会長", "会計", "監事", "書記", "班長", "部長", "顧問")


@migration
def m0001_initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE association (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            kana TEXT NOT NULL DEFAULT '',
            district TEXT NOT NULL DEFAULT '',
            postal_code TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            fiscal_year_start_month INTEGER NOT NULL DEFAULT 4
                CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
            default_area_code TEXT NOT NULL DEFAULT '',
            purpose_of_use TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE blocks (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            sort_order INTEGER NOT NULL DEFAULT 0,
            leader_person_id INTEGER REFERENCES persons(id),
            notes TEXT NOT NULL DEFAULT '',
            retired_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE UNIQUE INDEX blocks_name ON blocks(name) WHERE retired_on IS NULL")
    db.execute(
        f"""
        CREATE TABLE households (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            block_id INTEGER REFERENCES blocks(id),
            circulation_order INTEGER NOT NULL DEFAULT 0,
            head_person_id INTEGER REFERENCES persons(id),
            postal_code TEXT NOT NULL DEFAULT '',
            address_town TEXT NOT NULL DEFAULT '',
            address_number TEXT NOT NULL DEFAULT '',
            address_building TEXT NOT NULL DEFAULT '',
            dwelling_type TEXT NOT NULL DEFAULT '戸建',
            landline TEXT NOT NULL DEFAULT '',
            member_type TEXT NOT NULL DEFAULT '正会員',
            dues_category TEXT NOT NULL DEFAULT '一般',
            status TEXT NOT NULL DEFAULT '加入'
                CHECK (status IN ({", ".join(repr(s) for s in HOUSEHOLD_STATUSES)})),
            status_since TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX households_block ON households(block_id, circulation_order)")
    db.execute(
        f"""
        CREATE TABLE household_status (
            id INTEGER PRIMARY KEY,
            household_id INTEGER NOT NULL REFERENCES households(id),
            status TEXT NOT NULL
                CHECK (status IN ({", ".join(repr(s) for s in HOUSEHOLD_STATUSES)})),
            since TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX household_status_hh ON household_status(household_id, since)")
    db.execute(
        f"""
        CREATE TABLE persons (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            household_id INTEGER NOT NULL REFERENCES households(id),
            family_name TEXT NOT NULL,
            given_name TEXT NOT NULL DEFAULT '',
            family_kana TEXT NOT NULL DEFAULT '',
            given_kana TEXT NOT NULL DEFAULT '',
            relation TEXT NOT NULL DEFAULT '',
            birth_date TEXT,
            sex TEXT NOT NULL DEFAULT '',
            mobile TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT '在籍'
                CHECK (status IN ({", ".join(repr(s) for s in PERSON_STATUSES)})),
            status_since TEXT NOT NULL,
            sort_key TEXT NOT NULL DEFAULT '',
            search_text TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX persons_household ON persons(household_id, position)")
    db.execute("CREATE INDEX persons_sort ON persons(sort_key)")
    db.execute(
        f"""
        CREATE TABLE person_status (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES persons(id),
            status TEXT NOT NULL
                CHECK (status IN ({", ".join(repr(s) for s in PERSON_STATUSES)})),
            since TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            household_id INTEGER REFERENCES households(id),
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX person_status_p ON person_status(person_id, since)")
    db.execute(
        """
        CREATE TABLE officers (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES persons(id),
            role TEXT NOT NULL,
            block_id INTEGER REFERENCES blocks(id),
            fiscal_year INTEGER NOT NULL,
            start_date TEXT NOT NULL,
            end_date TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX officers_fy ON officers(fiscal_year, role)")
    db.execute(
        """
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_id INTEGER,
            summary TEXT NOT NULL DEFAULT '',
            before TEXT,
            after TEXT
        )
        """
    )
    db.execute("CREATE INDEX audit_log_at ON audit_log(at)")
    db.execute("CREATE INDEX audit_log_row ON audit_log(table_name, row_id)")


#: Permissions a role can hold (checked in models/, so the CLI and every screen obey them).
PERMISSIONS = {
    "register.read": "名簿を見る",
    "register.write": "名簿を変更する（世帯・世帯員・同意）",
    "association.write": "町会の情報と班を変更する",
    "sensitive.read": "要配慮個人情報（健康・障害など）を見る",
    "sensitive.write": "要配慮個人情報を変更する",
    "output": "名簿・帳票を出力・印刷する",
    "activity.write": "行事・参加・担い手・協力団体・地域課題を記録する",
    "books.write": "会計（出納簿・予算・決算・年度の締め）・年次報告の様式・補助金を記録する",
    "accounts.manage": "役員アカウントと役割を管理する",
    "audit.read": "操作の記録（管理台帳）を見る",
    "retention.purge": "転出・退会した人の記録を消去する",
    "backup.restore": "バックアップから復元する",
}
#: Default roles: name → (scope, permissions, description). ``block`` scope = only the account's own 班.
DEFAULT_ROLES = {
    "管理者": ("all", tuple(PERMISSIONS), "会長など。アカウント管理を含むすべての操作"),
    "役員": ("all", ("register.read", "register.write", "output", "activity.write", "books.write"),
             "名簿・行事・当番表・会計・報告。アカウント管理と要配慮個人情報は除く"),
    "班長": ("block", ("register.read", "register.write", "output"), "自分の班だけを見て、変更し、印刷する"),
    "閲覧": ("all", ("register.read",), "見るだけ（変更・出力はできない）"),
}
#: Purposes of use for consent and output (DOMAIN.md §2.1, §2.3).
PURPOSES = {
    "OFFICER_INTERNAL": "役員による町会運営（内部利用）",
    "MEIBO_DISTRIBUTE": "名簿を会員に配布",
    "KAIRAN": "回覧板に氏名を記載",
    "RENRAKUMOU": "緊急連絡網",
    "BOSAI_SHARE": "自主防災・民生委員との共有",
    "PHOTO_KOHO": "広報に写真を掲載",
    "CITY_REPORT": "市・連合会への提供（役員推薦など）",
    "ACTIVITY_LOG": "行事への参加を個人ごとに記録",
    "VOLUNTEER_PROFILE": "担い手（ボランティア）として特技・都合を登録",
}
CONSENT_PURPOSES = tuple(p for p in PURPOSES if p != "OFFICER_INTERNAL")
#: purposes a list can be printed or exported for (the last two are about keeping records, not lists)
OUTPUT_PURPOSES = tuple(p for p in PURPOSES if p not in ("ACTIVITY_LOG", "VOLUNTEER_PROFILE"))
CONSENT_METHODS = ("書面", "口頭")
#: Kinds of 要配慮個人情報 (個人情報保護法 §2③); kept apart, never in a general export.
SENSITIVE_KINDS = ("要介護度", "障害", "病歴・持病", "服薬", "かかりつけ医", "避難時の配慮", "信条・宗派", "その他")


@migration
def m0002_accounts_consent(db: Database) -> None:
    """Officer accounts and roles, consent per purpose, 要配慮個人情報 apart, a richer audit log."""
    db.execute(
        """
        CREATE TABLE roles (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            scope TEXT NOT NULL DEFAULT 'all' CHECK (scope IN ('all', 'block')),
            permissions TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            builtin INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    for name, (scope, perms, description) in DEFAULT_ROLES.items():
        db.execute(
            "INSERT INTO roles (name, scope, permissions, description, builtin) VALUES (?, ?, ?, ?, 1)",
            (name, scope, " ".join(perms), description),
        )
    db.execute(
        """
        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL UNIQUE,
            person_id INTEGER REFERENCES persons(id),
            role_id INTEGER NOT NULL REFERENCES roles(id),
            block_id INTEGER REFERENCES blocks(id),
            has_pin INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            last_login_at TEXT,
            disabled_at TEXT,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE consents (
            id INTEGER PRIMARY KEY,
            person_id INTEGER REFERENCES persons(id),
            household_id INTEGER REFERENCES households(id),
            purpose TEXT NOT NULL,
            granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
            granted_on TEXT,
            method TEXT NOT NULL DEFAULT '書面',
            form_version TEXT NOT NULL DEFAULT '',
            withdrawn_on TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((person_id IS NULL) != (household_id IS NULL))
        )
        """
    )
    db.execute("CREATE INDEX consents_person ON consents(person_id, purpose)")
    db.execute("CREATE INDEX consents_household ON consents(household_id, purpose)")
    db.execute(
        """
        CREATE TABLE sensitive_info (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES persons(id),
            kind TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            consent_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX sensitive_person ON sensitive_info(person_id)")
    db.execute(
        """
        CREATE TABLE purges (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            left_before TEXT NOT NULL,
            households INTEGER NOT NULL,
            persons INTEGER NOT NULL,
            reason TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("ALTER TABLE audit_log ADD COLUMN account_id INTEGER")
    db.execute("ALTER TABLE audit_log ADD COLUMN purpose TEXT")
    db.execute("ALTER TABLE audit_log ADD COLUMN person_count INTEGER")
    db.execute("CREATE INDEX audit_log_action ON audit_log(action, at)")
    db.execute("ALTER TABLE association ADD COLUMN register_id TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE association ADD COLUMN auto_lock_minutes INTEGER NOT NULL DEFAULT 10")
    db.execute("ALTER TABLE association ADD COLUMN retention_years INTEGER NOT NULL DEFAULT 5")


@migration
def m0003_import_profiles(db: Database) -> None:
    """Named column mappings for importing a list again next year (「前回と同じ設定」)."""
    db.execute(
        """
        CREATE TABLE import_profiles (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            mapping TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )


@migration
def m0004_circulars(db: Database) -> None:
    """Circulars sent round the 班, and when each 班 returned theirs."""
    db.execute(
        """
        CREATE TABLE circulars (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            issued_on TEXT NOT NULL,
            due_on TEXT,
            kind TEXT NOT NULL DEFAULT '確認のみ',
            body TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        """
        CREATE TABLE circular_blocks (
            circular_id INTEGER NOT NULL REFERENCES circulars(id),
            block_id INTEGER NOT NULL REFERENCES blocks(id),
            returned_on TEXT,
            PRIMARY KEY (circular_id, block_id)
        )
        """
    )


#: 行事 (events), 担い手 (volunteers), partners and local issues (DOMAIN.md §5)
EVENT_CATEGORIES = ("総会", "役員会・会議", "清掃・美化", "防災訓練", "防犯", "祭り", "敬老会", "子ども会", "交流", "研修・講座",
                    "見守り", "その他")
EVENT_STATUSES = ("予定", "実施", "中止")
EVENT_ORGANISERS = ("町会", "校下", "協力団体")
PARTICIPATION_ROLES = ("参加", "運営", "講師")
RSVP_ANSWERS = ("", "出席", "欠席", "未定")
#: age bands for counts (DOMAIN.md §5.1); 不明 = no birth date / not told
AGE_BANDS = ("〜19歳", "20〜39歳", "40〜64歳", "65〜74歳", "75歳〜", "不明")
SKILLS = ("PC・スマホ支援", "防災士", "看護・介護", "運転", "力仕事", "調理", "書道・文書作成", "会計", "外国語",
          "祭り・伝統芸能", "子どもの見守り", "写真・広報")
INTERESTS = ("防災", "見守り", "環境", "子ども", "祭り", "広報", "デジタル")
WEEKDAYS = ("月", "火", "水", "木", "金", "土", "日")
TIMES_OF_DAY = ("午前", "午後", "夜")
PARTNER_KINDS = ("公民館", "地区社協", "民生委員児童委員協議会", "消防分団", "婦人会", "子ども会", "長寿会・老人クラブ", "児童館",
                 "学校・PTA", "自主防災会", "神社・寺", "商店・企業", "NPO", "大学・学生団体", "集合住宅管理会社", "市の課", "その他")
ISSUE_CATEGORIES = ("防災", "防犯", "交通", "ごみ", "空き家", "見守り", "子育て", "除雪", "デジタル", "その他")
#: the stages of Kanazawa's マッチ箱 platform (ha4go), so an issue can be posted there as it stands
ISSUE_STAGES = ("議論と調査", "企画と試作中", "運用中", "休止・終了")


@migration
def m0005_activity(db: Database) -> None:
    """行事 and 参加, 担い手 profiles, partner organisations, the local issue log and requests to the
    city, the estimated households of the area per year (for the membership rate), hand-over of
    officer roles, and the permission to record them."""
    def q(values: tuple[str, ...]) -> str:
        return ", ".join(repr(v) for v in values)

    db.execute("CREATE TABLE event_categories (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
               "sort_order INTEGER NOT NULL DEFAULT 0, retired_on TEXT)")
    db.conn.executemany("INSERT INTO event_categories (name, sort_order) VALUES (?, ?)",
                        [(n, i) for i, n in enumerate(EVENT_CATEGORIES)])
    db.execute(
        """
        CREATE TABLE partners (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'その他',
            contact_name TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            retired_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE partner_agreements (
            id INTEGER PRIMARY KEY,
            partner_id INTEGER NOT NULL REFERENCES partners(id),
            title TEXT NOT NULL,
            signed_on TEXT,
            valid_until TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        f"""
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            category_id INTEGER REFERENCES event_categories(id),
            starts_at TEXT NOT NULL,
            ends_at TEXT,
            place TEXT NOT NULL DEFAULT '',
            organiser TEXT NOT NULL DEFAULT '町会' CHECK (organiser IN ({q(EVENT_ORGANISERS)})),
            organiser_partner_id INTEGER REFERENCES partners(id),
            description TEXT NOT NULL DEFAULT '',
            planned_cost INTEGER CHECK (planned_cost IS NULL OR planned_cost >= 0),
            actual_cost INTEGER CHECK (actual_cost IS NULL OR actual_cost >= 0),
            status TEXT NOT NULL DEFAULT '予定' CHECK (status IN ({q(EVENT_STATUSES)})),
            outcome TEXT NOT NULL DEFAULT '',
            copied_from INTEGER REFERENCES events(id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (ends_at IS NULL OR ends_at >= starts_at)
        )
        """
    )
    db.execute("CREATE INDEX events_start ON events(starts_at)")
    db.execute("CREATE TABLE event_partners (event_id INTEGER NOT NULL REFERENCES events(id), "
               "partner_id INTEGER NOT NULL REFERENCES partners(id), PRIMARY KEY (event_id, partner_id))")
    db.execute("CREATE INDEX event_partners_partner ON event_partners(partner_id)")
    db.execute(
        f"""
        CREATE TABLE participations (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events(id),
            person_id INTEGER NOT NULL REFERENCES persons(id),
            role TEXT NOT NULL DEFAULT '参加' CHECK (role IN ({q(PARTICIPATION_ROLES)})),
            rsvp TEXT NOT NULL DEFAULT '' CHECK (rsvp IN ({q(RSVP_ANSWERS)})),
            attended INTEGER CHECK (attended IN (0, 1)),
            hours REAL CHECK (hours IS NULL OR (hours >= 0 AND hours <= 24)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (event_id, person_id)
        )
        """
    )
    db.execute("CREATE INDEX participations_person ON participations(person_id)")
    # people counted, not named: guests not on the register, and members without consent to a personal log
    db.execute(
        f"""
        CREATE TABLE event_band_counts (
            event_id INTEGER NOT NULL REFERENCES events(id),
            band TEXT NOT NULL CHECK (band IN ({q(AGE_BANDS)})),
            kind TEXT NOT NULL CHECK (kind IN ('guest', 'member')),
            count INTEGER NOT NULL CHECK (count >= 0),
            PRIMARY KEY (event_id, band, kind)
        )
        """
    )
    db.execute("CREATE TABLE skills (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
               "kind TEXT NOT NULL CHECK (kind IN ('skill', 'interest')), sort_order INTEGER NOT NULL DEFAULT 0, "
               "retired_on TEXT, UNIQUE (name, kind))")
    db.conn.executemany("INSERT INTO skills (name, kind, sort_order) VALUES (?, ?, ?)",
                        [(n, "skill", i) for i, n in enumerate(SKILLS)] + [(n, "interest", i) for i, n in enumerate(INTERESTS)])
    db.execute(
        """
        CREATE TABLE volunteers (
            person_id INTEGER PRIMARY KEY REFERENCES persons(id),
            availability TEXT NOT NULL DEFAULT '',
            max_per_month INTEGER CHECK (max_per_month IS NULL OR max_per_month BETWEEN 1 AND 31),
            qualifications TEXT NOT NULL DEFAULT '',
            valid_until TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE TABLE volunteer_skills (person_id INTEGER NOT NULL REFERENCES volunteers(person_id), "
               "skill_id INTEGER NOT NULL REFERENCES skills(id), PRIMARY KEY (person_id, skill_id))")
    db.execute(
        f"""
        CREATE TABLE local_issues (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL DEFAULT 'その他' CHECK (category IN ({q(ISSUE_CATEGORIES)})),
            block_id INTEGER REFERENCES blocks(id),
            place TEXT NOT NULL DEFAULT '',
            reporter TEXT NOT NULL DEFAULT '',
            found_on TEXT NOT NULL,
            stage TEXT NOT NULL DEFAULT '議論と調査' CHECK (stage IN ({q(ISSUE_STAGES)})),
            next_action TEXT NOT NULL DEFAULT '',
            due_on TEXT,
            external_url TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE TABLE issue_partners (issue_id INTEGER NOT NULL REFERENCES local_issues(id), "
               "partner_id INTEGER NOT NULL REFERENCES partners(id), PRIMARY KEY (issue_id, partner_id))")
    db.execute("CREATE INDEX issue_partners_partner ON issue_partners(partner_id)")
    db.execute(
        """
        CREATE TABLE city_requests (
            id INTEGER PRIMARY KEY,
            issue_id INTEGER REFERENCES local_issues(id),
            asked_on TEXT NOT NULL,
            addressed_to TEXT NOT NULL DEFAULT '',
            request TEXT NOT NULL,
            answer TEXT NOT NULL DEFAULT '',
            answered_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE area_households (
            fiscal_year INTEGER PRIMARY KEY,
            households INTEGER NOT NULL CHECK (households > 0),
            source TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("ALTER TABLE officers ADD COLUMN handed_over INTEGER NOT NULL DEFAULT 0")
    for name in ("管理者", "役員"):
        row = db.execute("SELECT permissions FROM roles WHERE name = ? AND builtin = 1", [name]).fetchone()
        if row is not None and "activity.write" not in row[0].split():
            db.execute("UPDATE roles SET permissions = ? WHERE name = ? AND builtin = 1",
                       [(row[0] + " activity.write").strip(), name])


#: 当番表 (rosters, DOMAIN.md §3.4)
ROSTER_UNITS = ("household", "person")
ROSTER_POOLS = ("blocks", "station", "list")
ROSTER_ORDERS = ("circulation", "gojuon", "custom")
ROSTER_CADENCES = ("daily", "weekly", "weekdays", "monthly", "dates", "event")
TURN_STATUSES = ("予定", "済", "欠")
EXEMPTION_REASONS = ("75歳以上のみの世帯", "要介護・障害", "長期不在", "役員", "その他")


@migration
def m0006_rosters(db: Database) -> None:
    """当番表: ごみステーション and their users, rosters, the turns given out (never rewritten once
    past), exemptions with reasons and periods, substitutions owed back, local non-working days."""
    def q(values: tuple[str, ...]) -> str:
        return ", ".join(repr(v) for v in values)

    db.execute(
        """
        CREATE TABLE stations (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            place TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            retired_on TEXT,
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE TABLE station_users (station_id INTEGER NOT NULL REFERENCES stations(id), "
               "household_id INTEGER NOT NULL REFERENCES households(id), user_no INTEGER NOT NULL DEFAULT 0, "
               "PRIMARY KEY (station_id, household_id))")
    db.execute(
        f"""
        CREATE TABLE rosters (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL UNIQUE,
            duty TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT 'household' CHECK (unit IN ({q(ROSTER_UNITS)})),
            pool TEXT NOT NULL DEFAULT 'blocks' CHECK (pool IN ({q(ROSTER_POOLS)})),
            station_id INTEGER REFERENCES stations(id),
            ordering TEXT NOT NULL DEFAULT 'circulation' CHECK (ordering IN ({q(ROSTER_ORDERS)})),
            cadence TEXT NOT NULL DEFAULT 'weekly' CHECK (cadence IN ({q(ROSTER_CADENCES)})),
            weekdays TEXT NOT NULL DEFAULT '0 1 2 3 4',
            monthly_rule TEXT NOT NULL DEFAULT '',
            event_category TEXT NOT NULL DEFAULT '',
            per_turn INTEGER NOT NULL DEFAULT 1 CHECK (per_turn BETWEEN 1 AND 20),
            start_date TEXT NOT NULL,
            skip_holidays INTEGER NOT NULL DEFAULT 0,
            skip_year_end INTEGER NOT NULL DEFAULT 1,
            skip_local_days INTEGER NOT NULL DEFAULT 1,
            exempt_age INTEGER CHECK (exempt_age IS NULL OR exempt_age BETWEEN 60 AND 120),
            min_age INTEGER NOT NULL DEFAULT 18,
            notes TEXT NOT NULL DEFAULT '',
            stale_since TEXT,
            retired_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE TABLE roster_blocks (roster_id INTEGER NOT NULL REFERENCES rosters(id), "
               "block_id INTEGER NOT NULL REFERENCES blocks(id), PRIMARY KEY (roster_id, block_id))")
    # a hand-picked pool, or the custom order of any pool: the member (household or person) and its place
    db.execute("CREATE TABLE roster_members (roster_id INTEGER NOT NULL REFERENCES rosters(id), "
               "member_id INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (roster_id, member_id))")
    db.execute("CREATE TABLE roster_dates (roster_id INTEGER NOT NULL REFERENCES rosters(id), day TEXT NOT NULL, "
               "PRIMARY KEY (roster_id, day))")
    db.execute(
        f"""
        CREATE TABLE roster_turns (
            id INTEGER PRIMARY KEY,
            roster_id INTEGER NOT NULL REFERENCES rosters(id),
            seq INTEGER NOT NULL,
            starts_on TEXT NOT NULL,
            ends_on TEXT NOT NULL,
            days TEXT NOT NULL DEFAULT '',
            slot INTEGER NOT NULL DEFAULT 0,
            member_id INTEGER NOT NULL,
            substitute_id INTEGER,
            status TEXT NOT NULL DEFAULT '予定' CHECK (status IN ({q(TURN_STATUSES)})),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (roster_id, seq, slot),
            CHECK (ends_on >= starts_on)
        )
        """
    )
    db.execute("CREATE INDEX roster_turns_day ON roster_turns(roster_id, starts_on)")
    db.execute("CREATE INDEX roster_turns_member ON roster_turns(roster_id, member_id)")
    db.execute(
        f"""
        CREATE TABLE roster_exemptions (
            id INTEGER PRIMARY KEY,
            roster_id INTEGER REFERENCES rosters(id),
            member_id INTEGER NOT NULL,
            unit TEXT NOT NULL CHECK (unit IN ({q(ROSTER_UNITS)})),
            reason TEXT NOT NULL,
            starts_on TEXT NOT NULL,
            ends_on TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            CHECK (ends_on IS NULL OR ends_on >= starts_on)
        )
        """
    )
    db.execute("CREATE INDEX roster_exemptions_member ON roster_exemptions(unit, member_id)")
    # one-sided substitutions (A did B's turn): B owes A a turn, given back on A's next open turn
    db.execute(
        """
        CREATE TABLE roster_debts (
            id INTEGER PRIMARY KEY,
            roster_id INTEGER NOT NULL REFERENCES rosters(id),
            debtor_id INTEGER NOT NULL,
            creditor_id INTEGER NOT NULL,
            from_turn_id INTEGER NOT NULL REFERENCES roster_turns(id),
            settled_turn_id INTEGER REFERENCES roster_turns(id),
            cancelled_on TEXT,
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE TABLE non_working_days (day TEXT PRIMARY KEY, name TEXT NOT NULL)")


#: 防災 (DOMAIN.md §1.2-E, §3.2, §3.3, §5.6)
SAFETY_STATUSES = ("無事", "軽症", "重症", "不明")
SAFETY_MARKS = {"無事": "○", "軽症": "△", "重症": "×", "不明": "?"}
WHEREABOUTS = ("自宅", "避難所", "親族宅", "不明")
BUILDING_DAMAGE = ("", "なし", "一部損壊", "半壊", "全壊")
SAFETY_CHECK_KINDS = ("訓練", "災害")
SUPPORT_REASONS = ("一人暮らし高齢者", "高齢者のみ世帯", "要介護", "身体障害", "知的障害", "精神障害", "難病", "日中独居",
                   "本人の希望", "その他")
SUPPORT_CONSENT = ("同意", "不同意", "未確認")  # 同意者名簿 / 基礎名簿 only
BOUSAI_TEAMS = ("本部", "情報班", "消火班", "救出救護班", "避難誘導班", "給食給水班")
PLACE_KINDS = ("集合場所", "一時避難場所", "指定避難所", "福祉避難所")


@migration
def m0007_disaster(db: Database) -> None:
    """緊急連絡先 and the 連絡網, the restricted store of people who need help to evacuate (with the
    versions of the city's list), safety checks and their results, 防災資機材, gathering places and
    shelters, and the 自主防災 organisation."""
    def q(values: tuple[str, ...]) -> str:
        return ", ".join(repr(v) for v in values)

    db.execute(
        """
        CREATE TABLE emergency_contacts (
            id INTEGER PRIMARY KEY,
            household_id INTEGER REFERENCES households(id),
            person_id INTEGER REFERENCES persons(id),
            name TEXT NOT NULL,
            relation TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            priority INTEGER NOT NULL DEFAULT 1,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((household_id IS NULL) != (person_id IS NULL))
        )
        """
    )
    db.execute("CREATE INDEX emergency_contacts_household ON emergency_contacts(household_id)")
    db.execute("CREATE INDEX emergency_contacts_person ON emergency_contacts(person_id)")
    # a 班's own calling order (caller → callee); without one, the 班長 calls down the 回覧順
    db.execute("CREATE TABLE phone_tree_calls (block_id INTEGER NOT NULL REFERENCES blocks(id), "
               "caller_id INTEGER NOT NULL REFERENCES households(id), callee_id INTEGER NOT NULL REFERENCES households(id), "
               "position INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (block_id, callee_id))")
    # -- restricted: 避難行動要支援者 (要配慮個人情報); read and written only with sensitive.* permissions
    db.execute(
        """
        CREATE TABLE support_lists (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            received_on TEXT NOT NULL,
            agreement_ref TEXT NOT NULL DEFAULT '',
            file_name TEXT NOT NULL DEFAULT '',
            rows INTEGER NOT NULL DEFAULT 0,
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL DEFAULT '',
            replaced_at TEXT
        )
        """
    )
    db.execute(
        f"""
        CREATE TABLE support_people (
            id INTEGER PRIMARY KEY,
            list_id INTEGER REFERENCES support_lists(id),
            person_id INTEGER REFERENCES persons(id),
            name TEXT NOT NULL,
            kana TEXT NOT NULL DEFAULT '',
            birth_date TEXT,
            address TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            reasons TEXT NOT NULL DEFAULT '',
            consent TEXT NOT NULL DEFAULT '未確認' CHECK (consent IN ({q(SUPPORT_CONSENT)})),
            care_level TEXT NOT NULL DEFAULT '',
            evacuation_place TEXT NOT NULL DEFAULT '',
            route_notes TEXT NOT NULL DEFAULT '',
            medical_notes TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX support_people_person ON support_people(person_id)")
    db.execute("CREATE TABLE support_helpers (id INTEGER PRIMARY KEY, support_id INTEGER NOT NULL REFERENCES support_people(id), "
               "person_id INTEGER REFERENCES persons(id), name TEXT NOT NULL, phone TEXT NOT NULL DEFAULT '', "
               "relation TEXT NOT NULL DEFAULT '')")
    db.execute(
        f"""
        CREATE TABLE safety_checks (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ({q(SAFETY_CHECK_KINDS)})),
            title TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_by TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        f"""
        CREATE TABLE safety_results (
            check_id INTEGER NOT NULL REFERENCES safety_checks(id),
            person_id INTEGER NOT NULL REFERENCES persons(id),
            status TEXT NOT NULL CHECK (status IN ({q(SAFETY_STATUSES)})),
            whereabouts TEXT NOT NULL DEFAULT '' CHECK (whereabouts IN ('', {q(WHEREABOUTS)})),
            checked_at TEXT NOT NULL,
            checked_by TEXT NOT NULL DEFAULT '',
            building_damage TEXT NOT NULL DEFAULT '' CHECK (building_damage IN ({q(BUILDING_DAMAGE)})),
            needs TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (check_id, person_id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE equipment (
            id INTEGER PRIMARY KEY,
            item TEXT NOT NULL,
            quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 0),
            place TEXT NOT NULL DEFAULT '',
            bought_on TEXT,
            subsidy TEXT NOT NULL DEFAULT '',
            checked_on TEXT,
            notes TEXT NOT NULL DEFAULT '',
            retired_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        f"""
        CREATE TABLE bousai_places (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ({q(PLACE_KINDS)})),
            name TEXT NOT NULL,
            address TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE TABLE bousai_place_blocks (place_id INTEGER NOT NULL REFERENCES bousai_places(id), "
               "block_id INTEGER NOT NULL REFERENCES blocks(id), PRIMARY KEY (place_id, block_id))")
    db.execute(
        f"""
        CREATE TABLE bousai_members (
            id INTEGER PRIMARY KEY,
            team TEXT NOT NULL CHECK (team IN ({q(BOUSAI_TEAMS)})),
            person_id INTEGER NOT NULL REFERENCES persons(id),
            role TEXT NOT NULL DEFAULT '班員',
            fiscal_year INTEGER NOT NULL,
            UNIQUE (team, person_id, fiscal_year)
        )
        """
    )


#: 会費・収支 (DOMAIN.md §0 金沢方式, §1.2-B): fiscal years, dues, the cash book, budgets, levies
FISCAL_YEAR_STATES = ("open", "closed")
FISCAL_YEAR_STATE_LABELS = {"open": "記帳中", "closed": "締め済み"}
PAYMENT_METHODS = ("現金", "振込", "口座振替", "その他")
MONEY_ACCOUNT_KINDS = ("現金", "普通預金", "定期預金", "郵便貯金", "積立金", "その他")
LEDGER_KINDS = ("収入", "支出", "振替")
SUBJECT_KINDS = ("収入", "支出")
OPENING_SOURCES = ("入力", "繰越")
#: how a 校下 levy is charged: per member household per month / per year, or a flat sum per 町会 per year
LEVY_BASES = ("世帯・月", "世帯・年", "町会・年")
#: the dues categories a register starts with: (name, member_type matched, dues_category matched);
#: a household pays by the first row (in this order) that matches it, ``None`` matching anything
DEFAULT_DUES_CATEGORIES = (
    ("免除", None, "免除"),
    ("減免", None, "減免"),
    ("事業所", None, "事業所"),
    ("賛助会員", "賛助会員", None),
    ("正会員", "正会員", None),
)
#: the account subjects (科目) a register starts with: (kind, name, code). A code marks the
#: subjects the program itself uses (``carry_over`` is filled by the year-end closing, never by hand)
DEFAULT_SUBJECTS = (
    ("収入", "前年度繰越金", "carry_over"),
    ("収入", "会費収入", "dues"),
    ("収入", "市補助金", "subsidy"),
    ("収入", "事業収入", None),
    ("収入", "寄付金", None),
    ("収入", "雑収入", None),
    ("支出", "上部団体負担金", "levy"),
    ("支出", "募金", None),
    ("支出", "防犯灯維持費", None),
    ("支出", "防災費", None),
    ("支出", "敬老費", None),
    ("支出", "各種団体助成金", None),
    ("支出", "会議費", None),
    ("支出", "事務費", None),
    ("支出", "広報費", None),
    ("支出", "慶弔費", None),
    ("支出", "行事費", None),
    ("支出", "予備費", "reserve"),
)
DEFAULT_MONEY_ACCOUNTS = (("現金", "現金"), ("普通預金", "普通預金"))


@migration
def m0008_accounts(db: Database) -> None:
    """会費・収支: fiscal years (open → closed, with the balance carried over), dues categories,
    their amounts per year and instalment (期別), the dues assigned to each household for a year
    and the payments (never deleted: a mistake is cancelled by a reversing row), money accounts
    with their opening balance per year, account subjects (科目) as data, the cash book
    (金銭出納簿: never updated or deleted, a correction is a reversing entry), budgets, and the
    校下 levy rates of the 金沢方式. Triggers keep a closed year locked even against a bug."""
    def q(values: tuple[str, ...]) -> str:
        return ", ".join(repr(v) for v in values)

    db.execute(
        f"""
        CREATE TABLE fiscal_years (
            fiscal_year INTEGER PRIMARY KEY CHECK (fiscal_year BETWEEN 1900 AND 2200),
            state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ({q(FISCAL_YEAR_STATES)})),
            opened_at TEXT NOT NULL,
            opened_by TEXT NOT NULL DEFAULT '',
            closed_at TEXT,
            closed_by TEXT,
            carry_over INTEGER,
            notes TEXT NOT NULL DEFAULT '',
            CHECK ((state = 'closed') = (closed_at IS NOT NULL AND carry_over IS NOT NULL))
        )
        """
    )
    db.execute(
        f"""
        CREATE TABLE dues_categories (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            match_member_type TEXT CHECK (match_member_type IS NULL OR match_member_type IN ({q(MEMBER_TYPES)})),
            match_dues_category TEXT
                CHECK (match_dues_category IS NULL OR match_dues_category IN ({q(DUES_CATEGORIES)})),
            sort_order INTEGER NOT NULL DEFAULT 0,
            notes TEXT NOT NULL DEFAULT '',
            retired_on TEXT
        )
        """
    )
    db.conn.executemany(
        "INSERT INTO dues_categories (name, match_member_type, match_dues_category, sort_order) VALUES (?, ?, ?, ?)",
        [(n, m, d, i) for i, (n, m, d) in enumerate(DEFAULT_DUES_CATEGORIES)])
    # the instalments (期別) of a year: 年1回 = one row, 上期・下期 = two …
    db.execute(
        """
        CREATE TABLE dues_instalments (
            fiscal_year INTEGER NOT NULL REFERENCES fiscal_years(fiscal_year),
            no INTEGER NOT NULL CHECK (no BETWEEN 1 AND 12),
            label TEXT NOT NULL,
            due_on TEXT NOT NULL,
            PRIMARY KEY (fiscal_year, no)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE dues_amounts (
            fiscal_year INTEGER NOT NULL,
            category_id INTEGER NOT NULL REFERENCES dues_categories(id),
            instalment_no INTEGER NOT NULL,
            amount INTEGER NOT NULL CHECK (amount BETWEEN 0 AND 10000000),
            PRIMARY KEY (fiscal_year, category_id, instalment_no),
            FOREIGN KEY (fiscal_year, instalment_no) REFERENCES dues_instalments(fiscal_year, no)
        )
        """
    )
    # what each household owes for a year, per instalment, fixed when the year's dues are assigned
    # (so editing a household later does not change a past year); a purged household leaves its
    # numbers behind without a name (household_id NULL)
    db.execute(
        """
        CREATE TABLE dues_assessments (
            id INTEGER PRIMARY KEY,
            fiscal_year INTEGER NOT NULL,
            household_id INTEGER REFERENCES households(id) ON DELETE SET NULL,
            instalment_no INTEGER NOT NULL,
            category_id INTEGER NOT NULL REFERENCES dues_categories(id),
            amount INTEGER NOT NULL CHECK (amount BETWEEN 0 AND 10000000),
            reason TEXT NOT NULL DEFAULT '',
            assessed_at TEXT NOT NULL,
            assessed_by TEXT NOT NULL DEFAULT '',
            UNIQUE (fiscal_year, household_id, instalment_no),
            FOREIGN KEY (fiscal_year, instalment_no) REFERENCES dues_instalments(fiscal_year, no)
        )
        """
    )
    db.execute("CREATE INDEX dues_assessments_household ON dues_assessments(household_id, fiscal_year)")
    db.execute(
        f"""
        CREATE TABLE money_accounts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT '普通預金' CHECK (kind IN ({q(MONEY_ACCOUNT_KINDS)})),
            institution TEXT NOT NULL DEFAULT '',
            sort_order INTEGER NOT NULL DEFAULT 0,
            notes TEXT NOT NULL DEFAULT '',
            retired_on TEXT
        )
        """
    )
    db.conn.executemany("INSERT INTO money_accounts (name, kind, sort_order) VALUES (?, ?, ?)",
                        [(n, k, i) for i, (n, k) in enumerate(DEFAULT_MONEY_ACCOUNTS)])
    db.execute(
        f"""
        CREATE TABLE account_openings (
            fiscal_year INTEGER NOT NULL REFERENCES fiscal_years(fiscal_year),
            account_id INTEGER NOT NULL REFERENCES money_accounts(id),
            amount INTEGER NOT NULL CHECK (amount >= 0),
            source TEXT NOT NULL DEFAULT '入力' CHECK (source IN ({q(OPENING_SOURCES)})),
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (fiscal_year, account_id)
        )
        """
    )
    db.execute(
        f"""
        CREATE TABLE ledger_subjects (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ({q(SUBJECT_KINDS)})),
            name TEXT NOT NULL,
            code TEXT UNIQUE,
            sort_order INTEGER NOT NULL DEFAULT 0,
            notes TEXT NOT NULL DEFAULT '',
            retired_on TEXT,
            UNIQUE (kind, name)
        )
        """
    )
    db.conn.executemany("INSERT INTO ledger_subjects (kind, name, code, sort_order) VALUES (?, ?, ?, ?)",
                        [(k, n, c, i) for i, (k, n, c) in enumerate(DEFAULT_SUBJECTS)])
    # 金銭出納簿. 振替 moves money between two accounts (預け入れ・引き出し) and has no subject. A
    # correction is a reversing entry: the same subject and accounts, the amount negated
    db.execute(
        f"""
        CREATE TABLE ledger_entries (
            id INTEGER PRIMARY KEY,
            fiscal_year INTEGER NOT NULL REFERENCES fiscal_years(fiscal_year),
            entry_no INTEGER NOT NULL,
            entry_date TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ({q(LEDGER_KINDS)})),
            subject_id INTEGER REFERENCES ledger_subjects(id),
            amount INTEGER NOT NULL CHECK (amount BETWEEN -1000000000 AND 1000000000),
            account_id INTEGER NOT NULL REFERENCES money_accounts(id),
            to_account_id INTEGER REFERENCES money_accounts(id),
            memo TEXT NOT NULL DEFAULT '',
            receipt_no TEXT NOT NULL DEFAULT '',
            event_id INTEGER REFERENCES events(id),
            subsidy_ref TEXT NOT NULL DEFAULT '',
            reverses_id INTEGER UNIQUE REFERENCES ledger_entries(id),
            entered_at TEXT NOT NULL,
            entered_by TEXT NOT NULL DEFAULT '',
            UNIQUE (fiscal_year, entry_no),
            CHECK ((kind = '振替') = (subject_id IS NULL)),
            CHECK ((kind = '振替') = (to_account_id IS NOT NULL)),
            CHECK (to_account_id IS NULL OR to_account_id <> account_id),
            CHECK ((reverses_id IS NULL AND amount > 0) OR (reverses_id IS NOT NULL AND amount < 0))
        )
        """
    )
    db.execute("CREATE INDEX ledger_entries_day ON ledger_entries(fiscal_year, entry_date)")
    db.execute("CREATE INDEX ledger_entries_subject ON ledger_entries(subject_id)")
    db.execute("CREATE INDEX ledger_entries_event ON ledger_entries(event_id)")
    # a payment names the year's dues it pays (not necessarily the year it was paid in); posted to
    # the cash book as one 会費収入 entry per hand-over (ledger_entry_id)
    db.execute(
        f"""
        CREATE TABLE dues_payments (
            id INTEGER PRIMARY KEY,
            fiscal_year INTEGER NOT NULL REFERENCES fiscal_years(fiscal_year),
            household_id INTEGER REFERENCES households(id) ON DELETE SET NULL,
            instalment_no INTEGER NOT NULL,
            amount INTEGER NOT NULL CHECK (amount BETWEEN -10000000 AND 10000000),
            paid_on TEXT NOT NULL,
            received_by TEXT NOT NULL DEFAULT '',
            receipt_no TEXT NOT NULL DEFAULT '',
            method TEXT NOT NULL DEFAULT '現金' CHECK (method IN ({q(PAYMENT_METHODS)})),
            note TEXT NOT NULL DEFAULT '',
            reverses_id INTEGER UNIQUE REFERENCES dues_payments(id),
            ledger_entry_id INTEGER REFERENCES ledger_entries(id),
            entered_at TEXT NOT NULL,
            entered_by TEXT NOT NULL DEFAULT '',
            FOREIGN KEY (fiscal_year, instalment_no) REFERENCES dues_instalments(fiscal_year, no),
            CHECK ((reverses_id IS NULL AND amount > 0) OR (reverses_id IS NOT NULL AND amount < 0))
        )
        """
    )
    db.execute("CREATE INDEX dues_payments_household ON dues_payments(household_id, fiscal_year)")
    db.execute("CREATE INDEX dues_payments_posting ON dues_payments(ledger_entry_id, paid_on)")
    db.execute(
        """
        CREATE TABLE budgets (
            fiscal_year INTEGER NOT NULL REFERENCES fiscal_years(fiscal_year),
            subject_id INTEGER NOT NULL REFERENCES ledger_subjects(id),
            amount INTEGER NOT NULL CHECK (amount BETWEEN 0 AND 1000000000),
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (fiscal_year, subject_id)
        )
        """
    )
    # 金沢方式: what the 町会 passes on to its 校下 bodies, rates per 校下 and year as data
    db.execute(
        f"""
        CREATE TABLE levy_rates (
            id INTEGER PRIMARY KEY,
            district TEXT NOT NULL,
            fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1900 AND 2200),
            name TEXT NOT NULL,
            payee TEXT NOT NULL DEFAULT '',
            basis TEXT NOT NULL DEFAULT '世帯・月' CHECK (basis IN ({q(LEVY_BASES)})),
            rate INTEGER NOT NULL CHECK (rate BETWEEN 0 AND 10000000),
            subject_id INTEGER REFERENCES ledger_subjects(id),
            sort_order INTEGER NOT NULL DEFAULT 0,
            notes TEXT NOT NULL DEFAULT '',
            UNIQUE (district, fiscal_year, name)
        )
        """
    )
    # -- the lock: what a closed year holds cannot change, and money records are never deleted
    closed = "(SELECT state FROM fiscal_years WHERE fiscal_year = {row}.fiscal_year) = 'closed'"
    locked = "SELECT RAISE(ABORT, '締め済みの年度は変更できません')"
    for table in ("ledger_entries", "dues_payments", "dues_assessments", "dues_instalments", "dues_amounts",
                  "budgets", "account_openings"):
        db.execute(f"CREATE TRIGGER {table}_closed_insert BEFORE INSERT ON {table} "
                   f"WHEN {closed.format(row='NEW')} BEGIN {locked}; END")
    for table in ("dues_instalments", "dues_amounts", "budgets", "account_openings"):
        db.execute(f"CREATE TRIGGER {table}_closed_update BEFORE UPDATE ON {table} "
                   f"WHEN {closed.format(row='OLD')} OR {closed.format(row='NEW')} BEGIN {locked}; END")
        db.execute(f"CREATE TRIGGER {table}_closed_delete BEFORE DELETE ON {table} "
                   f"WHEN {closed.format(row='OLD')} BEGIN {locked}; END")
    db.execute("CREATE TRIGGER dues_assessments_closed_update BEFORE UPDATE OF fiscal_year, instalment_no, "
               f"category_id, amount ON dues_assessments WHEN {closed.format(row='OLD')} OR "
               f"{closed.format(row='NEW')} BEGIN {locked}; END")
    kept = "SELECT RAISE(ABORT, '会計の記録は削除も書き換えもできません（訂正は取り消しの記帳で）')"
    db.execute(f"CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries BEGIN {kept}; END")
    for table in ("ledger_entries", "dues_payments", "dues_assessments"):
        db.execute(f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN {kept}; END")
    # a payment's link to the cash book may change (posted, unposted by reversing the posting) and
    # a purge may blank its household; nothing else about it
    db.execute("CREATE TRIGGER dues_payments_no_update BEFORE UPDATE OF id, fiscal_year, instalment_no, amount, "
               "paid_on, received_by, receipt_no, method, note, reverses_id, entered_at, entered_by "
               f"ON dues_payments BEGIN {kept}; END")
    db.execute("CREATE TRIGGER fiscal_years_stay_closed BEFORE UPDATE ON fiscal_years WHEN OLD.state = 'closed' "
               "BEGIN SELECT RAISE(ABORT, '締め済みの年度は変更できません'); END")
    db.execute("CREATE TRIGGER fiscal_years_no_delete BEFORE DELETE ON fiscal_years "
               f"BEGIN {kept}; END")


@migration
def m0009_report_forms(db: Database) -> None:
    """年次報告の様式: a city's or 校下's own Excel form, mapped once by an officer (which field goes
    in which cell), kept with the empty form itself so that next year's report fills it again; and
    the permission ``books.write`` for the 会計 (an officer, not necessarily the 管理者)."""
    db.execute(
        """
        CREATE TABLE report_forms (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            mapping TEXT NOT NULL,
            form_filename TEXT NOT NULL DEFAULT '',
            form_blob BLOB,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL DEFAULT '',
            retired_on TEXT
        )
        """
    )
    # the 会計 is usually an officer, not the 管理者: books get their own permission
    for name in ("管理者", "役員"):
        row = db.execute("SELECT permissions FROM roles WHERE name = ? AND builtin = 1", [name]).fetchone()
        if row is not None and "books.write" not in row[0].split():
            db.execute("UPDATE roles SET permissions = ? WHERE name = ? AND builtin = 1",
                       [(row[0] + " books.write").strip(), name])


#: 補助金 (subsidy cases): the usual steps of a case; a program keeps its own list (data)
SUBSIDY_STEPS = ("事前相談", "申請", "交付決定", "完了", "実績報告", "入金")
SUBSIDY_STEP_KINDS = ("advance", "skip", "correction")  # in order / with steps skipped (reason) / back (reason)
ROUNDING_MODES = ("切り捨て", "四捨五入")
#: the Kanazawa programs (DOMAIN.md §1.2-C, as of 令和6年4月1日): the rules are data, editable
KANAZAWA_SUBSIDY_PROGRAMS: tuple[dict, ...] = (
    {"code": "kanazawa.gomi_station", "name": "ごみステーション器材補助", "funder": "金沢市 ごみ減量推進課",
     "rate_num": 3, "rate_den": 4, "cap": 150000, "rounding_unit": 1000,
     "steps": ("事前相談", "事前協議", "申請", "交付決定", "完了", "実績報告", "入金"),
     "attachments": ("事前協議書", "位置図", "着手前写真", "見積書", "土地使用の承諾書（常設の場合）", "補助金交付申請書",
                     "領収書写し", "請求書", "着手後写真", "通帳コピー"),
     "notes": "金属製ボックス・折りたたみ式ステーション・古紙保管庫の購入と設置。1ステーションにつき1件、年1回。"
              "上限はステーションごと。購入の前に事前協議が必要。"},
    {"code": "kanazawa.community_activity", "name": "地域コミュニティ活性化事業（コミュニティ活動事業）",
     "funder": "金沢市 市民協働推進課", "rate_num": 3, "rate_den": 4, "cap": 300000, "report_within_days": 14,
     "reuse_years": 5,
     "attachments": ("交付申請書", "事業計画書", "収支予算書", "完了届", "実績報告書", "事業報告書", "収支決算書", "写真",
                     "領収書の写し", "ほかの収入がわかる書類"),
     "notes": "校下町会連合会の推薦を受けた町会の加入促進・住民交流。同じ種類の補助は5年間受けられない。公募で選ばれる。"},
    {"code": "kanazawa.street_light", "name": "公衆街路灯 電気料及び修繕費補助", "funder": "金沢市",
     "rate_num": 8, "rate_den": 10,
     "attachments": ("電気料の領収書・請求書", "修繕費の領収書", "街路灯の一覧（電柱番号・種類・ワット数）"),
     "notes": "前年度に支払った電気料・修繕費が対象。補助は8/10以内で上限あり（上限額は市の通知で確かめて入力）。"
              "定額灯は前年度6月分×12か月。"},
    {"code": "kanazawa.fire_extinguisher", "name": "木造建築物密集地域 消火器購入費補助", "funder": "金沢市",
     "rate_num": 2, "rate_den": 3, "unit_cap": 20000, "unit_label": "本", "households_per_unit": 10,
     "attachments": ("交付申請書", "見積書", "領収書写し", "設置場所の一覧", "消火訓練の記録"),
     "notes": "指定地域のみ。会員おおむね10世帯に1本。町会は消火訓練を行い、消火器を維持管理する。"},
    {"code": "kanazawa.snow_removal", "name": "地域除排雪活動費補助", "funder": "金沢市 道路管理課",
     "rate_num": 3, "rate_den": 4, "cap": 500000, "apply_within_days": 15,
     "steps": ("申請", "交付決定", "完了", "実績報告", "入金"),
     "attachments": ("交付申請書", "作業の契約書", "作業前後の写真", "請求書・領収書写し"),
     "notes": "雪害対策本部の設置中に限る。業者に頼んだ機械除雪の3/4、1回につき上限50万円。作業から15日以内に申請。"},
)


@migration
def m0010_subsidies(db: Database) -> None:
    """補助金: programs whose rules are data (rate as a fraction, cap per case and per unit,
    rounding, the steps of a case, deadlines, the attachments checklist, the years before the
    same program may be used again), seeded with the Kanazawa programs; cases with their dated
    steps (never changed or deleted: going back is a correction row), their checklist and the
    events they paid for. Cash-book entries name a case by ``ledger_entries.subsidy_ref`` = its
    ``uid``. A case of a closed 年度 is locked by triggers, except that its money may still arrive."""
    import json

    def q(values: tuple[str, ...]) -> str:
        return ", ".join(repr(v) for v in values)

    db.execute(
        f"""
        CREATE TABLE subsidy_programs (
            id INTEGER PRIMARY KEY,
            code TEXT UNIQUE,
            name TEXT NOT NULL,
            funder TEXT NOT NULL DEFAULT '',
            rate_num INTEGER NOT NULL CHECK (rate_num >= 1),
            rate_den INTEGER NOT NULL CHECK (rate_den >= 1 AND rate_num <= rate_den),
            cap INTEGER CHECK (cap IS NULL OR cap >= 0),
            unit_cap INTEGER CHECK (unit_cap IS NULL OR unit_cap >= 0),
            unit_label TEXT NOT NULL DEFAULT '',
            households_per_unit INTEGER CHECK (households_per_unit IS NULL OR households_per_unit >= 1),
            rounding_unit INTEGER NOT NULL DEFAULT 1 CHECK (rounding_unit >= 1),
            rounding_mode TEXT NOT NULL DEFAULT '切り捨て' CHECK (rounding_mode IN ({q(ROUNDING_MODES)})),
            steps TEXT NOT NULL CHECK (json_valid(steps) AND json_type(steps) = 'array'),
            apply_within_days INTEGER CHECK (apply_within_days IS NULL OR apply_within_days >= 1),
            report_within_days INTEGER CHECK (report_within_days IS NULL OR report_within_days >= 1),
            report_by_year_end INTEGER NOT NULL DEFAULT 1 CHECK (report_by_year_end IN (0, 1)),
            attachments TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attachments) AND json_type(attachments) = 'array'),
            reuse_years INTEGER CHECK (reuse_years IS NULL OR reuse_years >= 1),
            notes TEXT NOT NULL DEFAULT '',
            sort_order INTEGER NOT NULL DEFAULT 0,
            retired_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE UNIQUE INDEX subsidy_programs_name ON subsidy_programs(name) WHERE retired_on IS NULL")
    stamp = "2024-04-01T00:00:00"  # the date the seeded rules are known to hold
    for n, p in enumerate(KANAZAWA_SUBSIDY_PROGRAMS):
        db.execute(
            "INSERT INTO subsidy_programs (code, name, funder, rate_num, rate_den, cap, unit_cap, unit_label, "
            "households_per_unit, rounding_unit, steps, apply_within_days, report_within_days, attachments, "
            "reuse_years, notes, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [p["code"], p["name"], p["funder"], p["rate_num"], p["rate_den"], p.get("cap"), p.get("unit_cap"),
             p.get("unit_label", ""), p.get("households_per_unit"), p.get("rounding_unit", 1),
             json.dumps(list(p.get("steps", SUBSIDY_STEPS)), ensure_ascii=False), p.get("apply_within_days"),
             p.get("report_within_days"), json.dumps(list(p["attachments"]), ensure_ascii=False), p.get("reuse_years"),
             p["notes"], n, stamp, stamp])
    db.execute(
        """
        CREATE TABLE subsidy_cases (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            program_id INTEGER NOT NULL REFERENCES subsidy_programs(id),
            fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1900 AND 2200),
            title TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT '',
            planned_cost INTEGER CHECK (planned_cost IS NULL OR planned_cost BETWEEN 0 AND 1000000000),
            actual_cost INTEGER CHECK (actual_cost IS NULL OR actual_cost BETWEEN 0 AND 1000000000),
            units INTEGER CHECK (units IS NULL OR units BETWEEN 1 AND 100000),
            granted INTEGER CHECK (granted IS NULL OR granted BETWEEN 0 AND 1000000000),
            received INTEGER NOT NULL DEFAULT 0 CHECK (received BETWEEN 0 AND 1000000000),
            decision_no TEXT NOT NULL DEFAULT '',
            work_on TEXT,
            notes TEXT NOT NULL DEFAULT '',
            cancelled_on TEXT,
            cancel_reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL DEFAULT '',
            CHECK ((cancelled_on IS NULL) = (cancel_reason = ''))
        )
        """
    )
    db.execute("CREATE INDEX subsidy_cases_year ON subsidy_cases(fiscal_year, program_id)")
    db.execute(
        f"""
        CREATE TABLE subsidy_steps (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES subsidy_cases(id),
            step TEXT NOT NULL,
            on_date TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'advance' CHECK (kind IN ({q(SUBSIDY_STEP_KINDS)})),
            skipped TEXT NOT NULL DEFAULT '[]',
            due_on TEXT,
            note TEXT NOT NULL DEFAULT '',
            ledger_entry_id INTEGER REFERENCES ledger_entries(id),
            entered_at TEXT NOT NULL,
            entered_by TEXT NOT NULL DEFAULT '',
            CHECK (kind = 'advance' OR note <> '')
        )
        """
    )
    db.execute("CREATE INDEX subsidy_steps_case ON subsidy_steps(case_id, id)")
    db.execute(
        """
        CREATE TABLE subsidy_attachments (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES subsidy_cases(id),
            item TEXT NOT NULL,
            sort_order INTEGER NOT NULL DEFAULT 0,
            done_on TEXT,
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL DEFAULT '',
            UNIQUE (case_id, item)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE subsidy_events (
            case_id INTEGER NOT NULL REFERENCES subsidy_cases(id),
            event_id INTEGER NOT NULL REFERENCES events(id),
            linked_at TEXT NOT NULL,
            linked_by TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (case_id, event_id)
        )
        """
    )
    db.execute("CREATE INDEX subsidy_events_event ON subsidy_events(event_id)")
    # -- the lock: a case of a closed 年度 cannot change, except the money arriving (入金) later
    closed = "(SELECT state FROM fiscal_years WHERE fiscal_year = {year}) = 'closed'"
    locked = "SELECT RAISE(ABORT, '締め済みの年度の補助金は変更できません')"
    case_year = "(SELECT fiscal_year FROM subsidy_cases WHERE id = {row}.case_id)"
    db.execute(f"CREATE TRIGGER subsidy_cases_closed_insert BEFORE INSERT ON subsidy_cases "
               f"WHEN {closed.format(year='NEW.fiscal_year')} BEGIN {locked}; END")
    db.execute("CREATE TRIGGER subsidy_cases_closed_update BEFORE UPDATE OF program_id, fiscal_year, title, planned_cost, "
               "actual_cost, units, granted, decision_no, work_on, notes, cancelled_on, cancel_reason ON subsidy_cases "
               f"WHEN {closed.format(year='OLD.fiscal_year')} OR {closed.format(year='NEW.fiscal_year')} "
               f"BEGIN {locked}; END")
    db.execute(f"CREATE TRIGGER subsidy_steps_closed_insert BEFORE INSERT ON subsidy_steps "
               f"WHEN NEW.step <> '入金' AND {closed.format(year=case_year.format(row='NEW'))} BEGIN {locked}; END")
    for table in ("subsidy_attachments", "subsidy_events"):
        db.execute(f"CREATE TRIGGER {table}_closed_insert BEFORE INSERT ON {table} "
                   f"WHEN {closed.format(year=case_year.format(row='NEW'))} BEGIN {locked}; END")
        db.execute(f"CREATE TRIGGER {table}_closed_delete BEFORE DELETE ON {table} "
                   f"WHEN {closed.format(year=case_year.format(row='OLD'))} BEGIN {locked}; END")
    db.execute("CREATE TRIGGER subsidy_attachments_closed_update BEFORE UPDATE ON subsidy_attachments "
               f"WHEN {closed.format(year=case_year.format(row='OLD'))} BEGIN {locked}; END")
    kept = "SELECT RAISE(ABORT, '補助金の経過の記録は削除も書き換えもできません（訂正は新しい記録で）')"
    # a 入金 step is linked to its cash-book line once that is written (same transaction); nothing else changes
    db.execute("CREATE TRIGGER subsidy_steps_no_update BEFORE UPDATE OF id, case_id, step, on_date, kind, skipped, "
               f"due_on, note, entered_at, entered_by ON subsidy_steps BEGIN {kept}; END")
    db.execute(f"CREATE TRIGGER subsidy_steps_no_delete BEFORE DELETE ON subsidy_steps BEGIN {kept}; END")
    db.execute("CREATE TRIGGER subsidy_cases_no_delete BEFORE DELETE ON subsidy_cases "
               "BEGIN SELECT RAISE(ABORT, '補助金の記録は削除できません（取り下げとして残します）'); END")


def known_migration_names() -> list[str]:
    return [fn.__name__ for fn in _STEPS]


SCHEMA_VERSION = len(known_migration_names())

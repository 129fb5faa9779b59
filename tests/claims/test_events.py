"""Events: triggers, doers, targets, places, dates, ACLED coding and export, the chronology."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import workbench
from workbench.claims.chronology import chronology, propose_year
from workbench.claims.claims import find_claims
from workbench.claims.events import (
    ACLED_COLUMNS,
    EVENT_COLUMNS,
    acled_taxonomy,
    find_events,
    inter_code,
    to_acled,
)
from workbench.claims.index import empty_mentions
from workbench.resources import read_table
from workbench.text.arabic import match_key

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "benchmarks" / "reference" / "000_a7d0b04255543ba7.txt"
MAY_2020 = date(2020, 5, 1)
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

GOVERNORATES = {
    "الأنبار": ("Anbar", "IQ-AN"), "نينوى": ("Nineveh", "IQ-NI"),
    "صلاح الدين": ("Salah al-Din", "IQ-SD"), "كركوك": ("Kirkuk", "IQ-KI"),
}


def place(surface: str, value: str, place_type: str, iso: str = "", admin1: str = "") -> tuple:
    return (surface, "place", value, {"place_type": place_type, "iso": iso, "admin1": admin1})


def actor(surface: str, value: str, actor_type: str) -> tuple:
    return (surface, "actor", value, {"actor_type": actor_type})


def time(surface: str, value: str, flags: str = "", precision: str = "month") -> tuple:
    return (surface, "time", value, {"flags": flags, "precision": precision})


def mentions(text: str, *items: tuple) -> pd.DataFrame:
    rows = []
    for surface, kind, value, extra in items:
        start = text.index(surface)
        rows.append({"start": start, "end": start + len(surface), "text": surface, "kind": kind,
                     "value": value, **extra})
    return pd.DataFrame(rows) if rows else empty_mentions()


def events_of(text: str, *items: tuple, reference: date | None = MAY_2020) -> pd.DataFrame:
    m = mentions(text, *items)
    return find_events(find_claims(text, mentions=m, reference=reference), m)


# --- data files -------------------------------------------------------------------------

def test_triggers_are_matching_keys_coded_with_acled_pairs():
    triggers = read_table("claims/event_triggers.csv")
    taxonomy = acled_taxonomy()
    pairs = set(zip(taxonomy["event_type"], taxonomy["sub_event_type"], strict=True))
    for row in triggers.itertuples(index=False):
        for word in row.trigger.split():
            assert match_key(word.rstrip("+")) == word.rstrip("+"), row.trigger
        for word in filter(None, row.requires.split("|")):
            assert match_key(word) == word, row.requires
        assert row.pos in {"noun", "verb", "light", "undergo"}
        if row.pos not in ("light", "undergo"):
            assert (row.event_type, row.sub_event_type) in pairs, row
    coded = triggers[~triggers["pos"].isin(["light", "undergo"])]
    coded = coded.groupby("kind")[["event_type", "sub_event_type"]]
    assert (coded.nunique() == 1).all().all()  # one coding per kind


def test_taxonomy_has_acleds_types_and_inter_codes():
    taxonomy = acled_taxonomy()
    events = taxonomy[taxonomy["table"] == "event"]
    assert set(events["event_type"]) == {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
        "Riots", "Strategic developments"}
    assert len(events) == 25
    assert set(taxonomy[taxonomy["table"] == "inter"]["code"]) == {str(n) for n in range(9)}


@pytest.mark.parametrize(("actor_type", "code"), [
    ("State forces", "1"), ("Government", "1"), ("Rebel group", "2"), ("Political militia", "3"),
    ("Identity militia", "4"), ("Civilians", "7"), ("External/Other forces", "8"), ("", ""),
])
def test_inter_codes(actor_type, code):
    assert inter_code(actor_type) == code


def test_chronology_rows_are_dated_cited_and_normalised():
    table = chronology()
    kinds = set(read_table("claims/event_triggers.csv")["kind"]) | {"other"}
    assert table["id"].is_unique
    for row in table.itertuples(index=False):
        assert all(ISO.match(part) for part in row.date.split("/")), row.date
        assert row.precision in {"day", "month", "period"}
        assert row.kind in kinds, row.kind
        assert row.citation.strip() and row.description_en and row.description_ar
        for group in row.keywords.split(";"):
            for word in group.split("|"):
                assert match_key(word) == word, row.keywords


@pytest.mark.parametrize(("row_id", "when"), [
    ("fall_of_mosul", "2014-06-10"),
    ("victory_declared", "2017-12-09"),
    ("soleimani_killed", "2020-01-03"),
    ("parliament_vote_foreign_forces", "2020-01-05"),
    ("strategic_dialogue", "2020-06-11"),
    ("handover_al_qaim", "2020-03-17"),
    ("handover_qayyarah", "2020-03-26"),
    ("handover_k1", "2020-03-29"),
    ("baghdad_curfew", "2020-03-17"),
    ("war_on_isis", "2014-06-15/2017-12-09"),
])
def test_chronology_key_dates(row_id, when):
    table = chronology().set_index("id")
    assert table.loc[row_id, "date"] == when


# --- chronology proposals ---------------------------------------------------------------

@pytest.mark.parametrize(("kind", "text", "when", "modality", "year"), [
    ("victory_declaration", "وإعلان الانتصار عليه في ديسمبر […]", "XXXX-12", "asserted", "2017"),
    ("victory_declaration", "وإعلان الانتصار عليه في يوليو […]", "XXXX-07", "asserted", ""),
    ("talks", "هناك حوارًا شاملاً في منتصف يونيو […] بين بغداد وواشنطن", "XXXX-06", "future",
     "2020"),
    ("talks", "جرى حوار بين بغداد وواشنطن في يونيو […]", "XXXX-06", "asserted", ""),  # not yet
    ("withdrawal", "فقد انسحبت قوات التحالف من […] معسكرات", "", "asserted", "2020"),
    ("territory_capture", "وقد يتكرر اجتياح داعش لمدن أو قرى كما حصل مع الموصل", "", "asserted",
     "2014"),
    ("war", "كما حصل في فترة الحرب على التنظيم بين […] – […]", "XXXX/XXXX", "asserted",
     "2014/2017"),
    ("attack", "نفذ مسلحون هجوما على سوق في المدينة", "", "asserted", ""),
])
def test_propose_year(kind, text, when, modality, year):
    proposal = propose_year(kind, text, when=when, modality=modality, reference=MAY_2020)
    assert proposal.year == year
    if year:
        assert proposal.basis.startswith("chronology ") and proposal.ids


def test_proposals_without_a_reference_may_be_ambiguous():
    proposal = propose_year("victory_declaration", "إعلان النصر", when="")
    assert proposal.year == "2017"
    ambiguous = propose_year("territory_regain", "تحرير الرمادي واستعادة الموصل", when="")
    assert ambiguous.year == "" and ambiguous.basis.startswith("ambiguous")


# --- events from sentences --------------------------------------------------------------

def test_attack_split_by_governorate_with_shared_missing_count():
    text = ("سُجل أكثر من […] هجومًا نفذه تنظيم داعش خلال شهر أبريل المنصرم في "
            "(الأنبار، نينوى، صلاح الدين، كركوك) ضد القوات العراقية.")
    items = [actor("تنظيم داعش", "ISIS", "Rebel group"),
             time("شهر أبريل المنصرم", "2020-04", "month_only;year_inferred"),
             ("أكثر من […] هجومًا", "quantity", "", {"flags": "count_missing;more_than",
                                                   "unit_key": "هجوم"})]
    items += [place(ar, en, "governorate", iso, iso) for ar, (en, iso) in GOVERNORATES.items()]
    events = events_of(text, *items)
    assert list(events.columns) == EVENT_COLUMNS
    assert events["admin1"].tolist() == ["Anbar", "Nineveh", "Salah al-Din", "Kirkuk"]
    assert set(events["kind"]) == {"attack"} and set(events["actor"]) == {"ISIS"}
    assert set(events["start"]) == {"2020-04"} and set(events["country"]) == {"Iraq"}
    assert set(events["count_value"]) == {"missing"}
    assert all("shared_across_places" in f for f in events["count_flags"])
    assert set(events["event_type"]) == {"Battles"}
    assert set(events["target"]) == {"القوات العراقية"}
    assert events["event_id"].is_unique and set(events["claim_id"]) == {"c1"}


@pytest.mark.parametrize(("text", "items", "expected"), [
    ("اغتال مسلحون مجهولون ناشطا مدنيا في البصرة.",
     [place("البصرة", "Basra", "city", admin1="IQ-BA")],
     {"kind": "assassination", "event_type": "Violence against civilians", "location": "Basra"}),
    ("شن تنظيم داعش هجوما على المدنيين في قرية.",
     [actor("تنظيم داعش", "ISIS", "Rebel group"), actor("المدنيين", "Civilians", "Civilians")],
     {"kind": "attack", "event_type": "Violence against civilians", "sub_event_type": "Attack",
      "actor": "ISIS", "target": "Civilians"}),
    ("انفجرت عبوة ناسفة بدورية للجيش في كركوك أمس.",
     [place("كركوك", "Kirkuk", "city", admin1="IQ-KI")],
     {"kind": "explosion", "sub_event_type": "Remote explosive/landmine/IED"}),
    ("استعادت القوات العراقية السيطرة على الفلوجة.",
     [actor("القوات العراقية", "Iraqi security forces", "State forces"),
      place("الفلوجة", "Fallujah", "city", admin1="IQ-AN")],
     {"kind": "territory_regain", "sub_event_type": "Government regains territory",
      "actor": "Iraqi security forces", "admin1": "Anbar"}),
    ("انسحبت قوات التحالف من قاعدة القائم.",
     [actor("قوات التحالف", "International coalition", "External/Other forces")],
     {"kind": "withdrawal", "sub_event_type": "Non-violent transfer of territory",
      "actor": "International coalition", "target": ""}),
])
def test_event_coding(text, items, expected):
    events = events_of(text, *items)
    assert len(events) >= 1
    row = events.iloc[0]
    for column, value in expected.items():
        assert row[column] == value, column


@pytest.mark.parametrize("text", [
    "لم تنسحب القوات الأمريكية من القاعدة.",           # negated
    "طالبت الميليشيات بانسحاب القوات الأمريكية.",      # demanded, not done
    "بعدم قدرة القوات على خوض المعارك في المدن.",     # inability
    "تصاعد مستمر للهجمات في الفترة الأخيرة.",          # generic, nothing anchors it
])
def test_no_event(text):
    assert events_of(text).empty


def test_a_killing_in_an_attack_is_its_death_toll():
    text = "قتل 3 جنود في هجوم شنه تنظيم داعش على نقطة تفتيش في الطارمية."
    events = events_of(text, actor("جنود", "Military Forces of Iraq", "State forces"),
                       actor("تنظيم داعش", "ISIS", "Rebel group"),
                       place("الطارمية", "Tarmiyah", "district", admin1="IQ-BG"),
                       ("3 جنود", "quantity", "3", {"unit_key": "جندي"}))
    assert len(events) == 1
    row = events.iloc[0]
    assert (row.kind, row.actor, row.fatalities, row.target) == ("attack", "ISIS", "3", "نقطة تفتيش")
    assert (row.location, row.admin1) == ("Tarmiyah", "Baghdad")


def test_shelling_told_with_a_generic_verb_and_its_victims():
    text = "وأعلنت وزارة الصحة مقتل 4 مدنيين بقصف صاروخي استهدف حيا سكنيا في البصرة."
    events = events_of(text, actor("وزارة الصحة", "Ministry of Health", "Government"),
                       actor("مدنيين", "Civilians", "Civilians"),
                       place("البصرة", "Basra", "city", admin1="IQ-BA"),
                       ("4 مدنيين", "quantity", "4", {"unit_key": "مدني"}))
    assert len(events) == 1
    row = events.iloc[0]
    assert (row.kind, row.sub_event_type, row.fatalities) == (
        "shelling", "Shelling/artillery/missile attack", "4")
    assert row.actor == "" and row.source == "وزارة الصحة"  # the reporter is not the doer
    assert (row.target, row.location) == ("حيا سكنيا", "Basra")


def test_place_set_before_the_trigger_and_target_with_bi():
    text = "وفي كركوك، انفجرت عبوة ناسفة بدورية للشرطة الاتحادية أمس."
    events = events_of(text, place("كركوك", "Kirkuk", "city", admin1="IQ-KI"),
                       actor("لشرطة الاتحادية", "Iraqi Federal Police", "State forces"))
    row = events.iloc[0]
    assert (row.kind, row.actor, row.target, row.location) == (
        "explosion", "", "Iraqi Federal Police", "Kirkuk")


def test_analogy_repeats_the_event_in_its_own_place_and_stays_asserted():
    text = "وقد يتكرر اجتياح داعش لمدن أو قرى كما حصل مع الموصل."
    events = events_of(text, actor("داعش", "ISIS", "Rebel group"),
                       place("الموصل", "Mosul", "city", admin1="IQ-NI"))
    assert len(events) == 1
    row = events.iloc[0]
    assert (row.kind, row.actor, row.location, row.admin1, row.modality) == (
        "territory_capture", "ISIS", "Mosul", "Nineveh", "asserted")
    assert row.start == "" and "undated" in row.date_flags
    assert row.proposed_year == "2014" and "fall_of_mosul" in row.proposed_basis
    assert "analogy of c1" in row.coding_basis


def test_lost_year_is_flagged_and_proposed_not_merged():
    text = "تصاعدت الهجمات منذ هزيمته وإعلان الانتصار عليه في ديسمبر […]."
    events = events_of(text, time("ديسمبر […]", "XXXX-12", "year_unknown"))
    row = events[events["kind"] == "victory_declaration"].iloc[0]
    assert (row.start, row.end, row.date_flags) == ("XXXX-12", "XXXX-12", "year_unknown")
    assert row.proposed_year == "2017" and "Wikipedia" in row.proposed_basis


def test_future_talks_keep_their_modality_and_parties():
    text = "خاصة أن هناك حوارًا شاملاً في منتصف يونيو […] بين بغداد وواشنطن الذي سيتضمن صيغة الوجود."
    events = events_of(text, time("منتصف يونيو […]", "XXXX-06", "year_unknown"),
                       place("بغداد", "Baghdad", "capital", "IQ-BG", "IQ-BG"),
                       place("واشنطن", "Washington", "capital", "US"))
    row = events.iloc[0]
    assert (row.kind, row.modality, row.actor, row.target) == (
        "talks", "future", "Baghdad", "Washington")
    assert row.places == "" and row.proposed_year == "2020"


def test_attributed_event_keeps_its_source():
    text = "رصدت تقارير محلية ودولية خروج عناصر داعش من السجون بمبالغ كبيرة."
    events = events_of(text, actor("داعش", "ISIS", "Rebel group"))
    assert events[["kind", "actor", "source"]].values.tolist() == [
        ["prison_escape", "ISIS", "تقارير محلية ودولية"]]


def test_relative_clause_doer_and_since_period():
    text = ("عجزت الحكومة عن وضع حد للميليشيات الولائية التي نفذت أكثر من […] هجومًا "
            "على المصالح الأمريكية منذ أكتوبر […].")
    events = events_of(text, actor("الحكومة", "Government of Iraq", "Government"),
                       actor("لميليشيات الولائية", "Iran-aligned militias", "Political militia"),
                       time("منذ أكتوبر […]", "XXXX-10/2020-05", "year_unknown"))
    row = events.iloc[0]
    assert (row.actor, row.start, row.end) == ("Iran-aligned militias", "XXXX-10", "2020-05")
    assert row.target == "المصالح الأمريكية" and row.proposed_year == "2019"


def test_repeats_are_merged():
    text = "اجتاح داعش الموصل. وبعد اجتياح داعش الموصل تغير كل شيء."
    m = mentions(text, actor("داعش", "ISIS", "Rebel group"),
                 place("الموصل", "Mosul", "city", admin1="IQ-NI"))
    claims = find_claims(text, mentions=m)
    second = text.index("وبعد")
    m = pd.concat([m, mentions(text[second:], actor("داعش", "ISIS", "Rebel group"),
                               place("الموصل", "Mosul", "city", admin1="IQ-NI"))
                   .assign(start=lambda f: f["start"] + second, end=lambda f: f["end"] + second)])
    events = find_events(find_claims(text, mentions=m), m)
    assert len(claims) == 2 and len(events) == 1
    assert events.iloc[0].also_claims == "c2"


# --- ACLED export -----------------------------------------------------------------------

def test_to_acled_columns_dates_and_notes():
    text = ("سُجل أكثر من […] هجومًا نفذه تنظيم داعش خلال شهر أبريل المنصرم في الأنبار، "
            "وذلك منذ إعلان الانتصار عليه في ديسمبر […]، ومن المقرر حوار بين بغداد وواشنطن.")
    events = events_of(
        text, actor("تنظيم داعش", "ISIS", "Rebel group"),
        time("شهر أبريل المنصرم", "2020-04", "month_only"),
        time("ديسمبر […]", "XXXX-12", "year_unknown"),
        place("الأنبار", "Anbar", "governorate", "IQ-AN", "IQ-AN"),
        place("بغداد", "Baghdad", "capital", "IQ-BG", "IQ-BG"),
        place("واشنطن", "Washington", "capital", "US"),
        ("أكثر من […] هجومًا", "quantity", "", {"flags": "count_missing", "unit_key": "هجوم"}))
    documents = pd.DataFrame([{"doc_id": "", "title": "عودة داعش", "author": "كاتب",
                               "published": "2020-05"}])
    acled = to_acled(events, documents=documents)
    assert list(acled.columns) == ACLED_COLUMNS
    assert len(acled) == 2  # the future talks are left out
    attack, victory = acled.iloc[0], acled.iloc[1]
    assert (attack.event_date, attack.year, attack.time_precision) == ("2020-04-15", "2020", "3")
    assert (attack.actor1, attack.inter1, attack.admin1, attack.geo_precision) == (
        "ISIS", "2", "Anbar", "3")
    assert "count lost" in attack.notes and attack.fatalities == "0"
    assert attack.source == "عودة داعش (كاتب), 2020-05"
    assert victory.event_date == "" and "2017" in victory.notes
    every = to_acled(events, modalities=("asserted", "future"))
    assert len(every) == 3


def test_to_acled_part_of_month_and_day_precision():
    text = "ستجرى محادثات بين بغداد وواشنطن في منتصف يونيو 2020، وقد اغتيل ناشط في 3 مايو 2020."
    events = events_of(
        text, ("منتصف يونيو 2020", "time", "2020-06", {"precision": "month", "qualifier": "mid"}),
        time("3 مايو 2020", "2020-05-03", precision="day"),
        place("بغداد", "Baghdad", "capital", "IQ-BG", "IQ-BG"),
        place("واشنطن", "Washington", "capital", "US"))
    acled = to_acled(events, modalities=("asserted", "future")).set_index("sub_event_type")
    assert acled.loc["Other", ["event_date", "time_precision"]].tolist() == ["2020-06-15", "2"]
    assert acled.loc["Attack", ["event_date", "time_precision"]].tolist() == ["2020-05-03", "1"]


def test_to_acled_of_nothing():
    assert list(to_acled(pd.DataFrame(columns=EVENT_COLUMNS)).columns) == ACLED_COLUMNS


# --- the seed (reference reconstruction, with the mention finders) ----------------------

@pytest.fixture(scope="module")
def seed_events() -> pd.DataFrame:
    from workbench.find.mentions import find_mentions

    text = REFERENCE.read_text(encoding="utf-8")
    found = find_mentions(text, reference=MAY_2020)
    return find_events(find_claims(text, mentions=found, reference=MAY_2020), found)


def test_seed_april_isis_attacks(seed_events):
    april = seed_events[(seed_events["kind"] == "attack") & (seed_events["start"] == "2020-04")]
    assert april["actor"].str.contains("ISIS").all()
    assert set(april["admin1"]) >= {"Anbar", "Nineveh", "Salah al-Din", "Diyala"}
    assert len(april) == 5 and set(april["count_value"]) == {"missing"}


def test_seed_militia_attacks_since_october(seed_events):
    rows = seed_events[(seed_events["kind"] == "attack")
                       & seed_events["start"].str.endswith("-10")]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert "militia" in row.actor.lower() and row.end == "2020-05"
    assert row.start == "2019-10" or row.proposed_year == "2019"
    assert row.count_value == "missing"


@pytest.mark.parametrize(("kind", "start", "proposed", "modality"), [
    ("withdrawal", "", "2020", "asserted"),
    ("victory_declaration", "XXXX-12", "2017", "asserted"),
    ("talks", "XXXX-06", "2020", "future"),
    ("territory_capture", "", "2014", "asserted"),
    ("prison_escape", "", "", "asserted"),
])
def test_seed_events(seed_events, kind, start, proposed, modality):
    rows = seed_events[seed_events["kind"] == kind]
    assert len(rows) >= 1, kind
    row = rows.iloc[0]
    assert (row.start, row.proposed_year, row.modality) == (start, proposed, modality)


def test_seed_withdrawal_and_escape_details(seed_events):
    withdrawal = seed_events[seed_events["kind"] == "withdrawal"].iloc[0]
    assert "coalition" in withdrawal.actor.lower() and withdrawal.count_value == "missing"
    escape = seed_events[seed_events["kind"] == "prison_escape"].iloc[0]
    assert escape.source == "تقارير محلية ودولية"
    mosul = seed_events[seed_events["kind"] == "territory_capture"].iloc[0]
    assert mosul.location == "Mosul"


def test_seed_through_the_whole_pipeline():
    from workbench.analysis import analyze

    raw = (ROOT / "seeds" / "000_a7d0b04255543ba7.txt").read_text(encoding="utf-8")
    result = analyze(raw, published="2020-05", doc_id="seed")
    events, claims = result.events, result.claims
    april = events[(events["kind"] == "attack") & (events["start"] == "2020-04")]
    assert april["admin1"].nunique() >= 4 and april["actor"].str.contains("ISIS").all()
    assert (claims["source"] == "تقارير محلية ودولية").any()
    assert set(events["doc_id"]) == {"seed"}
    acled = to_acled(events)
    assert list(acled.columns) == ACLED_COLUMNS and len(acled) >= 5


@pytest.mark.parametrize("raw", [
    (ROOT / "seeds" / "000_a7d0b04255543ba7.txt").read_text(encoding="utf-8"),
    "انسحبت القوات الأمريكية من قاعدة التاجي في ديسمبر […].",
    "أسباب العودة\nهذا نص بلا حدث.",
    "",
])
def test_analyze_gives_the_stages_frames_with_doc_id(raw):
    """analyze passes claim rows straight to the events stage and builds each frame once
    with its doc_id: the result must be the stages' frames with doc_id inserted first."""
    from workbench.analysis import analyze, reference_date
    from workbench.find.mentions import find_mentions

    result = analyze(raw, published="2020-05", doc_id="d1")
    reference = reference_date("2020-05")
    mentions = find_mentions(result.text, reference=reference)
    claims = find_claims(result.text, mentions=mentions, reference=reference)
    events = find_events(claims, mentions, reference=reference)
    for got, stage in ((result.mentions, mentions), (result.claims, claims),
                       (result.events, events)):
        want = stage.copy()
        want.insert(0, "doc_id", "d1")
        pd.testing.assert_frame_equal(got, want, check_exact=True)
        assert got.attrs == want.attrs


def test_doc_id_and_an_index_give_the_same_tables_with_doc_id_first():
    from workbench.claims.index import Mentions

    text = "قالت الشرطة إن تنظيم داعش هاجم قرية في كركوك في أيار 2020، وقتل ثلاثة أشخاص."
    m = mentions(text, actor("تنظيم داعش", "Islamic State (ISIS)", "Rebel group"),
                 ("كركوك", "place", "Kirkuk", {"place_type": "city", "admin1": "IQ-KI"}),
                 time("أيار 2020", "2020-05"))
    claims = find_claims(text, mentions=m, reference=MAY_2020)
    events = find_events(claims, m)
    assert len(events) >= 1
    with_id = find_claims(text, mentions=Mentions.of(m), reference=MAY_2020, doc_id="d1")
    events_with_id = find_events(with_id, Mentions.of(m), doc_id="d1")
    for plain, got in ((claims, with_id), (events, events_with_id)):
        want = plain.copy()
        want.insert(0, "doc_id", "d1")
        pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert with_id.attrs == claims.attrs == {"reference": "2020-05-01"}


def _events_of(text: str, published: str | None = "2013-10-13"):
    return workbench.analyze(text, published=published).events


def test_an_explosion_verb_with_no_device_word_tells_the_explosion():
    ev = _events_of("أما في الديوانية فقد انفجرت سيارتان مفخختان قرب مرآب للنقل اليوم.")
    assert ev.kind.tolist() == ["explosion"] and ev.location.tolist() == ["Diwaniyah"]


def test_a_car_and_its_bomber_are_one_suicide_bombing():
    ev = _events_of("انفجرت سيارة ملغومة يقودها انتحاري في بعقوبة اليوم.")
    assert ev.sub_event_type.tolist() == ["Suicide bomb"]


def test_a_habit_of_a_place_is_no_event():
    assert len(_events_of("وتتعرض النقاط الأمنية في الأنبار بين فترة وأخرى لهجمات مسلحة.")) == 0


def test_what_a_place_witnessed_is_an_event_there():
    ev = _events_of("وشهدت أحياء الميسر والشعار قصفا بالبراميل المتفجرة، ما ألحق ضررا كبيرا.")
    assert len(ev) == 2 and ev.kind.tolist() == ["shelling", "shelling"]


def test_barrels_dropped_on_a_place_are_an_air_strike():
    ev = _events_of("ألقت مروحيات النظام عددا من البراميل على بلدة داعل.")
    assert ev.sub_event_type.tolist() == ["Air/drone strike"]
    assert len(_events_of("ارتفع سعر البراميل في الأسواق.")) == 0


def test_a_named_incident_after_bahda_is_background_even_with_its_date():
    ev = _events_of("انفجرت عبوة ناسفة في الخالدية اليوم.\n\nوتأتي الهجمات خصوصا بعد حادثة "
                    "الفلوجة في كانون الثاني 2012 التي قتل فيها 11 من أبناء المدينة.", published=None)
    # no publication date to measure the age by: the phrase بعد حادثة alone recalls it
    assert ev.role.tolist() == ["main", "background"]


def test_an_arrest_told_with_words_inside_the_idiom():
    ev = workbench.analyze("وكانت القوات العراقية ألقت القبض أول أمس على سبعة إرهابيين مطلوبين "
                           "في محافظة صلاح الدين.", published="2020-05-03").events
    assert ev.kind.tolist() == ["arrest"]
    # القبض without the verb of the idiom or على is no arrest ("receiving" a salary)
    ev = workbench.analyze("تأخر موعد القبض الشهري للرواتب في محافظة صلاح الدين.",
                           published="2020-05-03").events
    assert "arrest" not in set(ev["kind"])


def test_a_sentence_that_turns_to_another_incident_is_a_new_event():
    text = ("انفجرت عبوة ناسفة في حي المشفى بمدينة الصنمين. "
            "وبالتوازي، قتل مدرس بإطلاق نار في حي المشفى.")
    ev = workbench.analyze(text, published="2021-11-13").events
    assert ev.kind.tolist() == ["explosion", "attack"]
    # without the turn, the same place and day make one attack
    ev = workbench.analyze(text.replace("وبالتوازي، ", "و"), published="2021-11-13").events
    assert len(ev) == 1


def test_the_launch_site_of_rockets_is_no_second_attack():
    text = ("سقط صاروخان داخل قاعدة بلد الجوية مساء الأحد ما أدى إلى جرح عنصرين. "
            "وأعلنت خلية الإعلام الأمني أن استهداف قاعدة بلد الجوية جرى بواسطة خمسة صواريخ "
            "انطلقت من منطقة (دوجمة) التابعة لقضاء الخالص، مشيرة إلى أن الاستهداف أدى إلى "
            "إصابة اثنين من منتسبي فوج حماية القاعدة.")
    ev = workbench.analyze(text, published="2021-04-18").events
    assert ev.location.tolist() == ["Balad Air Base"]


def test_the_attacks_a_strike_answers_are_its_motive_not_its_place():
    text = ("وقالت الفصائل في بيان إنها قصفت القاعدة برشقة صاروخية ردا على الهجمات التي تشنها "
            "إسرائيل على قطاع غزة منذ 7 أكتوبر الماضي.")
    ev = workbench.analyze(text, published="2023-11-10").events
    assert "Gaza Strip" not in set(ev.location) and not any(ev.start.str.endswith("10-07"))
    text = "قصفت فصائل عراقية قاعدة خراب الجير في ريف الحسكة ردا على الهجمات الإسرائيلية على قطاع غزة."
    assert workbench.analyze(text, published="2023-11-10").events.location.tolist() == [
        "Kharab al-Jir airstrip"]


def test_a_governorate_lead_and_the_town_in_it_are_one_attack():
    text = ("شنت إسرائيل هجوما بالصواريخ على مواقع للجيش السوري في محافظة حماة بوسط سوريا اليوم. "
            "وذكرت الوكالة أن الدفاع الجوي تصدى لعدوان جوي إسرائيلي استهدف أحد المواقع العسكرية "
            "باتجاه مدينة مصياف في ريف حماة.")
    ev = workbench.analyze(text, published="2022-08-25").events
    assert len(ev) == 1 and ev.location.iloc[0] == "Maşyāf"


def test_a_standing_state_is_no_event_but_the_taking_is():
    # who holds a town (الخاضعة لسيطرة) or an agreement in force (بموجب اتفاق) frames the
    # clause; the attack told in it is the event
    a = workbench.analyze("ضرب انفجار مدينة عفرين الخاضعة لسيطرة القوات التركية، شمال غربي حلب.",
                          published="2021-10-11")
    assert a.events.kind.tolist() == ["explosion"]
    a = workbench.analyze("انسحبت القوات الأمريكية من قاعدة التاجي.", published="2021-10-11")
    assert a.events.kind.tolist() == ["withdrawal"]


def test_a_trigger_verb_matches_its_feminine_and_plural_subjects():
    # the lexicon lists اقتحم and اغتيل; اقتحموا and اغتيلت are the same verbs
    a = workbench.analyze("اقتحموا مركزاً للإنترنت في شارع البهو وسط مدينة البصرة.",
                          published="2020-08-20")
    assert a.events.kind.tolist() == ["attack"]
    a = workbench.analyze("ناشطة مدنية اغتيلت اليوم وسط مدينة البصرة.", published="2020-08-20")
    assert a.events.kind.tolist() == ["assassination"]


def test_a_clause_with_no_event_gives_its_place_to_the_next_one_in_the_sentence():
    a = workbench.analyze("وأشار المراسل إلى أن عصابة مسلحة قدمت من ريف السويداء وداهمت خياماً للبدو "
                          "قرب قرية “مسيكة الغربية” في منطقة “اللجاة”، واختطفت طفلين من العشيرة.",
                          published="2021-10-11")
    assert a.events.kind.tolist() == ["abduction"]
    assert a.events.location.tolist() == ["مسيكة الغربية"]


def test_a_feminine_dual_subject_takes_the_dual_verb_as_a_trigger():
    text = ("ومساء السبت، أفاد المرصد السوري لحقوق الإنسان بأن ضربتين إسرائيليتين استهدفتا موقع "
            "رادار للجيش السوري في شمال السويداء.")
    ev = workbench.analyze(text, published="2024-10-26").events
    assert len(ev) == 1 and ev.iloc[0]["start"] == "2024-10-26"


def test_the_dual_of_an_attack_noun_is_a_trigger_and_a_lead_that_sums_up():
    # غارتين is the dual of غارة by the morphology, with no line of its own in the lexicon
    ev = workbench.analyze("نفذت طائرات التحالف غارتين على بلدة هجين.", published="2020-06-10").events
    assert ev[["kind", "location"]].values.tolist() == [["airstrike", "Hajin"]]
    # placed at a country only, the dual sums up the strikes told one by one after it
    ev = workbench.analyze("قتل عشرة مدنيين في غارتين جويتين بسوريا.\n\n"
                           "واستهدفت الغارة الأولى بلدة هجين.", published="2020-06-10").events
    assert ev.location.tolist() == ["Hajin"]


@pytest.mark.parametrize("text", [
    "وتوعدت الجماعة بشن هجمات على القواعد الأمريكية في العراق",
    "قالت الشرطة إن المسلحين يخططون لتنفيذ هجوم في كركوك",
    "وحذرت السلطات من أن التنظيم يعتزم شن هجمات داخل كركوك",
])
def test_threat_or_plan_in_any_person_reports_no_event(text):
    # the verbs are listed by their principal parts; توعدت، يخططون، يعتزم are the morphology's
    assert workbench.analyze(text).events.empty


def test_the_attack_itself_is_an_event():
    ev = workbench.analyze("شن التنظيم هجمات على القواعد في كركوك").events
    assert ev["location"].tolist() == ["Kirkuk"]


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل أربعة أشخاص بانفجار سيارة مفخخة في مدينة منبج صباح اليوم.",
     [("Manbij", "Aleppo", "Syria")]),
    # two towns of two governorates, two attacks: each row keeps its own governorate
    ("قتل مدني بقصف على مدينة سراقب، وفي مدينة القامشلي قتل عنصران بهجوم مسلح.",
     [("Saraqib", "Idlib", "Syria"), ("Al Qāmishlī", "Al-Hasakah", "Syria")]),
    ("قتل مدني برصاص قناص في مدينة تعز مساء أمس.", [("Taiz", "Taiz", "Yemen")]),
])
def test_a_town_of_the_wars_carries_its_governorate(text: str, expected: list) -> None:
    ev = workbench.analyze(text).events
    assert list(zip(ev.location, ev.admin1, ev.country, strict=True)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل مدنيان بقصف صاروخي على مدينة درعا صباح اليوم. وأصيب أربعة بقصف مدفعي على مدينة طفس"
     " في ريف درعا الغربي.", [("Dar‘ā", "2", ""), ("Ţafas", "", "4")]),
    ("قتل مدنيان بقصف على مدينة حلب. وأصيب أربعة بقصف على مدينة الباب في ريف حلب الشرقي.",
     [("Aleppo", "2", ""), ("Al Bāb", "", "4")]),
])
def test_a_town_in_the_countryside_is_not_the_city(text: str, expected: list) -> None:
    # ريف درعا lies around the city of درعا: a town there is another attack's place
    ev = workbench.analyze(text, published="2020-02-02").events
    assert list(zip(ev.location, ev.fatalities.astype(str), ev.injured.astype(str),
                    strict=True)) == expected


def test_a_town_the_clause_places_on_the_side_told_is_that_attack():
    # the lead tells of a side of the city; the next clause's town lies on that side
    text = ("أصيب ثلاثة مدنيين بانفجار عبوة ناسفة جنوبي الفلوجة اليوم الاثنين. وقال مصدر أمني إن"
            " العبوة انفجرت قرب سوق في ناحية عامرية الفلوجة (30 كم جنوبي الفلوجة).")
    ev = workbench.analyze(text, published="2020-02-03").events
    assert len(ev) == 1
    assert "Amiriyat al-Fallujah" in ev.places[0].split(";")


def test_an_aim_is_no_attack_and_lends_no_place():
    # لشن هجمات: the purpose lam on the verbal noun of a support verb tells an aim
    text = "قصفت الطائرات مخابئ في بلدة سرمين يستخدمها المسلحون لشن هجمات على مدينة سراقب."
    ev = workbench.analyze(text, published="2021-05-02").events
    assert ev.location.tolist() == ["Sarmīn"]
    text = "اعتقلت القوات ثلاثة مسلحين كانوا يخططون لتنفيذ هجوم داخل مدينة الرمادي."
    assert "Ramadi" not in set(workbench.analyze(text, published="2021-05-02").events.location)


def test_an_event_since_which_a_period_runs_is_a_point_in_time_not_news():
    text = "ويتبادل الطرفان القصف بشكل شبه يومي منذ هجوم المسلحين على مدينة سراقب في أيار الماضي."
    assert "Saraqib" not in set(workbench.analyze(text, published="2021-09-02").events.location)
    text = "شنت القوات هجوما على بلدة سرمين اليوم، هو الأول منذ سيطرة الفصائل عليها."
    ev = workbench.analyze(text, published="2021-09-02").events
    assert ev.kind.tolist() == ["attack"] and ev.location.tolist() == ["Sarmīn"]


def test_a_reaction_and_a_reason_lend_no_place_to_the_attack_before_them():
    # كرد فعل على، بسبب: what the attack answers or is blamed on happened elsewhere
    text = ("هاجم مسلحون حاجزا للجيش في مدينة كركوك اليوم، ما أدى لمقتل 18 جنديا، وجاء الهجوم "
            "كرد فعل على الحملة التي تستهدف مدينة الموصل.")
    ev = workbench.analyze(text, published="2021-05-02").events
    assert ev.location.tolist() == ["Kirkuk"] and "Mosul" not in ev.places.iloc[0]
    text = "شنت الفصائل هجوما بطائرة مسيرة على قاعدة عين الأسد بسبب الدعم الأمريكي لإسرائيل في حربها على غزة."
    ev = workbench.analyze(text, published="2021-05-02").events
    assert len(ev) == 1 and "Gaza" not in ev.places.iloc[0]

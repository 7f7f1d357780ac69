"""The gazetteer (sources/places.yml): read strictly, matched in each language's way, reported when unused."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from scripts.contract import FrontMatter, PlacesError, parse_places
from scripts.ingest import batch, places
from scripts.ingest.cli import main
from scripts.ingest.model import Article, Block, Role

from .helpers import ROOT

GAZETTEER = """\
cao-bang:
  country: vn
  vi: [Cao Bằng]
  zh: [高平]
  uk: [Каобанг, Цаобан]
  ignore:
    zh: [提高平]
quang-ninh:
  country: vn
  vi: [Quảng Ninh]
  zh: [广宁]
  uk: [Куангнінь]
ha-long:
  country: vn
  in: quang-ninh
  vi: [Hạ Long]
  zh: [下龙]
  uk: [Халонг]
bang-tuong:
  country: cn
  vi: [Bằng Tường]
  zh: [凭祥]
  uk: [Пінсян]
"""


def gazetteer(text: str = GAZETTEER) -> places.Gazetteer:
    return places.Gazetteer.build(parse_places(text), text)


def found(lang: str, text: str, g: places.Gazetteer | None = None) -> list[str]:
    return list(dict.fromkeys(s.place for s in (g or gazetteer()).find(lang, text)))


# --- reading places.yml ----------------------------------------------------------------------


def test_the_repositorys_gazetteer_names_the_provinces_and_region_in_every_language():
    entries = parse_places((ROOT / "sources" / "places.yml").read_text(encoding="utf-8"))
    for place in ("cao-bang", "ha-giang", "lang-son", "quang-ninh", "hai-phong", "guangxi"):
        assert set(entries[place].spellings) == {"vi", "zh", "uk"}
    assert entries["cao-bang"].spellings["uk"][:2] == ("Каобанг", "Каобан")
    assert "廣寧" in entries["quang-ninh"].spellings["zh"]
    assert entries["mong-cai"].within == "quang-ninh" and entries["guangxi"].country == "cn"


def test_the_first_spelling_is_the_name_shown_and_each_spelling_knows_its_line():
    entries = parse_places(GAZETTEER)
    assert entries["cao-bang"].name("uk") == "Каобанг"
    assert entries["cao-bang"].lines[("uk", "Цаобан")] == 5
    assert entries["ha-long"].within == "quang-ninh"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("cao-bang:\n  country: vn\n  vi: [Cao Bằng]\n  zh: [高平]\n", 1, "has no uk name"),
        ("Cao Bang:\n  country: vn\n", 1, "not a place id"),
        ("cao-bang:\n  country: vn\n  vi: [Cao Bằng]\n  zh: [高平]\n  uk: [Каобанг]\n  name: x\n", 6, "unknown field"),
        ("cao-bang:\n  country: fr\n  vi: [a]\n  zh: [b]\n  uk: [c]\n", 2, "`country` must be one of"),
        ("cao-bang:\n  country: vn\n  vi: [a, [b]]\n  zh: [c]\n  uk: [d]\n", 3, "must be text"),
        ("a:\n  country: vn\n  in: nowhere\n  vi: [a]\n  zh: [b]\n  uk: [c]\n", 1, "is not a place of places.yml"),
        (
            "a:\n  country: vn\n  vi: [Hà]\n  zh: [b]\n  uk: [c]\nb:\n  country: vn\n  vi: [x, Hà]\n  zh: [d]\n  uk: [e]\n",
            8,
            "given for both 'a' and 'b'",
        ),
        ("a:\n  country: vn\n  vi: [x\n", 4, "not valid YAML"),
        ("a:\n  country: vn\n  vi: [a]\n  zh: [b]\n  uk: [c]\n  ignore: [x]\n", 6, "`ignore` must give phrases"),
    ],
)
def test_a_mistake_in_places_yml_is_named_with_its_line_and_a_fix(text, line, message):
    with pytest.raises(PlacesError) as caught:
        parse_places(text)
    assert caught.value.line == line and message in caught.value.message, caught.value.message
    assert caught.value.fix


def test_a_broken_gazetteer_stops_the_ingest_naming_the_file_and_line(repo_copy, capsys):
    (repo_copy / "sources" / "places.yml").write_text("cao-bang:\n  country: vn\n  vi: [Cao Bằng]\n", encoding="utf-8")
    assert main(["--sources-dir", str(repo_copy / "sources")]) == 1
    err = capsys.readouterr().err
    assert "sources/places.yml:1: place 'cao-bang' has no zh name" in err


# --- finding places in an article ---------------------------------------------------------------


def test_vietnamese_names_are_whole_words_capitalized_or_in_capitals():
    assert found("vi", "Đoàn công tác tỉnh Cao Bằng thăm Hạ Long.") == ["cao-bang", "ha-long"]
    assert found("vi", "THÔNG CÁO CHUNG GIỮA CAO BẰNG VÀ QUẢNG NINH") == ["cao-bang", "quang-ninh"]
    assert found("vi", "Khu vực được bao bằng tường rào kiên cố.") == []  # "by a wall", not Bằng Tường
    assert found("vi", "Cao Bằngx") == []
    assert found("vi", unicodedata.normalize("NFD", "tỉnh Cao Bằng")) == ["cao-bang"]  # decomposed marks


def test_ukrainian_names_are_found_with_their_case_endings():
    assert found("uk", "секретарі Куангніня, Цаобана та Каобангу") == ["cao-bang", "quang-ninh"]
    assert found("uk", "у місті Халонг") == ["ha-long"]
    assert found("uk", "Халонгівщинами") == []  # more than a case ending: another word


def test_chinese_names_are_found_in_either_script_even_if_the_gazetteer_gives_one():
    g = gazetteer()
    assert found("zh", "在越南广宁省下龙市举行", g) == ["quang-ninh", "ha-long"]
    assert found("zh", "在越南廣寧省下龍市舉行", g) == ["quang-ninh", "ha-long"]  # Traditional: OpenCC's forms
    assert found("zh", "进一步提高平台水平", g) == []  # 提高平台 holds 高平 without naming Cao Bằng
    assert found("zh", "越南高平省", g) == ["cao-bang"]


def test_a_language_is_only_searched_for_its_own_spellings():
    assert found("vi", "广宁 Куангнінь") == []


def test_each_article_gets_its_places_in_the_gazetteers_order_and_the_spellings_found_are_kept():
    g = gazetteer()
    article = Article(
        key="k",
        lang="vi",
        title="Hạ Long đón đoàn Cao Bằng",
        blocks=[Block(Role.PARAGRAPH, "Đại biểu tỉnh Cao Bằng và Quảng Ninh.", (2,))],
        source="sources/k/source.txt",
    )
    spellings = places.mark([article], g)
    assert article.places == ("cao-bang", "quang-ninh", "ha-long")
    assert {s.text for s in spellings} == {"Cao Bằng", "Quảng Ninh", "Hạ Long"}
    fragment = {"articles": [{}]}
    places.report(fragment, [article], spellings)
    missing = places.unused(g, [fragment])
    assert ("bang-tuong", "vi", "Bằng Tường") in {(s.place, s.lang, s.text) for s in missing}
    assert ("cao-bang", "vi", "Cao Bằng") not in {(s.place, s.lang, s.text) for s in missing}


def test_places_reach_the_front_matter_and_read_back():
    matter = FrontMatter(title="T", key="k", lang="vi", places=("cao-bang", "ha-long"))
    assert "places: [cao-bang, ha-long]\n" in matter.dump()
    assert FrontMatter.read(matter.dump(), "vi", "k", "k.md").places == ("cao-bang", "ha-long")
    assert "places" not in FrontMatter(title="T", key="k", lang="vi").dump()


# --- the ingest as a whole ------------------------------------------------------------------------


def run(repo: Path, *args: str) -> int:
    return main(["--sources-dir", str(repo / "sources"), *args])


def test_the_ingest_writes_each_articles_places(repo_copy):
    assert run(repo_copy, "--quiet") == 0
    text = (repo_copy / "docs" / "uk" / "articles" / "2025-02-19-spring-meeting.md").read_text(encoding="utf-8")
    # Цаобана, Куангніня, Хазянга: declined forms in the text.
    assert "places: [cao-bang, ha-giang, lang-son, quang-ninh, ha-long, hai-phong, guangxi]" in text


def test_a_spelling_no_article_holds_is_reported_as_a_note(repo_copy, capsys):
    gazetteer_file = repo_copy / "sources" / "places.yml"
    gazetteer_file.write_text(
        gazetteer_file.read_text(encoding="utf-8").replace(
            "uk: [Каобанг, Каобан, Цаобан]", "uk: [Каобанг, Цаобан, Каубанґ]"
        ),
        encoding="utf-8",
    )
    report = repo_copy / "report.json"
    assert run(repo_copy, "--report", str(report)) == 0
    out = capsys.readouterr().out
    assert "spelling(s) in places.yml are in no article" in out
    line = next(
        n for n, text in enumerate(gazetteer_file.read_text(encoding="utf-8").splitlines(), 1) if "Каубанґ" in text
    )
    assert f"sources/places.yml:{line}  uk spelling 'Каубанґ' of 'cao-bang'" in out
    assert "'Цаобан'" not in out  # in the Ukrainian report, declined: Цаобана
    notes = json.loads(report.read_text(encoding="utf-8"))["notes"]
    assert {"source": "sources/places.yml", "line": line} | {
        "message": "uk spelling 'Каубанґ' of 'cao-bang' is in no article"
    } in [{k: n[k] for k in ("source", "line", "message")} for n in notes]


def test_a_change_to_places_yml_ingests_every_source_again(repo_copy, monkeypatch):
    assert run(repo_copy, "--quiet") == 0
    seen = []
    real = batch.ingest
    monkeypatch.setattr(batch, "ingest", lambda source: seen.append(source.path) or real(source))
    assert run(repo_copy, "--quiet") == 0
    assert seen == [], "unchanged: everything from the cache"
    gazetteer_file = repo_copy / "sources" / "places.yml"
    gazetteer_file.write_text(
        gazetteer_file.read_text(encoding="utf-8").replace("vi: [Móng Cái]", "vi: [Móng Cái, Mong Cai]"),
        encoding="utf-8",
    )
    assert run(repo_copy, "--quiet") == 0
    assert len(seen) == 5


def test_an_editor_adds_a_place_by_editing_the_yaml(repo_copy):
    assert run(repo_copy, "--quiet") == 0
    gazetteer_file = repo_copy / "sources" / "places.yml"
    added = "van-don:\n  country: vn\n  in: quang-ninh\n  vi: [Vân Đồn]\n  zh: [云屯]\n  uk: [Вандон]\n"
    gazetteer_file.write_text(gazetteer_file.read_text(encoding="utf-8") + "\n" + added, encoding="utf-8")
    assert run(repo_copy, "--quiet") == 0
    path = repo_copy / "docs" / "vi" / "articles" / "2023-02-22-joint-communique.md"
    matter = FrontMatter.read(path.read_text(encoding="utf-8"), "vi", path.stem, path)
    assert "van-don" in matter.places  # its text says `Vân Đồn – Móng Cái`

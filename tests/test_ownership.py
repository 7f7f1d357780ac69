"""Which source may write which article file: the rules, on made-up claims."""

from scripts.ingest.ownership import Claim, OnDisk, decide, explain, folder

VI = "vi/articles/k.md"
ZH = "zh/articles/k.md"


def claim(name: str, *paths: str, fresh: bool = True) -> Claim:
    return Claim(f"sources/{name}/source.txt", paths, fresh)


def test_sources_with_their_own_files_are_allowed():
    decision = decide([claim("a", VI), claim("b", ZH)], {}, full_run=True, failed=set())
    assert [c.source for c in decision.allowed] == ["sources/a/source.txt", "sources/b/source.txt"]
    assert decision.refused == [] and decision.stale == []


def test_two_sources_claiming_one_file_both_fail_whatever_their_order():
    for order in ([claim("a", VI), claim("b", VI)], [claim("b", VI), claim("a", VI)]):
        decision = decide(order, {}, full_run=True, failed=set())
        assert decision.allowed == []
        assert {r.claim.source: r.others for r in decision.refused} == {
            "sources/a/source.txt": ("sources/b/source.txt",),
            "sources/b/source.txt": ("sources/a/source.txt",),
        }


def test_a_hand_written_file_is_never_overwritten():
    decision = decide([claim("a", VI)], {VI: OnDisk(None)}, full_run=True, failed=set())
    (refusal,) = decision.refused
    assert refusal.owner is None
    assert "which ingestion did not write" in explain(refusal, "docs", lambda s: None).message


def test_a_file_another_existing_source_wrote_is_not_overwritten():
    on_disk = {VI: OnDisk("sources/b/source.txt", owner_exists=True)}
    (refusal,) = decide([claim("a", VI)], on_disk, full_run=False, failed=set()).refused
    assert (
        explain(refusal, "docs", lambda s: None).message
        == "writes the same file as sources/b/source.txt: docs/vi/articles/k.md"
    )


def test_a_file_whose_source_is_gone_or_is_this_one_may_be_rewritten():
    gone = {VI: OnDisk("sources/b/source.txt", owner_exists=False)}
    mine = {VI: OnDisk("sources/a/source.html", owner_exists=True)}
    for on_disk in (gone, mine):
        assert [c.source for c in decide([claim("a", VI)], on_disk, True, set()).allowed] == ["sources/a/source.txt"]


def test_files_the_cache_vouches_for_are_not_checked_again():
    on_disk = {VI: OnDisk(None)}
    assert decide([claim("a", VI, fresh=False)], on_disk, True, set()).refused == []


def test_on_a_full_run_articles_no_source_makes_are_stale_unless_their_source_failed():
    on_disk = {
        VI: OnDisk("sources/a/source.txt"),
        "vi/articles/old.md": OnDisk("sources/old/source.txt"),
        "vi/articles/broken.md": OnDisk("sources/broken/source.txt"),
        "vi/articles/by-hand.md": OnDisk(None),
    }
    decision = decide([claim("a", VI)], on_disk, full_run=True, failed={"sources/broken"})
    assert decision.stale == ["vi/articles/old.md"]
    assert decide([claim("a", VI)], on_disk, full_run=False, failed=set()).stale == []


def test_a_clash_points_at_the_key_line_of_meta_yml_or_at_a_bare_file():
    decision = decide([claim("a", VI, ZH), claim("b", VI)], {}, True, set())
    refusal = next(r for r in decision.refused if r.claim.source == "sources/a/source.txt")
    err = explain(refusal, "docs", lambda s: ("sources/a/meta.yml", 3))
    assert (err.path, err.line) == ("sources/a/meta.yml", 3)
    assert "`key`: k is also the key of sources/b/source.txt, and both make its vi article" in err.message
    bare = explain(refusal, "docs", lambda s: None)
    assert bare.path == "sources/a/source.txt" and "from the file name" in bare.message


def test_folder_of_a_file_or_a_folder():
    assert folder("sources/a/source.txt") == "sources/a"
    assert folder("sources/a") == "sources/a"

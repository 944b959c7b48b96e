"""How the labelled stands-alone set meets the tool's reading of its articles: labels follow
their sentence's text, across a dateline or initials the cleaner now cuts; a sentence read otherwise loses
its label, and the loss is counted and bounded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests import standalone_eval as ev

needs_data = pytest.mark.skipif(
    not (ev.DATA_DIR / "dev.01.jsonl").exists(), reason=f"IndoSum folds not found in {ev.DATA_DIR}"
)


def _row(index: int, label: str, depends_on: int | None = None) -> dict[str, object]:
    return {"article": "a", "index": index, "label": label, "depends_on": depends_on, "why": ""}


def _carry(labelled: list[str], tool: list[str], rows: list[dict[str, object]]) -> tuple[dict, int]:
    return ev.carry_labels(rows, {"a": ev.Reading("1", labelled, tool)})


def test_a_label_is_kept_across_a_dateline_the_tool_now_cuts() -> None:
    labelled = ["Jakarta, CNN Indonesia - - Harga beras naik lima persen.", "Dia  mengatakan hal itu."]
    tool = ["Harga beras naik lima persen.", "Dia mengatakan hal itu."]
    labels, unmatched = _carry(labelled, tool, [_row(0, "STANDALONE"), _row(1, "NEEDS_CONTEXT", 0)])
    assert unmatched == 0
    assert labels[("1", 0)]["label"] == "STANDALONE"
    assert labels[("1", 1)]["depends_on"] == 0


def test_a_label_is_kept_across_initials_the_tool_now_cuts() -> None:
    labelled = ["Harga beras naik lima persen.", "KPK menyita mobil hingga apartemen. (gil)", "(Antara)"]
    tool = ["Harga beras naik lima persen.", "KPK menyita mobil hingga apartemen."]
    rows = [_row(0, "STANDALONE"), _row(1, "STANDALONE"), _row(2, "FURNITURE")]
    labels, unmatched = _carry(labelled, tool, rows)
    assert unmatched == 1  # the credit alone: the tool reads no sentence so now
    assert labels[("1", 1)]["label"] == "STANDALONE"


def test_a_grown_sentence_stays_unlabelled_and_is_counted() -> None:
    # The tool used to cut "GO -" as a dateline; it now reads IndoSum's "GO - JEK" whole.
    labelled = ["JEK perlahan tapi pasti menambah fungsionalitas.", "Fitur itu baru.", "Harga naik."]
    tool = ["GO - JEK perlahan tapi pasti menambah fungsionalitas.", "Fitur itu baru.", "Harga naik."]
    rows = [_row(0, "STANDALONE"), _row(1, "NEEDS_CONTEXT", 0), _row(2, "STANDALONE")]
    labels, unmatched = _carry(labelled, tool, rows)
    # The grown sentence's label spoke of other text; the one leaning on it cannot be checked.
    assert unmatched == 2
    assert set(labels) == {("1", 2)}


def test_labels_follow_their_sentence_when_an_earlier_one_is_split() -> None:
    labelled = ["Pertama. Kedua.", "Dia datang.", "Harga naik."]
    tool = ["Pertama.", "Kedua.", "Dia datang.", "Harga naik."]
    rows = [_row(0, "STANDALONE"), _row(1, "NEEDS_CONTEXT", 0), _row(2, "STANDALONE")]
    labels, unmatched = _carry(labelled, tool, rows)
    assert unmatched == 2  # the split sentence, and the one that depends on it
    assert set(labels) == {("1", 3)} and labels[("1", 3)]["index"] == 3


def test_a_label_follows_its_sentence_when_the_tool_keeps_its_list_number_with_it() -> None:
    # The segmenter once cut "1." off as a sentence; it now keeps it with its item.
    labelled = ["Apa saja kesalahannya?", "1.", "Terbang selama 24 jam.", "Ini pernah dilakukan Kayla."]
    tool = ["Apa saja kesalahannya?", "1. Terbang selama 24 jam.", "Ini pernah dilakukan Kayla."]
    rows = [_row(0, "TEASER"), _row(1, "FRAGMENT"), _row(2, "FRAGMENT"), _row(3, "NEEDS_CONTEXT", 2)]
    labels, unmatched = _carry(labelled, tool, rows)
    assert unmatched == 1  # the bare number: no sentence of the tool's reads so now
    assert labels[("1", 1)]["label"] == "FRAGMENT"
    assert labels[("1", 2)]["depends_on"] == 1


def test_a_label_never_moves_onto_part_of_a_longer_sentence() -> None:
    # Only a cut dateline may be missing from the front: "Kedua." is not "Pertama. Kedua.".
    assert ev.match_sentences(["Pertama. Kedua.", "Harga naik."], ["Kedua.", "Harga naik."]) == {1: 1}


@needs_data
def test_load_stops_when_many_labels_no_longer_match(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ev, "match_sentences", lambda labelled, got: {})
    with pytest.raises(SystemExit, match=r"heldout2: \d+ of \d+ labels no longer match"):
        ev.load("heldout2")


@needs_data
def test_the_script_says_how_many_labels_no_longer_match() -> None:
    done = subprocess.run(
        [sys.executable, str(ev.ROOT / "scripts" / "eval_standalone.py"), "--split", "heldout2", "--json"],
        capture_output=True,
        text=True,
        cwd=ev.ROOT,
        check=True,
    )
    result = json.loads(done.stdout)
    data = ev.load("heldout2")
    assert (
        result["unmatched_labels"] == data.unmatched <= ev.MAX_UNMATCHED * (len(data.labels) + data.unmatched)
    )


def test_the_readers_agreement_is_cohens_kappa_over_the_labels_they_gave() -> None:
    # scripts/agreement.py, shared by the scripts that build the labelled sets. 4 items, 3 agree:
    # observed 0.75; chance 0.5 * 0.25 + 0.5 * 0.75 = 0.5; kappa 0.5 (FACT/SOFT too, which a
    # list of the stands-alone labels alone would not count: kappa would equal raw agreement).
    code = (
        "import sys; sys.path.insert(0, 'scripts'); from agreement import kappa; "
        "print(kappa(['FACT', 'FACT', 'SOFT', 'SOFT'], ['FACT', 'SOFT', 'SOFT', 'SOFT']))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ev.ROOT, capture_output=True, text=True, check=True
    )
    assert float(out.stdout) == 0.5


def test_a_readers_own_openings_are_judged_by_the_other_reader() -> None:
    # scripts/eval_reader_agreement.py: each reader opens with the first sentence they call
    # STANDALONE. Article a: the first reader calls its lead a TEASER and opens with sentence 1,
    # which the second calls NEEDS_CONTEXT (bad); the second opens with the lead, which the first
    # calls a TEASER (bad). Article b: both open with its lead (good). Article c: the first
    # reader calls nothing STANDALONE, so opens nothing.
    code = (
        "import sys; sys.path.insert(0, 'scripts'); from types import SimpleNamespace as A; "
        "from eval_reader_agreement import own_openings; "
        "L = lambda *xs: {(a, i): {'label': l} for a, i, l in xs}; "
        "one = L(('a', 0, 'TEASER'), ('a', 1, 'STANDALONE'), ('b', 0, 'STANDALONE'), ('c', 0, 'FRAGMENT')); "
        "two = L(('a', 0, 'STANDALONE'), ('a', 1, 'NEEDS_CONTEXT'), ('b', 0, 'STANDALONE'), ('c', 0, 'STANDALONE')); "
        "arts = [A(id='a'), A(id='b'), A(id='c')]; "
        "print(own_openings(arts, one, two), own_openings(arts, two, one))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ev.ROOT, check=True
    )
    assert done.stdout.strip() == "(2, 1) (3, 2)"


def _raw_record(rid: str, sentence: str) -> dict[str, object]:
    tokens = [*sentence.rstrip(".").split(), "."]
    return {
        "id": rid,
        "paragraphs": [[tokens, ["Harga", "beras", "naik", "."]]],
        "gold_labels": [[True, False]],
        "summary": [tokens],
    }


def test_a_fold_no_checkout_holds_is_rebuilt_from_the_records_the_set_keeps(tmp_path: Path) -> None:
    # dev.04 and dev.05 are not in every INDOSUM_DIR: their articles come from the set's own
    # "records" parts, and the three folds every checkout holds still come from the folder.
    data = tmp_path / "indosum"
    data.mkdir()
    (data / "dev.01.jsonl").write_text(
        json.dumps(_raw_record("7", "Presiden meresmikan jembatan di Kupang.")) + "\n"
    )
    ev.write_rows(
        "records",
        [{"fold": "04", "split": "heldout34", "record": _raw_record("7", "Menteri membuka pasar.")}],
        tmp_path,
    )
    rows = [
        {"fold": "01", "article": "indosum:7"},
        {"fold": "04", "article": "indosum:7"},
        {"fold": "seeds", "article": "seed:001.txt"},
    ]
    records = ev.records_for(rows, data, tmp_path)
    assert set(records) == {("01", "7"), ("04", "7")}
    assert records[("01", "7")].paragraphs[0][0] == "Presiden meresmikan jembatan di Kupang."
    assert records[("04", "7")].paragraphs[0][0] == "Menteri membuka pasar."
    assert records[("04", "7")].fold == "04"


def _draw(*args: str) -> subprocess.CompletedProcess[str]:
    script = ev.ROOT / "scripts" / "make_standalone_set.py"
    return subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, cwd=ev.ROOT)


def test_a_fresh_draw_never_writes_into_the_set_itself() -> None:
    # Without --out a fresh draw used to overwrite the set's articles with the draw's.
    done = _draw("--fresh", "heldout99")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1].endswith(
        "--fresh needs --out DIR, a draw folder outside the set (--merge-fresh DIR adds it)"
    )


def test_a_fresh_draw_from_a_fold_the_folder_lacks_says_so_in_one_line(tmp_path: Path) -> None:
    done = _draw(
        "--fresh", "heldout99", "--folds", "04", "--data", str(tmp_path), "--out", str(tmp_path / "d")
    )
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1].endswith(
        f"no dev.04.jsonl in {tmp_path} (--data names the folder of the folds)"
    )
    assert not (tmp_path / "d").exists()


def test_a_draw_from_a_later_fold_keeps_raw_records_and_leaves_out_the_first_folds(tmp_path: Path) -> None:
    data = tmp_path / "indosum"
    data.mkdir()
    body = [f"Pejabat ke-{k} meresmikan jembatan nomor {k} di Kupang pada Senin." for k in range(7)]

    def record(rid: str) -> dict[str, object]:
        tokens = [[*s.rstrip(".").split(), "."] for s in body]
        return {"id": rid, "paragraphs": [tokens], "gold_labels": [[False] * 7], "summary": tokens[:1]}

    for fold in ("01", "02", "03"):
        (data / f"dev.{fold}.jsonl").write_text(json.dumps(record("1")) + "\n")
    # "1" is in the first folds too: a model may have been tuned on it, so the draw leaves it out.
    (data / "dev.04.jsonl").write_text("".join(json.dumps(record(r)) + "\n" for r in ("1", "2")))
    out = tmp_path / "d"
    done = _draw(
        "--fresh", "heldout99", "--folds", "04", "--per-fold", "5", "--data", str(data), "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    drawn = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    kept = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    assert [(r["article"], r["fold"], r["split"]) for r in drawn] == [("indosum:2", "04", "heldout99")]
    assert kept == [{"fold": "04", "split": "heldout99", "record": record("2")}]


def test_a_fresh_merge_reads_the_shards_labels_and_not_a_readers_batch_files(tmp_path: Path) -> None:
    # heldout37: a reader left "labels_shard3_b1.jsonl" beside "labels_shard3.jsonl".
    for name in (
        "labels_shard0.jsonl",
        "labels_shard3.jsonl",
        "labels_shard3_b1.jsonl",
        "labels_shardX.jsonl",
    ):
        (tmp_path / name).write_text("")
    code = (
        "import sys; sys.path.insert(0, 'scripts'); from pathlib import Path; "
        "from make_standalone_set import shard_label_files; "
        f"print([p.name for p in shard_label_files(Path({str(tmp_path)!r}))])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ev.ROOT, check=True
    )
    assert done.stdout.strip() == "['labels_shard0.jsonl', 'labels_shard3.jsonl']"


def test_a_set_of_text_files_is_drawn_merged_outside_the_repository_and_scored(tmp_path: Path) -> None:
    # Text whose licence does not let the repository keep it (a detik.com data set with no
    # licence) is labelled and scored from a set folder outside it, its articles as text files.
    texts = tmp_path / "texts"
    texts.mkdir()
    for k in range(3):
        body = " ".join(
            [f"Wali Kota Kupang meresmikan jembatan nomor {k} di Oebobo pada Senin (6/10/2025)."]
            + [f"Jembatan itu menelan biaya Rp {k + j} miliar dari APBD." for j in range(1, 7)]
        )
        (texts / f"{k:04d}.txt").write_text(
            f"Jembatan {k} Diresmikan di Kupang\n\n{body}\n", encoding="utf-8"
        )
    draw, into = tmp_path / "draw", tmp_path / "set"
    done = _draw(
        "--fresh", "outside1", "--texts", *map(str, sorted(texts.iterdir())), "--count", "2",
        "--seed", "3", "--id-prefix", "kota", "--out", str(draw),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    drawn = [json.loads(line) for line in (draw / "articles.jsonl").read_text().splitlines()]
    assert [(r["fold"], r["split"]) for r in drawn] == [(ev.TEXTS, "outside1")] * 2
    assert {r["article"] for r in drawn} <= {"kota:0000", "kota:0001", "kota:0002"}
    assert sorted(p.name for p in (draw / "texts").iterdir()) == sorted(r["source"] for r in drawn)
    # The readers' labels: the lead stands alone, "Jembatan itu ..." leans on it.
    labels = [
        {"article": r["article"], "index": s["index"], "label": "STANDALONE" if s["index"] == 0 else "NEEDS_CONTEXT",
         "depends_on": None if s["index"] == 0 else 0, "why": "-"}
        for r in drawn for s in r["sentences"] if s["to_label"]
    ]  # fmt: skip
    (draw / "labels_shard0.jsonl").write_text("".join(json.dumps(x) + "\n" for x in labels))
    done = _draw("--merge-fresh", str(draw), "--into", str(into))
    assert done.returncode == 0, done.stderr
    assert not (ev.SET / "texts").exists()  # nothing of it in the repository's set
    assert ev.splits_present(into) == ["outside1"]
    result = ev.evaluate("outside1", folder=into)
    assert result["articles"] == 2 and result["labelled_sentences"] == len(labels)
    assert result["unmatched_labels"] == 0
    # Every brief opens with the lead, the one sentence the readers call standalone.
    assert result["briefs"]["3"]["first_not_standalone_share"] == 0.0
    script = ev.ROOT / "scripts" / "eval_standalone.py"
    cli = subprocess.run(
        [sys.executable, str(script), "--set", str(into), "--split", "outside1", "--json"],
        capture_output=True, text=True, cwd=ev.ROOT,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout)["labelled_sentences"] == len(labels)

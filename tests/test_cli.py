"""The CLI end to end through typer's runner, checked through the JSON contract."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize import load_articles
from summarize.cli import app
from summarize.rank.standalone import judge
from tests.test_clean import FURNITURE

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
runner = CliRunner()


def _json(*args: str) -> dict[str, Any]:
    result = runner.invoke(app, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def digest_json() -> dict[str, Any]:
    return _json("digest", str(SEEDS), "--no-translate", "--with-briefs")


def test_digest_contract(digest_json: dict[str, Any]) -> None:
    assert set(digest_json) == {"articles", "briefs", "digest", "model", "notes"}
    assert digest_json["model"] is None  # --no-translate
    articles = {a["id"]: a for a in digest_json["articles"]}
    assert list(articles) == ["1", "2", "3", "4", "5"]
    for a in articles.values():
        assert set(a) >= {
            "id",
            "source",
            "title",
            "language",
            "published",
            "publisher",
            "duplicate_of",
            "sentences",
        }
        assert [s["index"] for s in a["sentences"]] == list(range(len(a["sentences"])))
    items = digest_json["digest"]["items"]
    assert 3 <= len(items) <= 10
    for item in items:
        assert item["text"] == item["source_text"]  # --no-translate
        cited = [(c["article"], c["index"]) for c in item["citations"]]
        assert len(set(cited)) == len(cited)
        for aid, index in cited:  # every citation resolves
            assert 0 <= index < len(articles[aid]["sentences"])
        first = item["citations"][0]
        sentence = articles[first["article"]]["sentences"][first["index"]]["text"]
        if item["trimmed"]:  # a leading connective left off; start/end slice what is shown
            assert sentence.endswith(" " + item["source_text"])
        else:
            assert sentence == item["source_text"]


def test_offsets_slice_back_to_the_sentence(digest_json: dict[str, Any]) -> None:
    for a in digest_json["articles"]:
        text = (ROOT / a["source"]).read_text(encoding="utf-8")  # absolute paths stay absolute
        for s in a["sentences"]:
            assert " ".join(text[s["start"] : s["end"]].split()) == s["text"]


def test_top_item_is_the_headline_fact_and_no_furniture_is_cited(digest_json: dict[str, Any]) -> None:
    items = digest_json["digest"]["items"]
    # The story's headline fact (1,000 containers of equipment and ammunition) is in the top
    # three when the judgement is sure its sentence stands alone (precision first: a line is
    # read out of its article); else it is no line at all, and its article is still cited.
    by_id = {a.id: a for a in load_articles([SEEDS]).articles}
    headline = [
        (a["id"], s["index"])
        for a in digest_json["articles"]
        for s in a["sentences"]
        if "1.000 kontainer" in s["text"]
    ]
    sure = any(judge(by_id[a])[i].line for a, i in headline)
    assert headline and any("1.000 kontainer" in i["source_text"] for i in items[:3]) == sure
    if not sure:
        assert not any("1.000 kontainer" in i["source_text"] for i in items)
        assert {a for a, _ in headline} <= {
            a for s in digest_json["digest"]["stories"] for a in s["articles"]
        }
    sentences = {(a["id"], s["index"]): s["text"] for a in digest_json["articles"] for s in a["sentences"]}
    for item in items:
        for c in item["citations"]:
            text = sentences[(c["article"], c["index"])]
            assert not any(marker in text for marker in FURNITURE), text
    # Items are ordered by importance, which counts backing sources.
    assert [i["score"] for i in items] == sorted((i["score"] for i in items), reverse=True)


def test_briefs_are_in_source_order(digest_json: dict[str, Any]) -> None:
    for b in digest_json["briefs"]:
        indices = [s["index"] for s in b["sentences"]]
        assert indices == sorted(indices) and len(indices) == 3
        for s in b["sentences"]:
            assert s["text"] == s["source_text"]


def test_brief_json_and_markdown() -> None:
    data = _json("brief", str(SEEDS), "--no-translate", "-n", "2")
    assert set(data) == {"articles", "briefs", "model", "notes"}
    assert [len(b["sentences"]) for b in data["briefs"]] == [2] * 5
    md = runner.invoke(app, ["brief", str(SEEDS), "--no-translate"])
    assert md.exit_code == 0
    assert md.stdout.count("\n## ") + md.stdout.startswith("## ") == 5


def test_digest_markdown_cites_and_lists_sources(tmp_path: Path) -> None:
    out = tmp_path / "digest.md"
    result = runner.invoke(app, ["digest", str(SEEDS), "--no-translate", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.startswith("- ")]
    # Every line ends with its citations (the first dated when the line says "kemarin" or
    # the like; "article date unknown" when its article names no day), or with a count, which
    # appears only from two independent publishers.
    cite = r"\[\d+\.\d+(, (\d{1,2} \w{3} \d{4}|article date unknown))?\]"
    assert lines and all(
        re.search(rf"{cite}(\[\d+\.\d+\])*( _\([2-9]\d* sources\)_)?$", line) for line in lines
    )
    assert "1 source" not in text
    assert "## Sources" in text and "seeds/000_67ac5ad99854fffb.txt" in text


def test_text_format() -> None:
    result = runner.invoke(app, ["digest", str(SEEDS), "--no-translate", "-f", "text"])
    assert result.exit_code == 0
    assert result.stdout.startswith("News digest\n===========\n1 story from 5 articles")


def test_clean_shows_kept_and_dropped_with_rules() -> None:
    result = runner.invoke(app, ["clean", str(SEEDS / "000_67ac5ad99854fffb.txt")])
    assert result.exit_code == 0
    assert "- read-also" in result.stdout
    assert "- dateline           Jakarta, IDN Times -" in result.stdout
    assert "  [1.1] Mark Milley" in result.stdout


def test_mixed_folder_exits_3_and_names_each_skipped_file(tmp_path: Path) -> None:
    for p in SEEDS.glob("*.txt"):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    (tmp_path / "zz_empty.txt").write_text("")
    (tmp_path / "zz_binary.txt").write_bytes(bytes(range(256)) * 4)
    result = runner.invoke(app, ["digest", str(tmp_path), "--no-translate", "-f", "json"])
    assert result.exit_code == 3
    assert len(json.loads(result.stdout)["articles"]) == 5
    assert "zz_empty.txt: empty" in result.stderr
    assert "zz_binary.txt: binary file" in result.stderr
    assert "Traceback" not in result.output


def test_nothing_usable_exits_1_with_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["digest", str(tmp_path / "missing.txt"), "--no-translate"])
    assert result.exit_code == 1
    assert result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if line.startswith("summarize: error")]
    assert len(errors) == 1 and "Traceback" not in result.output


def test_an_english_article_is_named_once_on_stderr(tmp_path: Path) -> None:
    english = tmp_path / "english.txt"
    english.write_text(
        "Rice Prices Rise Across Java as Harvest Is Delayed\n\n"
        "Rice prices rose in markets across Java this week after heavy rain delayed the harvest, "
        "traders said on Tuesday. The government said it would release stocks from the state "
        "logistics agency to keep prices in check.\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["brief", str(SEEDS / "004_aa34f2be23785672.txt"), str(english), "--no-translate"]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"summarize: article 2 ({english}) reads as English, not Indonesian: its sentences are shown as they are"
    ]
    assert "Rice prices rose" in result.stdout  # shown, not dropped


def test_usage_error_exits_2() -> None:
    assert runner.invoke(app, ["digest", str(SEEDS), "-f", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["brief"]).exit_code == 2


def test_stdin() -> None:
    text = (SEEDS / "004_aa34f2be23785672.txt").read_text(encoding="utf-8")
    result = runner.invoke(app, ["brief", "-", "--no-translate", "-f", "json"], input=text)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"][0]["source"] == "-"
    assert data["articles"][0]["title"].startswith("AS: Korea Utara Kirim 1.000 Kontainer")


def test_help_for_every_command() -> None:
    for args in (["--help"], ["brief", "--help"], ["digest", "--help"], ["clean", "--help"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and "Usage" in result.stdout


def test_no_translate_never_imports_torch_or_transformers() -> None:
    code = (
        "import sys; from summarize.cli import app\n"
        "try:\n    app(['digest', 'seeds', '--no-translate', '-f', 'json'])\n"
        "except SystemExit as e:\n    assert e.code == 0, e.code\n"
        "heavy = ('torch', 'transformers', 'ctranslate2', 'summarize.translate.ct2', 'summarize.deliver', 'jinja2')\n"
        "bad = [m for m in heavy if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_a_registered_ranker_and_backend_are_cli_choices() -> None:
    # The CLI's choices are the library's registries: a ranker or backend registered before
    # main() runs is chosen like a built-in one, and an unknown one is a usage error.
    code = (
        "import sys\n"
        "from summarize.rank import CentralityRanker, register_ranker\n"
        "from summarize.translate import IdentityTranslator, register_backend\n"
        "class Last(CentralityRanker):\n"
        "    name = 'last'\n"
        "    def score(self, article, feats):\n"
        "        return [float(i) for i in range(len(feats))]\n"
        "register_ranker('last', Last)\n"
        "register_backend('echo', IdentityTranslator)\n"
        "from summarize.cli import main\n"
        "sys.argv = ['summarize', *sys.argv[1:]]\n"
        "main()\n"
    )

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=120
        )

    seed = str(SEEDS / "004_aa34f2be23785672.txt")
    done = run("brief", seed, "-n", "2", "--ranker", "last", "--no-translate", "-f", "json")
    assert done.returncode == 0, done.stderr
    (b,) = json.loads(done.stdout)["briefs"]
    last = len(json.loads(done.stdout)["articles"][0]["sentences"]) - 1
    assert [s["index"] for s in b["sentences"]] == [last - 1, last]
    assert "last" in run("digest", "--help").stdout
    assert run("brief", seed, "--ranker", "nope", "--no-translate").returncode == 2
    done = run("translate", "Halo dunia.", "--backend", "echo", "--no-cache")
    assert done.returncode == 0 and done.stdout.strip() == "Halo dunia.", done.stderr


# --- outside text is inert wherever it is shown (issue 25, finding 5) -------------------------

ESC, BEL, RLO = "\x1b", "\x07", "\u202e"
LIVE = (ESC, BEL, "\r", RLO)
HOSTILE = (
    "Banjir besar melanda Jakarta\n\n"
    f"Banjir besar melanda Jakarta Selatan pada hari Senin pagi {ESC}[31mmerah{BEL} setelah hujan "
    f"deras semalaman. Warga di Bandung {RLO} membalik urutan kutipan setelah air naik [2.1] [3.4]. "
    "Pemerintah kota mengirim bantuan kepada ribuan warga yang mengungsi ke masjid.\n"
)


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"a{ESC}]0;owned{BEL}{ESC}[2J.txt").write_text(HOSTILE, encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["markdown", "text", "json", "html"])
def test_every_format_shows_control_and_bidi_characters_inert(hostile_folder: Path, fmt: str) -> None:
    result = runner.invoke(app, ["digest", str(hostile_folder), "--no-translate", "--with-briefs", "-f", fmt])
    assert result.exit_code == 0, result.output
    assert not [ch for ch in LIVE if ch in result.stdout], fmt
    if fmt == "json":  # escaped as JSON: the data still reads back exactly
        doc = json.loads(result.stdout)
        assert RLO in doc["articles"][0]["sentences"][1]["text"]
        assert f"{ESC}]0;owned" in doc["articles"][0]["source"]
    else:
        assert "\\u202e" in result.stdout and "\\x1b" in result.stdout


@pytest.mark.parametrize("fmt", ["markdown", "text", "html"])
def test_a_left_to_right_mark_is_shown_as_nothing(tmp_path: Path, fmt: str) -> None:
    text = HOSTILE.replace(f"{ESC}[31mmerah{BEL}", "Wihara Dharma Bhakti\u200e").replace(RLO, "")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["digest", str(tmp_path), "--no-translate", "--with-briefs", "-f", fmt])
    assert result.exit_code == 0, result.output
    assert "Wihara Dharma Bhakti setelah" in " ".join(result.stdout.split()), result.stdout
    assert "\u200e" not in result.stdout and "\\u200e" not in result.stdout


def test_cite_prints_a_sentence_inert(hostile_folder: Path) -> None:
    result = runner.invoke(app, ["cite", str(hostile_folder), "1.1"])
    assert result.exit_code == 0, result.output
    assert not [ch for ch in LIVE if ch in result.stdout]
    assert "\\x1b[31mmerah\\x07" in result.stdout


def test_a_file_name_cannot_forge_or_colour_stderr_lines(tmp_path: Path) -> None:
    forged = tmp_path / f"x{ESC}[31m\nsummarize: wrote evil.md\n.txt"
    forged.write_text("", encoding="utf-8")  # empty: skipped, and named on stderr
    (tmp_path / f"latin{ESC}[1m.txt").write_bytes(
        HOSTILE.replace(RLO, "").encode("cp1252", "replace") + b"caf\xe9\n"
    )
    result = runner.invoke(app, ["brief", str(tmp_path), "--no-translate"])
    assert result.exit_code == 3, result.output
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith("summarize: ") for line in lines), lines
    assert not any(line.startswith("summarize: wrote") for line in lines)
    assert ESC not in result.stderr
    assert any("\\nsummarize: wrote evil.md\\n" in line for line in lines)  # shown, escaped
    assert any("latin\\x1b[1m.txt" in line and "cp1252" in line for line in lines)  # a logged warning

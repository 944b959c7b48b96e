"""Every CLI command in a fresh process: help that reads at 80 columns, and one real run each.

A command module that fails to import, or an import cycle that only bites when a command
runs alone, shows up here even when the in-process tests pass.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import typer.main

from summarize.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def run(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None, module: bool = False
) -> subprocess.CompletedProcess[str]:
    """The CLI in a fresh process: as the console script runs it, or (`module`) `python -m summarize`."""
    entry = ["-m", "summarize"] if module else ["-c", "from summarize.cli import main; main()"]
    return subprocess.run(
        [sys.executable, *entry, *args],
        cwd=ROOT,
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb", **(env or {})},
    )


def _commands(group: Any, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    # Typer's groups have `commands` (typer vendors its own click, so no isinstance check).
    out = []
    for name, cmd in group.commands.items():
        path = (*prefix, name)
        out.append((path, cmd))
        if hasattr(cmd, "commands"):
            out += _commands(cmd, path)
    return out


COMMANDS = _commands(typer.main.get_command(app))


def test_the_command_list_is_complete() -> None:
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"brief", "digest", "clean", "cite", "email", "translate", "config"} <= names
    assert {"model download", "model convert", "model info", "cache info", "cache clear"} <= names


def _help(path: tuple[str, ...]) -> tuple[tuple[str, ...], subprocess.CompletedProcess[str]]:
    return path, run(*path, "--help")


def test_every_help_reads_cleanly_at_80_columns() -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(_help, [(), *(path for path, _ in COMMANDS)]))
    for path, proc in results:
        where = " ".join(path) or "summarize"
        assert proc.returncode == 0, (where, proc.stderr)
        out = proc.stdout
        assert "Usage:" in out, where
        assert all(len(line) <= 80 for line in out.splitlines()), where
        # Flags read as flags, arguments by their names: none of typer's internal type names.
        for bad in ("<bool>", "<list[str]>", "{sources}", "<int", "…", "Value error"):
            assert bad not in out, (where, bad)
    helps = {" ".join(path): proc.stdout for path, proc in results}
    # Choices are listed whole; defaults and environment variables are visible.
    digest = " ".join(helps["digest"].split())
    for phrase in (
        "markdown (or md), text (or txt), json or html",
        "transformers or ctranslate2; identity copies",  # identity named for what it is
        "auto, cpu or cuda",
    ):
        assert phrase in digest
    for phrase in (
        "SUMMARIZE_MODEL",
        "SUMMARIZE_BACKEND",
        "[default: 20]",
        "(default: 4)",
        "--quiet",
        "--verbose",
    ):
        assert phrase in digest
    email = " ".join(helps["email"].split())
    assert "SUMMARIZE_SMTP_PASSWORD" in email and "SUMMARIZE_SMTP_HOST" in email
    assert "--version" in helps[""] and "--install-completion" in helps[""]


def test_version() -> None:
    from summarize import __version__

    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"summarize {__version__}"


@pytest.mark.parametrize("args", [["-q", "digest"], ["digest", "-q"], ["digest", "--quiet"]])
def test_quiet_works_before_or_after_the_command(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01binary")
    proc = run(*args, str(SEEDS), str(tmp_path / "junk.txt"), "--no-translate", "-n", "2")
    assert proc.returncode == 3  # the junk file is skipped ...
    assert "skipped" in proc.stderr  # ... and named even under -q: skips are never silent
    assert proc.stdout.startswith("# News digest\n\n_1 story from 5 articles")
    assert "skipped" in proc.stdout  # the digest itself says what the run left out


def test_verbose_after_the_command_adds_timings() -> None:
    proc = run("digest", str(SEEDS), "--no-translate", "-v", "-n", "2")
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"digest of 5 articles in \d+\.\d\d s", proc.stderr)


def test_model_and_cache_commands_run_in_a_fresh_process(tiny_model: Path, tmp_path: Path) -> None:
    converted = tmp_path / "ct2"
    proc = run("model", "convert", str(tiny_model), "-o", str(converted))
    assert proc.returncode == 0, proc.stderr
    assert (converted / "model.bin").exists()
    proc = run("model", "info")
    assert proc.returncode == 0, proc.stderr
    assert "libraries:" in proc.stdout and "device:" in proc.stdout
    proc = run("model", "download", "some-org/not-a-model", env={"HF_HUB_OFFLINE": "1"})
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    proc = run("translate", "--model", str(tiny_model), "Harga beras naik.")
    assert proc.returncode == 0, proc.stderr
    proc = run("cache", "info")
    assert proc.returncode == 0 and re.search(r"entries: [1-9]", proc.stdout), proc.stdout
    proc = run("cache", "clear")
    assert proc.returncode == 0 and re.fullmatch(r"removed 1 cached translation\n", proc.stdout), proc.stdout


def test_translate_with_no_text_is_a_one_line_error() -> None:
    proc = run("translate", stdin="  \n")
    assert proc.returncode == 1
    assert (
        proc.stderr.strip()
        == "summarize: error: no text to translate: pass TEXT, or pipe Indonesian text into stdin"
    )


def test_cite_prints_what_every_digest_citation_points_to() -> None:
    proc = run("digest", str(SEEDS), "--no-translate", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    sentences = {(a["id"], s["index"]): s for a in data["articles"] for s in a["sentences"]}
    cited = {(c["article"], c["index"]) for item in data["digest"]["items"] for c in item["citations"]}
    for article, index in sorted(cited)[:4]:
        out = run("cite", str(SEEDS), f"{article}.{index + 1}")
        assert out.returncode == 0, out.stderr
        s = sentences[(article, index)]
        assert out.stdout.startswith(f"[{article}.{index + 1}] {s['text']}\n")
        assert f"characters {s['start']}-{s['end']}" in out.stdout


def test_cite_errors_are_one_line() -> None:
    missing = run("cite", str(SEEDS), "9.1")
    assert missing.returncode == 1 and "no article 9" in missing.stderr
    malformed = run("cite", str(SEEDS), "4")
    assert malformed.returncode == 2 and "not a citation like 2.4" in malformed.stderr
    # Articles are numbered: "2.4.1" is no citation, not sentence 1 of an "article 2.4".
    for bad in ("2.4.1", "1.\u00b2"):
        proc = run("cite", str(SEEDS), bad)
        assert proc.returncode == 2, (bad, proc.stderr)
        assert (
            proc.stderr
            == f"summarize: error: {bad!r} is not a citation like 2.4 (article 2, sentence 4; both count from 1)\n"
        )
    too_far = run("cite", str(SEEDS), "1.999")
    assert too_far.returncode == 1 and "has" in too_far.stderr and "sentences" in too_far.stderr


def test_cite_takes_several_citations_after_the_sources(tmp_path: Path) -> None:
    """Read as a user: `cite A 7.20 5.19`, two citations copied from a digest, read 7.20 as a
    missing file ("skipped 7.20: no such file or directory", exit 3) and printed 5.19 only. A
    word after the sources that reads as a citation and names no file is a citation."""
    first, second = run("cite", str(SEEDS), "1.2"), run("cite", str(SEEDS), "[2.1]")
    both = run("cite", str(SEEDS), "1.2", "[2.1]")
    assert both.returncode == 0 and not both.stderr, both.stderr
    assert both.stdout == first.stdout + second.stdout
    # A file named like a citation is still a source; one source always stays.
    named = tmp_path / "1.2"
    named.write_text("Banjir melanda Jakarta Selatan pada Senin pagi.\n", encoding="utf-8")
    proc = run("cite", str(named), "1.1")
    assert proc.returncode == 0 and proc.stdout.startswith("[1.1] Banjir melanda"), proc.stderr
    proc = run("cite", str(SEEDS), str(named), "6.1")
    assert proc.returncode == 0 and proc.stdout.startswith("[6.1] Banjir melanda"), proc.stderr
    # A bad one among them is the usual one-line error, after the ones that resolve (round 42,
    # an editor: `cite ... 16.8 99.1 2.99` printed nothing for the valid 16.8).
    proc = run("cite", str(SEEDS), "1.2", "9.1", "[2.1]", "1.999")
    assert proc.returncode == 1 and proc.stdout == both.stdout
    assert proc.stderr.count("\n") == 1 and "no article 9" in proc.stderr and "not 999" in proc.stderr
    assert "sentence 4; both count from 1" in run("cite", str(SEEDS), "1.0").stderr


def test_counts_agree_with_their_nouns(tmp_path: Path) -> None:
    """One of a thing is singular: "1 sentences kept, 1 lines dropped" read as a slip."""
    one = tmp_path / "one.txt"
    one.write_text(
        "Sukses\nKorea Utara telah mengirimkan lebih dari 1.000 kontainer peralatan militer ke Rusia, "
        "kata Gedung Putih pada Jumat.\n",
        encoding="utf-8",
    )
    proc = run("clean", str(one))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "   1 sentence kept, 1 line dropped"
    proc = run("clean", str(SEEDS / "000_67ac5ad99854fffb.txt"))
    assert re.search(r"^   \d+ sentences kept, \d+ lines dropped$", proc.stdout, re.MULTILINE), proc.stdout
    proc = run("cite", str(one), "1.2")
    assert proc.returncode == 1 and proc.stderr == "summarize: error: article 1 has 1 sentence, not 2\n"
    proc = run("brief", str(one), "--no-translate", "-v")
    assert re.search(r"read 1 source in .* briefs of 1 article in ", " ".join(proc.stderr.split()))


def test_config_shows_each_setting_and_where_it_comes_from(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('backend = "ctranslate2"\nsmtp_password = "hunter2"\n')
    proc = run("config", env={"SUMMARIZE_BEAM": "2", "SUMMARIZE_CONFIG": str(config)})
    assert proc.returncode == 0, proc.stderr
    assert "beam = 2  (env SUMMARIZE_BEAM)" in proc.stdout
    assert f"backend = ctranslate2  (config file {config})" in proc.stdout
    assert "device = auto  (default)" in proc.stdout
    assert "hunter2" not in proc.stdout and "smtp_password = ***" in proc.stdout
    assert "cache_dir:" in proc.stdout and "state_dir:" in proc.stdout


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "digest.html"
    code = "import os; os.umask(0o022)\nfrom summarize.cli import main\nmain()"
    proc = subprocess.run(
        [sys.executable, "-c", code, "digest", str(SEEDS), "--no-translate", "-f", "html", "-o", str(target)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["digest.html"]  # no temp file left


def test_python_dash_m_runs_the_same_cli() -> None:
    # `python -m summarize`, for where the console script is not on PATH (a venv not activated).
    def module(*args: str) -> subprocess.CompletedProcess[str]:
        return run(*args, module=True)

    helped = module("--help")
    assert helped.returncode == 0
    assert "python -m summarize" in helped.stdout
    assert all(name in helped.stdout for name in ("brief", "digest", "clean", "cite", "email", "translate"))
    digest = module("digest", str(SEEDS), "--no-translate")
    assert digest.returncode == 0
    assert digest.stdout == run("digest", str(SEEDS), "--no-translate").stdout
    missing = module("brief", "nosuch.txt", "--no-translate")
    assert missing.returncode == 1
    assert "Traceback" not in missing.stderr
    assert "nosuch.txt" in missing.stderr


def test_output_never_overwrites_an_input(tmp_path: Path) -> None:
    """`brief same.txt -o same.txt` replaced the article with its brief, without a word."""
    article = tmp_path / "same.txt"
    text = (SEEDS / "004_aa34f2be23785672.txt").read_bytes()
    article.write_bytes(text)
    (tmp_path / "link.txt").symlink_to(article)
    for source, out in [("same.txt", "same.txt"), ("same.txt", "./same.txt"), ("link.txt", "same.txt")]:
        proc = run("brief", str(tmp_path / source), "--no-translate", "-o", str(tmp_path / out))
        assert proc.returncode == 2 and proc.stdout == "", proc.stderr
        assert proc.stderr == (
            f"summarize: error: -o {tmp_path / out} would overwrite the input {tmp_path / source}; "
            "choose another file\n"
        )
    assert article.read_bytes() == text
    # Inside an input folder: a file the folder reads (now, or on the next run) is an input.
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_bytes(text)
    for command in (["digest", "--no-translate"], ["clean"], ["email", "--to", "r@example.org", "--dry-run"]):
        proc = run(*command, str(folder), "-o", str(folder / "digest.md"))
        assert proc.returncode == 2, (command, proc.stderr)
        assert proc.stderr == (
            f"summarize: error: -o {folder / 'digest.md'} is inside the input folder {folder}, which reads "
            "it as an article; write the result outside that folder\n"
        )
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]
    # What the folder never reads may go there: a .json result, a dry run's .eml.
    proc = run("digest", str(folder), "--no-translate", "-f", "json", "-o", str(folder / "digest.json"))
    assert proc.returncode == 0, proc.stderr
    proc = run(
        "email", str(folder), "--no-translate", "--to", "r@example.org", "--dry-run", "-o", str(folder)
    )
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.suffix for p in folder.iterdir()) == [".eml", ".json", ".txt"]


def test_output_in_a_missing_folder_is_refused_before_any_work(tmp_path: Path) -> None:
    """`digest DIR -o /nonexist/dir/out.md` made /nonexist at the root of the file system."""
    out = tmp_path / "nonexist" / "dir" / "out.md"
    for command in (["digest", "--no-translate"], ["email", "--to", "r@example.org", "--dry-run"]):
        proc = run(*command, str(SEEDS), "-o", str(out))
        assert proc.returncode == 2 and proc.stdout == "", (command, proc.stderr)
        assert proc.stderr == (
            f"summarize: error: cannot write {out}: folder {out.parent} does not exist (create it first)\n"
        )
    assert list(tmp_path.iterdir()) == []


def test_output_ending_in_a_separator_names_a_folder(tmp_path: Path) -> None:
    """`email --dry-run -o missing/` wrote a file named missing, and `digest -o missing/` did too:
    a path that ends in a separator is a folder (as a shell's `>` reads it), never a file."""
    missing = f"{tmp_path / 'missing'}{os.sep}"
    email = ["email", "--no-translate", "--to", "r@example.org", "--dry-run"]
    proc = run(*email, str(SEEDS), "-o", missing)
    assert proc.returncode == 2 and proc.stdout == "", proc.stderr
    assert proc.stderr == (
        f"summarize: error: cannot write {missing}: folder {tmp_path / 'missing'} does not exist "
        "(create it first)\n"
    )
    for command in (["digest", "--no-translate"], ["brief", "--no-translate"], ["clean"]):
        proc = run(*command, str(SEEDS / "004_aa34f2be23785672.txt"), "-o", missing)
        assert proc.returncode == 2 and proc.stdout == "", (command, proc.stderr)
        assert proc.stderr == (
            f"summarize: error: -o {missing} names a folder (it ends in {os.sep}); name the file to write\n"
        ), command
        # A folder that exists is refused the same way (it was click's usage box).
        proc = run(*command, str(SEEDS / "004_aa34f2be23785672.txt"), "-o", str(tmp_path))
        assert proc.returncode == 2 and proc.stdout == "", (command, proc.stderr)
        assert proc.stderr == f"summarize: error: -o {tmp_path} is a folder; name the file to write\n"
    # A file named as a folder is refused too, and left as it was.
    (tmp_path / "digest.eml").write_text("kept")
    proc = run(*email, str(SEEDS), "-o", f"{tmp_path / 'digest.eml'}{os.sep}")
    assert proc.returncode == 2 and proc.stderr.endswith(f"{tmp_path / 'digest.eml'} is not a folder\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.eml"]
    assert (tmp_path / "digest.eml").read_text() == "kept"
    # A folder that exists, with or without the separator, gets a new .eml named for the time.
    (tmp_path / "out").mkdir()
    for named in (f"{tmp_path / 'out'}{os.sep}", str(tmp_path / "out")):
        proc = run(*email, str(SEEDS), "-o", named)
        assert proc.returncode == 0, proc.stderr
        (written,) = (tmp_path / "out").iterdir()
        assert re.fullmatch(r"summarize-digest-\d{8}-\d{6}\.eml", written.name)
        assert f"dry run: wrote {written} (" in proc.stderr
        written.unlink()


def test_a_date_written_otherwise_is_refused_saying_how_to_write_it() -> None:
    """`--since 1/10/2017` answered "does not match the formats '%Y-%m-%d'" (typer's message):
    the form in words, and the day such a value names written so (in words too, since D/M is
    a guess); an example where it names none."""
    source = str(SEEDS / "004_aa34f2be23785672.txt")
    told = {
        "1/10/2017": "'1/10/2017' is not a date written YYYY-MM-DD; for 1 October 2017, write 2017-10-01",
        "10/13/2017": "'10/13/2017' is not a date written YYYY-MM-DD; for 13 October 2017, write 2017-10-13",
        "2017-02-30": "'2017-02-30' is not a date written YYYY-MM-DD, such as 2023-10-01 (1 October 2023)",
        "kemarin": "'kemarin' is not a date written YYYY-MM-DD, such as 2023-10-01 (1 October 2023)",
    }
    for value, message in told.items():
        proc = run("brief", source, "--no-translate", "--since", value)
        shown = " ".join(proc.stderr.replace("\N{BOX DRAWINGS LIGHT VERTICAL}", " ").split())
        assert proc.returncode == 2 and f"Invalid value for '--since': {message}" in shown, proc.stderr
        assert "%Y" not in shown
    proc = run("brief", source, "--no-translate", "--since", "2017-10-01", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    # No option is left to typer's date type, whose message names strftime codes.
    dated = [(path, p.name) for path, cmd in COMMANDS for p in cmd.params if "Date" in type(p.type).__name__]
    assert not dated, dated


def test_choices_are_taken_in_any_case() -> None:
    """`-f JSON` was refused: 'JSON' is not a known format."""
    source = str(SEEDS / "004_aa34f2be23785672.txt")
    proc = run("brief", source, "--no-translate", "-f", "JSON")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["articles"][0]["id"] == "1"
    proc = run("brief", source, "--no-translate", "-f", "Html", "--ranker", "Centrality")
    assert proc.returncode == 0 and proc.stdout.startswith("<!DOCTYPE html>"), proc.stderr
    proc = run("brief", source, "--no-translate", "-f", "pdf")
    assert proc.returncode == 2 and "'pdf' is not a known format" in proc.stderr


def test_f_takes_the_extensions_that_name_a_format() -> None:
    """`-f md` was refused ("'md' is not a known format") while `-o digest.md` meant markdown:
    -f takes each extension -o takes, in any case, and --help says so."""
    source = str(SEEDS / "004_aa34f2be23785672.txt")
    for alias, fmt in (("md", "markdown"), ("MD", "markdown"), ("txt", "text"), ("htm", "html")):
        proc = run("brief", source, "--no-translate", "-f", alias)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == run("brief", source, "--no-translate", "-f", fmt).stdout, alias
    helped = " ".join(run("brief", "--help").stdout.replace("\N{BOX DRAWINGS LIGHT VERTICAL}", " ").split())
    assert "markdown (or md), text (or txt), json or html (or htm)." in helped


def test_output_format_follows_the_extension_unless_f_names_one(tmp_path: Path) -> None:
    """`-o x.html` and `-o x.json` wrote markdown into them."""
    source = str(SEEDS / "004_aa34f2be23785672.txt")
    starts = {
        "x.html": "<!DOCTYPE html>",
        "x.JSON": "{",
        "x.txt": "[1] AS: Korea Utara",
        "x.md": "## 1. AS: Korea Utara",
        "x.xml": "## 1. AS: Korea Utara",  # no format's extension: the default, markdown
    }
    for name, start in starts.items():
        proc = run("brief", source, "--no-translate", "-o", str(tmp_path / name))
        assert proc.returncode == 0, proc.stderr
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start), name
    proc = run("brief", source, "--no-translate", "-f", "text", "-o", str(tmp_path / "y.html"))
    assert proc.returncode == 0 and (tmp_path / "y.html").read_text(encoding="utf-8").startswith("[1] AS:")


def test_model_download_help_names_the_revision_it_uses() -> None:
    # It promised "the pinned one for the default model", whose revision is main (models/README.md).
    from summarize.translate.families import PRESETS

    helped = " ".join(
        run("model", "download", "--help").stdout.replace("\N{BOX DRAWINGS LIGHT VERTICAL}", " ").split()
    )
    assert "pinned" not in helped
    assert "default: main, or the revision `summarize model info` lists for a preset" in helped
    assert PRESETS["opus-mt"].revision == "main"  # if it gets pinned, say so in the help


def test_the_identity_backend_is_offered_as_a_test_tool_and_still_runs() -> None:
    # --help listed "transformers, ctranslate2 or identity" as three ways to translate; identity
    # copies the source, so a user who chose it got every line withheld.
    helped = " ".join(run("brief", "--help").stdout.replace("\N{BOX DRAWINGS LIGHT VERTICAL}", " ").split())
    assert "transformers or ctranslate2; identity copies the Indonesian unchanged, for testing" in helped
    used = run(
        "brief", str(SEEDS / "004_aa34f2be23785672.txt"), "--backend", "identity", "--no-cache", "-f", "json"
    )
    assert used.returncode == 0, used.stderr
    assert json.loads(used.stdout)["model"]["backend"] == "identity"

"""Cost of one hostile-sized input: wall time and peak memory, each case in a fresh process.

Cases (files are generated into a temporary folder):

  sentences  a 316 KB text of 6,000 sentences on one line (issue 14's reproduction):
             `summarize brief p.txt --no-translate`
  paragraph  a 3.2 MB one-paragraph text (60,000 sentences): the same command
  paragraphs a 1.8 MB text of 9,000 short paragraphs (round 42: a library user's 2 MB of
             news bodies took 23 s to read, its lines each compared with every kept one)
  meta-tags  a 200 KB page of 8,000 unclosed "<meta name=og:site_name " tags before a real
             article (round 43: reading the page's own site name took 31 s before the tag
             reading was bounded): `summarize brief page.html --no-translate`
  link-lines a 3.7 MB page of 9,000 paragraphs of 400 characters, and links of every length
             from 1 to 400 (round 44: a page of links is refused, `extract.link_share`,
             which looks up each paragraph's starts and ends among the page's link texts)
  folder     a folder of 10,000 small articles: `load_articles([folder])` (read, clean,
             segment; no ranking), to show that per-file overhead stays small

Wall time is measured around the child process (interpreter start and imports included, as
a user would see it); peak memory is the child's own maximum resident set size
(`resource.getrusage`; not available on Windows, printed as n/a).

    python scripts/bench_article.py [--cases sentences paragraph folder] [--timeout 600]

`PYTHONPATH=/path/to/other/checkout python scripts/bench_article.py` measures another
version of the package the same way (a case that runs past --timeout prints "> N s").
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # machine_info, next to this script
from machine_info import describe

ROOT = Path(__file__).resolve().parents[1]

# Runs in the child: the command, then its own peak RSS on stderr's last line.
_RUNNER = """
import json, sys, time
sys.argv = ["summarize", *json.loads(sys.argv[1])]
mode = sys.argv.pop(1)
code = 0
if mode == "cli":
    from summarize.cli import main
    try:
        main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
else:
    from summarize import load_articles
    loaded = load_articles(sys.argv[1:])
    print(f"{len(loaded.articles)} articles, {len(loaded.skipped)} skipped", file=sys.stderr)
try:
    import resource
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_mb = rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024
except ImportError:
    rss_mb = None
print(json.dumps({"code": code, "rss_mb": rss_mb}), file=sys.stderr)
"""


def sentences_file(folder: Path, count: int) -> Path:
    """One line of `count` numbered Indonesian sentences (issue 14's reproduction)."""
    path = folder / f"p{count}.txt"
    text = " ".join(f"Pemerintah membangun jembatan nomor {i} di desa {i % 97}." for i in range(count))
    path.write_text(text + "\n", encoding="utf-8")
    return path


def paragraphs_file(folder: Path, count: int) -> Path:
    """`count` short paragraphs of two sentences each, of words drawn from 3,000 made of
    syllables, as often as their rank in a Zipf law says (seeded): no two paragraphs alike, as
    in a long feed of news bodies."""
    import random

    rng = random.Random(42)
    syllables = [c + v for c in "bcdgjklmnprstw" for v in "aiueo"]
    vocabulary = sorted({"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(3000)})
    rng.shuffle(vocabulary)
    weights = [1 / rank for rank in range(1, len(vocabulary) + 1)]

    def sentence() -> str:
        return " ".join(rng.choices(vocabulary, weights, k=rng.randint(8, 16))).capitalize() + "."

    path = folder / f"q{count}.txt"
    paragraphs = (f"{sentence()} {sentence()}" for _ in range(count))
    path.write_text("Jembatan Desa\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def meta_tags_page(folder: Path, count: int) -> Path:
    """An HTML page whose head holds `count` unclosed og:site_name meta tags, then an article."""
    path = folder / f"meta{count}.html"
    body = "".join(
        f"<p>Pemerintah membangun jembatan nomor {i} di desa {i % 97} sejak Senin pagi.</p>"
        for i in range(40)
    )
    head = "<meta name=og:site_name " * count + '><meta property="og:site_name" content="kumparan">'
    path.write_text(
        f"<html><head><title>Jembatan</title>{head}</head><body><article>{body}</article></body></html>"
    )
    return path


def link_lines_page(folder: Path, count: int) -> Path:
    """A page of `count` paragraphs of 400 characters and, under them, links of every length
    from 1 to 400 (the most lengths `link_share` looks up for one paragraph)."""
    path = folder / f"links{count}.html"
    words = " ".join(f"kata{k}" for k in range(80))
    paragraphs = "".join(f"<p>{i} {words}"[:403] + "</p>" for i in range(count))
    links = "".join(f"<li><a href=/{n}>{words[:n]}</a></li>" for n in range(1, 401))
    path.write_text(
        f"<html><body><article>{paragraphs}</article><ul>{links}</ul></body></html>", encoding="utf-8"
    )
    return path


def article_folder(folder: Path, count: int) -> Path:
    """`count` small articles in one folder."""
    dest = folder / "articles"
    dest.mkdir()
    for i in range(count):
        (dest / f"{i:05d}.txt").write_text(
            f"Banjir Rendam Desa {i}\n\nBanjir merendam {i} rumah warga di desa {i % 97} sejak Senin pagi. "
            "Petugas mengerahkan perahu karet untuk evakuasi warga.\n",
            encoding="utf-8",
        )
    return dest


def run(mode: str, args: Sequence[str], timeout: float, cwd: Path) -> dict[str, object]:
    """Wall time, peak RSS and exit code of one fresh process (run in `cwd`, so that the
    package comes from PYTHONPATH, not from the current folder)."""
    env = dict(os.environ)
    # The checkout this script sits in, unless PYTHONPATH already names another one.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (env.get("PYTHONPATH"), str(ROOT)) if p)
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-c", _RUNNER, json.dumps([mode, *args])],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return {"wall_s": None, "rss_mb": None, "code": None, "note": f"> {timeout:.0f} s (stopped)"}
    wall = time.perf_counter() - start
    lines = proc.stderr.strip().splitlines()
    try:
        result = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        return {"wall_s": wall, "rss_mb": None, "code": proc.returncode, "note": proc.stderr.strip()[-300:]}
    return {"wall_s": wall, **result, "note": " | ".join(lines[:-1])[:300]}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--cases",
        nargs="+",
        default=["sentences", "paragraph", "paragraphs", "meta-tags", "link-lines", "folder"],
    )
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per case")
    args = parser.parse_args(argv)
    print(
        f"$ python {shlex.join(['scripts/bench_article.py', *(argv if argv is not None else sys.argv[1:])])}"
    )
    print(f"machine: {describe(load=True)}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = str(folder / "out.md")
        for case in args.cases:
            if case == "sentences":
                path = sentences_file(folder, 6000)
                what = f"brief of 6,000 sentences ({path.stat().st_size / 1000:.0f} KB, one line)"
                result = run("cli", ["brief", str(path), "--no-translate", "-o", out], args.timeout, folder)
            elif case == "paragraph":
                path = sentences_file(folder, 60000)
                what = f"brief of a one-paragraph file ({path.stat().st_size / 1e6:.1f} MB)"
                result = run("cli", ["brief", str(path), "--no-translate", "-o", out], args.timeout, folder)
            elif case == "paragraphs":
                path = paragraphs_file(folder, 9000)
                what = f"brief of a file of 9,000 paragraphs ({path.stat().st_size / 1e6:.1f} MB)"
                result = run("cli", ["brief", str(path), "--no-translate", "-o", out], args.timeout, folder)
            elif case == "meta-tags":
                path = meta_tags_page(folder, 8000)
                what = f"brief of a page of 8,000 unclosed meta tags ({path.stat().st_size / 1000:.0f} KB)"
                result = run("cli", ["brief", str(path), "--no-translate", "-o", out], args.timeout, folder)
            elif case == "link-lines":
                path = link_lines_page(folder, 9000)
                what = (
                    f"brief of a page of 9,000 paragraphs and 400 links ({path.stat().st_size / 1e6:.1f} MB)"
                )
                result = run("cli", ["brief", str(path), "--no-translate", "-o", out], args.timeout, folder)
            elif case == "folder":
                path = article_folder(folder, 10000)
                what = "load_articles on a folder of 10,000 small files"
                result = run("load", [str(path)], args.timeout, folder)
            else:
                parser.error(f"unknown case {case!r}")
            wall = result["wall_s"]
            rss = result["rss_mb"]
            figures = (
                result["note"]
                if wall is None
                else f"{wall:6.2f} s wall, {'n/a' if rss is None else f'{rss:.0f} MB'} peak RSS, "
                f"exit {result['code']}"
            )
            print(f"{case:10} {what}: {figures}")
            if wall is not None and result["note"]:
                print(f"{'':10} stderr: {result['note']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

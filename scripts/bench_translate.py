"""Translation speed and memory, side by side, on a random-weight model of the real size.

Builds (once) a MarianMT model with the architecture of Helsinki-NLP/opus-mt-id-en
(its config.json, `--config`; vocab 54796) and random weights, with a
SentencePiece tokenizer trained on the seeds plus the IndoSum dev folds, and its
CTranslate2 int8 conversion, under models/ (git-ignored). Then runs each variant in a
fresh process, so wall time and peak RSS are per variant:

  a  naive: translate every cleaned sentence (transformers), then select the digest
  b  digest, transformers (fp32)
  c  digest, CTranslate2 int8
  d  digest again on a warm cache (fresh process): no model may load
  e  naive with CTranslate2 int8: the same sentences as a, for the backend ratio at scale

Random weights never emit end-of-sentence, so every sentence decodes to the cap
(1.5 x source tokens + 10): compare variants only with each other.

    python scripts/bench_translate.py [--beam 4] [--variants abcd] [--rebuild]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # machine_info, next to this script
from machine_info import cores, cpu_model  # noqa: E402

from summarize.translate.base import Progress, TranslatorBase  # noqa: E402

DEFAULT_CONFIG = ROOT.parent / "shared" / "models" / "opus-mt-id-en.config.json"
INDOSUM = ROOT.parent / "shared" / "eval_data" / "indosum"
SPM_PIECES = 32000  # asked of SentencePiece; the corpus decides how many it supports


def corpus_lines() -> Iterator[str]:
    """Seed articles plus IndoSum dev text (when present): enough for a real-sized vocab."""
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield from (ln.strip() for ln in path.read_text("utf-8").splitlines() if ln.strip())
    for path in sorted(INDOSUM.glob("dev.*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                for para in json.loads(line)["paragraphs"]:
                    yield from (" ".join(words) for words in para)


def build(config_path: Path, dest: Path, *, rebuild: bool) -> tuple[Path, Path]:
    """The random model folder and its CTranslate2 int8 conversion (built when missing)."""
    sys.path.insert(0, str(ROOT))
    from summarize.translate.ct2_convert import convert
    from summarize.translate.store import is_ct2_folder
    from tests.tinymodel import build_random_marian

    try:
        config = json.loads(config_path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise SystemExit(
            f"no usable model config at {config_path} ({exc}): pass --config PATH, a MarianConfig JSON"
        ) from None
    stamp = hashlib.sha256(config_path.read_bytes()).hexdigest()[:12]
    marker = dest / ".bench-config"
    ct2 = dest.with_name(dest.name + "-ct2")
    if rebuild or not marker.is_file() or marker.read_text() != stamp:
        print(f"building random-weight model in {dest} ...", file=sys.stderr)
        build_random_marian(
            dest,
            spm_vocab_size=SPM_PIECES,
            config=config,
            vocab_size=int(config["vocab_size"]),
            lines=corpus_lines(),
        )
        marker.write_text(stamp)
        if ct2.exists():
            import shutil

            shutil.rmtree(ct2)
    if not is_ct2_folder(ct2):
        print(f"converting to CTranslate2 int8 in {ct2} ...", file=sys.stderr)
        convert(str(dest), ct2, quantization="int8")
    return dest, ct2


# --- one variant, in its own process ------------------------------------------------------


class Timed(TranslatorBase):
    """Wraps a translator: time spent translating and sentences translated."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name, self.backend = inner.name, inner.backend
        self.seconds = 0.0
        self.sentences = 0

    def translate(self, sentences: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        start = time.perf_counter()
        out: list[str] = self.inner.translate(sentences, progress=progress)
        self.seconds += time.perf_counter() - start
        self.sentences += len(sentences)
        return out


class Lookup(TranslatorBase):
    """Serves translations made beforehand (the naive variant's select step)."""

    name, backend = "lookup", "lookup"

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table

    def translate(self, sentences: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        return [self.table[s] for s in sentences]


def run_variant(variant: str, model: str, ct2: str, beam: int) -> dict[str, Any]:
    """Run one variant here and return its figures (the parent adds RSS)."""
    start = time.perf_counter()
    from summarize import digest, load_articles
    from summarize.translate import load_translator

    articles = load_articles([str(ROOT / "seeds")]).articles
    backend = "ctranslate2" if variant in "cdew" else "transformers"
    tr = load_translator(
        ct2 if backend == "ctranslate2" else model,
        backend=backend,
        device="cpu",
        beam=beam,
        cache=variant in "dw",  # w: the untimed run that warms the cache for d
    )
    inner: Any = getattr(tr, "inner", tr)
    loading = time.perf_counter()
    if variant not in "dw":  # load up front, so that sentences/s counts translation alone
        inner.load()
    load_s = time.perf_counter() - loading
    timed = Timed(tr)
    if variant in "ae":
        # Every sentence, and the titles (the digest shows story titles too).
        every = sorted({s.text for a in articles for s in a.sentences} | {a.title for a in articles})
        result = digest(articles, translator=Lookup(dict(zip(every, timed.translate(every), strict=True))))
    else:
        result = digest(articles, translator=timed)
    wall = time.perf_counter() - start
    return {
        "variant": variant,
        "backend": backend,
        "wall_s": wall,
        "load_s": load_s,
        "translate_s": timed.seconds,
        "sentences": timed.sentences,
        "items": len(result.items),
        "model_loaded": getattr(inner, "model", None) is not None,
        "heavy_imports": [m for m in ("torch", "transformers", "ctranslate2") if m in sys.modules],
    }


# --- the parent ----------------------------------------------------------------------------


def child(args: list[str], env: dict[str, str]) -> tuple[dict[str, Any], float, int]:
    """Run this script as a child; return its JSON, wall seconds and peak RSS in KiB."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, env=env, cwd=ROOT)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not all children's
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"variant {args} failed with exit code {proc.returncode}")
    return json.loads(out), wall, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--config", type=Path, default=DEFAULT_CONFIG, help="MarianConfig JSON of the real model."
    )
    parser.add_argument(
        "--model-dir",
        type=Path,
        default=ROOT / "models" / "bench-random",
        help="Where the random model is built (git-ignored).",
    )
    parser.add_argument("--beam", type=int, default=4, help="Beam size for every variant.")
    parser.add_argument("--variants", default="abcde", help="Which variants to run.")
    parser.add_argument("--rebuild", action="store_true", help="Build the model again.")
    parser.add_argument("--run-variant", help=argparse.SUPPRESS)
    parser.add_argument("--ct2-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.run_variant:
        sys.path.insert(0, str(ROOT))
        figures = run_variant(args.run_variant, str(args.model_dir), args.ct2_dir, args.beam)
        print(json.dumps(figures))
        return

    model, ct2 = build(args.config, args.model_dir, rebuild=args.rebuild)
    env = dict(
        os.environ,
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        SUMMARIZE_CACHE_DIR=tempfile.mkdtemp(prefix="bench-cache-"),
    )
    common = ["--model-dir", str(model), "--ct2-dir", str(ct2), "--beam", str(args.beam)]
    results: dict[str, dict[str, Any]] = {}
    for variant in args.variants:
        if variant == "d":  # fill the cache first (untimed): same backend and settings as d
            child(["--run-variant", "w", *common], env)
        figures, wall, rss = child(["--run-variant", variant, *common], env)
        figures.update(process_wall_s=wall, peak_rss_mib=rss / 1024, load=os.getloadavg()[0])
        results[variant] = figures
        report_line(figures)
    summary(results, args)


LABELS = {
    "a": "naive: translate all, then select (transformers)",
    "b": "digest, transformers fp32",
    "c": "digest, CTranslate2 int8",
    "d": "digest, warm cache (fresh process)",
    "e": "naive: translate all, then select (CTranslate2)",
}


def report_line(f: dict[str, Any]) -> None:
    rate = f["sentences"] / f["translate_s"] if f["translate_s"] else float("nan")
    print(
        f"({f['variant']}) {LABELS[f['variant']]:<50} wall {f['wall_s']:7.2f} s "
        f"(process {f['process_wall_s']:6.2f} s, model load {f['load_s']:5.2f} s)  "
        f"{f['sentences']:4d} sentences  "
        f"{rate:6.2f} sent/s  peak RSS {f['peak_rss_mib']:6.0f} MiB  "
        f"model loaded: {f['model_loaded']}  heavy imports: {','.join(f['heavy_imports']) or '-'}"
        f"  load avg {f['load']:.1f}",
        flush=True,
    )


def summary(r: dict[str, dict[str, Any]], args: argparse.Namespace) -> None:
    def rate(v: str) -> float:
        return float(r[v]["sentences"] / r[v]["translate_s"])

    threads = os.environ.get("SUMMARIZE_THREADS", "all cores")
    print(
        f"\ncores: {cores()}  threads: {threads}  CPU: {cpu_model()}  "
        f"beam: {args.beam}  python {platform.python_version()}"
    )
    if "a" in r and "e" in r:
        print(
            f"CTranslate2 vs transformers, sentences/s, all {r['a']['sentences']} sentences "
            f"(e vs a): {rate('e') / rate('a'):.2f}x (target >= 3x)"
        )
    if "b" in r and "c" in r:
        print(
            f"CTranslate2 vs transformers, sentences/s, the digest's {r['b']['sentences']} "
            f"sentences (c vs b): {rate('c') / rate('b'):.2f}x"
        )
        print(
            f"peak RSS c / b: {r['c']['peak_rss_mib']:.0f} / {r['b']['peak_rss_mib']:.0f} MiB (target c < b)"
        )
    if "a" in r and "c" in r:
        print(
            f"naive (a) / digest with CTranslate2 (c), wall: "
            f"{r['a']['wall_s'] / r['c']['wall_s']:.1f}x (target >= 10x)"
        )
    if "a" in r and "b" in r:
        print(f"naive (a) / digest with transformers (b), wall: {r['a']['wall_s'] / r['b']['wall_s']:.1f}x")
    if "d" in r:
        d = r["d"]
        print(
            f"warm cache (d): {d['wall_s']:.2f} s in-process, {d['process_wall_s']:.2f} s "
            f"whole process; model loaded: {d['model_loaded']} (target < 1.5 s, no load)"
        )
    print("command: " + " ".join(shlex.quote(a) for a in [sys.executable, *sys.argv]))


if __name__ == "__main__":
    main()

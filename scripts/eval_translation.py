"""Translation quality and speed: BLEU and chrF on FLORES-200 devtest, Indonesian to English.

    python scripts/eval_translation.py --flores /data/flores200_dataset --model nllb-600m \
        --backend ctranslate2 --beam 4
    python scripts/eval_translation.py --sacrebleu-set SET --langpair ind_Latn-eng_Latn ...

The test set is read from a local FLORES-200 folder (``<dir>/devtest/ind_Latn.devtest`` and
``eng_Latn.devtest``, or those files directly in ``<dir>``), or fetched by sacrebleu for a
test set it knows (online). Every source line is one sentence and is translated as one, so
line i of the output is the translation of line i of the source, as in `summarize` itself.
Scores are sacrebleu's corpus BLEU (13a tokenisation) and chrF; speed is sentences per
second of translation alone (the model is loaded before the clock starts). The cache is
bypassed. Prints the command, the machine and the library versions with the figures.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarize.errors import SummarizeError
from summarize.translate import load_translator

sys.path.insert(0, str(Path(__file__).resolve().parent))  # machine_info, next to this script
from machine_info import cores, cpu_model


def read_flores(folder: Path, split: str, source: str, target: str) -> tuple[list[str], list[str]]:
    """Source and reference lines of one FLORES-200 split in `folder`."""

    def find(lang: str) -> Path:
        for path in (folder / split / f"{lang}.{split}", folder / f"{lang}.{split}"):
            if path.is_file():
                return path
        raise SystemExit(f"eval_translation: no {lang}.{split} in {folder} or {folder / split}")

    src = find(source).read_text(encoding="utf-8").splitlines()
    ref = find(target).read_text(encoding="utf-8").splitlines()
    if len(src) != len(ref):
        raise SystemExit(f"eval_translation: {len(src)} source lines but {len(ref)} references")
    return src, ref


def read_sacrebleu(test_set: str, langpair: str) -> tuple[list[str], list[str]]:
    """A test set sacrebleu can fetch (needs the network the first time)."""
    from sacrebleu.utils import get_reference_files, get_source_file

    src = Path(get_source_file(test_set, langpair)).read_text(encoding="utf-8").splitlines()
    ref = Path(get_reference_files(test_set, langpair)[0]).read_text(encoding="utf-8").splitlines()
    return src, ref


def evaluate(args: argparse.Namespace) -> dict[str, Any]:
    import sacrebleu

    if args.flores:
        src, ref = read_flores(Path(args.flores), args.split, args.source, args.target)
    else:
        src, ref = read_sacrebleu(args.sacrebleu_set, args.langpair)
    if args.limit:
        src, ref = src[: args.limit], ref[: args.limit]
    translator = load_translator(
        args.model, backend=args.backend, beam=args.beam, device=args.device, cache=False
    )
    started = time.perf_counter()
    load = getattr(translator, "load", None)
    if callable(load):
        load()
    loaded = time.perf_counter()
    hyps = translator.translate(src)
    done = time.perf_counter()
    if len(hyps) != len(src):
        raise SystemExit(f"eval_translation: {len(hyps)} outputs for {len(src)} sentences")
    seconds = done - loaded
    return {
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "model": args.model or "default",
        "backend": translator.backend,
        "beam": args.beam,
        "sentences": len(src),
        "bleu": round(sacrebleu.corpus_bleu(hyps, [ref]).score, 2),
        "chrf": round(sacrebleu.corpus_chrf(hyps, [ref]).score, 2),
        "load_seconds": round(loaded - started, 2),
        "translate_seconds": round(seconds, 2),
        "sentences_per_second": round(len(src) / seconds, 2) if seconds > 0 else None,
        "machine": {
            "cpu": cpu_model(),
            "cores": cores(),
            "python": platform.python_version(),
            "libraries": {
                name: _version(name) for name in ("ctranslate2", "torch", "transformers", "sacrebleu")
            },
        },
        "hypotheses": hyps if args.keep_output else None,
    }


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    data = parser.add_mutually_exclusive_group(required=True)
    data.add_argument("--flores", help="a local FLORES-200 folder (flores200_dataset/)")
    data.add_argument("--sacrebleu-set", help="a test set sacrebleu can fetch (online)")
    parser.add_argument("--langpair", default="ind_Latn-eng_Latn", help="with --sacrebleu-set")
    parser.add_argument("--split", default="devtest", help="FLORES split (default devtest)")
    parser.add_argument("--source", default="ind_Latn")
    parser.add_argument("--target", default="eng_Latn")
    parser.add_argument("--model", default=None, help="preset, hub id or folder (default: opus-mt)")
    parser.add_argument("--backend", default=None, help="transformers or ctranslate2")
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--device", default=None, help="auto, cpu or cuda")
    parser.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    parser.add_argument("--keep-output", action="store_true", help="include the translations in --json")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    try:
        result = evaluate(args)
    except SummarizeError as exc:
        raise SystemExit(f"eval_translation: {exc}") from None
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    m = result["machine"]
    print(f"$ {result['command']}")
    print(f"machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, {m['libraries']}")
    print(
        f"{result['model']} [{result['backend']}, beam {result['beam']}] on {result['sentences']} sentences: "
        f"BLEU {result['bleu']:.1f}  chrF {result['chrf']:.1f}  "
        f"{result['sentences_per_second']} sentences/s (load {result['load_seconds']} s)"
    )


if __name__ == "__main__":
    main()

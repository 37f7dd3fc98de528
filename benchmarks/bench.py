"""Speed and memory of parse_report, printed as figures (not a test: machines are noisy).

    python benchmarks/bench.py [--reports N]

Parses N distinct generated reports (the test fixture builder: every layout, other organs,
years and numbers, a share with defects) and the bundled seeds, and compares with a bare
regex pass over the same texts (split each line into cells, match a number in each): the
least any extractor must do.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import gov_disclosure  # noqa: E402

from builder import build_report  # noqa: E402
from files import blocks, to_docx, to_html, to_pdf  # noqa: E402

NUMBER = re.compile(r"^\s*[\d,.]+\s*$")


def regex_pass(text: str) -> int:
    found = 0
    for line in text.splitlines():
        for cell in line.split("\t"):
            if NUMBER.match(cell):
                found += 1
    return found


def corpus(n: int) -> list[str]:
    rng = random.Random(2026)
    texts = []
    for i in range(n):
        layout = ("tabs", "lines", "pdf", "markdown", "layout", "plain")[i % 6]
        defects = rng.choice([(), (), ("blanks",), ("short_row",), ("long_t4", "blanks"), ("missing_block",)])
        form = "2019" if i % 5 == 4 else "2021"
        texts.append(build_report(rng, layout, defects, form=form).text)
    texts += [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))
    ]
    return texts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=300)
    ap.add_argument("--files", type=int, default=10, help="reports written as HTML, DOCX and PDF")
    args = ap.parse_args()

    start = time.perf_counter()
    first = corpus(1)[0]
    gov_disclosure.parse_report(first)
    print(
        f"first parse in a fresh process (builds the parser): {1000 * (time.perf_counter() - start):.1f} ms"
    )

    texts = corpus(args.reports)
    total_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    times = []
    for text in texts:
        t0 = time.perf_counter()
        gov_disclosure.parse_report(text)
        times.append(time.perf_counter() - t0)
    regex = []
    for text in texts:
        t0 = time.perf_counter()
        regex_pass(text)
        regex.append(time.perf_counter() - t0)

    ms = sorted(1000 * t for t in times)
    print(f"reports: {len(texts)} ({total_mb:.1f} MB of text)")
    print(
        f"parse_report per report: median {statistics.median(ms):.2f} ms, "
        f"p90 {ms[int(0.9 * len(ms))]:.2f} ms, max {ms[-1]:.2f} ms"
    )
    print(f"throughput: {len(texts) / sum(times):.0f} reports/s, {total_mb / sum(times):.2f} MB/s")
    print(
        f"bare regex pass per report: median {1000 * statistics.median(regex):.3f} ms "
        f"(parse_report is {statistics.median(times) / statistics.median(regex):.0f}x)"
    )

    by_size = sorted(zip((len(t) for t in texts), times, strict=True))
    small, large = by_size[: len(by_size) // 4], by_size[-len(by_size) // 4 :]
    per_char = [1e9 * t / n for n, t in small], [1e9 * t / n for n, t in large]
    print(
        f"cost per 1000 characters: smallest quarter {statistics.median(per_char[0]):.1f} µs, "
        f"largest quarter {statistics.median(per_char[1]):.1f} µs (linear when these are close)"
    )

    writers = (("html", to_html), ("docx", to_docx), ("pdf", to_pdf))
    files = {kind: [write(blocks(t)) for t in texts[: args.files]] for kind, write in writers}
    for kind, datas in files.items():
        start = time.perf_counter()
        for data in datas:
            gov_disclosure.parse_bytes(data)
        per = 1000 * (time.perf_counter() - start) / len(datas)
        print(f"parse_bytes {kind}: {per:.1f} ms per report ({len(datas)} files)")

    tracemalloc.start()
    for text in texts[:50]:
        gov_disclosure.parse_report(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory while parsing: {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

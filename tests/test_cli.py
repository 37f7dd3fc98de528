"""The command line: parse and check batches of files."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from gov_disclosure.cli import main

from conftest import DATA
from files import blocks, to_docx, to_html

SEEDS = sorted((DATA / "seeds").glob("*.txt"))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The seeds as text, plus one as HTML and one as DOCX, and a file that is no report."""
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    for seed in SEEDS:
        (folder / seed.name).write_bytes(seed.read_bytes())
    text = SEEDS[1].read_text(encoding="utf-8")
    (folder / "sub" / "page.html").write_bytes(to_html(blocks(text)))
    (folder / "sub" / "document.docx").write_bytes(to_docx(blocks(text)))
    (folder / "notes.txt").write_text("会议纪要\n今天开会。", encoding="utf-8")
    (folder / "ignored.json").write_text("{}", encoding="utf-8")
    return folder


def test_parse_jsonl_a_directory(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["parse", str(corpus), "--format", "jsonl"])
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 1  # notes.txt is not a report
    assert len(records) == 7
    assert {Path(r["file"]).name for r in records} == {s.name for s in SEEDS} | {"page.html", "document.docx"}
    by_name = {Path(r["file"]).name: r for r in records}
    assert by_name["page.html"]["cells"] == by_name[SEEDS[1].name]["cells"]
    assert by_name["document.docx"]["source"]["kind"] == "docx"
    assert "notes.txt: NotAReportError" in err
    assert "8 file(s): 7 read, 1 failed" in err


def test_parse_json_and_csv_to_a_file(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.json"
    assert main(["parse", str(corpus / "*.txt"), "-o", str(target), "-q"]) == 1
    records = json.loads(target.read_text(encoding="utf-8"))
    assert len(records) == 5
    assert capsys.readouterr().out == ""
    assert main(["parse", *map(str, SEEDS[:2]), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["file", "organ", "year", "key", "value"]
    assert len(rows) == 1 + 2 * 200
    assert rows[1][1:4] == ["青岛西海岸新区宝山镇", "2022", "proactive.regulations.issued"]
    assert rows[1][4] == ""  # a null cell


def test_output_file_is_not_left_half_written(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("previous results\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        main_interrupted(target)
    assert target.read_text(encoding="utf-8") == "previous results\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def main_interrupted(target: Path) -> None:
    """Run a batch that is interrupted after its first report."""
    from gov_disclosure import cli

    real = cli._record
    calls = []

    def record(outcome):  # type: ignore[no-untyped-def]
        calls.append(outcome)
        if len(calls) > 1:
            raise KeyboardInterrupt
        return real(outcome)

    cli._record = record  # type: ignore[assignment]
    try:
        main(["parse", *map(str, SEEDS), "-f", "jsonl", "-o", str(target), "-q"])
    finally:
        cli._record = real  # type: ignore[assignment]


def test_check_lists_defects_with_lines(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", *map(str, SEEDS)])
    out, _ = capsys.readouterr()
    assert status == 0  # the seeds' defects are warnings
    assert "line 35  warning block.missing" in out
    assert "line 76  warning row.short" in out
    assert "line 95  warning row.long" in out
    defects = DATA / "examples" / "defects_2021_tabs.txt"
    assert main(["check", str(defects), "--level", "error"]) == 1
    out, _ = capsys.readouterr()
    assert "line 21  error   row.short" in out
    assert "warning" not in out.split("\n", 1)[1]


def test_parallel_jobs_give_the_same_output(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["parse", str(corpus), "-f", "jsonl", "-q"])
    one = capsys.readouterr().out
    main(["parse", str(corpus), "-f", "jsonl", "-q", "--jobs", "2"])
    assert capsys.readouterr().out == one


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["parse"])
    assert exit_info.value.code == 2
    assert main(["parse", str(SEEDS[0]), "--jobs", "0"]) == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", str(SEEDS[0]), "--format", "xml"])
    assert exit_info.value.code == 2
    capsys.readouterr()


def test_module_and_console_script() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gov_disclosure", "parse", str(SEEDS[2]), "-f", "jsonl"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["meta"]["organ"] == "威海市文登区文登营镇人民政府"
    assert "1 file(s): 1 read, 0 failed" in result.stderr
    scripts = {e.name: e.value for e in entry_points(group="console_scripts")}
    assert scripts["gov-disclosure"] == "gov_disclosure.cli:main"


def test_output_targets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os
    import stat

    real = tmp_path / "real.jsonl"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    assert main(["parse", str(SEEDS[0]), "-f", "jsonl", "-q", "-o", str(link)]) == 0
    assert link.is_symlink()  # the link is followed, not replaced
    assert json.loads(real.read_text(encoding="utf-8"))["file"] == str(SEEDS[0])
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # permissions kept
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    assert main(["parse", str(SEEDS[0]), "-f", "jsonl", "-q", "-o", str(fifo)]) == 0
    assert json.loads(reader.communicate(timeout=30)[0])["file"] == str(SEEDS[0])
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # a pipe stays a pipe
    assert main(["parse", str(SEEDS[0]), "-o", str(tmp_path / "missing" / "x.json")]) == 2
    assert main(["parse", str(SEEDS[0]), "-o", str(tmp_path)]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_directories_report_what_they_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["parse", str(empty), "-q"]) == 1
    assert "a directory without files to read" in capsys.readouterr().err
    old = tmp_path / "old"
    old.mkdir()
    (old / "report.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    assert main(["parse", str(old), "-q"]) == 1
    assert "save it as .docx" in capsys.readouterr().err

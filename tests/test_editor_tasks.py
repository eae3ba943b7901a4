"""The VS Code tasks shipped in `.vscode/tasks.json`: each runs a portal command that exists,
and their problem matcher reads every problem portal prints (in English and in Japanese),
with its file, line, column, severity and rule, and nothing else (not the hint lines)."""
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = str(Path(os.environ.get("PORTAL_BIN", ROOT / ".build" / "debug" / "portal")).resolve())
FIXTURE = ROOT / "Tests" / "BuildTests" / "Fixtures" / "valid" / "content"
NOW = "2026-11-25T09:00:00+09:00"
TASKS = json.loads((ROOT / ".vscode" / "tasks.json").read_text(encoding="utf-8"))["tasks"]
DIAGNOSTIC = re.compile(r"^\S.*:\d+:\d+: (error|warning): ")


def matchers():
    found = [t["problemMatcher"] for t in TASKS if t["problemMatcher"]]
    assert found, "no task reads problems"
    return found


@pytest.fixture()
def work(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    page = tmp_path / "content" / "initiatives" / "ai-disaster.md"
    page.write_text(page.read_text(encoding="utf-8")
                    + "\nｶﾀｶﾅと[壊れた](nothing.md)とアクセシビリティ。\n\n##見出し\n", encoding="utf-8")
    return tmp_path


def test_every_task_runs_a_portal_command_that_exists():
    for task in TASKS:
        assert task["command"] == "${workspaceFolder}/scripts/portal", task
        assert task["options"]["cwd"] == "${workspaceFolder}", task
        r = subprocess.run([BIN, *task["args"], "--help"], capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, (task["label"], r.stderr)
    labels = [t["label"] for t in TASKS]
    assert len(set(labels)) == len(labels)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("command", [["lint"], ["build"]])
def test_the_problem_matcher_reads_every_problem_and_only_problems(work, lang, command):
    r = subprocess.run([BIN, *command, "--now", NOW], cwd=work, capture_output=True, text=True,
                       timeout=120, env={**os.environ, "PORTAL_LANG": lang})
    lines = (r.stdout + r.stderr).splitlines()
    problems = [line for line in lines if DIAGNOSTIC.match(line)]
    assert len(problems) >= (1 if command == ["build"] else 2), lines
    if command == ["build"]:
        assert any(": error: " in p and "[content.broken-link]" in p for p in problems), problems
    else:
        assert any(": warning: " in p and "[lint.halfwidth-kana]" in p for p in problems), problems
    for matcher in matchers():
        pattern = matcher["pattern"]
        regexp = re.compile(pattern["regexp"])
        assert matcher["fileLocation"] == ["relative", "${workspaceFolder}"]
        read = []
        for line in lines:
            m = regexp.match(line)
            if not m:
                continue
            read.append(line)
            file, row, column = m.group(pattern["file"]), m.group(pattern["line"]), m.group(pattern["column"])
            assert (work / file).is_file(), line
            assert int(row) >= 1 and int(column) >= 1, line
            assert m.group(pattern["severity"]) in ("error", "warning"), line
            code = m.group(pattern["code"])
            assert code and line.endswith(f"[{code}]"), line
            assert m.group(pattern["message"]) and not m.group(pattern["message"]).endswith("]"), line
        # Every problem, and no hint or summary line taken for one.
        assert read == problems, set(read) ^ set(problems)


def test_the_tasks_run_the_checkouts_portal_else_the_installed_one(tmp_path):
    """`scripts/portal`, which the tasks run: the checkout's `.build/release/portal` when
    scripts/build.sh made one, else the `portal` installed from the package, else an error that
    says how to get one (exit 127, as a shell says of a missing command)."""
    (tmp_path / "scripts").mkdir()
    script = tmp_path / "scripts" / "portal"
    shutil.copy2(ROOT / "scripts" / "portal", script)
    installed = tmp_path / "bin"
    installed.mkdir()
    (installed / "portal").symlink_to(BIN)
    env = {**os.environ, "PATH": str(installed)}
    r = subprocess.run([str(script), "--version"], capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 0 and r.stdout.strip(), r.stderr
    local = tmp_path / ".build" / "release" / "portal"
    local.parent.mkdir(parents=True)
    local.write_text("#!/bin/sh\necho \"checkout $*\"\n")
    local.chmod(0o755)
    r = subprocess.run([str(script), "lint", "--fix"], capture_output=True, text=True, env=env, timeout=60)
    assert r.stdout == "checkout lint --fix\n", r.stderr
    local.unlink()
    (installed / "portal").unlink()
    r = subprocess.run([str(script), "build"], capture_output=True, text=True,
                       env={**os.environ, "PATH": str(installed)}, timeout=60)
    assert r.returncode == 127
    assert "portal が見つかりません" in r.stderr and "scripts/build.sh" in r.stderr

"""The command line as CI scripts use it: rule lists as JSON, exit codes, and problems placed
where GitHub annotates them."""
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from conftest import BIN, NOW, ROOT

FIXTURE = ROOT / "Tests" / "BuildTests" / "Fixtures" / "valid" / "content"


def portal(*args, cwd, lang="en"):
    return subprocess.run([str(BIN), *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PORTAL_LANG": lang})


@pytest.fixture()
def work(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    return tmp_path


@pytest.mark.parametrize("command,key", [("lint", "default"), ("check", "severity")])
def test_list_rules_as_json_in_the_order_of_the_text(work, command, key):
    text = portal(command, "--list-rules", cwd=work)
    r = portal(command, "--list-rules", "--format", "json", cwd=work)
    assert r.returncode == 0, r.stderr
    rules = json.loads(r.stdout)
    ids = [line.split()[0] for line in text.stdout.splitlines() if line and not line[0].isspace()]
    assert [rule["id"] for rule in rules] == ids
    assert all(rule["description"] and rule["description_ja"] for rule in rules)
    if command == "check":
        assert {rule["severity"] for rule in rules} == {"error", "warning"}
    else:
        first = rules[0]
        assert first["id"] == "lint.sentence-length" and first["default"] == 60, first
        assert any(key not in rule for rule in rules)  # an on-or-off rule has no default


@pytest.mark.parametrize("command,form", [("lint", "github"), ("check", "github"), ("check", "junit")])
def test_list_rules_in_a_problem_format_is_a_usage_error(work, command, form):
    r = portal(command, "--list-rules", "--format", form, cwd=work)
    assert r.returncode == 2, r
    assert r.stderr.startswith(f"Error: `--list-rules` prints the rules as text or json, not as {form}\n"), r.stderr
    assert f"Help: write portal {command} --list-rules --format json" in r.stderr


def test_check_stale_is_annotated_on_the_markdown_file(work):
    assert portal("build", "--now", NOW, cwd=work).returncode == 0
    time.sleep(2.5)
    page = work / "content" / "initiatives" / "ai-disaster.md"
    page.write_bytes(page.read_bytes() + b"\n")
    r = portal("check", "--format", "github", cwd=work)
    stale = [line for line in r.stdout.splitlines() if "title=check.stale" in line]
    assert stale and stale[0].startswith(
        "::warning file=content/initiatives/ai-disaster.md,line=1,col=1,title=check.stale::"), r.stdout


def test_a_mistyped_path_gets_the_path_meant(work):
    cases = [
        ("content/initiativs/x.md", "content/initiatives/"),
        ("content/initiativs", "content/initiatives"),
        ("content/initiatives/ai-disastr.md", "content/initiatives/ai-disaster.md"),
        ("contnt/initiativs/ai-disaster.md", "content/initiatives/ai-disaster.md"),
        # A path from the content folder rather than from where one is.
        ("initiatives/ai-disaster.md", "content/initiatives/ai-disaster.md"),
        ("initiatives", "content/initiatives"),
    ]
    for typed, meant in cases:
        r = portal("lint", typed, cwd=work)
        assert r.returncode == 2, r
        assert r.stderr.splitlines()[:2] == [f"Error: `{typed}` does not exist", f"Help: did you mean `{meant}`?"]
        r = portal("lint", typed, cwd=work, lang="ja")
        assert r.stderr.splitlines()[1] == f"直し方: `{meant}` のまちがいではありませんか。", r.stderr
    r = portal("lint", "content/zzzzzzzz", cwd=work)
    assert r.stderr.splitlines()[1] == "Help: give a Markdown file or a folder", r.stderr


# One rule (README, "Exit codes"): 2 for what the command line gets wrong, 1 for a run that
# found problems, a missing content, theme or site folder among them (reported in the format
# asked for, with the folder meant when one is close).
EXIT_CODES = [
    (["build", "--content", "contnt"], 1, "hint: did you mean `--content content`?"),
    (["build", "--theme", "them"], 1, "hint: did you mean `--theme theme`?"),
    (["serve", "--content", "contnt", "--port", "0"], 1, "hint: did you mean `--content content`?"),
    (["serve", "--theme", "nowhere", "--port", "0"], 1, "there is no theme folder `nowhere`"),
    (["lint", "--content", "contnt"], 1, "hint: did you mean `--content content`?"),
    (["lint", "--content", "nowhere"], 1, "there is no content folder `nowhere`"),
    (["check", "--site", "nowhere"], 1, "check.site"),
    (["search", "--site", "nowhere", "防災"], 1, "no search index"),
    (["build", "--now", "tomorrow"], 2, "Error: `--now tomorrow`"),
    (["lint", "--strcit"], 2, "Error: Unknown option '--strcit'"),
    (["lint", "content/initiativs"], 2, "did you mean `content/initiatives`?"),
    (["check", "--timeout", "0"], 2, "Error: `--timeout 0`"),
    (["search", "--limit", "-1", "防災"], 2, "Error: `--limit -1`"),
    (["serve", "--port", "70000"], 2, "Error: `--port 70000`"),
    (["new", "initiativ", "タイトル", "--slug", "x"], 2, "Error:"),
]


@pytest.mark.parametrize("args,code,said", EXIT_CODES, ids=[" ".join(a) for a, _, _ in EXIT_CODES])
def test_exit_codes_follow_one_rule(work, args, code, said):
    r = portal(*args, cwd=work)
    assert r.returncode == code, r
    assert said in r.stdout + r.stderr, r


def test_a_missing_content_folder_is_in_lints_json(work):
    r = portal("lint", "--content", "contnt", "--format", "json", cwd=work)
    assert r.returncode == 1, r
    report = json.loads(r.stdout)
    assert report["errors"] == 1 and report["diagnostics"][0]["code"] == "config.missing"
    assert report["diagnostics"][0]["hint"] == "did you mean `--content content`?"


def test_a_mistyped_site_folder_gets_the_folder_meant(work):
    assert portal("build", "--now", NOW, cwd=work).returncode == 0
    r = portal("check", "--site", "sit", "--format", "github", cwd=work)
    assert r.returncode == 1, r
    assert "::error file=sit,line=1,col=1,title=check.site::there is no built site here%0Ahint: did you mean `--site site`?" in r.stdout


def test_an_output_that_cannot_be_locked_is_in_the_format_asked_for(work):
    """The lock's failure (here, no folder can hold the output) was plain text alone, and a CI
    step piping `--diagnostics json` to jq failed to parse an empty stdout."""
    (work / "plain").write_text("a file, not a folder")
    r = portal("build", "--output", "plain/site", "--diagnostics", "json", cwd=work)
    assert r.returncode == 1, r
    report = json.loads(r.stdout)
    assert report["errors"] == 1 and report["diagnostics"][0]["code"] == "output.lock", report
    assert report["diagnostics"][0]["file"] == "plain/site"
    assert "Error: cannot create the lock file" in r.stderr
    g = portal("build", "--output", "plain/site", "--diagnostics", "github", cwd=work, lang="ja")
    assert g.returncode == 1
    assert g.stdout.startswith("::error file=plain/site,line=1,col=1,title=output.lock::"), g.stdout
    assert "出力フォルダーを置くフォルダーがあるか" in g.stdout


def test_github_annotations_name_files_from_the_workspace(work):
    """A step with `working-directory:` named files from there (`initiatives/a.md`), and
    GitHub attached no annotation; in Actions they are named from the repository's root."""
    page = work / "content" / "initiatives" / "ai-disaster.md"
    page.write_text(page.read_text() + "\n##見出し\n")
    env = {**os.environ, "PORTAL_LANG": "en", "GITHUB_WORKSPACE": str(work)}
    r = subprocess.run([str(BIN), "lint", "--content", ".", "--format", "github"], cwd=work / "content",
                       capture_output=True, text=True, timeout=120, env=env)
    lines = [line for line in r.stdout.splitlines() if line.startswith("::")]
    assert lines and all("file=content/" in line for line in lines), r.stdout
    assert any(line.startswith("::warning file=content/initiatives/ai-disaster.md,") for line in lines), r.stdout


def test_the_site_is_readable_by_a_web_server_under_a_strict_umask(work):
    """Under umask 077 (shared runners, root's shell) the files had been made rw------- and the
    web server answered 403; a later build under 022 rewrote only what changed. Every file is
    readable by all and every folder searchable, whatever the umask, in a full build and in an
    incremental one."""
    def build(mask, *extra):
        r = subprocess.run([str(BIN), "build", "--now", NOW, *extra], cwd=work, capture_output=True,
                           text=True, timeout=120, preexec_fn=lambda: os.umask(mask))
        assert r.returncode == 0, r.stderr

    def modes():
        return {p: p.stat().st_mode & 0o777 for p in [work / "site", *(work / "site").rglob("*")]}

    build(0o077)
    found = modes()
    assert len(found) > 50
    for path, mode in found.items():
        wanted = 0o755 if path.is_dir() else 0o644
        assert mode == wanted, f"{path}: {oct(mode)}"
    page = work / "content" / "initiatives" / "ai-disaster.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n追記です。\n", encoding="utf-8")
    build(0o077)
    assert (work / "site" / "initiatives" / "ai-disaster" / "index.html").stat().st_mode & 0o777 == 0o644
    assert modes() == found


def test_a_report_that_cannot_be_written_fails(work):
    """`portal check --format junit > report.xml` on a full disk had left an empty report and
    exit 0: a failed write of the output exits 74 and says so."""
    assert portal("build", "--now", NOW, cwd=work).returncode == 0
    with open("/dev/full", "w") as full:
        r = subprocess.run([str(BIN), "check", "--format", "junit"], cwd=work, stdout=full,
                           stderr=subprocess.PIPE, text=True, timeout=120)
    assert r.returncode == 74, r.stderr
    assert "output could not be written: No space left on device" in r.stderr
    ok = subprocess.run([str(BIN), "check", "--format", "junit"], cwd=work, capture_output=True,
                        text=True, timeout=120)
    assert ok.returncode == 0 and "<testsuites" in ok.stdout, ok.stderr


def test_now_as_seconds_since_1970_is_the_same_clock(work, tmp_path_factory):
    """`--now @$SOURCE_DATE_EPOCH` (reproducible builds' convention; `date -d @…`) builds the
    site the same ISO time builds; `@` without digits is a usage mistake."""
    other = tmp_path_factory.mktemp("epoch")
    for name in ("content", "theme"):
        shutil.copytree(work / name, other / name)
    iso = portal("build", "--now", "2026-11-25T09:00:00+09:00", "--no-cache", cwd=work)
    epoch = portal("build", "--now", "@1795564800", "--no-cache", cwd=other)
    assert iso.returncode == 0 and epoch.returncode == 0, epoch.stderr
    a, b = work / "site", other / "site"
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file() and ".portal" not in p.parts)
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file() and ".portal" not in p.parts)
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
    for bad in ("@", "@12x", "@-5"):
        r = portal("build", "--now", bad, cwd=work)
        assert r.returncode == 2, (bad, r.stderr)


def test_the_progress_line_only_on_a_terminal_that_takes_it(tmp_path):
    """On a terminal a long build shows its step, rewritten in place (`\\r`, `ESC [K`); a
    terminal that says it cannot take control characters (`TERM=dumb`: Emacs' shell, some CI
    consoles) gets none, as a pipe or CI gets none."""
    import pty

    subprocess.run(["python3", str(ROOT / "bench" / "gen_corpus.py"), "--pages", "1500", "--out",
                    str(tmp_path / "content")], check=True, capture_output=True, timeout=120)
    shutil.copytree(ROOT / "theme", tmp_path / "theme")

    def stderr_on_a_terminal(term):
        main, child = pty.openpty()
        env = {k: v for k, v in os.environ.items() if k != "CI"}
        r = subprocess.run([str(BIN), "build", "--now", NOW, "--no-cache"], cwd=tmp_path, stdout=subprocess.PIPE,
                           stderr=child, env={**env, "TERM": term, "PORTAL_LANG": "en"}, timeout=300)
        os.close(child)
        out = b""
        try:
            while chunk := os.read(main, 65536):
                out += chunk
        except OSError:
            pass
        os.close(main)
        assert r.returncode == 0, out
        return out.decode("utf-8", "replace")

    assert "\x1b[K" in stderr_on_a_terminal("xterm-256color")
    dumb = stderr_on_a_terminal("dumb")
    assert "\x1b" not in dumb and "\r\x1b" not in dumb, repr(dumb)

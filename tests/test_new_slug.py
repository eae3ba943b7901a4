"""`portal new` with a Japanese title and no --slug: on a terminal it asks for the URL name and
offers one made from the site's names in the title; elsewhere (a script, CI) the error names
that offer. Run for real, in a pseudo-terminal."""
import os
import pty
import select
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = str(Path(os.environ.get("PORTAL_BIN", ROOT / ".build" / "debug" / "portal")).resolve())
FIXTURE = ROOT / "Tests" / "BuildTests" / "Fixtures" / "valid" / "content"
NOW = "2026-11-25T09:00:00+09:00"
TITLE = "AIを活用した危機管理の取組"


@pytest.fixture()
def work(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    return tmp_path


def read_until(fd, marker, timeout=30):
    """What the terminal shows until `marker` (b"" for: until the program ends)."""
    out = b""
    while not marker or marker not in out:
        ready, _, _ = select.select([fd], [], [], timeout)
        assert ready, f"no {marker!r} after {out.decode(errors='replace')!r}"
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the program ended: Linux answers EIO
            chunk = b""
        if not chunk:
            assert not marker, f"ended before {marker!r}: {out.decode(errors='replace')!r}"
            break
        out += chunk
    return out


def in_terminal(work, args, answers, language="en"):
    """Runs `portal new ARGS` on a terminal, typing each answer after a prompt; the whole
    screen as text and the exit code."""
    env = {**os.environ, "PORTAL_LANG": language}
    prompt = "名前: " if language == "ja" else "Name: "
    main, child = pty.openpty()
    p = subprocess.Popen([BIN, "new", *args], cwd=work, stdin=child, stdout=child, stderr=child, env=env)
    os.close(child)
    screen = b""
    try:
        for answer in answers:
            screen += read_until(main, prompt.encode())
            os.write(main, answer.encode() + (b"" if answer == "\x04" else b"\n"))
        screen += read_until(main, b"")
        code = p.wait(timeout=30)
    finally:
        os.close(main)
        if p.poll() is None:
            p.kill()
    return screen.decode().replace("\r\n", "\n"), code


def test_enter_takes_the_name_made_from_the_title(work):
    screen, code = in_terminal(work, ["initiative", TITLE], [""])
    assert code == 0, screen
    assert "It becomes /initiatives/<name>/." in screen
    assert "Press Enter for ai-crisis-management." in screen
    assert "Created content/initiatives/ai-crisis-management.md\nNext: write over the sample sentences" in screen
    page = work / "content" / "initiatives" / "ai-crisis-management.md"
    assert f'title: "{TITLE}"' in page.read_text(encoding="utf-8")
    # Taken now: the next page of that title is offered the name with -2.
    screen, code = in_terminal(work, ["initiative", TITLE], [""])
    assert "Press Enter for ai-crisis-management-2." in screen and code == 0
    assert (work / "content" / "initiatives" / "ai-crisis-management-2.md").exists()


def test_a_wrong_name_is_asked_again_and_full_width_is_read_as_typed(work):
    screen, code = in_terminal(work, ["event", "防災の集い"], ["Bousai_DX", "index", "", "ＢＯＵＳＡＩ"])
    assert code == 0, screen
    # No name in the title: nothing offered, and Enter alone asks again.
    assert "Press Enter" not in screen
    assert "`Bousai_DX` may only use a-z, 0-9 and `-`; for example bousai-dx" in screen
    assert "`index` cannot be a name: /events/ is the list the build makes" in screen
    assert "Type a name, for example my-event (Ctrl-D to stop)." in screen
    assert "Created content/events/bousai.md" in screen
    assert (work / "content" / "events" / "bousai.md").exists()


def test_a_name_already_taken_is_refused(work):
    screen, code = in_terminal(work, ["initiative", "防災"], ["ai-disaster", "bousai"])
    assert code == 0, screen
    assert "content/initiatives/ai-disaster.md already exists: choose another name" in screen
    assert (work / "content" / "initiatives" / "bousai.md").exists()


def test_ctrl_d_makes_nothing(work):
    before = sorted(p.relative_to(work) for p in work.rglob("*"))
    screen, code = in_terminal(work, ["initiative", TITLE], ["\x04"])
    assert code == 1, screen
    assert "Nothing was created." in screen
    assert sorted(p.relative_to(work) for p in work.rglob("*")) == before


def test_the_questions_in_japanese(work):
    screen, code = in_terminal(work, ["取組", TITLE], ["Ｘ１"], language="ja")
    assert code == 0, screen
    assert "アドレスは /initiatives/<名前>/ になります。" in screen
    assert "Enter だけなら ai-crisis-management にします。" in screen
    assert "content/initiatives/x1.md を作りました\n次に、見本の文を書きかえてください" in screen


def test_a_page_so_made_builds(work):
    screen, code = in_terminal(work, ["initiative", TITLE], [""])
    assert code == 0, screen
    r = subprocess.run([BIN, "build", "--now", NOW], cwd=work, capture_output=True, text=True, timeout=120)
    assert (work / "site" / "initiatives" / "ai-crisis-management" / "index.html").exists(), r.stdout + r.stderr


def test_without_a_terminal_the_error_offers_the_name(work):
    r = subprocess.run([BIN, "new", "initiative", TITLE], cwd=work, capture_output=True, text=True,
                       stdin=subprocess.DEVNULL, timeout=60)
    assert r.returncode == 2
    assert "Help: add --slug, for example --slug ai-crisis-management\n" in r.stderr
    r = subprocess.run([BIN, "new", "event", "防災の集い"], cwd=work, capture_output=True, text=True,
                       stdin=subprocess.DEVNULL, timeout=60, env={**os.environ, "PORTAL_LANG": "ja"})
    assert "（例：--slug my-event）" in r.stderr
    assert not any((work / "content" / "initiatives").glob("ai-crisis*"))


def test_an_initiative_is_filed_under_the_fields_its_title_names(work):
    """The field names in the title choose `fields` (安全 of 安全・安心 is `safety`); a title naming
    none gets the site's first field as a sample, warned about until the writer chooses."""
    r = subprocess.run([BIN, "new", "initiative", "人材育成と防犯・交通安全", "--slug", "named"], cwd=work,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    text = (work / "content" / "initiatives" / "named.md").read_text(encoding="utf-8")
    assert "\nfields: [awareness, safety]   # 題名から選びました。" in text
    r = subprocess.run([BIN, "new", "initiative", "図書館の取組", "--slug", "unnamed"], cwd=work,
                       capture_output=True, text=True, timeout=60)
    # Not on a terminal: the one line a script reads, without the next steps.
    assert r.stdout == "Created content/initiatives/unnamed.md\n"
    text = (work / "content" / "initiatives" / "unnamed.md").read_text(encoding="utf-8")
    # The site's first field, marked as the sample, which the build warns about while it is left.
    assert "\nfields: [crisis-management]   # 見本。分野のid" in text
    r = subprocess.run([BIN, "build", "--now", NOW], cwd=work, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "content/initiatives/unnamed.md:4:9: warning: `fields` is still the sample" in r.stderr, r.stderr
    assert "named.md:4:9" not in r.stderr.replace("unnamed.md", "")
    field = (work / "site" / "fields" / "safety" / "index.html").read_text(encoding="utf-8")
    assert "/initiatives/named/" in field

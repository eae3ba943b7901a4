"""End-to-end tests of the `portal` command line: exit codes, diagnostics, `new`, atomic output."""
import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = str(Path(os.environ.get("PORTAL_BIN", ROOT / ".build" / "debug" / "portal")).resolve())
FIXTURE = ROOT / "Tests" / "BuildTests" / "Fixtures" / "valid" / "content"
INVALID = ROOT / "Tests" / "ContentTests" / "Fixtures" / "invalid" / "content"
NOW = "2026-11-25T09:00:00+09:00"


def portal(*args, cwd=None, env=None):
    return subprocess.run([BIN, *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **env} if env else None)


@pytest.fixture()
def work(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    return tmp_path


def tree(path: Path):
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def test_build_succeeds_with_summary(work):
    r = portal("build", "--now", NOW, cwd=work)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Built ")
    assert "2 initiative" in r.stdout
    assert (work / "site" / "index.html").exists()


def test_content_errors_exit_1_and_keep_previous_site(work):
    assert portal("build", "--now", NOW, cwd=work).returncode == 0
    before = tree(work / "site")
    page = work / "content" / "initiatives" / "ai-disaster.md"
    page.write_text(page.read_text(encoding="utf-8").replace("fields: [crisis-management, safety]", "fields: [crisis]"), encoding="utf-8")
    r = portal("build", "--now", NOW, cwd=work)
    assert r.returncode == 1
    assert "content/initiatives/ai-disaster.md:4:10: error: `fields` names an unknown field `crisis`" in r.stderr
    assert "hint:" in r.stderr
    assert tree(work / "site") == before
    assert sorted(p.name for p in work.iterdir()) == ["content", "site", "theme"]


def test_diagnostics_json(work):
    r = portal("build", "--content", str(INVALID), "--output", str(work / "out"), "--now", NOW, "--diagnostics", "json")
    assert r.returncode == 1
    report = json.loads(r.stdout)
    assert report["errors"] == len(report["diagnostics"]) >= 10
    first = report["diagnostics"][0]
    assert {"file", "line", "column", "severity", "message", "hint", "code"} <= set(first)
    assert not (work / "out").exists()


def test_github_annotations_for_build_lint_and_check(work):
    """`github` prints GitHub Actions' workflow commands on stdout: one annotation a problem at
    its file, line and column, the hint on its second line, then the usual last line."""
    page = work / "content" / "initiatives" / "ai-disaster.md"
    page.write_text(page.read_text(encoding="utf-8").replace("fields: [crisis-management, safety]", "fields: [crisis]"), encoding="utf-8")
    r = portal("build", "--now", NOW, "--diagnostics", "github", cwd=work)
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert lines[0] == ("::error file=content/initiatives/ai-disaster.md,line=4,col=10,title=content.unknown-id::"
                        "`fields` names an unknown field `crisis`%0Ahint: did you mean `crisis-management`?")
    assert lines[-1].startswith("Build failed: 1 error(s)")
    r = portal("lint", "--format", "github", "content/initiatives/ai-disaster.md", cwd=work, env={"PORTAL_LANG": "ja"})
    assert r.stdout.splitlines()[0].startswith("::error file=content/initiatives/ai-disaster.md,line=4,col=10,title=content.unknown-id::`fields` に書いた")
    page.write_text(page.read_text(encoding="utf-8").replace("fields: [crisis]", "fields: [crisis-management, safety]"), encoding="utf-8")
    assert portal("build", "--now", NOW, cwd=work).returncode == 0
    about = work / "site" / "about" / "index.html"
    about.write_text(about.read_text(encoding="utf-8").replace("</main>", '<a href="/nope/">無い</a></main>'), encoding="utf-8")
    r = portal("check", "--site", str(work / "site"), "--format", "github", cwd=work)
    assert r.returncode == 1
    assert any(line.startswith("::error file=") and ",title=link.broken::link to /nope/ is broken" in line
               for line in r.stdout.splitlines()), r.stdout
    assert r.stdout.splitlines()[-1].startswith("Checked ")


def test_usage_errors_exit_2(work):
    assert portal("build", "--now", "tomorrow", cwd=work).returncode == 2
    assert portal("build", "--no-such-flag", cwd=work).returncode == 2
    r = portal("new", "initiative", "防災", cwd=work)
    assert r.returncode == 2 and "--slug" in r.stderr
    # `index` would be published beside the list (/initiatives/index/): refused before writing.
    r = portal("new", "initiative", "一覧", "--slug", "index", cwd=work)
    assert r.returncode == 2 and "/initiatives/ is the list" in r.stderr
    assert not (work / "content" / "initiatives" / "index.md").exists()


def test_a_mistyped_command_gets_the_one_meant():
    r = portal("buld")
    assert r.returncode == 2
    assert r.stderr.splitlines()[:2] == ["Error: there is no command `buld`", "Help: did you mean `portal build`?"]
    r = portal("--version")
    assert r.returncode == 0 and r.stdout.strip().count(".") == 2


def test_help_has_examples():
    for command in ["build", "new"]:
        r = portal(command, "--help")
        assert r.returncode == 0
        assert "Examples:" in r.stdout


def test_new_scaffolds_files_that_build(work):
    for kind, title, slug in [
        ("initiative", "新しい取組", "new-initiative"),
        ("event", "新しいイベント", "new-event"),
        ("glossary", "新しい用語", "new-term"),
        ("strategy", "新しい章", "new-chapter"),
        ("page", "アクセシビリティ方針", "new-policy"),
    ]:
        r = portal("new", kind, title, "--slug", slug, cwd=work)
        assert r.returncode == 0, r.stderr
        folder = {"initiative": "initiatives", "event": "events", "glossary": "glossary", "strategy": "strategy",
                  "page": "pages"}[kind]
        # The optional keys are there as comments, 更新情報's `updated` among them.
        assert "\n# updated: " in (work / "content" / folder / f"{slug}.md").read_text(encoding="utf-8")
    r = portal("build", "--now", NOW, cwd=work)
    assert r.returncode == 0, r.stderr
    assert (work / "site" / "initiatives" / "new-initiative" / "index.html").exists()
    # A page about the site is published under /about/ and listed in every page's footer.
    assert (work / "site" / "about" / "new-policy" / "index.html").exists()
    assert 'href="/about/new-policy/">アクセシビリティ方針</a>' in (work / "site" / "index.html").read_text(encoding="utf-8")
    # The sample texts left in are pointed at, at their line, until they are replaced.
    # The initiative's title names no field: it is filed under the site's first, as a sample.
    for where in ["initiatives/new-initiative.md:3:10", "initiatives/new-initiative.md:4:9", "events/new-event.md:3:10",
                  "events/new-event.md:4:8", "glossary/new-term.md:3:10", "glossary/new-term.md:4:8",
                  # The sample heading `## 見出し` of a strategy page and a page about the site.
                  "strategy/new-chapter.md:10:1", "pages/new-policy.md:10:1"]:
        assert f"content/{where}: warning: " in r.stderr, r.stderr
    assert r.stderr.count("[content.placeholder]") == 8, r.stderr
    # The sections the initiative's scaffold leaves to fill are pointed at by `portal lint`.
    lint = portal("lint", "content/initiatives/new-initiative.md", cwd=work)
    assert lint.stdout.count("[lint.empty-section]") + lint.stderr.count("[lint.empty-section]") == 2, lint
    path = work / "content" / "glossary" / "new-term.md"
    path.write_text(path.read_text(encoding="utf-8").replace("ひらがなでよみをかきます", "あたらしいようご"),
                    encoding="utf-8")
    path = work / "content" / "initiatives" / "new-initiative.md"
    path.write_text(path.read_text(encoding="utf-8").replace("fields: [crisis-management]", "fields: [safety]"),
                    encoding="utf-8")
    r = portal("build", "--now", NOW, cwd=work)
    assert r.stderr.count("[content.placeholder]") == 6 and "new-term.md:3:10" not in r.stderr
    assert "new-initiative.md:4:9" not in r.stderr
    assert portal("new", "initiative", "重複", "--slug", "new-initiative", cwd=work).returncode == 2


def test_new_strategy_page_comes_after_the_last_one(work):
    """A new strategy page's `order` is one after the last top-level page's (a child's order,
    among its siblings, does not count), so it is listed last rather than at 99."""
    import re

    folder = work / "content" / "strategy"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.md"):
        old.unlink()
    (folder / "first.md").write_text("---\ntitle: 一\norder: 4\n---\n本文です。\n", encoding="utf-8")
    (folder / "child.md").write_text("---\ntitle: 子\norder: 30\nparent: first\n---\n本文です。\n",
                                     encoding="utf-8")

    def order(slug):
        assert portal("new", "strategy", "新しい章", "--slug", slug, cwd=work).returncode == 0
        return int(re.search(r"(?m)^order: (\d+) ", (folder / f"{slug}.md").read_text(encoding="utf-8"))[1])

    assert order("second") == 5
    assert order("third") == 6
    r = portal("build", "--now", NOW, cwd=work)
    assert r.returncode == 0, r.stderr
    # Listed in that order at /strategy/.
    listing = (work / "site" / "strategy" / "index.html").read_text(encoding="utf-8")
    assert listing.index('href="/strategy/first/"') < listing.index('href="/strategy/second/"') \
        < listing.index('href="/strategy/third/"')
    # A page the build would refuse (a broken front matter) leaves the others counted.
    (folder / "broken.md").write_text("---\ntitle: [壊れた\norder: 9\n---\n本文です。\n",
                                      encoding="utf-8")
    assert order("fourth") == 7
    # An empty folder starts at 1.
    for old in folder.glob("*.md"):
        old.unlink()
    assert order("only") == 1


def test_new_scaffolds_optional_keys_are_valid_when_uncommented(work):
    """Every optional key a scaffold offers, uncommented as written, is accepted with its
    example value; only the example ids of other pages name nothing."""
    import re

    for kind, slug in [("initiative", "x-initiative"), ("event", "x-event"), ("glossary", "x-term"),
                       ("strategy", "x-chapter"), ("page", "x-page")]:
        assert portal("new", kind, "例", "--slug", slug, cwd=work).returncode == 0
    for path in (work / "content").rglob("x-*.md"):
        text = path.read_text(encoding="utf-8")
        head, _, body = text[4:].partition("\n---\n")
        head = re.sub(r"(?m)^# ([a-z_]+:)", r"\1", head)
        path.write_text("---\n" + head + "\n---\n" + body, encoding="utf-8")
    r = portal("build", "--now", NOW, "--diagnostics", "json", cwd=work)
    errors = [d for d in json.loads(r.stdout)["diagnostics"] if d["severity"] == "error"]
    assert errors, "the example ids were expected to name nothing"
    for d in errors:
        assert d["code"] == "content.unknown-id", d
        assert re.search(r"`(other-|some-)[a-z-]+`", d["message"]), d
    # The event's sample addresses, left as written, would publish links to nowhere: warned at
    # their values, as the sample texts are.
    warned = {(d["file"].split("/")[-1], d["message"].split("`")[1]) for d in json.loads(r.stdout)["diagnostics"]
              if d["code"] == "content.placeholder"}
    assert ("x-event.md", "online") in warned and ("x-event.md", "registration") in warned, warned


def test_the_event_scaffold_offers_the_hours_of_an_all_day_event(work):
    """An exhibition open over days says its hours: the scaffold offers `hours` beside the
    all-day dates, and uncommented with them it builds and shows them under the days."""
    assert portal("new", "event", "写真展", "--slug", "photos", cwd=work).returncode == 0
    path = work / "content" / "events" / "photos.md"
    text = path.read_text(encoding="utf-8")
    assert "\n# hours: どの日も9時から17時まで" in text
    text = text.replace("# hours:", "hours:").replace("一文で、どんなイベントかを書きます。", "写真の展示です。")
    text = text.replace("start: 2027-01-01T13:30:00+09:00", "start: 2027-01-23\nend: 2027-01-31")
    path.write_text(text, encoding="utf-8")
    r = portal("build", "--now", NOW, cwd=work)
    assert r.returncode == 0, r.stdout + r.stderr
    page = (work / "site" / "events" / "photos" / "index.html").read_text(encoding="utf-8")
    assert "どの日も9時から17時まで" in page


def test_a_page_waits_for_its_publish_time(work):
    """A scaffold's `publish` line, uncommented: no page before that time, the page with the
    first build at or after it (the clock alone moved), and a build in between up to date."""
    assert portal("new", "initiative", "年明けの取組", "--slug", "new-year", cwd=work).returncode == 0
    path = work / "content" / "initiatives" / "new-year.md"
    text = path.read_text(encoding="utf-8")
    assert "\n# publish: " in text
    path.write_text(text.replace("# publish: 2027-01-01T09:00:00+09:00", "publish: 2027-01-01T09:00:00+09:00"),
                    encoding="utf-8")
    page = work / "site" / "initiatives" / "new-year" / "index.html"
    r = portal("build", "--now", "2026-12-31T23:00:00+09:00", cwd=work)
    assert r.returncode == 0, r.stderr
    assert "; 1 page waiting for its publish time not built (--drafts builds them)" in r.stdout
    assert not page.exists()
    r = portal("build", "--now", "2026-12-31T23:30:00+09:00", cwd=work)
    assert r.stdout.startswith("Up to date") and "waiting for its publish time" in r.stdout
    r = portal("build", "--now", "2027-01-01T09:00:00+09:00", cwd=work)
    assert r.returncode == 0 and r.stdout.startswith("Updated"), r.stdout + r.stderr
    assert "publish time" not in r.stdout
    assert "年明けの取組" in page.read_text(encoding="utf-8")


def test_new_does_not_write_through_a_link(work):
    """A dangling link where the new file would go is not followed to wherever it points."""
    outside = work / "outside.md"
    (work / "content" / "initiatives" / "zz.md").symlink_to(outside)
    r = portal("new", "initiative", "例", "--slug", "zz", cwd=work)
    assert r.returncode == 2
    assert r.stderr.startswith("Error: content/initiatives/zz.md already exists\nHelp: ")
    assert "Usage:" not in r.stderr
    assert not outside.exists()


def test_new_does_not_write_through_a_linked_folder(work):
    """A kind's folder that is a link leading outside content/ is refused, not written into."""
    outside = work / "outside"
    outside.mkdir()
    shutil.rmtree(work / "content" / "glossary", ignore_errors=True)
    (work / "content" / "glossary").symlink_to(outside)
    r = portal("new", "glossary", "テスト", "--slug", "evil", cwd=work)
    assert r.returncode == 2, r.stdout + r.stderr
    assert r.stderr.startswith("Error: content/glossary is a link leading outside the content folder\nHelp: ")
    assert list(outside.iterdir()) == []


def test_new_refuses_a_title_over_several_lines(work):
    """A line break in the title would end its quoted value and write lines of its own into
    the front matter (an early `---`, keys of the writer's choosing)."""
    r = portal("new", "initiative", 'a"\n---\nslug: x\n---\n<script>', "--slug", "inj", cwd=work)
    assert r.returncode == 2
    assert "the title holds a line break" in r.stderr
    assert not (work / "content" / "initiatives" / "inj.md").exists()


def test_new_answers_mistakes_with_a_suggestion(work):
    r = portal("new", "initiatve", "防災", "--slug", "bousai", cwd=work)
    assert r.returncode == 2
    assert "there is no kind `initiatve`" in r.stderr and "did you mean `initiative`?" in r.stderr
    r = portal("new", "initiative", "防災", "--slug", "Bousai_DX", cwd=work)
    assert r.returncode == 2 and "--slug bousai-dx" in r.stderr
    # Typed with the Japanese input on: the half-width name, as the prompt takes it.
    r = portal("new", "initiative", "防災", "--slug", "ｂｏｕｓａｉ－ＤＸ", cwd=work)
    assert r.returncode == 2 and "Help: for example --slug bousai-dx\n" in r.stderr
    assert not list(work.glob("content/initiatives/bousai*.md"))
    # A Japanese kind mistyped, in English too; the Japanese names are said.
    r = portal("new", "イベンと", "スマホ教室", "--slug", "class", cwd=work)
    assert r.returncode == 2 and "did you mean `イベント`?" in r.stderr
    assert "(or in Japanese: 取組, イベント, 用語, 戦略, ページ)" in r.stderr
    # An empty title would be a page the build refuses (`title` is empty).
    for title in ["", "　 "]:
        r = portal("new", "取組", title, "--slug", "empty", cwd=work)
        assert r.returncode == 2 and "Error: the title is empty\nHelp: give the page's title" in r.stderr
    assert not (work / "content" / "initiatives" / "empty.md").exists()
    # The kinds in the strategy's words.
    # And by the folder a writer sees in content/ (events for event).
    for kind, folder in [("取組", "initiatives"), ("イベント", "events"), ("用語", "glossary"), ("ページ", "pages"),
                         ("サイト案内", "pages"), ("events", "events"), ("initiatives", "initiatives"),
                         ("pages", "pages")]:
        slug = f"jp-{folder}-{len(kind)}-{kind.isascii()}".lower()
        r = portal("new", kind, "日本語で", "--slug", slug, cwd=work)
        assert r.returncode == 0, r.stderr
        assert (work / "content" / folder / f"{slug}.md").exists()


def test_refuses_to_overwrite_a_foreign_folder(work):
    docs = work / "documents"
    docs.mkdir()
    (docs / "letter.txt").write_text("keep")
    r = portal("build", "--output", str(docs), "--now", NOW, cwd=work)
    assert r.returncode == 1
    assert "did not write" in r.stderr
    assert (docs / "letter.txt").read_text() == "keep"


def test_reproducible(work):
    assert portal("build", "--now", NOW, "--output", "a", cwd=work).returncode == 0
    assert portal("build", "--now", NOW, "--output", "b", cwd=work).returncode == 0
    assert tree(work / "a") == tree(work / "b")


def test_short_options_as_other_generators_spell_them(work):
    """`-o` is `--output` (as in Zola), for build and serve alike; `-p` is serve's `--port`."""
    assert portal("build", "--now", NOW, "-o", "out", cwd=work).returncode == 0
    assert (work / "out" / "index.html").exists() and not (work / "site").exists()
    for command, short, long in (("build", "-o", "--output"), ("serve", "-o", "--output"), ("serve", "-p", "--port")):
        r = portal(command, "--help", cwd=work)
        assert f"{short}, {long} " in r.stdout, (command, r.stdout)


def shipped_portal(tmp_path):
    """A copy of the shipped portal (168 pages): a build long enough to meet another one."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    return tmp_path


def wait_for(path_glob, folder, proc, timeout=60):
    end = time.time() + timeout
    while time.time() < end and proc.poll() is None:
        found = list(folder.glob(path_glob))
        if found:
            return found
        time.sleep(0.005)
    pytest.fail(f"{path_glob} never appeared while the build ran")


def test_two_builds_of_one_output_take_turns(tmp_path):
    """The second build waits for the first (and says so) instead of writing into the same
    folder; both succeed and the site is a clean build's."""
    work = shipped_portal(tmp_path)
    args = [BIN, "build", "--now", NOW]
    first = subprocess.Popen(args, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(".site.lock", work, first)
    second = subprocess.run(args, cwd=work, capture_output=True, text=True, timeout=120)
    out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert second.returncode == 0, second.stderr
    assert f"Waiting for portal build (process {first.pid}) to finish writing site/…" in second.stderr
    assert "Up to date" in second.stdout
    assert portal("build", "--now", NOW, "--output", "fresh", cwd=work).returncode == 0
    site = {k: v for k, v in tree(work / "site").items() if not k.startswith(".portal/")}
    fresh = {k: v for k, v in tree(work / "fresh").items() if not k.startswith(".portal/")}
    assert site == fresh
    assert sorted(p.name for p in work.iterdir()) == ["content", "fresh", "site", "theme"]


def test_a_build_stopped_with_ctrl_c_leaves_the_site_and_its_leftovers_go_next_time(tmp_path):
    """Ctrl-C in a full build leaves the site as it was; the staging folder and lock file it
    leaves beside it are removed by the next build, which alone knows no one writes them."""
    work = shipped_portal(tmp_path)
    assert portal("build", "--now", NOW, cwd=work).returncode == 0
    # Without its cache the next build is a full one, written into a folder beside the site.
    shutil.rmtree(work / "site" / ".portal" / "cache")
    before = tree(work / "site")
    # SIGINT as a terminal sends it (a shell's background job would start with it ignored).
    build = subprocess.Popen([BIN, "build", "--now", NOW], cwd=work, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    staging = wait_for(".site.building-*", work, build)
    build.send_signal(signal.SIGINT)
    build.communicate(timeout=60)
    assert build.returncode == -signal.SIGINT
    assert tree(work / "site") == before
    assert staging[0].exists() and (work / ".site.lock").exists()
    r = portal("build", "--now", NOW, cwd=work)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in work.iterdir()) == ["content", "site", "theme"]


def test_run_outside_the_project_says_so(tmp_path):
    """The usual first mistake: portal run in another folder than the project's."""
    r = portal("build", cwd=tmp_path)
    assert r.returncode == 1
    assert f"content:1:1: error: there is no content folder `content` in {tmp_path}" in r.stderr, r.stderr
    assert f"theme:1:1: error: there is no theme folder `theme` in {tmp_path}" in r.stderr
    assert "run portal in the project's folder (the one holding content/ and theme/)" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_base_url_publishes_a_preview_that_portal_check_accepts(work):
    r = portal("build", "--now", NOW, "--base-url", "https://preview.example.jp/pr-12", "--output", "preview",
               cwd=work)
    assert r.returncode == 0, r.stderr
    home = (work / "preview" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://preview.example.jp/pr-12/">' in home
    # A preview is not for search engines; the live build is.
    assert '<meta name="robots" content="noindex, nofollow">' in home
    assert (work / "preview" / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"
    live = portal("build", "--now", NOW, "--output", "live", cwd=work)
    assert live.returncode == 0, live.stderr
    assert 'name="robots"' not in (work / "live" / "index.html").read_text(encoding="utf-8")
    assert "Allow: /" in (work / "live" / "robots.txt").read_text(encoding="utf-8")
    # Its sitemap lists no page (they all ask not to be indexed); the live one lists them.
    assert "<loc>" not in (work / "preview" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://" in (work / "live" / "sitemap.xml").read_text(encoding="utf-8")
    check = portal("check", "--site", "preview", cwd=work)
    assert check.returncode == 0, check.stdout + check.stderr
    bad = portal("build", "--base-url", "preview.example.jp", cwd=work)
    assert bad.returncode == 2
    assert "`--base-url preview.example.jp` is not an http(s) address" in bad.stderr
    other = portal("build", "--base-url", "https://www.pref.chiba.lg.jp//evil.example/", cwd=work)
    assert other.returncode == 2
    assert "has `//` in its path, which would lead links to another site" in other.stderr


def test_a_drafts_build_is_a_preview(work):
    """Drafts are text not yet approved: a --drafts build asks search engines to stay out."""
    r = portal("build", "--now", NOW, "--drafts", "--output", "drafts", cwd=work)
    assert r.returncode == 0, r.stderr
    home = (work / "drafts" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in home
    assert (work / "drafts" / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"
    assert "<loc>" not in (work / "drafts" / "sitemap.xml").read_text(encoding="utf-8")


def test_drafts_are_built_apart_from_the_site_that_is_uploaded(work):
    """Without --output, a --drafts build goes to site-drafts/, not site/: a preview of text not
    yet approved (noindex, drafts inside) must not be what a deploy of site/ publishes."""
    assert portal("build", "--now", NOW, cwd=work).returncode == 0
    before = tree(work / "site")
    r = portal("build", "--now", NOW, "--drafts", cwd=work)
    assert r.returncode == 0, r.stderr
    assert tree(work / "site") == before
    assert "noindex" in (work / "site-drafts" / "index.html").read_text(encoding="utf-8")
    assert "noindex" not in (work / "site" / "index.html").read_text(encoding="utf-8")


def test_no_cache_mends_a_damaged_output_and_hidden_files_are_kept(work):
    """What the last build wrote at the top of the output, deleted by hand (`index.html`, a
    section's folder, `rm -rf site/*`), is noticed: everything is built again. A page deleted
    deeper down is not ("Up to date"); --no-cache builds everything again. A full build
    replaces the folder but keeps the hidden entries someone deploying keeps there (.git of a
    gh-pages worktree, .nojekyll)."""
    assert portal("build", "--now", NOW, cwd=work).returncode == 0
    (work / "site" / "index.html").unlink()
    r = portal("build", "--now", NOW, cwd=work)
    assert r.returncode == 0 and r.stdout.startswith("Built "), r.stdout + r.stderr
    assert (work / "site" / "index.html").exists()
    page = next((work / "site" / "initiatives").glob("*/index.html"))
    page.unlink()
    (work / "site" / ".nojekyll").write_text("", encoding="utf-8")
    (work / "site" / ".git").mkdir()
    (work / "site" / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    r = portal("build", "--now", NOW, cwd=work)
    assert r.stdout.startswith("Up to date"), r.stdout
    r = portal("build", "--now", NOW, "--no-cache", cwd=work)
    assert r.returncode == 0 and r.stdout.startswith("Built "), r.stdout + r.stderr
    assert page.exists()
    assert (work / "site" / ".nojekyll").exists()
    assert (work / "site" / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/gh-pages\n"


def test_a_base_path_in_japanese_is_escaped_in_the_sitemap(work):
    """The sitemap protocol asks for escaped addresses."""
    config = work / "content" / "site.yml"
    text = config.read_text(encoding="utf-8")
    base = next(line for line in text.splitlines() if line.startswith("base_url:"))
    config.write_text(text.replace(base, "base_url: https://example.jp/デジタル/"), encoding="utf-8")
    r = portal("build", "--now", NOW, "--output", "jp", cwd=work)
    assert r.returncode == 0, r.stderr
    robots = (work / "jp" / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://example.jp/%E3%83%87%E3%82%B8%E3%82%BF%E3%83%AB/sitemap.xml" in robots
    sitemap = (work / "jp" / "sitemap.xml").read_text(encoding="utf-8")
    assert "デジタル" not in sitemap
    assert "<loc>https://example.jp/%E3%83%87%E3%82%B8%E3%82%BF%E3%83%AB/</loc>" in sitemap


def test_lint_asks_a_reading_of_rare_kanji_unless_the_site_knows_the_word(work):
    """`lint.rare-kanji` through the command, and site.yml's `known_words` silencing it."""
    page = work / "content" / "initiatives" / "kashiwa.md"
    page.write_text("---\ntitle: 柏の取組\nsummary: 市の取組です。\nfields: [safety]\n---\n\n"
                    "柏市役所で説明会を開きます。\n", encoding="utf-8")
    r = portal("lint", "--format", "json", str(page), cwd=work)
    found = [d for d in json.loads(r.stdout)["diagnostics"] if d["code"] == "lint.rare-kanji"]
    assert [(d["line"], d["column"]) for d in found] == [(7, 1)], found
    assert "柏" in found[0]["message"]
    site = work / "content" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "known_words: [柏市]\n", encoding="utf-8")
    r = portal("lint", "--format", "json", str(page), cwd=work)
    assert not [d for d in json.loads(r.stdout)["diagnostics"] if d["code"] == "lint.rare-kanji"]


def test_new_outside_the_project_makes_no_stray_content_folder(tmp_path):
    """Run where there is no content/site.yml, `portal new` used to create content/… there,
    where no build looks; it is a usage error now, and nothing is written."""
    r = portal("new", "initiative", "テスト", "--slug", "test", cwd=tmp_path)
    assert r.returncode == 2, r
    assert "has no site.yml" in r.stderr and "Help: run portal new in the project's folder" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_lint_warns_of_an_updated_day_still_to_come(work):
    """`content.future-updated`, which `portal build` gives, from `portal lint` too: today is
    `--now` (else the computer's clock), the warning at the value."""
    page = work / "content" / "initiatives" / "kashiwa.md"
    page.write_text("---\ntitle: 防災の取組\nsummary: 市の取組です。\nfields: [safety]\nupdated: 2099-01-05\n---\n\n"
                    "説明会を開きます。\n", encoding="utf-8")
    r = portal("lint", "--format", "json", "--now", NOW, str(page), cwd=work)
    found = [d for d in json.loads(r.stdout)["diagnostics"] if d["code"] == "content.future-updated"]
    assert [(d["line"], d["column"], d["severity"]) for d in found] == [(5, 10, "warning")], found
    assert "2099-01-05" in found[0]["message"]
    assert portal("lint", "--strict", "--now", NOW, str(page), cwd=work).returncode == 1
    r = portal("lint", "--format", "json", "--now", "2099-01-05T09:00:00+09:00", str(page), cwd=work)
    assert not [d for d in json.loads(r.stdout)["diagnostics"] if d["code"] == "content.future-updated"]
    # A page not asked for is not reported; the computer's clock is today when --now is not given.
    other = work / "content" / "initiatives" / "ai-disaster.md"
    r = portal("lint", "--format", "json", str(other), cwd=work)
    assert not [d for d in json.loads(r.stdout)["diagnostics"] if d["code"] == "content.future-updated"]
    r = portal("lint", "--format", "json", str(page), cwd=work)
    assert [d["line"] for d in json.loads(r.stdout)["diagnostics"] if d["code"] == "content.future-updated"] == [5]
    r = portal("lint", "--now", "tomorrow", cwd=work)
    assert r.returncode == 2 and "`--now tomorrow` is not an ISO 8601 date-time" in r.stderr


def test_lint_warns_of_a_publish_time_years_ahead(work):
    """`content.far-publish` (a `publish` more than a year after today: 2062 typed for 2026),
    which `portal build` gives, from `portal lint` too, at the value; not once it is near."""
    page = work / "content" / "initiatives" / "kashiwa.md"
    page.write_text("---\ntitle: 防災の取組\nsummary: 市の取組です。\nfields: [safety]\n"
                    "publish: 2062-11-20T09:00:00+09:00\n---\n\n説明会を開きます。\n", encoding="utf-8")
    r = portal("lint", "--format", "json", "--now", NOW, str(page), cwd=work)
    found = [d for d in json.loads(r.stdout)["diagnostics"] if d["code"] == "content.far-publish"]
    assert [(d["line"], d["column"], d["severity"]) for d in found] == [(5, 10, "warning")], found
    assert portal("lint", "--strict", "--now", NOW, str(page), cwd=work).returncode == 1
    r = portal("lint", "--format", "json", "--now", "2062-01-05T09:00:00+09:00", str(page), cwd=work)
    assert not [d for d in json.loads(r.stdout)["diagnostics"] if d["code"] == "content.far-publish"]


def test_usage_mistakes_say_error_help_usage_on_their_own_lines(work):
    """Each usage mistake is `Error:`, `Help:` (with a "did you mean" where one fits) and
    `Usage:` on lines of their own, exit 2; `portal lint` given a file it does not read says so
    instead of "Linted 0 files: no problems", which read as a pass."""
    outside = work / "notes.md"
    outside.write_text("# メモ\n", encoding="utf-8")
    cases = [
        (["new", "initiative", "x", "--slug", "Bad_Slug"], "the slug `Bad_Slug` may only use", "--slug bad-slug"),
        (["search", "--site", "site", "--kind", "glosary", "防災"], "`--kind glosary` is not a kind",
         "did you mean `glossary`?"),
        (["lint", str(outside)], "is not in the content folder `content`", "give a file or folder under it"),
        (["lint", "content/site.yml"], "`content/site.yml` is not a Markdown page", "reported by portal build"),
        (["check", "--retries", "-1"], "`--retries -1` must be 0 or more", "--retries 2 (the default)"),
        (["serve", "--port", "99999"], "`--port 99999` is not a port", "from 1024 to 65535"),
        (["search", "--site", "site", "--limit", "-1", "防災"], "`--limit -1` must be 0 or more",
         "--limit 0 prints every match"),
    ]
    for args, error, hint in cases:
        r = portal(*args, cwd=work)
        assert r.returncode == 2, (args, r)
        lines = r.stderr.splitlines()
        assert lines[0].startswith("Error: ") and error in lines[0], (args, r.stderr)
        assert lines[1].startswith("Help: ") and hint in lines[1], (args, r.stderr)
        assert lines[2].startswith("Usage: portal "), (args, r.stderr)


def test_check_right_after_a_rebuild_of_a_template_edit_is_not_stale(work):
    """A rebuild that changed only a template (nothing the source map records) dates the
    source map anew, so `portal check --strict` of the fresh site does not call it stale;
    a failed build leaves the date, and check then says the site is older than its files."""
    assert portal("build", "--now", NOW, cwd=work).returncode == 0
    past = time.time() - 600
    for p in [*work.rglob("*")]:
        os.utime(p, (past, past), follow_symlinks=False)
    template = work / "theme" / "templates" / "home.mustache"
    template.write_text(template.read_text(encoding="utf-8").replace("</h1>", "（試行）</h1>", 1), encoding="utf-8")
    r = portal("build", "--now", NOW, cwd=work)
    assert r.returncode == 0 and r.stdout.startswith("Updated "), r.stdout + r.stderr
    r = portal("check", "--strict", cwd=work)
    assert r.returncode == 0 and "check.stale" not in r.stdout + r.stderr, r.stdout + r.stderr
    # A build that fails leaves the site, and its date, as they were.
    os.utime(work / "site" / ".portal" / "sourcemap.json", (past, past))
    page = work / "content" / "initiatives" / "ai-disaster.md"
    page.write_text(page.read_text(encoding="utf-8").replace("fields: [crisis-management, safety]", "fields: [crisis]"), encoding="utf-8")
    assert portal("build", "--now", NOW, cwd=work).returncode == 1
    r = portal("check", cwd=work)
    assert "check.stale" in r.stdout + r.stderr, r.stdout + r.stderr


def test_a_computer_set_to_japanese_reads_japanese(work):
    """With PORTAL_LANG=ja (or LANG=ja_JP…), lint's warnings and the build's last line are in
    Japanese; the position, the severity and the code stay as editors and CI read them."""
    page = work / "content" / "initiatives" / "ai-disaster.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n![](map.png)\n", encoding="utf-8")
    env = {**os.environ, "PORTAL_LANG": "ja"}
    r = subprocess.run([BIN, "lint", "content/initiatives/ai-disaster.md"], cwd=work, env=env,
                       capture_output=True, text=True, timeout=120)
    assert "warning: この画像には代わりのテキスト（alt）がありません [lint.image-alt]" in r.stdout, r.stdout
    assert "\n    直し方: 何が写っているかを [ ] の中に書いてください。例：`![避難所の地図](map.png)`" in r.stdout
    assert r.stdout.rstrip().splitlines()[-1].startswith("ファイル1個を確かめました：警告")
    r = subprocess.run([BIN, "build", "--now", NOW], cwd=work, env={**os.environ, "PORTAL_LANG": "", "LANG": "ja_JP.UTF-8"},
                       capture_output=True, text=True, timeout=120)
    # The image is missing too: the build fails, and says so in Japanese.
    assert r.returncode == 1, r.stdout + r.stderr
    # A first build: there is no earlier output to keep.
    assert r.stdout.startswith("ビルドに失敗しました：エラー1件、警告0件。何も書き出していません（"), r.stdout
    assert "content/initiatives/ai-disaster.md:" in r.stderr and "[content.broken-link]" in r.stderr
    r = portal("lint", "content/initiatives/ai-disaster.md", cwd=work)
    assert "this image has no alternative text" in r.stdout


def test_new_speaks_japanese_on_a_japanese_computer(work):
    """`portal new`, which writers use most, answers in Japanese too: what it made, and a kind
    mistyped gets the Japanese name meant (イベンと → イベント)."""
    env = {**os.environ, "PORTAL_LANG": "ja"}

    def new(*args):
        return subprocess.run([BIN, "new", *args], cwd=work, env=env, capture_output=True, text=True, timeout=60)

    r = new("イベンと", "スマホ教室", "--slug", "class")
    assert r.returncode == 2
    assert "`イベンと` という種類はありません\n直し方: `イベント` のまちがいではありませんか。取組・イベント・用語・戦略・ページ のどれかを書いてください" in r.stderr
    r = new("取組", "防災の取組")
    assert r.returncode == 2 and "日本語の題名は、ページのアドレスに使えません" in r.stderr
    r = new("取組", "防災の取組", "--slug", "bousai-ja")
    assert r.returncode == 0 and r.stdout.strip() == "content/initiatives/bousai-ja.md を作りました"
    r = new("取組", "防災の取組", "--slug", "bousai-ja")
    assert r.returncode == 2 and r.stderr.startswith("Error: content/initiatives/bousai-ja.md はもうあります\n直し方: ")


def test_list_rules_speaks_japanese_on_a_japanese_computer(work):
    """`portal lint --list-rules` gives each rule's summary and threshold in Japanese with
    PORTAL_LANG=ja, and the English of before, word for word, with PORTAL_LANG=en."""

    def list_rules(language):
        env = {**os.environ, "PORTAL_LANG": language}
        r = subprocess.run([BIN, "lint", "--list-rules"], cwd=work, env=env, capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stdout + r.stderr
        return r.stdout.splitlines()

    ja = list_rules("ja")
    # The summaries start two spaces after the longest id.
    pad = " " * (len("lint.fullwidth-alphanumeric") + 2)
    assert "lint.sentence-length" + pad[len("lint.sentence-length"):] + "文が長すぎて、一度では読めません。" in ja
    assert pad + "既定値 60：一つの文の最大の文字数" in ja
    assert "lint.image-alt" + pad[len("lint.image-alt"):] + "画像に代わりのテキスト（alt）がありません。" in ja
    assert pad + "オン・オフ" in ja
    assert not any("default " in line or "on or off" in line for line in ja)
    en = list_rules("en")
    # Two lines a rule, every rule the JSON listing has.
    rules = json.loads(subprocess.run([BIN, "lint", "--list-rules", "--format", "json"], cwd=work,
                                      capture_output=True, text=True, timeout=60).stdout)
    assert len(rules) >= 38
    assert len(en) == len(ja) == 2 * len(rules)
    assert "lint.sentence-length" + pad[len("lint.sentence-length"):] + "A sentence is too long to read in one go." in en
    assert pad + "default 60: maximum characters in one sentence" in en
    assert "lint.image-alt" + pad[len("lint.image-alt"):] + "An image without alternative text." in en
    assert pad + "on or off" in en
    assert [line.split()[0] for line in en[::2]] == [line.split()[0] for line in ja[::2]]


def test_usage_mistakes_speak_japanese_on_a_japanese_computer(work):
    """Every command's usage mistakes say `Error:` and `直し方:` in Japanese with PORTAL_LANG=ja
    (the `Usage:` line stays ArgumentParser's); with PORTAL_LANG=en they are the English of
    before, word for word."""
    outside = work / "notes.md"
    outside.write_text("# メモ\n", encoding="utf-8")
    assert portal("build", "--now", NOW, cwd=work).returncode == 0
    cases = [
        (["lint", str(outside)],
         f"`{outside}` は content フォルダー `content` の中にありません",
         "直し方: portal lint が確かめるのは content フォルダーのページです。その中のファイルかフォルダーを指定するか、"
         "`--content` で content フォルダーを指定してください",
         f"Error: `{outside}` is not in the content folder `content`",
         "Help: portal lint reads the pages of the content folder: give a file or folder under it, or the folder "
         "with --content DIR"),
        (["lint", "content/site.yml"],
         "`content/site.yml` は Markdown のページではありません",
         "直し方: portal lint が確かめるのは .md のページの文章です。site.yml の問題は portal build で表示されます",
         "Error: `content/site.yml` is not a Markdown page",
         "Help: portal lint checks the text of .md pages; problems in site.yml are reported by portal build"),
        (["build", "--now", "tomorrow"],
         "`--now tomorrow` は日時として読めません",
         "直し方: 日時は ISO 8601 の形で書いてください（例：--now 2026-12-01T09:00:00+09:00、日付だけなら --now 2026-12-01）",
         "Error: `--now tomorrow` is not an ISO 8601 date-time",
         "Help: write for example --now 2026-12-01T09:00:00+09:00, or a date alone: --now 2026-12-01 (midnight in Japan)"),
        (["lint", "--now", "tomorrow"],
         "`--now tomorrow` は日時として読めません", "直し方: 日時は ISO 8601 の形で書いてください（",
         "Error: `--now tomorrow` is not an ISO 8601 date-time",
         "Help: write for example --now 2026-12-01T09:00:00+09:00, or a date alone: --now 2026-12-01 (midnight in Japan)"),
        # A time without its offset: Japan's is added.
        (["build", "--now", "2026-12-01T09:00"],
         "`--now 2026-12-01T09:00` には時差（タイムゾーン）がありません。どこの時刻か分かりません",
         "直し方: 日本の時刻を表す +09:00 を付けてください：--now 2026-12-01T09:00:00+09:00",
         "Error: `--now 2026-12-01T09:00` has no offset: the build cannot tell which country's clock it is",
         "Help: add Japan's offset: --now 2026-12-01T09:00:00+09:00"),
        (["build", "--base-url", "https://preview.example.jp/a b/"],
         "`--base-url https://preview.example.jp/a b/` のアドレスは使えません。アドレスに使えないスペースが入っています",
         "直し方: たとえば --base-url https://preview.example.jp/pr-12/ と書いてください",
         "Error: `--base-url https://preview.example.jp/a b/` has a space in it, which an address cannot have",
         "Help: write for example --base-url https://preview.example.jp/pr-12/"),
        (["check", "--config", "missing.yml"],
         "`--config` に指定した `missing.yml` がありません",
         "直し方: site.yml の場所を指定してください（例：--config content/site.yml）",
         "Error: `--config missing.yml` does not exist",
         "Help: give the path of site.yml"),
        (["check", "--base-url", "ftp://dx.example.jp/"],
         "`--base-url ftp://dx.example.jp/` は、`https://` か `http://` で始まるアドレスではありません",
         "直し方: たとえば --base-url https://dx.example.jp/ と書いてください",
         "Error: `--base-url ftp://dx.example.jp/` is not an http(s) URL",
         "Help: write for example https://dx.example.jp/"),
        (["search", " "],
         "探す言葉がありません", "直し方: 探す言葉を書いてください（例：portal search 防災）",
         "Error: the query is empty", "Help: give what to look for, for example portal search 防災"),
        (["search", "--limit", "-1", "防災"],
         "`--limit -1` は使えません。0 以上の数を指定してください",
         "直し方: 一致したものをすべて表示するときは --limit 0 と書いてください",
         "Error: `--limit -1` must be 0 or more", "Help: --limit 0 prints every match"),
        (["search", "--kind", "glosary", "防災"],
         "`--kind glosary` という種類はありません",
         "直し方: `glossary` のまちがいではありませんか。戦略・分野・取組・イベント・用語・このサイトについて のどれかを書いてください"
         "（英語の strategy・field・initiative・event・glossary・about でも書けます）",
         "Error: `--kind glosary` is not a kind",
         "Help: did you mean `glossary`? use strategy, field, initiative, event, glossary or about "
         "(or 戦略, 分野, 取組, イベント, 用語, このサイトについて)"),
        (["check", "--timeout", "0"],
         "`--timeout 0` は使えません。0 より大きい秒数を指定してください",
         "直し方: たとえば --timeout 10 と書いてください（書かないときは 10 秒です）",
         "Error: `--timeout 0` must be more than 0 seconds", "Help: for example --timeout 10 (the default)"),
        # A negative number is the option's value, not an option of its own.
        (["check", "--retries", "-1"],
         "`--retries -1` は使えません。0 以上の数を指定してください",
         "直し方: たとえば --retries 2 と書いてください（書かないときは 2 です）",
         "Error: `--retries -1` must be 0 or more", "Help: for example --retries 2 (the default)"),
        (["check", "--per-host", "0"],
         "`--per-host 0` は使えません。1 以上の数を指定してください",
         "直し方: たとえば --per-host 2 と書いてください（書かないときは 2 です）",
         "Error: `--per-host 0` must be 1 or more", "Help: for example --per-host 2 (the default)"),
        (["serve", "--port", "99999"],
         "`--port 99999` はポート番号として使えません",
         "直し方: 1024 から 65535 までの数か、0 を指定してください（0 なら空いているポートを選びます）",
         "Error: `--port 99999` is not a port", "Help: use a number from 1024 to 65535, or 0"),
        (["serve", "--host", "localhost"],
         "`--host localhost` は IPv4 のアドレスではありません",
         "直し方: 127.0.0.1（このパソコンだけで見る）か 0.0.0.0（同じネットワークのほかの機器からも見る）を指定してください",
         "Error: `--host localhost` is not an IPv4 address",
         "Help: use 127.0.0.1 (this computer only) or 0.0.0.0 (every network of this computer)"),
    ]

    def run(args, language):
        env = {**os.environ, "PORTAL_LANG": language}
        return subprocess.run([BIN, *args], cwd=work, env=env, capture_output=True, text=True, timeout=60)

    for args, error, hint, english_error, english_help in cases:
        r = run(args, "ja")
        assert r.returncode == 2, (args, r)
        lines = r.stderr.splitlines()
        assert lines[0] == "Error: " + error, (args, r.stderr)
        assert lines[1].startswith(hint), (args, r.stderr)
        # The usage lines in Japanese too, as ArgumentParser's own mistakes have them.
        assert lines[2].startswith("使い方: portal "), (args, r.stderr)
        assert lines[3].startswith("  くわしい説明は、portal ") and "Usage" not in r.stderr, (args, r.stderr)
        r = run(args, "en")
        assert r.returncode == 2, (args, r)
        assert r.stderr.splitlines()[:2] == [english_error, english_help], (args, r.stderr)
        assert r.stderr.splitlines()[2].startswith("Usage: portal "), (args, r.stderr)
    # A search without an index, and a command mistyped: said by Portal itself, not ArgumentParser.
    r = run(["search", "--site", "nowhere", "防災"], "ja")
    assert r.returncode == 1
    assert r.stderr == (f"Error: {work / 'nowhere' / 'search' / 'meta.json'} に検索の索引がありません\n"
                        "直し方: 先に `portal build` を実行するか、`--site` でビルドしたサイトのフォルダーを指定してください\n")
    r = run(["search", "--site", "nowhere", "防災"], "en")
    assert r.stderr == (f"Error: no search index at {work / 'nowhere' / 'search' / 'meta.json'}\n"
                        "Help: run `portal build` first, or point --site at the built site folder\n")
    r = run(["buld"], "ja")
    assert r.returncode == 2
    assert r.stderr.splitlines() == [
        "Error: `buld` というコマンドはありません",
        "直し方: `portal build` のまちがいではありませんか。",
        "使い方: portal <コマンド>（コマンドは build、new、search、check、lint、serve のどれかです）",
    ]
    r = run(["buld"], "en")
    assert r.stderr.splitlines() == [
        "Error: there is no command `buld`",
        "Help: did you mean `portal build`?",
        "Usage: portal <command>, with one of: build, new, search, check, lint, serve",
    ]


def test_a_build_while_serving_says_so_in_japanese(work):
    """The output-lock message: `portal build` on the folder `portal serve` writes stops at once,
    saying in Japanese which process serves it, at which address, and what to do."""
    env = {**os.environ, "PORTAL_LANG": "ja"}
    server = subprocess.Popen([BIN, "serve", "--port", "0"], cwd=work, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        assert line.startswith("site/ を http://127.0.0.1:") and " で表示しています。止めるときは Ctrl-C" in line, line
        url = line.split(" ")[2]
        r = subprocess.run([BIN, "build"], cwd=work, env=env, capture_output=True, text=True, timeout=60)
        assert r.returncode == 1, r
        assert r.stderr.splitlines() == [
            f"Error: portal serve（プロセス {server.pid}、{url}）が site/ に書き込んでいます",
            f"直し方: portal serve は、保存のたびに site/ を作り直しています。{url} を開いて確かめるか、"
            "先に portal serve を止めてください（動いているターミナルで Ctrl-C）。"
            "別のフォルダーに書き出すときは、`--output` で指定してください",
        ], r.stderr
    finally:
        server.send_signal(signal.SIGINT)
        out, _ = server.communicate(timeout=30)
    assert server.returncode == 0 and "止めました。" in out


def test_lint_counts_a_file_whose_front_matter_stops_it(work):
    """A page whose front matter has an error is still a file lint read: the last line does not
    say "Linted 0 files" above that file's error."""
    page = work / "content" / "initiatives" / "ai-disaster.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title: ", "title：", 1), encoding="utf-8")
    r = portal("lint", "content/initiatives/ai-disaster.md", cwd=work)
    assert "content/initiatives/ai-disaster.md:" in r.stdout
    assert r.stdout.rstrip().splitlines()[-1].startswith("Linted 1 file: 1 error"), r.stdout


def test_lint_says_why_it_read_nothing_when_site_yml_is_broken(work):
    """Lint reads site.yml (its settings, the glossary) before any page: when it cannot, its
    error is why nothing was linted, whichever pages were named (it printed nothing and exit 1,
    found by tests/test_fuzz_edits.py), and `--format json` stays JSON."""
    config = work / "content" / "site.yml"
    config.write_bytes(config.read_bytes() + b"\xff\xfe\n")
    r = portal("lint", "content/initiatives/ai-disaster.md", cwd=work)
    assert r.returncode == 1
    assert "content/site.yml:" in r.stdout and "not valid UTF-8" in r.stdout, r.stdout
    assert r.stdout.rstrip().splitlines()[-1] == "Linted 0 files: 1 error.", r.stdout
    r = portal("lint", "--format", "json", "content/initiatives/ai-disaster.md", cwd=work)
    assert r.returncode == 1
    report = json.loads(r.stdout)
    assert [d["file"] for d in report["diagnostics"]] == ["content/site.yml"], report
    assert report["diagnostics"][0]["line"] >= 1 and report["diagnostics"][0]["column"] >= 1


def test_front_matter_lines_that_are_not_key_value_are_said_in_plain_words(work):
    """Lines pasted into a front matter that YAML reads as syntax (`]]`, `%%`) or that are
    Markdown (a callout, a code fence), a value starting with such a character and a `---` too
    many (found by tests/test_fuzz_edits.py): each named at its line in the writer's words, in
    English and in Japanese, never in the YAML parser's nor with an example key the line lacks."""
    head = "---\ntitle: 防災\nsummary: 説明です。\n"
    fields = "fields: [crisis-management]\n"
    pages = {
        "brackets": head + "]]\n" + fields + "---\n本文です。\n",
        "percent": head + "%%\n" + fields + "---\n本文です。\n",
        "callout": head + fields + "> [!重要] 締め切り\n---\n本文です。\n",
        "fence": head + "```\n" + fields + "---\n本文です。\n",
        "value": "---\ntitle: 防災\nsummary: @県の説明です。\n" + fields + "---\n本文です。\n",
        "dashes": "---\ntitle: 防災\n---\nsummary: 説明です。\n" + fields + "---\n本文です。\n",
    }
    for name, text in pages.items():
        (work / "content" / "initiatives" / f"{name}.md").write_text(text, encoding="utf-8")
    r = portal("build", "--now", NOW, cwd=work)
    assert r.returncode == 1
    folder = "content/initiatives/"
    for line in [
        "brackets.md:4:1: error: line 4 is not `key: value`: front matter lines are `key: value` (or `- item` under a list)",
        "percent.md:4:1: error: line 4 is not `key: value`",
        "callout.md:5:1: error: line 5 is Markdown (a quotation) above the closing `---`: the front matter holds only `key: value` lines",
        "fence.md:4:1: error: line 4 is Markdown (a code fence) above the closing `---`",
        "value.md:3:10: error: `summary` cannot start with `@` unless the whole value is in quotes: YAML reads `@` there as syntax, not as text",
        "dashes.md:3:1: error: the front matter ends at the `---` on line 3, but lines 4 to 5 below it are keys too: a `---` too many",
    ]:
        assert folder + line in r.stderr, r.stderr
    assert "hint: if it is the page's text, put it below the closing `---` (line 6); if not, remove it" in r.stderr
    assert 'hint: put the whole value in quotes: `summary: "@県の説明です。"`' in r.stderr
    assert "YAML:" not in r.stderr and "check the indentation" not in r.stderr and "title:" not in r.stderr
    # The file with the `---` too many has no other error: its keys were read where meant.
    assert r.stderr.count("dashes.md:") == 1, r.stderr
    r = portal("build", "--now", NOW, cwd=work, env={"PORTAL_LANG": "ja"})
    assert folder + "brackets.md:4:1: error: 4行目が `key: value`（項目名: 値）の形になっていません" in r.stderr, r.stderr
    assert "閉じる `---`（6行目）より下に移してください" in r.stderr
    assert folder + "callout.md:5:1: error: 5行目は Markdown（引用）です" in r.stderr


def test_lint_reports_a_closing_line_too_many_as_build_does(work):
    """`portal lint` loads pages through the build's loader: a `---` too many is the same error
    at the same place, with the same hint (front-matter.closing), in English, in Japanese and
    in JSON, and nothing else (the page is not one until it is fixed, as in the build)."""
    page = work / "content" / "initiatives" / "dashes.md"
    page.write_text(
        "---\ntitle: 防災\n---\nsummary: 説明です。\nfields: [crisis-management]\n---\n本文です。\n",
        encoding="utf-8")
    for env in [None, {"PORTAL_LANG": "ja"}]:
        build = portal("build", "--now", NOW, cwd=work, env=env)
        said = [line for line in build.stderr.splitlines() if "dashes.md" in line]
        assert len(said) == 1 and said[0].startswith("content/initiatives/dashes.md:3:1: error: "), build.stderr
        hint = build.stderr.splitlines()[build.stderr.splitlines().index(said[0]) + 1]
        r = portal("lint", "--now", NOW, "content/initiatives/dashes.md", cwd=work, env=env)
        assert r.returncode == 1
        lines = r.stdout.rstrip().splitlines()
        assert lines[:2] == [said[0], hint], r.stdout
        assert "[front-matter.closing]" in said[0] and len(lines) == 3, r.stdout
    r = portal("lint", "--format", "json", "content/initiatives/dashes.md", cwd=work)
    [d] = json.loads(r.stdout)["diagnostics"]
    assert (d["line"], d["column"], d["code"]) == (3, 1, "front-matter.closing"), d


def test_lint_says_which_rules_warn_most(work):
    """With many warnings of several rules, the line before the summary names the three rules
    with the most (in Japanese on a Japanese computer); with few, there is no such line."""
    page = work / "content" / "initiatives" / "ai-disaster.md"
    body = page.read_text(encoding="utf-8")
    many = "".join(f"\n![](map{n}.png)\n" for n in range(8)) + "\n県のアクセシビリティとユーザビリティです。\n"
    page.write_text(body + many + "\nｶﾀｶﾅです。\n", encoding="utf-8")
    r = portal("lint", "content/initiatives/ai-disaster.md", cwd=work, env={"PORTAL_LANG": "en"})
    lines = r.stdout.rstrip().splitlines()
    assert lines[-2] == "Most warnings: lint.image-alt 8, lint.katakana-word 2, lint.halfwidth-kana 1", lines[-2:]
    assert lines[-1].startswith("Linted 1 file: 11 warnings"), lines[-1]
    r = portal("lint", "content/initiatives/ai-disaster.md", cwd=work, env={"PORTAL_LANG": "ja"})
    assert r.stdout.rstrip().splitlines()[-2] == \
        "警告の多い規則：lint.image-alt 8件、lint.katakana-word 2件、lint.halfwidth-kana 1件"
    page.write_text(body + "\n![](map.png)\n", encoding="utf-8")
    r = portal("lint", "content/initiatives/ai-disaster.md", cwd=work, env={"PORTAL_LANG": "en"})
    assert not any(line.startswith("Most warnings") for line in r.stdout.splitlines()), r.stdout


def test_words_joined_by_a_full_width_space_are_told_apart(work):
    """A full-width space typed with the Japanese input on joins two words into one: said as
    such, with the line to type (the option kept), exit 2; a title or query holding one is
    the writer's text and works."""
    r = portal("lint　--strict", cwd=work)
    assert r.returncode == 2
    assert r.stderr.splitlines()[:2] == [
        "Error: `lint　--strict` was read as one word: a full-width space (　) is between `lint` and `--strict`",
        "Help: type the space half-width (with the Japanese input off): portal lint --strict"]
    assert r.stderr.splitlines()[2].startswith("Usage: portal lint ")
    r = subprocess.run([BIN, "build", "--now", NOW, "-o　preview"], cwd=work, capture_output=True, text=True,
                       timeout=60, env={**os.environ, "PORTAL_LANG": "ja"})
    assert r.returncode == 2 and not (work / "preview").exists()
    assert r.stderr.splitlines()[:2] == [
        "Error: `-o　preview` の間のスペースが全角（　）なので、一つの言葉として読まれました",
        f"直し方: 日本語入力を切って、半角のスペースで区切ってください：portal build --now {NOW} -o preview"]
    r = portal("new", "取組", "防災　訓練", "--slug", "bousai-kunren", cwd=work)
    assert r.returncode == 0, r.stderr
    assert 'title: "防災　訓練"' in (work / "content" / "initiatives" / "bousai-kunren.md").read_text(encoding="utf-8")


def test_a_gh_pages_worktree_is_a_folder_to_build_into(work):
    """The README's gh-pages worktree: `site/` holding only `.git` (and `.nojekyll`), or the
    site a build published there without `.portal/`, is built into, its hidden entries kept;
    files that are no such site (no search index) are still refused, and left as they are."""
    site = work / "site"
    site.mkdir()
    (site / ".git").write_text("gitdir: /repo/.git/worktrees/site\n")
    (site / ".nojekyll").write_text("")
    r = portal("build", "--now", NOW, cwd=work)
    assert r.returncode == 0, r.stderr
    assert (site / ".git").read_text() == "gitdir: /repo/.git/worktrees/site\n"
    # The next commit's checkout: the published files, no .portal/.
    shutil.rmtree(site / ".portal")
    r = portal("build", "--now", NOW, cwd=work)
    assert r.returncode == 0, r.stderr
    assert (site / ".git").exists() and (site / ".nojekyll").exists() and (site / "index.html").exists()
    shutil.rmtree(site / ".portal")
    (site / "notes.txt").write_text("mine")
    (site / "search" / "meta.json").unlink()
    r = portal("build", "--now", NOW, cwd=work)
    assert r.returncode == 1 and "did not write" in r.stderr, r.stderr
    assert (site / "notes.txt").read_text() == "mine"

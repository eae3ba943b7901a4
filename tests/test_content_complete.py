"""Completeness and consistency of the default content in content/ (pure Python, no build).

Checks that the content covers the DX strategy and that its pages fit together:

  (a) each of the 18 fields and the 3 foundation pillars has a field vision and at least one
      initiative, and there are at least 70 initiatives;
  (b) every term the strategy marks with ※ or * (read from the seed text) has a glossary entry
      whose term or alias matches;
  (c) every relative .md link in every body points to an existing content file;
  (d) every id in `fields`, `related`, `initiatives`, `parent`, `domain` and `field` exists;
  (e) slugs are unique per kind and match [a-z0-9-]+;
  (f) the pages about the site (このサイトについて, ウェブアクセシビリティ方針, プライバシーポリシー) are there, in the
      footer, marked as examples, name the target and link the site's `contact`, and claim no
      conformance that was not tested.

Environment:
  PORTAL_SEED   the strategy text (default: ../shared/seeds/*.txt next to the repository root).
                When it is not set and no seed is found, (b) is skipped with the reason.

Run: python3 -m pytest -q tests/test_content_complete.py
"""
import glob
import os
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
KINDS = ["strategy", "fields", "initiatives", "events", "glossary", "pages"]
SLUG = re.compile(r"^[a-z0-9-]+$")

# The default ids of docs/content-format.md: domain id -> field ids, in order.
EXPECTED_FIELDS = {
    "life": ["crisis-management", "safety", "health-welfare", "children-youth", "infrastructure",
             "environment"],
    "work": ["workstyle", "participation", "learning", "culture-sports"],
    "industry": ["business", "agriculture", "construction", "tourism", "logistics",
                 "carbon-neutral"],
    "government": ["public-services", "data"],
    "foundation": ["awareness", "co-creation", "digital-environment"],
}
MIN_INITIATIVES = 70


# ---------------------------------------------------------------- loading

class Page:
    def __init__(self, kind, path, front, body, body_line):
        self.kind = kind
        self.path = path
        self.front = front
        self.body = body
        self.body_line = body_line  # 1-based file line where the body starts
        self.slug = str(front.get("slug") or path.stem)

    def __repr__(self):
        return f"{self.kind}/{self.path.name}"

    def ids(self, key):
        """A list-valued key as a list of strings (a lone string counts as one id)."""
        value = self.front.get(key)
        if value is None:
            return []
        if isinstance(value, list):
            return [str(v) for v in value]
        return [str(value)]


def split_front_matter(text, path):
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n")
    m = re.match(r"---\n(.*?\n)?---[ \t]*(?:\n|$)", text, re.S)
    assert m, f"{path}: the file must start with front matter between two `---` lines"
    # BaseLoader keeps every scalar a string, as Portal does.
    front = yaml.load(m.group(1) or "", Loader=yaml.BaseLoader) or {}
    assert isinstance(front, dict), f"{path}: the front matter must be a mapping"
    return front, text[m.end():], text[: m.end()].count("\n") + 1


def load_pages():
    pages = {kind: [] for kind in KINDS}
    for kind in KINDS:
        folder = CONTENT / kind
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            if any(part.startswith(("_", ".")) for part in path.relative_to(CONTENT).parts):
                continue
            front, body, body_line = split_front_matter(path.read_text(encoding="utf-8"), path)
            pages[kind].append(Page(kind, path, front, body, body_line))
    return pages


@pytest.fixture(scope="module")
def pages():
    assert CONTENT.is_dir(), f"no content folder at {CONTENT}"
    return load_pages()


@pytest.fixture(scope="module")
def site():
    with open(CONTENT / "site.yml", encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.BaseLoader)


@pytest.fixture(scope="module")
def field_ids(site):
    return [f["id"] for d in site["domains"] for f in d.get("fields", [])]


def published(page_list):
    return [p for p in page_list if str(p.front.get("draft", "false")).lower() != "true"]


# ---------------------------------------------------------------- (a) coverage

def test_site_has_the_default_domains_and_fields(site):
    got = {d["id"]: [f["id"] for f in d.get("fields", [])] for d in site["domains"]}
    assert got == EXPECTED_FIELDS, "site.yml must list the domains and field ids of the spec"
    foundation = [d["id"] for d in site["domains"] if str(d.get("foundation", "")).lower() == "true"]
    assert foundation == ["foundation"], "exactly the `foundation` domain has `foundation: true`"
    for d in site["domains"]:
        assert d.get("name"), f"domain {d['id']} needs a name"
        assert d.get("summary"), f"domain {d['id']} needs a summary"
        if d["id"] != "foundation":
            assert d.get("goal"), f"domain {d['id']} needs a goal"


def test_every_field_has_a_vision_page(pages, site):
    owner = {f["id"]: d["id"] for d in site["domains"] for f in d.get("fields", [])}
    by_field = {}
    for p in pages["fields"]:
        field = str(p.front.get("field", ""))
        assert field in owner, f"{p}: unknown field `{field}`"
        assert str(p.front.get("domain")) == owner[field], \
            f"{p}: the field `{field}` belongs to the domain `{owner[field]}`"
        assert field not in by_field, f"{p}: `{field}` already has a vision in {by_field[field]}"
        by_field[field] = p
        assert p.body.strip(), f"{p}: the vision body is empty"
    missing = sorted(set(owner) - set(by_field))
    assert not missing, f"fields without a vision page in content/fields/: {missing}"


def test_every_field_and_pillar_has_an_initiative(pages, field_ids):
    initiatives = published(pages["initiatives"])
    assert len(initiatives) >= MIN_INITIATIVES, \
        f"only {len(initiatives)} initiatives; the strategy has about 75 主な取組"
    count = {f: 0 for f in field_ids}
    for p in initiatives:
        for f in p.ids("fields"):
            if f in count:
                count[f] += 1
    empty = [f for f, n in count.items() if n == 0]
    assert not empty, f"fields and pillars without any initiative: {empty}"


# ---------------------------------------------------------------- (b) glossary

def seed_paths():
    env = os.environ.get("PORTAL_SEED")
    if env:
        path = Path(env)
        if not path.is_absolute():
            path = ROOT / path
        assert path.is_file(), f"PORTAL_SEED={env} is not a file"
        return [path]
    return [Path(p) for p in sorted(glob.glob(str(ROOT.parent / "shared" / "seeds" / "*.txt")))]


def _is_term_char(c):
    v = ord(c)
    return (
        0x4E00 <= v <= 0x9FFF or 0x3400 <= v <= 0x4DBF or 0x3005 <= v <= 0x3007  # kanji, 々〆〇
        or 0x30A1 <= v <= 0x30FA or c == "ー"  # katakana
        or (c.isascii() and c.isalnum())
        or 0xFF10 <= v <= 0xFF19 or 0xFF21 <= v <= 0xFF3A or 0xFF41 <= v <= 0xFF5A
        or c in "・."
    )


def marked_terms(text):
    """Each ※ or * of the strategy with the run of term characters before it, e.g. DFFT※,
    SNS*, スマート農業・林業・水産業※. A mark after kana (本編で※を付記) marks no term, and
    Markdown syntax (** emphasis, `* ` bullets) is not a mark."""
    found = []
    for m in re.finditer(r"[※*＊]", text):
        i = m.start()
        if m.group() in "*＊":
            nxt = text[i + 1] if i + 1 < len(text) else ""
            prev = text[i - 1] if i > 0 else ""
            if nxt in "*＊" or prev in "*＊":
                continue
        j = i
        while j > 0 and _is_term_char(text[j - 1]):
            j -= 1
        run = text[j:i].strip("・. ")
        if run:
            found.append(run)
    return found


def glossary_names(pages):
    names = {}
    for p in pages["glossary"]:
        for name in [p.front.get("term", "")] + p.ids("aliases"):
            if str(name):
                names[str(name)] = p
    return names


def test_marked_terms_of_the_strategy_are_in_the_glossary(pages):
    paths = seed_paths()
    if not paths:
        pytest.skip("no strategy text: set PORTAL_SEED or put it in ../shared/seeds/*.txt")
    runs = []
    for path in paths:
        runs += marked_terms(path.read_text(encoding="utf-8"))
    assert runs, f"no term marked with ※ or * in {[str(p) for p in paths]}"
    names = sorted(glossary_names(pages), key=len, reverse=True)
    # The run may carry words before the term (2050年カーボンニュートラル): a name must end it.
    missing = sorted({run for run in runs if not any(run.endswith(n) for n in names)})
    assert not missing, f"terms marked ※ or * without a glossary term or alias: {missing}"


def test_glossary_entries_are_complete(pages):
    reading = re.compile(r"^[\u3041-\u309f\u30fc\u30fb ・]+$")
    seen = {}
    for p in pages["glossary"]:
        for key in ("term", "reading", "short"):
            assert str(p.front.get(key, "")).strip(), f"{p}: `{key}` is required"
        assert reading.match(str(p.front["reading"])), f"{p}: `reading` must be hiragana"
        for name in [str(p.front["term"])] + p.ids("aliases"):
            assert name not in seen, f"{p}: `{name}` is already a name of {seen[name]}"
            seen[name] = p


# ---------------------------------------------------------------- (c) links

LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")


def body_without_code(body):
    body = re.sub(r"^(```|~~~).*?^\1[ \t]*$", "", body, flags=re.S | re.M)
    return re.sub(r"(`+)[^`]*?\1", "", body)


def test_relative_md_links_point_to_existing_files(pages):
    broken = []
    for kind in KINDS:
        for p in pages[kind]:
            body = body_without_code(p.body)
            for m in LINK.finditer(body):
                target = m.group(1)
                if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith(("/", "#")):
                    continue
                path_part = re.split(r"[#?]", target, 1)[0]
                if not path_part.endswith(".md"):
                    continue
                resolved = (p.path.parent / path_part).resolve()
                line = p.body_line + body[: m.start()].count("\n")
                inside = CONTENT.resolve() in resolved.parents
                if not (inside and resolved.is_file()):
                    broken.append(f"{p.path.relative_to(ROOT)}:{line}: {target}")
    assert not broken, "links to missing files:\n" + "\n".join(broken)


# ---------------------------------------------------------------- (d) references

def test_references_name_existing_pages(pages, field_ids, site):
    slugs = {kind: {p.slug for p in pages[kind]} for kind in KINDS}
    domain_ids = {d["id"] for d in site["domains"]}
    problems = []

    def check(page, key, ids, known, what):
        for i in ids:
            if i not in known:
                problems.append(f"{page}: `{key}` names an unknown {what} `{i}`")

    for p in pages["initiatives"]:
        assert p.ids("fields"), f"{p}: `fields` needs at least one field id"
        check(p, "fields", p.ids("fields"), set(field_ids), "field")
        check(p, "related", p.ids("related"), slugs["initiatives"], "initiative")
        if p.slug in p.ids("related"):
            problems.append(f"{p}: `related` names the initiative itself")
    for p in pages["events"]:
        check(p, "initiatives", p.ids("initiatives"), slugs["initiatives"], "initiative")
    for p in pages["glossary"]:
        check(p, "related", p.ids("related"), slugs["glossary"], "glossary entry")
    for p in pages["strategy"]:
        check(p, "parent", p.ids("parent"), slugs["strategy"], "strategy page")
    for p in pages["fields"]:
        check(p, "domain", p.ids("domain"), domain_ids, "domain")
        check(p, "field", p.ids("field"), set(field_ids), "field")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- (e) slugs

def test_slugs_are_unique_per_kind_and_valid(pages, site):
    problems = []
    for kind in KINDS:
        seen = {}
        for p in pages[kind]:
            if not SLUG.match(p.slug):
                problems.append(f"{p}: the slug `{p.slug}` must match [a-z0-9-]+")
            if p.slug in seen:
                problems.append(f"{p}: the slug `{p.slug}` is also used by {seen[p.slug]}")
            seen[p.slug] = p
    ids = [d["id"] for d in site["domains"]] + [f["id"] for d in site["domains"]
                                                for f in d.get("fields", [])]
    for i in ids:
        if not SLUG.match(i):
            problems.append(f"site.yml: the id `{i}` must match [a-z0-9-]+")
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        problems.append(f"site.yml: ids used twice: {dupes}")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- (e2) tags

def test_tags_are_a_small_vocabulary_a_resident_browses_by(pages, site):
    """Tags are a few words for life situations, two or three on a page at most, each with a
    reading in site.yml's search_words (its own kana aside) so /tags/ lists it in 五十音 order."""
    problems = []
    used = {}
    for kind in KINDS:
        for p in published(pages[kind]):
            tags = p.ids("tags")
            if len(tags) > 3:
                problems.append(f"{p}: {len(tags)} tags; two or three at most")
            for t in tags:
                used.setdefault(t, []).append(str(p))
    assert used, "the shipped pages carry no tags: /tags/ would not exist"
    if len(used) > 12:
        problems.append(f"{len(used)} different tags: keep the vocabulary small ({sorted(used)})")
    words = {w for group in site.get("search_words", []) for w in group}
    for t in used:
        parts = t.split("・")
        if not all(part in words or re.fullmatch(r"[\u3041-\u30ff・]+", part) for part in parts):
            problems.append(f"the tag {t} has no reading in search_words ({used[t][0]})")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- (f) pages about the site

def test_pages_about_the_site_are_examples_that_say_true_things(pages, site):
    by_slug = {p.slug: p for p in pages["pages"]}
    assert {"this-site", "accessibility"} <= set(by_slug), sorted(by_slug)
    # site.yml's contact (/strategy/promotion/#問い合わせ先) as the file link a body writes.
    # `contact:` is the link alone, or a mapping of it (`url`) and the ways to ask.
    contact = site["contact"]["url"] if isinstance(site["contact"], dict) else site["contact"]
    m = re.match(r"^/([a-z0-9-]+)/([a-z0-9-]+)/(#.*)?$", contact)
    assert m, f"site.yml `contact` is not a page of the site: {contact}"
    contact_link = f"../{m.group(1)}/{m.group(2)}.md{m.group(3) or ''}"
    for slug in ("this-site", "accessibility", "privacy"):
        p = by_slug[slug]
        assert p.front.get("footer", "true").lower() != "false", f"{p}: must be in the footer"
        assert p.front["title"].endswith("（例）"), f"{p}: the title must say it is an example"
        assert "例として載せているページです" in p.body, f"{p}: the body must say it is an example"
        assert f"]({contact_link})" in p.body, f"{p}: must link site.yml's contact ({contact_link})"
    policy = by_slug["accessibility"].body
    for target in ("WCAG 2.2", "JIS X 8341-3:2016", "適合レベルAA"):
        assert target in policy, f"the accessibility policy must name {target}"
    # A target, not a claim: no conformance or test results that were not done.
    for claim in ("準拠しています", "適合しています", "満たしています", "試験を行いました", "試験結果"):
        assert claim not in policy, f"the accessibility policy claims {claim!r}"
    assert "目標" in policy and "まだ行っていません" in policy


def test_the_pages_that_say_how_to_ask_give_site_yml_s_ways(pages, site):
    """The 問い合わせ先 section and the accessibility policy give the footer's phone, fax and
    email (site.yml's `contact`): a resident who cannot use the site must not find other numbers
    there, or none."""
    ways = site["contact"]
    assert isinstance(ways, dict), "site.yml's contact must give the ways to ask"
    by_path = {str(p.path): p for kind in pages.values() for p in kind}
    promotion = next(p for path, p in by_path.items() if path.endswith("strategy/promotion.md"))
    policy = next(p for path, p in by_path.items() if path.endswith("pages/accessibility.md"))
    for page in (promotion, policy):
        for key, label in (("phone", "電話："), ("fax", "ファクス："), ("email", "メール：")):
            assert label + ways[key] in page.body, f"{page}: must give {label}{ways[key]}"


def test_shipped_numbers_are_clearly_fictitious(pages, site):
    """Every phone and fax number shipped (events, site.yml's contact and departments) is of the
    example pattern 043-000-…: a reader who dials one reaches no real person."""
    numbers = [(str(p), p.front.get(k)) for p in pages["events"] for k in ("phone", "fax")]
    ways = [site["contact"]] + list(site.get("departments", {}).values())
    numbers += [("site.yml", w.get(k)) for w in ways for k in ("phone", "fax")]
    for where, number in numbers:
        if number is not None:
            assert re.fullmatch(r"043-000-\d{4}", number), f"{where}: {number} is not 043-000-…"


def test_the_privacy_example_says_what_the_theme_does(pages):
    """The privacy page (例) says no cookies, no other sites' tools or files, and one setting kept
    in the reader's browser: the theme must keep doing just that, or the page must change."""
    privacy = {p.slug: p for p in pages["pages"]}["privacy"].body
    for said in ("クッキー）を使いません", "ほかの会社の道具を使いません", "読み込みません",
                 "ふりがなを出すか消すか", "検索のページの中で入力した言葉は"):
        assert said in privacy, f"the privacy page no longer says {said!r}"
    theme = ROOT / "theme"
    scripts = {f.name: f.read_text(encoding="utf-8") for f in (theme / "assets").glob("*.js")}
    templates = "".join(f.read_text(encoding="utf-8") for f in (theme / "templates").glob("*.mustache"))
    assert not any("cookie" in text.lower() for text in scripts.values()), "a script uses cookies"
    # The one thing kept in the browser: the furigana choice (portal.js), nothing else.
    stored = {name for name, text in scripts.items() if re.search(r"localStorage|sessionStorage|indexedDB", text)}
    assert stored == {"portal.js"}, stored
    assert re.findall(r'KEY = "([^"]+)"', scripts["portal.js"]) == ["portal.furigana"]
    # Nothing from another site: every page's policy allows this site only (and data: images).
    assert "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;" in templates
    # The search boxes of other pages send the words in the address (a GET form): the page says so.
    if re.search(r'<form[^>]*method="get"[^>]*role="search"', templates):
        assert re.search(r"検索のページのアドレス[^。]*の一部になります", privacy), \
            "the privacy page must say a search box sends its words in the address"
    # Search sends no query: the scripts fetch only files of the site (relative or site paths).
    for name, text in scripts.items():
        assert not re.search(r"""fetch\(\s*["'`]https?:""", text), f"{name} fetches from another site"
        assert "XMLHttpRequest" not in text and "sendBeacon" not in text, name

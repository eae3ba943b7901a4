"""Callouts (`> [!WARNING]`, `> [!注意]` in Markdown) in real Chromium: every kind shows its
label in words, stands apart from the text around it, and passes axe (colour contrast
included) on a page that has all five, at phone and desktop widths."""

import shutil

import pytest

from conftest import CONTENT, build_site, serving
from test_browser_a11y import axe_js, format_violations, load, run_axe, set_viewport  # noqa: F401

KINDS = [("NOTE", "note", "補足"), ("TIP", "tip", "ヒント"), ("重要", "important", "重要"),
         ("注意", "warning", "注意"), ("CAUTION", "caution", "警告")]


@pytest.fixture(scope="module")
def callout_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("callouts")
    content = work / "content"
    shutil.copytree(CONTENT, content)
    body = "\n\n".join(
        f"> [!{name}] {label}の例\n> {label}の本文です。[分野の一覧](/fields/)もあります。" for name, _, label in KINDS)
    (content / "pages" / "callouts.md").write_text(
        "---\ntitle: 囲みの例\n---\n\nふつうの段落です。\n\n" + body + "\n\n> ただの引用です。\n",
        encoding="utf-8")
    return build_site(content, work / "site")


@pytest.mark.parametrize("width", [375, 1280])
def test_every_kind_reads_its_label_and_passes_axe(chromium, callout_site, axe_js, width):
    with serving(callout_site) as base:
        set_viewport(chromium, width, 800)
        load(chromium, base + "/about/callouts/")
        boxes = chromium.execute_script(
            "return [...document.querySelectorAll('.callout')].map(b => {"
            " const s = getComputedStyle(b), t = b.querySelector('.callout-title');"
            " return {cls: b.className, title: t.innerText.trim(), bg: s.backgroundColor,"
            "  border: s.borderLeftWidth + ' ' + s.borderLeftColor, color: getComputedStyle(t).color,"
            "  weight: getComputedStyle(t).fontWeight, width: b.getBoundingClientRect().width,"
            "  text: b.innerText}; })")
        assert [b["cls"] for b in boxes] == [f"callout callout-{k}" for _, k, _ in KINDS]
        for (name, kind, label), box in zip(KINDS, boxes):
            assert box["title"] == f"{label}：{label}の例", box
            assert f"{label}の本文です。" in box["text"]
            assert "[!" not in box["text"]
            assert box["bg"] != "rgba(0, 0, 0, 0)" and box["border"].startswith("6px"), box
            assert int(box["weight"]) >= 700
            assert box["width"] <= width, "a callout wider than the screen scrolls sideways"
        # Each kind has colours of its own; a plain quotation stays a quotation.
        assert len({b["bg"] for b in boxes}) == len(KINDS)
        assert chromium.execute_script("return document.querySelectorAll('main blockquote').length") == 1
        result = run_axe(chromium, axe_js)
        assert "error" not in result, result
        assert not result["violations"], format_violations(result["violations"])


def test_the_shipped_event_tells_its_deadline_in_a_callout(chromium, site_dir):
    with serving(site_dir) as base:
        load(chromium, base + "/events/senior-smartphone-class/")
        title = chromium.execute_script(
            "const t = document.querySelector('.callout-important .callout-title');"
            "return t && t.innerText.trim();")
        assert title == "重要：申し込みは1月8日（金）まで"

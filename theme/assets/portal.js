// Progressive enhancements for every page. The site works fully without this file:
// furigana stay shown, glossary terms are plain links with their meanings listed on the page.
// Loaded from a file (never inline), so the strict Content-Security-Policy holds. It runs in
// <head> so a reader who turned furigana off never sees them flash on the next page.
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "portal.furigana";

  function load() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function save(value) {
    try { window.localStorage.setItem(KEY, value); } catch (e) { /* private mode: this page only */ }
  }

  root.classList.add("js");
  if (load() === "off") root.classList.add("ruby-off");

  // ---- Furigana: a real toggle button, only on pages that have furigana (elsewhere it would
  // change nothing; the choice still holds). The layout renders it shown on such pages
  // (`page.has_furigana`), so it is there in the first frame painted; style.css hides it
  // without this script, which makes it work. Kept as a fallback for themes that render it
  // `hidden` always: shown once a <ruby> is parsed. Tried as soon as the header is parsed and
  // again when the page is: true once the buttons are shown and work.
  var rubyShown = false;
  function setupRubyToggle() {
    if (rubyShown) return false;
    var buttons = document.querySelectorAll("button.ruby-toggle");
    var said = false;
    for (var j = 0; j < buttons.length; j++) said = said || !buttons[j].hidden;
    if (!said && !document.querySelector("ruby")) return false;
    rubyShown = true;
    function sync() {
      var shown = !root.classList.contains("ruby-off");
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].setAttribute("aria-pressed", shown ? "true" : "false");
      }
    }
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function () {
        var off = root.classList.toggle("ruby-off");
        save(off ? "off" : "on");
        sync();
      });
      buttons[i].hidden = false;
    }
    sync();
    return true;
  }

  // ---- The header's layout by what fits, measured (what fits depends on the site's title,
  // the reader's text size and the window's height, so no width in CSS can say it). Without this
  // script neither button shows, the menu is always shown and the title has its row to itself.
  // - Folded (`header-fold`: CSS gives it the compact header, the menu behind メニュー) where the
  //   full header's menu would not fit on one row, or where the full header would take more than
  //   `SHARE` of the window's height and folded it is a row (a button's 44 px) shorter: a laptop
  //   zoomed to 200 % (1280 × 720 is 640 × 360 CSS px: the full header took half of it), a
  //   desktop with text at 200 % (286 px, 32–40 %). Not a phone with 100 % text (168 px, 26 %
  //   of 320 × 640). The height is the root's clientHeight:
  //   on a phone it does not change as the address bar comes and goes (innerHeight does), so
  //   scrolling never folds the header. CSS folds it by width too (below 19.5em).
  // - The title beside the buttons (`title-beside`: as narrow as its phrase, up to 8em, lets
  //   it) or on a row of its own (`title-alone`): whichever makes the row shorter, but never
  //   beside them in more than one line more than alone (a long title in five lines of broken
  //   words to save 6 px); alone on a tie (2 px): a title in fewer lines reads better.
  // - In a compact header (メニュー shown) ふりがな stays beside メニュー while it costs at most
  //   a line of the title in a header of at most `SHARE` of the window's height; where it
  //   would add a row (the button's height or more), or a line to a header taller than that
  //   (412 × 915 px with text at 200 % keeps it: 194 px, 21 %), the header gets `ruby-in-menu`
  //   and CSS shows the menu's twin instead, behind メニュー.
  // Measured again when the header's width or text size or the window's height changes, a frame
  // later (a ResizeObserver must not change what it observes in its own callback). A focused
  // ふりがな button that moves hands focus to the one shown, or to メニュー.
  // As much of the window's height as the header may take: about a third (1440 × 900 with text
  // at 200 % had 32 %); not a quarter, which folded a 320 × 640 phone at 100 % text (26 %).
  var SHARE = 0.3;
  function setupHeaderFit() {
    var header = document.querySelector(".site-header");
    var bar = header && header.querySelector(".header-bar");
    var own = bar && bar.querySelector("button.ruby-toggle");
    var twin = header && header.querySelector(".menu-ruby button.ruby-toggle");
    var menu = header && header.querySelector("button.menu-toggle");
    var title = bar && bar.querySelector(".site-title");
    var text = title && title.lastChild;
    var nav = header && header.querySelector(".site-nav");
    var items = nav && nav.querySelectorAll("li");
    if (!own || !twin || !menu || !nav || !text || text.nodeType !== 3) return function () {};
    var seen = "";
    function shown(el) { return el.getClientRects().length > 0; }
    function key() {
      return header.clientWidth + " " + getComputedStyle(header).fontSize + " " + root.clientHeight;
    }
    function height() { return bar.getBoundingClientRect().height; }
    // The header's height with its menu closed: a menu opened behind メニュー does not count.
    function closed() {
      var all = header.getBoundingClientRect().height;
      if (!shown(nav) || !shown(menu)) return all;
      var next = nav.nextElementSibling;
      var gap = next && shown(next) ? parseFloat(getComputedStyle(nav.parentNode).rowGap) || 0 : 0;
      return all - nav.getBoundingClientRect().height - gap;
    }
    function lines() {
      var range = document.createRange();
      range.selectNodeContents(text);
      var rects = range.getClientRects(), tops = {}, n = 0;
      for (var i = 0; i < rects.length; i++) {
        var top = Math.round(rects[i].top);
        if (rects[i].width > 1 && !tops[top]) { tops[top] = true; n++; }
      }
      return n;
    }
    // The menu's items on more than one row (only those shown: the phone header leaves out 検索).
    function menuWraps() {
      var first = null;
      for (var i = 0; i < items.length; i++) {
        if (!shown(items[i])) continue;
        var top = Math.round(items[i].getBoundingClientRect().top);
        if (first === null) first = top;
        else if (Math.abs(top - first) > 2) return true;
      }
      return false;
    }
    function best() {
      header.classList.remove("title-alone");
      header.classList.add("title-beside");
      var beside = height(), besideLines = lines();
      header.classList.replace("title-beside", "title-alone");
      var alone = height();
      return beside + 2 < alone && besideLines <= lines() + 1
        ? { height: beside, fit: "title-beside" } : { height: alone, fit: "title-alone" };
    }
    // The first row, in the header as it is now (folded or not).
    function arrange() {
      header.classList.remove("ruby-in-menu", "title-beside", "title-alone");
      var ruby = shown(own);
      if (!ruby && !shown(menu)) return;
      var row = ruby ? own.getBoundingClientRect().height : 0;
      var chosen = best();
      if (ruby && shown(menu)) {
        header.classList.add("ruby-measure");
        var without = best(), rest = closed() - height();
        header.classList.remove("ruby-measure");
        var cost = chosen.height - without.height;
        if (cost >= row || (cost > 2 && rest + chosen.height > root.clientHeight * SHARE)) {
          chosen = without;
          header.classList.add("ruby-in-menu");
        }
      }
      header.classList.remove("title-beside", "title-alone");
      header.classList.add(chosen.fit);
    }
    function place() {
      var focused = document.activeElement;
      header.classList.remove("header-fold");
      arrange();
      if (!shown(menu)) {
        var full = header.getBoundingClientRect().height, wraps = menuWraps();
        if (wraps || full > root.clientHeight * SHARE) {
          header.classList.add("header-fold");
          // No fold where the browser knows no container style queries (メニュー stays hidden),
          // nor, unless the menu wraps, one that saves less than a row (a button's 44 px).
          if (shown(menu)) arrange();
          if (!shown(menu) || (!wraps && full - closed() < 44)) {
            header.classList.remove("header-fold");
            arrange();
          }
        }
      }
      // Focus moved out of sight (a ふりがな button, a link of a menu folded away) goes to the
      // ふりがな button shown, or to メニュー: it is never lost (WCAG 2.4.3).
      if (focused && header.contains(focused) && !shown(focused)) {
        var ruby = focused === own || focused === twin;
        (ruby && shown(own) ? own : ruby && shown(twin) ? twin : menu).focus();
      }
      seen = key();
    }
    place();
    if (!window.ResizeObserver) {
      window.addEventListener("resize", place);
      return place;
    }
    var pending = false;
    function later() {
      if (pending || key() === seen) return;
      pending = true;
      requestAnimationFrame(function () {
        pending = false;
        if (key() !== seen) place();
      });
    }
    new ResizeObserver(later).observe(header);
    window.addEventListener("resize", later);
    return place;
  }

  // ---- The header's メニュー button: a disclosure (aria-expanded) that shows and hides the
  // menu where the header is compact (phones with large text; CSS decides when, and hides the
  // button elsewhere). Esc closes it from the button or the menu and puts focus back on the
  // button; Tab moves on as usual (nothing is trapped). The open state holds for this page only.
  function setupMenuToggle() {
    var button = document.querySelector("button.menu-toggle");
    var header = button && button.closest(".site-header");
    var menu = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!header || !menu) return;
    function set(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      header.classList.toggle("menu-open", open);
    }
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
    header.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" && e.key !== "Esc") return;
      if (button.getAttribute("aria-expanded") !== "true") return;
      if (e.target !== button && !menu.contains(e.target)) return;
      // A header grown wide again (a phone turned) shows the menu with no button: leave it.
      if (!button.getClientRects().length) return;
      set(false);
      button.focus();
    });
    set(false);
  }

  // ---- Glossary terms: the meaning in a small box on mouse hover or keyboard focus.
  // The link still navigates on click and tap; screen readers already hear the meaning through
  // aria-describedby, so the box is visual only. Esc closes it (WCAG 1.4.13).
  // Where the box fits neither below nor above the term (320 × 568 px with text at 200 %: a
  // box up to 480 px tall), it must still be read whole, and must not hide the focused term
  // (WCAG 2.4.11): reached by the keyboard, the page scrolls (at once, as little as it can)
  // until the term and its box below it fit the screen, the term at the top at most; one that
  // still does not fit runs on below, where scrolling the page (arrows, Space) shows the rest
  // and keeps it open. Shown by a mouse or a tap, the page must not move under the pointer (a
  // tap's click would land elsewhere): the box is fixed to the screen instead, no taller than
  // it, with its own scroll. Placed within the screen, 8 px from its edges. Where that box
  // scrolls, a keyboard can scroll it too (WCAG 2.1.1): it is put just after its term, a region
  // named 「…の説明」 that Tab reaches from the term, and arrows and Space scroll; Esc closes it
  // and gives focus back to the term, Tab moves on from it as from the term. Only then is it
  // heard as well (a focused element cannot be aria-hidden); the term is heard as before.
  var EDGE = 8;
  function setupTermTips() {
    var terms = document.querySelectorAll("a.term[aria-describedby]");
    if (!terms.length) return;
    var tip = document.createElement("div");
    tip.className = "term-tip";
    tip.setAttribute("aria-hidden", "true");
    tip.hidden = true;
    document.body.appendChild(tip);
    var current = null;
    var hideTimer = null;
    var width = root.clientWidth;
    var quiet = false;

    function show(link, keyboard) {
      var def = document.getElementById(link.getAttribute("aria-describedby"));
      if (!def) return;
      clearTimeout(hideTimer);
      current = link;
      tip.textContent = "";
      var name = document.createElement("strong");
      name.textContent = link.textContent;
      tip.appendChild(name);
      tip.appendChild(document.createTextNode(def.textContent));
      unreachable();
      tip.classList.remove("term-tip-fixed");
      tip.style.maxHeight = "";
      tip.hidden = false;
      // A term Tabbed to off the screen is scrolled to by the browser, smoothly where motion is
      // welcome: measured before that scroll ends, the box was placed for where the term had
      // been (above it, off the top of a phone at 400 %). Scrolled there at once instead.
      if (keyboard) link.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" });
      var r = link.getBoundingClientRect();
      var left = Math.max(EDGE, Math.min(r.left, root.clientWidth - tip.offsetWidth - EDGE));
      var height = tip.offsetHeight, screen = window.innerHeight;
      // Below the term, or above it where only there it fits the screen: a term Tabbed to near
      // the bottom of a phone's screen showed a box running off it, the meaning out of sight.
      var below = r.bottom + EDGE + height <= screen;
      var above = r.top - EDGE - height >= 0;
      if (!below && !above && !keyboard) {
        tip.classList.add("term-tip-fixed");
        tip.style.maxHeight = (screen - 2 * EDGE) + "px";
        height = tip.offsetHeight;
        tip.style.left = left + "px";
        tip.style.top = Math.max(EDGE, Math.min(r.bottom + EDGE, screen - EDGE - height)) + "px";
        if (tip.scrollHeight > tip.clientHeight + 1) reachable(link);
        return;
      }
      var top = !below && above ? r.top - EDGE - height : r.bottom + EDGE;
      tip.style.left = (left + window.scrollX) + "px";
      tip.style.top = (top + window.scrollY) + "px";
      if (!below && !above) {
        // The box is in the page first, so a term near the page's end can scroll up too.
        var by = Math.min(r.top - EDGE, r.bottom + 2 * EDGE + height - screen);
        window.scrollTo({ top: window.scrollY + by, behavior: "instant" });
      }
    }
    // The fixed box that scrolls, in the Tab order right after its term (fixed, it shows where
    // it is wherever it is in the page).
    function reachable(link) {
      tip.removeAttribute("aria-hidden");
      tip.setAttribute("role", "region");
      tip.setAttribute("aria-label", link.textContent + "の説明");
      tip.tabIndex = 0;
      link.after(tip);
    }
    function unreachable() {
      if (!tip.hasAttribute("tabindex")) return;
      tip.removeAttribute("tabindex");
      tip.removeAttribute("role");
      tip.removeAttribute("aria-label");
      tip.setAttribute("aria-hidden", "true");
      document.body.appendChild(tip);
    }
    function hide() {
      tip.hidden = true;
      current = null;
      unreachable();
    }
    function hideSoon() {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(function () {
        if (document.activeElement !== tip) hide();
      }, 200);
    }
    for (var i = 0; i < terms.length; i++) {
      var link = terms[i];
      // Focus the keyboard gave (a focus ring shown), not a tap's or a click's.
      link.addEventListener("focus", function (e) {
        if (!quiet) show(e.currentTarget, e.currentTarget.matches(":focus-visible"));
      });
      link.addEventListener("blur", function (e) {
        if (e.relatedTarget !== tip) hide();
      });
      link.addEventListener("pointerenter", function (e) {
        if (e.pointerType === "mouse") show(e.currentTarget, false);
      });
      link.addEventListener("pointerleave", function (e) {
        if (e.pointerType === "mouse") hideSoon();
      });
    }
    // A box the mouse opened closes when the keyboard moves focus elsewhere (WCAG 2.4.11): Shift+Tab
    // back up the page onto a link under a hovered term's box had left that link hidden.
    document.addEventListener("focusin", function (e) {
      if (current && e.target !== current && e.target !== tip) hide();
    });
    tip.addEventListener("pointerenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("pointerleave", function () {
      if (document.activeElement !== tip) hideSoon();
    });
    tip.addEventListener("focus", function () { clearTimeout(hideTimer); });
    tip.addEventListener("blur", function (e) {
      if (e.relatedTarget !== current) hide();
    });
    document.addEventListener("keydown", function (e) {
      if ((e.key !== "Escape" && e.key !== "Esc") || !current) return;
      var link = current, inside = document.activeElement === tip;
      hide();
      if (inside) {
        quiet = true;
        link.focus();
        quiet = false;
      }
    });
    // Closed when the page's width changes (a phone turned: the box would be out of place), not
    // when only the height does: a phone's address bar, hidden as the page scrolls, resizes the
    // window, and closed so the box could not be scrolled to.
    window.addEventListener("resize", function () {
      if (root.clientWidth !== width) hide();
      width = root.clientWidth;
    });
  }

  // ---- An event read after its deadline or its end, before the site was built again (a
  // static page says what was true when it was built): on the reader's clock, its page says
  // registration is closed and hides the button, or says the event is over; so do its cards in
  // the lists of upcoming events. The build's own text stays for readers without JavaScript;
  // the next build writes the same.
  function setupEventClock() {
    var events = document.querySelectorAll("[data-ends]");
    var now = Date.now();
    for (var e = 0; e < events.length; e++) {
      var event = events[e];
      var ended = now >= Date.parse(event.getAttribute("data-ends"));
      // Under way on the reader's clock (data-starts: its start, or the midnight in Japan
      // that begins an all-day event's first day): a page built before it says 開催中.
      var ongoing = !ended && now >= Date.parse(event.getAttribute("data-starts") || "");
      var closed = ended || now >= Date.parse(event.getAttribute("data-closes") || "");
      var show = function (when, on) {
        var parts = event.querySelectorAll('[data-when="' + when + '"]');
        for (var i = 0; i < parts.length; i++) parts[i].hidden = !on;
      };
      if (closed) {
        show("open", false);
        show("closed", true);
      }
      if (ongoing) show("ongoing", true);
      if (ended) {
        show("before-end", false);
        show("ended", true);
      }
    }
  }

  // ---- Tables keep their words whole (style.css). One that then does not fit its box (a
  // phone, large text) is shown a row at a time, each cell under its column's name
  // (.table-stacked): at 320 px with text at 200 % a table of three columns was squeezed to two
  // or three characters a line (デジ / タイ / ゼー / ショ / ン, the header 段 / 階). The cells
  // keep their table roles (role attributes: Chromium drops a table's roles when its display
  // changes), so a screen reader still hears a table with its headers. A table without a
  // header row, or with cells spanning columns, scrolls inside its box instead, which the
  // keyboard can then reach (WCAG 2.1.1), as without this script.
  function setupWideTables() {
    var tables = document.querySelectorAll(".prose table");
    if (!tables.length) return;
    for (var i = 0; i < tables.length; i++) labelCells(tables[i]);
    function check() {
      for (var i = 0; i < tables.length; i++) {
        var t = tables[i];
        t.classList.remove("table-stacked");
        var wide = t.scrollWidth > t.clientWidth + 1;
        if (wide && t.hasAttribute("data-stackable")) {
          t.classList.add("table-stacked");
          wide = t.scrollWidth > t.clientWidth + 1;
        }
        if (wide) t.setAttribute("tabindex", "0");
        else t.removeAttribute("tabindex");
      }
    }
    check();
    window.addEventListener("resize", check);
  }

  // Gives each body cell its column's name (data-label, shown by CSS when stacked) and the
  // table's parts their roles; a table that cannot be labelled so is left as it is.
  function labelCells(t) {
    var head = t.tHead && t.tHead.rows.length === 1 ? t.tHead.rows[0].cells : null;
    if (!head || !t.tBodies.length) return;
    var names = [];
    for (var i = 0; i < head.length; i++) {
      if (head[i].colSpan !== 1) return;
      names.push(head[i].textContent.replace(/\s+/g, " ").trim());
    }
    var rows = t.tBodies[0].rows;
    for (var r = 0; r < rows.length; r++) {
      if (rows[r].cells.length !== names.length) return;
      for (var c = 0; c < names.length; c++) if (rows[r].cells[c].colSpan !== 1) return;
    }
    t.setAttribute("role", "table");
    t.tHead.setAttribute("role", "rowgroup");
    t.tBodies[0].setAttribute("role", "rowgroup");
    t.tHead.rows[0].setAttribute("role", "row");
    for (i = 0; i < head.length; i++) head[i].setAttribute("role", "columnheader");
    for (r = 0; r < rows.length; r++) {
      rows[r].setAttribute("role", "row");
      for (c = 0; c < names.length; c++) {
        rows[r].cells[c].setAttribute("role", rows[r].cells[c].tagName === "TH" ? "rowheader" : "cell");
        rows[r].cells[c].setAttribute("data-label", names[c]);
      }
    }
    t.setAttribute("data-stackable", "");
  }

  // ---- Titles keep their words whole where a phrase is longer than the row. style.css breaks
  // titles between phrases (auto-phrase); a phrase wider than its row is broken by Chromium at
  // whatever character fills the row (ウェブアクセシビリティ方 / 針, DXアドバイザリー会 / 議 at
  // 390 px). Where a title's row ends inside a word of kanji or katakana that would fit a row
  // whole, a <wbr> before that word lets the row end between words instead (ウェブアクセシビリティ
  // / 方針). Only there: a break added elsewhere would split phrases that fit a row (a noun from
  // its particle). Text in furigana (<ruby>) is left alone. Done again, from the start, when the
  // page's width changes.
  // Cheap on a slow phone (docs/theme.md has the figures): the titles on or near the screen are
  // mended at once, the rest only as they come near it (IntersectionObserver; measuring them all
  // in idle time cost as much as before); a row's end is found by halving (a title is measured
  // a handful of times, not once a character); the word is the run of katakana, or of two
  // kanji, where the script says where it starts, and Intl.Segmenter (whose dictionary costs
  // about 100 ms to load at a phone's speed) is made only for a longer run of kanji or a
  // katakana run wider than the row or beginning the title.
  var TITLES = "main h1, main h2, main h3, main h4, main .card-title, main .eyebrow, main .link-list a, " +
    "main .pager a, main .page-terms dt, main .glossary-list dt, main summary";
  var KANJI = /[\u3400-\u9FFF\uF900-\uFAFF\u3005]/;
  var KANA = /[\u30A1-\u30FA\u30FC]/;
  function setupTitleWords() {
    if (!window.Intl || !Intl.Segmenter || !window.CSS || !CSS.supports("word-break", "auto-phrase")) return;
    var words = null;
    var added = [];
    var width = -1;
    var range = document.createRange();
    // Told to tests through a performance mark when every title is done (nothing a resident sees).
    var stats = { measured: 0, segmenters: 0 };
    var near = null;
    function script(c) { return KANJI.test(c) ? "kanji" : KANA.test(c) ? "kana" : ""; }
    // The title's text outside furigana, and where each of its characters is.
    function textOf(el) {
      var nodes = [], text = "";
      var walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      while (walk.nextNode()) {
        var node = walk.currentNode;
        if (node.parentNode.closest("rt, rp, .visually-hidden")) continue;
        nodes.push({ node: node, from: text.length, ruby: !!node.parentNode.closest("ruby") });
        text += node.data;
      }
      return { text: text, nodes: nodes };
    }
    function at(t, k) {
      var i = t.nodes.length - 1;
      while (t.nodes[i].from > k) i--;
      return { node: t.nodes[i].node, at: k - t.nodes[i].from, ruby: t.nodes[i].ruby };
    }
    // The boxes of characters from..to (exclusive) of the title.
    function boxes(t, from, to) {
      var a = at(t, from), b = at(t, to - 1);
      range.setStart(a.node, a.at);
      range.setEnd(b.node, b.at + 1);
      stats.measured++;
      return range.getClientRects();
    }
    // The top of character k's box, or null where it has none (a space at a row's end).
    function top(t, k) {
      if (!(k in t.tops)) {
        var box = boxes(t, k, k + 1)[0];
        t.tops[k] = box && box.width > 0 ? box.top : null;
      }
      return t.tops[k];
    }
    // The characters that begin a row, each with the last character before it that has a box:
    // tops only grow along a title, so halving between two characters on one row finds none.
    function rowStarts(t) {
      var out = [], a = 0, b = t.text.length - 1;
      while (a < b && top(t, a) === null) a++;
      while (b > a && top(t, b) === null) b--;
      (function split(a, b) {
        if (a >= b || top(t, b) <= top(t, a) + 4) return;
        var m = -1;
        for (var i = (a + b) >> 1, j = i + 1; m < 0 && (i > a || j < b); i--, j++) {
          if (i > a && top(t, i) !== null) m = i;
          else if (j < b && top(t, j) !== null) m = j;
        }
        if (m < 0) { out.push([a, b]); return; }
        split(a, m);
        split(m, b);
      })(a, b);
      return out;
    }
    // Where the word around the row's end between characters p and k begins and ends: a
    // change of script is a word's edge; a run of katakana, or of two kanji, is one word; a
    // longer run of kanji (設備等, 有害鳥獣対策) or a katakana run wider than the row, the
    // dictionary's.
    function wordAt(t, p, k, row) {
      var kind = script(t.text[p]);
      // A character between them without a box (a space at the row's end) is a word's edge too.
      if (!kind || kind !== script(t.text[k]) || p + 1 !== k) return null;
      var s = p, e = k + 1;
      while (s > 0 && script(t.text[s - 1]) === kind) s--;
      while (e < t.text.length && script(t.text[e]) === kind) e++;
      // A katakana run that begins the title may be words (デジタル / プロモーション): moved whole
      // it would not move at all.
      if (kind === "kanji" ? e - s === 2 : s > 0 && wide(t, s, e) <= row) return [s, e];
      if (!words) {
        words = new Intl.Segmenter("ja", { granularity: "word" });
        stats.segmenters++;
      }
      var it = words.segment(t.text).containing(k);
      return it ? [it.index, it.index + it.segment.length] : null;
    }
    function wide(t, from, to) {
      var rects = boxes(t, from, to), sum = 0;
      for (var i = 0; i < rects.length; i++) sum += rects[i].width;
      return sum;
    }
    // Where a <wbr> would let the first word broken at a row's end move whole: the character
    // that begins the word, or null. Reads the layout only.
    function find(el, row) {
      var t = textOf(el);
      if (!t.text) return null;
      t.tops = {};
      var starts = rowStarts(t);
      for (var n = 0; n < starts.length; n++) {
        var p = starts[n][0], k = starts[n][1];
        var word = wordAt(t, p, k, row);
        if (!word || word[0] === k || word[0] === 0) continue;
        var start = at(t, word[0]);
        if (start.ruby || top(t, word[0]) !== top(t, p) || wide(t, word[0], word[1]) > row) continue;
        // A break the browser keeps though the word could move (text-wrap: balance chose it).
        if (!start.at && start.node.previousSibling && start.node.previousSibling.nodeName === "WBR") continue;
        return start;
      }
      return null;
    }
    // Shown on more than one row (a title on one row is not measured character by character).
    function wraps(el) {
      var rects = el.getClientRects();
      if (rects.length !== 1) return rects.length > 1;
      var line = parseFloat(getComputedStyle(el).lineHeight);
      return !(rects[0].height < line * 1.5);
    }
    // The row a title's words must fit: its block's (a link in a list wraps in its item).
    function rowOf(el) {
      var block = el;
      while (block.parentElement && getComputedStyle(block).display.indexOf("inline") === 0) block = block.parentElement;
      return block.clientWidth;
    }
    // The titles shown on more than one row, no longer watched; a hidden title (in a closed
    // <details>) stays watched until it is shown near the screen.
    function shownWrapping(titles) {
      return titles.filter(function (el) {
        if (!el.getClientRects().length) return false;
        if (near) near.unobserve(el);
        return wraps(el);
      });
    }
    function insert(found) {
      for (var i = 0; i < found.length; i++) {
        var after = found[i].at ? found[i].node.splitText(found[i].at) : found[i].node;
        var wbr = document.createElement("wbr");
        after.parentNode.insertBefore(wbr, after);
        added.push(wbr);
      }
    }
    // All titles measured, then all mended, a few rounds (a title's next row end moves too):
    // mending each as it was measured laid the page out again for every title (143 ms for
    // /initiatives/ at 320 px; 37 ms so).
    function mend(titles, rounds) {
      for (var round = 0; round < rounds && titles.length; round++) {
        var found = titles.map(function (el) { return find(el, rowOf(el)); });
        titles = titles.filter(function (el, i) { return found[i]; });
        insert(found.filter(Boolean));
      }
    }
    // Tells tests what was measured, once the titles near the screen are mended (a performance
    // mark: nothing a resident sees).
    function told() {
      performance.clearMarks("portal-title-words");
      performance.mark("portal-title-words", { detail: { measured: stats.measured, segmenters: stats.segmenters } });
    }
    function place() {
      if (root.clientWidth === width) return;
      width = root.clientWidth;
      for (var a = 0; a < added.length; a++) added[a].remove();
      added = [];
      var titles = Array.prototype.filter.call(document.querySelectorAll(TITLES), function (el) {
        return /[\u3400-\u9FFF\u30A1-\u30FA]/.test(el.textContent);
      });
      if (near) near.disconnect();
      near = window.IntersectionObserver ? new IntersectionObserver(come, { rootMargin: "100% 0px" }) : null;
      // Those from a screen above the screen to a screen below it at once, before the page is
      // shown (nothing shifts); titles follow the page down, so the first one further stops.
      var screen = window.innerHeight, now = [];
      for (var i = 0; i < titles.length; i++) {
        if (near) near.observe(titles[i]);
        var r = near ? titles[i].getBoundingClientRect() : null;
        if (r && r.top > 2 * screen) break;
        if (!r || r.bottom >= -screen || !r.height) now.push(titles[i]);
      }
      for (; i < titles.length; i++) near.observe(titles[i]);
      mend(shownWrapping(now), 4);
      told();
    }
    // The rest as they come near the screen (a screen above it or below), and hidden ones once
    // shown there: a resident who reads the first screen and leaves pays for that screen only.
    function come(entries) {
      var shown = entries.filter(function (e) { return e.isIntersecting; }).map(function (e) { return e.target; });
      if (!shown.length) return;
      mend(shownWrapping(shown), 4);
      told();
    }
    place();
    window.addEventListener("resize", place);
  }

  // ---- The header is laid out in the first animation frame after it is parsed (the trail or
  // <main> follows it), not at DOMContentLoaded: Chromium paints a long page before it has parsed all of it,
  // and a header folded after that paint moved the page (a layout shift of 0.37 at 640 × 360,
  // one load in two). Furigana further down, not parsed yet, show the button at
  // DOMContentLoaded, and the header is measured again then.
  var fit = null;
  function setupHeader() {
    setupRubyToggle();
    setupMenuToggle();
    fit = setupHeaderFit();
  }
  function early() {
    if (fit || document.readyState !== "loading") return;
    var header = document.querySelector(".site-header");
    if (header && header.nextElementSibling) setupHeader();
    else requestAnimationFrame(early);
  }
  if (document.readyState === "loading" && window.requestAnimationFrame) requestAnimationFrame(early);

  function ready() {
    if (!fit) setupHeader();
    else if (setupRubyToggle()) fit();
    setupTermTips();
    setupWideTables();
    setupTitleWords();
    setupEventClock();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();

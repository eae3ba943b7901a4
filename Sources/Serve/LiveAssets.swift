/// The script and stylesheet (`LiveStylesheet.swift`) `portal serve` adds to pages it serves
/// (never to built files): same-origin files, so the site's Content-Security-Policy
/// (`script-src 'self'`, `style-src 'self'`) allows them, and DOM APIs only, no inline styles
/// or HTML strings.
enum LiveAssets {
  static let script = #"""
    // portal serve: reload on rebuild, show build errors over the page, and what lint and
    // check say about the page in a panel.
    (() => {
      "use strict";
      const css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = "/_portal/live.css";
      document.head.appendChild(css);

      // A browser opens at most six connections to one server, and each page's event stream
      // holds one: a hidden tab lets its stream go (the seventh preview tab waited forever)
      // and connects again when shown, reloading if the site was rebuilt meanwhile.
      // The site's version this page was served at (LiveReload.version): one that is not the
      // server's missed a rebuild (it finished before the page's stream connected, in a burst
      // of saves) or comes from an earlier run of the server, and reloads.
      const script = document.currentScript;
      let version = (script && script.dataset.version) || null;
      let failed = false;
      let events = null;
      function connect() {
        events = new EventSource("/_portal/events");
        events.addEventListener("hello", (e) => {
          const now = JSON.parse(e.data).version;
          if (version !== null && now !== version) location.reload();
          version = now;
        });
        events.addEventListener("reload", (e) => {
          const change = JSON.parse(e.data);
          const base = change.base || "/";
          // This page moved (its file renamed, its slug changed): go where it is now, not
          // onto the 404 page a reload would show.
          const to = (change.moved || {})[here(base)];
          if (to) location.replace(base + to.replace(/^\/+/, "") + location.hash);
          else if (failed || concerns(change.paths || [], base)) location.reload();
          else version = change.version;
        });
        events.addEventListener("build-error", (e) => {
          failed = true;
          const failure = JSON.parse(e.data);
          // The same errors after another save: left as they are when shown, shown again
          // when closed.
          if (failure.again && document.getElementById("portal-live-overlay")) return;
          show(failure.problems || [], failure.served !== false);
        });
      }
      // Whether a rebuild that wrote `paths` (the output's files) changed what this page shows:
      // the page itself, a file pages load (a stylesheet, a script, an image), the search's
      // files (listed as one `search/`) on the search page; or no page at all (an error put
      // right as it was, a theme's file copied in place, which the list does not name: every
      // page may show it). Another tab's page, rewritten, leaves this one as it is (a search
      // typed in it, its place); so do the build's own files (.portal/: its cache and source
      // map). A file of the content's files/ folder (a PDF added beside the pages) concerns
      // only the pages that link or show it: every open tab reloaded for one.
      function concerns(paths, base) {
        const files = paths.filter((p) => !p.startsWith("."));
        if (!paths.some((p) => p.endsWith(".html"))) {
          const onlyFiles = files.length > 0 && files.every((p) => p.startsWith("files/"));
          return !onlyFiles || files.some((p) => shows(p, base));
        }
        const page = here(base);
        return paths.some((p) => p === page
          || (p.startsWith("search/") && page.startsWith("search/"))
          || (!p.startsWith(".") && !p.startsWith("search/") && !/\.(html|xml|ics|txt|json)$/.test(p)
            && (!p.startsWith("files/") || shows(p, base))));
      }
      // This page's output path (`initiatives/x/index.html`), as the build names its files.
      function here(base) {
        let path = decodeURIComponent(location.pathname);
        if (path.endsWith("/")) path += "index.html";
        return path.startsWith(base) ? path.slice(base.length) : path.replace(/^\/+/, "");
      }
      // Whether the page links or shows the site's file `path` (under `base`).
      function shows(path, base) {
        return [...document.querySelectorAll("[href], [src]")].some((el) => {
          try {
            const url = new URL(el.getAttribute("href") || el.getAttribute("src"), location.href);
            return url.origin === location.origin && decodeURIComponent(url.pathname) === base + path;
          } catch (e) {
            return false;
          }
        });
      }
      connect();
      document.addEventListener("visibilitychange", () => {
        if (document.hidden && events) {
          events.close();
          events = null;
        } else if (!document.hidden && !events) {
          connect();
        }
      });

      function el(tag, className, text) {
        const node = document.createElement(tag);
        if (className) node.className = className;
        if (text !== undefined) node.textContent = text;
        return node;
      }

      // A build that failed: its errors over the page, the close button focused. Not modal
      // (focus is not trapped and the page stays usable); on a phone it is a sheet at the
      // bottom, no higher than 40 % of the screen, so the page it is about shows above it.
      // Esc closes it as 閉じる does.
      function show(problems, served) {
        hide();
        const overlay = el("div", "portal-live-overlay");
        overlay.id = "portal-live-overlay";
        overlay.setAttribute("role", "alertdialog");
        overlay.setAttribute("aria-labelledby", "portal-live-title");
        const box = el("div", "portal-live-box");
        const title = el("h2", "portal-live-title", "ビルドに失敗しました（Build failed）");
        title.id = "portal-live-title";
        box.appendChild(title);
        box.appendChild(el("p", "portal-live-note", served
          ? "前回のサイトを表示しています。ファイルを直して保存すると、自動で読み込み直します。"
          : "表示できるサイトは、まだありません。ファイルを直して保存すると、サイトを作って読み込みます。"));
        const list = el("ul", "portal-live-list");
        for (const p of problems) {
          const item = el("li", "portal-live-item");
          item.appendChild(el("code", "portal-live-where", `${p.file}:${p.line}:${p.column}`));
          item.appendChild(el("p", "portal-live-message", p.message));
          if (p.hint) item.appendChild(el("p", "portal-live-hint", p.hint));
          list.appendChild(item);
        }
        box.appendChild(list);
        const close = el("button", "portal-live-close", "閉じる");
        close.type = "button";
        close.addEventListener("click", hide);
        box.appendChild(close);
        overlay.appendChild(box);
        overlay.addEventListener("keydown", (e) => {
          if (e.key === "Escape" || e.key === "Esc") hide();
        });
        document.body.appendChild(overlay);
        close.focus();
      }

      function hide() {
        const old = document.getElementById("portal-live-overlay");
        if (old) old.remove();
      }

      // What portal lint (on its file, as saved), the last good build (its warnings on that
      // file) and portal check (on the built page) say about this page: a panel closed to
      // one line at the bottom, opened on demand, so the preview stays readable.
      fetch("/_portal/problems?path=" + encodeURIComponent(location.pathname))
        .then((r) => (r.ok ? r.json() : null))
        .then((answer) => { if (answer && answer.diagnostics.length) showProblems(answer); })
        .catch(() => {});

      // Whether the writer left the panel open: a save reloads the page, and the panel stays
      // as it was (for this tab only).
      const OPEN = "portal.problems.open";
      function remembered() {
        try { return sessionStorage.getItem(OPEN) === "1"; } catch (e) { return false; }
      }
      function remember(open) {
        try { sessionStorage.setItem(OPEN, open ? "1" : "0"); } catch (e) { /* this page only */ }
      }

      function showProblems(answer) {
        const panel = el("aside", "portal-lint");
        panel.id = "portal-lint";
        panel.setAttribute("aria-label", "このページの指摘");
        // How many stop the build (エラー) and how many are warnings (警告), as the writer
        // decides first what must be fixed. A phone's one-line bar shows these words first.
        const count = (n) => n.toLocaleString("ja-JP");
        const total = answer.diagnostics.length;
        const errors = answer.diagnostics.filter((d) => d.severity === "error").length;
        const kinds = [errors ? `エラー${count(errors)}件` : "",
          errors < total ? `警告${count(total - errors)}件` : ""]
          .filter((s) => s).join("・");
        const toggle = el("button", "portal-lint-toggle");
        toggle.type = "button";
        toggle.setAttribute("aria-controls", "portal-lint-body");
        toggle.appendChild(el("span", "portal-lint-lead", `このページの指摘${count(total)}件（`));
        toggle.appendChild(el("span", "portal-lint-kinds", kinds));
        toggle.appendChild(el("span", "portal-lint-file", `、${answer.file}）`));
        panel.appendChild(toggle);
        // The list scrolls inside the panel; a keyboard reaches it (Tab) to scroll it.
        const body = el("div", "portal-lint-body");
        body.id = "portal-lint-body";
        body.setAttribute("role", "group");
        body.setAttribute("aria-label", `このページの指摘（${kinds}）`);
        // The file, which a phone's bar cuts short.
        body.appendChild(el("p", "portal-lint-source", answer.file));
        const list = el("ul", "portal-lint-list");
        for (const d of answer.diagnostics) {
          const item = el("li", "portal-lint-item");
          item.appendChild(d.severity === "error"
            ? el("strong", "portal-lint-error", "エラー ")
            : el("strong", "portal-lint-warning", "警告 "));
          item.appendChild(el("code", "portal-lint-where", `${d.line}:${d.column}`));
          item.appendChild(el("span", "portal-lint-message", ` ${d.message} `));
          if (d.code) item.appendChild(el("code", "portal-lint-rule", d.code));
          if (d.hint) item.appendChild(el("p", "portal-lint-hint", d.hint));
          // One right fix, which the writer need not type: the command that writes it.
          if (d.fixes && d.fixes.length) {
            item.appendChild(el("p", "portal-lint-hint", "portal lint --fix で直せます"));
          }
          list.appendChild(item);
        }
        body.appendChild(list);
        panel.appendChild(body);
        // Said once, politely, after the page has been read out: the live region is in the
        // page before its words are, so screen readers notice them.
        const status = el("p", "portal-lint-status");
        status.setAttribute("role", "status");
        panel.appendChild(status);

        function scrollable() {
          if (!body.hidden && body.scrollHeight > body.clientHeight + 1) {
            body.tabIndex = 0;
          } else {
            body.removeAttribute("tabindex");
          }
        }
        function set(open) {
          toggle.setAttribute("aria-expanded", open ? "true" : "false");
          body.hidden = !open;
          panel.classList.toggle("portal-lint-open", open);
          remember(open);
          measure();
        }
        toggle.addEventListener("click", () => set(toggle.getAttribute("aria-expanded") !== "true"));
        // Esc closes it to its bar, from inside the panel (focus goes back to the bar) or
        // from the page when nothing there has focus. Nothing traps Tab.
        document.addEventListener("keydown", (e) => {
          if (e.key !== "Escape" && e.key !== "Esc") return;
          if (toggle.getAttribute("aria-expanded") !== "true") return;
          const inside = panel.contains(e.target);
          if (!inside && e.target !== document.body && e.target !== document.documentElement) return;
          set(false);
          if (inside) toggle.focus();
        });
        // Measured at once on open and close (not only when the ResizeObserver next runs, a
        // frame later), so the page's room below its end is never shorter than the panel.
        let measure = scrollable;
        set(remembered());
        document.body.appendChild(panel);
        measure = makeRoom(panel, scrollable);
        setTimeout(() => {
          status.textContent = `このページの指摘が${count(total)}件あります（${kinds}）。`;
        }, 1000);
      }

      // The page gets room below its end as tall as the panel, so its last lines scroll up
      // above it and a focused link is never under it. The height goes to a custom property
      // through the CSS object model, which the Content-Security-Policy allows (it blocks
      // style attributes in markup, not this).
      function makeRoom(panel, resized) {
        const root = document.documentElement;
        root.classList.add("portal-lint-shown");
        const measure = () => {
          root.style.setProperty("--portal-lint-room", `${Math.ceil(panel.offsetHeight)}px`);
          resized();
        };
        measure();
        if (typeof ResizeObserver === "function") new ResizeObserver(measure).observe(panel);
        return measure;
      }
    })();

    """#
}

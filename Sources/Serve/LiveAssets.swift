/// The script and stylesheet `portal serve` adds to pages it serves (never to built files):
/// same-origin files, so the site's Content-Security-Policy (`script-src 'self'`,
/// `style-src 'self'`) allows them, and DOM APIs only, no inline styles or HTML strings.
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
      let events = null;
      let generation = null;
      function connect() {
        events = new EventSource("/_portal/events");
        events.addEventListener("hello", (e) => {
          const now = JSON.parse(e.data).generation;
          if (generation !== null && now !== generation) location.reload();
          generation = now;
        });
        events.addEventListener("reload", () => location.reload());
        events.addEventListener("build-error", (e) => show(JSON.parse(e.data).problems || []));
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

      function show(problems) {
        hide();
        const overlay = el("div", "portal-live-overlay");
        overlay.id = "portal-live-overlay";
        overlay.setAttribute("role", "alertdialog");
        overlay.setAttribute("aria-modal", "true");
        overlay.setAttribute("aria-labelledby", "portal-live-title");
        const box = el("div", "portal-live-box");
        const title = el("h2", "portal-live-title", "ビルドに失敗しました（Build failed）");
        title.id = "portal-live-title";
        box.appendChild(title);
        box.appendChild(el("p", "portal-live-note",
          "前回のサイトを表示しています。ファイルを直して保存すると、自動で読み込み直します。"));
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
        document.body.appendChild(overlay);
        close.focus();
      }

      function hide() {
        const old = document.getElementById("portal-live-overlay");
        if (old) old.remove();
      }

      // What portal lint (on its file, as saved) and portal check (on the built page) say
      // about this page: a closed panel in a corner, opened on demand, so the preview stays
      // readable.
      fetch("/_portal/problems?path=" + encodeURIComponent(location.pathname))
        .then((r) => (r.ok ? r.json() : null))
        .then((answer) => { if (answer && answer.diagnostics.length) showProblems(answer); })
        .catch(() => {});

      function showProblems(answer) {
        const panel = el("aside", "portal-lint");
        panel.id = "portal-lint";
        panel.setAttribute("aria-label", "このページの指摘");
        const details = el("details", "portal-lint-details");
        // How many stop the build (エラー) and how many are warnings (警告), as the writer
        // decides first what must be fixed.
        const count = (n) => n.toLocaleString("ja-JP");
        const errors = answer.diagnostics.filter((d) => d.severity === "error").length;
        const kinds = [errors ? `エラー${count(errors)}件` : "",
          errors < answer.diagnostics.length ? `警告${count(answer.diagnostics.length - errors)}件` : ""]
          .filter((s) => s).join("・");
        details.appendChild(el("summary", "portal-lint-summary",
          `このページの指摘${count(answer.diagnostics.length)}件（${kinds}、${answer.file}）`));
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
          list.appendChild(item);
        }
        details.appendChild(list);
        panel.appendChild(details);
        document.body.appendChild(panel);
      }
    })();

    """#

  static let stylesheet = #"""
    /* portal serve: the build error overlay, and the panel of what lint and check say. */
    .portal-live-overlay {
      position: fixed; inset: 0; z-index: 2147483647;
      background: rgba(0, 0, 0, 0.6);
      display: flex; align-items: flex-start; justify-content: center;
      padding: 2rem 1rem; overflow: auto;
    }
    .portal-live-box {
      background: #fff; color: #1a1a1a; max-width: 50rem; width: 100%;
      border-top: 0.5rem solid #c00; padding: 1.5rem; font: 16px/1.6 system-ui, sans-serif;
    }
    .portal-live-title { margin: 0 0 0.5rem; font-size: 1.25rem; color: #a00; }
    .portal-live-list { list-style: none; padding: 0; margin: 1rem 0; }
    .portal-live-item { border-left: 0.25rem solid #c00; padding: 0.25rem 0.75rem; margin: 0 0 1rem; }
    .portal-live-where { font: 0.9rem/1.4 ui-monospace, monospace; background: #f3f3f3; padding: 0.1rem 0.3rem; }
    .portal-live-message { margin: 0.25rem 0 0; }
    .portal-live-hint { margin: 0.25rem 0 0; color: #444; border-left: 3px solid #999; padding-left: 0.5rem; }
    .portal-live-close { font: inherit; padding: 0.4rem 1rem; }
    /* What lint and check say about the page. */
    .portal-lint {
      position: fixed; right: 0.5rem; bottom: 0.5rem; z-index: 2147483646;
      max-width: min(40rem, calc(100vw - 1rem)); max-height: 60vh; overflow: auto;
      background: #fffbe6; color: #1a1a1a; border: 2px solid #8a6d00;
      font: 15px/1.6 system-ui, sans-serif;
    }
    .portal-lint-summary { cursor: pointer; padding: 0.5rem 0.75rem; min-height: 24px; font-weight: bold; }
    .portal-lint-summary:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
    .portal-lint-list { margin: 0; padding: 0 0.75rem 0.5rem 1.75rem; }
    .portal-lint-item { margin: 0 0 0.5rem; }
    .portal-lint-where, .portal-lint-rule { font: 0.85rem/1.4 ui-monospace, monospace; }
    .portal-lint-hint { margin: 0.1rem 0 0; color: #444; }
    .portal-lint-error { color: #a00; }
    .portal-lint-warning { color: #6b5300; }

    """#
}

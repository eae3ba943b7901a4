extension LiveAssets {
  /// How `live.js`'s overlay and panel look. Self-contained (the site's theme styles `button`
  /// its own way, so the panel's button says every property it relies on), sized in `rem` so
  /// the writer's text size applies. On a phone both sit at the bottom, at most 40 % of the
  /// screen high, so the page they are about stays readable above them.
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
      border-top: 0.5rem solid #c00; padding: 1.5rem; font: 1rem/1.6 system-ui, sans-serif;
    }
    .portal-live-title { margin: 0 0 0.5rem; font-size: 1.25rem; color: #a00; }
    .portal-live-list { list-style: none; padding: 0; margin: 1rem 0; }
    .portal-live-item { border-left: 0.25rem solid #c00; padding: 0.25rem 0.75rem; margin: 0 0 1rem; }
    .portal-live-where { font: 0.9rem/1.4 ui-monospace, monospace; background: #f3f3f3; padding: 0.1rem 0.3rem; }
    .portal-live-message { margin: 0.25rem 0 0; }
    .portal-live-hint { margin: 0.25rem 0 0; color: #444; border-left: 3px solid #999; padding-left: 0.5rem; }
    .portal-live-close { font: inherit; padding: 0.4rem 1rem; min-height: 44px; }

    /* What lint and check say about the page: a bar in the corner (the whole width of a phone)
       that opens upwards; the list scrolls inside it and the bar stays on top. */
    .portal-lint {
      position: fixed; right: 0.5rem; bottom: 0.5rem; z-index: 2147483646;
      display: flex; flex-direction: column;
      max-width: min(40rem, calc(100vw - 1rem)); max-height: 60vh;
      background: #fffbe6; color: #1a1a1a; border: 2px solid #8a6d00;
      box-shadow: 0 0 0.5rem rgba(0, 0, 0, 0.3);
      font: 0.9375rem/1.6 system-ui, sans-serif; letter-spacing: normal; text-align: left;
    }
    .portal-lint > .portal-lint-toggle {
      display: block; position: relative; flex: none; box-sizing: border-box;
      width: 100%; min-height: 44px; margin: 0; padding: 0.5rem 2.5rem 0.5rem 0.75rem;
      font: inherit; font-weight: bold; line-height: 1.6; text-align: left; text-decoration: none;
      color: #1a1a1a; background: transparent; border: 0; border-radius: 0; box-shadow: none;
      cursor: pointer;
    }
    .portal-lint > .portal-lint-toggle:hover { color: #1a1a1a; background: #fff1b8; text-decoration: underline; }
    .portal-lint > .portal-lint-toggle:focus-visible {
      color: #1a1a1a; background: #fff1b8; outline: 3px solid #1a1a1a; outline-offset: -5px; box-shadow: none;
    }
    /* A chevron: up while closed (the list opens upwards), down while open. */
    .portal-lint-toggle::after {
      content: ""; position: absolute; right: 1rem; top: 50%; width: 0.5rem; height: 0.5rem;
      margin-top: -0.125rem; border: solid currentColor; border-width: 3px 3px 0 0;
      transform: rotate(-45deg);
    }
    .portal-lint-toggle[aria-expanded="true"]::after { margin-top: -0.5rem; transform: rotate(135deg); }
    .portal-lint-body {
      flex: 1 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain;
      border-top: 1px solid #8a6d00;
    }
    .portal-lint-body[hidden] { display: none; }
    .portal-lint-body:focus-visible { outline: 3px solid #1a1a1a; outline-offset: -3px; }
    .portal-lint-list { margin: 0; padding: 0.5rem 0.75rem 0.5rem 1.75rem; }
    .portal-lint-source { display: none; }
    .portal-lint-item { margin: 0 0 0.5rem; }
    .portal-lint-where, .portal-lint-rule { font: 0.85rem/1.4 ui-monospace, monospace; }
    .portal-lint-hint { margin: 0.1rem 0 0; color: #444; }
    .portal-lint-error { color: #a00; }
    .portal-lint-warning { color: #6b5300; }
    .portal-lint-status {
      position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
      clip: rect(0 0 0 0); clip-path: inset(50%); border: 0; white-space: nowrap;
    }
    /* Room below the page's end as tall as the panel (live.js measures it), so the last lines
       scroll up above it and a focused link is never under it (WCAG 2.4.11). */
    html.portal-lint-shown { scroll-padding-bottom: var(--portal-lint-room, 3rem); }
    html.portal-lint-shown body { padding-bottom: var(--portal-lint-room, 3rem); }

    /* A phone (or a short window): both sit at the bottom, the whole width, at most 40 % of the
       screen high. Its bar is one line, エラー1件・警告2件 first, the file cut short (and given
       whole at the top of the list), so the list has the room when open. */
    @media (max-width: 40rem), (max-height: 30rem) {
      .portal-lint {
        left: 0; right: 0; bottom: 0; max-width: none; max-height: 40vh; max-height: 40dvh;
        border-width: 2px 0 0;
      }
      .portal-lint > .portal-lint-toggle {
        display: flex; align-items: center; padding-left: min(0.75rem, 12px); padding-right: 44px;
      }
      .portal-lint-toggle::after { right: 16px; }
      .portal-lint .portal-lint-lead {
        position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
        clip: rect(0 0 0 0); clip-path: inset(50%); border: 0; white-space: nowrap;
      }
      .portal-lint-kinds { flex: 0 1 auto; }
      .portal-lint-file {
        flex: 1 1 0; min-width: 0; overflow: hidden; white-space: nowrap; text-overflow: ellipsis;
        font-weight: normal;
      }
      .portal-lint-source {
        display: block; margin: 0; padding: 0.5rem min(0.75rem, 12px) 0; font-weight: bold;
      }
      .portal-live-overlay {
        inset: auto 0 0 0; display: block; max-height: 40vh; max-height: 40dvh;
        padding: 0; background: none; box-shadow: 0 0 0.5rem rgba(0, 0, 0, 0.5);
      }
      .portal-live-box { max-width: none; padding: 1rem; }
      .portal-live-list { margin: 0.5rem 0; }
      .portal-live-close { position: sticky; bottom: 0.5rem; }
    }

    """#
}

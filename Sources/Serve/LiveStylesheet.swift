extension LiveAssets {
  /// How `live.js`'s overlay and panel look. Self-contained (the site's theme styles `button`
  /// its own way, so the panel's and the overlay's buttons say every property they rely on),
  /// sized in `rem` so the writer's text size applies. On a phone both sit at the bottom, at
  /// most 40 % of the screen high, so the page they are about stays readable above them. Their
  /// colours are custom properties on their own classes (never `:root`, whose tokens are the
  /// site's), light by default and dark when the writer's device is set to dark, as the theme is.
  static let stylesheet = #"""
    /* portal serve: the build error overlay, and the panel of what lint and check say. */
    /* Their colours, each ratio on the background it sits on (WCAG: text 4.5:1, controls' edges
       and the focus outline 3:1). Dark values below. */
    .portal-live-overlay {
      color-scheme: light;
      --portal-live-scrim: rgba(0, 0, 0, 0.6);
      --portal-live-paper: #fff;
      --portal-live-ink: #1a1a1a;          /* 17.4:1 on the paper */
      --portal-live-muted: #444;           /* hints: 9.7:1 */
      --portal-live-title: #a00;           /* 7.8:1 */
      --portal-live-accent: #c00;          /* the red edges (decoration) */
      --portal-live-code: #f3f3f3;         /* behind file:line:column; the ink 15.7:1 */
      --portal-live-rule: #999;            /* the hint's line (decoration) */
      --portal-live-control: #f3f3f3;      /* 閉じる; the ink 15.7:1 */
      --portal-live-control-hover: #e2e2e2; /* the ink 13.4:1 */
      --portal-live-control-edge: #595959; /* 7.0:1 on the paper */
      --portal-live-focus: #1a1a1a;        /* the focus outline: 17.4:1 */
    }
    .portal-lint {
      color-scheme: light;
      --portal-lint-paper: #fffbe6;
      --portal-lint-ink: #1a1a1a;          /* 16.7:1 on the paper, 15.4:1 under the pointer */
      --portal-lint-hover: #fff1b8;
      --portal-lint-muted: #444;           /* hints: 9.4:1 */
      --portal-lint-edge: #8a6d00;         /* 4.7:1 */
      --portal-lint-error: #a00;           /* 7.5:1 */
      --portal-lint-warning: #6b5300;      /* 7.1:1 */
      --portal-lint-focus: #1a1a1a;        /* the focus outline: 15.4:1 on the hovered paper */
    }
    /* Near black and off white, as the theme's dark scheme (pure white on black blurs for many
       readers with astigmatism). */
    @media screen and (prefers-color-scheme: dark) {
      .portal-live-overlay {
        color-scheme: dark;
        --portal-live-paper: #1f2328;
        --portal-live-ink: #e8eaed;          /* 13.1:1 on the paper */
        --portal-live-muted: #b4bac2;        /* 8.1:1 */
        --portal-live-title: #ff9e9e;        /* 8.0:1 */
        --portal-live-accent: #ff6b6b;
        --portal-live-code: #2c3138;         /* the ink 10.9:1 */
        --portal-live-rule: #6b737d;
        --portal-live-control: #2c3138;      /* the ink 10.9:1 */
        --portal-live-control-hover: #3a4048; /* the ink 8.7:1 */
        --portal-live-control-edge: #8a929c; /* 5.0:1 on the paper */
        --portal-live-focus: #e8eaed;        /* 13.1:1 */
      }
      .portal-lint {
        color-scheme: dark;
        --portal-lint-paper: #24200f;
        --portal-lint-ink: #e8eaed;          /* 13.5:1 on the paper, 10.6:1 under the pointer */
        --portal-lint-hover: #3a3217;
        --portal-lint-muted: #b4bac2;        /* 8.3:1 */
        --portal-lint-edge: #c9a227;         /* 6.7:1 on the paper, 7.4:1 on the theme's dark page */
        --portal-lint-error: #ff9e9e;        /* 8.3:1 */
        --portal-lint-warning: #ffd27a;      /* 11.4:1 */
        --portal-lint-focus: #e8eaed;        /* 10.6:1 on the hovered paper */
      }
    }

    .portal-live-overlay {
      position: fixed; inset: 0; z-index: 2147483647;
      background: var(--portal-live-scrim);
      display: flex; align-items: flex-start; justify-content: center;
      padding: 2rem 1rem; overflow: auto;
    }
    .portal-live-box {
      background: var(--portal-live-paper); color: var(--portal-live-ink); max-width: 50rem; width: 100%;
      border-top: 0.5rem solid var(--portal-live-accent); padding: 1.5rem; font: 1rem/1.6 system-ui, sans-serif;
    }
    .portal-live-title { margin: 0 0 0.5rem; font-size: 1.25rem; color: var(--portal-live-title); }
    .portal-live-list { list-style: none; padding: 0; margin: 1rem 0; }
    .portal-live-item { border-left: 0.25rem solid var(--portal-live-accent); padding: 0.25rem 0.75rem; margin: 0 0 1rem; }
    .portal-live-where { font: 0.9rem/1.4 ui-monospace, monospace;
      color: inherit; background: var(--portal-live-code); padding: 0.1rem 0.3rem; }
    .portal-live-message { margin: 0.25rem 0 0; }
    .portal-live-hint { margin: 0.25rem 0 0; color: var(--portal-live-muted);
      border-left: 3px solid var(--portal-live-rule); padding-left: 0.5rem; }
    /* The theme's `button` rules (its colours, its yellow focus) are one class and one element;
       these are two classes, so they win and the theme's never show here. */
    .portal-live-box > .portal-live-close {
      display: inline-block; box-sizing: border-box; min-height: 44px; margin: 0; padding: 0.4rem 1rem;
      font: inherit; font-weight: bold; line-height: 1.6; text-align: center; text-decoration: none;
      color: var(--portal-live-ink); background: var(--portal-live-control);
      border: 2px solid var(--portal-live-control-edge); border-radius: 4px; box-shadow: none;
      cursor: pointer;
    }
    .portal-live-box > .portal-live-close:hover {
      color: var(--portal-live-ink); background: var(--portal-live-control-hover);
      border-color: var(--portal-live-control-edge); text-decoration: underline;
    }
    .portal-live-box > .portal-live-close:focus-visible {
      color: var(--portal-live-ink); background: var(--portal-live-control-hover);
      border-color: var(--portal-live-control-edge); box-shadow: none;
      outline: 3px solid var(--portal-live-focus); outline-offset: 2px;
    }

    /* What lint and check say about the page: a bar in the corner (the whole width of a phone)
       that opens upwards; the list scrolls inside it and the bar stays on top. */
    .portal-lint {
      position: fixed; right: 0.5rem; bottom: 0.5rem; z-index: 2147483646;
      display: flex; flex-direction: column;
      max-width: min(40rem, calc(100vw - 1rem)); max-height: 60vh;
      background: var(--portal-lint-paper); color: var(--portal-lint-ink);
      border: 2px solid var(--portal-lint-edge);
      box-shadow: 0 0 0.5rem rgba(0, 0, 0, 0.3);
      font: 0.9375rem/1.6 system-ui, sans-serif; letter-spacing: normal; text-align: left;
    }
    .portal-lint > .portal-lint-toggle {
      display: block; position: relative; flex: none; box-sizing: border-box;
      width: 100%; min-height: 44px; margin: 0; padding: 0.5rem 2.5rem 0.5rem 0.75rem;
      font: inherit; font-weight: bold; line-height: 1.6; text-align: left; text-decoration: none;
      color: var(--portal-lint-ink); background: transparent; border: 0; border-radius: 0; box-shadow: none;
      cursor: pointer;
    }
    .portal-lint > .portal-lint-toggle:hover {
      color: var(--portal-lint-ink); background: var(--portal-lint-hover); text-decoration: underline;
    }
    .portal-lint > .portal-lint-toggle:focus-visible {
      color: var(--portal-lint-ink); background: var(--portal-lint-hover);
      outline: 3px solid var(--portal-lint-focus); outline-offset: -5px; box-shadow: none;
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
      border-top: 1px solid var(--portal-lint-edge);
    }
    .portal-lint-body[hidden] { display: none; }
    .portal-lint-body:focus-visible { outline: 3px solid var(--portal-lint-focus); outline-offset: -3px; }
    .portal-lint-list { margin: 0; padding: 0.5rem 0.75rem 0.5rem 1.75rem; }
    .portal-lint-source { display: none; }
    .portal-lint-item { margin: 0 0 0.5rem; }
    .portal-lint-where, .portal-lint-rule { font: 0.85rem/1.4 ui-monospace, monospace; }
    .portal-lint-hint { margin: 0.1rem 0 0; color: var(--portal-lint-muted); }
    .portal-lint-error { color: var(--portal-lint-error); }
    .portal-lint-warning { color: var(--portal-lint-warning); }
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

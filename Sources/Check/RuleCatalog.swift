import Diagnostics

/// Every rule `portal check` reports, with its severity and the reason it exists, so
/// `portal check --list-rules`, the docs and the diagnostics agree.
public struct CheckRule: Sendable {
  public var id: String
  public var severity: Severity
  public var summary: String
  public var hint: String
}

public enum RuleCatalog {
  public static let all: [CheckRule] = [
    CheckRule(
      id: "link.broken", severity: .error,
      summary: "a link, form action or frame points at no file in the site",
      hint: "fix the address or add the page; a link to a missing page is a dead end for the reader"
    ),
    CheckRule(
      id: "link.fragment", severity: .error,
      summary: "a #fragment names no id (or <a name>) on the target page",
      hint:
        "anchors are made from heading text; check the heading's spelling or link to the page without #"
    ),
    CheckRule(
      id: "link.folder", severity: .warning, summary: "a link to a folder without the final /",
      hint: "end the address with / so the server does not have to redirect"),
    CheckRule(
      id: "link.image", severity: .error,
      summary: "an image (src, srcset, poster) is missing from the site",
      hint: "put the image in the site's assets or fix its path"),
    CheckRule(
      id: "link.stylesheet", severity: .error, summary: "a stylesheet is missing from the site",
      hint: "check the theme's assets and the template that links the stylesheet"),
    CheckRule(
      id: "link.script", severity: .error, summary: "a script is missing from the site",
      hint: "check the theme's assets and the template that loads the script"),
    CheckRule(
      id: "link.resource", severity: .error,
      summary: "a <link> (icon, feed, canonical) or media source is missing from the site",
      hint: "check the template that writes the <link> and that the build writes the file"),
    CheckRule(
      id: "link.redirect", severity: .error,
      summary: "a redirect stub (meta refresh) points at no file",
      hint: "point the redirect at the page's new address"),
    CheckRule(
      id: "link.outside", severity: .error,
      summary: "a relative link climbs above the site's root folder",
      hint: "remove a ../ or write the address from the site root, starting with /"),
    CheckRule(
      id: "sitemap.missing", severity: .error,
      summary: "a sitemap.xml entry has no page in the site",
      hint: "rebuild the site; search engines would be sent to a missing page"),
    CheckRule(
      id: "sitemap.outside", severity: .error,
      summary: "a sitemap.xml entry is not under the site's base URL",
      hint: "check base_url in content/site.yml"),
    CheckRule(
      id: "external.broken", severity: .error,
      summary: "an external link answers 4xx or 5xx, or cannot be reached",
      hint:
        "fix or remove the link, or add it to check.skip in content/site.yml if the site blocks checkers"
    ),
    CheckRule(
      id: "external.timeout", severity: .error,
      summary: "an external link did not answer in time, after retries",
      hint: "try again later; if the site is slow but fine, add it to check.skip"),
    CheckRule(
      id: "external.redirect", severity: .warning,
      summary: "an external link moved permanently (301, 308)",
      hint: "link to the new address directly"),
    CheckRule(
      id: "external.rate-limited", severity: .warning,
      summary: "an external site answered 429 Too Many Requests",
      hint: "nothing to fix now; the link will be checked again next time"),
    CheckRule(
      id: "a11y.img-alt", severity: .error, summary: "an image without an alt attribute",
      hint:
        "describe the image in its alt text; if it is only decoration, write alt=\"\" on purpose so screen readers skip it"
    ),
    CheckRule(
      id: "a11y.heading-order", severity: .warning, summary: "a heading level is skipped (h2 → h4)",
      hint: "use the next level down; screen reader users move through a page by its heading levels"
    ),
    CheckRule(
      id: "a11y.h1-missing", severity: .warning, summary: "a page without an h1",
      hint: "give each page one h1 with its title, usually in the page template"),
    CheckRule(
      id: "a11y.h1-multiple", severity: .warning, summary: "more than one h1 on a page",
      hint: "keep one h1 for the page title and make the others h2"),
    CheckRule(
      id: "a11y.empty-link", severity: .error,
      summary: "a link with no text a screen reader can announce",
      hint: "put words in the link, give an image inside it an alt text, or add aria-label"),
    CheckRule(
      id: "a11y.empty-button", severity: .error,
      summary: "a button with no text a screen reader can announce",
      hint: "put words in the button or add aria-label"),
    CheckRule(
      id: "a11y.form-label", severity: .error,
      summary: "a form field (input, select, textarea) without a label",
      hint:
        "give it a <label for=\"its id\">, wrap it in a <label>, or add aria-label; a placeholder is not a label"
    ),
    CheckRule(
      id: "a11y.vague-link", severity: .warning, summary: "link text such as こちら or click here",
      hint:
        "say where the link goes, e.g. [防災アプリの使い方](…) instead of [こちら](…); links are often read out of context"
    ),
    CheckRule(
      id: "a11y.table-header", severity: .error, summary: "a table without header cells (<th>)",
      hint:
        "give the table a header row (in Markdown: the first row followed by |---|) so each cell is announced with its column"
    ),
    CheckRule(
      id: "a11y.duplicate-id", severity: .error, summary: "the same id twice on a page",
      hint: "make ids unique; links to #id and labels that point at it reach only the first element"
    ),
    CheckRule(
      id: "a11y.html-lang", severity: .error, summary: "no lang (or an empty one) on <html>",
      hint:
        "set lang=\"ja\" on <html> in the layout so screen readers read the page with a Japanese voice"
    ),
    CheckRule(
      id: "csp.blocked", severity: .error,
      summary:
        "the page's Content-Security-Policy blocks one of its images, media, frames, scripts, stylesheets or form addresses",
      hint:
        "keep the file on this site (content/files/ or the theme's assets), or allow its site in the theme's Content-Security-Policy"
    ),
    CheckRule(
      id: "csp.inline", severity: .error,
      summary:
        "the page's Content-Security-Policy blocks an inline <script>, <style>, style attribute, onclick= or javascript: address",
      hint: "move the code or the style into the theme's assets"),
  ]

  static let byID: [String: CheckRule] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

  static func rule(_ id: String) -> CheckRule { byID[id]! }
}

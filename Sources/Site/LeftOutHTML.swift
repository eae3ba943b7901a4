import Content
import Diagnostics
import Markdown

/// HTML written in a body, which the page leaves out unless `allow_raw_html` is on: a block
/// with the text inside it (「大事なお知らせ」 in a `<div>` vanished without a word), a tag in a
/// paragraph alone. `portal lint` reports each place with its fix; the build says it once a
/// page, as Hugo does ("raw HTML omitted"), so a writer who only builds, or CI, hears of it.
enum LeftOutHTML {
  static let code = "content.raw-html"

  /// The HTML of `doc`'s body before any transform adds markup of its own; none when the
  /// body has no `<` at all (most pages: one scan of the bytes, no walk of the tree).
  static func find(in doc: MarkdownDocument, body: String, options: MarkdownOptions) -> [RawHTML] {
    guard !options.allowRawHTML, body.containsBytes("<") else { return [] }
    return doc.rawHTML()
  }

  /// One warning for `page` at its first left-out HTML (lines of the body), counting the rest.
  static func warnings(_ found: [RawHTML], in page: Page) -> [Diagnostic] {
    guard let first = found.first else { return [] }
    let shown = first.text.count > 40 ? String(first.text.prefix(40)) + "…" : first.text
    let more = found.count > 1 ? " (and \(found.count - 1) more places)" : ""
    let moreJa = found.count > 1 ? "（ほかに \(found.count - 1) か所）" : ""
    return [
      .warning(
        SourceLocation(
          file: page.path, line: first.line + page.bodyLine - 1, column: first.column),
        "HTML is left out of the page: `\(shown)`\(more)",
        hint:
          "write it in Markdown (`portal lint` says how, place by place), or, if every writer of this site is trusted, set `allow_raw_html: true` in site.yml",
        code: code
      ).ja(
        "HTML はページから省かれます：`\(shown)`\(moreJa)",
        hint:
          "Markdown で書いてください（書き方は `portal lint` が場所ごとに示します）。このサイトを書く人すべてを信頼できるなら、site.yml に `allow_raw_html: true` と書くこともできます"
      )
    ]
  }
}

import Diagnostics
import Markdown

/// HTML pasted into a body (from an old CMS, a video's embed code) is left out of the page
/// unless `allow_raw_html` is on, and with it the text inside the tags: 「大事なお知らせ」 in a
/// `<div>` vanished without a word. One warning per file, at the first tag, counting the rest.
struct RawHTMLRule: Rule {
  let id = "lint.raw-html"
  let summary = "HTML in the Markdown, which the page leaves out (with the text inside it)."

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    guard let first = page.rawHTML.first else { return [] }
    let more = page.rawHTML.count - 1
    let shown = first.text.count > 40 ? String(first.text.prefix(40)) + "…" : first.text
    return [
      .warning(
        SourceLocation(
          file: page.source.file, line: first.line + page.source.lineOffset,
          column: first.column),
        "HTML is left out of the page, with the text inside it: `\(shown)`"
          + (more > 0 ? " (and \(more) more place\(more == 1 ? "" : "s") in this file)" : ""),
        hint:
          "write it in Markdown: text as a paragraph, a line break as a blank line, a list with `- `; a video as a link to it",
        code: id)
    ]
  }
}

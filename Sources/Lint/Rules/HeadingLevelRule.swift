import Diagnostics
import Markdown

/// A body heading that is a second title (`# 見出し`, an h1 beside the page's title) or that
/// skips a level (`####` under `##`): screen reader users move through a page by its heading
/// levels, and a skipped one reads as a missing section. `portal check` finds both in the built
/// HTML (a11y.h1-multiple, a11y.heading-order), but writers run `portal lint` and the build,
/// and did not hear of them there.
struct HeadingLevelRule: Rule {
  let id = "lint.heading-level"
  let summary = "A heading written with `#` (a second page title) or one that skips a level."
  let japaneseSummary = "見出しが `#`（ページのタイトルと同じ大きさ）か、見出しの段が1つ飛んでいます。"

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    guard page.frontMatterKey == nil else { return [] }
    var above = 1  // the page's title, which the template writes as the one h1
    // Whether the heading above was written `#`, which the hint above made `##`.
    var aboveWasTitleSized = false
    var found: [Diagnostic] = []
    for block in page.blocks where block.kind == .heading {
      guard let (level, column, text) = atxHeading(page.source, line: block.line) else { continue }
      defer { (above, aboveWasTitleSized) = (max(level, 2), level == 1) }
      let at = SourceLocation(
        file: page.source.file, line: block.line + page.source.lineOffset, column: column)
      if level == 1 {
        found.append(
          .warning(
            at, "`# \(text)` is as big as the page's title: a page has one such heading, its title",
            hint: "start the body's headings with `##`: `## \(text)`", code: id
          ).ja(
            "`# \(text)` は、ページのタイトルと同じ大きさの見出しです。この大きさは、ページに1つ（タイトル）だけにします",
            hint: "本文の見出しは `##` から始めます：`## \(text)`"))
      } else if level > above + 1 {
        let marks = String(repeating: "#", count: above + 1)
        let aboveMarks = String(repeating: "#", count: above)
        let written = String(repeating: "#", count: level)
        // Above the body's first heading is the page's title, which the writer did not type.
        let (why, whyJa) =
          above == 1
          ? (
            "the body's headings start at `##`, under the page's title",
            "本文の見出しは、ページのタイトルの下の `##` から始めます"
          )
          : aboveWasTitleSized
            ? (
              "the heading above it, written `#`, is to be `##`",
              "上の見出しは `#` で書かれていて、`##` にするものです。この見出しは `\(written)` です"
            )
            : (
              "the heading above it is `\(aboveMarks)`",
              "上の見出しは `\(aboveMarks)` で、この見出しは `\(written)` です"
            )
        found.append(
          .warning(
            at, "`\(written)` skips a level: \(why)",
            hint:
              "write `\(marks) \(text)`; screen readers move through a page by heading levels, and a skipped one reads as a missing section",
            code: id
          ).ja(
            "見出しの段が飛んでいます。\(whyJa)",
            hint: "`\(marks) \(text)` と書いてください。読み上げソフトは見出しの段でページを移動するので、段が飛ぶと、間の見出しが抜けているように聞こえます"
          ))
      }
    }
    return found
  }

  /// The level, the column of the first `#` and the text of the `#` heading on body line
  /// `line` (1-based); nil for an underlined heading or one inside a quotation or a list,
  /// whose level the line does not show as written.
  func atxHeading(_ source: SourceText, line: Int) -> (Int, Int, String)? {
    guard line >= 1, line <= source.lineCount else { return nil }
    let text = source.lineTexts[line - 1]
    let spaces = text.prefix { $0 == " " }.count
    let marks = text.dropFirst(spaces).prefix { $0 == "#" }.count
    guard spaces <= 3, (1...6).contains(marks) else { return nil }
    var title = String(text.dropFirst(spaces + marks)).trimmingCharacters(in: .whitespaces)
    // A closing sequence, `## 見出し ##`, is not the heading's text. The regular expression
    // (made anew at each call) only for a title holding a `#` (not only at its end: `$` also
    // matches before a last line break, `\r` or U+2028): at every heading it was 3 % of a lint
    // of 10,000 pages.
    if title.utf8.contains(UInt8(ascii: "#")),
      let closing = title.range(of: #"\s+#+$"#, options: .regularExpression)
    {
      title.removeSubrange(closing)
    }
    return (marks, spaces + 1, title)
  }
}

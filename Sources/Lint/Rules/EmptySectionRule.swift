import Diagnostics
import Markdown

/// A heading with nothing under it: a section left to write (`portal new` writes
/// 「## なにをするか」 and 「## なにが変わるか」 to fill), published as a title over nothing; or a
/// `##` without words, which the table of contents shows as a link without a name.
struct EmptySectionRule: Rule {
  let id = "lint.empty-section"
  let summary = "A heading with nothing under it, or a heading without words."
  let japaneseSummary = "見出しの下に何も書かれていないか、見出しに文字がありません。"

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    page.emptySections.map { section in
      let at = SourceLocation(
        file: page.source.file, line: section.line + page.source.lineOffset,
        column: section.column)
      if section.title.isEmpty {
        return .warning(
          at, "this heading has no words",
          hint: "write the heading after the `#` marks, or remove the line", code: id
        ).ja("この見出しには文字がありません", hint: "`#` の後ろに見出しの文字を書くか、この行を消してください")
      }
      return .warning(
        at, "the section 「\(section.title)」 has nothing under it",
        hint: "write its text under the heading, or remove the heading until there is some",
        code: id
      ).ja(
        "見出し「\(section.title)」の下に何も書かれていません",
        hint: "見出しの下に本文を書くか、本文ができるまで見出しを消しておいてください")
    }
  }
}

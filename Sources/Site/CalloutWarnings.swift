import Content
import Diagnostics
import Markdown

/// A quotation that starts like a callout (`> [!NOTO]`) but names no kind of one: the page
/// shows the marker as written inside a plain quotation, which the writer did not mean, so the
/// build says where, with the name they probably meant.
enum CalloutWarnings {
  static let code = "content.callout"

  static func warnings(_ unknown: [UnknownCallout], in page: Page) -> [Diagnostic] {
    let kinds = "NOTE (補足), TIP (ヒント), IMPORTANT (重要), WARNING (注意), CAUTION (警告)"
    return unknown.map { marker in
      let guess = Suggest.closest(
        to: marker.name,
        in: CalloutKind.allCases.flatMap { [$0.rawValue.uppercased(), $0.label] })
      let mean = guess.map { "write `[!\($0)]`" } ?? "write one of the kinds"
      let meanJa = guess.map { "`[!\($0)]` と書いてください" } ?? "次のどれかを書いてください"
      return .warning(
        SourceLocation(
          file: page.path, line: marker.line + page.bodyLine - 1, column: marker.column),
        "`[!\(marker.name)]` is not a kind of callout, so this stays a quotation with the marker in it",
        hint: "\(mean): \(kinds); for a quotation, start it without `[!…]`",
        code: code
      ).ja(
        "`[!\(marker.name)]` という囲み（注意書きなど）の種類はありません。印がそのまま引用として表示されます",
        hint: "\(meanJa)：\(kinds)。引用にしたいときは `[!…]` を書かないでください"
      )
    }
  }
}

import Content
import Diagnostics

/// An event that takes registrations on a web form (`registration`) and says no other way to
/// apply: residents unused to the internet, and many of those the events are for, cannot
/// apply. JIS X 8341-3 expects a way that does not depend on the website. Reads the front
/// matter only (`Linter.lintFrontMatter`).
struct OfflineApplicationRule: Rule {
  let id = "lint.offline-application"
  let summary =
    "An event with a `registration` form but no `phone`, `fax` or `application`: residents without the internet cannot apply."
  let japaneseSummary =
    "イベントに申し込みのフォーム（registration）があるのに、電話（phone）・ファクス（fax）・ほかの申し込み方（application）が書かれていません。"

  /// The keys that give a way to apply without the internet.
  static let offlineKeys: Set<String> = ["phone", "fax", "application"]

  /// The keys the rule reads: `offlineKeys` and `registration`.
  static let keys: Set<String> = offlineKeys.union(["registration"])

  /// The warning at `registration`, from the front matter's values of `keys`
  /// (`FrontMatterValues.values`; `values.line` counts from the front matter's first line,
  /// the file's `firstLine`), when none of `offlineKeys` is written. The linter reads them with
  /// the values it lints (`FrontMatterText.values`), the YAML once.
  func check(file: String, values: [FrontMatterValue], firstLine: Int) -> [Diagnostic] {
    guard let form = values.first(where: { $0.key == "registration" }),
      !values.contains(where: { Self.offlineKeys.contains($0.key) })
    else { return [] }
    return [
      .warning(
        SourceLocation(file: file, line: firstLine - 1 + form.line, column: form.column),
        "registration is by the online form only: residents without the internet cannot apply",
        hint:
          "add `phone:` and `fax:` (a number to call or send a fax to), or `application:` saying another way to apply (「電話かファクスで申し込めます。」)",
        code: id
      ).ja(
        "申し込みがインターネットのフォームだけです。インターネットを使えない人が申し込めません",
        hint:
          "`phone:` と `fax:`（電話やファクスで申し込める番号）か、`application:`（ほかの申し込み方。「電話かファクスで申し込めます。」など）を書き足してください"
      )
    ]
  }
}

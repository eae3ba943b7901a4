import Diagnostics

/// The sample values `portal new` writes for the writer to replace. A page still holding one
/// was built and published as it was (an event summed up as 「一文で、どんなイベントかを書きます。」,
/// a glossary entry sorted under its sample reading), with no word from any command; the
/// parser now warns at the value.
public enum Placeholders {
  public static let initiativeSummary = "一文で、県民にとって何が変わるかを書きます。"
  public static let eventSummary = "一文で、どんなイベントかを書きます。"
  public static let glossaryReading = "ひらがなでよみをかきます"
  public static let glossaryShort = "一文で、やさしく意味を書きます。"
  public static let strategySummary = "一文で内容を書きます。"
  /// An event's sample start: a real date, which would otherwise be published as the event's.
  public static let eventStart = "2027-01-01T13:30:00+09:00"
  /// An event's sample addresses, written commented out: a writer who takes the `#` away and
  /// not the address publishes a link to a page that does not exist (example.jp is reserved).
  public static let eventOnline = "https://example.jp/sample-live"
  public static let eventRegistration = "https://example.jp/sample-form"

  /// The word `portal new` writes in the comment after an initiative's `fields` when its title
  /// named no field: the value is the site's first field, a sample, which would otherwise file
  /// the initiative under it with no word from any command.
  public static let fieldsSample = "見本"

  static let all: Set<String> = [
    initiativeSummary, eventSummary, glossaryReading, glossaryShort, strategySummary, eventStart,
    eventOnline, eventRegistration,
  ]

  /// A warning when `fields` is still `[sample]` (the site's first field) on a line whose
  /// comment still says it is the sample: `fields: [crisis-management]   # 見本。…`. A value
  /// changed with the comment left is the writer's choice.
  static func checkFields(_ y: inout YAMLFields, sample: String) {
    guard let node = y.node("fields"), case .sequence(let items) = node, items.count == 1,
      items.first?.string == sample, let mark = node.mark, let text = y.text,
      text.contains("# " + fieldsSample)
    else { return }
    let line = YAMLMark(mark, in: text).line
    guard
      let written = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(
        line - 1
      ).first,
      let comment = written.range(of: " # "), written[comment.upperBound...].hasPrefix(fieldsSample)
    else { return }
    let value = String(written[..<comment.lowerBound].drop { $0 != "[" }).trimmingSpacesAndNewlines
    y.diagnostics.append(
      .warning(
        y.location(mark),
        "`fields` is still the sample `portal new` wrote: \(value) (the comment says \(fieldsSample))",
        hint:
          "write the ids of this initiative's fields (content/site.yml), or keep this one and delete `\(fieldsSample)。` from the comment",
        code: "content.placeholder"
      ).ja(
        "`fields` が、`portal new` の書いた見本のままです: \(value)",
        hint: "この取組の分野のid（content/site.yml）を書いてください。この分野のままでよければ、コメントの「\(fieldsSample)。」を消してください"))
  }

  /// A warning for each of `keys` whose value is still a sample.
  static func check(_ y: inout YAMLFields, keys: [String]) {
    for key in keys {
      guard let node = y.node(key), let text = node.string, all.contains(text) else { continue }
      y.diagnostics.append(
        .warning(
          y.location(node.mark), "`\(key)` is still the sample text `portal new` wrote: 「\(text)」",
          hint: "replace it with this page's `\(key)` before it is published",
          code: "content.placeholder"
        ).ja(
          "`\(key)` が、`portal new` の書いた見本のままです: 「\(text)」",
          hint: "公開する前に、このページに合った `\(key)` に書きかえてください"))
    }
  }

  /// The heading `portal new` writes for a strategy page and a page about the site, `## 見出し`.
  public static let heading = "見出し"

  /// A warning at a heading whose text is still `portal new`'s sample (`## 見出し`): with text
  /// written under it the page went out with a section called 「見出し」, in its contents too,
  /// and nothing said so (`lint.empty-section` speaks only while it is empty). `line` and
  /// `column` are the file's.
  public static func heading(_ text: String, file: String, line: Int, column: Int) -> Diagnostic? {
    guard text == heading else { return nil }
    return .warning(
      SourceLocation(file: file, line: line, column: column),
      "the heading is still the sample `portal new` wrote: 「\(text)」",
      hint: "name the section in a few words, as a reader would look for it",
      code: "content.placeholder"
    ).ja(
      "見出しが、`portal new` の書いた見本のままです：「\(text)」",
      hint: "その部分に書いてあることを、読む人が探す言葉で、短く見出しにしてください")
  }
}

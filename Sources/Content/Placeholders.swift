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

  static let all: Set<String> = [
    initiativeSummary, eventSummary, glossaryReading, glossaryShort, strategySummary, eventStart,
    eventOnline, eventRegistration,
  ]

  /// A warning for each of `keys` whose value is still a sample.
  static func check(_ y: inout YAMLFields, keys: [String]) {
    for key in keys {
      guard let node = y.node(key), let text = node.string, all.contains(text) else { continue }
      y.diagnostics.append(
        .warning(
          y.location(node.mark), "`\(key)` is still the sample text `portal new` wrote: 「\(text)」",
          hint: "write this page's own \(key) before it is published",
          code: "content.placeholder"
        ).ja(
          "`\(key)` が、`portal new` の書いた見本のままです: 「\(text)」",
          hint: "公開する前に、このページに合った `\(key)` に書きかえてください"))
    }
  }
}

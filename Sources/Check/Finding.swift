import Diagnostics

/// Where a problem is reported: the source position, and whether that position is the page's
/// own Markdown (then the page is implied) or a shared file such as the layout (then the
/// message must say which output page showed the problem).
struct Placement: Sendable, Hashable {
  var location: SourceLocation
  var namesPage: Bool
}

/// A problem on one output page. Kept per page for the JUnit report (one test case per page)
/// and merged into diagnostics for text and JSON, so a broken link in the layout is one line
/// saying how many pages show it, not 10,000 lines.
public struct Finding: Sendable, Hashable {
  /// The output file it was found in, relative to the site folder.
  public var page: String
  public var diagnostic: Diagnostic
  /// True when the diagnostic's file is not the page's own source, so the message names it.
  public var namesPage: Bool

  /// `japanese` is the message and hint in Japanese (`Diagnostic.ja`); every problem of
  /// `portal check` has them, so writers whose computer is set to Japanese read them so. Where
  /// they hold `Spot.here`, the place is put in, in words.
  init(
    page: String, _ severity: Severity, _ placement: Placement, _ message: String, hint: String?,
    code: String, japanese: Diagnostic.Japanese
  ) {
    self.page = page
    self.diagnostic = Diagnostic(severity, placement.location, message, hint: hint, code: code)
      .ja(
        Spot.fill(japanese.message, placement),
        hint: japanese.hint.map { Spot.fill($0, placement) })
    self.namesPage = placement.namesPage
  }

  init(page: String, _ problem: Problem, _ placement: Placement) {
    self.init(
      page: page, problem.severity, placement, problem.message, hint: problem.hint,
      code: problem.code, japanese: problem.japanese)
  }

  /// The diagnostic as reported for this page alone.
  public var pageDiagnostic: Diagnostic {
    var d = diagnostic
    if namesPage { Self.name(&d, " (in \(page))", "（ページ \(Spot.address(of: page)) で）") }
    return d
  }

  /// `english` appended to the message, and `japanese` to the Japanese message.
  private static func name(_ d: inout Diagnostic, _ english: String, _ japanese: String) {
    d.message += english
    d.japanese?.message += japanese
  }

  /// One diagnostic per distinct problem and position, naming the first page and how many
  /// other pages show the same problem.
  static func merge(_ findings: [Finding]) -> [Diagnostic] {
    var order: [Diagnostic] = []
    var pages: [Diagnostic: [String]] = [:]
    for f in findings {
      let key = f.namesPage ? f.diagnostic : f.pageDiagnostic
      if pages[key] == nil { order.append(key) }
      if f.namesPage {
        pages[key, default: []].append(f.page)
      } else {
        pages[key, default: []] = []
      }
    }
    return order.map { d in
      var d = d
      let list = Array(Set(pages[d] ?? [])).sorted()
      if let first = list.first {
        let others = list.count - 1
        if others == 0 {
          name(&d, " (in \(first))", "（ページ \(Spot.address(of: first)) で）")
        } else {
          name(
            &d, " (in \(first) and \(others) other \(others == 1 ? "page" : "pages"))",
            "（ページ \(Spot.address(of: first)) ほか\(JapaneseCount.pages(others))で）")
        }
      }
      return d
    }.sorted
  }
}

/// A problem found for a link, before it is placed: what `LinkChecker` and `ExternalProblems`
/// say, in English and Japanese.
struct Problem: Sendable, Hashable {
  var severity: Severity
  var message: String
  var hint: String?
  var code: String
  var japanese: Diagnostic.Japanese

  init(
    _ severity: Severity, _ message: String, hint: String?, code: String, ja: String,
    jaHint: String?
  ) {
    self.severity = severity
    self.message = message
    self.hint = hint
    self.code = code
    self.japanese = Diagnostic.Japanese(message: ja, hint: jaHint)
  }
}

import Diagnostics
import Markdown

/// The sentences a page's front matter shows residents: the summary under its title in every
/// list, search result and shared card, a glossary entry's short meaning, an event's way to
/// apply and to get there. They were not linted (only the body was), though more residents
/// read a summary than any body. Titles are left alone: they are names, often the strategy's
/// own (デジタル技術を活用した生産基盤施設維持管理), which writers cannot change.
enum FrontMatterText {
  /// Keys whose values are sentences for residents.
  static let keys: Set<Substring> = ["summary", "short", "application", "access"]

  /// Rules a value does not get: the kanji share of a sentence or two swings with one name
  /// (県の取組の体系, 45 %), and a value is plain text, not Markdown, with no links, images or HTML.
  static let notForValues: Set<String> = [
    "lint.kanji-ratio", "lint.markdown", "lint.raw-html", "lint.vague-link-text", "lint.image-alt",
    "lint.image-weight", "lint.file-link",
  ]

  /// A sentence value written on its key's line: `summary: …`, `summary: "…"` or `'…'`.
  struct Value {
    var text: String
    /// 1-based line in the front matter text.
    var line: Int
    /// 1-based character column of the value's first character.
    var column: Int
  }

  /// The top-level sentence values of `frontMatter`, each on one line; block (`|`, `>`), list,
  /// and escaped quoted values are left out (rare for these keys, and their columns would not
  /// be the text's).
  static func values(in frontMatter: String) -> [Value] {
    var found: [Value] = []
    // "\r\n" is one Character: split on it too, or a Windows file is one line.
    let lines = frontMatter.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    for (n, line) in lines.enumerated() {
      guard let colon = line.firstIndex(of: ":"), keys.contains(line[..<colon]) else { continue }
      var value = line[line.index(after: colon)...]
      guard value.first == " " else { continue }
      value = value.drop { $0 == " " }
      while let last = value.last, last == " " || last == "\t" || last == "\r" {
        value = value.dropLast()
      }
      var start = line.distance(from: line.startIndex, to: value.startIndex) + 1
      if let quote = value.first, quote == "\"" || quote == "'" {
        guard value.count >= 2, value.last == quote, !value.dropFirst().dropLast().contains(quote),
          !value.contains("\\")
        else { continue }
        value = value.dropFirst().dropLast()
        start += 1
      } else {
        guard let first = value.first, !"|>[{&*!".contains(first) else { continue }
        // YAML ends a plain value at ` #` (a comment).
        if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
      }
      let text = String(value).trimmingSpacesAtEnd
      if !text.isEmpty { found.append(Value(text: text, line: n + 1, column: start)) }
    }
    return found
  }
}

extension String {
  fileprivate var trimmingSpacesAtEnd: String {
    var s = Substring(self)
    while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
    return String(s)
  }
}

extension Linter {
  /// The body's sentence and word rules on the front matter's sentences (`FrontMatterText`),
  /// placed at the value in the file (`FrontMatterText.notForValues` are left out).
  ///
  /// - Parameter firstLine: the file line of the front matter's first line.
  public static func lintFrontMatter(
    file: String, frontMatter: String, firstLine: Int, context: LintContext,
    configuration: LintConfiguration = .default
  ) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for value in FrontMatterText.values(in: frontMatter) {
      let source = SourceText(
        file: file, body: value.text, lineOffset: firstLine - 1 + value.line - 1)
      let blocks = MarkdownDocument(value.text).textBlocks().filter { $0.kind != .codeBlock }.map {
        LintBlock($0, source: source, context: context)
      }
      let page = LintPage(blocks: blocks, links: [], source: source)
      for rule in allRules where !FrontMatterText.notForValues.contains(rule.id) {
        guard let threshold = configuration.setting(for: rule.id) else { continue }
        let ruleContext = RuleContext(rule: rule.id, threshold: threshold, site: context)
        let problems =
          blocks.flatMap { rule.check($0, ruleContext) }
          + rule.check(
            page: page, ruleContext)
        found += problems.map { d in
          var d = d
          d.location.column += value.column - 1
          return d
        }
      }
    }
    return found.sorted
  }
}

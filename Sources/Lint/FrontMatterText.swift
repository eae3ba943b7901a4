import Content
import Diagnostics
import Markdown

/// The sentences a page's front matter shows residents (`FrontMatterValues.sentenceKeys`):
/// more residents read a summary than any body. Titles are left alone: they are names, often
/// the strategy's own (デジタル技術を活用した生産基盤施設維持管理), which writers cannot change;
/// only a date's weekday in one is checked (`datedTitleRuleList`).
enum FrontMatterText {
  /// Rules a value does not get: the kanji share of a sentence or two swings with one name
  /// (県の取組の体系, 45 %), and a value is plain text, not Markdown, with no links, images or HTML.
  static let notForValues: Set<String> = [
    "lint.kanji-ratio", "lint.markdown", "lint.raw-html", "lint.vague-link-text", "lint.image-alt",
    "lint.image-weight", "lint.file-link",
  ]

  /// The rule that reads the front matter values only, and titles too.
  static let markupRule = "lint.front-matter-markup"

  /// The rules a title or another name gets: what is written in it that readers do not see
  /// as typed (Markdown, invisible characters), not how it reads.
  static let nameRules: Set<String> = [markupRule, "lint.invisible-character"]

  /// The rules a name gets, in `Linter.allRules`' order (listed once, not for each value).
  static let nameRuleList = Linter.allRules.filter { nameRules.contains($0.id) }

  /// A title that holds a date also gets its weekday checked: 2026年12月24日（金）の説明会 in
  /// lists, feeds and calendars told residents the wrong day, where the same text in a summary
  /// was warned of. The weekday rule reads blocks, so only such titles are parsed for it.
  static let datedTitleRuleList = Linter.allRules.filter {
    nameRules.contains($0.id) || $0.id == DateWeekdayRule().id
  }

  /// Whether a title may hold a date the weekday rule reads (`12月24日`: digits, 月 and 日).
  static func mayHoldDate(_ text: String) -> Bool {
    text.contains("月") && text.contains("日")
      && text.unicodeScalars.contains {
        ($0.value >= 0x30 && $0.value <= 0x39) || ($0.value >= 0xFF10 && $0.value <= 0xFF19)
      }
  }

  /// The rules a sentence value gets: all but `notForValues`, in the same order.
  static let valueRules = Linter.allRules.filter { !notForValues.contains($0.id) }

  /// Whether the rules a name gets read only its lines (`LintPage.source`), never its blocks:
  /// then a name's Markdown is not parsed (cmark and each block's characters, for the ~30,000
  /// titles, places and link texts of 10,000 pages). Each rule says it (`Rule.readsBlocks`),
  /// so a name rule given a block check later gets its blocks again.
  static let namesNeedBlocks = nameRuleList.contains { $0.readsBlocks }

  /// A place in the front matter, 1-based, the column in characters.
  typealias Place = (line: Int, column: Int)

  /// Where each character of each line of `value.text` is written, and where each line ends,
  /// found by following the front matter from the value's start: YAML reads a value's
  /// characters in order and changes only white space (a block's indentation, the line breaks
  /// `>` and multi-line plain values fold into spaces), so every `|`, `>` and multi-line value
  /// is placed exactly. An escape written otherwise than its character (`\n`, `\u3042`;
  /// `\"` and `''` are followed) cannot be followed: the characters from it on are nil, and
  /// placed at the value's start.
  static func places(of value: FrontMatterValue, in frontMatter: [Substring]) -> [[Place?]] {
    let escape: Character? =
      switch value.style {
      case .doubleQuoted: "\\"
      case .singleQuoted: "'"
      default: nil
      }
    var line = value.line - 1
    var column = value.column - 1
    var chars = line < frontMatter.count ? Array(frontMatter[line]) : []
    var lost = false
    /// Moves to `c` in the front matter, over white space and escapes.
    func find(_ c: Character) -> Bool {
      while true {
        if column >= chars.count {
          line += 1
          guard line < frontMatter.count else { return false }
          chars = Array(frontMatter[line])
          column = 0
        } else if chars[column] == c {
          return true
        } else if chars[column].isWhitespace || chars[column] == escape {
          column += 1
        } else {
          return false
        }
      }
    }
    // Lines as `SourceText` splits them, so findings' columns index them.
    return value.text.split(separator: "\n", omittingEmptySubsequences: false).map { text in
      var row: [Place?] = text.map { c in
        if !lost, !c.isWhitespace { lost = !find(c) }
        guard !lost else { return nil }
        defer { if !c.isWhitespace { column += 1 } }
        return (line + 1, column + 1)
      }
      row.append(lost ? nil : (line + 1, column + 1))
      return row
    }
  }
}

extension FrontMatterText {
  /// The keys whose values are linted: the sentences and the names.
  static let lintedKeys = FrontMatterValues.sentenceKeys.union(FrontMatterValues.nameKeys)

  /// The values `OfflineApplicationRule` reads and the values linted, from one composing of
  /// the YAML (`FrontMatterValues.values(in:keySets:)`, which keeps the sets apart where the
  /// YAML holds a `*`). `portal lint` has them from the loader's node instead
  /// (`Linter.frontMatterKeys`); this is for a front matter read otherwise (`portal serve`'s
  /// page problems).
  static func values(in frontMatter: String) -> (
    offline: () -> [FrontMatterValue], linted: [FrontMatterValue]
  ) {
    let values = FrontMatterValues.values(in: frontMatter, keySets: Linter.frontMatterKeys)
    return ({ values[0] }, values[1])
  }
}

extension Linter {
  /// The sets of keys whose values `lintFrontMatter(file:reading:…)` reads, in the order it
  /// reads them: `OfflineApplicationRule.keys`, then the values linted. `portal lint` asks
  /// the loader for them (`ContentLoader.load(frontMatterKeys:)`), which reads them from the
  /// node it composed for the page, so the YAML is not composed a second time.
  public static let frontMatterKeys = [OfflineApplicationRule.keys, FrontMatterText.lintedKeys]

  /// The body's sentence and word rules on the front matter's sentences (`FrontMatterValues`),
  /// placed where each character is written (`FrontMatterText.places`; `notForValues` are left
  /// out).
  ///
  /// - Parameter firstLine: the file line of the front matter's first line.
  public static func lintFrontMatter(
    file: String, frontMatter: String, firstLine: Int, context: LintContext,
    configuration: LintConfiguration = .default, yearOfDay: DayYears? = nil
  ) -> [Diagnostic] {
    let (offline, linted) = FrontMatterText.values(in: frontMatter)
    return lintFrontMatter(
      file: file, frontMatter: frontMatter, firstLine: firstLine, offline: offline,
      linted: linted, context: context, configuration: configuration, yearOfDay: yearOfDay)
  }

  /// `lintFrontMatter` of the values the loader read (`frontMatterKeys`, in its order): what
  /// it gives for the front matter's text, without composing the YAML again.
  public static func lintFrontMatter(
    file: String, reading: FrontMatterReading, context: LintContext,
    configuration: LintConfiguration = .default, yearOfDay: DayYears? = nil
  ) -> [Diagnostic] {
    precondition(
      reading.values.count == frontMatterKeys.count,
      "read with Linter.frontMatterKeys, one list of values for each set")
    return lintFrontMatter(
      file: file, frontMatter: reading.text, firstLine: reading.line,
      offline: { reading.values[0] }, linted: reading.values[1], context: context,
      configuration: configuration, yearOfDay: yearOfDay)
  }

  /// - Parameters:
  ///   - offline: the values of `OfflineApplicationRule.keys`, made when the rule is on.
  ///   - linted: the values of `FrontMatterText.lintedKeys`.
  private static func lintFrontMatter(
    file: String, frontMatter: String, firstLine: Int,
    offline offlineValues: () -> [FrontMatterValue], linted values: [FrontMatterValue],
    context: LintContext, configuration: LintConfiguration, yearOfDay: DayYears?
  ) -> [Diagnostic] {
    var found: [Diagnostic] = []
    if configuration.setting(for: OfflineApplicationRule().id) != nil {
      found += OfflineApplicationRule().check(
        file: file, values: offlineValues(), firstLine: firstLine)
    }
    var lines: [Substring]?
    for value in values {
      // Linted as a body of its own, then each finding moved from the value to the file.
      let source = SourceText(file: file, body: value.text, lineOffset: 0)
      // A title, a term, a place is a name: only the Markdown and the invisible characters
      // written in it are reported.
      let isName = !FrontMatterValues.sentenceKeys.contains(value.key)
      let datedTitle = isName && value.key == "title" && FrontMatterText.mayHoldDate(value.text)
      let blocks =
        isName && !FrontMatterText.namesNeedBlocks && !datedTitle
        ? [] : lintBlocks(of: MarkdownDocument(value.text), source: source, context: context)
      var page = LintPage(blocks: blocks, links: [], source: source)
      page.frontMatterKey = value.key
      page.yearOfDay = yearOfDay
      let problems = check(
        page, context: context, configuration: configuration,
        rules: datedTitle
          ? FrontMatterText.datedTitleRuleList
          : isName ? FrontMatterText.nameRuleList : FrontMatterText.valueRules)
      guard !problems.isEmpty else { continue }
      // Most values have no finding: the front matter is split only for one that has.
      if lines == nil {
        lines = frontMatter.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
      }
      let places = FrontMatterText.places(of: value, in: lines!)
      func place(_ line: Int, _ column: Int) -> FrontMatterText.Place? {
        line >= 1 && line <= places.count && column >= 1 && column <= places[line - 1].count
          ? places[line - 1][column - 1] : nil
      }
      found += problems.map { d in
        var d = d
        let at = place(d.location.line, d.location.column)
        d.location.line = firstLine - 1 + (at?.line ?? value.line)
        d.location.column = at?.column ?? value.column
        // A fix is moved as its problem; one from a character not followed (an escape) is
        // dropped, and `portal lint --fix` leaves the problem to the writer.
        let fixes = d.fixes.compactMap { fix -> Fix? in
          guard let at = place(fix.line, fix.column) else { return nil }
          var fix = fix
          (fix.line, fix.column) = (firstLine - 1 + at.line, at.column)
          return fix
        }
        d.fixes = fixes.count == d.fixes.count ? fixes : []
        return d
      }
    }
    return found.sorted
  }
}

import Content
import Diagnostics

/// A rule's threshold: the number a writer can change in `site.yml`, what it means, and which
/// values make sense, so a typo like `lint.kanji-ratio: 400` is an error rather than a no-op.
struct Threshold: Sendable {
  var value: Int
  var meaning: String
  /// The same in Japanese, for the writers who read `site.yml`'s errors in Japanese.
  var japaneseMeaning: String
  var range: ClosedRange<Int>
}

/// One plain-language rule. A rule looks at one block of text at a time, or at the whole page
/// when it needs to compare blocks (mixed styles, the first use of a word, links).
protocol Rule: Sendable {
  /// Stable id used in output, in `site.yml` and in silencing comments: `lint.sentence-length`.
  var id: String { get }
  /// One line for `portal lint --list-rules`.
  var summary: String { get }
  /// The same line in Japanese, for `portal lint --list-rules` on a computer set to Japanese.
  var japaneseSummary: String { get }
  /// The default threshold, or nil for a rule that is only on or off.
  var threshold: Threshold? { get }

  /// Whether the rule reads what parsing the Markdown gives (its block check, or the page's
  /// blocks, links, tables…): false only for a rule reading the source lines alone
  /// (`LintPage.source`), so a front matter name it checks is linted without being parsed
  /// (`FrontMatterText.namesNeedBlocks`).
  var readsBlocks: Bool { get }

  /// What `portal lint --fix` fixes of its problems (those with their one right fix,
  /// `Diagnostic.fixes`), in the help's words; nil for a rule whose problems are the writer's
  /// to word. `--list-rules` and `portal lint --help` say so.
  var fix: FixSummary? { get }

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic]
  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic]
}

extension Rule {
  var threshold: Threshold? { nil }
  var readsBlocks: Bool { true }
  var fix: FixSummary? { nil }
  var fixable: Bool { fix != nil }
  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] { [] }
  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] { [] }
}

/// What a rule gets besides the text: its configured threshold and the site's glossary.
struct RuleContext {
  let rule: String
  /// The configured threshold; 0 for a rule without one.
  let threshold: Int
  let site: LintContext
  /// Whether the text is a front matter value (a summary), which the site shows as text:
  /// Markdown does not work there, so hints do not suggest it.
  var inFrontMatter = false
  /// Whether the text is a front matter value that shows furigana as typed (`application`,
  /// `access`): hints there do not suggest them. Titles, summaries, a glossary entry's `short`
  /// and an event's `place` take furigana (`PageFurigana.keys`), as bodies do.
  var noFurigana = false
  /// `LintPage.yearOfDay`: on an event's page, the year of a date written without one.
  var yearOfDay: DayYears? = nil

  /// A warning of this rule at character `offset` of `block`.
  func warning(_ block: LintBlock, at offset: Int, _ message: String, hint: String) -> Diagnostic {
    .warning(block.location(of: offset), message, hint: hint, code: rule)
  }
}

/// A rule as `portal lint --list-rules` and the documentation show it.
public struct RuleDescription: Sendable, Hashable {
  public var id: String
  public var summary: String
  /// The summary in Japanese.
  public var japaneseSummary: String
  /// nil for rules that are only on or off.
  public var defaultThreshold: Int?
  /// What the threshold counts, e.g. "maximum characters in one sentence".
  public var thresholdMeaning: String?
  /// The same in Japanese, e.g. 「一つの文の最大の文字数」.
  public var japaneseThresholdMeaning: String?
  /// What `portal lint --fix` fixes of its problems; nil when it fixes none.
  public var fix: FixSummary? = nil
  /// Whether `portal lint --fix` fixes some of its problems.
  public var fixable: Bool { fix != nil }
}

/// What a rule's fixes change, for `portal lint --help` in English and Japanese.
public struct FixSummary: Sendable, Hashable {
  public var english: String
  public var japanese: String

  init(_ english: String, _ japanese: String) {
    self.english = english
    self.japanese = japanese
  }
}

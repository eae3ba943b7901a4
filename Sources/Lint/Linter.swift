import ByteFormats
import Content
import Diagnostics
import Foundation
import Markdown

/// Plain-Japanese checks on one Markdown body, for text written for residents. Everything it
/// reports is a warning: a writer may have a reason, and `portal lint --strict` makes CI fail.
public enum Linter {
  /// Every rule, in the order `--list-rules` and the documentation show them.
  static let allRules: [any Rule] = [
    SentenceLengthRule(), CommaCountRule(), KanjiRunRule(), KanjiRatioRule(),
    DoubleNegativeRule(), DoubledParticleRule(), MixedStyleRule(), KatakanaWordRule(),
    AcronymRule(), EnglishWordRule(), VagueLinkTextRule(), ImageAltRule(), ImageWeightRule(),
    FileLinkRule(),
    DateWeekdayRule(), EraYearRule(), HalfwidthKanaRule(), FullWidthAlphanumericRule(),
    InvisibleCharacterRule(),
    KanjiNumberRule(),
    MarkdownSlipRule(), RawHTMLRule(),
    RareKanjiRule(), EmptySectionRule(), HeadingLevelRule(), LinkAddressRule(), GlossaryMarkRule(),
    LongFuriganaRule(), JoinedLinesRule(), TableCellsRule(), IndentedCodeRule(), ListIndentRule(),
    DoubleBulletRule(),
    FullWidthIndentRule(),
    FootnoteRule(),
    FrontMatterMarkupRule(), OfflineApplicationRule(), HardWordRule(), HonorificRule(),
    OneSentenceRule(),
  ]

  static let defaultThresholds: [String: Int] = Dictionary(
    uniqueKeysWithValues: allRules.map { ($0.id, $0.threshold?.value ?? 0) })

  /// The rules with their ids and default thresholds, for `portal lint --list-rules`.
  public static var rules: [RuleDescription] {
    allRules.map {
      RuleDescription(
        id: $0.id, summary: $0.summary, japaneseSummary: $0.japaneseSummary,
        defaultThreshold: $0.threshold?.value, thresholdMeaning: $0.threshold?.meaning,
        japaneseThresholdMeaning: $0.threshold?.japaneseMeaning, fix: $0.fix)
    }
  }

  /// Lints one page body.
  ///
  /// - Parameters:
  ///   - file: the path shown in diagnostics.
  ///   - markdownBody: the Markdown after the front matter.
  ///   - bodyLineOffset: how many lines of the file come before the body (the front matter and
  ///     its `---` lines), so positions are file lines; 0 for a file without front matter.
  ///   - relativePath: the file relative to `content/`, which its links to files start from.
  ///   - yearOfDay: on an event's page, the year of a day written without one
  ///     (`EventMeta.yearOfDay`), whose weekday is then checked too.
  /// - Returns: warnings sorted by position, silencing comments applied.
  public static func lint(
    file: String, markdownBody: String, bodyLineOffset: Int, context: LintContext,
    configuration: LintConfiguration = .default, relativePath: String? = nil,
    yearOfDay: DayYears? = nil
  ) -> [Diagnostic] {
    var body = markdownBody
    if body.holdsByte(0x0D) {
      body = body.split(separator: "\r\n", omittingEmptySubsequences: false).joined(
        separator: "\n")
    }
    let source = SourceText(file: file, body: body, lineOffset: bodyLineOffset)
    let document = MarkdownDocument(body)
    let blocks = lintBlocks(of: document, source: source, context: context)
    let page = LintPage(
      blocks: blocks, links: document.links(),
      rawHTML: context.allowsRawHTML ? [] : document.rawHTML(),
      openComments: document.openComments(),
      emptySections: document.emptySections(), codeBlocks: document.codeBlockPlaces(),
      tables: document.tablePlaces(), source: source,
      directory: relativePath.map { ($0 as NSString).deletingLastPathComponent },
      yearOfDay: yearOfDay)
    let found = check(page, context: context, configuration: configuration)
    let directives = Directives(source, knownRules: allRules.map(\.id))
    return (directives.problems + found.filter { !directives.silences($0) }).sorted
  }

  /// The text blocks rules read: code blocks are left alone.
  static func lintBlocks(of document: MarkdownDocument, source: SourceText, context: LintContext)
    -> [LintBlock]
  {
    document.textBlocks().filter { $0.kind != .codeBlock }.map {
      LintBlock($0, source: source, context: context)
    }
  }

  /// Each of `rules` (in `allRules`' order) the configuration turns on, on each block of the
  /// page and on the page as a whole. A front matter value passes the rules it gets, listed
  /// once (`FrontMatterText.valueRules`, `nameRuleList`), rather than a set of those it skips
  /// looked up for each rule of each of the ~45,000 values of 10,000 pages.
  static func check(
    _ page: LintPage, context: LintContext, configuration: LintConfiguration,
    rules: [any Rule] = allRules
  ) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for rule in rules {
      guard let threshold = configuration.setting(for: rule.id) else { continue }
      let ruleContext = RuleContext(
        rule: rule.id, threshold: threshold, site: context,
        inFrontMatter: page.frontMatterKey != nil,
        noFurigana: page.frontMatterKey.map { !PageFurigana.keys.contains($0) } ?? false,
        yearOfDay: page.yearOfDay)
      for block in page.blocks { found += rule.check(block, ruleContext) }
      found += rule.check(page: page, ruleContext)
    }
    return found
  }
}

import Content
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Build

/// A page that exists but is not built (its front matter is broken, or it is a draft) is not
/// reported as missing by the pages that point at it: a missing file sends the writer looking
/// for the wrong problem, and one broken page of a large site made an error in every page that
/// named it.
@Suite struct WithheldPageTests {
  /// The fixture names `initiatives/ai-disaster.md` from an event (`initiatives:`), from
  /// another initiative (`related:`, below) and from a strategy body (a link).
  func site() throws -> (content: URL, output: URL) {
    let content = try copyFixture()
    let other = content.appendingPathComponent("initiatives/cyber-security.md")
    let text = try String(contentsOf: other, encoding: .utf8)
    try text.replacingOccurrences(of: "\n---\n", with: "\nrelated: [ai-disaster]\n---\n")
      .write(to: other, atomically: true, encoding: .utf8)
    return (content, content.deletingLastPathComponent().appendingPathComponent("site"))
  }

  func rewrite(_ content: URL, _ relative: String, _ change: (String) -> String) throws {
    let url = content.appendingPathComponent(relative)
    try change(try String(contentsOf: url, encoding: .utf8)).write(
      to: url, atomically: true, encoding: .utf8)
  }

  func errors(_ report: BuildReport) -> [String] {
    report.diagnostics.filter { $0.severity == .error }.map {
      "\($0.location.file.split(separator: "/").suffix(2).joined(separator: "/")):\($0.location.line): \($0.message)"
    }
  }

  /// An unclosed quote; a required key left out.
  @Test(arguments: [
    ("title: AIを活用した防災対策", "title: \"AIを活用した防災対策"),
    ("summary: AIで災害の情報を早く集めます。\n", ""),
  ])
  func aBrokenPageIsReportedOnceNotByEveryPageNamingIt(_ slip: (String, String)) throws {
    let (content, output) = try site()
    try rewrite(content, "initiatives/ai-disaster.md") {
      $0.replacingOccurrences(of: slip.0, with: slip.1)
    }
    let report = SiteBuilder.build(options(content: content, output: output))
    let found = errors(report)
    #expect(found.count == 1, "\(found)")
    #expect(found.allSatisfy { $0.hasPrefix("initiatives/ai-disaster.md:") }, "\(found)")
  }

  @Test func aFileThatIsNotUTF8IsTheOnlyError() throws {
    let (content, output) = try site()
    let url = content.appendingPathComponent("initiatives/ai-disaster.md")
    var bytes = try Data(contentsOf: url)
    bytes.append(contentsOf: [0x82, 0xA0])  // あ in Shift_JIS
    try bytes.write(to: url)
    let found = errors(SiteBuilder.build(options(content: content, output: output)))
    #expect(found.count == 1 && found[0].contains("not valid UTF-8"), "\(found)")
  }

  @Test func aLinkToADraftSaysItIsADraft() throws {
    let (content, output) = try site()
    try rewrite(content, "initiatives/ai-disaster.md") {
      $0.replacingOccurrences(of: "status: active", with: "status: active\ndraft: true")
    }
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(
      errors(report) == [
        "strategy/basics.md:9: the link points to `../initiatives/ai-disaster.md#なにが変わるか`, but `initiatives/ai-disaster.md` is a draft (`draft: true`), which is not published"
      ])
    var drafts = options(content: content, output: output)
    drafts.includeDrafts = true
    #expect(SiteBuilder.build(drafts).succeeded)
  }

  /// A link to a file that exists under content/files/ but is of a type that is not published
  /// says so, and how to publish it, instead of "there is no content file" (which sent writers
  /// looking for a typo).
  @Test func aLinkToAFileOfATypeNotPublishedSaysSo() throws {
    let (content, output) = try site()
    try FileManager.default.createDirectory(
      at: content.appendingPathComponent("files"), withIntermediateDirectories: true)
    try Data("{}".utf8).write(to: content.appendingPathComponent("files/routes.geojson"))
    try rewrite(content, "initiatives/ai-disaster.md") {
      $0 + "\n[避難路のデータ](../files/routes.geojson)\n"
    }
    let report = SiteBuilder.build(options(content: content, output: output))
    let found = report.diagnostics.filter { $0.code == "content.broken-link" }
    #expect(found.count == 1)
    #expect(
      found.first?.message
        == "the link points to `../files/routes.geojson`, a file that exists but is not published: `.geojson` files are not copied to the site"
    )
    #expect(found.first?.hint?.contains("a `.zip` can hold any file") == true)
    #expect(found.first?.japanese?.message.contains("ファイルはありますが") == true)
  }

  /// The message is decided at each build from what the target is then, not kept with the
  /// body: in `portal serve` the body is remembered between builds.
  @Test func theMessageFollowsTheTargetInOneSession() throws {
    let (content, output) = try site()
    let session = BuildSession()
    /// Saves `content/initiatives/new-plan.md` (nil: leaves it out) and builds in the session.
    func build(plan text: String?) throws -> [String] {
      if let text {
        try text.write(
          to: content.appendingPathComponent("initiatives/new-plan.md"), atomically: true,
          encoding: .utf8)
      }
      return errors(SiteBuilder.build(options(content: content, output: output), session: session))
    }
    try rewrite(content, "strategy/basics.md") { $0 + "\n[新しい取組](../initiatives/new-plan.md)\n" }
    let missing = try build(plan: nil)
    #expect(
      missing.count == 1
        && missing[0].contains("there is no content file `initiatives/new-plan.md`"), "\(missing)")

    let draft = """
      ---
      title: 新しい取組
      summary: まだ準備中です。
      fields: [safety]
      draft: true
      ---
      準備中です。
      """
    let drafted = try build(plan: draft)
    #expect(drafted.count == 1 && drafted[0].contains("is a draft (`draft: true`)"), "\(drafted)")
    let broken = try build(plan: draft.replacingOccurrences(of: "summary: まだ準備中です。\n", with: ""))
    #expect(broken.count == 1 && broken[0].hasPrefix("initiatives/new-plan.md:"), "\(broken)")
    #expect(try build(plan: draft.replacingOccurrences(of: "draft: true\n", with: "")).isEmpty)
  }

  /// Kinds the site has none of are not counted ("0 about" looked like pages gone missing).
  @Test func theSummaryLeavesOutKindsWithNoPages() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    try FileManager.default.removeItem(at: content.appendingPathComponent("pages"))
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded)
    #expect(report.summary.contains(" initiative"), "\(report.summary)")
    #expect(!report.summary.contains("about"), "\(report.summary)")
    #expect(
      !report.summary.contains("(0 ") && !report.summary.contains(", 0 "), "\(report.summary)")
  }

  /// The summary says how many drafts were left out, also when the build was up to date.
  @Test func theSummaryCountsDraftsLeftOut() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    try rewrite(content, "initiatives/cyber-security.md") { "---\ndraft: true\n" + $0.dropFirst(4) }
    let first = SiteBuilder.build(options(content: content, output: output))
    #expect(first.succeeded)
    #expect(first.drafts == ["initiatives/cyber-security.md"])
    #expect(first.summary.hasSuffix("; 1 draft not built (--drafts builds them)"))
    #expect(first.summary.contains("(2 strategy, 1 field, 1 initiative,"))
    let again = SiteBuilder.build(options(content: content, output: output))
    #expect(again.mode == .upToDate)
    #expect(again.summary.hasSuffix("; 1 draft not built (--drafts builds them)"))
  }
}

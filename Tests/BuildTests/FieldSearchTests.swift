import Foundation
import Search
import TestSupport
import Testing

@testable import Build

/// Field visions and the domain pages (made from site.yml, no Markdown of their own) are found
/// as 分野, as the navigation calls them; a domain's name finds its page first. Edits of
/// site.yml and of a vision leave the index that of a full build, and a vision's edit is still
/// patched into it (the domains' documents have no page index, and must not get in the way).
@Suite struct FieldSearchTests: RebuiltFixture {
  let content: URL
  let output: URL

  init() throws {
    content = try copyFixture()
    output = content.deletingLastPathComponent().appendingPathComponent("site")
  }

  func engine() throws -> SearchEngine {
    try SearchEngine(directory: output.appendingPathComponent("search"))
  }

  /// The documents of the search files a build wrote.
  func documentsWritten(_ report: BuildReport) -> Set<Substring> {
    Set(
      report.renderedPaths.filter { $0.hasPrefix("search/c/") }.map {
        $0.dropFirst(9).prefix(while: \.isNumber)
      })
  }

  /// The department an initiative names and the venue of an event, which their pages show,
  /// are found too; a department's edit is patched into the index as a full build makes it.
  @Test func departmentsAndVenuesAreFound() throws {
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    #expect(try engine().search("防災危機管理部").map(\.url) == ["/initiatives/ai-disaster/"])
    #expect(try engine().search("幕張メッセ").map(\.url) == ["/events/past-forum/"])
    let page = content.appendingPathComponent("initiatives/ai-disaster.md")
    try (try String(contentsOf: page, encoding: .utf8)).replacingOccurrences(
      of: "department: 防災危機管理部", with: "department: 総務部デジタル課"
    ).write(to: page, atomically: true, encoding: .utf8)
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    #expect(try engine().search("デジタル課").map(\.url) == ["/initiatives/ai-disaster/"])
    #expect(try engine().search("防災危機管理部").isEmpty)
    try expectSameAsFullBuild("department edited")
  }

  /// An event is found by its day as the page shows it, although its body does not write it
  /// (past-forum's says only 終わりました。): 9月 finds it, and ranks it by its keywords.
  @Test func eventsAreFoundByTheirDay() throws {
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    #expect(try engine().search("9月").map(\.url) == ["/events/past-forum/"])
    let found = try engine().search("9月10日")
    #expect(found.map(\.url) == ["/events/past-forum/"])
    #expect(found.first?.snippet.contains("9月10日") == true)
  }

  @Test func visionsAndDomainsAreFoundAsFields() throws {
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let engine = try engine()
    let vision = try #require(engine.search("危機管理").first)
    #expect(vision.url == "/fields/crisis-management/" && vision.title == "危機管理")
    #expect(vision.kind == .field && vision.kind.label == "分野")
    // The domain's name: its page, before the glossary entry whose definition uses it.
    let life = engine.search("暮らし", limit: 0)
    #expect(life.map(\.url) == ["/domains/life/", "/glossary/dx/"])
    #expect(life.first?.kind == .field)
    // Its goal and the names of its fields, as its page shows them.
    #expect(engine.search("暮らしやすい社会").map(\.url) == ["/domains/life/"])
    #expect(engine.search("安全・安心").map(\.url) == ["/domains/life/"])
    #expect(engine.search("土台づくり").first?.url == "/domains/foundation/")
    // The kind filter: a vision is 分野, not 戦略.
    #expect(engine.search("災害から命", kinds: [.field]).map(\.url) == ["/fields/crisis-management/"])
    #expect(engine.search("災害から命", kinds: [.strategy]).isEmpty)
    // The vision's title holds it, the domain's page lists it.
    let fields = engine.search("管理", kinds: [.field], limit: 0).map(\.url)
    #expect(fields == ["/fields/crisis-management/", "/domains/life/"])
    #expect(
      !engine.search("管理", kinds: [.strategy, .initiative], limit: 0).contains { $0.kind == .field }
    )
  }

  @Test func siteYmlAndVisionEditsGiveTheIndexOfAFullBuild() throws {
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    try edit(content.appendingPathComponent("site.yml")) {
      $0.replacingOccurrences(
        of: "goal: あらゆる人が暮らしやすい社会\n",
        with: "goal: あらゆる人が暮らしやすい社会\n    summary: 災害に強いまちをつくります。\n"
      ).replacingOccurrences(of: "name: 安全・安心", with: "name: 安全と安心")
    }
    var report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded && report.mode == .incremental)
    try expectSameAsFullBuild("domain summary and field name")
    #expect(try engine().search("災害に強いまち").map(\.url) == ["/domains/life/"])
    #expect(try engine().search("安全と安心").map(\.url) == ["/domains/life/"])

    // A vision's summary: its document alone is written again, patched, not rebuilt.
    try edit(content.appendingPathComponent("fields/crisis-management.md")) {
      $0.replacingOccurrences(of: "summary: 災害から命を守ります。", with: "summary: 災害から命と暮らしを守ります。")
    }
    report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded && report.mode == .incremental)
    #expect(documentsWritten(report).count == 1, "\(report.renderedPaths)")
    try expectSameAsFullBuild("vision summary")
    #expect(try engine().search("命と暮らし").map(\.url) == ["/fields/crisis-management/"])
  }

  /// In `portal serve` a vision's edit is made in place, its document patched by page index.
  @Test func aVisionEditInPlacePatchesItsDocument() throws {
    let session = BuildSession()
    let build = {
      SiteBuilder.build(options(content: self.content, output: self.output), session: session)
    }
    #expect(build().mode == .full)
    try edit(content.appendingPathComponent("fields/crisis-management.md")) {
      $0.replacingOccurrences(of: "summary: 災害から命を守ります。", with: "summary: 災害から命と暮らしを守ります。")
    }
    let report = build()
    #expect(report.succeeded && report.mode == .inPlace)
    #expect(documentsWritten(report).count == 1, "\(report.renderedPaths)")
    try expectSameAsFullBuild("vision summary in place", cache: .session(session))
    let found = try engine().search("命と暮らし", kinds: [.field])
    #expect(found.map(\.url) == ["/fields/crisis-management/"])
  }
}

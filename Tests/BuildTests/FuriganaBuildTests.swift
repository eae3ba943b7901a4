import Foundation
import Search
import TestSupport
import Testing

@testable import Build

/// Furigana added to a title and summary: found by their readings, shown as ruby where the
/// pages show the text, and built the same by `portal serve`'s in-place edit, the incremental
/// build and a full build.
@Suite final class FuriganaBuildTests: RebuiltFixture {
  let root: URL
  let content: URL
  let output: URL

  init() throws {
    content = try copyFixture()
    root = content.deletingLastPathComponent()
    output = root.appendingPathComponent("site")
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  static let title = "title: \"AIを{活用|かつよう}した{防災|ぼうさい}{対策|たいさく}\""
  /// 防災 with its reading (対策's follows it in the same `<ruby>`: groups side by side share one).
  static let ruby = "<ruby>防災<rp>（</rp><rt>ぼうさい</rt><rp>）</rp>対策"

  func addFurigana() throws {
    try edit(content.appendingPathComponent("initiatives/ai-disaster.md")) {
      $0.replacingOccurrences(of: "title: AIを活用した防災対策", with: Self.title)
        .replacingOccurrences(
          of: "summary: AIで災害の情報を早く集めます。", with: "summary: \"AIで{災害|さいがい}の情報を早く集めます。\"")
    }
  }

  func page(_ path: String) throws -> String {
    try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
  }

  /// A title edit adding furigana goes in place in `portal serve`: the page, the lists and
  /// the pages that link it show the ruby, the search index finds the readings.
  @Test func anEditAddingFuriganaGoesInPlace() throws {
    let session = BuildSession()
    let first = SiteBuilder.build(options(content: content, output: output), session: session)
    try #require(first.succeeded)
    try addFurigana()
    let report = SiteBuilder.build(options(content: content, output: output), session: session)
    try #require(report.succeeded, "\(report.diagnostics.map(\.text))")
    #expect(report.mode == .inPlace)
    let initiative = try page("initiatives/ai-disaster/index.html")
    #expect(initiative.contains("<h1 id=\"page-title\">AIを<ruby>活用"))
    #expect(initiative.contains("<title>AIを活用した防災対策｜"))
    #expect(try page("initiatives/index.html").contains(Self.ruby))
    // The event that names the initiative lists it with its furigana.
    #expect(try page("events/seminar/index.html").contains(Self.ruby))
    try expectSameAsFullBuild("furigana added in place", cache: .session(session))
    let found = try SearchEngine(directory: output.appendingPathComponent("search"))
      .search("ぼうさい")
    #expect(found.first?.url == "/initiatives/ai-disaster/")
    #expect(found.first?.title == "AIを活用した防災対策")
  }

  /// Without a session, the incremental build renders what a full build does, and a reading
  /// of the whole title (かつようした) or of the summary finds the page.
  @Test func theIncrementalBuildMatchesAFullBuild() throws {
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    try addFurigana()
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.mode == .incremental)
    #expect(report.renderedPaths.contains("initiatives/ai-disaster/index.html"))
    try expectSameAsFullBuild("furigana added")
    let engine = try SearchEngine(directory: output.appendingPathComponent("search"))
    for query in ["かつようした", "ぼうさいたいさく", "さいがいの情報"] {
      #expect(engine.search(query).map(\.url).contains("/initiatives/ai-disaster/"), "\(query)")
    }
    // Taken away again: no reading is left to find it by.
    try edit(content.appendingPathComponent("initiatives/ai-disaster.md")) {
      $0.replacingOccurrences(of: Self.title, with: "title: AIを活用した防災対策")
    }
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    try expectSameAsFullBuild("furigana taken away")
    let again = try SearchEngine(directory: output.appendingPathComponent("search"))
    #expect(!again.search("かつようした").map(\.url).contains("/initiatives/ai-disaster/"))
  }

  /// A reading per character in a title (`{活用|かつ|よう}`): one `<ruby>` with a reading over
  /// each kanji on the page, and the page found by the word as written and as read.
  @Test func aReadingPerCharacterIsShownAndFound() throws {
    try edit(content.appendingPathComponent("initiatives/ai-disaster.md")) {
      $0.replacingOccurrences(
        of: "title: AIを活用した防災対策", with: "title: \"AIを{活用|かつ|よう}した防災対策\"")
    }
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let initiative = try page("initiatives/ai-disaster/index.html")
    #expect(
      initiative.contains(
        "AIを<ruby>活<rp>（</rp><rt>かつ</rt><rp>）</rp>用<rp>（</rp><rt>よう</rt><rp>）</rp></ruby>した"))
    #expect(initiative.contains("<title>AIを活用した防災対策｜"))
    let engine = try SearchEngine(directory: output.appendingPathComponent("search"))
    for query in ["かつようした", "活用した防災"] {
      #expect(engine.search(query).first?.url == "/initiatives/ai-disaster/", "\(query)")
    }
    let result = try #require(engine.search("かつよう").first { $0.url == "/initiatives/ai-disaster/" })
    #expect(result.snippet.hasPrefix("AIを活用（かつよう）した防災対策"))
  }
}

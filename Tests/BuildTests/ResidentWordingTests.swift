import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// What residents read once, not twice, and nothing that no longer works.
@Suite struct ResidentWordingTests {
  func built() throws -> (URL, (String) throws -> String) {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
    return (
      content,
      { try String(contentsOf: output.appendingPathComponent($0), encoding: .utf8) }
    )
  }

  /// A past event offers no way to join it online any more.
  @Test func aPastEventHasNoLinkToJoinOnline() throws {
    let (content, page) = try built()
    let file = content.appendingPathComponent("events/past-forum.md")
    try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(
      of: "place: 幕張メッセ", with: "place: 幕張メッセ\nonline: https://example.jp/live"
    ).write(to: file, atomically: true, encoding: .utf8)
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let html = try page("events/past-forum/index.html")
    #expect(html.contains("このイベントは終わりました"))
    #expect(!html.contains("href=\"https://example.jp/live\""))
    #expect(!html.contains("オンラインで参加するページ"))
  }

  /// The glossary shows a reading after a term with kanji or Latin letters (DX（でぃーえっくす）
  /// says how to read it, and why it is listed under た), not after kana (インフラ（いんふら）
  /// says it twice); a glossary entry's tab says it is one, since a field may have the same name.
  @Test func readingsAndTitlesSayWhatTheyAdd() throws {
    let content = try copyFixture()
    let file = content.appendingPathComponent("glossary/ai.md")
    try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(
      of: "term: AI", with: "term: 人工知能AI"
    ).replacingOccurrences(of: "aliases: [人工知能]", with: "aliases: [AI]")
      .write(to: file, atomically: true, encoding: .utf8)
    try "---\nterm: インフラ\nreading: いんふら\nshort: 暮らしを支える設備です。\n---\n\n説明です。\n".write(
      to: content.appendingPathComponent("glossary/infra.md"), atomically: true, encoding: .utf8)
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let list = try String(
      contentsOf: output.appendingPathComponent("glossary/index.html"), encoding: .utf8)
    #expect(list.contains("人工知能AI</a><span class=\"reading\">（えーあい）</span>"))
    #expect(list.contains(">DX</a><span class=\"reading\">（でぃーえっくす）</span></dt>"))
    #expect(list.contains(">インフラ</a></dt>"))
    let entry = try String(
      contentsOf: output.appendingPathComponent("glossary/dx/index.html"), encoding: .utf8)
    #expect(entry.contains("<title>DX（用語集）｜"))
    #expect(entry.contains("<p>別の言い方：デジタル・トランスフォーメーション</p>"))
  }

  /// The search page has one search box; the footer names the search once, also when the
  /// navigation has it.
  @Test func theSearchIsOfferedOnce() throws {
    let content = try copyFixture()
    let file = content.appendingPathComponent("site.yml")
    try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(
      of: "  - { title: 取組, url: /initiatives/ }\n",
      with: "  - { title: 取組, url: /initiatives/ }\n  - { title: 検索, url: /search/ }\n"
    ).write(to: file, atomically: true, encoding: .utf8)
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let page = { try String(contentsOf: output.appendingPathComponent($0), encoding: .utf8) }
    #expect(try page("glossary/index.html").contains("<a href=\"/search/\">検索</a>"))
    // Pages with a box of their own (home, search, 404) do not also show the header's.
    for own in ["index.html", "search/index.html", "404.html"] {
      #expect(!(try page(own)).contains("header-search"), "\(own)")
    }
    #expect(try page("glossary/index.html").contains("header-search"))
    // The 404 page offers every domain, 推進を支える土台づくり too.
    let notFound = try page("404.html")
    let fixtureDomains = try page("domains/index.html").components(separatedBy: "href=\"/domains/")
      .dropFirst().map { $0.prefix { $0 != "/" } }
    #expect(!fixtureDomains.isEmpty)
    for id in Set(fixtureDomains) {
      #expect(notFound.contains("href=\"/domains/\(id)/\""), "\(id)")
    }
    let footer = try page("glossary/index.html").components(separatedBy: "<footer")[1]
    #expect(footer.components(separatedBy: "search/\"").count == 2, "\(footer)")
  }

  /// Who runs the site and where to ask, in every footer, from site.yml.
  @Test func theFooterSaysWhoRunsTheSite() throws {
    let content = try copyFixture()
    let file = content.appendingPathComponent("site.yml")
    let yml = try String(contentsOf: file, encoding: .utf8)
    try (yml + "operator: 千葉県 総務部 デジタル改革推進局\ncontact: /strategy/basics/#問い合わせ\n").write(
      to: file, atomically: true, encoding: .utf8)
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let page = try String(
      contentsOf: output.appendingPathComponent("glossary/index.html"), encoding: .utf8)
    #expect(
      page.contains(
        "<p class=\"footer-operator\">運営：千葉県 総務部 デジタル改革推進局　<a href=\"/strategy/basics/#問い合わせ\">問い合わせ先</a><span class=\"print-only\">（https://dx.example.jp/strategy/basics/#問い合わせ）</span></p>"
      ))
    // An address that is not one is an error at its line.
    try (yml + "operator: 県\ncontact: javascript:alert(1)\n").write(
      to: file, atomically: true, encoding: .utf8)
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(
      report.diagnostics.contains {
        $0.code == "front-matter.url" && $0.location.file.hasSuffix("site.yml")
      })
  }

  /// The list of events says where each upcoming one is, not only 「会場」.
  @Test func upcomingEventsSayWhereTheyAre() throws {
    let (_, page) = try built()
    let list = try page("events/index.html")
    #expect(
      list.contains("<p class=\"card-place\">会場：千葉県庁（オンラインでも参加できます）</p>"), "\(list)")
  }

  /// An event with neither a place nor an online address does not say 「会場」 without saying
  /// which.
  @Test func anEventWithoutAPlaceSaysItIsToCome() throws {
    let content = try copyFixture()
    let file = content.appendingPathComponent("events/seminar.md")
    try (try String(contentsOf: file, encoding: .utf8))
      .replacingOccurrences(of: "place: 千葉県庁\n", with: "")
      .replacingOccurrences(of: "online: https://example.jp/live\n", with: "")
      .write(to: file, atomically: true, encoding: .utf8)
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let list = try String(
      contentsOf: output.appendingPathComponent("events/index.html"), encoding: .utf8)
    #expect(list.contains("<p class=\"card-place\">場所は決まりしだいお知らせします</p>"))
    let page = try String(
      contentsOf: output.appendingPathComponent("events/seminar/index.html"), encoding: .utf8)
    #expect(page.contains("<dt>参加のしかた</dt><dd>場所は未定</dd>"))
    #expect(!page.contains("eventAttendanceMode"), "no mode to claim without a place")
    // Once it is over, nothing is still to be decided.
    var later = options(content: content, output: output)
    later.now = DateTime(iso: "2026-12-06T09:00:00+09:00")!
    #expect(SiteBuilder.build(later).succeeded)
    let over = try String(
      contentsOf: output.appendingPathComponent("events/seminar/index.html"), encoding: .utf8)
    #expect(over.contains("<dt>参加のしかた</dt><dd>場所は書いてありません</dd>"))
    let past = try String(
      contentsOf: output.appendingPathComponent("events/index.html"), encoding: .utf8)
    #expect(past.contains("まで（場所は書いてありません）</p>"))
    #expect(!past.contains("場所は決まりしだいお知らせします"))
  }
}

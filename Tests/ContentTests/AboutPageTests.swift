import Diagnostics
import Foundation
import Testing

@testable import Content

/// Pages about the site (`content/pages/`): their keys, their errors with positions and hints,
/// and the checks every kind gets (the wrong folder, a mistyped folder, sub-folders).
@Suite struct AboutPageTests {
  func parse(_ frontMatter: String, body: String = "本文です。\n") throws -> (Page?, [String]) {
    let (page, diagnostics) = try parseFile(
      "---\n" + frontMatter + "---\n" + body, kind: .about, path: "content/pages/x.md")
    return (
      page,
      diagnostics.map {
        "\($0.location.line):\($0.location.column) \($0.message) / \($0.hint ?? "") [\($0.code ?? "")]"
      }
    )
  }

  @Test func everyKeyIsRead() throws {
    let (page, problems) = try parse(
      """
      title: プライバシーポリシー
      summary: 集めた情報の扱い方です。
      order: 3
      footer: false
      tags: [個人情報]
      updated: 2026-10-01
      slug: privacy-policy
      redirect_from: /privacy.html

      """)
    #expect(problems.isEmpty)
    let p = try #require(page)
    #expect(p.kind == .about && p.slug == "privacy-policy" && p.tags == ["個人情報"])
    #expect(p.title == "プライバシーポリシー" && p.summary == "集めた情報の扱い方です。")
    #expect(
      p.meta
        == .about(AboutMeta(title: "プライバシーポリシー", summary: "集めた情報の扱い方です。", order: 3, footer: false)))
    #expect(p.redirectFrom.map(\.id) == ["/privacy.html"])
  }

  /// Only the title is needed: no order, and listed in the footer.
  @Test func theFooterIsTheDefault() throws {
    let (page, problems) = try parse("title: このサイトについて\n")
    #expect(problems.isEmpty)
    #expect(
      page?.meta == .about(AboutMeta(title: "このサイトについて", summary: nil, order: nil, footer: true)))
  }

  @Test func mistakesAreReportedWhereTheyAre() throws {
    let (untitled, missing) = try parse("summary: 説明です。\n")
    #expect(untitled == nil)
    #expect(
      missing == [
        "2:1 the required key `title` is missing / add a line `title: ウェブアクセシビリティ方針` [front-matter.missing-key]"
      ])
    let (page, problems) = try parse(
      "title: 方針\nfooter: はい\norder: 一\nfootr: false\n")
    #expect(page != nil)
    #expect(
      problems.sorted() == [
        "3:9 `footer` must be true or false / write `footer: true` (true for yes, false for no) [front-matter.type]",
        "4:8 `order` must be a whole number in Arabic numerals / write `order: 1` [front-matter.type]",
        "5:1 unknown key `footr` in a page about the site / did you mean `footer`? [front-matter.unknown-key]",
      ])
    // A number typed full width, or with a unit: each told what it is.
    for (value, message, japanese) in [
      ("２", "`order` must be a whole number in half-width digits", "全角ではなく半角"),
      ("２番", "`order` must be a whole number, without a unit or other words", "単位"),
    ] {
      let found = try parseFile(
        "---\ntitle: 方針\norder: \(value)\n---\n本文です。\n", kind: .about,
        path: "content/pages/x.md"
      ).1
      #expect(found.map(\.message) == [message], "\(value)")
      #expect(found.first?.hint == "write `order: 2`")
      #expect(found.first?.localized(.japanese).message.contains(japanese) == true)
    }
    // The sample summary `portal new` writes, left in.
    #expect(
      try parse("title: 方針\nsummary: \(Placeholders.strategySummary)\n").1.map {
        $0.hasPrefix("3:10 ") && $0.hasSuffix("[content.placeholder]")
      } == [true])
  }

  /// A page about the site saved in the strategy's folder is named as such, and an event saved
  /// among the pages about the site as an event.
  @Test func aFileInTheWrongFolderIsNamed() throws {
    let about = "---\ntitle: 方針\nfooter: false\n---\n"
    let (page, diagnostics) = try parseFile(
      about, kind: .strategy, path: "content/strategy/x.md")
    #expect(page == nil)
    #expect(
      diagnostics.map { "\($0.message) / \($0.hint ?? "")" } == [
        "this file is written as a page about the site, but it is in `strategy/` / move it to content/pages/ (the folder decides what kind of page a file is)"
      ])
    let event = "---\ntitle: 説明会\nsummary: S\nstart: 2026-12-05T13:30:00+09:00\nplace: 県庁\n---\n"
    #expect(
      try parseFile(event, kind: .about, path: "content/pages/y.md").1.map(\.message) == [
        "this file is written as an event, but it is in `pages/`"
      ])
  }

  /// A mistyped folder gets the folder meant; a sub-folder is not read; the rest loads as
  /// pages about the site, published under their slug.
  @Test func theFolderIsChecked() throws {
    let dir = try contentFolder("pages/old", "page")
    defer { try? FileManager.default.removeItem(at: dir) }
    for (path, text) in [
      ("pages/about.md", "---\ntitle: このサイトについて\norder: 1\n---\n本文\n"),
      ("pages/old/x.md", "---\ntitle: 古い\n---\n"),
      ("page/y.md", "---\ntitle: 迷子\n---\n"),
    ] {
      try text.write(to: dir.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }
    let (content, diagnostics) = ContentLoader.load(contentDirectory: dir, displayPrefix: "content")
    #expect(content?.pages.map { "\($0.kind):\($0.slug)" } == ["about:about"])
    #expect(
      diagnostics.map { "\($0.location.file) \($0.message) / \($0.hint ?? "")" }.sorted() == [
        "content/page/y.md this file is not in a content folder, so it is not built / did you mean `pages/`? move it into one of: strategy/, fields/, initiatives/, events/, glossary/, pages/",
        "content/pages/old/x.md sub-folders are only read under strategy/; this file is not built / move it up to pages/",
      ])
  }
}

import Content
import Foundation
import Site
import TestSupport
import Testing

@testable import Render

/// `page.has_furigana`: the layout renders the ふりがな buttons shown exactly on the pages that
/// show ruby, so the button is in the first frame painted (portal.js showed it after a long
/// page's header had been painted, and the header's row could change).
@Suite struct FuriganaButtonTests {
  /// A site of three pages about the site: furigana in the body, in the title, and none.
  func site() throws -> Site {
    let content = try temporaryFolder("furigana-button").appendingPathComponent("content")
    let files = [
      "site.yml": "title: テスト\nbase_url: https://x.example/\ndomains: []\n",
      "pages/body.md": "---\ntitle: 本文に読み\n---\n\n{漢字|かんじ}で書きます。\n",
      "pages/titled.md": "---\ntitle: \"{方針|ほうしん}\"\n---\n\n本文です。\n",
      "pages/plain.md": "---\ntitle: 読みなし\n---\n\n本文です。`<ruby>` と書くだけ。\n",
    ]
    try writeFiles(files, into: content)
    return try resolvedSite(content)
  }

  /// The pages' HTML by path, rendered with the repository's theme or a copy of it with
  /// `about.mustache` edited by `edit`.
  func render(editingAbout edit: ((String) -> String)? = nil) throws -> [String: String] {
    var folder = repoRoot.appendingPathComponent("theme")
    if let edit {
      let copy = try temporaryFolder("furigana-button-theme").appendingPathComponent("theme")
      try FileManager.default.copyItem(at: folder, to: copy)
      let about = copy.appendingPathComponent("templates/about.mustache")
      let before = try String(contentsOf: about, encoding: .utf8)
      let after = edit(before)
      try #require(after != before, "about.mustache unchanged")
      try after.write(to: about, atomically: true, encoding: .utf8)
      folder = copy
    }
    let theme = try #require(Theme.load(from: folder, displayPath: "theme").0)
    let plan = RenderPlan(site: try site(), theme: theme)
    var files: [String: String] = [:]
    for file in plan.render(plan.jobs.map(\.job)) where file.path.hasSuffix(".html") {
      files[file.path] = String(decoding: file.data, as: UTF8.self)
    }
    return files
  }

  /// Whether both buttons are rendered shown (true), both hidden (false); nil otherwise.
  static func buttonShown(_ html: String) -> Bool? {
    let tag = "<button type=\"button\" class=\"ruby-toggle\" aria-pressed=\"true\""
    let shown = html.components(separatedBy: tag + ">").count - 1
    let hidden = html.components(separatedBy: tag + " hidden>").count - 1
    switch (shown, hidden) {
    case (2, 0): return true
    case (0, 2): return false
    default: return nil
    }
  }

  @Test func theValueIsTrueExactlyOnPagesWithRuby() throws {
    let files = try render()
    #expect(Self.buttonShown(try #require(files["about/body/index.html"])) == true)
    #expect(Self.buttonShown(try #require(files["about/titled/index.html"])) == true)
    // `<ruby>` in code is text (escaped), not furigana.
    let plain = try #require(files["about/plain/index.html"])
    #expect(plain.contains("&lt;ruby&gt;"))
    #expect(Self.buttonShown(plain) == false)
    // Every page, lists included: shown where, and only where, the page has a ruby element.
    for (path, html) in files where !path.hasPrefix("redirect") {
      #expect(Self.buttonShown(html) == FuriganaShown.inHTML(html), "\(path)")
    }
  }

  @Test func theContextSaysSoForThemesAndTheVocabulary() throws {
    let theme = try #require(
      Theme.load(from: repoRoot.appendingPathComponent("theme"), displayPath: "theme").0)
    let plan = RenderPlan(site: try site(), theme: theme)
    var seen: [String: Bool] = [:]
    for (path, job) in plan.jobs {
      guard let made = plan.context(for: job), case .dict(let page) = made.context["page"],
        case .bool(let shown) = page["has_furigana"]
      else { continue }
      seen[path] = shown
      // With the shipped theme the guess is what the page shows: no page is rendered twice.
      let html = String(decoding: plan.render(job).data, as: UTF8.self)
      #expect(FuriganaShown.inHTML(html) == shown, "\(path)")
    }
    #expect(seen["about/body/index.html"] == true)
    #expect(seen["about/titled/index.html"] == true)
    #expect(seen["about/plain/index.html"] == false)
  }

  /// A theme that leaves the furigana out shows no button; one that prints ruby of its own
  /// shows it: the value is what the page as rendered shows, not what its context held.
  @Test func theRenderedPageDecides() throws {
    let bare = try render {
      $0.replacingOccurrences(of: "{{{page.title_html}}}", with: "{{page.title}}")
        .replacingOccurrences(of: "{{{body}}}", with: "")
    }
    #expect(Self.buttonShown(try #require(bare["about/body/index.html"])) == false)
    #expect(Self.buttonShown(try #require(bare["about/titled/index.html"])) == false)
    let own = try render {
      $0.replacingOccurrences(
        of: "<article>", with: "<article><p><ruby>字<rt>じ</rt></ruby></p>")
    }
    #expect(Self.buttonShown(try #require(own["about/plain/index.html"])) == true)
  }

  @Test func rubyInHTML() {
    #expect(FuriganaShown.inHTML("a<ruby>字<rt>じ</rt></ruby>"))
    #expect(FuriganaShown.inHTML("<RUBY class=\"x\">字</RUBY>"))
    #expect(!FuriganaShown.inHTML("&lt;ruby&gt; <rubyx> <rub"))
    #expect(!FuriganaShown.inHTML(""))
    // Found past many other tags, and only where a character follows the name.
    let tags = String(repeating: "<p>x</p><a href=\"#r\">r</a>", count: 500)
    #expect(FuriganaShown.inHTML(tags + "<ruby>字</ruby>"))
    #expect(!FuriganaShown.inHTML(tags + "<ruby"))
    #expect(FuriganaShown.inHTML("<ruby/>"))
  }
}

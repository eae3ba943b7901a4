import Content
import Foundation
import Site
import TestSupport
import Testing

@testable import Render

/// A kept card carries `FuriganaShown`'s answer for it (`TemplateContext.rubyBelowTop`), so
/// the guess of `page.has_furigana` does not scan it again on every page that lists it. The
/// answer must be the one a scan gives, and a copy changed after must be scanned again.
@Suite struct FuriganaCardFlagTests {
  func plan() throws -> RenderPlan {
    let content = try temporaryFolder("furigana-card-flag").appendingPathComponent("content")
    let files = [
      "site.yml": ContextMemoTests.config,
      "initiatives/ruby.md":
        "---\ntitle: \"{保育所|ほいくしょ}のデジタル化\"\nsummary: 説明です。\nfields: [children]\ntags: [子育て]\n---\n本文です。\n",
      "initiatives/plain.md":
        "---\ntitle: 二つ目の取組\nsummary: \"{手間|てま}を減らします。\"\nfields: [children]\ntags: [子育て]\n---\n本文です。\n",
      "initiatives/other.md":
        "---\ntitle: 三つ目の取組\nsummary: 説明です。\nfields: [children]\ntags: [健康]\n---\n本文です。\n",
    ]
    try writeFiles(files, into: content)
    let theme = try #require(
      Theme.load(from: repoRoot.appendingPathComponent("theme"), displayPath: "theme").0)
    return RenderPlan(site: try resolvedSite(content), theme: theme)
  }

  /// The same entries in a new context, every dictionary without a kept answer.
  static func forgetting(_ context: TemplateContext) -> TemplateContext {
    var copy = TemplateContext()
    for entry in context.unsafeEntries { copy[entry.key] = forgetting(entry.value) }
    return copy
  }

  static func forgetting(_ value: TemplateValue) -> TemplateValue {
    switch value {
    case .dict(let d): .dict(forgetting(d))
    case .list(let items): .list(items.map(forgetting))
    default: value
    }
  }

  @Test func aKeptCardCarriesWhatTheScanSays() throws {
    let plan = try plan()
    let pages = plan.site.pages
    let ruby = try #require(pages.firstIndex { $0.page.path.hasSuffix("ruby.md") })
    let plain = try #require(pages.firstIndex { $0.page.path.hasSuffix("plain.md") })
    // A title with furigana holds ruby; a summary's is left to the check after rendering.
    #expect(plan.models.card(ruby).rubyBelowTop == 2)
    #expect(plan.models.card(plain).rubyBelowTop == 1)
    var changed = plan.models.card(plain)
    changed["title_html"] = .text("<ruby>字<rt>じ</rt></ruby>")
    #expect(changed.rubyBelowTop == 0)
    #expect(FuriganaShown.guess(["items": .list([.dict(changed)])]))
    #expect(!FuriganaShown.guess(["items": .list([.dict(plan.models.card(plain))])]))
  }

  /// On every page of the site the guess is the one made with no answer kept.
  @Test func theGuessIsTheScansOnEveryPage() throws {
    let plan = try plan()
    var shown: [String: Bool] = [:]
    for (path, job) in plan.jobs {
      guard let made = plan.context(for: job) else { continue }
      let guess = FuriganaShown.guess(made.context)
      #expect(guess == FuriganaShown.guess(Self.forgetting(made.context)), "\(path)")
      shown[path] = guess
    }
    // The tag 健康 lists only a card without ruby; the field lists one with.
    #expect(shown["fields/children/index.html"] == true)
    #expect(shown.values.contains(false))
    #expect(plan.models.keptCards >= 3)
  }
}

import Content
import Foundation
import Site
import TestSupport
import Testing

@testable import Render

/// Cards and term definitions are made once per render plan and shared by every page that
/// shows them (`ContextMemo`). What must not drift: a page renders the same bytes whichever
/// page asked for a card first, and a plan made after an edit shows the edit (the memo is the
/// plan's, never carried to the next one, as `portal serve` and incremental builds make).
@Suite struct ContextMemoTests {
  static let config = """
    title: テスト
    base_url: https://x.example/
    domains:
      - id: life
        name: 暮らし
        fields:
          - { id: children, name: こども・若者 }

    """

  static func files(title: String) -> [String: String] {
    [
      "site.yml": config,
      "glossary/open-data.md":
        "---\nterm: オープンデータ\nreading: おーぷんでーた\nshort: だれでも使えるデータです。\n---\n説明です。\n",
      "initiatives/nursery.md":
        "---\ntitle: \(title)\nsummary: 保護者の手間を減らします。\nfields: [children]\ntags: [子育て]\n---\nオープンデータを使います。\n",
      "initiatives/plain.md":
        "---\ntitle: 二つ目の取組\nsummary: 説明です。\nfields: [children]\ntags: [子育て]\n---\nオープンデータを公開します。\n",
    ]
  }

  func plan(title: String) throws -> RenderPlan {
    let content = try temporaryFolder("context-memo").appendingPathComponent("content")
    try writeFiles(Self.files(title: title), into: content)
    let theme = try #require(
      Theme.load(from: repoRoot.appendingPathComponent("theme"), displayPath: "theme").0)
    return RenderPlan(site: try resolvedSite(content), theme: theme)
  }

  func text(_ file: OutputFile) -> String { String(decoding: file.data, as: UTF8.self) }

  /// Every output rendered in the plan's order and again in the reverse order by a fresh plan
  /// (so other pages make the cards first), in parallel: the same bytes.
  @Test func theOrderOfRenderingChangesNoByte() throws {
    let forward = try plan(title: "保育所のデジタル化")
    let backward = try plan(title: "保育所のデジタル化")
    let jobs = forward.jobs.map(\.job)
    let a = forward.render(jobs)
    let b = Array(backward.render(jobs.reversed()).reversed())
    #expect(a.map(\.path) == b.map(\.path))
    for (x, y) in zip(a, b) { #expect(x.data == y.data, "\(x.path)") }
    // The cards were kept: the field's page, the tag's page and the list all show them.
    #expect(forward.models.keptCards >= 2)
    #expect(forward.models.keptTerms == 1)
    let field = try #require(a.first { $0.path == "fields/children/index.html" })
    #expect(text(field).contains("保育所のデジタル化"))
    let nursery = try #require(a.first { $0.path == "initiatives/nursery/index.html" })
    #expect(text(nursery).contains("だれでも使えるデータです。"))
  }

  /// A plan made after a title edit shows the new title on every list, not a kept card.
  @Test func aNewPlanShowsAnEditedTitle() throws {
    let before = try plan(title: "保育所のデジタル化")
    _ = before.render(before.jobs.map(\.job))
    let after = try plan(title: "保育所のオンライン申請")
    let files = after.render(after.jobs.map(\.job))
    for path in ["fields/children/index.html", "tags/子育て/index.html"] {
      let html = text(try #require(files.first { $0.path == path }))
      #expect(html.contains("保育所のオンライン申請"), "\(path)")
      #expect(!html.contains("保育所のデジタル化"), "\(path)")
    }
  }

  /// Threads asking for the same contexts at once all get them, each made at least once.
  @Test func threadsShareTheMemo() {
    let memo = ContextMemo(count: 64)
    let results = (0..<512).parallelMapForTest { n in
      memo.value(n % 64) { ["n": .number(n % 64)] }
    }
    for (n, context) in results.enumerated() {
      guard case .text(let s)? = context["n"] else {
        Issue.record("no value at \(n)")
        continue
      }
      #expect(s == String(n % 64))
    }
    #expect(memo.keptCount == 64)
    // Out of range: made, not kept.
    #expect(memo.value(64) { ["n": .text("x")] }["n"] != nil)
    #expect(memo.keptCount == 64)
  }
}

extension Range where Bound == Int {
  /// `map` over threads, in order: a test of a memo shared by rendering's parallel jobs.
  fileprivate func parallelMapForTest<T>(_ transform: @Sendable (Int) -> T) -> [T] {
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    let base = lowerBound
    nonisolated(unsafe) let out = results
    DispatchQueue.concurrentPerform(iterations: count) { out[$0] = transform(base + $0) }
    return results.map { $0! }
  }
}

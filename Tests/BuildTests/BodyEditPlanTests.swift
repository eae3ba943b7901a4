import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// `portal build` after an edit of bodies alone hashes the inputs of only the outputs showing
/// them (`PlannedPages`); any other edit, after such a build, hashes every output's. Each gives
/// the bytes, and the cache, of a full build.
@Suite struct BodyEditPlanTests: RebuiltFixture {
  let content: URL
  let root: URL
  let theme: URL
  let output: URL

  init() throws {
    content = try copyFixture()
    root = content.deletingLastPathComponent()
    theme = root.appendingPathComponent("theme")
    try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("theme"), to: theme)
    output = root.appendingPathComponent("site")
  }

  func buildOptions(_ out: URL) -> BuildOptions {
    var o = options(content: content, output: out)
    o.themeDirectory = theme
    return o
  }

  func file(_ relative: String) -> URL { content.appendingPathComponent(relative) }

  @Test func editsAfterABodyEditGiveFullBuildBytes() throws {
    let first = SiteBuilder.build(buildOptions(output))
    try #require(first.succeeded)
    let all = first.hashedOutputs
    #expect(all > 20)
    // Name, whether only bodies change (and how many outputs show the body), the edit.
    let steps: [(String, Int?, () throws -> Void)] = [
      ("body", 1, { try edit(file("initiatives/cyber-security.md")) { $0 + "\n追記です。\n" } }),
      (
        "title after a body edit", nil,
        {
          try edit(file("initiatives/cyber-security.md")) {
            $0.replacingOccurrences(of: "title: サイバー空間の脅威への対処", with: "title: サイバー犯罪への備え")
          }
        }
      ),
      ("body again", 1, { try edit(file("initiatives/cyber-security.md")) { $0 + "\n追記2です。\n" } }),
      (
        "glossary entry's short definition", nil,
        {
          try edit(file("glossary/ai.md")) {
            $0.replacingOccurrences(of: "short: 人のように考える", with: "short: 人のように学ぶ")
          }
        }
      ),
      // A vision's body is shown on its field's page (it has no page of its own).
      ("vision body", 1, { try edit(file("fields/crisis-management.md")) { $0 + "\n備えます。\n" } }),
      (
        "template", nil,
        { try edit(theme.appendingPathComponent("templates/initiative.mustache")) { $0 + "\n" } }
      ),
      ("body after the template", 1, { try edit(file("strategy/basics.md")) { $0 + "\n進めます。\n" } }),
      (
        "site.yml", nil,
        {
          try edit(file("site.yml")) {
            $0.replacingOccurrences(of: "description: テスト用のサイトです。", with: "description: 試しのサイトです。")
          }
        }
      ),
      ("body after site.yml", 1, { try edit(file("glossary/ai.md")) { $0 + "\n便利です。\n" } }),
      // Which pages use a glossary entry is a relation: every output is hashed.
      (
        "a body links a term it did not", nil,
        { try edit(file("pages/privacy.md")) { $0 + "\nAI※\n" } }
      ),
      // A new stamp, the same bytes: nothing to hash.
      (
        "saved unchanged", 0,
        {
          let text = try Data(contentsOf: file("initiatives/ai-disaster.md"))
          try text.write(to: file("initiatives/ai-disaster.md"))
        }
      ),
    ]
    for (name, shown, change) in steps {
      try change()
      let report = SiteBuilder.build(buildOptions(output))
      try #require(report.succeeded, "\(name): \(report.diagnostics.map(\.text))")
      #expect(report.mode == .incremental, "\(name)")
      if let shown {
        #expect(report.hashedOutputs == shown, "\(name)")
      } else {
        #expect(report.hashedOutputs >= all, "\(name)")
      }
      try expectSameAsFullBuild(name)
    }
  }

  /// `portal serve` edits a title in place; the title is put back and `portal build` runs:
  /// the pages are the last full build's again, but the outputs show the edited title, so the
  /// plan the cache keeps must be the edit's, not the full build's.
  @Test func aTitleEditedInPlaceAndPutBack() throws {
    let session = BuildSession()
    #expect(SiteBuilder.build(buildOptions(output), session: session).mode == .full)
    let page = file("initiatives/cyber-security.md")
    let before = try String(contentsOf: page, encoding: .utf8)
    try edit(page) {
      $0.replacingOccurrences(of: "title: サイバー空間の脅威への対処", with: "title: サイバー犯罪への備え")
    }
    #expect(SiteBuilder.build(buildOptions(output), session: session).mode == .inPlace)
    try before.write(to: page, atomically: true, encoding: .utf8)
    let report = SiteBuilder.build(buildOptions(output))
    #expect(report.mode == .incremental)
    #expect(report.hashedOutputs > 1)
    try expectSameAsFullBuild("title put back")
  }
}

import Foundation
import Testing

@testable import Diagnostics

@Suite struct DiagnosticsTests {
  @Test func textFormIsEditorFriendly() {
    let d = Diagnostic.error(
      SourceLocation(file: "content/a.md", line: 4, column: 9), "bad", hint: "fix it", code: "x.y")
    #expect(d.text == "content/a.md:4:9: error: bad [x.y]\n    hint: fix it")
  }

  @Test func jsonHasCountsAndFlatPositions() throws {
    let ds = [
      Diagnostic.warning(SourceLocation(file: "b.md", line: 2, column: 1), "w"),
      Diagnostic.error(SourceLocation(file: "a.md", line: 1, column: 3), "e"),
    ]
    let json = DiagnosticPrinter.render(ds, as: .json)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["errors"] as? Int == 1)
    #expect(object["warnings"] as? Int == 1)
    let list = try #require(object["diagnostics"] as? [[String: Any]])
    #expect(list.first?["file"] as? String == "a.md")
    #expect(list.first?["column"] as? Int == 3)
  }

  /// In Actions, a file is named from the workspace (the repository's root), as GitHub
  /// attaches annotations, whatever folder the command ran in; outside it, as given.
  @Test func githubFilesAreNamedFromTheWorkspace() {
    let path = { (file: String, workspace: String?, current: String) in
      DiagnosticPrinter.workspacePath(file, workspace: workspace, current: current)
    }
    #expect(
      path("initiatives/a.md", "/repo", "/repo/site/content") == "site/content/initiatives/a.md")
    #expect(path("../content/a.md", "/repo/", "/repo/site/tools") == "site/content/a.md")
    #expect(path("/repo/site/content/a.md", "/repo", "/tmp") == "site/content/a.md")
    #expect(path("content/a.md", nil, "/repo/site") == "content/a.md")
    #expect(path("/tmp/x/content/a.md", "/repo", "/tmp/x") == "/tmp/x/content/a.md")
    #expect(path("content/a.md", "/repo", "/elsewhere") == "content/a.md")
  }

  /// GitHub Actions reads one command a line: the message's lines, `%`, and a property's `,`
  /// and `:` are escaped, so a value cannot end the command or start another.
  @Test func githubCommandsEscapeWhatWouldEndThem() {
    let ds = [
      Diagnostic.warning(
        SourceLocation(file: "content/a,b.md", line: 2, column: 5), "50% of\nit", hint: "fix: it",
        code: "lint.x"),
      Diagnostic.error(SourceLocation(file: "content/a.md", line: 1, column: 3), "bad"),
    ]
    #expect(
      DiagnosticPrinter.render(ds, as: .github) == """
        ::warning file=content/a%2Cb.md,line=2,col=5,title=lint.x::50%25 of%0Ait%0Ahint: fix: it
        ::error file=content/a.md,line=1,col=3::bad
        """)
    let japanese = Diagnostic.warning(SourceLocation(file: "a.md"), "long", hint: "cut", code: "c")
      .ja("長い", hint: "分けてください")
    #expect(
      DiagnosticPrinter.render([japanese], as: .github, language: .japanese)
        == "::warning file=a.md,line=1,col=1,title=c::長い%0A直し方: 分けてください")
  }

  /// An escape sequence in a file name or value cannot recolour or retitle a terminal or CI log.
  @Test func controlCharactersAreShownNotSent() {
    let d = Diagnostic.warning(
      SourceLocation(file: "content/files/x\u{1B}[31mRED.exe", line: 1, column: 1),
      "unknown status `a\u{1B}]0;TITLE\u{07}`", hint: "two\nlines", code: "x")
    #expect(
      d.text
        == "content/files/x\\u{1B}[31mRED.exe:1:1: warning: unknown status `a\\u{1B}]0;TITLE\\u{7}` [x]\n    hint: two\nlines"
    )
  }

  @Test func suggestsClosestName() {
    #expect(Suggest.closest(to: "summry", in: ["title", "summary", "fields"]) == "summary")
    #expect(Suggest.closest(to: "zzzzzz", in: ["title"]) == nil)
    // A name of two characters: one change at most (two would leave nothing of it).
    #expect(Suggest.closest(to: "窓口", in: ["参考", "概要"]) == nil)
    #expect(Suggest.closest(to: "窓口", in: ["参考", "窓口一覧", "窓"]) == "窓")
    // Paths: by the file name within the same folder; a name cut short names the longer one.
    let pages = [
      "initiatives/civic-tech.md", "initiatives/ai-disaster-management.md", "initiatives/sme-dx.md",
      "strategy/ai-disaster.md",
    ]
    #expect(Suggest.closest(to: "initiatives/ai-disaster.md", in: pages) == pages[1])
    #expect(Suggest.closest(to: "initiatives/nosuch.md", in: pages) == nil)
    #expect(Suggest.closest(to: "initiatives/civic-tec.md", in: pages) == pages[0])
    #expect(
      Suggest.closest(
        to: "/initiatives/ai-disaster/",
        in: ["/initiatives/civic-tech/", "/initiatives/ai-disaster-management/"])
        == "/initiatives/ai-disaster-management/")
    #expect(
      Suggest.closest(to: "ai-disaster", in: ["civic-tech", "ai-disaster-management"])
        == "ai-disaster-management")
    // A word cut short beats a name two changes away; one typo still beats it.
    let ids = ["smart-grid", "smart-agriculture", "smart-city"]
    #expect(Suggest.closest(to: "smart-agri", in: ids) == "smart-agriculture")
    #expect(Suggest.closest(to: "smart-gird", in: ids) == "smart-grid")
    #expect(Suggest.closest(to: "smart-citys", in: ids) == "smart-city")
  }
}

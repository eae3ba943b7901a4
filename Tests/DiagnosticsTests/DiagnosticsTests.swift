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

  @Test func suggestsClosestName() {
    #expect(Suggest.closest(to: "summry", in: ["title", "summary", "fields"]) == "summary")
    #expect(Suggest.closest(to: "zzzzzz", in: ["title"]) == nil)
  }
}

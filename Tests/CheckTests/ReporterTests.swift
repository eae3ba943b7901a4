import Diagnostics
import Foundation
import Testing

@testable import Check

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct ReporterTests {
  func report() async throws -> CheckReport {
    let site = try FixtureSite([
      "site/index.html": page(body: #"<a href="/nope/">無い</a> <a href="/ok/">こちら</a>"#),
      "site/ok/index.html": page("よいページ"),
      "site/bad/index.html": page(lang: nil),
    ])
    return await site.check()
  }

  @Test func textHasPositionsHintsAndASummary() async throws {
    let text = CheckReporter.render(try await report(), as: .text)
    #expect(
      text == """
        site/bad/index.html:2:1: error: <html> has no lang attribute [a11y.html-lang]
            hint: set lang="ja" on <html> in the layout so screen readers read the page with a Japanese voice
        site/index.html:6:4: error: link to /nope/ is broken: the site has no nope/index.html [link.broken]
            hint: fix the address or add the page; a link to a missing page is a dead end for the reader
        site/index.html:6:28: warning: link text 「こちら」 does not say where the link goes (/ok/) [a11y.vague-link]
            hint: say where the link goes, e.g. [防災アプリの使い方](…) instead of [こちら](…); links are often read out of context
        Checked 3 files and 2 links: 2 errors, 1 warning.
        """)
  }

  @Test func jsonIsTheSharedDiagnosticsShape() async throws {
    let json = CheckReporter.render(try await report(), as: .json)
    struct Shape: Decodable {
      var errors: Int
      var warnings: Int
      var diagnostics: [Diagnostic]
    }
    let decoded = try JSONDecoder().decode(Shape.self, from: Data(json.utf8))
    #expect(decoded.errors == 2)
    #expect(decoded.warnings == 1)
    #expect(
      decoded.diagnostics.map(\.code) == ["a11y.html-lang", "link.broken", "a11y.vague-link"])
    #expect(
      decoded.diagnostics[1].location == SourceLocation(file: "site/index.html", line: 6, column: 4)
    )
  }

  @Test func githubHasOneAnnotationAProblemAndTheSummary() async throws {
    let lines = CheckReporter.render(try await report(), as: .github).split(separator: "\n")
    #expect(lines.count == 4)
    #expect(
      lines[1]
        == "::error file=site/index.html,line=6,col=4,title=link.broken::link to /nope/ is broken: the site has no nope/index.html%0Ahint: fix the address or add the page; a link to a missing page is a dead end for the reader"
    )
    #expect(lines[3].hasPrefix("Checked"))
  }

  @Test func junitHasOneTestCasePerPageAndAFailurePerBrokenPage() async throws {
    let report = try await report()
    let xml = CheckReporter.render(report, as: .junit)
    let parsed = try JUnitShape(xml)
    #expect(parsed.suiteAttributes["tests"] == "3")
    #expect(parsed.suiteAttributes["failures"] == "2")
    #expect(parsed.cases.map(\.name) == ["bad/index.html", "index.html", "ok/index.html"])
    #expect(
      parsed.cases.map(\.classname) == ["portal.check.bad", "portal.check.root", "portal.check.ok"])
    let home = parsed.cases[1]
    #expect(home.failureType == "link.broken")
    #expect(
      home.failureMessage
        == "site/index.html:6:4: link to /nope/ is broken: the site has no nope/index.html")
    #expect(home.failureText?.contains("hint: fix the address") == true)
    #expect(home.systemOut?.contains("[a11y.vague-link]") == true)
    #expect(parsed.cases[2].failureType == nil)

    let strict = try JUnitShape(CheckReporter.render(report, as: .junit, strict: true))
    #expect(strict.cases[1].failureMessage?.hasSuffix("(and 1 more)") == true)
    #expect(strict.cases[1].systemOut == nil)
  }

  @Test func xmlEscaping() {
    #expect(CheckReporter.xml("a<b & \"c\">\u{1}") == "a&lt;b &amp; &quot;c&quot;&gt;")
  }
}

/// The parts of a JUnit report CI systems read, parsed with Foundation's XML parser so the test
/// also proves the output is well-formed.
final class JUnitShape: NSObject, XMLParserDelegate {
  struct Case {
    var name = ""
    var classname = ""
    var failureType: String?
    var failureMessage: String?
    var failureText: String?
    var systemOut: String?
  }

  var suiteAttributes: [String: String] = [:]
  var cases: [Case] = []
  private var text = ""

  init(_ xml: String) throws {
    super.init()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = self
    guard parser.parse() else { throw parser.parserError ?? CocoaError(.propertyListReadCorrupt) }
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    text = ""
    switch name {
    case "testsuite": suiteAttributes = attributes
    case "testcase":
      cases.append(Case(name: attributes["name"] ?? "", classname: attributes["classname"] ?? ""))
    case "failure":
      cases[cases.count - 1].failureType = attributes["type"]
      cases[cases.count - 1].failureMessage = attributes["message"]
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
  ) {
    if name == "failure" { cases[cases.count - 1].failureText = text }
    if name == "system-out" { cases[cases.count - 1].systemOut = text }
  }
}

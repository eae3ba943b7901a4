import Diagnostics
import Testing

@testable import Content

/// `department: 商工労働部 観光企画課`, a listed department with its section: the page gave the
/// site's own contact (another office's number). And a typo of a listed one is told.
@Suite struct DepartmentSectionTests {
  static let yml = """
    title: T
    base_url: https://x.example/
    domains: []
    contact: { phone: 043-000-0100 }
    departments:
      商工労働部: { phone: 043-000-0300 }
      健康福祉部: { phone: 043-000-0200 }

    """

  @Test func aSectionOfAListedDepartmentGetsItsContact() throws {
    let c = try #require(SiteConfig.parse(Self.yml, file: "site.yml").0)
    for written in [
      "商工労働部 観光企画課", "商工労働部　観光企画課", "商工労働部観光企画課", "商工労働部", "千葉県 商工労働部",
      "千葉県商工労働部 観光企画課",
    ] {
      #expect(c.listedDepartment(written) == "商工労働部", "\(written)")
      #expect(c.contact(forDepartment: written).ways.phone == "043-000-0300", "\(written)")
      #expect(c.contact(forDepartment: written).isOperator == false)
    }
    #expect(c.listedDepartment("警察本部") == nil)
    #expect(c.contact(forDepartment: "警察本部").isOperator)
  }

  func parse(_ department: String) throws -> [Diagnostic] {
    let config = try #require(SiteConfig.parse(Self.yml, file: "site.yml").0)
    return try parseFile(
      "---\ntitle: 取組\nsummary: 説明です。\nfields: [safety]\ndepartment: \(department)\n---\n本文です。\n",
      kind: .initiative, config: config
    ).1.filter { $0.code == "front-matter.department" }
  }

  @Test func aTypoOfAListedDepartmentIsTold() throws {
    let typo = try parse("健康福祉課")
    #expect(typo.map(\.hint) == ["did you mean `department: 健康福祉部`?"])
    #expect(typo.first.map { "\($0.location.line):\($0.location.column)" } == "5:13")
    #expect(typo.first?.severity == .warning)
    // Unlisted departments are usual (the site's contact on purpose); a section is listed.
    #expect(try parse("警察本部").isEmpty)
    #expect(try parse("保健福祉部").isEmpty)
    #expect(try parse("商工労働部 観光企画課").isEmpty)
  }
}

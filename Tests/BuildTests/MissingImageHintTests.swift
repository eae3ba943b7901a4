import Foundation
import Testing

@testable import Build

/// A missing image was offered a page of its name in another folder: `![](../files/drone.jpg)`
/// got "did you mean `../glossary/drone.md`?", a glossary entry offered as a picture.
@Suite struct MissingImageHintTests {
  @Test func aMissingImageIsOfferedNoPage() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    try """
    ---
    term: ドローン
    reading: どろーん
    short: 人が乗らずに飛ぶ機械です。
    ---

    空から見ます。
    """.write(
      to: content.appendingPathComponent("glossary/drone.md"), atomically: true, encoding: .utf8)
    let page = content.appendingPathComponent("initiatives/cyber-security.md")
    try
      (String(contentsOf: page, encoding: .utf8)
      + "\n![](../files/drone.jpg)\n\n[用語](../glossary/dorone.md)\n")
      .write(to: page, atomically: true, encoding: .utf8)
    let report = SiteBuilder.build(options(content: content, output: output))
    let broken = report.diagnostics.filter { $0.code == "content.broken-link" }
    let image = try #require(broken.first { $0.message.contains("drone.jpg") })
    #expect(image.hint?.contains("drone.md") == false, "\(image.hint ?? "")")
    #expect(image.hint?.hasPrefix("put the file under content/files/") == true)
    // A page's link a typo away still gets the page.
    let link = try #require(broken.first { $0.message.contains("dorone.md") })
    #expect(link.hint?.hasPrefix("did you mean `../glossary/drone.md`?") == true)
  }
}

import Foundation
import TestSupport
import Testing

@testable import Render

/// A stylesheet's `url()`s follow the fingerprinted names of the files they name, so a web
/// font or a background image of the theme loads; one naming no file is a warning there.
@Suite struct StylesheetURLsTests {
  let paths = [
    "fonts/Font.woff2": "assets/fonts/Font.3cfeea5bb9.woff2",
    "img/bg.png": "assets/img/bg.d4e77ca2a9.png",
  ]

  func rewrite(_ css: String, at relative: String = "style.css") -> (String, [String]) {
    let (data, diagnostics) = StylesheetURLs.rewrite(
      Data(css.utf8), at: relative, paths: paths,
      exists: { $0 == "print.css" || paths[$0] != nil }, shownAs: "theme/assets/\(relative)")
    return (String(decoding: data, as: UTF8.self), diagnostics.map(\.text))
  }

  /// Text shown on the page (`content: "…"`) is no address: it was warned about as a missing
  /// file, and one naming an asset would have had its words changed.
  @Test func aStringIsNoAddress() {
    let written = ".x::after{content:\"url(img/bg.png) url(nothere.png)\"}"
    #expect(rewrite(written) == (written, []))
  }

  @Test func relativeAddressesFollowTheirFiles() {
    let (css, problems) = rewrite(
      """
      @font-face{src:url("fonts/Font.woff2?v=1#x") format("woff2")}
      .a{background:URL(img/bg.png)} .b{background:url( './img/bg.png' )}
      """)
    #expect(
      css == """
        @font-face{src:url("fonts/Font.3cfeea5bb9.woff2?v=1#x") format("woff2")}
        .a{background:URL(img/bg.d4e77ca2a9.png)} .b{background:url( './img/bg.d4e77ca2a9.png' )}
        """)
    #expect(problems.isEmpty)
    // An import written as a string is an address too (it was published as written).
    #expect(
      rewrite("@import \"img/bg.png\";\n@import 'print.css' print;\n@import url(img/bg.png);").0
        == "@import \"img/bg.d4e77ca2a9.png\";\n@import 'print.css' print;\n@import url(img/bg.d4e77ca2a9.png);"
    )
    #expect(rewrite("@import \"missing.css\";").1.count == 1)
    // Named as written: an import's string is no `url()`.
    #expect(
      rewrite("@import \"missing.css\";").1.first?.hasPrefix(
        "theme/assets/style.css:1:1: warning: `@import \"missing.css\"` names no file") == true)
    // From a stylesheet in a folder, `..` climbs out of it.
    #expect(
      rewrite(".c{background:url(../img/bg.png)}", at: "css/site.css").0
        == ".c{background:url(../img/bg.d4e77ca2a9.png)}")
  }

  @Test func otherAddressesAndCommentsAreLeftAsWritten() {
    let css = """
      /* url(img/none.png) */ .a{background:url(/x.png)} .b{background:url(data:image/png;base64,AA)}
      .c{background:url(https://example.jp/a.png)} .d{fill:url(#g)} .e{x:myurl(img/bg.png)}
      @import url(print.css);
      """
    let (out, problems) = rewrite(css)
    #expect(out == css)
    #expect(problems.isEmpty)
  }

  @Test func anAddressNamingNoFileIsAWarningWhereItIs() {
    let (_, problems) = rewrite(".a{}\n.missing{background:url( \"img/nothere.png\" )}")
    #expect(
      problems == [
        "theme/assets/style.css:2:21: warning: `url(img/nothere.png)` names no file of the theme's assets (`assets/img/nothere.png`): the browser would load nothing [theme.unknown-asset]\n    hint: put the file at theme/assets/img/nothere.png, or correct the address (relative to this stylesheet's folder)"
      ])
  }

  /// `url(/assets/…)` names the asset as it is in the theme, where nothing is published; a
  /// file a letter off the one meant is offered, as the templates' keys are.
  @Test func anAssetsPathAndANearNameGetTheAddressToWrite() {
    let (out, problems) = rewrite(".a{background:url(/assets/img/bg.png)}")
    #expect(out == ".a{background:url(/assets/img/bg.png)}")
    #expect(problems.count == 1)
    #expect(
      problems.first?.hasSuffix(
        "[theme.asset-path]\n    hint: name it relative to this stylesheet, `url(img/bg.png)`: it is rewritten to the published name"
      ) == true, "\(problems)")
    #expect(
      rewrite(".a{background:url(/assets/img/bg.png)}", at: "css/site.css").1.first?.contains(
        "`url(../img/bg.png)`") == true)
    #expect(
      rewrite("@font-face{src:url(fonts/Fnt.woff2)}").1.first?.hasSuffix(
        "hint: did you mean `url(fonts/Font.woff2)`?") == true)
  }

  /// Through the theme's loading: the stylesheet's own fingerprint is made from the rewritten
  /// bytes, so it changes when a file it names does.
  @Test func theStylesheetsFingerprintFollowsWhatItNames() throws {
    let folder = try temporaryFolder("css-urls")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("img"), withIntermediateDirectories: true)
    try Data(".a{background:url(img/bg.png)}".utf8).write(
      to: folder.appendingPathComponent("style.css"))
    try Data("one".utf8).write(to: folder.appendingPathComponent("img/bg.png"))
    var hashes = FileHashes()
    let first = Theme.loadAssets(folder, shownAs: "theme", hashes: &hashes)
    try Data("two".utf8).write(to: folder.appendingPathComponent("img/bg.png"))
    let second = Theme.loadAssets(folder, shownAs: "theme", hashes: &hashes)
    #expect(first.paths["style.css"] != second.paths["style.css"])
    let css = try #require(second.files.first { $0.path == second.paths["style.css"] })
    let image = try #require(second.paths["img/bg.png"]).dropFirst("assets/".count)
    #expect(String(decoding: css.data, as: UTF8.self) == ".a{background:url(\(image))}")
  }
}

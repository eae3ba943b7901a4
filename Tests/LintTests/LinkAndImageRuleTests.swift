import Content
import Diagnostics
import Testing

@testable import Lint

@Suite struct LinkAndImageRuleTests {
  @Test func vagueLinkTextWarnsAtTheLink() throws {
    let found = try lint("申し込みは[こちら](form.md)です。", rule: "lint.vague-link-text")
    #expect(positions(found) == ["1:6"])
    #expect(found.first?.message.contains("「こちら」") == true)
    #expect(try lint("[詳しくはこちら](a.md)", rule: "lint.vague-link-text").count == 1)
    #expect(try lint("[Click here](a.md)", rule: "lint.vague-link-text").count == 1)
    #expect(try lint("[more…](a.md)", rule: "lint.vague-link-text").count == 1)
    #expect(
      try lint("[](a.md)", rule: "lint.vague-link-text").first?.message == "this link has no text")
  }

  @Test func descriptiveLinkTextPasses() throws {
    #expect(try lint("[申し込みの方法](form.md)を読んでください。", rule: "lint.vague-link-text").isEmpty)
  }

  @Test func imageWithoutAltWarns() throws {
    #expect(positions(try lint("地図です。![](map.png)", rule: "lint.image-alt")) == ["1:6"])
    #expect(try lint("![画像](map.png)", rule: "lint.image-alt").count == 1)
    #expect(try lint("![map.png](map.png)", rule: "lint.image-alt").count == 1)
  }

  @Test func describedOrDecorativeImagesPass() throws {
    #expect(try lint("![避難所の地図](map.png)", rule: "lint.image-alt").isEmpty)
    // The hint shows the writer's own image with words between the brackets.
    let hint = try lint("写真です。![](../files/hinanjo-2026.jpg)", rule: "lint.image-alt").first
    #expect(hint?.hint?.contains("![避難所の地図](../files/hinanjo-2026.jpg)") == true)
    #expect(hint?.japanese?.hint?.contains("例：`![避難所の地図](../files/hinanjo-2026.jpg)`") == true)
    #expect(try lint("![](line.png) <!-- decorative -->", rule: "lint.image-alt").isEmpty)
  }
}

/// Links to files that are not web pages say their format and size (`lint.file-link`).
@Suite struct FileLinkRuleTests {
  /// A page in `content/strategy/` of a site with two files under `content/files/`.
  func lintFiles(_ body: String) -> [Diagnostic] {
    Linter.lint(
      file: "content/strategy/plan.md", markdownBody: body, bodyLineOffset: 0,
      context: LintContext(
        fileSizes: ["files/dx-plan.pdf": 2_202_009, "files/表/一覧.xlsx": 350_000]),
      relativePath: "strategy/plan.md"
    ).filter { $0.code == "lint.file-link" }
  }

  @Test func aLinkToOneOfTheSitesFilesIsToldItsExactFormatAndSize() {
    let found = lintFiles("計画は[DX推進計画](../files/dx-plan.pdf)にあります。")
    #expect(positions(found) == ["1:4"])
    #expect(found.first?.message == "the link to this PDF file does not say its format and size")
    #expect(
      found.first?.hint
        == "say it in the link text, so readers know before they open it: （PDF・2.1MB）")
    // Percent-escaped Japanese names and a folder: the same file.
    let escaped = lintFiles("[一覧（Excel）](../files/%E8%A1%A8/一覧.xlsx#sheet)")
    #expect(escaped.map(\.message) == ["the link to this Excel file does not say its size"])
    #expect(escaped.first?.hint?.hasSuffix("（Excel・342KB）") == true)
  }

  @Test func formatAndSizeWrittenAnyWayPass() {
    for text in [
      "DX推進計画（PDF・2.1MB）", "DX推進計画（ＰＤＦ：２．１ＭＢ）", "計画 (pdf, 2,150 KB)", "計画（PDF形式、2メガバイト）",
    ] {
      #expect(lintFiles("[\(text)](../files/dx-plan.pdf)").isEmpty, "\(text)")
    }
    #expect(lintFiles("[一覧表（エクセル・342KB）](../files/表/一覧.xlsx)").isEmpty)
  }

  /// A size written that is far from the file's (an older version's, left in the text).
  @Test func aStatedSizeFarFromTheFilesIsTold() {
    let found = lintFiles("[DX推進計画（PDF 10MB）](../files/dx-plan.pdf)")
    #expect(found.map(\.message) == ["the link says the PDF file is 10MB, but it is 2.1MB"])
    #expect(found.first?.hint == "write the size it has: （PDF・2.1MB）")
    #expect(found.first?.japanese?.message == "リンクにはPDFファイルの大きさが10MBと書いてありますが、実際は2.1MBです")
    #expect(lintFiles("[一覧（Excel・1MB）](../files/表/一覧.xlsx)").count == 1)
    // Rounded sizes pass (2MB, 3MB for 2.1MB), and so do texts naming two sizes.
    for text in ["計画（PDF・2MB）", "計画（PDF・3MB）", "計画（PDF・2,150KB）", "計画（PDF・1.5MB、印刷版は20MB）"] {
      #expect(lintFiles("[\(text)](../files/dx-plan.pdf)").isEmpty, "\(text)")
    }
    // Not a size: a form's number and letter (様式1 B), a number cut short (.2MB).
    #expect(lintFiles("[計画 様式1 B（PDF・2.1MB）](../files/dx-plan.pdf)").isEmpty)
    #expect(FileLinkRule.statedSize("（pdf .2mb）") == nil)
    #expect(FileLinkRule.statedSize("様式1 b（pdf）") == nil)
    // Another site's file: its size is not known.
    #expect(lintFiles("[国の計画（PDF・1KB）](https://www.digital.go.jp/plan.pdf)").isEmpty)
  }

  @Test func anotherSitesFileNeedsOnlyItsFormat() {
    let found = lintFiles("[国の計画](https://www.digital.go.jp/plan.pdf)")
    #expect(found.map(\.message) == ["the link to this PDF file does not say its format"])
    #expect(found.first?.hint?.hasSuffix(": （PDF）") == true)
    #expect(lintFiles("[国の計画（PDF）](https://www.digital.go.jp/plan.pdf)").isEmpty)
  }

  @Test func pagesImagesAndUnknownFilesAreLeftAlone() {
    #expect(
      lintFiles("[防災](../initiatives/ai.md) ![地図](../files/map.png) [x](https://x.jp/)").isEmpty)
    // A file that is not there: the build reports the link; the example size is only an example.
    let missing = lintFiles("[計画](../files/none.pdf)")
    #expect(missing.first?.hint?.hasSuffix("for example （PDF・1.2MB）") == true)
  }

  @Test(arguments: [
    (Int64(10), "1KB"), (350_000, "342KB"), (1_023_999, "1000KB"), (2_202_009, "2.1MB"),
    (250_000_000, "238MB"),
  ])
  func sizesAreWrittenAsFileManagersShowThem(_ bytes: Int64, _ text: String) {
    #expect(FileLinkRule.sizeText(bytes) == text)
  }
}

/// Images of the site heavier than the limit (`lint.image-weight`).
@Suite struct ImageWeightRuleTests {
  func lintImages(_ body: String, settings: [String: String] = [:]) throws -> [Diagnostic] {
    Linter.lint(
      file: "content/strategy/plan.md", markdownBody: body, bodyLineOffset: 0,
      context: LintContext(
        fileSizes: ["files/photo.jpg": 4_400_000, "files/map.png": 120_000],
        imageSizes: ["files/photo.jpg": ImageSize(width: 4000, height: 3000)]),
      configuration: try LintConfiguration(settings: settings), relativePath: "strategy/plan.md"
    ).filter { $0.code == "lint.image-weight" }
  }

  @Test func aCameraPhotoIsTooHeavyAndSaysItsSize() throws {
    let found = try lintImages("写真です。\n\n![会場の写真](../files/photo.jpg)")
    #expect(positions(found) == ["3:1"])
    #expect(
      found.first?.message
        == "this image is 4.2MB (4000 × 3000 px, more than 500KB): every reader downloads all of it"
    )
  }

  @Test func lightImagesAndOtherSitesImagesPass() throws {
    #expect(try lintImages("![地図](../files/map.png) ![外](https://example.jp/big.jpg)").isEmpty)
    // The limit is the site's to set.
    #expect(
      try lintImages("![地図](../files/map.png)", settings: ["lint.image-weight": "100"]).count == 1)
  }
}

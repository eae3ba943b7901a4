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
    #expect(try lint("![](line.png) <!-- decorative -->", rule: "lint.image-alt").isEmpty)
  }
}

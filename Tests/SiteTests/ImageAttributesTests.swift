import Content
import Markdown
import Testing

@testable import Site

@Suite struct ImageAttributesTests {
  let sizes = ["/files/地図.png": ImageSize(width: 20, height: 10)]

  @Test func sizesAreFoundByTheAddressAsWritten() {
    let html =
      #"<p><img src="/files/%E5%9C%B0%E5%9B%B3.png" alt="地図" /> <img src="b.png" alt="" /></p>"#
    #expect(
      ImageAttributes.apply(html, marks: HTMLMarks(html), sizes: sizes)
        == #"<p><img src="/files/%E5%9C%B0%E5%9B%B3.png" width="20" height="10" loading="lazy" decoding="async" alt="地図" /> <img src="b.png" loading="lazy" decoding="async" alt="" /></p>"#
    )
  }

  /// Raw HTML (when a site allows it) may say these itself.
  @Test func tagsThatSayItThemselvesKeepTheirs() {
    let html = #"<img src="/files/地図.png" width="5" loading="eager" alt="">"#
    #expect(
      ImageAttributes.apply(html, marks: HTMLMarks(html), sizes: sizes)
        == #"<img src="/files/地図.png" decoding="async" width="5" loading="eager" alt="">"#)
  }

  @Test func bodiesWithoutImagesAreUnchanged() {
    let html = "<p>画像はありません。&lt;img src=\"x\"&gt;</p>"
    #expect(ImageAttributes.apply(html, marks: HTMLMarks(html), sizes: sizes) == html)
  }
}

import Diagnostics
import Markdown

/// Link text must say where the link goes: screen-reader users often move from link to link and
/// hear only the text, and every reader scans links. Same list as `portal check` uses on HTML.
struct VagueLinkTextRule: Rule {
  let id = "lint.vague-link-text"
  let summary = "Link text such as こちら or click here that does not say where it goes."
  let japaneseSummary = "リンクの文字が「こちら」などで、どこに移動するかわかりません。"

  /// The list `portal check` uses on the built HTML.
  static let vague = VagueLinkText.phrases

  /// Lower-cased, without surrounding spaces and trailing punctuation or arrows (more… → more).
  static func normalized(_ text: String) -> String {
    var s = Array(text.lowercased().trimmingWhitespace)
    while let last = s.last, "。.…>＞→»".contains(last) || last.isWhitespace { s.removeLast() }
    return String(s)
  }

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    page.links.filter { !$0.isImage }.compactMap { link in
      let text = Self.normalized(link.text)
      if text.isEmpty {
        return .warning(
          page.location(of: link), "this link has no text",
          hint: "write the name of the page it leads to between the brackets: [申し込みの方法](…)",
          code: id
        ).ja(
          "このリンクには文字がありません",
          hint: "リンク先のページの名前を `[ ]` の中に書いてください：`[申し込みの方法](…)`")
      }
      guard Self.vague.contains(text) else { return nil }
      return .warning(
        page.location(of: link),
        "the link text 「\(link.text.trimmingWhitespace)」 does not say where the link goes",
        hint: "name the destination, e.g. [申し込みの方法](…) instead of [こちら](…)", code: id
      ).ja(
        "リンクの文字「\(link.text.trimmingWhitespace)」では、どこへ移動するのかがわかりません",
        hint: "リンク先の名前を書いてください。例：`[こちら](…)` ではなく `[申し込みの方法](…)`")
    }
  }
}

/// An image needs alternative text for readers who cannot see it. Markdown cannot tell a
/// forgotten `![](x.png)` from a decorative one, so a decorative image is marked on purpose with
/// `<!-- decorative -->` on its line. Placeholder texts (画像, 写真, a file name) are reported too.
struct ImageAltRule: Rule {
  let id = "lint.image-alt"
  let summary = "An image without alternative text."
  let japaneseSummary = "画像に代わりのテキスト（alt）がありません。"

  static let placeholders: Set<String> = [
    "画像", "写真", "図", "イメージ", "image", "photo", "picture", "img",
  ]

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    page.links.filter(\.isImage).compactMap { image in
      let alt = String(image.text.trimmingWhitespace)
      // The writer's own image, with an example of words between the brackets.
      let example = "![避難所の地図](\(image.url.isEmpty ? "map.png" : image.url))"
      if alt.isEmpty {
        return .warning(
          page.location(of: image), "this image has no alternative text",
          hint:
            "describe what it shows between the brackets, e.g. \(example); if it is only decoration, add <!-- decorative --> after it on the same line",
          code: id
        ).ja(
          "この画像には代わりのテキスト（alt）がありません",
          hint:
            "何が写っているかを [ ] の中に書いてください。例：`\(example)`。飾りだけの画像なら、同じ行の後ろに `<!-- decorative -->` と書いてください"
        )
      }
      let lower = alt.lowercased()
      let looksLikeFile = [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"].contains {
        lower.hasSuffix($0)
      }
      guard Self.placeholders.contains(lower) || looksLikeFile else { return nil }
      return .warning(
        page.location(of: image), "the alternative text 「\(alt)」 does not describe the image",
        hint: "say what the image shows or why it is there, e.g. \(example)", code: id
      ).ja(
        "代わりのテキスト「\(alt)」では、何の画像なのかがわかりません",
        hint: "何が写っているか、なぜその画像を載せているかを [ ] の中に書いてください。例：`\(example)`")
    }
  }
}

/// A link whose address leads nowhere: `[申し込み]()` (an address forgotten) links the page
/// to itself, and a `javascript:`, `vbscript:`, `file:` or `data:` address (other than a PNG, GIF,
/// JPEG or WebP image) is removed by the build (they run code or open the reader's own files), which also leaves a link to the page
/// itself. Either way the reader follows a link and nothing happens.
struct LinkAddressRule: Rule {
  let id = "lint.link-address"
  let summary =
    "A link without an address, or with one the page removes (javascript: and the like)."
  let japaneseSummary = "リンクにアドレスがないか、ページから消されるアドレス（javascript: など）です。"

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    page.links.filter { !$0.isImage }.compactMap { link in
      let url = link.url.trimmingWhitespace
      if url.isEmpty {
        return .warning(
          page.location(of: link), "this link has no address",
          hint:
            "write where it leads between the round brackets: [申し込み](https://…) or (other-page.md)",
          code: id
        ).ja(
          "このリンクにはリンク先（アドレス）がありません",
          hint: "リンク先を `( )` の中に書いてください：`[申し込み](https://…)` や `(other-page.md)`")
      }
      guard UnsafeAddresses.isDangerous(url) else { return nil }
      let scheme = UnsafeAddresses.scheme(of: url)
      return .warning(
        page.location(of: link),
        "the link's address `\(scheme):…` is removed from the page, so the link leads nowhere",
        hint: "link to a page or a file of the site, or to an https:// address", code: id
      ).ja(
        "リンク先の `\(scheme):…` はページから取り除かれるため、このリンクを押しても何も起きません",
        hint: "このサイトのページやファイル、または https:// で始まるアドレスにリンクしてください")
    }
  }
}

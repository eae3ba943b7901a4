import Diagnostics
import Foundation
import Markdown

/// A link to a PDF, an Excel sheet or another file that is not a web page says so, with its
/// size: a resident on a phone decides before opening it whether they can read it and can
/// afford the download, and a screen-reader user knows that another application will open.
/// Japanese public sites write it after the link text: `DX推進計画（PDF・2.1MB）`.
///
/// For a file under `content/files/` the size is known and given in the hint; for a file on
/// another site only its format is asked for.
struct FileLinkRule: Rule {
  let id = "lint.file-link"
  let summary = "A link to a PDF or other file that does not say its format and size."
  let japaneseSummary = "PDF などのファイルへのリンクに、ファイルの種類と大きさが書かれていません。"

  /// The formats by extension: the name a reader knows, and the words that count as saying it.
  static let formats: [String: (name: String, words: [String])] = {
    var formats: [String: (String, [String])] = [:]
    for ext in ["pdf", "csv", "zip", "txt", "json", "mp3", "mp4", "webm", "odt", "ods", "odp"] {
      formats[ext] = (ext.uppercased(), [ext])
    }
    formats["txt"]!.1 += ["テキスト"]
    for ext in ["mp3"] { formats[ext]!.1 += ["音声"] }
    for ext in ["mp4", "webm"] { formats[ext]!.1 += ["動画"] }
    for ext in ["doc", "docx"] { formats[ext] = ("Word", ["word", "ワード", ext]) }
    for ext in ["xls", "xlsx"] { formats[ext] = ("Excel", ["excel", "エクセル", ext]) }
    for ext in ["ppt", "pptx"] {
      formats[ext] = ("PowerPoint", ["powerpoint", "パワーポイント", ext])
    }
    return formats
  }()

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    page.links.filter { !$0.isImage }.compactMap { link -> Diagnostic? in
      var address = link.url
      if let cut = address.firstIndex(where: { $0 == "#" || $0 == "?" }) {
        address = String(address[..<cut])
      }
      let ext = (address as NSString).pathExtension.lowercased()
      guard let format = Self.formats[ext] else { return nil }
      let text = link.text.nfkc.lowercased()
      let saysFormat = format.words.contains { text.contains($0) }
      let external = address.contains("://")
      let size =
        external ? nil : page.directory.flatMap { context.site.fileSize(of: address, from: $0) }
      let saysSize = external || Self.mentionsSize(text)
      if saysSize, let size, let stated = Self.statedSize(text), Self.isFarOff(stated, size) {
        return sizeMismatch(link, stated: stated, size: size, format: format.name, page: page)
      }
      guard !saysFormat || !saysSize else { return nil }
      let missing =
        !saysFormat && !saysSize ? "its format and size" : saysFormat ? "its size" : "its format"
      // What to write: the real size when the file is this site's; only the format for a file
      // on another site, whose size Portal cannot know.
      let missingJa = !saysFormat && !saysSize ? "ファイルの種類と大きさ" : saysFormat ? "大きさ" : "ファイルの種類"
      let note =
        external ? "（\(format.name)）" : "（\(format.name)・\(size.map(Self.sizeText) ?? "1.2MB")）"
      return .warning(
        page.location(of: link),
        "the link to this \(format.name) file does not say \(missing)",
        hint:
          "say it in the link text, so readers know before they open it: \(size == nil && !external ? "for example " : "")\(note)",
        code: id
      ).ja(
        "この\(format.name)ファイルへのリンクに、\(missingJa)が書かれていません",
        hint:
          "開く前にわかるように、リンクの文字に書き添えてください。\(size == nil && !external ? "例：" : "")\(note)"
      )
    }
  }

  /// A size the link states that is far from the file's (（PDF 1MB） for a file of 244 KB, an
  /// older version's size left in the text): a resident on a phone decides by it.
  func sizeMismatch(
    _ link: LinkReference, stated: (text: String, bytes: Double), size: Int64, format: String,
    page: LintPage
  ) -> Diagnostic {
    let actual = Self.sizeText(size)
    return .warning(
      page.location(of: link),
      "the link says the \(format) file is \(stated.text), but it is \(actual)",
      hint: "write the size it has: （\(format)・\(actual)）", code: id
    ).ja(
      "リンクには\(format)ファイルの大きさが\(stated.text)と書いてありますが、実際は\(actual)です",
      hint: "実際の大きさを書いてください：（\(format)・\(actual)）")
  }

  /// The one size the text states, as written and in bytes (1 KB = 1,024 bytes); nil when it
  /// states none or several.
  static func statedSize(_ text: String) -> (text: String, bytes: Double)? {
    let all = sizePattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
    guard all.count == 1, let m = all.first, let whole = Range(m.range, in: text),
      let number = Range(m.range(at: 1), in: text), let unit = Range(m.range(at: 2), in: text),
      let value = Double(text[number].replacingOccurrences(of: ",", with: ""))
    else { return nil }
    let power: Double =
      switch text[unit] {
      case "kb", "キロバイト": 1
      case "mb", "メガバイト": 2
      case "gb", "ギガバイト": 3
      default: 0
      }
    return (String(text[whole]).uppercased(), value * pow(1024, power))
  }

  /// A size written with K, M or G (a unit of bytes alone is no file's size written), not a
  /// number's tail (.2MB) or a form's number and a letter (様式1 B). Compiled once.
  static let sizePattern = try! NSRegularExpression(
    pattern:
      #"(?<![0-9.,])([0-9][0-9,]*(?:\.[0-9]+)?)\s*(kb|mb|gb|キロバイト|メガバイト|ギガバイト)(?![a-z])"#)

  /// Whether a stated size is more than half again as large as the file, or less than two
  /// thirds of it: writers round (1MB for 0.8MB), but not by that much.
  static func isFarOff(_ stated: (text: String, bytes: Double), _ size: Int64) -> Bool {
    let ratio = stated.bytes / Double(max(size, 1))
    return ratio > 1.5 || ratio < 2.0 / 3.0
  }

  /// A number with a unit of bytes: 2.1MB, 350KB, 1,024 KB, ２．１ＭＢ (after NFKC), 3メガバイト.
  static func mentionsSize(_ text: String) -> Bool {
    let pattern = #"[0-9][0-9,.]*\s*([kmgt]?b|(キロ|メガ|ギガ)?バイト)"#
    return text.range(of: pattern, options: .regularExpression) != nil
  }

  /// As a file manager shows it (1 KB = 1,024 bytes): 2.1MB, 350KB, 1KB at least.
  static func sizeText(_ bytes: Int64) -> String {
    let kb = Double(bytes) / 1024
    if kb < 1000 { return "\(max(1, Int(kb.rounded())))KB" }
    let mb = kb / 1024
    if mb < 100 { return String(format: "%.1fMB", mb) }
    return "\(Int(mb.rounded()))MB"
  }
}

/// An image of the site that is heavy to download: every resident who opens the page on a
/// phone downloads all of it, though a phone's screen shows a few hundred pixels across.
/// Photos straight from a camera (4,000 px, several MB) are the usual case.
struct ImageWeightRule: Rule {
  let id = "lint.image-weight"
  let summary = "An image of the site larger than the limit (in KB) to download."
  let japaneseSummary = "画像が上限（KB）より大きく、ダウンロードに時間がかかります。"
  let threshold: Threshold? = Threshold(
    value: 500, meaning: "maximum size of an image in KB",
    japaneseMeaning: "画像の最大の大きさ（KB）", range: 50...100_000)

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    guard let directory = page.directory else { return [] }
    return page.links.filter(\.isImage).compactMap { image in
      guard let bytes = context.site.fileSize(of: image.url, from: directory),
        bytes > Int64(context.threshold) * 1024
      else { return nil }
      let size = FileLinkRule.sizeText(bytes)
      let pixels = context.site.imageDimensions(of: image.url, from: directory)
      let shape = pixels.map { "\($0.width) × \($0.height) px, " } ?? ""
      let shapeJa = pixels.map { "\($0.width) × \($0.height) px、" } ?? ""
      return .warning(
        page.location(of: image),
        "this image is \(size) (\(shape)more than \(context.threshold)KB): every reader downloads all of it",
        hint:
          "save it smaller: about 1,600 px wide as JPEG or WebP is usually a few hundred KB and sharp on any screen",
        code: id
      ).ja(
        "この画像は\(size)あります（\(shapeJa)\(context.threshold)KBより大きい）。読む人は全員、この画像をすべてダウンロードします",
        hint:
          "小さく保存し直してください。幅1,600 px くらいの JPEG か WebP にすると、たいてい数百KBになり、どの画面でもきれいに見えます"
      )
    }
  }
}

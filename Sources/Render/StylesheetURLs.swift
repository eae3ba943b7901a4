import Diagnostics
import Foundation

/// `url(…)` and `@import "…"` in the theme's stylesheets. Assets are published under fingerprinted names
/// (`fonts/BIZUDPGothic.b4a76611d9.woff2`), so a stylesheet naming `fonts/BIZUDPGothic.woff2`
/// would load nothing: each relative `url()` that names an asset is pointed at its published
/// name (folders are kept, so only the file's name changes), and one that names no file of the
/// theme's assets is a warning at its line and column. Addresses with a scheme, `data:`, `//`,
/// `/` and `#` are left as written; so is everything inside comments.
enum StylesheetURLs {
  /// The stylesheet at `relative` (under `assets/`) with its `url()`s rewritten, and a warning
  /// for each that leads to no asset. `paths` maps an asset's path to its published path
  /// (`img/bg.png` → `assets/img/bg.7a943a753d.png`); stylesheets may be missing from it (one
  /// stylesheet importing another is left as written when the other exists).
  static func rewrite(
    _ css: Data, at relative: String, paths: [String: String], exists: (String) -> Bool,
    shownAs file: String
  ) -> (Data, [Diagnostic]) {
    let bytes = [UInt8](css)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 64)
    var diagnostics: [Diagnostic] = []
    let folder = relative.split(separator: "/").dropLast().map(String.init)
    var i = 0
    var line = 1
    var lineStart = 0
    func advance(to end: Int) {
      while i < end {
        if bytes[i] == 0x0A {
          line += 1
          lineStart = i + 1
        }
        out.append(bytes[i])
        i += 1
      }
    }
    while i < bytes.count {
      // A comment, copied as it is.
      if bytes[i] == 0x2F, i + 1 < bytes.count, bytes[i + 1] == 0x2A {
        var end = i + 2
        while end + 1 < bytes.count, !(bytes[end] == 0x2A && bytes[end + 1] == 0x2F) { end += 1 }
        advance(to: min(bytes.count, end + 2))
        continue
      }
      let importString = Self.importString(bytes, at: i)
      guard importString != nil || Self.isURLOpening(bytes, at: i) else {
        advance(to: i + 1)
        continue
      }
      let column = String(decoding: bytes[lineStart..<i], as: UTF8.self).count + 1
      var start: Int
      let quote: UInt8?
      if let quoteAt = importString {
        // `@import "extra.css";`: the string is the address, as in `url()`.
        advance(to: quoteAt)
        quote = bytes[quoteAt]
        start = quoteAt + 1
      } else {
        advance(to: i + 4)
        start = i
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        quote =
          start < bytes.count && (bytes[start] == 0x22 || bytes[start] == 0x27)
          ? bytes[start] : nil
        if quote != nil { start += 1 }
      }
      var end = start
      while end < bytes.count, bytes[end] != (quote ?? 0x29), bytes[end] != 0x0A {
        if quote == nil, bytes[end] == 0x20 { break }
        end += 1
      }
      advance(to: start)
      let written = String(decoding: bytes[start..<end], as: UTF8.self)
      // `url(/assets/img/logo.svg)`: the asset's path before publishing, where nothing is.
      if written.hasPrefix("/assets/"), let relative = Self.relative(written, from: folder) {
        diagnostics.append(
          .warning(
            SourceLocation(file: file, line: line, column: column),
            "`url(\(written))` names the asset by its path in the theme: assets are published under fingerprinted names (`assets/name.0123456789.ext`), so this loads nothing",
            hint:
              "name it relative to this stylesheet, `url(\(relative))`: it is rewritten to the published name",
            code: "theme.asset-path"
          ).ja(
            "`url(\(written))` には、アセットは公開されません。アセットは名前に指紋を付けて（`assets/name.0123456789.ext`）公開されるため、何も読み込めません",
            hint: "このスタイルシートの場所から `url(\(relative))` と書いてください。公開される名前に書きかえられます"))
        advance(to: end)
        continue
      }
      guard let target = Self.target(of: written, in: folder) else {
        advance(to: end)
        continue
      }
      if let published = paths[target.path] {
        let name = published.split(separator: "/").last.map(String.init) ?? published
        let kept = written.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let rewritten = (kept + [Substring(name)]).joined(separator: "/") + target.suffix
        out.append(contentsOf: Array(rewritten.utf8))
        i = end
      } else {
        if !exists(target.path) {
          // `fonts/BrandSan.woff2` beside `fonts/BrandSans.woff2`: the file meant, as written
          // from this stylesheet.
          let near = Suggest.closest(to: target.path, in: Array(paths.keys).sorted()).flatMap {
            Self.relative("/assets/" + $0, from: folder)
          }
          diagnostics.append(
            .warning(
              SourceLocation(file: file, line: line, column: column),
              "`url(\(written))` names no file of the theme's assets (`assets/\(target.path)`): the browser would load nothing",
              hint: near.map { "did you mean `url(\($0))`?" }
                ?? "put the file at theme/assets/\(target.path), or correct the address (relative to this stylesheet's folder)",
              code: "theme.unknown-asset"
            ).ja(
              "`url(\(written))` の指すファイルがテーマの assets にありません（`assets/\(target.path)`）。ブラウザーは何も読み込めません",
              hint: near.map { "`url(\($0))` のまちがいではありませんか" }
                ?? "theme/assets/\(target.path) にファイルを置くか、アドレスを直してください（このスタイルシートのフォルダーからの相対パスです）"))
        }
        advance(to: end)
      }
    }
    return (Data(out), diagnostics)
  }

  /// The offset of the quote of `@import "…"` (or `'…'`) at `i`: an import written as a
  /// string, not `url()`, was published as written and loaded nothing.
  static func importString(_ bytes: [UInt8], at i: Int) -> Int? {
    let word = Array("@import".utf8)
    guard i + word.count < bytes.count, bytes[i..<(i + word.count)].elementsEqual(word) else {
      return nil
    }
    var k = i + word.count
    while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0A { k += 1 }
    guard k < bytes.count, bytes[k] == 0x22 || bytes[k] == 0x27 else { return nil }
    return k
  }

  /// `url(` at `i`, in any case, not the end of a longer name (`myurl(`).
  static func isURLOpening(_ bytes: [UInt8], at i: Int) -> Bool {
    guard i + 3 < bytes.count, bytes[i + 3] == 0x28,
      bytes[i] | 0x20 == 0x75, bytes[i + 1] | 0x20 == 0x72, bytes[i + 2] | 0x20 == 0x6C
    else { return false }
    guard i > 0 else { return true }
    let b = bytes[i - 1]
    let isNameByte =
      (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D
      || b == 0x5F
    return !isNameByte
  }

  /// `/assets/img/bg.png` written from a stylesheet in `folder` (under `assets/`, as parts):
  /// `img/bg.png` from `assets/`, `../img/bg.png` from `assets/css/`; nil for no asset path.
  static func relative(_ path: String, from folder: [String]) -> String? {
    guard path.hasPrefix("/assets/") else { return nil }
    var target = path.dropFirst("/assets/".count).split(separator: "/").map(String.init)
    var here = folder
    while let first = here.first, first == target.first {
      here.removeFirst()
      target.removeFirst()
    }
    guard !target.isEmpty else { return nil }
    return (Array(repeating: "..", count: here.count) + target).joined(separator: "/")
  }

  /// The asset a relative address leads to, from the stylesheet's folder, with what follows
  /// the path (`?#iefix`, `#icon`); nil for an address that is not relative, or leaves
  /// `assets/`.
  static func target(of address: String, in folder: [String]) -> (path: String, suffix: String)? {
    guard !address.isEmpty, !address.hasPrefix("/"), !address.hasPrefix("#"),
      !address.contains(":")
    else { return nil }
    var path = address
    var suffix = ""
    if let cut = address.firstIndex(where: { $0 == "?" || $0 == "#" }) {
      path = String(address[..<cut])
      suffix = String(address[cut...])
    }
    var parts = folder
    for part in path.split(separator: "/", omittingEmptySubsequences: false) {
      switch part {
      case ".", "": continue
      case "..":
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      default: parts.append(String(part))
      }
    }
    guard !parts.isEmpty else { return nil }
    let decoded = parts.joined(separator: "/")
    return (decoded.removingPercentEncoding ?? decoded, suffix)
  }
}

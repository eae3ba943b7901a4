import Diagnostics
import Foundation
import Stylesheets

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
    let references = StylesheetReferences.scan(bytes)
    guard !references.isEmpty else { return (css, []) }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 64)
    var diagnostics: [Diagnostic] = []
    let folder = relative.split(separator: "/").dropLast().map(String.init)
    var copied = 0
    for reference in references {
      let written = reference.address
      let (line, column) = (reference.line, reference.column)
      // `url(/assets/img/logo.svg)`: the asset's path before publishing, where nothing is.
      if written.hasPrefix("/assets/"), let relative = Self.relative(written, from: folder) {
        diagnostics.append(
          .warning(
            SourceLocation(file: file, line: line, column: column),
            "`\(reference.written(written))` names the asset by its path in the theme: assets are published under fingerprinted names (`assets/name.0123456789.ext`), so this loads nothing",
            hint:
              "name it relative to this stylesheet, `\(reference.written(relative))`: it is rewritten to the published name",
            code: "theme.asset-path"
          ).ja(
            "`\(reference.written(written))` には、アセットは公開されません。アセットは名前に指紋を付けて（`assets/name.0123456789.ext`）公開されるため、何も読み込めません",
            hint: "このスタイルシートの場所から `\(reference.written(relative))` と書いてください。公開される名前に書きかえられます"))
        continue
      }
      guard let target = Self.target(of: written, in: folder) else { continue }
      if let published = paths[target.path] {
        let name = published.split(separator: "/").last.map(String.init) ?? published
        let kept = written.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let rewritten = (kept + [Substring(name)]).joined(separator: "/") + target.suffix
        out.append(contentsOf: bytes[copied..<reference.start])
        out.append(contentsOf: Array(rewritten.utf8))
        copied = reference.end
      } else if !exists(target.path) {
        // `fonts/BrandSan.woff2` beside `fonts/BrandSans.woff2`: the file meant, as written
        // from this stylesheet.
        let near = Suggest.closest(to: target.path, in: Array(paths.keys).sorted()).flatMap {
          Self.relative("/assets/" + $0, from: folder)
        }
        diagnostics.append(
          .warning(
            SourceLocation(file: file, line: line, column: column),
            "`\(reference.written(written))` names no file of the theme's assets (`assets/\(target.path)`): the browser would load nothing",
            hint: near.map { "did you mean `\(reference.written($0))`?" }
              ?? "put the file at theme/assets/\(target.path), or correct the address (relative to this stylesheet's folder)",
            code: "theme.unknown-asset"
          ).ja(
            "`\(reference.written(written))` の指すファイルがテーマの assets にありません（`assets/\(target.path)`）。ブラウザーは何も読み込めません",
            hint: near.map { "`\(reference.written($0))` のまちがいではありませんか" }
              ?? "theme/assets/\(target.path) にファイルを置くか、アドレスを直してください（このスタイルシートのフォルダーからの相対パスです）"))
      }
    }
    guard copied > 0 else { return (css, diagnostics) }
    out.append(contentsOf: bytes[copied...])
    return (Data(out), diagnostics)
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

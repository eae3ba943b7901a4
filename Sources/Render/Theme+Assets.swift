import ByteFormats
import Content
import Diagnostics
import Foundation
import Mustache
import Parallel

/// The theme's assets: read, published under fingerprinted names, and known to templates
/// by their keys.
extension Theme {
  /// The key of an asset under `assets.`: its path under `assets/` with `.`, `-` and `/`
  /// turned into `_` (`style.css` → `style_css`, `img/logo.png` → `img_logo_png`).
  public static func assetKey(_ path: String) -> String {
    String(
      decoding: path.utf8.map { $0 == 0x2E || $0 == 0x2D || $0 == 0x2F ? 0x5F : $0 }, as: UTF8.self)
  }

  /// Every file under `assets/` and its folders, except hidden ones, with its fingerprinted
  /// path (the folders kept: `assets/img/logo.1a2b3c4d5e.png`); an error for a file whose key
  /// another file already has (`print-style.css`, `print_style.css`).
  static func loadAssets(_ folder: URL, shownAs displayPath: String, hashes: inout FileHashes)
    -> (
      paths: [String: String], files: [(path: String, data: Data)], diagnostics: [Diagnostic]
    )
  {
    var paths: [String: String] = [:]
    var files: [(String, Data)] = []
    var diagnostics: [Diagnostic] = []
    var keys: [String: String] = [:]
    for relative in Self.files(under: folder) {
      guard
        let data = FileManager.default.contents(
          atPath: folder.appendingPathComponent(relative).path)
      else { continue }
      hashes.add("assets/\(relative)", data)
      let key = assetKey(relative)
      if let other = keys[key] {
        diagnostics.append(
          .error(
            SourceLocation(file: "\(displayPath)/assets/\(relative)"),
            "`\(relative)` and `\(other)` are both `assets.\(key)` in the templates",
            hint: "rename one of them: `.`, `-` and `/` all become `_` in an asset's key",
            code: "theme.asset-key"
          ).ja(
            "`\(relative)` と `\(other)` は、テンプレートではどちらも `assets.\(key)` になります",
            hint: "どちらかの名前を変えてください。アセットのキーでは `.`、`-`、`/` はすべて `_` になります"))
        continue
      }
      keys[key] = relative
      if let renamed = writableName(relative) {
        diagnostics.append(
          .warning(
            SourceLocation(file: "\(displayPath)/assets/\(relative)"),
            "`\(relative)` has a key no template can write (`assets.\(key)`): a name in a tag has only the letters A–Z and a–z, digits, `.`, `_` and `-`",
            hint: "rename it `\(renamed)` (`assets.\(assetKey(renamed))`)",
            code: "theme.asset-name"
          ).ja(
            "`\(relative)` のキー（`assets.\(key)`）はテンプレートに書けません。タグの名前に使えるのは英字 a–z、数字、`.`、`_`、`-` だけです",
            hint: "ファイル名を `\(renamed)` に変えてください（`assets.\(assetKey(renamed))`）"))
      }
      files.append((relative, data))
    }
    func published(_ relative: String, _ data: Data) -> String {
      let ext = (relative as NSString).pathExtension
      let stem = (relative as NSString).deletingPathExtension
      // A file without an extension (`LICENSE`) keeps none: no trailing dot.
      return ext.isEmpty
        ? "assets/\(relative).\(fingerprint(data))"
        : "assets/\(stem).\(fingerprint(data)).\(ext)"
    }
    // Stylesheets last: their `url()`s name the other files' published names, which are part
    // of what their own fingerprint is made from.
    let isStylesheet = { (path: String) in path.lowercased().hasSuffix(".css") }
    // Scripts and stylesheets are published minified (`AssetMinifier`), and fingerprinted as
    // published; stylesheets after their `url()`s are rewritten, whose warnings count lines
    // as written.
    for (n, (relative, data)) in files.enumerated() where !isStylesheet(relative) {
      if relative.lowercased().hasSuffix(".js") || relative.lowercased().hasSuffix(".mjs") {
        diagnostics += ScriptImports.check(data, shownAs: "\(displayPath)/assets/\(relative)")
      }
      files[n].1 = AssetMinifier.published(data, at: relative)
      paths[relative] = published(relative, files[n].1)
    }
    let names = Set(files.map(\.0))
    for (n, (relative, data)) in files.enumerated() where isStylesheet(relative) {
      let shown = "\(displayPath)/assets/\(relative)"
      let (rewritten, problems) = StylesheetURLs.rewrite(
        data, at: relative, paths: paths, exists: names.contains, shownAs: shown)
      diagnostics += StylesheetBraces.check(data, shownAs: shown) + problems
      files[n].1 = AssetMinifier.published(rewritten, at: relative)
      paths[relative] = published(relative, files[n].1)
    }
    return (paths, files.map { (paths[$0.0]!, $0.1) }, diagnostics)
  }

  /// The name to give an asset whose key a tag cannot hold (`logo@2x.png`, `my logo.svg`):
  /// every other character turned into `-` (`logo-2x.png`); nil when the name is fine.
  static func writableName(_ path: String) -> String? {
    func fine(_ c: Character) -> Bool {
      c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-" || c == "_" || c == "/")
    }
    guard !path.allSatisfy(fine) else { return nil }
    // Each run of other characters one `-`, none at a name's ends; a name of none but them
    // (`バナー 画像.svg`) named for what it is: `img/------.svg` had been offered.
    let parts = path.split(separator: "/", omittingEmptySubsequences: false).map { part in
      let ext = (String(part) as NSString).pathExtension
      let stem = ext.isEmpty ? Substring(part) : part.dropLast(ext.count + 1)
      var out = ""
      for c in stem {
        if fine(c) {
          out.append(c)
        } else if !out.isEmpty, out.last != "-" {
          out.append("-")
        }
      }
      while out.hasSuffix("-") { out.removeLast() }
      if out.isEmpty {
        out =
          ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"].contains(ext.lowercased())
          ? "image" : "file"
      }
      let fineExt = String(ext.filter(fine))
      return fineExt.isEmpty ? out : out + "." + fineExt
    }
    return parts.joined(separator: "/")
  }

  /// 64-bit FNV-1a of the bytes, as 10 hex digits: enough to bust caches when an asset changes.
  static func fingerprint(_ data: Data) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(10))
  }
}

/// The hashes of the theme's files as `Theme.load` reads them: one digest of their exact
/// bytes for the outputs' inputs, and each file's `SourceHash` for `portal check`.
struct FileHashes {
  var digest = StableHash()
  var source: [String: UInt64] = [:]

  mutating func add(_ path: String, _ data: Data) {
    digest.add(path)
    digest.add(StableHash.of(data: data))
    source[path] = data.withUnsafeBytes(SourceHash.value(of:))
  }
}

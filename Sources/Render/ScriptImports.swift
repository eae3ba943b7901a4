import Diagnostics
import Foundation

/// Relative imports in the theme's scripts (`import { greet } from "./util.js";`): the files
/// are published under fingerprinted names (`util.a7feaea9d9.js`), so such an import finds
/// nothing and the module does not run, with no word from the build or `portal check`. A
/// warning at each, naming the way that works.
enum ScriptImports {
  /// A warning per relative `import … from "…"`, `import "…"`, `export … from "…"` or
  /// `import("…")` in `script` (comments are not read apart: an import in one is rare, and a
  /// false warning there is harmless).
  static func check(_ script: Data, shownAs file: String) -> [Diagnostic] {
    let text = String(decoding: script, as: UTF8.self)
    guard text.contains("import") || text.contains("export") else { return [] }
    var found: [Diagnostic] = []
    for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let chars = Array(line)
      for (k, c) in chars.enumerated() where c == "\"" || c == "'" {
        // A string starting `./` or `../`, right after `from`, `import` or `import(`.
        guard k + 2 < chars.count, chars[k + 1] == ".",
          chars[k + 2] == "/" || (chars[k + 2] == "." && k + 3 < chars.count && chars[k + 3] == "/")
        else { continue }
        let before = String(chars[..<k]).trimmingCharacters(in: .whitespaces)
        guard before.hasSuffix("from") || before.hasSuffix("import") || before.hasSuffix("import(")
        else { continue }
        guard let close = chars[(k + 1)...].firstIndex(of: c) else { continue }
        let spec = String(chars[(k + 1)..<close])
        found.append(
          .warning(
            SourceLocation(file: file, line: n + 1, column: k + 1),
            "`\(spec)` is published under a fingerprinted name (`name.0123456789.js`): this import finds nothing and the module does not run",
            hint:
              "put the code in this file, or load the other with its own `<script type=\"module\" src=\"{{assets.…}}\">` in a template",
            code: "theme.relative-import"
          ).ja(
            "`\(spec)` は名前に指紋（`name.0123456789.js`）を付けて公開されるため、この import は何も見つけられず、モジュールが動きません",
            hint:
              "コードをこのファイルに入れるか、もう一方をテンプレートの `<script type=\"module\" src=\"{{assets.…}}\">` で読み込んでください"
          ))
      }
    }
    return found
  }
}

import Diagnostics
import Foundation
import SecurityPolicy

extension TemplateCheck {
  /// `theme.inline-code` (warning): script and style written into a template that the theme's
  /// own Content-Security-Policy (the `<meta http-equiv>` the layout writes) blocks: an inline
  /// `<script>`, an `on…=` handler, a `style="…"` attribute, a `<style>` element. Every
  /// browser leaves them out without a word; `portal check` said so on the built site, but
  /// `portal build --strict`, the CI gate, passed them. Nothing is said without a policy
  /// (`theme.no-policy` is), or where it allows `'unsafe-inline'`.
  func inlineCode() -> [Diagnostic] {
    guard let policy = themePolicy() else { return [] }
    let blocksScript = !policy.allowsInline("script-src-elem")
    let blocksHandler = !policy.allowsInline("script-src-attr")
    let blocksStyle = !policy.allowsInline("style-src-elem")
    let blocksStyleAttribute = !policy.allowsInline("style-src-attr")
    var found: [Diagnostic] = []
    for name in templates.keys.sorted() {
      let template = templates[name]!
      for text in template.scan.texts {
        for (offset, kind) in Self.inlineCode(in: text.text) {
          let blocked: Bool
          switch kind {
          case .script: blocked = blocksScript
          case .handler: blocked = blocksHandler
          case .styleElement: blocked = blocksStyle
          case .styleAttribute: blocked = blocksStyleAttribute
          }
          guard blocked else { continue }
          let (line, column) = text.position(
            of: text.text.index(text.text.startIndex, offsetBy: offset))
          found.append(
            Self.inlineWarning(
              kind, at: SourceLocation(file: template.path, line: line, column: column)))
        }
      }
    }
    return found
  }

  enum InlineKind { case script, handler, styleElement, styleAttribute }

  /// The inline code in a template's text, by character offset: `<script>` without `src` (a
  /// data block such as `application/ld+json` is no script), `<style>`, and `on…=` and
  /// `style=` inside a tag; HTML comments are passed over.
  static func inlineCode(in text: String) -> [(Int, InlineKind)] {
    let chars = Array(text.lowercased())
    var found: [(Int, InlineKind)] = []
    var i = 0
    var inTag = false
    var tagStart = 0
    func starts(_ s: String, _ k: Int) -> Bool {
      let w = Array(s)
      return k + w.count <= chars.count && Array(chars[k..<(k + w.count)]) == w
    }
    while i < chars.count {
      if starts("<!--", i) {
        while i < chars.count, !starts("-->", i) { i += 1 }
        i += 3
        continue
      }
      let c = chars[i]
      if !inTag, c == "<", i + 1 < chars.count, chars[i + 1].isLetter {
        inTag = true
        tagStart = i
      } else if inTag, c == ">" {
        inTag = false
        let tag = String(chars[tagStart...i])
        if starts("<script", tagStart), !Self.hasAttribute("src", in: tag), Self.isJavaScript(tag) {
          let rest = chars[(i + 1)...].prefix { $0 != "<" }
          if rest.contains(where: { !$0.isWhitespace }) { found.append((tagStart, .script)) }
        } else if starts("<style", tagStart),
          tag.dropFirst(6).first.map({ $0 == ">" || $0 == " " }) == true
        {
          found.append((tagStart, .styleElement))
        }
      } else if inTag, c.isWhitespace, i + 1 < chars.count {
        // An attribute's name after a space: `style=` or `onclick=`.
        var j = i + 1
        while j < chars.count, chars[j].isLetter || chars[j] == "-" { j += 1 }
        var k = j
        while k < chars.count, chars[k] == " " { k += 1 }
        if k < chars.count, chars[k] == "=", j > i + 1 {
          let attribute = String(chars[(i + 1)..<j])
          if attribute == "style" {
            found.append((i + 1, .styleAttribute))
          } else if attribute.hasPrefix("on"), attribute.count > 2 {
            found.append((i + 1, .handler))
          }
        }
      } else if inTag, c == "\"" || c == "'" {
        // A quoted value: nothing in it is an attribute.
        var j = i + 1
        while j < chars.count, chars[j] != c { j += 1 }
        i = j + 1
        continue
      }
      i += 1
    }
    return found
  }

  private static func hasAttribute(_ name: String, in tag: String) -> Bool {
    tag.range(of: "\\s\(name)\\s*=", options: .regularExpression) != nil
  }

  /// A `<script>` the browser runs: no `type`, or a JavaScript one (`module` too).
  private static func isJavaScript(_ tag: String) -> Bool {
    guard
      let range = tag.range(of: "\\stype\\s*=\\s*[\"']?([a-z/+-]*)", options: .regularExpression)
    else { return true }
    let type =
      tag[range].split(separator: "=").last.map {
        $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
      } ?? ""
    return ["", "module", "text/javascript", "application/javascript"].contains(type)
  }

  /// The policy of the first `<meta http-equiv="Content-Security-Policy" content="…">` in the
  /// templates (the layout's, which every page has).
  func themePolicy() -> ContentSecurityPolicy? {
    for name in templates.keys.sorted() {
      for text in templates[name]!.scan.texts {
        guard
          let meta = text.text.range(
            of: "http-equiv=\"Content-Security-Policy\"", options: .caseInsensitive),
          let content = text.text[meta.upperBound...].range(of: "content=\""),
          let end = text.text[content.upperBound...].firstIndex(of: "\"")
        else { continue }
        return ContentSecurityPolicy(text.text[content.upperBound..<end])
      }
    }
    return nil
  }

  private static func inlineWarning(_ kind: InlineKind, at location: SourceLocation) -> Diagnostic {
    let (what, whatJa, hint, hintJa): (String, String, String, String) =
      switch kind {
      case .script:
        (
          "this inline <script> never runs", "この `<script>` の中に書いたスクリプトは実行されません",
          "put the code in a file of assets/ and load it with `<script src=\"{{assets.name_js}}\">`",
          "コードを assets/ のファイルに移して、`<script src=\"{{assets.name_js}}\">` で読み込んでください"
        )
      case .handler:
        (
          "this `on…=` handler never runs", "この `on…=` に書いたスクリプトは実行されません",
          "attach it in the theme's script instead (`addEventListener`)",
          "テーマのスクリプトで付けてください（`addEventListener`）"
        )
      case .styleElement:
        (
          "this <style> element is ignored", "この `<style>` の中の指定は使われません",
          "move its rules into the theme's stylesheet", "その指定をテーマのスタイルシートに移してください"
        )
      case .styleAttribute:
        (
          "this `style=` attribute is ignored", "この `style=` の指定は使われません",
          "give the element a class and style it in the theme's stylesheet",
          "要素に class を付けて、テーマのスタイルシートで指定してください"
        )
      }
    return .warning(
      location,
      "\(what) on any page: the theme's Content-Security-Policy (the layout's) blocks code written into a page",
      hint: hint, code: "theme.inline-code"
    ).ja("テーマの Content-Security-Policy（レイアウトのもの）はページに直接書いたコードを止めるため、どのページでも\(whatJa)", hint: hintJa)
  }
}

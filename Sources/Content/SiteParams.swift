import Yams

/// `params:` in site.yml: values of the site's own that a theme shows (a notice across every
/// page, a phone number, a list of links' titles), as `site.params.<key>` in templates. A theme
/// had no way to be given text other than writing it into a template.
public enum SiteParam: Sendable, Hashable {
  case text(String)
  case flag(Bool)
  case list([String])
}

extension SiteParam {
  /// Each `key: value` of `params`, in the order written; values are text (numbers too),
  /// `true`/`false`, or a list of texts. Keys are lower-case letters, digits and `_`, as
  /// template names are written.
  static func parse(_ y: inout YAMLFields) -> [(key: String, value: SiteParam)] {
    guard let node = y.node("params") else { return [] }
    guard case .mapping(let mapping) = node else {
      y.error(
        node.mark, "`params` must be a mapping of names to values",
        hint: "write for example:\nparams:\n  notice: 年末年始は窓口の時間が変わります。",
        code: "config.params", ja: "`params` の値が、名前と値の組になっていません",
        jaHint: "たとえば次のように書いてください:\nparams:\n  notice: 年末年始は窓口の時間が変わります。")
      return []
    }
    var params: [(key: String, value: SiteParam)] = []
    for (keyNode, value) in mapping {
      let key = keyNode.string ?? ""
      guard isName(key) else {
        let name = suggestedName(key)
        y.error(
          keyNode.mark, "`\(key)` cannot name a value of `params`",
          hint:
            "use lower-case letters, digits and `_`, starting with a letter: `\(name)` (`site.params.\(name)` in templates)",
          code: "config.params", ja: "`\(key)` は、`params` の名前に使えません",
          jaHint:
            "半角の小文字・数字・`_` で書き、小文字の英字から始めてください：`\(name)`（テンプレートでは `site.params.\(name)`）")
        continue
      }
      switch value {
      case .scalar(let s) where s.style == .plain && (s.string == "true" || s.string == "false"):
        params.append((key, .flag(s.string == "true")))
      case .scalar(let s):
        params.append((key, .text(s.string.trimmingSpacesAndNewlines)))
      case .sequence(let items):
        let texts = items.compactMap { item -> String? in
          if case .scalar(let s) = item { return s.string.trimmingSpacesAndNewlines }
          return nil
        }
        guard texts.count == items.count else { fallthrough }
        params.append((key, .list(texts)))
      default:
        y.error(
          value.mark,
          "the value of `params.\(key)` must be text, true or false, or a list of texts",
          hint: "write for example `\(key): 本文` or `\(key): [一つ目, 二つ目]`", code: "config.params",
          ja: "`params.\(key)` の値の形が使えません。文字、true か false、文字のリストのどれかにします",
          jaHint: "たとえば `\(key): 本文` か `\(key): [一つ目, 二つ目]` と書いてください")
      }
    }
    return params
  }

  /// A name a template can write for `key`: `bannerText` and `banner-text` → `banner_text`,
  /// `café` → `cafe`, `ＮＯＴＩＣＥ` → `notice`, `2col` → `col2`; `notice_text` when nothing of
  /// it is left.
  static func suggestedName(_ key: String) -> String {
    var out = ""
    var previous: Unicode.Scalar?
    let plain = key.precomposedStringWithCompatibilityMapping.decomposedStringWithCanonicalMapping
    for u in plain.unicodeScalars where !u.properties.isGraphemeExtend {
      let letter = u.isASCII && u.properties.isAlphabetic
      let digit = u.isASCII && u.properties.numericType != nil
      if letter, u.properties.isUppercase, let p = previous,
        p.properties.isLowercase || p.properties.numericType != nil
      {
        out += "_"
      }
      out += letter || digit ? String(u).lowercased() : "_"
      previous = u
    }
    var name = out.split(separator: "_").joined(separator: "_")
    let digits = name.prefix { $0.isNumber }
    name = String(name.dropFirst(digits.count).drop { $0 == "_" }) + digits
    return isName(name) ? name : "notice_text"
  }

  private static func isName(_ s: String) -> Bool {
    guard let first = s.utf8.first, (0x61...0x7A).contains(first) else { return false }
    return s.utf8.allSatisfy {
      (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F
    }
  }
}

/// One value of `params`, by name (a struct, so the config stays `Hashable`).
public struct SiteParamEntry: Sendable, Hashable {
  public var key: String
  public var value: SiteParam
}

import Mustache

/// A faster renderer for the parsed Mustache templates of a theme.
///
/// swift-mustache parses the templates (and reports their syntax errors); rendering with it cost
/// about 0.7 ms a page, mostly dynamic casts, Mirror lookups and a Character-by-Character HTML
/// escape for every `{{value}}`. This renderer reads the same parsed tokens once (through
/// Mirror), compiles them into flat instructions (`TemplateProgram`) and walks those over the
/// typed context (`TemplateWalk`, `TemplateValue`), following swift-mustache's rules exactly:
/// standalone lines, partial indentation, block inheritance, falsy empty text.
/// Anything it does not know (lambdas, transforms, content-type pragmas, printing a list) makes
/// it decline, and the theme renders that page with swift-mustache instead.
struct FastTemplates: Sendable {
  indirect enum Token: Sendable {
    case text(String)
    case variable([String])
    case unescaped([String])
    case section([String], [Token])
    case inverted([String], [Token])
    case block(String, [Token], indentation: String?)
    case partial(String, indentation: String?, overrides: [String: [Token]]?)
  }

  let program: TemplateProgram

  /// The templates' tokens, by name (`tokens(of:)` of each parsed template); nil when a
  /// template uses a feature this renderer does not implement.
  init?(tokens: [String: [Token]?]) {
    var templates: [String: [Token]] = [:]
    for (name, tokens) in tokens {
      guard let tokens else { return nil }
      templates[name] = tokens
    }
    program = TemplateProgram(templates)
  }

  // MARK: reading swift-mustache's tokens

  static func tokens(of template: MustacheTemplate) -> [Token]? {
    guard
      let raw = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value,
      let list = raw as? [Any]
    else { return nil }
    var tokens: [Token] = []
    for (i, item) in list.enumerated() {
      // The pragma comes first (reflection on every token was a visible part of loading).
      if i == 0 && isPortalEscape(item) { continue }
      guard let token = token(item) else { return nil }
      tokens.append(token)
    }
    return tokens
  }

  /// The content type every template of a theme starts with (`HTMLEscape.pragma`): this
  /// renderer escapes the same way already.
  private static func isPortalEscape(_ item: Any) -> Bool {
    let mirror = Mirror(reflecting: item)
    guard mirror.displayStyle == .enum, let child = mirror.children.first,
      child.label == "contentType"
    else { return false }
    return child.value is HTMLEscape
  }

  private static func token(_ item: Any) -> Token? {
    let mirror = Mirror(reflecting: item)
    guard mirror.displayStyle == .enum, let child = mirror.children.first, let kind = child.label
    else { return nil }
    let payload = child.value
    let fields = Mirror(reflecting: payload).children.map { $0.value }
    func name(_ value: Any) -> [String]? {
      guard let s = value as? String else { return nil }
      return s == "." ? ["."] : s.split(separator: ".").map(String.init)
    }
    func noTransforms(_ value: Any) -> Bool { (value as? [String])?.isEmpty ?? false }
    switch kind {
    case "text":
      return (payload as? String).map(Token.text)
    case "variable", "unescapedVariable":
      guard fields.count == 2, noTransforms(fields[1]), let n = fields[0] as? String, valid(n),
        let path = name(n)
      else { return nil }
      return kind == "variable" ? .variable(path) : .unescaped(path)
    case "section", "invertedSection":
      guard fields.count == 3, noTransforms(fields[1]), let n = fields[0] as? String, valid(n),
        let path = name(n), let inner = fields[2] as? MustacheTemplate, let body = tokens(of: inner)
      else { return nil }
      return kind == "section" ? .section(path, body) : .inverted(path, body)
    case "blockExpansion":
      guard fields.count == 3, let n = fields[0] as? String,
        let inner = fields[1] as? MustacheTemplate,
        let body = tokens(of: inner), let indentation = fields[2] as? String?
      else { return nil }
      return .block(n, body, indentation: indentation)
    case "partial":
      guard fields.count == 3, let n = fields[0] as? String,
        let indentation = fields[1] as? String?,
        let inherits = fields[2] as? [String: MustacheTemplate]?
      else { return nil }
      var overrides: [String: [Token]]?
      if let inherits {
        var o: [String: [Token]] = [:]
        for (key, template) in inherits {
          guard let body = tokens(of: template) else { return nil }
          o[key] = body
        }
        overrides = o
      }
      return .partial(n, indentation: indentation, overrides: overrides)
    default:
      // Lambdas, dynamic partials, content-type pragmas, block definitions.
      return nil
    }
  }

  /// Names with a leading dot (`.name`) or empty parts use rules not implemented here.
  private static func valid(_ name: String) -> Bool {
    name == "." || (!name.hasPrefix(".") && !name.isEmpty && !name.contains(".."))
  }

  // MARK: rendering

  /// Renders a template; nil when the theme has no such template.
  func render(_ name: String, _ context: TemplateContext) -> String? {
    guard let bytes = renderBytes(name, context) else { return nil }
    defer { bytes.free() }
    return String(decoding: bytes.buffer, as: UTF8.self)
  }

  /// Renders a template into bytes the caller frees (`ByteSink.free`, or handed to `Data`);
  /// nil when the theme has no such template.
  func renderBytes(_ name: String, _ context: TemplateContext) -> ByteSink? {
    guard let t = program.index[name] else { return nil }
    return program.walk(template: t, context)
  }

  /// Appends `s` with `< > & " '` escaped (`HTMLEscape`, which swift-mustache uses too). Scans
  /// the UTF-8 bytes, so a special character followed by a combining mark is escaped as well,
  /// and appends the runs between them whole.
  static func escape(_ s: String, into out: inout String) {
    let utf8 = s.utf8
    // Most values have none of the five: one scan of the contiguous bytes, then one append.
    let clean = utf8.withContiguousStorageIfAvailable { bytes in
      !bytes.contains { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }
    }
    if clean == true {
      out += s
      return
    }
    var run = utf8.startIndex
    var i = run
    while i != utf8.endIndex {
      let entity: String
      switch utf8[i] {
      case 0x3C: entity = "&lt;"
      case 0x3E: entity = "&gt;"
      case 0x26: entity = "&amp;"
      case 0x22: entity = "&quot;"
      case 0x27: entity = "&#39;"
      default:
        i = utf8.index(after: i)
        continue
      }
      if run != i { out += s[run..<i] }
      out += entity
      i = utf8.index(after: i)
      run = i
    }
    if run == utf8.startIndex {
      out += s
    } else if run != utf8.endIndex {
      out += s[run...]
    }
  }

}

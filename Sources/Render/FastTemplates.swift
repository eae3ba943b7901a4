import Mustache

/// A faster renderer for the parsed Mustache templates of a theme.
///
/// swift-mustache parses the templates (and reports their syntax errors); rendering with it cost
/// about 0.7 ms a page, mostly dynamic casts, Mirror lookups and a Character-by-Character HTML
/// escape for every `{{value}}`. This renderer walks the same parsed tokens (read once through
/// Mirror) over the typed context (`TemplateValue`), and follows swift-mustache's rules
/// exactly: standalone lines, partial indentation, block inheritance, falsy empty text.
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

  let templates: [String: [Token]]

  /// The templates' tokens, by name (`tokens(of:)` of each parsed template); nil when a
  /// template uses a feature this renderer does not implement.
  init?(tokens: [String: [Token]?]) {
    var templates: [String: [Token]] = [:]
    for (name, tokens) in tokens {
      guard let tokens else { return nil }
      templates[name] = tokens
    }
    self.templates = templates
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

  private struct Context {
    var stack: [TemplateValue]
    var indentation: String?
    var inherited: [String: [Token]]?
  }

  /// Renders a template; nil when the theme has no such template.
  func render(_ name: String, _ context: TemplateContext) -> String? {
    guard let tokens = templates[name] else { return nil }
    var out = ""
    out.reserveCapacity(16_384)
    render(tokens, Context(stack: [.dict(context)]), into: &out)
    return out
  }

  private func render(_ tokens: [Token], _ context: Context, into out: inout String) {
    guard let indentation = context.indentation, !indentation.isEmpty else {
      for token in tokens { render(token, context, into: &out) }
      return
    }
    // swift-mustache indents a token's output when what these tokens printed so far ends a
    // line. Written in place: the indentation goes in before such a token and comes out again
    // when the token prints nothing. (Each token rendered into a String of its own, then
    // copied, was an allocation per token of every indented partial: the table of contents,
    // the terms.)
    let start = out.utf8.count
    for token in tokens {
      let indents = Self.endsWithNewline(out, after: start)
      if indents { out += indentation }
      let mark = out.utf8.count
      render(token, context, into: &out)
      if indents && out.utf8.count == mark {
        out.unicodeScalars.removeLast(indentation.unicodeScalars.count)
      }
    }
  }

  /// Whether what `s` holds after its first `start` bytes ends with "\n" as its own last
  /// Character ("\r\n" is one Character in Swift, so it does not count).
  private static func endsWithNewline(_ s: String, after start: Int) -> Bool {
    let bytes = s.utf8
    let count = bytes.count - start
    guard count > 0, bytes[bytes.index(before: bytes.endIndex)] == 0x0A else { return false }
    return count < 2 || bytes[bytes.index(bytes.endIndex, offsetBy: -2)] != 0x0D
  }

  private func render(_ token: Token, _ context: Context, into out: inout String) {
    switch token {
    case .text(let text):
      out += text
    case .variable(let path):
      // A list or dictionary printed as text prints nothing: it has no text of its own
      // (swift-mustache printed Swift's description of it, its keys in a different order each
      // run), and `TemplateCheck` warns of such a tag.
      switch lookup(path, context) {
      case .text(let s)?: Self.escape(s, into: &out)
      case .bool(let b)?: out += b ? "true" : "false"
      case nil, .dict?, .list?: break
      }
    case .unescaped(let path):
      switch lookup(path, context) {
      case .text(let s)?: out += s
      case .bool(let b)?: out += b ? "true" : "false"
      case nil, .dict?, .list?: break
      }
    case .section(let path, let body):
      switch lookup(path, context) {
      case .list(let items)?:
        // One copy of the stack for the whole list, each item pushed and popped in place.
        var inner = context
        for item in items {
          inner.stack.append(item)
          render(body, inner, into: &out)
          inner.stack.removeLast()
        }
      case .bool(let b)?:
        if b { render(body, context, into: &out) }
      case .text("")?, nil:
        break
      case let value?:
        var inner = context
        inner.stack.append(value)
        render(body, inner, into: &out)
      }
    case .inverted(let path, let body):
      switch lookup(path, context) {
      case .list(let items)?:
        if items.isEmpty {
          var inner = context
          inner.stack.append(.list(items))
          render(body, inner, into: &out)
        }
      case .bool(let b)?:
        if !b { render(body, context, into: &out) }
      case .text("")?, nil:
        render(body, context, into: &out)
      default:
        break
      }
    case .block(let name, let defaultBody, let indentation):
      var inner = context
      if let indentation { inner.indentation = (context.indentation ?? "") + indentation }
      render(context.inherited?[name] ?? defaultBody, inner, into: &out)
    case .partial(let name, let indentation, let overrides):
      guard let body = templates[name] else { return }
      var inner = context
      if let indentation { inner.indentation = (context.indentation ?? "") + indentation }
      if let overrides {
        // The outer template's overrides win, as in swift-mustache.
        inner.inherited = context.inherited?.merging(overrides) { outer, _ in outer } ?? overrides
      }
      render(body, inner, into: &out)
    }
  }

  /// Looks the first name up the context stack, innermost first, and the rest inside what it
  /// found; only dictionaries have children.
  private func lookup(_ path: [String], _ context: Context) -> TemplateValue? {
    if path.count == 1 && path[0] == "." { return context.stack.last }
    // Loops over indices: `reversed()` and `dropFirst()` each retained the array they walk, on
    // every one of a page's hundreds of lookups.
    let first = path[0]
    var found: TemplateValue?
    var n = context.stack.count
    while n > 0 {
      n -= 1
      if case .dict(let d) = context.stack[n], let v = d[first] {
        found = v
        break
      }
    }
    guard var value = found else { return nil }
    var k = 1
    while k < path.count {
      guard case .dict(let d) = value, let v = d[path[k]] else { return nil }
      value = v
      k += 1
    }
    return value
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

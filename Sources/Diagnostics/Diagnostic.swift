import Foundation

/// How bad a problem is. Errors fail a build or a check; warnings are reported and the build goes on.
public enum Severity: String, Sendable, Codable, Comparable {
  case warning
  case error

  public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// A position in a source file, 1-based as editors count. Columns count characters (grapheme
/// clusters), so a column in Japanese text points where the writer sees it.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int = 1, column: Int = 1) {
    self.file = file
    self.line = line
    self.column = column
  }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.file, a.line, a.column) < (b.file, b.line, b.column)
  }
}

/// One problem found in the input, collected rather than thrown so a writer sees every problem
/// of a run at once.
public struct Diagnostic: Sendable, Hashable, Codable {
  public var severity: Severity
  public var location: SourceLocation
  public var message: String
  /// How to fix it, in one sentence. Optional because some problems are self-explanatory.
  public var hint: String?
  /// A stable rule or error id (for example `front-matter.unknown-key` or `lint.sentence-length`),
  /// so CI and editors can filter and writers can silence a lint rule.
  public var code: String?
  /// The message and hint in Japanese, where they have been written (`ja(_:hint:)`): the
  /// writers of a Japanese site read them in Japanese when their computer is set to it
  /// (`MessageLanguage`); English stays the fallback and the form tools and tests read.
  public var japanese: Japanese?
  /// The changes that fix it, where there is exactly one way (`Fix`): usually one, one for
  /// each row of a table typed with full-width bars. Empty for the others.
  public var fixes: [Fix] = []

  /// A diagnostic's words in Japanese.
  public struct Japanese: Sendable, Hashable, Codable {
    public var message: String
    public var hint: String?

    public init(message: String, hint: String? = nil) {
      self.message = message
      self.hint = hint
    }
  }

  public init(
    _ severity: Severity, _ location: SourceLocation, _ message: String, hint: String? = nil,
    code: String? = nil
  ) {
    self.severity = severity
    self.location = location
    self.message = message
    self.hint = hint
    self.code = code
  }

  public static func error(
    _ location: SourceLocation, _ message: String, hint: String? = nil, code: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, location, message, hint: hint, code: code)
  }

  public static func warning(
    _ location: SourceLocation, _ message: String, hint: String? = nil, code: String? = nil
  ) -> Diagnostic {
    Diagnostic(.warning, location, message, hint: hint, code: code)
  }

  /// This diagnostic with its message and hint in Japanese too (without a Japanese hint, an
  /// English one is left out in Japanese rather than mixed in).
  public func ja(_ message: String, hint: String? = nil) -> Diagnostic {
    var d = self
    d.japanese = Japanese(message: message, hint: hint)
    return d
  }

  /// This diagnostic with its message and hint in `language` where it has them, else in
  /// English; the other language's words are dropped.
  public func localized(_ language: MessageLanguage) -> Diagnostic {
    var d = self
    if language == .japanese, let japanese {
      d.message = japanese.message
      d.hint = japanese.hint
    }
    d.japanese = nil
    return d
  }

  /// `file:line:column: error: message` — the form editors and CI annotate — with the hint on
  /// an indented second line.
  public var text: String { text(in: .english) }

  /// The same in `language`: the message and hint translated where they can be; the severity
  /// and the code stay as they are, as editors and CI read them.
  public func text(in language: MessageLanguage) -> String {
    let d = localized(language)
    var s =
      "\(Self.visible(location.file, keepingLines: false)):\(location.line):\(location.column): \(severity.rawValue): \(Self.visible(d.message))"
    if let code { s += " [\(code)]" }
    if let hint = d.hint { s += "\n    \(hintLabel(in: language)): \(Self.visible(hint))" }
    return s
  }

  /// What the hint's line starts with in `language`: 直し方 where the hint is in Japanese,
  /// `hint` where it is English (a diagnostic without Japanese words shows its English).
  public func hintLabel(in language: MessageLanguage) -> String {
    language == .japanese && japanese != nil ? "直し方" : "hint"
  }

  /// Control characters written as `\u{1B}`: a file name or a value holding an escape
  /// sequence would otherwise recolour or retitle the writer's terminal and CI's log, or hide
  /// what comes after it. Public for other output made of page text (`portal search`).
  public static func visible(_ text: String, keepingLines: Bool = true) -> String {
    func isControl(_ s: Unicode.Scalar) -> Bool {
      s.isInvisibleControl || (!keepingLines && s == "\n")
    }
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    for s in text.unicodeScalars {
      if isControl(s) {
        out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(s)
      }
    }
    return out
  }

  private enum CodingKeys: String, CodingKey {
    case severity, file, line, column, message, hint, code, japanese, fixes
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    severity = try c.decode(Severity.self, forKey: .severity)
    location = SourceLocation(
      file: try c.decode(String.self, forKey: .file), line: try c.decode(Int.self, forKey: .line),
      column: try c.decode(Int.self, forKey: .column))
    message = try c.decode(String.self, forKey: .message)
    hint = try c.decodeIfPresent(String.self, forKey: .hint)
    code = try c.decodeIfPresent(String.self, forKey: .code)
    japanese = try c.decodeIfPresent(Japanese.self, forKey: .japanese)
    fixes = try c.decodeIfPresent([Fix].self, forKey: .fixes) ?? []
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(severity, forKey: .severity)
    try c.encode(location.file, forKey: .file)
    try c.encode(location.line, forKey: .line)
    try c.encode(location.column, forKey: .column)
    try c.encode(message, forKey: .message)
    try c.encodeIfPresent(hint, forKey: .hint)
    try c.encodeIfPresent(code, forKey: .code)
    try c.encodeIfPresent(japanese, forKey: .japanese)
    if !fixes.isEmpty { try c.encode(fixes, forKey: .fixes) }
  }
}

extension Array where Element == Diagnostic {
  public var hasErrors: Bool { contains { $0.severity == .error } }
  public var errorCount: Int { count { $0.severity == .error } }
  public var warningCount: Int { count { $0.severity == .warning } }

  /// Sorted by file, line and column so output is stable whatever order stages ran in.
  public var sorted: [Diagnostic] {
    self.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
  }
}

/// A diagnostic can travel as an `Error` where one step has exactly one problem to report.
extension Diagnostic: Error {}

extension Unicode.Scalar {
  /// East Asian wide and full-width characters without Hangul: kana, kanji, CJK punctuation
  /// and symbols, full-width forms. A line break between two of them is no space in Japanese
  /// (in a paragraph, and in a front-matter value wrapped over lines).
  public var isEastAsianWide: Bool {
    switch value {
    case 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
      0xFE30...0xFE4F, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      true
    default:
      false
    }
  }

  /// `U+200B`: the code point as Unicode's charts write it (four hex digits at least), which is
  /// what a search for the character finds. One spelling for every diagnostic that names one.
  public var codePoint: String {
    let hex = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// A control character no reader sees: C0 but tab and line feed, DEL and C1; and the
  /// noncharacters (U+FFFE, U+FFFF, U+FDD0…U+FDEF and the last two of every plane), which XML
  /// does not allow: one in a title made both Atom feeds unreadable. Shown as `\u{…}` in
  /// diagnostics, refused in front-matter values.
  public var isInvisibleControl: Bool {
    (value < 0x20 && self != "\t" && self != "\n") || (0x7F...0x9F).contains(value)
      || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
  }
}

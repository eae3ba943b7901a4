import Diagnostics
import Foundation

/// The `check:` settings of `content/site.yml`, read with a small line reader for just this key
/// so the Check module needs no YAML library and does not depend on the content model:
///
///     check:
///       skip:
///         - "https://example.jp/*"
///
/// or in flow style, `check: { skip: ["https://example.jp/*"] }`.
public struct CheckConfiguration: Sendable, Hashable {
  public var skip: [String] = []

  public init(skip: [String] = []) { self.skip = skip }

  /// Reads `path`. A missing file gives the empty configuration (the check also works on a
  /// site without its sources).
  public static func load(_ path: URL) -> CheckConfiguration {
    guard let data = FileManager.default.contents(atPath: path.path) else {
      return CheckConfiguration()
    }
    return parse(String(decoding: data, as: UTF8.self))
  }

  public static func parse(_ yaml: String) -> CheckConfiguration {
    let lines = yaml.sourceLines.map(String.init)
    guard let start = lines.firstIndex(where: { $0.hasPrefix("check:") }) else {
      return CheckConfiguration()
    }
    var block = [String(lines[start].dropFirst("check:".count))]
    for line in lines[(start + 1)...] {
      if let first = line.first, first != " ", first != "\t", first != "#" { break }
      block.append(line)
    }
    let text = block.map(stripComment).joined(separator: "\n")
    return CheckConfiguration(skip: list(named: "skip", in: text))
  }

  /// The items of `name: [a, b]` or of a `name:` followed by `- item` lines.
  static func list(named name: String, in text: String) -> [String] {
    let chars = Array(text)
    let key = Array(name)
    var i = 0
    while i + key.count < chars.count {
      let before: Character? = i == 0 ? nil : chars[i - 1]
      if Array(chars[i..<(i + key.count)]) == key, before == nil || " \t\n{,".contains(before!) {
        var j = i + key.count
        while j < chars.count, chars[j] == " " { j += 1 }
        if j < chars.count, chars[j] == ":" {
          j += 1
          while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
          if j < chars.count, chars[j] == "[" { return flowItems(chars, from: j + 1) }
          return blockItems(String(chars[j...]))
        }
      }
      i += 1
    }
    return []
  }

  private static func flowItems(_ chars: [Character], from start: Int) -> [String] {
    var items: [String] = []
    var current = ""
    var quote: Character?
    var i = start
    while i < chars.count {
      let c = chars[i]
      if let q = quote {
        if c == q {
          if q == "'" && i + 1 < chars.count && chars[i + 1] == "'" {
            current.append("'")
            i += 1
          } else {
            quote = nil
          }
        } else if c == "\\" && q == "\"" && i + 1 < chars.count {
          current.append(chars[i + 1])
          i += 1
        } else {
          current.append(c)
        }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if c == "," || c == "]" {
        let item = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !item.isEmpty { items.append(item) }
        current = ""
        if c == "]" { break }
      } else {
        current.append(c)
      }
      i += 1
    }
    return items
  }

  private static func blockItems(_ rest: String) -> [String] {
    var items: [String] = []
    for (n, line) in rest.sourceLines.enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if n == 0 || trimmed.isEmpty { continue }
      guard trimmed.hasPrefix("-") else { break }
      let item = unquote(trimmed.dropFirst().trimmingCharacters(in: .whitespaces))
      if !item.isEmpty { items.append(item) }
    }
    return items
  }

  private static func unquote(_ s: String) -> String {
    guard s.count >= 2, let first = s.first, first == "\"" || first == "'", s.last == first else {
      return s
    }
    let inner = String(s.dropFirst().dropLast())
    return first == "'"
      ? inner.replacingOccurrences(of: "''", with: "'")
      : inner.replacingOccurrences(of: "\\\"", with: "\"")
  }

  /// Removes a ` # comment` outside quotes; `#` inside a URL is not a comment.
  private static func stripComment(_ line: String) -> String {
    var quote: Character?
    var previous: Character = " "
    for (offset, c) in line.enumerated() {
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if c == "#" && (previous == " " || previous == "\t") {
        return String(line.prefix(offset))
      }
      previous = c
    }
    return line
  }
}

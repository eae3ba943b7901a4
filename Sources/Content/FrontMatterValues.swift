import ByteFormats
import Yams

/// A text value of the front matter and where it is written, for checks that point into the
/// file (`portal lint` on a summary).
public struct FrontMatterValue: Equatable, Sendable {
  /// How the value is written: `a`, `'a'`, `"a"`, `|` (lines kept) or `>` (lines folded).
  public enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

  public var key: String
  /// The value as YAML reads it and the site shows it: escapes undone, lines folded.
  public var text: String
  /// 1-based line in the front matter where the text starts: the line of a plain or quoted
  /// value's first character, or a block's first line that is not blank.
  public var line: Int
  /// 1-based column in characters (not bytes or scalars) on `line`: after an opening quote,
  /// and at the block's indentation for `|` and `>`.
  public var column: Int
  public var style: Style
}

/// The front matter's text values read from Yams' parse, which is what the build reads, so
/// block (`|`, `>`), escaped and multi-line values are found as they are shown, and a key
/// nested in a mapping or list is not taken for a page's own.
public enum FrontMatterValues {
  /// Keys whose values are sentences residents read: the summary under the title in every
  /// list, search result and shared card, a glossary entry's short meaning, an event's way to
  /// apply and to get there.
  public static let sentenceKeys: Set<String> = ["summary", "short", "application", "access"]

  /// Keys whose values are names or short facts shown as plain text (a title, a glossary
  /// term in the page's h1 and title and its English name, an initiative's department, an
  /// event's place, fee, audience and accessibility items): only the Markdown and the
  /// invisible characters written in them are checked.
  public static let nameKeys: Set<String> = [
    "title", "term", "english", "department", "place", "fee", "audience", "accessibility",
    "hours", "links",
  ]

  /// Keys whose value is a list of texts, each item read as a value of its own.
  public static let listKeys: Set<String> = ["accessibility"]

  /// Keys whose value is a list of mappings, and the key of each mapping whose text the page
  /// shows (`links: [{title: くわしい資料, url: …}]`: the link's text).
  public static let itemTextKeys: [String: String] = ["links": "title"]

  /// The top-level string values of `keys` in `frontMatter`, and the strings of a list given
  /// for one, in written order; none when the front matter is not YAML (the build reports
  /// that), and none for mappings or empty values. An alias (`*a`) is its anchor's text where the anchor writes it, given once.
  public static func values(in frontMatter: String, keys: Set<String> = sentenceKeys)
    -> [FrontMatterValue]
  {
    // The encoding as the build passes it: Yams' default reads the process environment.
    guard let node = try? Yams.compose(yaml: frontMatter, .basic, .default, .utf8) else {
      return []
    }
    return values(of: node, in: frontMatter, keys: keys)
  }

  /// `values(of:in:keySets:)` of the node Yams composes from `frontMatter`.
  public static func values(in frontMatter: String, keySets: [Set<String>])
    -> [[FrontMatterValue]]
  {
    let node = try? Yams.compose(yaml: frontMatter, .basic, .default, .utf8)
    return values(of: node, in: frontMatter, keySets: keySets)
  }

  /// The values of each set of keys, from one node (the loader's, for `portal lint`): in one
  /// reading of the node for all the sets, but each set by itself where the text holds a `*`.
  /// `values` keeps one value of those found at one place (an alias, `*name`, is its anchor's
  /// node), so read together a `registration: *a` aliasing the summary was lost to the set that
  /// asked for it; where there is no `*` there is no alias, and no two keys share a place.
  public static func values(of node: Node?, in frontMatter: String, keySets: [Set<String>])
    -> [[FrontMatterValue]]
  {
    guard keySets.count > 1, !frontMatter.holdsByte(UInt8(ascii: "*")) else {
      return keySets.map { values(of: node, in: frontMatter, keys: $0) }
    }
    let all = values(of: node, in: frontMatter, keys: keySets.reduce([]) { $0.union($1) })
    return keySets.map { keys in all.filter { keys.contains($0.key) } }
  }

  /// `values(in:keys:)` of the node Yams composed from `frontMatter`.
  static func values(of node: Node?, in frontMatter: String, keys: Set<String>)
    -> [FrontMatterValue]
  {
    guard let node else { return [] }
    var lines = LineCharacters(YAMLSlips.lines(of: frontMatter))
    let placer = YAMLPlacer(frontMatter)
    var found: [FrontMatterValue] = []
    var places = Set<Int>()
    // A list's items each (`accessibility:`), placed at their own line.
    let scalars = entries(of: node).filter { keys.contains($0.key.string) }.flatMap {
      key, value -> [(Node.Scalar, Node)] in
      guard case .sequence(let items) = value else { return [(key, value)] }
      if let textKey = itemTextKeys[key.string] {
        return items.compactMap { item in
          entries(of: item).first { $0.key.string == textKey }.map { (key, $0.value) }
        }
      }
      return listKeys.contains(key.string) ? items.map { (key, $0) } : [(key, value)]
    }
    for (key, value) in scalars {
      guard case .scalar(let scalar) = value, !scalar.string.isEmpty, let mark = scalar.mark,
        let style = FrontMatterValue.Style(scalar.style),
        let start = start(
          of: style, at: placer.place(mark), lines: &lines,
          indent: (key.mark.map { placer.place($0).column } ?? 1) - 1)
      else { continue }
      // An alias is its anchor's node: the same text at the same place, checked once.
      guard places.insert(start.line << 32 | start.column).inserted else { continue }
      found.append(
        FrontMatterValue(
          key: key.string, text: scalar.string, line: start.line, column: start.column,
          style: style))
    }
    return found
  }

  /// The root mapping's entries with a scalar key, in written order (`YAMLComments` reads its
  /// keys here too).
  static func entries(of node: Node?) -> [(key: Node.Scalar, value: Node)] {
    guard case .mapping(let mapping) = node else { return [] }
    return mapping.compactMap { key, value in
      guard case .scalar(let scalar) = key else { return nil }
      return (scalar, value)
    }
  }

  /// Where the text of a value Yams marks at `place` starts. The mark is at an opening quote
  /// or block indicator, or at an anchor or tag before them, placed in the file's lines and
  /// characters by a `YAMLPlacer` (Yams counts scalars, and lines at U+2028 too).
  ///
  /// - Parameter indent: the key's indentation, which a block's `|2` counts from.
  static func start(
    of style: FrontMatterValue.Style, at place: YAMLMark, lines: inout LineCharacters,
    indent: Int
  ) -> (line: Int, column: Int)? {
    guard place.line >= 1, place.line <= lines.count else { return nil }
    var line = place.line - 1
    var chars = lines[line]
    var i = min(max(place.column - 1, 0), chars.count)
    // `&anchor` and `!tag` before the value; it may then start on the next line.
    while i < chars.count, chars[i] == "&" || chars[i] == "!" {
      while i < chars.count, chars[i] != " " && chars[i] != "\t" { i += 1 }
      while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
    }
    while i >= chars.count || chars[i] == "#" {
      line += 1
      guard line < lines.count else { return nil }
      chars = lines[line]
      i = chars.prefix { $0 == " " || $0 == "\t" }.count
    }
    switch style {
    case .plain: return (line + 1, i + 1)
    case .singleQuoted, .doubleQuoted: return (line + 1, i + 2)
    case .literal, .folded:
      // `|`, `|2`, `>-`, `|+1`: a digit gives the indentation; else the first line sets it.
      let digit = chars[(i + 1)...].prefix(2).first { $0.isASCII && $0.isNumber }
      let first = lines.text[(line + 1)...].firstIndex { text in
        text.contains { $0 != " " && $0 != "\t" }
      }
      guard let first else { return nil }
      let spaces = lines.text[first].prefix { $0 == " " }.count
      return (first + 1, digit?.wholeNumberValue.map { indent + $0 + 1 } ?? spaces + 1)
    }
  }
}

/// A front matter's lines, each as characters when read, the last one kept: the items of a
/// list written on one line (`accessibility: [a, b, …]`) are read on that line one after the
/// other, and 4,000 of them copied it 4,000 times (6.5 s of `portal lint`).
struct LineCharacters {
  let text: [Substring]
  private var last: (index: Int, characters: [Character])?

  init(_ text: [Substring]) { self.text = text }

  var count: Int { text.count }

  subscript(index: Int) -> [Character] {
    mutating get {
      if let last, last.index == index { return last.characters }
      let characters = Array(text[index])
      last = (index, characters)
      return characters
    }
  }
}

extension FrontMatterValue.Style {
  init?(_ style: Node.Scalar.Style) {
    switch style {
    case .plain: self = .plain
    case .singleQuoted: self = .singleQuoted
    case .doubleQuoted: self = .doubleQuoted
    case .literal: self = .literal
    case .folded: self = .folded
    case .any: return nil
    }
  }
}

/// Lines of Japanese (and mixed) text cut to fit a terminal, for the Japanese `--help`:
/// ArgumentParser wraps by counting characters, which puts twice as much Japanese on a line as
/// fits, and breaks only at spaces, which Japanese does not have.
enum TextWrap {
  /// The columns a terminal gives the text: two for a wide character (kanji, kana, full-width
  /// forms), one for the others.
  static func width(_ text: some StringProtocol) -> Int {
    text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
  }

  /// `text` padded with spaces to `columns` wide.
  static func padded(_ text: String, to columns: Int) -> String {
    text + String(repeating: " ", count: max(0, columns - width(text)))
  }

  /// `text` cut into lines at most `columns` wide: the first starts with `indent`, the others
  /// with `hanging`. A line given with `\n` stays a line of its own.
  static func lines(_ text: String, columns: Int = 80, indent: String = "", hanging: String = "")
    -> [String]
  {
    text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
      fill(units(of: paragraph), columns: columns, indent: indent, hanging: hanging)
    }
  }

  /// The pieces a line may break between: a line breaks at a space unless a closing mark
  /// follows it, or between two Japanese characters, after a closing mark and before an
  /// opening one, unless the second closes (、。）」) or the first opens (（「); Latin letters
  /// stay with what they touch (`8件`, `json`), so a list of them (`strategy・field・event`)
  /// breaks at its ・.
  private static func units(of text: Substring) -> [String] {
    var units: [String] = []
    var current = ""
    var previous: Character?
    for character in text {
      if character == " " {
        if !current.isEmpty { units.append(current) }
        units.append(" ")
        current = ""
        previous = nil
        continue
      }
      // A closing mark after a space (`｜ と ー、`) stays on the line before, with the space.
      if current.isEmpty, closing.contains(character), units.last == " ", units.count >= 2 {
        units.removeLast()
        current = units.removeLast() + " "
      }
      if let previous, !closing.contains(character), !openingMarks.contains(previous),
        (isWide(previous) && isWide(character)) || closing.contains(previous)
          || openingMarks.contains(character)
      {
        units.append(current)
        current = ""
      }
      current.append(character)
      previous = character
    }
    if !current.isEmpty { units.append(current) }
    return units
  }

  private static func fill(_ units: [String], columns: Int, indent: String, hanging: String)
    -> [String]
  {
    var lines: [String] = []
    var line = indent
    var used = width(indent)
    var empty = true
    var space = false
    for unit in units {
      if unit == " " {
        space = !empty
        continue
      }
      let needed = width(unit) + (space ? 1 : 0)
      if !empty, used + needed > columns {
        lines.append(line)
        line = hanging
        used = width(hanging)
        empty = true
        space = false
      }
      line += (space ? " " : "") + unit
      used += width(unit) + (space ? 1 : 0)
      empty = false
      space = false
    }
    lines.append(line)
    return lines
  }

  /// What no line starts with (JIS X 4051's 行頭禁則) and what none ends with (行末禁則).
  private static let closing: Set<Character> = [
    "、", "。", "，", "．", "）", "」", "』", "】", "〉", "》", "］", "〕", "｝", "〙", "〗", "・", "ー",
    "：", "；", "？", "！", "…", "‥", "々", "〜", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ",
    "ゎ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "ヮ", "ヵ", "ヶ",
  ]
  private static let openingMarks: Set<Character> = [
    "（", "「", "『", "【", "〈", "《", "［", "〔", "｛", "〘", "〖",
  ]

  private static func isWide(_ character: Character) -> Bool {
    character.unicodeScalars.first.map(isWide) ?? false
  }

  /// East Asian Wide and Fullwidth characters, as terminals draw them.
  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}

import Diagnostics
import Foundation
import Markdown

/// Tags as residents browse them: each tag has a page at `/tags/<tag>/`, so a tag is one
/// spelling however it was typed, and one that can be a folder of the site.
public enum Tags {
  static let code = "front-matter.tag"

  /// The tag a written one is: NFKC (full-width Latin letters and digits made half width,
  /// half-width katakana full width, so ＤＸ and DX are one tag), then trimmed.
  public static func name(_ written: String) -> String {
    if isItsOwnName(written) { return written }
    return written.nfkc.trimmingCharacters(
      in: .whitespacesAndNewlines)
  }

  /// Whether `written` is its own name, from its scalars alone: every one ASCII but controls,
  /// hiragana, katakana (ー and ・ too) or a CJK unified ideograph, none of which NFKC changes
  /// or joins to another (the combining marks of kana are none of them), and neither end a
  /// space. Nearly every tag is (子育て, DX): Foundation's NFKC and trimming were 3 % of
  /// loading 10,000 pages.
  static func isItsOwnName(_ written: String) -> Bool {
    guard let first = written.utf8.first, let last = written.utf8.last, first != 0x20, last != 0x20
    else { return false }
    return written.unicodeScalars.allSatisfy { u in
      switch u.value {
      case 0x20...0x7E, 0x3041...0x3096, 0x30A1...0x30FC, 0x4E00...0x9FFF: true
      default: false
      }
    }
  }

  /// What two spellings that differ only by letter case, by katakana or hiragana, or by a
  /// long-vowel mark share (コソダテ and こそだて, サーバー and サーバ): a second spelling of a
  /// tag already used makes a page no resident finds from the first.
  public static func likeness(_ name: String) -> String {
    var key = String.UnicodeScalarView()
    for u in name.lowercased().unicodeScalars where u.value != 0x30FC {
      let v = u.value
      key.append((0x30A1...0x30F6).contains(v) ? Unicode.Scalar(v - 0x60)! : u)
    }
    return String(key)
  }

  /// A tag written in kana alone, in hiragana (ボランティア → ぼらんてぃあ): its own reading,
  /// for 五十音 order.
  public static func kanaReading(_ name: String) -> String? {
    PageParser.hiraganaReading(name)
  }

  /// Why a tag cannot be a folder of the site (empty, a `/`, a leading `.`, …), as an error at
  /// the written tag; nil when it can.
  static func problem(_ name: String, written: String, at location: SourceLocation) -> Diagnostic? {
    mayHaveProblem(name) ? checkedProblem(name, written: written, at: location) : nil
  }

  /// `problem`, each check made.
  static func checkedProblem(_ name: String, written: String, at location: SourceLocation)
    -> Diagnostic?
  {
    func error(_ message: String, _ hint: String, ja: String, jaHint: String) -> Diagnostic {
      .error(location, message, hint: hint, code: code).ja(ja, hint: jaHint)
    }
    if name.isEmpty {
      return error(
        "a tag is empty",
        "write a word residents would look for, e.g. `tags: [子育て, 防災]`, or remove it",
        ja: "空のタグがあります", jaHint: "県民が探すときのことばを書くか（例：`tags: [子育て, 防災]`）、消してください")
    }
    if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
      return error(
        "the tag `\(written)` holds a tab or a line break, which cannot be in an address",
        "write the tag on one line without tabs",
        ja: "タグ `\(written)` に、アドレスに使えないタブか改行が入っています", jaHint: "タブを使わず、1行で書いてください")
    }
    // Split only when a comma is there: most tags have none, and every tag of every page
    // comes here.
    let parts =
      name.containsBytes(",") || name.containsBytes("、")
      ? name.split(whereSeparator: { ",、".contains($0) }).map {
        $0.trimmingCharacters(in: .whitespaces)
      } : [name]
    if parts.count > 1 {
      let list = "`tags: [\(parts.joined(separator: ", "))]`"
      return error(
        "the tag `\(written)` holds a comma: to YAML it is one tag, not \(parts.count)",
        "write several tags as a list: \(list)",
        ja: "タグ `\(written)` に読点かコンマがあり、\(parts.count)つではなく1つのタグになっています",
        jaHint: "いくつも書くときは、半角のコンマで区切って `[ ]` で囲みます: \(list)")
    }
    if name.contains("/") || name.contains("\\") {
      let mark = name.contains("/") ? "/" : "\\"
      let instead = name.replacingOccurrences(of: "/", with: "・").replacingOccurrences(
        of: "\\", with: "・")
      return error(
        "the tag `\(written)` holds `\(mark)`, which would split the address of its page",
        "write it without `\(mark)`, e.g. `\(instead)`",
        ja: "タグ `\(written)` に `\(mark)` があり、タグのページのアドレスが分かれてしまいます",
        jaHint: "`\(mark)` を使わずに書いてください（例：`\(instead)`）")
    }
    // Windows refuses these in a folder's name (full-width ？ and ： are them after NFKC): the
    // site is built and copied on writers' computers too.
    if let mark = name.first(where: { "<>:\"|?*".contains($0) }) {
      let instead = name.filter { !"<>:\"|?*".contains($0) }
      let example = instead.isEmpty ? "" : " (e.g. `\(instead)`)"
      return error(
        "the tag `\(written)` holds `\(mark)`, which cannot be in the name of its page's folder on Windows",
        "write it without `\(mark)`\(example)",
        ja: "タグ `\(written)` には、Windows でタグのページのフォルダー名に使えない `\(mark)` があります",
        jaHint: "`\(mark)` を使わずに書いてください" + (instead.isEmpty ? "" : "（例：`\(instead)`）"))
    }
    if name.hasPrefix(".") || name.hasSuffix(".") {
      let instead = String(name.drop { $0 == "." }.reversed().drop { $0 == "." }.reversed())
      let example = instead.isEmpty ? "" : "e.g. `\(instead)`"
      return error(
        "the tag `\(written)` starts or ends with `.`: its page's folder would be hidden or lose the `.`",
        "write it without the `.` at its start or end" + (example.isEmpty ? "" : ", \(example)"),
        ja: "タグ `\(written)` は `.` で始まるか終わっているため、タグのページのフォルダーが使えません",
        jaHint: "最初と最後の `.` を取って書いてください" + (instead.isEmpty ? "" : "（例：`\(instead)`）"))
    }
    if name == "index.html" {
      return error(
        "the tag `\(written)` is the name of the file of the list of tags",
        "write another word for it",
        ja: "タグ `\(written)` は、タグの一覧のファイルの名前と同じです", jaHint: "別のことばで書いてください")
    }
    // A folder's name is at most 255 bytes on the computers sites are served from.
    if name.utf8.count > 255 {
      return error(
        "the tag `\(written.prefix(20))…` is too long to be an address (\(name.count) characters)",
        "a tag is a word residents look for: write a short one",
        ja: "タグ `\(written.prefix(20))…` は長すぎて、アドレスになりません（\(name.count)文字）",
        jaHint: "タグは、県民が探すときのことばです。短く書いてください")
    }
    return nil
  }
}

extension Tags {
  /// Whether `problem` can find one in `name`, from its bytes: false only when none of what
  /// it looks for is there (a control character, a comma or 、, `/`, `\`, a mark Windows
  /// refuses, a `.` at either end, `index.html`, more than 255 bytes, nothing). Every tag of
  /// every page is asked, and looking at its characters for each was 2 % of loading.
  static func mayHaveProblem(_ name: String) -> Bool {
    let utf8 = name.utf8
    guard let first = utf8.first, let last = utf8.last, utf8.count <= 255,
      first != UInt8(ascii: "."), last != UInt8(ascii: ".")
    else { return true }
    var (p2, p1): (UInt8, UInt8) = (0, 0)  // the bytes before this one
    for b in utf8 {
      switch b {
      case 0..<0x20, 0x7F, 0xC2: return true
      case UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "<"),
        UInt8(ascii: ">"), UInt8(ascii: ":"), UInt8(ascii: "\""), UInt8(ascii: "|"),
        UInt8(ascii: "?"), UInt8(ascii: "*"):
        return true
      case 0x81 where p2 == 0xE3 && p1 == 0x80: return true  // 、
      default: break
      }
      (p2, p1) = (p1, b)
    }
    return name == "index.html"
  }
}

extension Tags {
  /// `高齢者 学び`: the words of a tag parted by a space with Japanese on both sides (the
  /// comma forgotten; Japanese puts no space between words), or nil. A tag of Latin words
  /// (`Smart City`) keeps its spaces.
  ///
  /// Words each marked as a list's item or a hashtag (`・子育て ・防災`, `#DX #AI`) are words
  /// apart whatever their script, given without their marks.
  static func spacedWords(_ name: String) -> [String]? {
    guard name.containsBytes(" ") else { return nil }
    let typed = name.split(separator: " ").map(String.init)
    guard typed.count > 1 else { return nil }
    let words = typed.map { withoutMarks($0) ?? $0 }
    // The first may have lost its mark already (the tag is read without it).
    if typed.dropFirst().allSatisfy({ withoutMarks($0) != nil }) { return words }
    for (a, b) in zip(words, words.dropFirst()) {
      guard let end = a.unicodeScalars.last, let start = b.unicodeScalars.first,
        !end.isASCII, !start.isASCII
      else { return nil }
    }
    return words
  }
}

extension PageParser {
  /// `tags`, each as its page knows it (`Tags.name`) and once, with where it was written; a
  /// tag that cannot be a folder of the site is an error there and left out.
  static func tags(_ y: inout YAMLFields) -> (names: [String], places: [Reference]) {
    var names: [String] = []
    var seen: Set<String> = []
    var places: [Reference] = []
    for (written, mark) in y.stringList("tags", example: "[子育て, 防災]") ?? [] {
      let at = y.location(mark)
      let normal = Tags.name(written)
      let bare = Tags.withoutMarks(normal)
      let name = bare ?? normal
      let spaced = Tags.spacedWords(name)
      // `・子育て ・防災` (a list on one line) is told as words apart, below.
      if let bare, spaced == nil {
        y.diagnostics.append(strayTagMarks(written, name: bare, at: at))
      }
      if let problem = Tags.problem(name, written: written, at: at) {
        y.diagnostics.append(problem)
        continue
      }
      if let words = spaced {
        let list = "`tags: [\(words.joined(separator: ", "))]`"
        y.diagnostics.append(
          .warning(
            at, "the tag `\(written)` has a space between Japanese words: to YAML it is one tag",
            hint: "if they are \(words.count) tags, write them with half-width commas: \(list)",
            code: Tags.code
          ).ja(
            "タグ `\(written)` は、ことばの間に空白があり、1つのタグになっています",
            hint: "\(words.count)つのタグなら、半角のコンマで区切ります: \(list)"))
      }
      guard seen.insert(name).inserted else { continue }
      names.append(name)
      // A tag read without its marks is compared with the others' spellings so (・高齢者 is
      // 高齢者 written with a bullet, warned above, not a second spelling of it).
      places.append(Reference(id: bare == nil ? written : name, line: at.line, column: at.column))
    }
    return (names, places)
  }
}

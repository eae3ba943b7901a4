import ByteFormats
import Yams

/// ` #` starts a comment in YAML, so `title: 第2回 #DX 説明会` published 「第2回」 and
/// `title: #1 …` had no title at all, with no word about the `#`. Keys holding sentences
/// (a title, a summary, a place) are read for it; ids, dates and lists keep their comments,
/// which `portal new` itself writes after them.
enum YAMLComments {
  static let textKeys: Set<String> = FrontMatterValues.sentenceKeys.union([
    "title", "term", "english", "department", "place", "fee", "audience",
  ])

  /// Each sentence key whose plain (unquoted) value a `#` cuts short, with the problem.
  ///
  /// - Parameter node: `text` as parsed: its top-level keys are the ones read (as
  ///   `FrontMatterValues` reads them), each on its own line when written unquoted from the
  ///   line's start, so a line inside a value that looks like `title: …` is not one.
  static func cutValues(in text: String, node: Node?) -> [(
    key: String, problem: YAMLProblem, empty: Bool
  )] {
    var found: [(key: String, problem: YAMLProblem, empty: Bool)] = []
    // Most front matters have no `#` at all: not split in lines (by characters) for nothing.
    guard text.holdsByte(UInt8(ascii: "#")) else { return found }
    let lines = YAMLSlips.lines(of: text)
    let placer = YAMLPlacer(text)
    for (keyNode, _) in FrontMatterValues.entries(of: node) {
      // Placed in the file's lines: Yams counts a line at U+2028 too.
      guard keyNode.style == .plain, textKeys.contains(keyNode.string),
        let mark = keyNode.mark.map(placer.place), mark.column == 1,
        mark.line <= lines.count
      else { continue }
      let n = mark.line - 1
      let line = lines[n]
      guard let colon = line.firstIndex(of: ":"), line[..<colon] == keyNode.string,
        line[line.index(after: colon)...].first == " "
      else { continue }
      let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
      guard let first = value.first, !"\"'[{|>".contains(first) else { continue }
      // A comment starts at a `#` that opens the value or follows white space.
      var previous: Character = " "
      for i in value.indices {
        if value[i] == "#", previous == " " || previous == "\t" {
          let key = line[..<colon]
          let kept = String(value[..<i]).trimmingSpacesAndNewlines
          let column = line.distance(from: line.startIndex, to: i) + 1
          found.append(
            (
              String(key),
              YAMLProblem(
                line: n + 1, column: column,
                message: kept.isEmpty
                  ? "`\(key)` is empty: ` #` starts a comment in YAML, so `\(value)` is not its value"
                  : "only `\(kept)` is the \(key): ` #` starts a comment in YAML, so `\(value[i...])` is left out",
                hint: "put the whole value in quotes: `\(key): \"\(value)\"`",
                ja: kept.isEmpty
                  ? "`\(key)` の値が空になっています。YAML では ` #` から後がコメントになるため、`\(value)` は値になりません"
                  : "`\(key)` の値が `\(kept)` だけになっています。YAML では ` #` から後がコメントになるため、`\(value[i...])` が抜けます",
                jaHint: "値全体を `\"` で囲んでください：`\(key): \"\(value)\"`",
                code: "front-matter.comment"), kept.isEmpty
            ))
          break
        }
        previous = value[i]
      }
    }
    return found
  }
}

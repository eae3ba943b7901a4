import ByteFormats
import Diagnostics
import Foundation
import Yams

/// Parses YAML text into a node tree with positions, turning Yams' errors into diagnostics.
///
/// - Parameters:
///   - repairs: those made to `text` (`YAMLSlips.repairedSlips`): a diagnostic names the
///     column the writer typed.
///   - frontMatter: false for site.yml, which has no closing `---` to move a page's text below.
func parseYAML(
  _ text: String, file: String, lineOffset: Int, repairs: YAMLRepairs = .none,
  frontMatter: Bool = true
) -> Result<Node?, Diagnostic> {
  func failure(_ problem: YAMLProblem) -> Result<Node?, Diagnostic> {
    .failure(problem.diagnostic(file: file, lineOffset: lineOffset, repairs: repairs))
  }
  // A zero-width space in a key or an id is valid YAML, read as part of it.
  if YAMLSlips.mayHoldInvisible(text), let slip = YAMLSlips.firstSlip(in: text) {
    return failure(slip)
  }
  do {
    // An explicit encoding: Yams' default reads the whole process environment on every call,
    // which cost more than parsing small front matters.
    // The usual shape is composed without libyaml (`YAMLQuick`); anything else, and every
    // problem, goes to Yams.
    let node = try YAMLQuick.compose(text) ?? Yams.compose(yaml: text, .basic, .default, .utf8)
    // `title：テスト` alone is valid YAML, a plain value where a mapping was meant.
    if case .scalar = node, let slip = YAMLSlips.firstSlip(in: text) { return failure(slip) }
    if let slip = YAMLSlips.droppedTag(in: text) { return failure(slip) }
    if let stray = YAMLSlips.keyOfSyntax(
      in: text, lineOffset: lineOffset, frontMatter: frontMatter)
    {
      return failure(stray)
    }
    // `- a` then `  - b`: valid YAML, the one value `a - b`, where two items were meant.
    if let slip = YAMLSlips.misalignedItem(in: text) { return failure(slip) }
    // `tags:` then `  ・仕事`: valid YAML, the one text `・仕事 ・学び`, where a list was meant.
    if let slip = YAMLSlips.bulletItem(in: text) { return failure(slip) }
    // Values are never larger than the text that writes them, unless aliases repeat them: a
    // 100 KB value used 2,000 times through `*x` took gigabytes and made a 200 MB page.
    // Without a `*` there is no alias, and the values are at most 1.5 times the text (the
    // escapes `\L` and `\P`, two bytes for three): the tree is not walked (5 % of loading).
    let limit = max(4 * text.utf8.count, 4096)
    if let node, text.holdsByte(UInt8(ascii: "*")), expandedSize(node, limit: limit) > limit {
      let (line, column) = firstAlias(in: text) ?? (1, 1)
      return .failure(
        .error(
          SourceLocation(
            file: file, line: line + lineOffset - 1,
            column: repairs.column(column, onLine: line)),
          "YAML aliases (`*name`) repeat values here into more than \(limit / 1024) KB, from \(text.utf8.count) bytes of \(frontMatter ? "front matter" : "YAML")",
          hint: "write each value out instead of using `&anchor` and `*alias`",
          code: "front-matter.yaml"
        ).ja(
          "YAML のエイリアス（`*name`）が値をくり返し、\(text.utf8.count)バイトの\(frontMatter ? "前付け" : " YAML ")から \(limit / 1024) KB より多い値ができています",
          hint: "`&anchor` と `*alias` を使わず、値を1つずつ書いてください"))
    }
    return .success(node)
  } catch let error as YamlError {
    return failure(
      YAMLSlips.explain(error, in: text, lineOffset: lineOffset, frontMatter: frontMatter))
  } catch {
    return .failure(
      .error(
        SourceLocation(file: file, line: lineOffset, column: 1),
        "the front matter could not be read: \(error)", code: "front-matter.yaml"
      ).ja("前付けを読めませんでした: \(error)"))
  }
}

/// The bytes of every scalar of `node`, an alias counted each time it is used; stops counting
/// past `limit` (the count is what costs, not the values, which aliases share).
func expandedSize(_ node: Node, limit: Int) -> Int {
  var total = 0
  var pending = [node]
  while let n = pending.popLast(), total <= limit {
    switch n {
    case .scalar(let s): total += s.string.utf8.count
    case .mapping(let m):
      for (k, v) in m {
        pending.append(k)
        pending.append(v)
      }
    case .sequence(let s): pending.append(contentsOf: s)
    case .alias: break
    }
  }
  return total
}

/// Where the first alias (`*name` as a value) is written, 1-based, the column in characters.
func firstAlias(in text: String) -> (line: Int, column: Int)? {
  for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
    let characters = Array(line)
    for (j, c) in characters.enumerated() where c == "*" && j + 1 < characters.count {
      let before = j == 0 ? " " : characters[j - 1]
      if " [,:-{".contains(before), !characters[j + 1].isWhitespace {
        return (i + 1, j + 1)
      }
    }
  }
  return nil
}

import Diagnostics

/// Applies the lint's certain fixes to a file's text, for `portal lint --fix`. Everything but
/// the characters a fix names is kept byte for byte: a BOM, CR LF or CR line ends, the other
/// lines. A problem's changes are applied all or none: one whose characters are not where it
/// says (the file edited since it was read, a YAML escape, markup between the characters) or
/// that overlaps a change applied before leaves the problem as it is, and the lint after it
/// still reports it.
public enum FixApplier {
  public struct Outcome: Sendable {
    public var text: String
    /// The indexes in the list given of the problems fixed, and of those left as they were.
    public var applied: [Int]
    public var skipped: [Int]
  }

  /// `problems` holds each problem's changes (a diagnostic's `fixes`), in any order.
  public static func apply(_ problems: [[Fix]], to original: String) -> Outcome {
    var scalars = Substring(original).unicodeScalars[...]
    var bom = ""
    if scalars.first == "\u{FEFF}" {
      bom = "\u{FEFF}"
      scalars = scalars.dropFirst()
    }
    let lines = Self.lines(String(String.UnicodeScalarView(scalars)))
    var characters: [Int: [Character]] = [:]
    /// Per line, the character ranges changed so far.
    var taken: [Int: [Range<Int>]] = [:]
    var accepted: [Fix] = []
    // In the order of their first change, so which of two overlapping ones is applied does
    // not depend on the order the rules ran in; the same changes twice are one problem.
    var first: [[Fix]: Int] = [:]
    for (i, p) in problems.enumerated() where !p.isEmpty && first[p] == nil { first[p] = i }
    let ordered = first.sorted { x, y in
      let (a, b) = (x.key, y.key)
      return (a[0].line, a[0].column, a.count, a[0].expected, a[0].replacement, x.value)
        < (b[0].line, b[0].column, b.count, b[0].expected, b[0].replacement, y.value)
    }
    var fixed: Set<[Fix]> = []
    for (problem, _) in ordered {
      var ranges: [(line: Int, range: Range<Int>)] = []
      for fix in problem {
        guard fix.line >= 1, fix.line <= lines.count else { break }
        if characters[fix.line] == nil { characters[fix.line] = Array(lines[fix.line - 1].text) }
        let line = characters[fix.line]!
        let expected = Array(fix.expected)
        let range = (fix.column - 1)..<(fix.column - 1 + expected.count)
        guard range.lowerBound >= 0, range.upperBound <= line.count,
          zip(line[range], expected).allSatisfy({
            $0.unicodeScalars.elementsEqual($1.unicodeScalars)
          }),
          !(taken[fix.line] ?? []).contains(where: { $0.overlaps(range) }),
          !ranges.contains(where: { $0.line == fix.line && $0.range.overlaps(range) })
        else { break }
        ranges.append((fix.line, range))
      }
      guard ranges.count == problem.count else { continue }
      for r in ranges { taken[r.line, default: []].append(r.range) }
      accepted += problem
      fixed.insert(problem)
    }
    // Applied from the end of each line, so the columns before stay true.
    for (number, fixes) in Dictionary(grouping: accepted, by: \.line) {
      var line = characters[number]!
      for fix in fixes.sorted(by: { $0.column > $1.column }) {
        let start = fix.column - 1
        line.replaceSubrange(start..<(start + fix.expected.count), with: Array(fix.replacement))
      }
      characters[number] = line
    }
    var text = bom
    for (i, line) in lines.enumerated() {
      text += characters[i + 1].map { String($0) } ?? line.text
      text += line.ending
    }
    let given = problems.indices.filter { !problems[$0].isEmpty }
    return Outcome(
      text: text, applied: given.filter { fixed.contains(problems[$0]) },
      skipped: given.filter { !fixed.contains(problems[$0]) })
  }

  /// A fix's text to print: an invisible character written as its code point (`U+200B`), so
  /// the writer sees what was taken out.
  public static func shown(_ text: String) -> String {
    var out = ""
    for s in text.unicodeScalars {
      if InvisibleCharacter.kind(s) != nil || s.isInvisibleControl {
        out += "<\(s.codePoint)>"
      } else {
        out.unicodeScalars.append(s)
      }
    }
    return out
  }

  /// The lines of `text` with their ends as written (`\n`, `\r\n`, `\r`, or none for the
  /// last), split where the loader splits them, so line numbers agree with the lint's.
  static func lines(_ text: String) -> [(text: String, ending: String)] {
    var result: [(text: String, ending: String)] = []
    var line = String.UnicodeScalarView()
    var iterator = text.unicodeScalars.makeIterator()
    var pending = iterator.next()
    while let s = pending {
      pending = iterator.next()
      switch s {
      case "\n":
        result.append((String(line), "\n"))
        line = String.UnicodeScalarView()
      case "\r":
        if pending == "\n" {
          result.append((String(line), "\r\n"))
          pending = iterator.next()
        } else {
          result.append((String(line), "\r"))
        }
        line = String.UnicodeScalarView()
      default:
        line.append(s)
      }
    }
    result.append((String(line), ""))
    return result
  }
}

import Diagnostics

/// Silencing comments in the body. HTML comments never reach the reader (cmark-gfm drops or keeps
/// them as comments), so they are a safe place to say "this is on purpose":
///
///     長い文。<!-- lint-disable-line lint.sentence-length -->
///     <!-- lint-disable-next-line lint.kanji-run lint.katakana-word -->
///     ![](line.png) <!-- decorative -->
///
/// Without rule ids a comment silences every rule on its line. `decorative` says an image has
/// no alternative text on purpose.
struct Directives {
  /// File line → silenced rule ids; nil silences every rule on that line.
  private var silenced: [Int: Set<String>?] = [:]
  /// Comments naming rules that do not exist: a typo must not silently silence nothing.
  private(set) var problems: [Diagnostic] = []

  init(_ source: SourceText, knownRules: [String]) {
    for (index, text) in source.lineTexts.enumerated()
    where text.utf8.contains(UInt8(ascii: "<")) {
      let fileLine = index + 1 + source.lineOffset
      for (column, inner) in Self.comments(in: LintCharacter.array(text)) {
        var words = inner.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        guard let command = words.first else { continue }
        words.removeFirst()
        let target: Int
        switch command {
        case "lint-disable-line": target = fileLine
        case "lint-disable-next-line": target = fileLine + 1
        case "decorative":
          add(["lint.image-alt"], to: fileLine)
          continue
        default: continue
        }
        var ids: [String] = []
        for word in words {
          let id = word.hasPrefix("lint.") ? word : "lint." + word
          if knownRules.contains(id) {
            ids.append(id)
          } else {
            let guess = Suggest.closest(to: id, in: knownRules)
            problems.append(
              .warning(
                SourceLocation(file: source.file, line: fileLine, column: column),
                "`\(word)` in this comment is not a lint rule, so it silences nothing",
                hint: (guess.map { "did you mean `\($0)`? " } ?? "")
                  + "`portal lint --list-rules` lists every rule",
                code: "lint.unknown-rule"
              ).ja(
                "このコメントの `\(word)` は lint の規則の名前ではないため、どの警告も止めません",
                hint: (guess.map { "`\($0)` の間違いではありませんか。" } ?? "")
                  + "すべての規則は `portal lint --list-rules` で確かめられます"))
          }
        }
        if words.isEmpty {
          silenced[target] = .some(nil)
        } else if !ids.isEmpty {
          add(ids, to: target)
        }
      }
    }
  }

  private mutating func add(_ ids: [String], to line: Int) {
    switch silenced[line] {
    case .some(nil): return
    case .some(.some(let existing)): silenced[line] = .some(existing.union(ids))
    case nil: silenced[line] = .some(Set(ids))
    }
  }

  /// Whether a warning is silenced by a comment on its line or the line before.
  func silences(_ diagnostic: Diagnostic) -> Bool {
    guard let entry = silenced[diagnostic.location.line] else { return false }
    guard let ids = entry else { return true }
    return diagnostic.code.map(ids.contains) ?? false
  }

  /// `<!-- … -->` comments of one line: the 1-based column of each and its trimmed content.
  static func comments(in line: [LintCharacter]) -> [(Int, Substring)] {
    var result: [(Int, Substring)] = []
    var i = 0
    let open: [LintCharacter] = ["<", "!", "-", "-"]
    let close: [LintCharacter] = ["-", "-", ">"]
    while i < line.count {
      guard line.hasPrefix(open, at: i) else {
        i += 1
        continue
      }
      var j = i + open.count
      while j < line.count, !line.hasPrefix(close, at: j) { j += 1 }
      guard j < line.count else { break }
      let inner = line.string((i + open.count)..<j)
      result.append((i + 1, Substring(inner).trimmingWhitespace))
      i = j + close.count
    }
    return result
  }
}

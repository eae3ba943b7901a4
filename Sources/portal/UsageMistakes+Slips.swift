import ArgumentParser
import Diagnostics
import Foundation

/// Slips whose cause ArgumentParser cannot see, so its message points elsewhere: `-output`
/// typed with one dash (as Hugo and Go tools take it) is read as the short options `-o -u …`
/// and reported as "Unknown option '-u'"; `portal new 防災の取組` reads the title as the kind
/// and says the title is missing.
extension UsageMistakes {
  /// - Parameter usage: ArgumentParser's English usage lines for the command (from `Usage:`).
  static func slip(
    _ mistake: ParserMistake?, arguments: [String], in type: ParsableCommand.Type,
    usage: [String]
  ) -> String? {
    let info = CommandInfo.of(type)
    if let (typed, meant) = oneDash(arguments, in: info) {
      let shorts = info.shown.flatMap(\.spelledNames).filter { !$0.hasPrefix("--") }
      return compose(
        type, usage,
        english: "`\(typed)` is written with one dash",
        help:
          "write `\(meant)`, with two dashes (one dash is for the short forms: \(shorts.joined(separator: ", ")))",
        japanese: "`\(typed)` のダッシュ（-）が一つです",
        fix:
          "`\(meant)` と、ダッシュを二つ書いてください（ダッシュ一つは \(shorts.joined(separator: "・")) のような短い形のときです）"
      )
    }
    if ObjectIdentifier(type) == ObjectIdentifier(SearchCommand.self),
      let word = dashQuery(mistake, arguments: arguments, in: info)
    {
      let written = word.contains(" ") ? "'\(word)'" : word
      return compose(
        type, usage,
        english: "`\(word)` is no option of `portal search`",
        help:
          "to search for words that begin with a dash, put `--` before them: `portal search -- \(written)`",
        japanese: "`\(word)` は portal search のオプションではありません",
        fix:
          "ダッシュ（-）で始まる言葉を探すときは、その前に `--` を書いてください：`portal search -- \(written)`"
      )
    }
    if ObjectIdentifier(type) == ObjectIdentifier(NewCommand.self),
      mistake == .missingArgument("<title>"), let word = firstPositional(arguments.dropFirst()),
      NewKind(name: word) == nil
    {
      return kindMissing(word, usage: usage)
    }
    return nil
  }

  /// A word typed with one dash that is one of the command's long options (`-output`,
  /// `-port=8080`), before `--` (after which words are values).
  static func oneDash(_ arguments: [String], in info: CommandInfo) -> (String, String)? {
    let longs = Set(info.shown.flatMap(\.spelledNames).filter { $0.hasPrefix("--") })
    for word in arguments.prefix(while: { $0 != "--" }) {
      let half = halfWidthName(word)
      guard half.hasPrefix("-"), !half.hasPrefix("--"), half.count > 2 else { continue }
      let name = "-" + half.prefix { $0 != "=" }
      if longs.contains(name) { return (word, name) }
    }
    return nil
  }

  /// A word of `portal search` that begins with a dash and is no option, nor a few typos from
  /// one (`-a`, `-DX`), when it is all that was typed: the words looked for, which
  /// ArgumentParser reads as options and then says the query is missing. Before `--`, after
  /// which words are the query's.
  static func dashQuery(
    _ mistake: ParserMistake?, arguments: [String], in info: CommandInfo
  ) -> String? {
    // Only with no query besides: after one (`防災 -n 3`) the dash word is likelier an option
    // mistyped than words to look for.
    guard mistake == .missingArgument("<query>") else { return nil }
    let known = Set(info.shown.flatMap(\.spelledNames) + ["-h", "--help"])
    return arguments.prefix { $0 != "--" }.first { word in
      let half = halfWidthName(word)
      return half.count > 1 && half.hasPrefix("-")
        && !known.contains(String(half.prefix { $0 != "=" }))
        && optionMeant(word, in: info) == nil
    }
  }

  /// The first argument of `portal new` that is not an option or an option's value.
  private static func firstPositional(_ words: ArraySlice<String>) -> String? {
    var skipNext = false
    for word in words {
      if skipNext {
        skipNext = false
      } else if word.hasPrefix("-") {
        skipNext = !word.contains("=")
      } else {
        return word
      }
    }
    return nil
  }

  /// `portal new 防災の取組`: a title alone (or a kind mistyped with no title after it).
  private static func kindMissing(_ word: String, usage: [String]) -> String {
    let kinds = NewKind.allCases.map(\.rawValue)
    let names = NewKind.allCases.map(\.japaneseName)
    let guess = Suggest.closest(to: word, in: kinds)
    let guessJa = Suggest.closest(to: word, in: names + kinds)
    let example = { (kind: String?, title: String) in
      let slug = "my-" + (kind.flatMap(NewKind.init(name:)) ?? .initiative).rawValue
      return "portal new \(kind ?? "initiative") \"\(title)\" --slug \(slug)"
    }
    guard guess != nil || guessJa != nil else {
      return compose(
        NewCommand.self, usage,
        english: "the kind of page is missing before the title `\(word)`",
        help:
          "write the kind first: \(example(nil, word)) (the kinds: \(kinds.joined(separator: ", ")))",
        japanese: "題名 `\(word)` の前に、ページの種類がありません",
        fix:
          "種類を先に書いてください（例：\(example(nil, word))）。種類は \(names.joined(separator: "・")) のどれかです"
      )
    }
    return compose(
      NewCommand.self, usage,
      english: "there is no kind `\(word)`, and the title is missing",
      help: "did you mean `\(guess ?? guessJa!)`? "
        + "write the kind, then the title: \(example(guess ?? guessJa, "タイトル"))",
      japanese: "`\(word)` という種類はなく、題名もありません",
      fix: (guessJa.map { "`\($0)` のまちがいではありませんか。" } ?? "")
        + "種類、題名の順に書いてください（例：\(example(guessJa ?? "initiative", "タイトル"))）"
    )
  }

  /// `Error:`, `Help:`/`直し方:` and the command's usage lines, in the writer's language.
  private static func compose(
    _ type: ParsableCommand.Type, _ usage: [String], english: String, help: String,
    japanese: String, fix: String
  ) -> String {
    if MessageLanguage.current == .japanese {
      return "Error: \(japanese)\n直し方: \(fix)\n" + japaneseUsage(of: type)
    }
    return (["Error: \(english)", "Help: \(help)"] + usage).joined(separator: "\n")
  }
}

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
    // An option mistyped with nothing else after it (`portal search --jsno`): ArgumentParser
    // says the argument is missing; the option meant is the mistake to name.
    if case .missingArgument = mistake, let word = nearOption(arguments, in: info) {
      if MessageLanguage.current == .japanese { return japanese(.unknownOption(word), in: type) }
      let help =
        englishHelp(.unknownOption(word), in: info, command: PortalCommands.path(of: type))
        ?? "see the options with `\(PortalCommands.path(of: type)) --help`"
      return (["Error: Unknown option '\(word)'", "Help: \(help)"] + usage).joined(separator: "\n")
    }
    if ObjectIdentifier(type) == ObjectIdentifier(SearchCommand.self),
      let words = dashQuery(mistake, arguments: arguments, in: info)
    {
      let line =
        "portal search "
        + (words.options + ["--"] + words.query).map(shellQuoted).joined(
          separator: " ")
      let word = words.query[0]
      return compose(
        type, usage,
        english: "`\(word)` is no option of `portal search`",
        help: "to search for words that begin with a dash, put `--` before them: `\(line)`",
        japanese: "`\(word)` は portal search のオプションではありません",
        fix: "ダッシュ（-）で始まる言葉を探すときは、その前に `--` を書いてください：`\(line)`"
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

  /// The words of `portal search` typed with no query but words that begin with a dash and
  /// are no option, nor a few typos from one (`-a`, `-DX`): the words looked for, which
  /// ArgumentParser reads as options and then says the query is missing. Returned as the line
  /// that searches for them: the options typed (with their values), then those words, which
  /// go after `--`. Before a `--` typed already, after which words are the query's.
  static func dashQuery(
    _ mistake: ParserMistake?, arguments: [String], in info: CommandInfo
  ) -> (options: [String], query: [String])? {
    // Only with no query besides: after one (`防災 -n 3`) the dash word is likelier an option
    // mistyped than words to look for.
    guard mistake == .missingArgument("<query>") else { return nil }
    let known = info.typedNames
    let takesValue = Set(
      info.shown.filter { $0.kind == "option" }.flatMap(\.spelledNames))
    var (options, query) = ([String](), [String]())
    var value = false
    let typed = arguments.first == "search" ? arguments.dropFirst() : arguments[...]
    for word in typed.prefix(while: { $0 != "--" }) {
      let half = halfWidthName(word)
      let name = String(half.prefix { $0 != "=" })
      if value {
        options.append(word)
        value = false
      } else if known.contains(name) {
        options.append(word)
        value = takesValue.contains(name) && !half.contains("=")
      } else if half.count > 1, half.hasPrefix("-"), optionMeant(word, in: info) == nil {
        query.append(word)
      } else {
        return nil
      }
    }
    return query.isEmpty ? nil : (options, query)
  }

  /// A word typed as an option that is none but a few typos from one (`--jsno`), or another
  /// tool's name for one (`-n`), before `--`.
  static func nearOption(_ arguments: [String], in info: CommandInfo) -> String? {
    let known = info.typedNames
    return arguments.prefix { $0 != "--" }.first { word in
      let half = halfWidthName(word)
      guard half.hasPrefix("-"), !known.contains(String(half.prefix { $0 != "=" })) else {
        return false
      }
      return optionMeant(word, in: info) != nil
    }
  }

  /// `word` as a POSIX shell reads it back: as it is when it holds only letters, digits,
  /// characters beyond ASCII and `-_./:=@%+,`; else in single quotes (`'-a'"'"'b'`).
  static func shellQuoted(_ word: String) -> String {
    let plain = word.unicodeScalars.allSatisfy {
      !$0.isASCII || CharacterSet.alphanumerics.contains($0)
        || "-_./:=@%+,".unicodeScalars.contains($0)
    }
    if plain, !word.isEmpty, !word.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
      return word
    }
    return "'" + word.replacingOccurrences(of: "'", with: "'\"'\"'") + "'"
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

import ArgumentParser
import Diagnostics
import Foundation

/// What `portal` prints for a usage mistake ArgumentParser found (an unknown option, a value
/// missing or unreadable, an argument missing or left over). In Japanese it has the shape of
/// Portal's own usage errors, `Error:` / `直し方:` / `使い方:`, the option meant named where one
/// is close; in English it is ArgumentParser's message with a `Help:` line as the Japanese's
/// (the option or value meant, else where the options are listed) in place of its own. Portal's own errors (`ValidationError`, already in the
/// writer's language) keep their words; in Japanese their usage lines are Japanese too.
enum UsageMistakes {
  static func text(for error: Error, arguments: [String]) -> String {
    let english = Portal.fullMessage(for: error)
    let message = Portal.message(for: error)
    let type = PortalCommands.command(for: arguments)
    let usage = Array(english.components(separatedBy: "\n").drop { !$0.hasPrefix("Usage:") })
    if let slip = slip(
      ParserMistake(message: message), arguments: arguments, in: type, usage: usage)
    {
      return slip
    }
    guard let mistake = ParserMistake(message: message) else {
      return MessageLanguage.current == .japanese ? japanese(own: message, in: type) : english
    }
    if MessageLanguage.current == .japanese { return japanese(mistake, in: type) }
    guard
      let help = englishHelp(
        mistake, in: CommandInfo.of(type), command: PortalCommands.path(of: type))
    else {
      return english
    }
    var lines = english.components(separatedBy: "\n")
    // In place of ArgumentParser's own `Help:` (the option's help), which says less.
    if lines.count > 1, lines[1].hasPrefix("Help:") { lines.remove(at: 1) }
    if let other = lines[0].range(of: ". Did you mean '") {
      lines[0].removeSubrange(other.lowerBound...)
    }
    lines.insert("Help: " + help, at: 1)
    return lines.joined(separator: "\n")
  }

  /// The option meant by `typed`: the same name typed in full-width characters or with one
  /// dash (`exact`), or one a few typos away; only for what was typed as an option.
  static func optionMeant(_ typed: String, in info: CommandInfo) -> (name: String, exact: Bool)? {
    let typedHalf = halfWidthName(typed)
    guard typedHalf.hasPrefix("-") else { return nil }
    let names = info.shown.filter { !$0.isPositional }.flatMap(\.spelledNames)
      .filter { $0.hasPrefix("--") }.map { String($0.dropFirst(2)) }
    let bare = String(typedHalf.drop { $0 == "-" })
    if names.contains(bare) { return ("--" + bare, true) }
    if let others = otherToolsNames[bare] ?? otherToolsNames[bare.lowercased()],
      let other = others.first(where: names.contains)
    {
      return ("--" + other, false)
    }
    return Suggest.closest(to: bare, in: names).map { ("--" + $0, false) }
  }

  /// Other tools' names for Portal's options, offered as a typo's nearest name is (a letter
  /// alone as typed, `-D` is not `-d`): `head -n` and `--max-count` for `--limit`; Hugo's
  /// `-d`/`--destination`, `-s`/`--source`, `-t`/`--theme`'s, `-D`/`--buildDrafts` and
  /// `-b`/`--baseURL`; `--type` for `--kind`; `-P` (scp's, ssh's `-p`) for `--port`. A name may mean one of several, the first the
  /// command has: the built site is `--output` to `portal build` and `--site` to `portal
  /// search` and `portal check`, so `--output` there is offered `--site`.
  static let otherToolsNames: [String: [String]] = [
    "n": ["limit"], "max": ["limit"], "max-count": ["limit"], "num": ["limit"],
    "d": ["output", "site"], "destination": ["output", "site"], "dest": ["output", "site"],
    "out": ["output", "site"], "outdir": ["output", "site"], "output": ["site"], "o": ["site"],
    "site": ["output"],
    "s": ["content"], "source": ["content"], "src": ["content"], "input": ["content"],
    "t": ["theme"], "themes": ["theme"],
    "type": ["kind"],
    "P": ["port"],
    "b": ["base-url"], "baseurl": ["base-url"],
    "D": ["drafts"], "builddrafts": ["drafts"], "build-drafts": ["drafts"], "draft": ["drafts"],
  ]

  /// A name typed with the input method left in full-width mode (`－－ｏｕｔｐｕｔ`, `ーーoutput`)
  /// as the half-width letters and dashes meant.
  static func halfWidthName(_ typed: String) -> String {
    let dashes: Set<Character> = ["ー", "―", "‐", "−", "–", "—", "－"]
    return String(
      typed.precomposedStringWithCompatibilityMapping.map { dashes.contains($0) ? "-" : $0 })
  }

  /// The `Help:` line in place of ArgumentParser's own (its inline "Did you mean", or the
  /// option's help repeated), or nil when it says enough: the option meant, the values an
  /// option takes, else where the options are listed, as the Japanese says them.
  static func englishHelp(
    _ mistake: ParserMistake, in info: CommandInfo, command: String
  ) -> String? {
    let typed: String
    switch mistake {
    case .unknownOption(let name):
      typed = name
      guard optionMeant(name, in: info) != nil else {
        return "see the options with `\(command) --help`"
      }
    case .unexpected(let words): typed = words.first { optionMeant($0, in: info) != nil } ?? ""
    case .invalidValue(let value, let key):
      // `--port ８０８０`: the Japanese said to type it half-width; the English said nothing.
      let half = value.precomposedStringWithCompatibilityMapping
      let argument = info.shown.first { $0.key == key || $0.spelledNames.contains(key) }
      guard half == value else {
        let meant = key.hasPrefix("<") ? half : "\(key) \(half)"
        return "`\(value)` is typed in full-width characters: write `\(meant)`"
      }
      guard let values = argument?.allValues, let first = values.first else { return nil }
      let written = { (v: String) in key.hasPrefix("<") ? v : "\(key) \(v)" }
      return Suggest.closest(to: value, in: values).map { "did you mean `\(written($0))`?" }
        ?? "write for example `\(written(first))`"
    case .valueNotTaken(let option, let value):
      return "remove `=\(value)`: write `\(option)` alone"
    default: return nil
    }
    guard let (meant, exact) = optionMeant(typed, in: info) else { return nil }
    if exact, typed != halfWidthName(typed) {
      return "`\(typed)` is typed in full-width characters: write `\(meant)`"
    }
    // ArgumentParser's own "Did you mean" (cut from its message by `text(for:arguments:)`)
    // may name another option (`--list`: `--fix`, two letters changed, not `--list-rules`).
    return "did you mean `\(meant)`?"
  }
}

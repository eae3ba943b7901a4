import ArgumentParser
import Diagnostics
import Foundation

extension UsageMistakes {
  /// The mistake as Portal's own usage errors say one in Japanese: `Error:`, `直し方:` (with the
  /// option meant, the values it takes, or what the argument is, from the command's Japanese
  /// help), `使い方:` and where the whole help is.
  static func japanese(_ mistake: ParserMistake, in type: ParsableCommand.Type) -> String {
    let info = CommandInfo.of(type)
    let help = JapaneseHelp.of(type)
    let command = PortalCommands.path(of: type)
    let (error, fix) = japaneseWords(mistake, info: info, help: help, command: command)
    return "Error: \(error)\n直し方: \(fix)\n" + japaneseUsage(of: type)
  }

  /// One of Portal's own usage errors (its words already Japanese, `直し方:` included) with the
  /// usage lines in Japanese, where ArgumentParser would print `Usage:` and `See '…' …`.
  static func japanese(own message: String, in type: ParsableCommand.Type) -> String {
    "Error: \(message)\n" + japaneseUsage(of: type)
  }

  /// `使い方:` with the command's Japanese usage, and where its whole help is.
  static func japaneseUsage(of type: ParsableCommand.Type) -> String {
    let usage =
      PortalCommands.isRoot(type)
      ? PortalCommands.japaneseUsage : JapaneseHelpPage.usage(of: type)
    return "使い方: \(usage)\n  くわしい説明は、\(PortalCommands.path(of: type)) --help で表示します。"
  }

  private static func japaneseWords(
    _ mistake: ParserMistake, info: CommandInfo, help: JapaneseHelp?, command: String
  ) -> (error: String, fix: String) {
    /// The argument or option named `key` (`--port`, `-p`, `<query>`).
    func argument(_ key: String) -> ArgumentInfo? {
      info.shown.first { $0.key == key || $0.spelledNames.contains(key) }
    }
    /// `--port <番号>` (`-p <番号>` for a mistake made with `-p`: the name typed, not every
    /// name of the option), or the name as given when the command has no such argument.
    func label(_ key: String) -> String {
      guard let argument = argument(key) else { return key }
      guard argument.kind == "option", key.hasPrefix("-") else {
        return JapaneseHelpPage.label(of: argument, in: help)
      }
      return "\(key) <\(help?.entry(argument.key)?.value ?? argument.valueName ?? "")>"
    }
    /// 「`--port` は、ポートの番号です。…」: the Japanese help's words, with the values it takes.
    func explanation(_ key: String) -> String {
      guard let argument = argument(key), let text = help?.entry(argument.key)?.text else {
        return ""
      }
      let name = argument.isPositional ? label(key) : "`\(argument.key)`"
      return "\(name) は、\(text)\(argument.valuesSentence)"
    }
    switch mistake {
    case .unknownOption(let name):
      let unknown = "\(command) には、`\(name)` というオプションはありません"
      guard let (meant, exact) = optionMeant(name, in: info) else {
        return (unknown, "使えるオプションを、\(command) --help で確かめてください。")
      }
      if exact, name != halfWidthName(name) {
        return ("`\(name)` は、全角で書かれています", "半角で `\(meant)` と書いてください。")
      }
      return (unknown, "`\(meant)` のまちがいではありませんか。")

    case .missingValue(let option):
      return ("`\(option)` の値がありません", "`\(label(option))` の形で、値も書いてください。" + explanation(option))

    case .missingArgument(let key):
      let example = help?.examples.first { $0.command.split(separator: " ").count > 2 }
      return (
        "\(label(key)) がありません",
        "\(command) のあとに、\(label(key)) を書いてください。" + explanation(key)
          + (example.map { "例：\($0.command)" } ?? "")
      )

    case .unexpected(let words):
      if let typed = words.first(where: { optionMeant($0, in: info)?.exact == true }),
        let (meant, _) = optionMeant(typed, in: info)
      {
        return ("`\(typed)` は、全角で書かれています", "半角で `\(meant)` と書いてください。")
      }
      let listed = words.map { "`\($0)`" }.joined(separator: "、")
      let option = info.shown.first { $0.kind == "option" }.map { "（`\($0.key)` など）" } ?? ""
      let quote =
        info.shown.contains(where: \.isPositional)
        ? "空白の入った言葉は、\"防災 対策\" のように \" で囲んでください。" : ""
      return (
        "\(listed) は、何を指定したものか分かりません",
        quote + "オプションの値なら、その前にオプションの名前\(option)を書いてください。"
      )

    case .invalidValue(let value, let key):
      let target = argument(key)?.isPositional == true ? label(key) : "`\(key)`"
      let error = "\(target) の値 `\(value)` は使えません"
      let half = value.precomposedStringWithCompatibilityMapping
      if half != value {
        let typed = argument(key)?.isPositional == true ? half : "\(key) \(half)"
        return (error, "半角で `\(typed)` と書いてください。")
      }
      if let values = argument(key)?.allValues, !values.isEmpty {
        let guess = Suggest.closest(to: value, in: values).map { "`\($0)` のまちがいではありませんか。" } ?? ""
        return (error, guess + "\(values.joined(separator: "・")) のどれかを書いてください。")
      }
      return (error, "`\(label(key))` の形で書いてください。" + explanation(key))

    case .valueNotTaken(let option, let value):
      return ("`\(option)` には、値を付けません", "`=\(value)` を消して、`\(option)` だけを書いてください。")
    }
  }
}

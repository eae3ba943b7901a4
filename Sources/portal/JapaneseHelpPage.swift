import ArgumentParser
import Foundation

/// `portal --help`, `portal <command> --help`, `-h` and `portal help <command>` in Japanese:
/// laid out as ArgumentParser lays out the English (overview, examples, usage, arguments,
/// options), with the words of the command's `JapaneseHelp` and the arguments, defaults and
/// values ArgumentParser knows (`CommandInfo`).
enum JapaneseHelpPage {
  static let columns = 80
  /// Where the explanations of the arguments and options start, as in the English help.
  static let labelColumns = 24

  /// The Japanese for the help ArgumentParser was about to print, found by comparing it with
  /// each command's English help (the error it throws for `--help` does not say which command
  /// it is for); nil for any other text (the version).
  static func text(replacing english: String) -> String? {
    let commands: [ParsableCommand.Type] = [Portal.self] + PortalCommands.all
    guard let type = commands.first(where: { Portal.helpMessage(for: $0) == english }) else {
      return nil
    }
    return text(for: type)
  }

  /// The help of `type` in Japanese, or nil when it has none. Arguments the command has but
  /// its Japanese does not explain are shown with their English and reported on stderr, as are
  /// Japanese explanations of arguments it no longer has (the tests fail on the report).
  static func text(for type: ParsableCommand.Type) -> String? {
    guard let help = JapaneseHelp.of(type) else { return nil }
    let info = CommandInfo.of(type)
    var lines = TextWrap.lines("概要: " + help.abstract, columns: columns)
    for paragraph in help.discussion {
      lines.append("")
      for line in paragraph.split(separator: "\n") {
        lines +=
          line.hasPrefix("- ")
          ? TextWrap.lines(String(line.dropFirst(2)), indent: "  - ", hanging: "    ")
          : TextWrap.lines(String(line), columns: columns)
      }
    }
    if !help.examples.isEmpty {
      lines += ["", help.examplesTitle + ":"] + examples(help.examples)
    }
    lines += ["", "使い方: " + usage(of: type)]
    let arguments = info.shown.filter(\.isPositional)
    let options = info.shown.filter { !$0.isPositional }
    if !arguments.isEmpty {
      lines += ["", "引数:"] + arguments.flatMap { row(for: $0, in: help) }
    }
    if !options.isEmpty {
      lines += ["", "オプション:"] + options.flatMap { row(for: $0, in: help) }
    }
    if PortalCommands.isRoot(type) {
      lines += ["", "コマンド:"]
      for command in PortalCommands.all {
        let abstract = JapaneseHelp.of(command)?.abstract ?? command.configuration.abstract
        lines += labelled(command._commandName, abstract)
      }
      lines += ["", "  コマンドごとのくわしい説明は、portal help <コマンド> で表示します。"]
    }
    reportDrift(of: help, against: info, for: type)
    return lines.joined(separator: "\n") + "\n"
  }

  /// ArgumentParser's usage line with the Japanese placeholders (`--output <フォルダー>`,
  /// `<種類>`): the option names, brackets and order stay as ArgumentParser writes them.
  static func usage(of type: ParsableCommand.Type) -> String {
    var usage = Portal.usageString(for: type)
    let help = JapaneseHelp.of(type)
    let shown = CommandInfo.of(type).shown
    // Options first: `--kind <kind>` is an option's, a bare `<kind>` an argument's.
    for argument in shown.filter({ !$0.isPositional }) {
      guard let english = argument.valueName, let value = help?.entry(argument.key)?.value else {
        continue
      }
      for name in argument.spelledNames {
        usage = usage.replacingOccurrences(of: "\(name) <\(english)>", with: "\(name) <\(value)>")
      }
    }
    for argument in shown.filter(\.isPositional) {
      guard let value = help?.entry(argument.key)?.value else { continue }
      usage = usage.replacingOccurrences(of: argument.key, with: "<\(value)>")
    }
    return usage.replacingOccurrences(of: "<subcommand>", with: "<コマンド>")
      .replacingOccurrences(of: "<options>", with: "<オプション>")
  }

  /// How an argument or option is written, with the Japanese placeholder: `--output <フォルダー>`,
  /// `-h, --help`, `<種類>`.
  static func label(of argument: ArgumentInfo, in help: JapaneseHelp?) -> String {
    let value = help?.entry(argument.key)?.value ?? argument.valueName ?? ""
    if argument.isPositional { return "<\(value)>" }
    let names = argument.spelledNames.joined(separator: ", ")
    return argument.kind == "option" ? "\(names) <\(value)>" : names
  }

  /// The explanation of an argument or option, with the values it takes and its default.
  /// An argument without Japanese words keeps ArgumentParser's English, default included.
  private static func row(for argument: ArgumentInfo, in help: JapaneseHelp) -> [String] {
    let label = label(of: argument, in: help)
    let value = argument.defaultValue.flatMap { $0.isEmpty ? nil : $0 }
    guard var text = help.entry(argument.key)?.text else {
      return labelled(label, (argument.abstract ?? "") + (value.map { " (default: \($0))" } ?? ""))
    }
    text += argument.valuesSentence
    if let value { text += "書かないときは \(value) です。" }
    return labelled(label, text)
  }

  /// A label and its explanation in two columns; a label too wide for its column has the
  /// explanation on the lines below, as in the English help.
  private static func labelled(_ label: String, _ text: String) -> [String] {
    let hanging = String(repeating: " ", count: 2 + labelColumns)
    if TextWrap.width(label) > labelColumns - 2 {
      return ["  " + label]
        + TextWrap.lines(text, columns: columns, indent: hanging, hanging: hanging)
    }
    let indent = "  " + TextWrap.padded(label, to: labelColumns)
    return TextWrap.lines(text, columns: columns, indent: indent, hanging: hanging)
  }

  /// The examples, each note after its command as a shell comment (the line still runs when
  /// copied), the notes of short commands aligned; a note that would run past the terminal's
  /// edge goes on the line above its command.
  private static func examples(_ examples: [JapaneseHelp.Example]) -> [String] {
    let short = examples.filter { $0.note != nil }.map { TextWrap.width($0.command) }
      .filter { $0 <= 40 }
    let column = short.max() ?? 0
    return examples.flatMap { example -> [String] in
      guard let note = example.note else { return ["  " + example.command] }
      let line = "  " + TextWrap.padded(example.command, to: column) + "  # " + note
      if TextWrap.width(line) <= columns { return [line] }
      return ["  # " + note, "  " + example.command]
    }
  }

  /// Says on stderr which arguments the Japanese does not explain and which explanations name
  /// nothing the command has: the help is still printed, and the tests fail on the report.
  private static func reportDrift(
    of help: JapaneseHelp, against info: CommandInfo, for type: ParsableCommand.Type
  ) {
    let known = Set((info.arguments ?? []).map(\.key))
    var missing = info.shown.map(\.key).filter { help.entry($0) == nil }
    if PortalCommands.isRoot(type) {
      missing += PortalCommands.all.filter { JapaneseHelp.of($0) == nil }.map { $0._commandName }
    }
    let stale = help.entries.map(\.name).filter { !known.contains($0) }
    let command = PortalCommands.path(of: type)
    var problems: [String] = []
    if !missing.isEmpty {
      problems.append(
        "\(command) の日本語の説明に、\(missing.joined(separator: "、")) がありません（英語で表示しました）")
    }
    if !stale.isEmpty {
      problems.append(
        "\(command) の日本語の説明にある \(stale.joined(separator: "、")) は、もうありません")
    }
    guard !problems.isEmpty else { return }
    FileHandle.standardError.write(
      Data(
        problems.map { "注意: \($0)（Sources/portal/JapaneseHelp+Commands.swift）\n" }.joined()
          .utf8))
  }
}

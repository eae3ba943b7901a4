import ArgumentParser
import Foundation

/// A command's arguments, options and flags as ArgumentParser sees them, read from the JSON it
/// prints for `--experimental-dump-help` (its public description of a command line for other
/// tools). The Japanese help and usage errors take names, order, defaults and values from here,
/// so they follow the commands as declared and cannot drift from them.
struct CommandInfo: Decodable {
  var commandName: String
  var arguments: [ArgumentInfo]?
  var subcommands: [CommandInfo]?

  /// The arguments the English help shows, in its order.
  var shown: [ArgumentInfo] { (arguments ?? []).filter(\.shouldDisplay) }

  /// Every name an option or flag is typed by (`--output`, `-o`), help's included: a word
  /// typed with a dash that is none of these is no option of the command.
  var typedNames: Set<String> { Set(shown.flatMap(\.spelledNames) + ["-h", "--help"]) }

  /// `portal` and each of its commands, read once.
  static let portal: CommandInfo = {
    struct Tool: Decodable { var command: CommandInfo }
    let json = Data(Portal._dumpHelp().utf8)
    return (try? JSONDecoder().decode(Tool.self, from: json))?.command
      ?? CommandInfo(commandName: "portal")
  }()

  /// The command `type` (`portal` itself, or one of its commands).
  static func of(_ type: ParsableCommand.Type) -> CommandInfo {
    portal.subcommands?.first { $0.commandName == type._commandName } ?? portal
  }
}

struct ArgumentInfo: Decodable {
  struct Name: Decodable {
    var kind: String
    var name: String

    /// As typed: `--output`, `-h`, or `-output` for a long name with one dash.
    var spelled: String { (kind == "long" ? "--" : "-") + name }
  }

  /// `positional`, `option` or `flag`.
  var kind: String
  var shouldDisplay: Bool
  var isOptional: Bool
  var isRepeating: Bool
  var names: [Name]?
  var valueName: String?
  var defaultValue: String?
  var allValues: [String]?
  var abstract: String?

  var isPositional: Bool { kind == "positional" }

  /// The name the help tables are keyed by: the long name of an option or flag (`--content`),
  /// `<value>` for an argument written without a name (`<kind>`).
  var key: String {
    let names = names ?? []
    if isPositional || names.isEmpty { return "<\(valueName ?? "")>" }
    return (names.first { $0.kind == "long" } ?? names[0]).spelled
  }

  /// 「text・json のどれかを書きます。」 for an option that takes listed values; "" otherwise.
  var valuesSentence: String {
    guard let values = allValues, !values.isEmpty else { return "" }
    return "\(values.joined(separator: "・")) のどれかを書きます。"
  }

  /// Every way to type it, as the help lists them: `-h, --help`, `-o, --output` (short ones
  /// first, whatever order the dump gives).
  var spelledNames: [String] {
    let names = names ?? []
    return (names.filter { $0.kind == "short" } + names.filter { $0.kind != "short" }).map(
      \.spelled)
  }
}

import ArgumentParser
import Foundation

/// Words joined by a full-width space (`portal lint　--strict`): the Japanese input types
/// U+3000 for the space bar, and the shell then passes one word, which was answered with "did
/// you mean `portal lint`?" (and the option dropped) or "Unexpected argument". Read before
/// ArgumentParser, only where a piece is a command or an option, so a title holding a
/// full-width space (`portal new 取組 "防災　訓練"`) is left as it is.
enum FullWidthSpaceSlip {
  static let space: Character = "\u{3000}"

  /// The usage error for `arguments`, or nil when no word is joined so.
  static func message(for arguments: [String]) -> String? {
    let names = PortalCommands.all.map { $0._commandName }
    guard
      let at = arguments.indices.first(where: { i in
        let pieces = arguments[i].split(separator: space).map(String.init)
        return pieces.count > 1
          && pieces.enumerated().contains { n, piece in
            UsageMistakes.halfWidthName(piece).hasPrefix("-")
              || (i == 0 && n == 0 && names.contains(piece))
          }
      })
    else { return nil }
    let typed = arguments[at]
    let pieces = typed.split(separator: space).map { "`\($0)`" }
    let meant = (["portal"] + arguments.flatMap { $0.split(separator: space).map(String.init) })
      .joined(separator: " ")
    let type = PortalCommands.command(
      for: [arguments.first?.split(separator: space).first.map(String.init) ?? ""])
    return say(
      "Error: `\(typed)` was read as one word: a full-width space (　) is between \(pieces.joined(separator: " and "))\n"
        + "Help: type the space half-width (with the Japanese input off): \(meant)\n"
        + "Usage: \(Portal.usageString(for: type))\n  See '\(PortalCommands.path(of: type)) --help' for more information.",
      "Error: `\(typed)` の間のスペースが全角（　）なので、一つの言葉として読まれました\n"
        + "直し方: 日本語入力を切って、半角のスペースで区切ってください：\(meant)\n"
        + UsageMistakes.japaneseUsage(of: type))
  }
}

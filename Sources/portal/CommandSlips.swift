import Diagnostics
import Foundation

/// What a writer types in place of a command, read before ArgumentParser: it would say only
/// "Unexpected argument" for `portal buld`, `portal ビルド` or `portal ｂｕｉｌｄ`, and for
/// `portal help buld` it prints the general help and exits 0, as if nothing were wrong.
enum CommandSlips {
  /// Commands a writer may call by their Japanese names (typed in katakana or as the word for
  /// the job); words that could mean two commands (確認: check or lint?) are left out.
  static let japaneseNames: [String: String] = [
    "ビルド": "build", "生成": "build", "新規": "new", "新規作成": "new", "ニュー": "new",
    "検索": "search", "サーチ": "search", "チェック": "check", "点検": "check", "検査": "check",
    "リント": "lint", "校正": "lint", "サーブ": "serve", "プレビュー": "serve",
    "ヘルプ": "--help", "使い方": "--help", "バージョン": "--version", "版": "--version",
  ]

  /// The message for `arguments` whose first word is no command (nil when it is one, or an
  /// option other than a version's misspelling, which ArgumentParser answers itself).
  static func message(for arguments: [String]) -> String? {
    guard var typed = arguments.first else { return nil }
    let names = PortalCommands.all.map { $0._commandName }
    var asHelp = false
    if typed == "help" {
      guard arguments.count > 1, !arguments[1].hasPrefix("-") else { return nil }
      typed = arguments[1]
      asHelp = true
    }
    guard !names.contains(typed), typed != "help" else { return nil }
    guard let (meant, why) = meaning(of: typed, among: names) else {
      // `portal help buld`: no command near it, but not the general help either.
      guard asHelp else { return nil }
      return lines(typed, help: nil, japaneseHelp: nil)
    }
    let command = "portal " + (asHelp && !meant.hasPrefix("-") ? "help " : "") + meant
    return lines(typed, help: why.english(command), japaneseHelp: why.japanese(command))
  }

  /// Why the word was not read as the command it means.
  enum Reason {
    case mistyped, fullWidth, upperCase, japanese

    func english(_ command: String) -> String {
      switch self {
      case .mistyped: "did you mean `\(command)`?"
      case .fullWidth: "it is typed in full-width characters: write `\(command)`"
      case .upperCase: "commands are typed in lower case: write `\(command)`"
      case .japanese: "commands are typed in English: write `\(command)`"
      }
    }

    func japanese(_ command: String) -> String {
      switch self {
      case .mistyped: "`\(command)` のまちがいではありませんか。"
      case .fullWidth: "全角で書かれています。半角で `\(command)` と書いてください。"
      case .upperCase: "コマンドは小文字で書きます。`\(command)` と書いてください。"
      case .japanese: "コマンドは英語で書きます。`\(command)` と書いてください。"
      }
    }
  }

  /// The command (or `--help`, `--version`) `typed` means, and why it was not read as it.
  static func meaning(of typed: String, among names: [String]) -> (String, Reason)? {
    if let meant = japaneseNames[typed] { return (meant, .japanese) }
    let half = UsageMistakes.halfWidthName(typed)
    let words = names + ["--help", "--version"]
    if half != typed, let meant = japaneseNames[half] ?? words.first(where: { $0 == half }) {
      return (meant, .fullWidth)
    }
    if half.lowercased() != half, words.contains(half.lowercased()) {
      return (half.lowercased(), .upperCase)
    }
    if ["version", "-v", "-V", "-version"].contains(half) { return ("--version", .mistyped) }
    guard !half.hasPrefix("-"), let meant = Suggest.closest(to: half, in: names) else {
      return nil
    }
    return (meant, .mistyped)
  }

  private static func lines(_ typed: String, help: String?, japaneseHelp: String?) -> String {
    let names = PortalCommands.all.map { $0._commandName }
    let option = typed.hasPrefix("-")
    return say(
      "Error: there is no \(option ? "option" : "command") `\(typed)`\nHelp: \(help ?? "the commands are \(names.joined(separator: ", "))")\n"
        + "Usage: portal <command>, with one of: \(names.joined(separator: ", "))",
      "Error: `\(typed)` という\(option ? "オプション" : "コマンド")はありません\n直し方: \(japaneseHelp ?? "コマンドは \(names.joined(separator: "、")) のどれかです。")\n"
        + "使い方: \(PortalCommands.japaneseUsage)")
  }
}

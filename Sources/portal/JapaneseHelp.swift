import ArgumentParser

/// The Japanese of a command's `--help`, for writers whose computer is set to Japanese. Option
/// names stay as they are typed (`--output <フォルダー>`): only what they mean is translated.
/// Which arguments there are, their order, defaults and values come from ArgumentParser
/// (`CommandInfo`); a command's entries that name nothing it has, or an argument without an
/// entry, are reported when the help is printed, and the tests fail on that report.
struct JapaneseHelp: Sendable {
  /// One argument, option or flag: its `name` as the English help shows it (`--content`, or
  /// `<kind>` for an argument written without a name), the Japanese of its `<value>` placeholder
  /// and what it is. An option's text is a phrase ending in です (「出力フォルダーです。」), as
  /// the usage errors say 「`--output` は、出力フォルダーです。」.
  struct Entry: Sendable {
    var name: String
    var value: String?
    var text: String

    /// An option or an argument: it takes a value.
    init(_ name: String, _ value: String, _ text: String) {
      (self.name, self.value, self.text) = (name, value, text)
    }

    /// A flag.
    init(_ name: String, _ text: String) {
      (self.name, self.value, self.text) = (name, nil, text)
    }
  }

  /// An example of the English help, with what it does in Japanese (printed as a shell comment,
  /// so the line still runs when copied).
  struct Example: Sendable {
    var command: String
    var note: String?

    init(_ command: String, _ note: String? = nil) {
      (self.command, self.note) = (command, note)
    }
  }

  /// What the command does, in one sentence.
  var abstract: String
  /// Paragraphs after it; a paragraph starting with `- ` is an item of a list.
  var discussion: [String] = []
  var examplesTitle = "例"
  /// The English help's examples, in its order (a test compares the commands).
  var examples: [Example] = []
  var entries: [Entry] = []

  /// The flags ArgumentParser gives every command.
  static let builtIn = [
    Entry("--help", "この説明を表示します。"),
    Entry("--version", "Portal の版（バージョン）を表示します。"),
  ]

  /// The entry for an argument, option or flag, by the name the tables use.
  func entry(_ key: String) -> Entry? {
    (entries + Self.builtIn).first { $0.name == key }
  }

  /// The Japanese help of `type`, when it has one.
  static func of(_ type: ParsableCommand.Type) -> JapaneseHelp? {
    (type as? JapaneseHelpful.Type)?.japaneseHelp
  }
}

/// A command whose `--help` has Japanese.
protocol JapaneseHelpful {
  static var japaneseHelp: JapaneseHelp { get }
}

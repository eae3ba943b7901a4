import Foundation

/// The language problems are printed in. The writers of the Chiba portal read Japanese: a
/// computer set to Japanese gets the messages and hints that have been written in Japanese
/// (`Diagnostic.ja`), others English. Chosen as command-line tools choose (gettext's order):
/// `PORTAL_LANG` first (`ja` or `en`: for one run, or a computer set to another language),
/// then `LC_ALL`, `LC_MESSAGES` and `LANG`, the first that is set and not empty.
public enum MessageLanguage: String, Sendable, CaseIterable {
  case english = "en"
  case japanese = "ja"

  /// This process's, from its environment, read once.
  public static let current = from(environment: ProcessInfo.processInfo.environment)

  public static func from(environment: [String: String]) -> MessageLanguage {
    for name in ["PORTAL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[name], !value.isEmpty else { continue }
      return value.lowercased().hasPrefix("ja") ? .japanese : .english
    }
    return .english
  }
}

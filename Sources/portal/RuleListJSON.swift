import ArgumentParser
import Check
import Diagnostics
import Foundation
import Lint

/// `--list-rules --format json` for `portal lint` and `portal check`: the rules a CI script
/// reads (to filter diagnostics by `code`, or to write a site.yml `lint:` mapping), in the order
/// the text lists them. English with the Japanese beside it, as the diagnostics JSON is.
enum RuleListJSON {
  struct LintRule: Encodable {
    let id: String
    /// The threshold when site.yml sets none; nil for a rule that is only on or off.
    let `default`: Int?
    let setting: String?
    let description: String
    let descriptionJa: String
    /// Whether `portal lint --fix` fixes some of its problems.
    let fix: Bool

    enum CodingKeys: String, CodingKey {
      case id, `default`, setting, description, fix
      case descriptionJa = "description_ja"
    }
  }

  struct CheckRule: Encodable {
    let id: String
    let severity: String
    let description: String
    let descriptionJa: String

    enum CodingKeys: String, CodingKey {
      case id, severity, description
      case descriptionJa = "description_ja"
    }
  }

  static func lint() -> String {
    encoded(
      Linter.rules.map {
        LintRule(
          id: $0.id, default: $0.defaultThreshold, setting: $0.thresholdMeaning,
          description: $0.summary, descriptionJa: $0.japaneseSummary, fix: $0.fixable)
      })
  }

  static func check() -> String {
    encoded(
      RuleCatalog.all.map {
        CheckRule(
          id: $0.id, severity: $0.severity.rawValue, description: $0.summary(in: .english),
          descriptionJa: $0.summary(in: .japanese))
      })
  }

  /// `--list-rules` with a format that prints problems, not rules (github, junit).
  static func formatMistake(_ format: String, command: String) -> ValidationError {
    ValidationError(
      say(
        "`--list-rules` prints the rules as text or json, not as \(format)\nHelp: write portal \(command) --list-rules --format json (or leave --format out)",
        "`--list-rules` が表示できるのは text か json の形だけです（\(format) は使えません）\n直し方: portal \(command) --list-rules --format json と書くか、--format を書かないでください"
      ))
  }

  private static func encoded(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(value)) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self)
  }
}

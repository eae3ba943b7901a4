import Diagnostics

/// Which rules run and with which thresholds, from the `lint:` mapping of `content/site.yml`.
/// Rules not named there run with their defaults.
public struct LintConfiguration: Sendable {
  /// Rule id → threshold for the rules that run (0 for rules without a threshold).
  private var enabled: [String: Int]

  public static let `default` = LintConfiguration(enabled: Linter.defaultThresholds)

  private init(enabled: [String: Int]) {
    self.enabled = enabled
  }

  /// Reads `rule id → value`, where the value is a number (the threshold), `off` or `on`. Ids
  /// may leave out the `lint.` prefix. Every bad entry is reported at once.
  ///
  /// - Throws: `LintConfigurationError` listing unknown ids (with a suggestion) and bad values.
  public init(settings: [String: String]) throws(LintConfigurationError) {
    var enabled = Linter.defaultThresholds
    var problems: [LintConfigurationError.Problem] = []
    for key in settings.keys.sorted() {
      let value = String(settings[key]!.trimmingWhitespace)
      let id = key.hasPrefix("lint.") ? key : "lint." + key
      guard let rule = Linter.allRules.first(where: { $0.id == id }) else {
        let guess = Suggest.closest(to: id, in: Linter.allRules.map(\.id))
        problems.append(
          .init(
            key: key, message: "`\(key)` is not a lint rule",
            hint: (guess.map { "did you mean `\($0)`? " } ?? "")
              + "`portal lint --list-rules` lists every rule",
            japanese: .init(
              message: "`\(key)` は lint の規則の名前ではありません",
              hint: (guess.map { "`\($0)` の間違いではありませんか。" } ?? "")
                + "すべての規則は `portal lint --list-rules` で確かめられます")))
        continue
      }
      switch value.lowercased() {
      case "off", "false", "no":
        enabled[id] = nil
        continue
      case "on", "true", "yes":
        enabled[id] = rule.threshold?.value ?? 0
        continue
      default: break
      }
      guard let threshold = rule.threshold else {
        problems.append(
          .init(
            key: key, message: "`\(id)` has no threshold, so `\(value)` means nothing",
            hint: "write `\(key): off` to turn it off or `\(key): on`",
            japanese: .init(
              message: "`\(id)` には数で決める目安がないため、`\(value)` と書いても意味がありません",
              hint: "止めるときは `\(key): off`、使うときは `\(key): on` と書いてください")))
        continue
      }
      let number = value.hasSuffix("%") ? String(value.dropLast()) : value
      guard let n = Int(number), threshold.range.contains(n) else {
        problems.append(
          .init(
            key: key,
            message:
              "`\(value)` is not a valid threshold for `\(id)` (\(threshold.meaning))",
            hint:
              "write a whole number from \(threshold.range.lowerBound) to \(threshold.range.upperBound) (default \(threshold.value)), or off",
            japanese: .init(
              message:
                "`\(value)` は `\(id)` の目安として使えません（\(threshold.japaneseMeaning)）",
              hint:
                "\(threshold.range.lowerBound)から\(threshold.range.upperBound)までの整数（初めの設定は\(threshold.value)）か、off と書いてください"
            )))
        continue
      }
      enabled[id] = n
    }
    if !problems.isEmpty {
      throw LintConfigurationError(
        problems: problems, configuration: LintConfiguration(enabled: enabled))
    }
    self.enabled = enabled
  }

  /// The threshold a rule runs with, or nil when it is off.
  func setting(for id: String) -> Int? { enabled[id] }

  /// Whether a rule runs.
  public func isEnabled(_ id: String) -> Bool { enabled[id] != nil }

  /// The configured threshold of a rule, or nil when it is off or has no threshold.
  public func threshold(for id: String) -> Int? {
    guard let rule = Linter.allRules.first(where: { $0.id == id }), rule.threshold != nil
    else { return nil }
    return enabled[id]
  }
}

/// Problems in the `lint:` settings, each naming the key so the caller can point at its line.
public struct LintConfigurationError: Error, Sendable, CustomStringConvertible {
  public struct Problem: Sendable, Hashable {
    /// The key as written in `site.yml`.
    public var key: String
    public var message: String
    public var hint: String
    /// The message and hint in Japanese (`Diagnostic.ja`).
    public var japanese: Diagnostic.Japanese?
  }

  public var problems: [Problem]
  /// The settings without the bad entries, so a run can still lint with everything else the
  /// writer configured.
  public var configuration: LintConfiguration

  public var description: String {
    problems.map { "\($0.message) (\($0.hint))" }.joined(separator: "\n")
  }

  /// The problems as errors in `file`; `line(key)` gives the line of a key when the caller
  /// knows it (the first line otherwise).
  public func diagnostics(file: String, line: (String) -> Int? = { _ in nil }) -> [Diagnostic] {
    problems.map { problem in
      let d = Diagnostic.error(
        SourceLocation(file: file, line: line(problem.key) ?? 1, column: 1), problem.message,
        hint: problem.hint, code: "lint.configuration")
      return problem.japanese.map { d.ja($0.message, hint: $0.hint) } ?? d
    }
  }
}

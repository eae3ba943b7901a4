import EditDistance
import Foundation

/// How diagnostics are printed: text for people, JSON for CI and editors, and GitHub Actions'
/// workflow commands, which the pull request then shows beside the lines they name.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
  case text
  case json
  case github
}

public enum DiagnosticPrinter {
  /// Renders diagnostics in the given format. JSON is an object with a `diagnostics` array and
  /// counts, so a consumer can tell "no problems" from "no output"; it keeps the English
  /// `message` and `hint` (what tools match on) with the Japanese beside them (`japanese`).
  /// Text is in `language`.
  public static func render(
    _ diagnostics: [Diagnostic], as format: DiagnosticFormat, language: MessageLanguage = .english
  ) -> String {
    let list = diagnostics.sorted
    switch format {
    case .text:
      return list.map { $0.text(in: language) }.joined(separator: "\n")
    case .json:
      struct Report: Encodable {
        var errors: Int
        var warnings: Int
        var diagnostics: [Diagnostic]
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let report = Report(errors: list.errorCount, warnings: list.warningCount, diagnostics: list)
      let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
      return String(decoding: data, as: UTF8.self)
    case .github:
      return list.map { githubCommand($0, in: language) }.joined(separator: "\n")
    }
  }

  /// `::error file=…,line=…,col=…,title=<code>::<message>`, the hint on the annotation's second
  /// line: GitHub Actions turns each into an annotation on the file's line in the pull request
  /// (and the run's summary), in the writer's language as the text form is.
  public static func githubCommand(_ d: Diagnostic, in language: MessageLanguage) -> String {
    let local = d.localized(language)
    var properties = [
      "file=\(githubProperty(workspacePath(d.location.file)))", "line=\(d.location.line)",
      "col=\(d.location.column)",
    ]
    if let code = d.code { properties.append("title=\(githubProperty(code))") }
    var message = Diagnostic.visible(local.message)
    if let hint = local.hint {
      message += "\n\(d.hintLabel(in: language)): \(Diagnostic.visible(hint))"
    }
    return "::\(d.severity.rawValue) \(properties.joined(separator: ","))::\(githubData(message))"
  }

  /// GitHub attaches an annotation to a file named from the repository's root, the
  /// workspace; a run from a subfolder (`working-directory:`) names files from there. So in
  /// Actions (`GITHUB_WORKSPACE` set), a path inside the workspace is named from its root.
  static func workspacePath(
    _ file: String, workspace: String? = ProcessInfo.processInfo.environment["GITHUB_WORKSPACE"],
    current: String = FileManager.default.currentDirectoryPath
  ) -> String {
    guard var root = workspace, root.hasPrefix("/") else { return file }
    while root.count > 1, root.hasSuffix("/") { root.removeLast() }
    let absolute = URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: current + "/"))
      .standardizedFileURL.path
    guard absolute.hasPrefix(root + "/") else { return file }
    return String(absolute.dropFirst(root.count + 1))
  }

  /// A command's message: `%`, CR and LF escaped, as the runner reads them back.
  static func githubData(_ s: String) -> String {
    s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  /// A property's value: also `:` and `,`, which would end it.
  static func githubProperty(_ s: String) -> String {
    githubData(Diagnostic.visible(s, keepingLines: false)).replacingOccurrences(
      of: ":", with: "%3A"
    )
    .replacingOccurrences(of: ",", with: "%2C")
  }
}

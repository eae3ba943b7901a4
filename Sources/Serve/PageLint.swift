import Build
import Content
import Diagnostics
import Foundation
import Lint

/// `portal lint` of one page's file for the preview, so a writer sees hard-to-read Japanese on
/// the page being edited, not only in CI.
enum PageLint {
  /// The file's warnings, with the site's thresholds and glossary; nil when the file cannot be
  /// read or split (the build reports that).
  static func lint(_ input: PageLintInput, contentDirectory: URL) -> (
    path: String, diagnostics: [Diagnostic]
  )? {
    let url = contentDirectory.appendingPathComponent(input.relativePath)
    guard let data = FileManager.default.contents(atPath: url.path),
      case .success(let source) = SourceFile.read(
        bytes: [UInt8](data), path: input.path, relativePath: input.relativePath)
    else { return nil }
    let configuration: LintConfiguration
    do {
      configuration = try LintConfiguration(settings: input.lintSettings)
    } catch let error as LintConfigurationError {
      configuration = error.configuration  // the build reports the bad settings
    } catch {
      configuration = .default
    }
    let diagnostics = Linter.lint(
      file: input.path, markdownBody: source.body, bodyLineOffset: source.bodyLine - 1,
      context: LintContext(glossaryNames: input.glossaryNames), configuration: configuration)
    return (input.path, diagnostics)
  }

  /// `{"file": …, "diagnostics": [{file, line, column, severity, message, hint, code}]}`, in
  /// position order: what the page's panel lists.
  static func json(file: String, diagnostics: [Diagnostic]) -> [UInt8] {
    struct Answer: Encodable {
      var file: String
      var diagnostics: [Diagnostic]
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(Answer(file: file, diagnostics: diagnostics.sorted))) ?? Data()
    return [UInt8](data)
  }
}

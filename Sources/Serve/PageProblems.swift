import Build
import Check
import Content
import Diagnostics
import Foundation
import Lint

/// What CI would say about the page a writer previews, shown on it: `portal lint`'s warnings on
/// its Markdown (as saved), `portal build`'s warnings on that file (which `--strict` makes
/// errors) and `portal check`'s findings on its built page (broken links and anchors,
/// accessibility rules), so none waits for CI; a finding two of them give is listed once.
enum PageProblems {
  /// All three, the check's placed in the Markdown as `portal check` places them; nil when the
  /// file cannot be read or split (the build reports that). `built` is every file's warnings
  /// from the last good build: those on this page's file are kept.
  static func find(
    _ input: PreviewedPage, contentDirectory: URL, checker: PageChecker?,
    built: [Diagnostic] = []
  ) -> (path: String, diagnostics: [Diagnostic])? {
    guard let lint = lint(input, contentDirectory: contentDirectory) else { return nil }
    let checked = checker?.check(input.outputPath) ?? []
    let said = withoutRepeats(lint, of: checked) + checked
    let all = said + buildWarnings(built, on: input.path, besides: said)
    return (input.path, onePerLink(all).sorted)
  }

  /// A link the build and the check both find broken, under the build's code and the check's:
  /// a `#…` link to a heading that is not there (`content.heading-link`, the link as written
  /// in the Markdown and the anchor meant; `link.fragment` on the built page, the link as
  /// rendered: `basics.md#…` has become `/strategy/basics/#…`), and an address that names no
  /// page or file (`content.address-link`, with the page meant by its file; `link.broken`, or
  /// `link.image` for an image's).
  static let sameLink: [String: Set<String>] = [
    "content.heading-link": ["link.fragment"],
    "content.address-link": ["link.broken", "link.image"],
  ]

  /// `found` with one finding per broken link of those kinds: the build's, which a writer can
  /// find in the file as written, at the check's severity when that is higher (`portal check`
  /// and CI fail on it as an error, so the panel says no less). Both place it at the link's
  /// line:column in the Markdown (the check through the build's source map), and a link's
  /// place is what tells links apart: two broken links, even to the same heading, stay two.
  static func onePerLink(_ found: [Diagnostic]) -> [Diagnostic] {
    let checks = sameLink.values.reduce(into: Set<String>()) { $0.formUnion($1) }
    var checked: [Place: Severity] = [:]
    for d in found where checks.contains(d.code ?? "") {
      let at = Place(code: d.code, location: d.location)
      checked[at] = max(checked[at] ?? d.severity, d.severity)
    }
    let built = Set(
      found.flatMap { d in
        (sameLink[d.code ?? ""] ?? []).map { Place(code: $0, location: d.location) }
      })
    return found.compactMap { d in
      if checks.contains(d.code ?? ""), built.contains(Place(code: d.code, location: d.location)) {
        return nil
      }
      guard let twins = sameLink[d.code ?? ""],
        let severity = twins.compactMap({ checked[Place(code: $0, location: d.location)] }).max()
      else { return d }
      var kept = d
      kept.severity = max(d.severity, severity)
      return kept
    }
  }

  /// The build's warnings on `file` that lint or check do not already give at the same place
  /// under the same code (`portal lint` says `content.future-updated` too): one item each.
  static func buildWarnings(
    _ built: [Diagnostic], on file: String, besides said: [Diagnostic]
  ) -> [Diagnostic] {
    var seen = Set(said.map { Place(code: $0.code, location: $0.location) })
    return withoutRepeats(
      built.filter { $0.location.file == file }, of: said, twins: sameBuildFinding
    ).filter { seen.insert(Place(code: $0.code, location: $0.location)).inserted }
  }

  /// Build warnings lint gives too, place by place, under its own code: the build's
  /// `content.raw-html` names the first place and says lint has the rest, which the panel
  /// already lists (it showed the first place twice).
  static let sameBuildFinding = ["content.raw-html": "lint.raw-html"]

  /// Where a finding is and which rule gave it: what makes two the same in the panel.
  private struct Place: Hashable {
    var code: String?
    var location: SourceLocation
  }

  /// Lint warnings the check gives too, under its own code, at the same place (a vague link
  /// text is both `lint.vague-link-text` and `a11y.vague-link`): the panel listed it twice.
  static let sameFinding = ["lint.vague-link-text": "a11y.vague-link"]

  /// `found` without those `others` give at the same place under their twin code (`twins`:
  /// lint's vague link text and the check's, the build's left-out HTML and lint's).
  static func withoutRepeats(
    _ found: [Diagnostic], of others: [Diagnostic], twins: [String: String] = sameFinding
  ) -> [Diagnostic] {
    found.filter { d in
      guard let code = d.code, let twin = twins[code] else { return true }
      return !others.contains { $0.code == twin && $0.location == d.location }
    }
  }

  /// The file's plain-Japanese warnings, with the site's thresholds and glossary.
  static func lint(_ input: PreviewedPage, contentDirectory: URL) -> [Diagnostic]? {
    let url = contentDirectory.appendingPathComponent(input.relativePath)
    guard let data = FileManager.default.contents(atPath: url.path),
      case .success(let source) = SourceFile.read(
        bytes: [UInt8](data), path: input.path, relativePath: input.relativePath)
    else { return nil }
    let configuration: LintConfiguration
    do {
      configuration = try LintConfiguration(settings: input.lintSettings)
    } catch {
      configuration = error.configuration  // the build reports the bad settings
    }
    let context = LintContext(
      glossaryNames: input.glossaryNames, files: input.files, allowsRawHTML: input.allowsRawHTML,
      knownWords: input.knownWords, englishNames: input.englishNames, names: input.names)
    return Linter.lintFrontMatter(
      file: input.path, frontMatter: source.frontMatter, firstLine: source.frontMatterLine,
      context: context, configuration: configuration, yearOfDay: input.yearOfDay)
      + Linter.lint(
        file: input.path, markdownBody: source.body, bodyLineOffset: source.bodyLine - 1,
        context: context,
        configuration: configuration, relativePath: input.relativePath,
        yearOfDay: input.yearOfDay)
  }

  /// `{"file": …, "diagnostics": [{file, line, column, severity, message, hint, code}]}`, in
  /// position order and in the writer's language (`MessageLanguage`): what the page's panel
  /// lists.
  static func json(
    file: String, diagnostics: [Diagnostic], language: MessageLanguage = .current
  ) -> [UInt8] {
    struct Answer: Encodable {
      var file: String
      var diagnostics: [Diagnostic]
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data =
      (try? encoder.encode(
        Answer(file: file, diagnostics: diagnostics.sorted.map { $0.localized(language) })))
      ?? Data()
    return [UInt8](data)
  }
}

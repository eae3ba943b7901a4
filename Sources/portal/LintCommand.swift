import ArgumentParser
import Diagnostics
import Foundation
import Lint

enum LintFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check the Markdown for Japanese that is hard for residents to read.",
    discussion: """
      Warns about long sentences, too many 読点, long kanji runs, dense kanji,
      double negatives, doubled particles, mixed です・ます and である,
      unexplained katakana words and abbreviations, vague link text, images
      without alternative text, dates without a weekday, half-width kana and
      kanji numbers: `file:line:column: warning: … [rule]` with a hint.

      Thresholds: content/site.yml, `lint:` mapping (rule id: number or off).
      Silence one line: <!-- lint-disable-line RULE --> at its end, or
      <!-- lint-disable-next-line RULE --> on the line before. See docs/lint.md.

      Exit status: 0 no errors (warnings allowed), 1 errors or, with --strict,
      any warning, 2 usage errors.

      Examples:
        portal lint
        portal lint content/initiatives/ai-disaster.md
        portal lint --strict --format json
        portal lint --list-rules
      """)

  @Argument(
    help: "Markdown files or folders to lint. Default: every Markdown file in the content folder.")
  var paths: [String] = []

  @Flag(help: "Fail (exit status 1) when there is any warning, for CI.")
  var strict = false

  @Option(help: "How to print problems: text or json.")
  var format: LintFormat = .text

  @Option(help: "The content folder (site.yml and glossary/).")
  var content: String = "content"

  @Flag(help: "List the rules with their default thresholds and exit.")
  var listRules = false

  func validate() throws {
    var isDirectory: ObjCBool = false
    if paths.isEmpty, !listRules,
      !FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory)
        || !isDirectory.boolValue
    {
      throw ValidationError(
        "the content folder `\(content)` does not exist. Help: run in the site folder or pass --content DIR"
      )
    }
    for path in paths where !FileManager.default.fileExists(atPath: path) {
      throw ValidationError("`\(path)` does not exist. Help: give a Markdown file or a folder")
    }
  }

  func run() throws {
    if listRules {
      print(Self.ruleList())
      return
    }
    let contentURL = URL(fileURLWithPath: content)
    let inputs = PlainLintInputs.load(contentDirectory: contentURL)
    var diagnostics = inputs.diagnostics
    var configuration = LintConfiguration.default
    do {
      configuration = try LintConfiguration(settings: inputs.settings)
    } catch let error as LintConfigurationError {
      configuration = error.configuration
      diagnostics += error.diagnostics(file: inputs.settingsFile) {
        LintFiles.line(ofKey: $0, in: inputs.settingsText)
      }
    }
    let context = LintContext(glossaryNames: inputs.glossaryNames)
    let files = LintFiles.markdownFiles(
      in: paths.isEmpty ? [contentURL] : paths.map(URL.init(fileURLWithPath:)))
    for file in files {
      let display = LintFiles.displayPath(for: file)
      guard let data = FileManager.default.contents(atPath: file.path) else {
        diagnostics.append(
          .error(SourceLocation(file: display), "the file could not be read", code: "source.read"))
        continue
      }
      guard let page = LintFiles.body(of: data) else {
        diagnostics.append(
          .error(
            SourceLocation(file: display), "the file is not valid UTF-8",
            hint: "save the file as UTF-8", code: "source.encoding"))
        continue
      }
      diagnostics += Linter.lint(
        file: display, markdownBody: page.body, bodyLineOffset: page.bodyLineOffset,
        context: context, configuration: configuration)
    }
    let summary = Self.summary(files: files.count, diagnostics)
    switch format {
    case .text:
      if !diagnostics.isEmpty { print(DiagnosticPrinter.render(diagnostics, as: .text)) }
      print(summary)
    case .json:
      print(DiagnosticPrinter.render(diagnostics, as: .json))
      FileHandle.standardError.write(Data((summary + "\n").utf8))
    }
    if diagnostics.hasErrors || (strict && diagnostics.warningCount > 0) { throw ExitCode(1) }
  }

  static func summary(files: Int, _ diagnostics: [Diagnostic]) -> String {
    let fileWord = files == 1 ? "file" : "files"
    var parts: [String] = []
    let errors = diagnostics.errorCount
    let warnings = diagnostics.warningCount
    if errors > 0 { parts.append("\(errors) \(errors == 1 ? "error" : "errors")") }
    if warnings > 0 { parts.append("\(warnings) \(warnings == 1 ? "warning" : "warnings")") }
    return "Linted \(files) \(fileWord): "
      + (parts.isEmpty ? "no problems." : parts.joined(separator: ", ") + ".")
  }

  static func ruleList() -> String {
    let width = Linter.rules.map(\.id.count).max() ?? 0
    return Linter.rules.map { rule in
      let padded = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
      let setting =
        rule.defaultThreshold.map { "default \($0): \(rule.thresholdMeaning ?? "")" } ?? "on or off"
      return "\(padded)  \(rule.summary)\n\(String(repeating: " ", count: width + 2))\(setting)"
    }.joined(separator: "\n")
  }
}

/// What `portal lint` needs from the content folder: the `lint:` settings of site.yml and the
/// glossary names. Read here with a minimal reader of those few keys until the command is wired
/// to the Content module (`ContentLoader.load` → `config.lint` and the glossary pages' `term`
/// and `aliases`).
struct PlainLintInputs {
  var settings: [String: String] = [:]
  var settingsFile: String
  var settingsText: String?
  var glossaryNames: Set<String> = []
  var diagnostics: [Diagnostic] = []

  static func load(contentDirectory: URL) -> PlainLintInputs {
    let siteURL = contentDirectory.appendingPathComponent("site.yml")
    var inputs = PlainLintInputs(settingsFile: LintFiles.displayPath(for: siteURL))
    if let data = FileManager.default.contents(atPath: siteURL.path),
      let text = String(data: data, encoding: .utf8)
    {
      inputs.settingsText = text
      inputs.settings = PlainYAML.mapping("lint", in: text)
    }
    let glossary = contentDirectory.appendingPathComponent("glossary")
    for file in LintFiles.markdownFiles(in: [glossary]) {
      guard let data = FileManager.default.contents(atPath: file.path),
        let text = String(data: data, encoding: .utf8),
        let frontMatter = LintFiles.frontMatter(of: text)
      else { continue }
      if let term = PlainYAML.scalar("term", in: frontMatter) { inputs.glossaryNames.insert(term) }
      inputs.glossaryNames.formUnion(PlainYAML.list("aliases", in: frontMatter))
    }
    return inputs
  }
}

/// Just enough YAML for `lint:`, `term:` and `aliases:` at the top level, block or flow style.
enum PlainYAML {
  static func lines(_ text: String) -> [Substring] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
  }

  static func unquoted(_ s: Substring) -> String {
    var v = s
    if let hash = v.range(of: " #") { v = v[..<hash.lowerBound] }
    v = v.trimmingCharacters(in: .whitespaces)[...]
    if v.count >= 2, let f = v.first, f == "\"" || f == "'", v.last == f {
      v = v.dropFirst().dropLast()
    }
    return String(v)
  }

  /// The value after `key:` on a top-level line, and the lines indented under it.
  static func entry(_ key: String, in text: String) -> (inline: Substring, block: [Substring])? {
    let all = lines(text)
    guard let i = all.firstIndex(where: { $0.hasPrefix(key + ":") }) else { return nil }
    let inline = all[i].dropFirst(key.count + 1)
    var block: [Substring] = []
    for line in all[(i + 1)...] {
      if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      guard line.first == " " || line.first == "\t" else { break }
      block.append(line)
    }
    return (inline, block)
  }

  static func scalar(_ key: String, in text: String) -> String? {
    guard let (inline, _) = entry(key, in: text) else { return nil }
    let value = unquoted(inline)
    return value.isEmpty ? nil : value
  }

  static func list(_ key: String, in text: String) -> [String] {
    guard let (inline, block) = entry(key, in: text) else { return [] }
    let flow = unquoted(inline)
    if flow.hasPrefix("["), flow.hasSuffix("]") {
      return flow.dropFirst().dropLast().split(separator: ",").map { unquoted($0) }.filter {
        !$0.isEmpty
      }
    }
    return block.compactMap { line in
      let t = line.trimmingCharacters(in: .whitespaces)
      return t.hasPrefix("- ") ? unquoted(t.dropFirst(2)) : nil
    }
  }

  static func mapping(_ key: String, in text: String) -> [String: String] {
    guard let (inline, block) = entry(key, in: text) else { return [:] }
    var pairs: [Substring] = block
    let flow = unquoted(inline)
    if flow.hasPrefix("{"), flow.hasSuffix("}") {
      pairs = flow.dropFirst().dropLast().split(separator: ",")
    }
    var result: [String: String] = [:]
    for pair in pairs {
      guard let colon = pair.firstIndex(of: ":") else { continue }
      let k = unquoted(pair[..<colon])
      if k.isEmpty || k.hasPrefix("#") { continue }
      result[k] = unquoted(pair[pair.index(after: colon)...])
    }
    return result
  }
}

/// Finding and reading the Markdown files to lint.
enum LintFiles {
  /// Markdown files under the given files and folders, sorted; names starting with `_` or `.`
  /// are skipped, as the build skips them.
  static func markdownFiles(in urls: [URL]) -> [URL] {
    var files: [URL] = []
    let fm = FileManager.default
    for url in urls {
      var isDirectory: ObjCBool = false
      guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
      guard isDirectory.boolValue else {
        files.append(url)
        continue
      }
      let enumerator = fm.enumerator(
        at: url, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
      while let child = enumerator?.nextObject() as? URL {
        if child.lastPathComponent.hasPrefix("_") {
          if (try? child.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
            enumerator?.skipDescendants()
          }
          continue
        }
        if child.pathExtension == "md" { files.append(child) }
      }
    }
    return files.map(\.standardizedFileURL).sorted { $0.path < $1.path }
  }

  /// The body of a content file and how many lines come before it; the whole text when the file
  /// has no front matter. nil when the bytes are not UTF-8.
  static func body(of data: Data) -> (body: String, bodyLineOffset: Int)? {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
    let lines = PlainYAML.lines(text)
    guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
      let close = lines.dropFirst().firstIndex(where: {
        $0.trimmingCharacters(in: .whitespaces) == "---"
      })
    else { return (lines.joined(separator: "\n"), 0) }
    return (lines[(close + 1)...].joined(separator: "\n"), close + 1)
  }

  /// The front matter text between the `---` lines, or nil.
  static func frontMatter(of text: String) -> String? {
    let lines = PlainYAML.lines(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
      let close = lines.dropFirst().firstIndex(where: {
        $0.trimmingCharacters(in: .whitespaces) == "---"
      })
    else { return nil }
    return lines[1..<close].joined(separator: "\n")
  }

  /// The 1-based line where `key:` is written in site.yml, to point a configuration error at it.
  static func line(ofKey key: String, in text: String?) -> Int? {
    guard let text else { return nil }
    for (i, line) in PlainYAML.lines(text).enumerated() {
      let t = line.trimmingCharacters(in: .whitespaces)
      if t.hasPrefix(key + ":") || t.contains("{ \(key):") || t.contains(", \(key):")
        || t.contains("{\(key):")
      {
        return i + 1
      }
    }
    return nil
  }

  /// A path relative to the working directory when the file is inside it, as editors expect.
  static func displayPath(for url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let path = url.standardizedFileURL.path
    if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
    return path
  }
}

import ArgumentParser
import Content
import Diagnostics
import Foundation
import Lint
import Parallel

enum LintFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, github
}

/// What `--fix` fixes, in the help's words, from the rules that fix (`Rule.fix`).
enum LintHelp {
  static let fixes = Linter.rules.compactMap(\.fix?.english).joined(separator: ", ")
  static let fixesJa = Linter.rules.compactMap(\.fix?.japanese).joined(separator: "、")
}

struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check the Markdown for Japanese that is hard for residents to read.",
    discussion: """
      Warns about long sentences, too many 読点, long kanji runs, dense kanji, \
      double negatives, doubled particles, mixed です・ます and である, \
      unexplained katakana words, English and abbreviations, words of official documents \
      (施策, 鑑み), vague link text, images \
      without alternative text, dates without a weekday, half-width kana, \
      kanji numbers, kanji outside the 常用漢字 without a reading, Markdown shown as typed (##見出し, **「」**です, ［］（）), \
      and invisible characters (zero-width spaces, bidi controls): \
      `file:line:column: warning: … [rule]` with a hint.

      Thresholds: content/site.yml, `lint:` mapping (rule id: number or off).
      Silence one line: <!-- lint-disable-line RULE --> at its end, or \
      <!-- lint-disable-next-line RULE --> on the line before. See docs/lint.md.

      --fix writes into the pages the fixes that have one right answer (\(LintHelp.fixes)), \
      prints each, then lints again.

      An `updated` day still to come, or a `publish` time more than a year away, is warned \
      too, as by portal build (today: --now, else the computer's clock).

      Exit status: 0 no errors (warnings allowed), 1 errors or, with --strict, \
      any warning, 2 usage errors.

      Examples:
        portal lint
        portal lint content/initiatives/ai-disaster-management.md
        portal lint --strict --format json
        portal lint --fix
        portal lint --list-rules
      """)

  @Argument(
    help: "Markdown files or folders to lint. Default: every Markdown file in the content folder.")
  var paths: [String] = []

  @Flag(help: "Fail (exit status 1) when there is any warning, for CI.")
  var strict = false

  @Option(
    help:
      "How to print problems: text, json, or github (GitHub Actions annotations on the lines named)."
  )
  var format: LintFormat = .text

  @Option(help: "The content folder (site.yml and glossary/).")
  var content: String = "content"

  @Flag(help: "List the rules with their default thresholds and exit.")
  var listRules = false

  @Flag(
    help:
      "Fix in the pages what has one right fix (\(LintHelp.fixes)), then lint again."
  )
  var fix = false

  @Option(
    help:
      "Today, as ISO 8601 (e.g. 2026-12-01T09:00:00+09:00), for the `updated` days still to come and the far `publish` times; the computer's clock by default."
  )
  var now: String?

  func validate() throws {
    if listRules, fix {
      throw ValidationError(
        say(
          "--fix and --list-rules cannot be used together\nHelp: list the rules with portal lint --list-rules, fix the pages with portal lint --fix",
          "--fix と --list-rules は一緒に使えません\n直し方: 規則の一覧は portal lint --list-rules、ページを直すのは portal lint --fix です"
        ))
    }
    if listRules, format == .github {
      throw RuleListJSON.formatMistake(format.rawValue, command: "lint")
    }
    if !listRules, let mistake = ProjectFolder.mistake(content: content, command: "lint") {
      throw mistake
    }
    // A content folder that is not there is reported as the build reports it (exit 1, in the
    // format asked for), not as a usage mistake: docs/decisions.md, README's exit codes.
    if let now, BuildCommand.clock(now) == nil {
      throw BuildCommand.notADateTime(now)
    }
    for path in paths where !FileManager.default.fileExists(atPath: path) {
      // `initiatives/x.md` for `content/initiatives/x.md`: a path from the content folder, as
      // the build's messages name files under it; paths start from the folder one is in.
      let inContent = (content as NSString).appendingPathComponent(path)
      let meant =
        !path.hasPrefix("/") && FileManager.default.fileExists(atPath: inContent)
        ? inContent : PathMeant.suggestion(for: path)
      throw ValidationError(
        say(
          "`\(path)` does not exist\nHelp: "
            + (meant.map { "did you mean `\($0)`?" } ?? "give a Markdown file or a folder"),
          "`\(path)` がありません\n直し方: "
            + (meant.map { "`\($0)` のまちがいではありませんか。" }
              ?? "Markdown のファイルかフォルダーを指定してください")))
    }
    // A path lint does not read said "Linted 0 files: no problems", which reads as a pass.
    let folder = URL(fileURLWithPath: content).standardizedFileURL.resolvingSymlinksInPath().path
    for path in paths {
      let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
      guard url.path == folder || url.path.hasPrefix(folder + "/") else {
        throw ValidationError(
          say(
            "`\(path)` is not in the content folder `\(content)`\nHelp: portal lint reads the pages of the content folder: give a file or folder under it, or the folder with --content DIR",
            "`\(path)` は content フォルダー `\(content)` の中にありません\n直し方: portal lint が確かめるのは content フォルダーのページです。その中のファイルかフォルダーを指定するか、`--content` で content フォルダーを指定してください"
          ))
      }
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      if !isDirectory.boolValue, url.pathExtension != "md" {
        throw ValidationError(
          say(
            "`\(path)` is not a Markdown page\nHelp: portal lint checks the text of .md pages; problems in site.yml are reported by portal build",
            "`\(path)` は Markdown のページではありません\n直し方: portal lint が確かめるのは .md のページの文章です。site.yml の問題は portal build で表示されます"
          ))
      }
    }
  }

  func run() throws {
    if listRules {
      print(format == .json ? RuleListJSON.lint() : Self.ruleList())
      return
    }
    var (diagnostics, files, loaded) = lint()
    if fix, loaded {
      // Again until nothing more is fixed: one fix can show a problem another hid (a
      // zero-width space before `##見出し`), and of two that overlap the second waits. The
      // lint that fixed nothing is what is left, and is reported.
      var done = LintFix.Report()
      for _ in 0..<LintFix.passes {
        let pass = LintFix.apply(diagnostics, contentFolder: content)
        done.add(pass)
        guard !pass.fixed.isEmpty else { break }
        (diagnostics, files, loaded) = lint()
        guard loaded else { break }
      }
      let lines = LintFix.lines(done, in: .current).joined(separator: "\n")
      // Beside JSON on stderr, as the summary, so stdout stays one JSON document.
      if format == .json {
        FileHandle.standardError.write(Data((lines + "\n").utf8))
      } else {
        print(lines)
      }
    }
    report(diagnostics, files: files)
    if !loaded || diagnostics.hasErrors || (strict && diagnostics.warningCount > 0) {
      throw ExitCode(1)
    }
  }

  /// One lint of the pages asked for: the problems, how many files were read, and whether the
  /// content could be read at all (when not, the problems say why).
  private func lint() -> (diagnostics: [Diagnostic], files: Int, loaded: Bool) {
    let contentURL = URL(fileURLWithPath: content)
    // The same loader as the build: site.yml's `lint:` settings, the glossary names, and every
    // page's body with the line it starts on. Front matter errors are reported too, and of its
    // warnings those about writing that need the clock (`clockCodes`).
    let clock = now.flatMap(BuildCommand.clock) ?? DateTime(date: Date())
    // The front matter values lint reads come from the loader's parse of each page.
    let (set, loaded) = ContentLoader.load(
      contentDirectory: contentURL, includeDrafts: true, now: clock,
      frontMatterKeys: Linter.frontMatterKeys)
    let selected = LintFiles.selection(paths)
    func isSelected(_ file: String) -> Bool {
      guard let selected else { return true }
      let path = URL(fileURLWithPath: file).standardizedFileURL.path
      return selected.contains { path == $0 || path.hasPrefix($0 + "/") }
    }
    let loadDiagnostics = PathMeant.hinted(loaded, folders: ["content": content])
    var diagnostics = loadDiagnostics.filter {
      ($0.severity == .error || Self.clockCodes.contains($0.code ?? ""))
        && isSelected($0.location.file)
    }
    guard let set else {
      // Nothing could be read (site.yml unreadable, say): its errors are why, whichever files
      // were asked for. Filtered by the selection they had printed nothing, and exit 1.
      let stopping = loadDiagnostics.filter {
        $0.severity == .error && !isSelected($0.location.file)
      }
      return (
        diagnostics + stopping, Self.filesRead(diagnostics, pages: [], isSelected), false
      )
    }
    let configuration: LintConfiguration
    do {
      configuration = try LintConfiguration(settings: set.config.lint)
    } catch {
      configuration = error.configuration
      let settingsText = try? String(
        contentsOfFile: contentURL.appendingPathComponent("site.yml").path, encoding: .utf8)
      diagnostics += error.diagnostics(file: set.configPath) {
        LintFiles.line(ofKey: $0, in: settingsText)
      }
    }
    let context = LintContext(
      glossaryNames: glossaryNames(of: set.pages), files: set.files,
      allowsRawHTML: set.config.allowRawHTML, knownWords: set.config.knownWords,
      englishNames: glossaryEnglishNames(of: set.pages),
      names: siteNames(of: set.pages, config: set.config))
    let pages = set.pages.filter { isSelected($0.path) }
    let rules = configuration
    let frontMatters = set.frontMatters
    let results = pages.parallelMap { page in
      let yearOfDay: DayYears? =
        if case .event(let m) = page.meta { m.yearOfDay } else { nil }
      return Linter.lint(
        file: page.path, markdownBody: page.body, bodyLineOffset: page.bodyLine - 1,
        context: context,
        configuration: rules, relativePath: page.relativePath, yearOfDay: yearOfDay)
        + (frontMatters[page.relativePath].map {
          Linter.lintFrontMatter(
            file: page.path, reading: $0, context: context, configuration: rules,
            yearOfDay: yearOfDay)
        } ?? [])
    }
    diagnostics += results.flatMap { $0 }
    return (diagnostics, Self.filesRead(diagnostics, pages: pages, isSelected), true)
  }

  /// The Markdown files read: the pages, and those whose front matter stopped them being one
  /// (their errors are among the diagnostics; "0 files" with an error read as a contradiction).
  /// The build's warnings about a date judged by today: an `updated` day still to come, a
  /// `publish` time more than a year ahead (a slipped year). Each is a slip in the writing
  /// that only the clock shows, so the lint CI runs with `--now` gives them too.
  static let clockCodes: Set = [FutureDates.code, FarPublish.code]

  static func filesRead(
    _ diagnostics: [Diagnostic], pages: [Page], _ isSelected: (String) -> Bool
  ) -> Int {
    Set(pages.map(\.path)).union(
      diagnostics.map(\.location.file).filter { $0.hasSuffix(".md") && isSelected($0) }
    ).count
  }

  /// The diagnostics in the format asked for, and the summary line (on stderr beside JSON, so
  /// stdout stays one JSON document).
  func report(_ diagnostics: [Diagnostic], files: Int) {
    var summary = Self.summary(files: files, diagnostics, in: .current)
    if let rules = Self.mostWarned(diagnostics, in: .current) { summary = rules + "\n" + summary }
    switch format {
    case .text, .github:
      if !diagnostics.isEmpty {
        print(
          DiagnosticPrinter.render(
            diagnostics, as: format == .text ? .text : .github, language: .current))
      }
      print(summary)
    case .json:
      print(DiagnosticPrinter.render(diagnostics, as: .json))
      FileHandle.standardError.write(Data((summary + "\n").utf8))
    }
  }

  /// The rules with the most warnings, when there are many of several rules: a writer facing
  /// hundreds sees where most come from (a threshold to set in site.yml, or a habit to
  /// change), and a site's CI which rule grew. Nil for fewer than 10 warnings or one rule.
  static func mostWarned(
    _ diagnostics: [Diagnostic], in language: MessageLanguage = .english
  ) -> String? {
    var counts: [String: Int] = [:]
    for d in diagnostics where d.severity == .warning { counts[d.code ?? "", default: 0] += 1 }
    guard counts.count >= 2, counts.values.reduce(0, +) >= 10 else { return nil }
    let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .prefix(3)
    if language == .japanese {
      return "警告の多い規則："
        + top.map { "\($0.key) \(JapaneseCount.items($0.value))" }.joined(separator: "、")
        + (counts.count > 3 ? "（\(JapaneseCount.digits(counts.count))規則のうち）" : "")
    }
    return "Most warnings: "
      + top.map { "\($0.key) \($0.value)" }.joined(separator: ", ")  // as the summary counts
      + (counts.count > 3 ? " (of \(counts.count) rules)" : "")
  }

  static func summary(
    files: Int, _ diagnostics: [Diagnostic], in language: MessageLanguage = .english
  ) -> String {
    if language == .japanese {
      var parts: [String] = []
      if diagnostics.errorCount > 0 {
        parts.append("エラー\(JapaneseCount.items(diagnostics.errorCount))")
      }
      if diagnostics.warningCount > 0 {
        parts.append("警告\(JapaneseCount.items(diagnostics.warningCount))")
      }
      return "ファイル\(JapaneseCount.things(files))を確かめました："
        + (parts.isEmpty ? "問題はありません。" : parts.joined(separator: "、") + "です。")
    }
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
      let summary: String
      var setting: String
      if MessageLanguage.current == .japanese {
        summary = rule.japaneseSummary
        setting =
          rule.defaultThreshold.map { "既定値 \($0)：\(rule.japaneseThresholdMeaning ?? "")" }
          ?? "オン・オフ"
        if rule.fixable { setting += "（--fix で直せるものがあります）" }
      } else {
        summary = rule.summary
        setting =
          rule.defaultThreshold.map { "default \($0): \(rule.thresholdMeaning ?? "")" }
          ?? "on or off"
        if rule.fixable { setting += "; --fix fixes some" }
      }
      return "\(padded)  \(summary)\n\(String(repeating: " ", count: width + 2))\(setting)"
    }.joined(separator: "\n")
  }
}

/// Finding and reading the Markdown files to lint.
enum LintFiles {
  /// The standardized absolute paths given on the command line, or nil for "everything".
  static func selection(_ paths: [String]) -> [String]? {
    paths.isEmpty ? nil : paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
  }

  /// The 1-based line where `key:` is written in site.yml, to point a configuration error at it.
  static func line(ofKey key: String, in text: String?) -> Int? {
    guard let text else { return nil }
    for (i, line) in text.sourceLines.enumerated() {
      let t = line.trimmingCharacters(in: .whitespaces)
      if t.hasPrefix(key + ":") || t.contains("{ \(key):") || t.contains(", \(key):")
        || t.contains("{\(key):")
      {
        return i + 1
      }
    }
    return nil
  }

}

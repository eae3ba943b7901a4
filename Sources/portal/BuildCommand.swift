import ArgumentParser
import Build
import Content
import Diagnostics
import Foundation

/// Options every command that reads the content shares.
struct SiteLocations: ParsableArguments {
  @Option(help: "The content folder (Markdown and site.yml).")
  var content: String = "content"

  @Option(help: "The theme folder (templates/ and assets/).")
  var theme: String = "theme"

  @Option(
    name: .customLong("static"),
    help:
      "Files copied as they are to the same paths in the output (CNAME, .well-known/, _headers); nothing when the folder is missing."
  )
  var staticFolder: String = "static"

  @Option(
    name: [.long, .short],
    help:
      "The output folder (default: site, or site-drafts with --drafts). Replaced as a whole when a build succeeds."
  )
  var output: String?

  /// The output folder: `site`, or `site-drafts` for a build with drafts, so a preview of
  /// text not yet approved never lands in the folder that is uploaded.
  func outputFolder(drafts: Bool) -> String { output ?? (drafts ? "site-drafts" : "site") }
}

enum DiagnosticsOption: String, ExpressibleByArgument, CaseIterable {
  case text, json, github
}

struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build the site into the output folder.",
    discussion: """
      Every problem in the content is reported at once as `file:line:column: error: …` with a \
      hint. The output folder is replaced only when the build succeeds; a failed build leaves the \
      previous site untouched.

      Exit status: 0 built, 1 content errors (or, with --strict, warnings), 2 usage errors.

      Examples:
        portal build
        portal build --content content --theme theme --output site
        portal build --now 2026-12-01T09:00:00+09:00   (a fixed clock: reproducible)
        portal build --drafts --diagnostics json
        portal build --strict   (in CI: a warning stops the build, nothing is written)
        portal build --base-url https://preview.example.jp/pr-12/ --output preview
      """)

  @OptionGroup var locations: SiteLocations

  @Flag(help: "Include pages marked `draft: true` and pages whose `publish` time is still to come.")
  var drafts = false

  @Option(
    help:
      "The build clock as ISO 8601 (e.g. 2026-12-01T09:00:00+09:00), or seconds since 1970 after `@` (`--now @$SOURCE_DATE_EPOCH`); splits events into upcoming and past and decides which `publish` times have come."
  )
  var now: String?

  @Flag(
    help:
      "Treat warnings as errors: the output folder is left as it was and the exit status is 1 (for CI, so sample text or an overlong title is not published)."
  )
  var strict = false

  @Option(
    help:
      "How to print problems: text, json, or github (GitHub Actions annotations on the lines named)."
  )
  var diagnostics: DiagnosticsOption = .text

  @Flag(
    help:
      "Build everything into a new folder, as a first build does, without the cache of the last build (an output changed or damaged by hand)."
  )
  var noCache = false

  @Option(
    help:
      "Publish at this address instead of base_url in content/site.yml (e.g. a preview of a change: https://preview.example.jp/pr-12/)."
  )
  var baseURL: String?

  func validate() throws {
    if let mistake = ProjectFolder.mistake(content: locations.content, command: "build") {
      throw mistake
    }
    if let baseURL, let (problem, japanese) = Addresses.problems(baseURL, allowed: .siteBase) {
      let meant = Addresses.meant(baseURL, allowed: .siteBase)
      throw ValidationError(
        say(
          "`--base-url \(baseURL)` \(problem)\nHelp: write "
            + (meant.map { "--base-url \($0)" }
              ?? "for example --base-url https://preview.example.jp/pr-12/"),
          "`--base-url \(baseURL)` のアドレスは使えません。\(japanese)\n直し方: "
            + (meant.map { "--base-url \($0) と書いてください" }
              ?? "たとえば --base-url https://preview.example.jp/pr-12/ と書いてください")
        ))
    }
    if let now, BuildCommand.clock(now) == nil {
      throw Self.notADateTime(now)
    }
  }

  /// The clock `--now` gives: ISO 8601, or `@` and seconds since 1970 (as `date -d @…` and
  /// reproducible builds' `SOURCE_DATE_EPOCH` write it; in Japan's time, as the site's days
  /// are). `SOURCE_DATE_EPOCH` is not read by itself: it is the sources' time, and a site
  /// rebuilt daily to move its events on would stand still at the last commit.
  static func clock(_ now: String) -> DateTime? {
    if now.hasPrefix("@") {
      let digits = now.dropFirst()
      guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
        let seconds = Int64(digits)
      else { return nil }
      return DateTime(date: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
    return DateTime(iso: now, allowDateOnly: true)
  }

  /// `--now` that is no date-time (`portal build` and `portal lint` take the same).
  static func notADateTime(_ now: String) -> ValidationError {
    // A time without its offset (`2026-12-01T09:00`): the same with Japan's, as the front
    // matter's hint says.
    let meant = [now + ":00+09:00", now + "+09:00"].first {
      DateTime(iso: $0) != nil && !now.hasSuffix("Z") && !now.contains("+")
    }
    if let meant {
      return ValidationError(
        say(
          "`--now \(now)` has no offset: the build cannot tell which country's clock it is\nHelp: add Japan's offset: --now \(meant)",
          "`--now \(now)` には時差（タイムゾーン）がありません。どこの時刻か分かりません\n直し方: 日本の時刻を表す +09:00 を付けてください：--now \(meant)"
        ))
    }
    return ValidationError(
      say(
        "`--now \(now)` is not an ISO 8601 date-time\nHelp: write for example --now 2026-12-01T09:00:00+09:00, or a date alone: --now 2026-12-01 (midnight in Japan)",
        "`--now \(now)` は日時として読めません\n直し方: 日時は ISO 8601 の形で書いてください（例：--now 2026-12-01T09:00:00+09:00、日付だけなら --now 2026-12-01）"
      ))
  }

  func run() throws {
    OutputPermissions.readableByAll()
    let clock = now.flatMap(BuildCommand.clock) ?? DateTime(date: Date())
    var options = BuildOptions(
      contentDirectory: URL(fileURLWithPath: locations.content),
      themeDirectory: URL(fileURLWithPath: locations.theme),
      outputDirectory: URL(fileURLWithPath: locations.outputFolder(drafts: drafts)),
      includeDrafts: drafts, now: clock)
    options.staticDirectory = URL(fileURLWithPath: locations.staticFolder)
    options.endsProcess = true
    options.incremental = !noCache
    options.strict = strict
    options.baseURL = baseURL.map(SiteBaseAddress.normalized)
    let lock = try OutputLock.take(
      for: .build, options, format: DiagnosticFormat(rawValue: diagnostics.rawValue) ?? .text)
    defer { lock?.release() }
    var report = SiteBuilder.build(options)
    report.diagnostics = PathMeant.hinted(
      report.diagnostics, folders: ["content": locations.content, "theme": locations.theme])
    switch diagnostics {
    case .text:
      if !report.diagnostics.isEmpty {
        FileHandle.standardError.write(
          Data(
            (DiagnosticPrinter.render(report.diagnostics, as: .text, language: .current) + "\n")
              .utf8))
      }
      print(report.summary(in: .current))
    case .json:
      print(DiagnosticPrinter.render(report.diagnostics, as: .json))
      FileHandle.standardError.write(Data((report.summary(in: .current) + "\n").utf8))
    case .github:
      // On stdout, where the runner reads workflow commands.
      if !report.diagnostics.isEmpty {
        print(DiagnosticPrinter.render(report.diagnostics, as: .github, language: .current))
      }
      print(report.summary(in: .current))
    }
    if report.interrupted != 0 {
      FileHandle.standardError.write(Data(report.stopped(in: .current).utf8))
      throw ExitCode(128 + report.interrupted)
    }
    if !report.succeeded { throw ExitCode(1) }
  }
}

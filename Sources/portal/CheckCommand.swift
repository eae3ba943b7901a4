import ArgumentParser
import Check
import Diagnostics
import Foundation

enum CheckOutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, junit, github
}

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the built site for broken links and anchors and for accessibility problems.",
    // ArgumentParser shortens a usage this long to `<options>`: the options a check in CI
    // gives, the others in --help.
    usage:
      "portal check [--site <site>] [--strict] [--external] [--format <format>] [--list-rules] [<options>]",
    discussion: """
      Reads every page of the built site and reports, at the Markdown line that made it (from \
      the build's .portal/sourcemap.json) or else at the template:
        - links, #fragments, images, stylesheets, scripts, icons, feeds, redirect stubs and \
      sitemap.xml entries that lead to no file or no anchor;
        - images without alt, skipped heading levels, no or several h1, links and buttons \
      without text, vague link text (こちら, click here), tables without <th>, \
      duplicate ids, and <html> without lang;
        - what each page's Content-Security-Policy would block: an image or script from \
      another site, inline styles and scripts.
      With --external, http(s) links to other sites are fetched too (8 at a time, 2 per host, \
      with retries); good results are cached in <site>/.portal/external-cache.json, and URLs \
      matching `check: { skip: [...] }` in content/site.yml or --skip are not fetched.

      Run it from the project folder, after `portal build`. See docs/check.md.

      Exit status: 0 nothing broken (warnings allowed unless --strict), 1 errors or (with \
      --strict) warnings, 2 usage errors.

      Examples:
        portal check
        portal check --strict --format junit > check-report.xml
        portal check --external --skip 'https://www.example.jp/login/*'
        portal check --site public --format json
        portal check --list-rules
      """)

  @Option(help: "The built site folder.")
  var site: String = "site"

  @Flag(help: "Also fetch http(s) links to other sites.")
  var external = false

  @Option(
    help:
      "How to print the report: text, json, junit, or github (GitHub Actions annotations on the lines named)."
  )
  var format: CheckOutputFormat = .text

  @Flag(help: "Fail (exit status 1) on warnings too.")
  var strict = false

  @Option(
    help:
      "The site configuration whose `check.skip` URL patterns are not fetched. Default: content/site.yml if it exists."
  )
  var config: String?

  @Option(
    name: .customLong("skip"),
    help: "A URL pattern not to fetch (`*` matches anything); repeatable.")
  var skip: [String] = []

  @Option(
    parsing: .unconditional,
    help: "Seconds a good external result stays in the cache before it is fetched again.")
  var cacheMaxAge: Int = 86_400

  @Option(
    help:
      "The external-link cache file. Default: <site>/.portal/external-cache.json (portal build keeps it when it rebuilds the site)."
  )
  var cacheFile: String?

  @Flag(help: "Fetch every external link, neither reading nor writing the cache.")
  var noCache = false

  @Option(parsing: .unconditional, help: "Seconds to wait for an external site to answer.")
  var timeout: Double = 10

  @Option(
    parsing: .unconditional,
    help:
      "Retries after a timeout, a 5xx or 429 answer, or a failed connection (waiting 0.5 s, 1 s, 2 s, …)."
  )
  var retries: Int = 2

  @Option(parsing: .unconditional, help: "External requests at the same time.")
  var concurrency: Int = 8

  @Option(parsing: .unconditional, help: "External requests at the same time to one host.")
  var perHost: Int = 2

  @Option(
    help:
      "The site's public base URL. Default: the home page's canonical link, else guessed from sitemap.xml."
  )
  var baseURL: String?

  @Flag(help: "List the rules with their severity and exit.")
  var listRules = false

  func validate() throws {
    if listRules, format == .github || format == .junit {
      throw RuleListJSON.formatMistake(format.rawValue, command: "check")
    }
    if !listRules, let mistake = ProjectFolder.mistake(site: site, command: "check") {
      throw mistake
    }
    if let config, !FileManager.default.fileExists(atPath: config) {
      throw ValidationError(
        say(
          "`--config \(config)` does not exist\nHelp: give the path of site.yml",
          "`--config` に指定した `\(config)` がありません\n直し方: site.yml の場所を指定してください（例：--config content/site.yml）"
        ))
    }
    if timeout <= 0 {
      throw ValidationError(
        say(
          "`--timeout \(timeout.formatted())` must be more than 0 seconds\nHelp: for example --timeout 10 (the default)",
          "`--timeout \(timeout.formatted())` は使えません。0 より大きい秒数を指定してください\n直し方: たとえば --timeout 10 と書いてください（書かないときは 10 秒です）"
        ))
    }
    for (option, value, least, usual) in [
      ("--retries", retries, 0, 2), ("--cache-max-age", cacheMaxAge, 0, 86_400),
      ("--concurrency", concurrency, 1, 8), ("--per-host", perHost, 1, 2),
    ] where value < least {
      throw ValidationError(
        say(
          "`\(option) \(value)` must be \(least) or more\nHelp: for example \(option) \(usual) (the default)",
          "`\(option) \(value)` は使えません。\(least) 以上の数を指定してください\n直し方: たとえば \(option) \(usual) と書いてください（書かないときは \(usual) です）"
        ))
    }
    if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
      throw ValidationError(
        say(
          "`--base-url \(baseURL)` is not an http(s) URL\nHelp: write for example https://dx.example.jp/",
          "`--base-url \(baseURL)` は、`https://` か `http://` で始まるアドレスではありません\n直し方: たとえば --base-url https://dx.example.jp/ と書いてください"
        ))
    }
  }

  func run() throws {
    if listRules {
      print(format == .json ? RuleListJSON.check() : Self.ruleList(language: .current))
      return
    }
    var options = CheckOptions(site: URL(fileURLWithPath: site), baseURL: baseURL)
    if external {
      if let problem = CurlFetcher.unavailable {
        throw ValidationError(
          say(
            "--external needs libcurl: \(problem)\nHelp: install it, e.g. `apt-get install libcurl4`",
            "`--external` を使うには libcurl が必要です（\(problem)）\n直し方: libcurl をインストールしてください（例：`apt-get install libcurl4`）"
          ))
      }
      var e = ExternalCheckOptions()
      e.maxConcurrent = concurrency
      e.perHost = perHost
      e.timeout = timeout
      e.retries = retries
      e.cacheMaxAge = TimeInterval(cacheMaxAge)
      e.useCache = !noCache
      e.cacheFile = cacheFile.map { URL(fileURLWithPath: $0) }
      let configPath = config ?? "content/site.yml"
      e.skip = CheckConfiguration.load(URL(fileURLWithPath: configPath)).skip + skip
      options.external = e
    }
    let finalOptions = options
    var report = Self.wait { await SiteChecker.check(finalOptions) }
    report.general = PathMeant.hinted(report.general, folders: ["site": site])
    switch format {
    case .text, .github:
      print(
        CheckReporter.render(
          report, as: format == .text ? .text : .github, strict: strict, language: .current))
    case .json, .junit:
      print(CheckReporter.render(report, as: format == .json ? .json : .junit, strict: strict))
      FileHandle.standardError.write(
        Data((CheckReporter.summary(report, in: .current) + "\n").utf8))
    }
    if report.failed(strict: strict) { throw ExitCode(1) }
  }

  static func ruleList(language: MessageLanguage = .english) -> String {
    let width = RuleCatalog.all.map(\.id.count).max() ?? 0
    return RuleCatalog.all.map { rule in
      let padded = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
      let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
      return "\(padded)  \(severity)  \(rule.summary(in: language))"
    }.joined(separator: "\n")
  }

  /// Runs async work from the synchronous command (the `portal` entry point is synchronous).
  static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let box = WaitBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
      box.value = await work()
      done.signal()
    }
    done.wait()
    return box.value!
  }
}

/// Carries the result out of the task; written once before the semaphore is signalled.
private final class WaitBox<T>: @unchecked Sendable {
  var value: T?
}

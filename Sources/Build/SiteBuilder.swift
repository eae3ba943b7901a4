import Content
import Diagnostics
import Foundation
import Render
import Search
import Site

/// The build, read top to bottom as its steps: load content → resolve the site → load the theme
/// → render pages → add the search index and source map → write atomically.
public enum SiteBuilder {
  public static func build(_ options: BuildOptions) -> BuildReport {
    let clock = ContinuousClock()
    let started = clock.now
    var diagnostics: [Diagnostic] = []
    func finish(_ files: Int, _ counts: [(String, Int)] = []) -> BuildReport {
      let d = clock.now - started
      let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
      return BuildReport(diagnostics: diagnostics.sorted, pageCounts: counts, filesWritten: files, seconds: seconds)
    }

    // Step 0: never replace something that is not ours.
    do {
      try OutputWriter.validate(output: options.outputDirectory, protecting: [options.contentDirectory, options.themeDirectory])
    } catch {
      diagnostics.append(.error(SourceLocation(file: ContentLoader.displayPath(for: options.outputDirectory)), message(error), hint: nil, code: "output.unsafe"))
      return finish(0)
    }

    // Step 1: load and validate content.
    let (content, loadDiagnostics) = ContentLoader.load(contentDirectory: options.contentDirectory, includeDrafts: options.includeDrafts)
    diagnostics += loadDiagnostics

    // Step 2: load the theme (independent of content, so its errors are reported in the same run).
    let themePath = ContentLoader.displayPath(for: options.themeDirectory)
    let (theme, themeDiagnostics) = Theme.load(from: options.themeDirectory, displayPath: themePath)
    diagnostics += themeDiagnostics
    guard let content, let theme else { return finish(0) }

    // Step 3: resolve URLs, bodies and relations. Runs even when loading found errors, on the
    // pages that did load, so broken links are reported in the same run.
    let (site, resolveDiagnostics) = Resolver.resolve(content, now: options.now)
    diagnostics += resolveDiagnostics
    guard !diagnostics.hasErrors else { return finish(0) }

    // Step 4: render pages, feeds, calendars, sitemap, assets.
    var files = Renderer.render(site, theme: theme)

    // Step 5: the search index and the source map for `portal check`.
    files += SearchIndexStep.files(for: site)
    files.append(SourceMapStep.file(for: files))

    // Step 6: write atomically.
    do {
      let written = try OutputWriter.write(files, to: options.outputDirectory)
      return finish(written, counts(site))
    } catch {
      diagnostics.append(.error(SourceLocation(file: ContentLoader.displayPath(for: options.outputDirectory)), message(error), code: "output.write"))
      return finish(0)
    }
  }

  static func message(_ error: Error) -> String {
    switch error as? OutputWriter.Failure {
    case .unsafe(let m)?, .io(let m)?: m
    case nil: "\(error)"
    }
  }

  static func counts(_ site: Site) -> [(String, Int)] {
    var result: [(String, Int)] = []
    for kind in ContentKind.allCases {
      let n = site.pages.count { $0.kind == kind }
      result.append((kind.rawValue, n))
    }
    result.append(("domain", site.domains.count))
    return result
  }
}

/// Turns resolved pages into search documents and the index files under `search/`.
enum SearchIndexStep {
  static func files(for site: Site) -> [OutputFile] {
    var documents: [SearchDocument] = []
    for p in site.pages {
      let kind: SearchKind
      var date: String?
      var keywords = p.page.tags
      switch p.page.meta {
      case .strategy, .field: kind = .strategy
      case .initiative(let m):
        kind = .initiative
        date = m.started?.description
      case .event(let m):
        kind = .event
        date = m.start.local.date.description
      case .glossary(let m):
        kind = .glossary
        keywords += [m.reading] + m.aliases + (m.english.map { [$0] } ?? [])
      }
      let title: String
      if case .field(let m) = p.page.meta { title = site.field(m.field.id)?.config.name ?? p.title } else { title = p.title }
      documents.append(
        SearchDocument(url: p.url, title: title, kind: kind, summary: p.page.summary ?? "", body: p.plainText, date: date, keywords: keywords))
    }
    documents.sort { $0.url < $1.url }
    return SearchIndexBuilder.build(documents).sorted { $0.key < $1.key }.map { OutputFile(path: "search/" + $0.key, data: $0.value) }
  }
}

/// `.portal/sourcemap.json`: which Markdown file and template made each page, and where each
/// link and heading of the body was written, so `portal check` can name the line to fix.
enum SourceMapStep {
  struct Entry: Encodable {
    var source: String?
    var template: String?
    var links: [Link]
    var headings: [SourceHeading]
  }
  struct Link: Encodable {
    var url: String
    var text: String
    var image: Bool
    var line: Int
    var column: Int
  }
  struct Map: Encodable {
    var version = 1
    var pages: [String: Entry]
  }

  static func file(for files: [OutputFile]) -> OutputFile {
    var pages: [String: Entry] = [:]
    for f in files where f.path.hasSuffix(".html") {
      pages[f.path] = Entry(
        source: f.source, template: f.template,
        links: f.links.map { Link(url: $0.url, text: $0.text, image: $0.image, line: $0.line, column: $0.column) }, headings: f.headings)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(Map(pages: pages))) ?? Data()
    return OutputFile(path: "\(OutputWriter.markerFolder)/sourcemap.json", data: data)
  }
}

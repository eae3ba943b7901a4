import Content
import Foundation
import Testing

@testable import Site

@Suite struct RedirectsTests {
  func outputPath(_ address: String, basePath: String) -> Result<String, Redirects.Problem> {
    Redirects.outputPath(
      of: address, baseURL: "https://dx.example.jp" + basePath, basePath: basePath)
  }

  func path(_ address: String, basePath: String = "/") -> String? {
    try? outputPath(address, basePath: basePath).get()
  }

  func problem(_ address: String, basePath: String = "/") -> String? {
    guard case .failure(let p) = outputPath(address, basePath: basePath) else { return nil }
    return p.message
  }

  /// An address as a writer copies it, from the browser or an old leaflet, becomes the file that
  /// answers it.
  @Test func addressesBecomeOutputFiles() {
    #expect(path("/initiatives/old-name/") == "initiatives/old-name/index.html")
    #expect(path("/initiatives/old-name") == "initiatives/old-name/index.html")
    #expect(path("/kurashi/dx.html") == "kurashi/dx.html")
    #expect(path("/kurashi/DX.HTM") == "kurashi/DX.HTM")
    #expect(path("https://dx.example.jp/initiatives/old/") == "initiatives/old/index.html")
    #expect(path("http://DX.example.jp/initiatives/old/") == "initiatives/old/index.html")
    // Percent-encoded, as the address bar copies Japanese.
    #expect(path("/%E5%8F%96%E7%B5%84/%E9%98%B2%E7%81%BD/") == "取組/防災/index.html")
    #expect(path("/取組/防災/") == "取組/防災/index.html")
    // The home page's address, which the home page itself answers (reported as a conflict).
    #expect(path("/") == "index.html")
  }

  /// Under a base path the address may be written with it (as the browser shows it) or without.
  @Test func basePathIsOptional() {
    #expect(path("/dx/initiatives/old/", basePath: "/dx/") == "initiatives/old/index.html")
    #expect(path("/initiatives/old/", basePath: "/dx/") == "initiatives/old/index.html")
    #expect(
      path("https://dx.example.jp/dx/initiatives/old/", basePath: "/dx/")
        == "initiatives/old/index.html")
    #expect(path("/dx", basePath: "/dx/") == "index.html")
  }

  /// Nothing may leave the output folder, reach a hidden folder (`.portal/` holds the cache), or
  /// need a server to answer it.
  @Test func unsafeOrUnanswerableAddressesAreRefused() {
    #expect(problem("initiatives/old/") == "it does not start with `/`")
    #expect(problem("/initiatives/../../etc/") != nil)
    #expect(problem("/./x/") != nil)
    #expect(problem("/.portal/cache/") != nil)
    #expect(problem("/a//b/") == "it has an empty part (`//`)")
    #expect(problem("/%2E%2E/x/") != nil)
    #expect(problem("/a%5Cb/") != nil)
    #expect(problem("/a/%0A/") != nil)
    #expect(problem("/%FF/") != nil)
    #expect(problem("/old/?id=3") != nil)
    #expect(problem("/old/#top") != nil)
    #expect(problem("/old/page.php") != nil)
    #expect(problem("/files/report.pdf") != nil)
    #expect(problem("https://www.pref.chiba.lg.jp/old/") == "it is an address on another site")
  }

  /// A bad address is reported where it is written, and the rest of the site still resolves.
  @Test func problemsNameTheLineAndColumn() throws {
    let content = try #require(loadFixtureContent())
    var pages = content.pages
    let i = try #require(pages.firstIndex { $0.slug == "ai-disaster" })
    let p = pages[i]
    pages[i] = Page(
      kind: p.kind, slug: p.slug, path: p.path, relativePath: p.relativePath, body: p.body,
      bodyLine: p.bodyLine, tags: p.tags, draft: p.draft, updated: p.updated,
      redirectFrom: [
        Reference(id: "/initiatives/old-ai/", line: 7, column: 17),
        Reference(id: "old/", line: 8, column: 5),
      ], meta: p.meta)
    var changed = content
    changed.pages = pages
    let (site, diagnostics) = Resolver.resolve(
      changed, now: try #require(DateTime(iso: "2026-11-25T00:00:00+09:00")))
    // The fixture's page about links and copyright keeps `/link.html` as an earlier address.
    let links = try #require(pages.firstIndex { $0.kind == .about && $0.slug == "links" })
    #expect(
      site.redirects == [
        Redirect(
          page: i, url: "/initiatives/old-ai/", outputPath: "initiatives/old-ai/index.html",
          line: 7, column: 17),
        Redirect(page: links, url: "/link.html", outputPath: "link.html", line: 3, column: 16),
      ])
    #expect(
      diagnostics.map {
        "\($0.location.file):\($0.location.line):\($0.location.column) \($0.message)"
      }
        == ["\(p.path):8:5 `redirect_from` cannot use `old/`: it does not start with `/`"])
  }
}

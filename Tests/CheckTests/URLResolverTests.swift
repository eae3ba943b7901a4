import Testing

@testable import Check

@Suite struct URLResolverTests {
  let root = URLResolver(base: SiteBase(url: "https://dx.example.jp/")!)
  let sub = URLResolver(base: SiteBase(url: "https://example.jp/dx/")!)

  @Test func baseFromURL() {
    #expect(
      SiteBase(url: "https://DX.Example.jp:443/")
        == SiteBase(origin: "https://dx.example.jp", path: "/"))
    #expect(
      SiteBase(url: "https://example.jp/dx/index.html")
        == SiteBase(origin: "https://example.jp", path: "/dx/"))
    #expect(SiteBase(url: "mailto:a@b") == nil)
  }

  @Test func rootRelativeAndFolders() {
    #expect(
      root.resolve("/", from: "a/index.html") == .local(file: "index.html", path: "", fragment: nil)
    )
    #expect(
      root.resolve("/glossary/dx/", from: "a/index.html")
        == .local(file: "glossary/dx/index.html", path: "glossary/dx/", fragment: nil))
    #expect(
      root.resolve("/assets/s.css?v=2", from: "index.html")
        == .local(file: "assets/s.css", path: "assets/s.css", fragment: nil))
  }

  @Test func relativeToThePageFolder() {
    #expect(
      root.resolve("../b/#x", from: "initiatives/a/index.html")
        == .local(file: "initiatives/b/index.html", path: "initiatives/b/", fragment: "x"))
    #expect(
      root.resolve("./", from: "a/index.html")
        == .local(file: "a/index.html", path: "a/", fragment: nil))
    #expect(
      root.resolve("img.png", from: "404.html")
        == .local(file: "img.png", path: "img.png", fragment: nil))
    #expect(root.resolve("../../x/", from: "a/index.html") == .outside)
  }

  @Test func fragmentsOnlyAndJapaneseAreDecoded() {
    #expect(
      root.resolve("#戦略期間", from: "s/index.html")
        == .local(file: "s/index.html", path: "#戦略期間", fragment: "戦略期間"))
    #expect(
      root.resolve("/s/#%E6%88%A6%E7%95%A5", from: "index.html")
        == .local(file: "s/index.html", path: "s/", fragment: "戦略"))
    #expect(
      root.resolve("/%E7%94%A8%E8%AA%9E/", from: "index.html")
        == .local(file: "用語/index.html", path: "用語/", fragment: nil))
  }

  @Test func ownHostIsLocalOtherHostsAreExternal() {
    #expect(
      root.resolve("https://dx.example.jp/events/#a", from: "index.html")
        == .local(file: "events/index.html", path: "events/", fragment: "a"))
    #expect(
      root.resolve("http://DX.example.jp/", from: "index.html")
        == .local(file: "index.html", path: "", fragment: nil))
    #expect(
      root.resolve("https://www.pref.chiba.lg.jp/a.html#x", from: "index.html")
        == .external("https://www.pref.chiba.lg.jp/a.html"))
    #expect(
      root.resolve("//cdn.example.com/x.js", from: "index.html")
        == .external("https://cdn.example.com/x.js"))
  }

  @Test func basePathIsStrippedAndOutsideIsExternal() {
    #expect(
      sub.resolve("/dx/a/", from: "index.html")
        == .local(file: "a/index.html", path: "a/", fragment: nil))
    #expect(
      sub.resolve("/dx", from: "index.html") == .local(file: "index.html", path: "", fragment: nil))
    // Root-relative outside the base path: what it names with the base path put back, for the
    // checker to tell a forgotten base path from another page of the host.
    #expect(
      sub.resolve("/other/", from: "index.html")
        == .outsideBase(
          file: "other/index.html", written: "/dx/other/", external: "https://example.jp/other/"))
    #expect(
      sub.resolve("https://example.jp/other/", from: "index.html")
        == .external("https://example.jp/other/"))
  }

  @Test func otherSchemesAreSkipped() {
    for url in [
      "mailto:dx@pref.chiba.lg.jp", "tel:043-000-0000", "data:image/png;base64,AAAA",
      "javascript:void(0)", "",
    ] {
      #expect(root.resolve(url, from: "index.html") == .skipped)
    }
  }
}

/// A Japanese domain and path: the sitemap's escaped form, the Punycode host and the address as
/// typed are one site.
@Suite struct JapaneseBaseTests {
  let site = URLResolver(base: SiteBase(url: "https://xn--r8jz45g.jp/ポータル/")!)

  @Test(arguments: [
    "https://xn--r8jz45g.jp/%E3%83%9D%E3%83%BC%E3%82%BF%E3%83%AB/about/",
    "https://例え.jp/ポータル/about/",
    "https://%E4%BE%8B%E3%81%88.jp/%e3%83%9d%e3%83%bc%e3%82%bf%e3%83%ab/about/",
    "/ポータル/about/",
  ])
  func sameSite(_ url: String) {
    #expect(
      site.resolve(url, from: "index.html")
        == .local(file: "about/index.html", path: "about/", fragment: nil))
  }

  @Test func baseTypedInJapanese() {
    #expect(
      SiteBase(url: "https://例え.jp/ポータル/")
        == SiteBase(
          origin: "https://xn--r8jz45g.jp", path: "/%E3%83%9D%E3%83%BC%E3%82%BF%E3%83%AB/"))
    #expect(URLParts.canonicalPath("/a%2fb/%e3%81%82") == "/a%2Fb/%E3%81%82")
  }
}

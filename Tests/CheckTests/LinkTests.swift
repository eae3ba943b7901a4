import Diagnostics
import Foundation
import Testing

@testable import Check

/// Internal links without a source map: problems point at the HTML file's line and column.
@Suite struct LinkTests {
  @Test func brokenPageLink() async throws {
    let site = try FixtureSite([
      "site/index.html": page(body: #"<p>本文 <a href="/glossary/dxx/">DX</a></p>"#),
      "site/glossary/dx/index.html": page("DX"),
    ])
    let report = await site.check()
    #expect(
      report.diagnostics.map(FixtureSite.line) == [
        "site/index.html:6:10: error: link to /glossary/dxx/ is broken: the site has no glossary/dxx/index.html [link.broken]"
      ])
    #expect(report.diagnostics.first?.hint == "did you mean /glossary/dx/?")
    #expect(report.failed(strict: false))
  }

  @Test func brokenFragmentSuggestsTheClosestId() async throws {
    let site = try FixtureSite([
      "site/index.html": page(body: #"<a href="/strategy/#戦略期間">戦略の期間</a>"#),
      "site/strategy/index.html": page("戦略", body: #"<h2 id="戦略の期間">戦略の期間</h2>"#),
    ])
    let report = await site.check()
    #expect(
      report.diagnostics.map(FixtureSite.line) == [
        "site/index.html:6:4: error: link to /strategy/#戦略期間 points to a missing anchor: strategy/index.html has no id \"戦略期間\" [link.fragment]"
      ])
    #expect(report.diagnostics.first?.hint?.hasPrefix("did you mean #戦略の期間?") == true)
  }

  @Test func japaneseFragmentsResolveRawAndPercentEncoded() async throws {
    let site = try FixtureSite([
      "site/index.html": page(
        body: """
          <a href="/strategy/#戦略期間">戦略の期間へ</a>
          <a href="/strategy/#%E6%88%A6%E7%95%A5%E6%9C%9F%E9%96%93">戦略の期間（符号化）</a>
          <a href="strategy/#戦略期間">相対リンク</a>
          <a href="#概要">このページの概要</a>
          <a href="#top">ページの先頭へ</a>
          <a href="/strategy/index.html#old-name">古い名前の目印</a>
          <h2 id="概要">概要</h2>
          """),
      "site/strategy/index.html": page(
        "戦略", body: #"<h2><span id="戦略期間">戦略期間</span></h2><a name="old-name"></a>"#),
    ])
    #expect(await site.lines() == [])
  }

  @Test func missingImageStylesheetScriptIconAndFeed() async throws {
    let site = try FixtureSite([
      "site/index.html": page(
        head: """

          <link rel="stylesheet" href="/assets/style.css">
          <link rel="icon" href="/assets/favicon.svg">
          <link rel="alternate" type="application/atom+xml" href="/events/feed.xml">
          <script src="/assets/portal.js"></script>
          """,
        body:
          #"<img src="/images/map.png" alt="地図"><img src="/images/ok.png" srcset="/images/ok@2x.png 2x" alt="">"#
      ),
      "site/images/ok.png": "png",
    ])
    let lines = await site.lines()
    #expect(
      lines == [
        "site/index.html:4:24: error: stylesheet /assets/style.css is missing: the site has no assets/style.css [link.stylesheet]",
        "site/index.html:5:18: error: resource link /assets/favicon.svg is missing: the site has no assets/favicon.svg [link.resource]",
        "site/index.html:6:51: error: resource link /events/feed.xml is missing: the site has no events/feed.xml [link.resource]",
        "site/index.html:7:9: error: script /assets/portal.js is missing: the site has no assets/portal.js [link.script]",
        "site/index.html:10:6: error: image /images/map.png is missing: the site has no images/map.png [link.image]",
        "site/index.html:10:63: error: image /images/ok@2x.png is missing: the site has no images/ok@2x.png [link.image]",
      ])
  }

  @Test func sitemapEntriesMapTheBaseURLToFiles() async throws {
    let site = try FixtureSite([
      "site/index.html": page(head: #"<link rel="canonical" href="https://dx.example.jp/">"#),
      "site/events/index.html": page("イベント"),
      "site/sitemap.xml": """
      <?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://dx.example.jp/</loc></url>
      <url><loc>https://dx.example.jp/events/</loc></url>
      <url><loc>https://dx.example.jp/event/</loc></url>
      <url><loc>https://other.example.jp/</loc></url>
      </urlset>
      """,
    ])
    let report = await site.check()
    #expect(
      report.diagnostics.map(FixtureSite.line) == [
        "site/sitemap.xml:5:11: error: sitemap entry https://dx.example.jp/event/ has no page: the site has no event/index.html [sitemap.missing]",
        "site/sitemap.xml:6:11: error: sitemap entry https://other.example.jp/ is not under the site's base URL https://dx.example.jp/ [sitemap.outside]",
      ])
    #expect(
      report.diagnostics.first?.hint?.hasPrefix("did you mean https://dx.example.jp/events/?")
        == true)
    #expect(report.pages.contains("sitemap.xml"))
  }

  @Test func baseURLIsGuessedFromTheSitemapWhenThereIsNoCanonical() async throws {
    let site = try FixtureSite([
      "site/index.html": page(
        body: #"<a href="/dx/events/">イベント</a> <a href="https://example.jp/dx/events/">絶対</a>"#),
      "site/events/index.html": page("イベント"),
      "site/sitemap.xml": "<urlset><url><loc>https://example.jp/dx/events/</loc></url></urlset>",
    ])
    let report = await site.check()
    #expect(report.base == SiteBase(origin: "https://example.jp", path: "/dx/"))
    #expect(report.diagnostics.isEmpty)
  }

  /// On a site published under a path, a root-relative address without it (a template's
  /// `/events/`) leads outside the site: an error when the site has the page it meant, with
  /// the address to write; another page of the host (`/kenmin/`) is an external link.
  @Test func aRootRelativeLinkWithoutTheBasePathIsNamed() async throws {
    let site = try FixtureSite([
      "site/index.html": page(
        body:
          #"<a href="/events/#a">イベント</a> <img src="/assets/logo.png" alt="ロゴ"> <a href="/kenmin/">県民</a>"#
      ),
      "site/events/index.html": page("イベント"),
      "site/assets/logo.png": "png",
      "site/sitemap.xml": "<urlset><url><loc>https://example.jp/dx/events/</loc></url></urlset>",
    ])
    let report = await site.check()
    #expect(
      report.diagnostics.map(FixtureSite.line) == [
        "site/index.html:6:4: error: link /events/#a lacks the site's base path: the site is published under a path, and this address leads outside it, though the site has /dx/events/#a [link.base-path]",
        "site/index.html:6:36: error: image /assets/logo.png lacks the site's base path: the site is published under a path, and this address leads outside it, though the site has /dx/assets/logo.png [link.base-path]",
      ])
    #expect(
      report.diagnostics.first?.hint
        == "write /dx/events/#a; in a template, start it with {{site.home_url}} (or use the {{assets.…}} and {{site.…_url}} values)"
    )
  }

  @Test func redirectStubsAreCheckedAndFollowedForFragments() async throws {
    let stub = { (target: String) in
      #"<!DOCTYPE html><html lang="ja"><head><meta http-equiv="refresh" content="0; url=\#(target)"><title>移動しました</title></head><body><p><a href="\#(target)">新しいページ</a></p></body></html>"#
    }
    let site = try FixtureSite([
      "site/index.html": page(body: #"<a href="/old/#手順">手順</a> <a href="/old/#無い">無い目印</a>"#),
      "site/old/index.html": stub("/new/"),
      "site/gone/index.html": stub("/nowhere/"),
      "site/new/index.html": page("新しいページ", body: #"<h2 id="手順">手順</h2>"#),
    ])
    let lines = await site.lines()
    #expect(
      lines == [
        "site/gone/index.html:1:65: error: redirect to /nowhere/ is broken: the site has no nowhere/index.html [link.redirect]",
        "site/gone/index.html:1:132: error: link to /nowhere/ is broken: the site has no nowhere/index.html [link.broken]",
        "site/index.html:6:30: error: link to /old/#無い points to a missing anchor: new/index.html has no id \"無い\" [link.fragment]",
      ])
  }

  @Test func folderWithoutSlashWarnsAndClimbingAboveTheRootFails() async throws {
    let site = try FixtureSite([
      "site/a/index.html": page(body: #"<a href="/events">イベント</a> <a href="../../up/">上へ</a>"#),
      "site/events/index.html": page("イベント"),
    ])
    let report = await site.check()
    #expect(
      report.diagnostics.map(FixtureSite.line) == [
        "site/a/index.html:6:4: warning: link to /events leads to a folder without the final / [link.folder]",
        "site/a/index.html:6:31: error: link ../../up/ climbs above the site's root folder [link.outside]",
      ])
    #expect(
      report.diagnostics.first?.hint == "write /events/ so the server does not have to redirect")
  }

  @Test func skippedSchemesAndExternalLinksAreNotInternalProblems() async throws {
    let site = try FixtureSite([
      "site/index.html": page(
        body: """
          <a href="mailto:dx@example.jp">メール</a> <a href="tel:0430000000">電話</a>
          <img src="data:image/png;base64,AAAA" alt="点"> <a href="https://www.pref.chiba.lg.jp/">千葉県</a>
          """)
    ])
    let report = await site.check()
    #expect(report.diagnostics.isEmpty)
    #expect(report.referencesChecked == 4)
  }

  @Test func hiddenFilesArePartOfTheSiteButThePortalFolderIsNot() async throws {
    let site = try FixtureSite([
      "site/index.html": page(
        body:
          #"<a href="/.well-known/security.txt">連絡先</a> <a href="/.portal/sourcemap.json">地図</a>"#),
      "site/.well-known/security.txt": "Contact: mailto:dx@example.jp",
      "site/.portal/sourcemap.json": "{}",
    ])
    let lines = await site.lines()
    #expect(
      lines == [
        "site/index.html:6:48: error: link to /.portal/sourcemap.json is broken: the site has no .portal/sourcemap.json [link.broken]"
      ])
  }

  @Test func aMissingSiteIsOneError() async throws {
    let site = try FixtureSite([:])
    let report = await site.check()
    #expect(report.general.map(\.code) == ["check.site"])
    #expect(report.failed(strict: false))
  }
}

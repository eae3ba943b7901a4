import Content
import Foundation
import Site
import TestSupport
import Testing

@testable import Render

/// Every file of `site` rendered with the repository's theme, by path, as text: for tests that
/// read the lists a small site written for them gives.
func renderedFiles(_ site: Site) throws -> [String: String] {
  let theme = try #require(
    Theme.load(from: repoRoot.appendingPathComponent("theme"), displayPath: "theme").0)
  let plan = RenderPlan(site: site, theme: theme)
  var files: [String: String] = [:]
  for file in plan.render(plan.jobs.map(\.job)) {
    files[file.path] = String(decoding: file.data, as: UTF8.self)
  }
  return files
}

/// Writes a small site's files (path under `content` → text), making their folders.
func writeFiles(_ files: [String: String], into content: URL) throws {
  for (path, text) in files {
    let url = content.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }
}

/// The site a content folder written for a test gives, resolved with the clock at `now`;
/// fails with the loader's problems when it does not load.
func resolvedSite(_ content: URL, now: String = "2026-11-25T00:00:00+09:00") throws -> Site {
  let (set, problems) = ContentLoader.load(contentDirectory: content)
  let loaded = try #require(set, "\(problems.map(\.text))")
  return Resolver.resolve(loaded, now: try #require(DateTime(iso: now))).0
}

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

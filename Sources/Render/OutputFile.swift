import Foundation
import Site

/// One file of the built site, with what produced it for the source map that `portal check`
/// uses to point at the Markdown line or template behind a problem.
public struct OutputFile: Sendable {
  /// Relative to the output folder, `/`-separated.
  public var path: String
  public var data: Data
  public var source: String?
  public var template: String?
  public var links: [SourceLink]
  public var headings: [SourceHeading]

  public init(
    path: String, data: Data, source: String? = nil, template: String? = nil,
    links: [SourceLink] = [], headings: [SourceHeading] = []
  ) {
    self.path = path
    self.data = data
    self.source = source
    self.template = template
    self.links = links
    self.headings = headings
  }
}

public struct SourceHeading: Sendable, Codable, Hashable {
  public var level: Int
  public var text: String
  public var line: Int
  public var column: Int
}

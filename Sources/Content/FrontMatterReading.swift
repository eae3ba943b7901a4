import Yams

/// A page's front matter as the loader read it, and the text values of the keys asked for,
/// read from the node the loader composed: what `portal lint` checks in the front matter
/// (`ContentLoader.load(frontMatterKeys:)`). Composing the YAML a second time for lint was
/// about 7 % of a lint of 10,000 pages; the build asks for none and pays nothing.
public struct FrontMatterReading: Sendable {
  /// The front matter's text, as `SourceFile.read` split it (line breaks made `\n`).
  public var text: String
  /// The file line of the front matter's first line.
  public var line: Int
  /// The values of each set of keys asked for, in the order asked
  /// (`FrontMatterValues.values(of:in:keySets:)`).
  public var values: [[FrontMatterValue]]

  public init(text: String, line: Int, values: [[FrontMatterValue]]) {
    self.text = text
    self.line = line
    self.values = values
  }

  /// The reading of `source`, whose front matter Yams composed into `node`; nil when no keys
  /// are asked for (the build).
  static func of(_ source: SourceFile, node: Node?, keySets: [Set<String>])
    -> FrontMatterReading?
  {
    guard !keySets.isEmpty else { return nil }
    return FrontMatterReading(
      text: source.frontMatter, line: source.frontMatterLine,
      values: FrontMatterValues.values(of: node, in: source.frontMatter, keySets: keySets))
  }
}

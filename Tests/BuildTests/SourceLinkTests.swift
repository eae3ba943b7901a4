import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// A symbolic link under content/ or theme/ that leads out of its folder would publish
/// whatever it points at (a CI runner's environment, /etc/passwd): the build refuses it and
/// names it; links that stay inside are followed as before.
@Suite struct SourceLinkTests {
  @Test func aLinkLeadingOutIsAnErrorAndNothingIsWritten() throws {
    let content = try copyFixture()
    let project = content.deletingLastPathComponent()
    let output = project.appendingPathComponent("site")
    let secret = project.appendingPathComponent("secret.txt")
    try "SECRET_TOKEN=hunter2".write(to: secret, atomically: true, encoding: .utf8)
    let files = content.appendingPathComponent("files")
    try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: files.appendingPathComponent("env.txt"), withDestinationURL: secret)
    // A link that stays inside content/ is fine.
    try FileManager.default.createSymbolicLink(
      atPath: content.appendingPathComponent("initiatives/same.md").path,
      withDestinationPath: "cyber-security.md")
    let report = SiteBuilder.build(options(content: content, output: output))
    let errors = report.diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1)
    #expect(errors.first?.code == "source.link-outside")
    #expect(errors.first?.location.file.hasSuffix("content/files/env.txt") == true)
    #expect(errors.first?.message.contains(secret.resolvingSymlinksInPath().path) == true)
    #expect(!FileManager.default.fileExists(atPath: output.path))

    try FileManager.default.removeItem(at: files.appendingPathComponent("env.txt"))
    let fixed = SiteBuilder.build(options(content: content, output: output))
    // The inside link is a second file with the same slug: reported as such, not as a link.
    #expect(!fixed.diagnostics.contains { $0.code == "source.link-outside" })
  }

  /// `portal serve` refreshes its tree from file events: a link made while it runs is known.
  @Test func aRefreshedTreeKnowsNewLinks() throws {
    let content = try copyFixture()
    let theme = repoRoot.appendingPathComponent("theme")
    var tree = SourceTree(content: content, theme: theme)
    #expect(tree.linksLeaving(content: content, theme: theme).isEmpty)
    try FileManager.default.createSymbolicLink(
      atPath: content.appendingPathComponent("glossary/passwd.md").path,
      withDestinationPath: "/etc/passwd")
    tree.refresh(["c/glossary/passwd.md"], content: content, theme: theme)
    #expect(
      tree.linksLeaving(content: content, theme: theme).map(\.key) == ["c/glossary/passwd.md"])
    try FileManager.default.removeItem(at: content.appendingPathComponent("glossary/passwd.md"))
    tree.refresh(["c/glossary/passwd.md"], content: content, theme: theme)
    #expect(tree.linksLeaving(content: content, theme: theme).isEmpty)
  }

  /// A folder the build reads that is itself a link (`static -> .git`, a pull request's one
  /// line) is refused before anything is read or written: the checkout's `.git/config`, with
  /// CI's token, was published. The folder given by its own path is built.
  @Test func aFolderThatIsALinkIsRefused() throws {
    let (content, theme, options) = try fixtureWithOwnTheme()
    let project = content.deletingLastPathComponent()
    let git = project.appendingPathComponent(".git")
    try FileManager.default.createDirectory(at: git, withIntermediateDirectories: true)
    try Data("extraheader = AUTHORIZATION: basic SECRET\n".utf8).write(
      to: git.appendingPathComponent("config"))
    let statics = project.appendingPathComponent("static")
    try FileManager.default.createSymbolicLink(at: statics, withDestinationURL: git)
    var withStatic = options
    withStatic.staticDirectory = statics
    let report = SiteBuilder.build(withStatic)
    #expect(!report.succeeded)
    let d = try #require(report.diagnostics.first)
    #expect(
      d.code == "source.link-outside" && d.message.hasPrefix("the static folder is a link to"))
    #expect(d.hint?.contains("--static \(OutputWriter.realPath(git.path))") == true)
    #expect(!FileManager.default.fileExists(atPath: options.outputDirectory.path))
    // The theme folder too; the folder given by its own path is built.
    let linkedTheme = project.appendingPathComponent("theme-link")
    try FileManager.default.createSymbolicLink(at: linkedTheme, withDestinationURL: theme)
    var viaLink = options
    viaLink.themeDirectory = linkedTheme
    #expect(
      SiteBuilder.build(viaLink).diagnostics.first?.message.hasPrefix("the theme folder is a link")
        == true)
    #expect(SiteBuilder.build(options).succeeded)
  }

  /// The output is compared with the content and theme as the file system sees them: a link
  /// cannot lead it into content/, and an output that is itself a link is named, not replaced
  /// (a full build would swap the link away; an incremental one wrote through it).
  @Test func linksCannotLeadTheOutputAstray() throws {
    let content = try copyFixture()
    let project = content.deletingLastPathComponent()
    let into = project.appendingPathComponent("into")
    try FileManager.default.createSymbolicLink(
      at: into, withDestinationURL: content.appendingPathComponent("initiatives"))
    let report = SiteBuilder.build(
      options(content: content, output: into.appendingPathComponent("sub")))
    #expect(report.diagnostics.first?.code == "output.unsafe")
    #expect(
      !FileManager.default.fileExists(
        atPath: content.appendingPathComponent("initiatives/sub").path))

    let target = project.appendingPathComponent("target")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    let link = project.appendingPathComponent("site")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
    let linked = SiteBuilder.build(options(content: content, output: link))
    #expect(linked.diagnostics.first?.code == "output.unsafe")
    #expect(linked.diagnostics.first?.message.contains("is a link to") == true)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
    #expect(SiteBuilder.build(options(content: content, output: target)).succeeded)
  }
}

/// `allow_raw_html: true` trusts the writers' HTML, not `javascript:` in every Markdown link:
/// such addresses are emptied as cmark-gfm's safe mode empties them.
@Suite struct TrustedHTMLTests {
  @Test func scriptAddressesAreEmptiedWhenHTMLIsAllowed() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let config = content.appendingPathComponent("site.yml")
    try (try String(contentsOf: config, encoding: .utf8) + "allow_raw_html: true\n").write(
      to: config, atomically: true, encoding: .utf8)
    let page = content.appendingPathComponent("initiatives/cyber-security.md")
    try
      (try String(contentsOf: page, encoding: .utf8)
      + "\n[a](javascript:alert(1)) [b]( JaVaScRiPt:alert(2)) [c](vbscript:x) ![d](data:image/png;base64,AAAA) [e](data:text/html,x) <span class=\"note\">HTML</span>\n")
      .write(to: page, atomically: true, encoding: .utf8)
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let html = try String(
      contentsOf: output.appendingPathComponent("initiatives/cyber-security/index.html"),
      encoding: .utf8)
    #expect(!html.lowercased().contains("javascript:") && !html.contains("vbscript:"))
    #expect(!html.contains("data:text/html"))
    #expect(html.contains("src=\"data:image/png;base64,AAAA\""))
    #expect(html.contains("<span class=\"note\">HTML</span>"))
  }
}

import Content
import Diagnostics
import Foundation
import Render
import TestSupport
import Testing

@testable import Build

/// The build's own problems in Japanese: the output folder, links leading out of the project,
/// site.yml's links and earlier addresses already in use.
@Suite struct JapaneseBuildMessagesTests {
  let content: URL
  let output: URL

  init() throws {
    content = try copyFixture()
    output = content.deletingLastPathComponent().appendingPathComponent("site")
  }

  /// The words of a failed write, as `SiteBuilder` reports them.
  func words(_ body: () throws -> Void) -> (english: String, japanese: String)? {
    do {
      try body()
      return nil
    } catch {
      return (SiteBuilder.message(error), SiteBuilder.japaneseMessage(error))
    }
  }

  @Test func outputFoldersRefusedHaveJapanese() throws {
    let fm = FileManager.default
    let root = content.deletingLastPathComponent()
    // Files Portal did not write, through a build.
    let documents = root.appendingPathComponent("documents")
    try fm.createDirectory(at: documents, withIntermediateDirectories: true)
    try Data("keep".utf8).write(to: documents.appendingPathComponent("letter.txt"))
    let report = SiteBuilder.build(options(content: content, output: documents))
    #expect(report.diagnostics.map(\.code) == ["output.unsafe"])
    expectJapanese(report.diagnostics)
    let shown = OutputWriter.realPath(documents.path)
    #expect(
      report.diagnostics.first?.japanese?.message
        == "出力フォルダー \(shown) に、Portal が書き出していないファイルがあります。中を空にするか、別のフォルダーを指定してください"
    )
    // Over the content, a file, a link, the working folder.
    let file = root.appendingPathComponent("file.txt")
    try Data("x".utf8).write(to: file)
    let link = root.appendingPathComponent("linked")
    try fm.createSymbolicLink(at: link, withDestinationURL: documents)
    let refused = [
      root, file, link, URL(fileURLWithPath: fm.currentDirectoryPath),
    ].compactMap { output in
      words { try OutputWriter.validate(output: output, protecting: [content]) }
    }
    #expect(refused.count == 4)
    for (english, japanese) in refused {
      #expect(hasJapanese(japanese), "\(english)")
      #expect(codeSpans(english).isSubset(of: codeSpans(japanese)), "\(english)")
    }
  }

  /// A write that fails: in place (the output then partly updated) and into a new folder.
  @Test func failedWritesHaveJapanese() throws {
    let fm = FileManager.default
    let folder = content.deletingLastPathComponent().appendingPathComponent("out")
    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("x".utf8).write(to: folder.appendingPathComponent("a"))
    let file = { (path: String) in OutputFile(path: path, data: Data("x".utf8)) }
    let partial = try #require(
      words {
        try OutputWriter.apply(writes: [file("a/b.html")], deletes: [], cache: nil, to: folder)
      })
    #expect(
      partial.japanese
        == "a/b.html を書き出せません（Not a directory）。出力フォルダーは一部だけ更新されているかもしれません（次のビルドで全体を書き直します）"
    )
    let outside = try #require(
      words {
        try OutputWriter.apply(writes: [file("../x.html")], deletes: [], cache: nil, to: folder)
      })
    #expect(outside.japanese == "`../x.html` は出力フォルダーの外に書き出されることになるため、書き出しません")
    let staging = try StagingFolder(for: folder.appendingPathComponent("new"))
    defer { staging.discard() }
    try staging.write([file("c")])
    try staging.write([file("c/d.html")])
    let io = try #require(words { try staging.finish() })
    // With the system's reason, as it gives it.
    #expect(io.english == "cannot write c/d.html: Not a directory")
    #expect(io.japanese == "c/d.html を書き出せません: Not a directory")
    #expect(hasJapanese(SiteBuilder.japaneseMessage(CocoaError(.fileWriteUnknown))))
  }

  /// A linked folder in the output and a path too long, refused before anything is written.
  @Test func refusedWritesInPlaceHaveJapanese() throws {
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let fm = FileManager.default
    let outside = content.deletingLastPathComponent().appendingPathComponent("outside")
    try fm.moveItem(at: output.appendingPathComponent("glossary"), to: outside)
    try fm.createSymbolicLink(
      at: output.appendingPathComponent("glossary"), withDestinationURL: outside)
    try edit(content.appendingPathComponent("glossary/dx.md")) { $0 + "\n追記です。\n" }
    let linked = SiteBuilder.build(options(content: content, output: output))
    #expect(linked.diagnostics.map(\.code) == ["output.write"])
    expectJapanese(linked.diagnostics)
    #expect(
      linked.diagnostics.first?.text(in: .japanese).contains(
        "出力フォルダーの中の `glossary` はリンクです（Portal はリンクを作りません）") == true)
    try fm.removeItem(at: output.appendingPathComponent("glossary"))
    try fm.moveItem(at: outside, to: output.appendingPathComponent("glossary"))

    let long =
      "/" + (0..<17).map { _ in String(repeating: "b", count: 250) }.joined(separator: "/") + "/"
    try edit(content.appendingPathComponent("pages/links.md")) {
      $0.replacingOccurrences(of: "redirect_from: /link.html", with: "redirect_from: \(long)")
        .replacingOccurrences(of: "title: ", with: "title: 新しい")
    }
    let tooLong = SiteBuilder.build(options(content: content, output: output))
    // The redirect's old address, /link.html, is gone too (`content.page-gone`).
    #expect(tooLong.diagnostics.map(\.code) == ["content.page-gone", "output.write"])
    expectJapanese(tooLong.diagnostics)
  }

  @Test func aLinkLeadingOutOfTheContentHasJapanese() throws {
    let secret = content.deletingLastPathComponent().appendingPathComponent("secret.txt")
    try "SECRET".write(to: secret, atomically: true, encoding: .utf8)
    let files = content.appendingPathComponent("files")
    try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: files.appendingPathComponent("env.txt"), withDestinationURL: secret)
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.diagnostics.map(\.code) == ["source.link-outside"])
    expectJapanese(report.diagnostics)
    let target = secret.resolvingSymlinksInPath().path
    #expect(
      report.diagnostics.first?.japanese
        == .init(
          message: "これは content フォルダーの外にある `\(target)` へのリンクで、そのファイルを公開してしまいます",
          hint: "リンクではなく、ファイルそのものを content フォルダーにコピーしてください（content フォルダーの中を指すリンクはかまいません）"))
  }

  @Test func aNavigationLinkLeadingNowhereHasJapanese() throws {
    let file = content.appendingPathComponent("site.yml")
    try edit(file) {
      $0.replacingOccurrences(
        of: "  - { title: 取組, url: /initiatives/ }\n",
        with: "  - { title: 取組, url: /initiative/ }\n"
      ) + "contact: /strategy/nosuch/\n"
    }
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.diagnostics.map(\.code) == ["config.link", "config.link"])
    expectJapanese(report.diagnostics)
    #expect(
      report.diagnostics.map { "\($0.japanese?.message ?? "") / \($0.japanese?.hint ?? "")" } == [
        "`navigation` のリンク先 `/initiative/` に、サイトのページがありません / `/initiatives/` のまちがいではありませんか。サイトのページのアドレスを、base_url より後の部分で書いてください",
        "`contact` のリンク先 `/strategy/nosuch/` に、サイトのページがありません / サイトのページのアドレスを、base_url より後の部分で書いてください",
      ])
  }

  /// Each way an earlier address can be taken already.
  @Test func earlierAddressesInUseHaveJapanese() throws {
    func addRedirects(_ relative: String, _ yaml: String) throws {
      try edit(content.appendingPathComponent(relative)) {
        $0.replacingOccurrences(of: "\ntitle:", with: "\nredirect_from: \(yaml)\ntitle:")
      }
    }
    try addRedirects(
      "initiatives/cyber-security.md",
      "[/initiatives/ai-disaster/, /old/, /old/, /search/s/x/, /sitemap.xml/, /initiatives/, /404.html, /Initiatives/AI-Disaster/index.html]"
    )
    try addRedirects("strategy/period.md", "[/old]")
    try addRedirects("pages/about.md", "[/Glossary/x/]")
    let report = SiteBuilder.build(options(content: content, output: output))
    let found = report.diagnostics.filter { $0.code == "content.redirect-conflict" }
    #expect(found.count == 9)
    expectJapanese(report.diagnostics)
    let ja = Set(found.compactMap(\.japanese?.message))
    #expect(ja.contains("`redirect_from` のアドレス /initiatives/ は、一覧ページのアドレスです"))
    #expect(
      ja.contains(
        "`redirect_from` のアドレス /search/s/x/ は、検索の索引を書き出す search/ の中にあります"))
    #expect(
      ja.contains(
        "`redirect_from` のアドレス /404.html は、見つからないアドレスのためのページ（404.html）です"))
    let folder = try #require(found.first { $0.severity == .warning })
    #expect(
      folder.text(in: .japanese).hasSuffix(
        "`redirect_from` のアドレス /Glossary/x/ は、転送用のページをフォルダー /Glossary/ に置きますが、macOS と Windows では、これはサイトのフォルダー /glossary/ と同じです（大文字と小文字だけが違います）。そこでビルドすると、転送用のページは /glossary/ の下にできます [content.redirect-conflict]\n    直し方: 古いアドレスをサイトと同じ大文字・小文字で書くか、消してください（多くの Web サーバーは /Glossary/ と /glossary/ を別のアドレスとして扱います）"
      ))
    // English as before.
    #expect(
      found.contains {
        $0.message == "`redirect_from` address /initiatives/ is the address of a list page"
      })
  }
}

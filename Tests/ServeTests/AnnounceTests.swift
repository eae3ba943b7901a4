import Content
import Diagnostics
import Foundation
import Testing

@testable import Build
@testable import Serve

/// Lines the loop logged.
final class LogBox: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []
  var text: String { lock.withLock { lines.joined(separator: "\n") } }
  func add(_ line: String) { lock.withLock { lines.append(line) } }
  func clear() { lock.withLock { lines = [] } }
}

/// After each save the same warnings are not printed again; new or changed ones are.
@Suite struct AnnounceTests {
  /// A loop that builds nothing (only `announce` is called), on folders named `content` and
  /// `theme` in the working folder, as the log names them, and what it logs.
  static func loop(_ language: MessageLanguage = .english) -> (RebuildLoop, LogBox) {
    let box = LogBox()
    let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let options = BuildOptions(
      contentDirectory: here.appendingPathComponent("content"),
      themeDirectory: here.appendingPathComponent("theme"),
      outputDirectory: URL(fileURLWithPath: "/nonexistent/site"), now: DateTime(date: Date()))
    return (
      RebuildLoop(options: options, live: LiveReload(), language: language, log: { box.add($0) }),
      box
    )
  }

  /// On a Japanese computer the terminal of `portal serve` reads Japanese too: the rebuild,
  /// a saved draft, a failed build.
  @Test func japaneseLines() async {
    let (loop, box) = Self.loop(.japanese)
    var r = BuildReport(
      diagnostics: [], pageCounts: [("initiative", 1), ("draft", 1)], filesWritten: 1,
      seconds: 0.1, mode: .incremental)
    r.changedPaths = ["a/index.html"]
    r.drafts = ["initiatives/new.md"]
    await loop.announce(r, changedSources: ["c/initiatives/new.md"])
    #expect(
      box.text
        == "100ミリ秒で作り直しました（content/initiatives/new.md を編集）：変わったファイル1個。content/initiatives/new.md は下書き（draft: true）なので、作っていません。`portal serve --drafts` で見られます"
    )
    box.clear()
    let failed = BuildReport(
      diagnostics: [
        Diagnostic.error(SourceLocation(file: "content/a.md"), "bad").ja("だめです")
      ], pageCounts: [], filesWritten: 0, seconds: 0.1, mode: .full)
    await loop.announce(failed)
    #expect(box.text.contains("content/a.md:1:1: error: だめです"))
    #expect(
      box.text.contains(
        "ビルドに失敗しました：エラー1件、警告0件。前回の出力はそのまま残しています（0.10秒）。表示できるサイトはまだありません"))
  }

  /// The rebuild line counts as every Japanese summary does (`JapaneseCount`): digits grouped
  /// by threes, no space before the counter.
  @Test func japaneseCountsOfAThousandAndMore() async {
    let (loop, box) = Self.loop(.japanese)
    var r = BuildReport(
      diagnostics: [], pageCounts: [("initiative", 1)], filesWritten: 1_200, seconds: 1.5,
      mode: .incremental)
    r.changedPaths = (0..<1_200).map { "p\($0)/index.html" }
    await loop.announce(r)
    #expect(box.text == "1,500ミリ秒で作り直しました：変わったファイル1,200個")
  }

  /// The log names the edited files with the folders given (`--theme theme-srv`), not always
  /// content/ and theme/.
  /// The files an edit names, as the rebuild's line gives them after "editing".
  static func named(
    _ sources: [String], in folders: (content: String, theme: String) = ("content", "theme")
  ) -> String {
    let english = RebuildLoop.action(sources, added: [], removed: [], in: folders).english
    return english.hasPrefix("editing ") ? String(english.dropFirst(8)) : english
  }

  /// A file name holding an escape sequence (OSC 52 writes the clipboard in some terminals)
  /// or a line break is printed with them written out, as diagnostics print them.
  @Test func controlCharactersInANameAreWrittenOut() {
    let name = "c/initiatives/zz\u{1B}[31mred\u{1B}]52;c;ZWNobw==\u{07}\nx.md"
    let said = RebuildLoop.action([name], added: [name], removed: [])
    #expect(
      said.english
        == "adding content/initiatives/zz\\u{1B}[31mred\\u{1B}]52;c;ZWNobw==\\u{7}\\u{A}x.md")
    #expect(!said.japanese.unicodeScalars.contains { $0.value < 0x20 })
    #expect(
      !RebuildMessages.rebuilt(
        milliseconds: 1, after: nil, changed: 0, sameWarnings: false, drafts: ["a\u{1B}b.md"],
        scheduled: [], contentFolder: "content", in: .english
      ).unicodeScalars.contains { $0.value == 0x1B })
  }

  /// A file added, removed or renamed is said so, not "editing" (a new page was said edited).
  @Test func addedRemovedAndRenamedFilesAreSaidSo() {
    let both = (
      english: "renaming content/pages/a.md to content/pages/b.md",
      japanese: "content/pages/a.md の名前を content/pages/b.md に変更"
    )
    #expect(
      RebuildLoop.action(
        ["c/pages", "c/pages/a.md", "c/pages/b.md"], added: ["c/pages/b.md"],
        removed: ["c/pages/a.md"]) == both)
    let mixed = RebuildLoop.action(
      ["c/a.md", "c/events/new.md", "c/old.md"], added: ["c/events/new.md"], removed: ["c/old.md"])
    #expect(
      mixed.english
        == "editing content/a.md and adding content/events/new.md and removing content/old.md")
    #expect(mixed.japanese == "content/a.md を編集、content/events/new.md を追加、content/old.md を削除")
    // One added and one removed in different folders: no rename.
    #expect(
      RebuildLoop.action(["c/a/x.md", "c/b/y.md"], added: ["c/b/y.md"], removed: ["c/a/x.md"])
        .english
        == "adding content/b/y.md and removing content/a/x.md")
    let many = RebuildLoop.action(["c/1.md", "c/2.md", "c/3.md", "c/4.md"], added: [], removed: [])
    #expect(many == ("editing 4 files", "ファイル4個を編集"))
    // A burst of new pages (a sync client) is said added, each kind counted.
    let synced = RebuildLoop.action(
      (1...20).map { "c/events/s\($0).md" } + ["c/old.md"],
      added: Set((1...20).map { "c/events/s\($0).md" }), removed: ["c/old.md"])
    #expect(synced == ("adding 20 files and removing 1 file", "ファイル20個を追加、ファイル1個を削除"))
  }

  @Test func editedFilesAreNamedInTheFoldersGiven() {
    #expect(
      Self.named(
        ["t/templates/layout.mustache", "c/a.md"], in: ("site-content", "theme-srv"))
        == "theme-srv/templates/layout.mustache, site-content/a.md")
  }

  /// An editor that saves by writing a new file and renaming it over the old changes the
  /// folder's stamp as well: the log named the folder as an edit (`content/initiatives,
  /// content/initiatives/a.md`, `content/, content/site.yml`). A folder alone is still named.
  @Test func aFolderIsNamedOnlyWhenNothingInItIs() {
    #expect(
      Self.named(["c/initiatives", "c/initiatives/a.md"]) == "content/initiatives/a.md")
    #expect(Self.named(["c/", "c/site.yml"]) == "content/site.yml")
    #expect(
      Self.named(["c/initiatives", "c/initiatives/a.md", "c/initiatives-old.md"])
        == "content/initiatives/a.md, content/initiatives-old.md")
    #expect(Self.named(["t/assets"]) == "theme/assets")
    // An editor's own files beside the page are no edit of the site (vim's swap file, emacs'
    // lock and backup), unless nothing else changed.
    #expect(
      Self.named([
        "c/initiatives/.a.md.swp", "c/initiatives/a.md", "c/initiatives/.#a.md",
        "c/initiatives/a.md~",
      ]) == "content/initiatives/a.md")
    #expect(Self.named(["c/initiatives/.a.md.swp"]) == "content/initiatives/.a.md.swp")
  }

  @Test func warningsArePrintedWhenTheyChange() async {
    let (loop, box) = Self.loop()
    func report(_ messages: [String]) -> BuildReport {
      var r = BuildReport(
        diagnostics: messages.map { .warning(SourceLocation(file: "content/a.md", line: 3), $0) },
        pageCounts: [], filesWritten: 1, seconds: 0.1, mode: .incremental)
      r.changedPaths = ["a/index.html"]
      return r
    }

    await loop.announce(report(["long sentence"]), initial: true)
    #expect(box.text.contains("long sentence"))
    box.clear()
    await loop.announce(report(["long sentence"]), changedSources: ["c/a.md"])
    #expect(!box.text.contains("long sentence"))
    #expect(box.text.contains("Rebuilt in 100 ms after editing content/a.md"))
    #expect(box.text.contains("the same warnings as before"))
    box.clear()
    await loop.announce(report(["long sentence", "kanji run"]), changedSources: ["c/a.md"])
    #expect(box.text.contains("long sentence") && box.text.contains("kanji run"))
    #expect(!box.text.contains("as before"))
    box.clear()
    await loop.announce(report([]), changedSources: ["c/a.md"])
    #expect(!box.text.contains("as before"))
  }

  /// Saving a draft changes nothing in the site: the line says why and how to see it.
  @Test func aSavedDraftIsNamedAsOne() async {
    let (loop, box) = Self.loop()
    var report = BuildReport(
      diagnostics: [], pageCounts: [("initiative", 1), ("draft", 2)], filesWritten: 0,
      seconds: 0.01, mode: .incremental)
    report.drafts = ["initiatives/new-plan.md", "events/later.md"]
    await loop.announce(report, changedSources: ["c/initiatives/new-plan.md"])
    #expect(
      box.text
        == "Rebuilt in 10 ms after editing content/initiatives/new-plan.md: 0 file(s) changed; content/initiatives/new-plan.md is a draft (draft: true), not built: preview drafts with portal serve --drafts"
    )
    #expect(
      report.summary
        == "Checked: no file needed writing again (1 initiative) with 0 warning(s) in 0.01 s; 2 drafts not built (--drafts builds them)"
    )
  }

  /// Likewise a page whose `publish` time is still to come.
  @Test func aSavedScheduledPageSaysItWaits() async {
    let (loop, box) = Self.loop()
    var report = BuildReport(
      diagnostics: [], pageCounts: [("initiative", 1), ("draft", 1), ("scheduled", 2)],
      filesWritten: 0, seconds: 0.01, mode: .incremental)
    report.scheduled = ["initiatives/plan.md", "events/later.md"]
    await loop.announce(
      report, changedSources: ["c/initiatives/plan.md", "c/events/later.md"])
    #expect(
      box.text
        == "Rebuilt in 10 ms after editing content/initiatives/plan.md, content/events/later.md: 0 file(s) changed; content/initiatives/plan.md, content/events/later.md wait for their publish time, not built: preview with portal serve --drafts"
    )
    #expect(
      report.summary
        == "Checked: no file needed writing again (1 initiative) with 0 warning(s) in 0.01 s; 1 draft and 2 pages waiting for their publish time not built (--drafts builds them)"
    )
  }

  /// A failed build's errors again (a save that fixed nothing, `rm -rf content` seen as
  /// several events) are one line, not the block again; other errors are printed whole.
  @Test func theSameErrorsAgainAreOneLine() async {
    let (loop, box) = Self.loop()
    func failed(_ message: String) -> BuildReport {
      BuildReport(
        diagnostics: [Diagnostic.error(SourceLocation(file: "content/site.yml"), message)],
        pageCounts: [], filesWritten: 0, seconds: 0.01, mode: .full)
    }
    await loop.announce(failed("missing"))
    #expect(box.text.contains("content/site.yml:1:1: error: missing"))
    box.clear()
    await loop.announce(failed("missing"), changedSources: ["c/initiatives"])
    #expect(
      box.text
        == "Build failed again with the same 1 error(s) as above; saved changes show once they are fixed"
    )
    box.clear()
    await loop.announce(failed("other"), changedSources: ["c/site.yml"])
    #expect(box.text.contains("content/site.yml:1:1: error: other"))
  }

  /// The first good build after a failed one says the errors are fixed: "0 file(s) changed"
  /// alone (a fix that put the file back as it was) read as a save that did nothing.
  @Test func aBuildAfterAFailureSaysTheErrorsAreFixed() async {
    let (loop, box) = Self.loop()
    let failed = BuildReport(
      diagnostics: [Diagnostic.error(SourceLocation(file: "content/a.md"), "bad")],
      pageCounts: [], filesWritten: 0, seconds: 0.01, mode: .full)
    let good = BuildReport(
      diagnostics: [], pageCounts: [], filesWritten: 0, seconds: 0.01, mode: .incremental)
    await loop.announce(failed, changedSources: ["c/a.md"])
    box.clear()
    await loop.announce(good, changedSources: ["c/a.md"])
    #expect(
      box.text
        == "Rebuilt in 10 ms after editing content/a.md: 0 file(s) changed; the errors are fixed")
    box.clear()
    await loop.announce(good, changedSources: ["c/a.md"])
    #expect(box.text == "Rebuilt in 10 ms after editing content/a.md: 0 file(s) changed")
    #expect(
      RebuildMessages.rebuilt(
        milliseconds: 5, after: nil, changed: 2, sameWarnings: false, fixed: true, drafts: [],
        scheduled: [], contentFolder: "content", in: .japanese)
        == "5ミリ秒で作り直しました：変わったファイル2個。エラーは直りました")
  }

  /// Files an editor keeps beside the page, which the build reads nothing of: a save's
  /// swap file is no line of the log.
  @Test(arguments: [
    ".a.md.swp", ".#a.md", "a.md~", "#a.md#", "a.md.orig", "a.md.bak", "a.md.swp",
    "a.md.kate-swp", "a.md___jb_tmp___", "a.md.save",
  ])
  func editorsFiles(name: String) {
    #expect(RebuildLoop.isEditorsFile("c/initiatives/" + name))
  }

  @Test func pagesAreNoEditorsFiles() {
    for name in ["a.md", "site.yml", "files/plan.pdf", "style.css", "layout.mustache"] {
      #expect(!RebuildLoop.isEditorsFile("c/" + name), "\(name)")
    }
  }
}

/// The same errors after another save are sent again, marked `again`: a page whose writer
/// closed the overlay shows it again (portal.js keeps one that is open as it is).
@Suite struct SameErrorsAgainTests {
  @Test func theSameErrorsAreSentAgainMarked() async {
    let live = LiveReload()
    var events = await live.subscribe().makeAsyncIterator()
    // `retry` and `hello` first.
    _ = await events.next()
    _ = await events.next()
    let errors = [Diagnostic.error(SourceLocation(file: "content/a.md", line: 2, column: 1), "bad")]
    await live.buildFailed(errors, served: true)
    let first = await events.next() ?? ""
    #expect(first.hasPrefix("event: build-error") && !first.contains("\"again\""))
    await live.buildFailed(errors, served: true)
    let second = await events.next() ?? ""
    #expect(
      second.hasPrefix("event: build-error") && second.contains("\"again\":true"), "\(second)")
    // A page connecting now gets the errors, unmarked: it shows none yet.
    var late = await live.subscribe().makeAsyncIterator()
    _ = await late.next()
    _ = await late.next()
    #expect(await late.next() == first)
  }
}

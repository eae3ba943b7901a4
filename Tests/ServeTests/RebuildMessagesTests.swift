import Diagnostics
import Testing

@testable import Serve

/// The words of `portal serve`'s rebuild lines, in both languages.
@Suite struct RebuildMessagesTests {
  @Test func aRebuildSaysWhatWasDoneAndWhyADraftIsNotBuilt() {
    let edited = RebuildLoop.action(["c/events/a.md"], added: [], removed: [])
    #expect(
      RebuildMessages.rebuilt(
        milliseconds: 12, after: edited, changed: 3, sameWarnings: true, drafts: ["events/b.md"],
        scheduled: [], contentFolder: "content", in: .english)
        == "Rebuilt in 12 ms after editing content/events/a.md: 3 file(s) changed; the same warnings as before; content/events/b.md is a draft (draft: true), not built: preview drafts with portal serve --drafts"
    )
    #expect(
      RebuildMessages.rebuilt(
        milliseconds: 12, after: nil, changed: 0, sameWarnings: false, drafts: [],
        scheduled: ["events/c.md", "events/d.md"], contentFolder: "content", in: .japanese)
        == "12ミリ秒で作り直しました：変わったファイル0個。content/events/c.md、content/events/d.md は公開日時を待っているので、作っていません。`portal serve --drafts` で見られます"
    )
  }

  @Test func aFailedBuildSaysWhatIsServed() {
    #expect(
      RebuildMessages.failedAgain(errors: 2, in: .english)
        == "Build failed again with the same 2 error(s) as above; saved changes show once they are fixed"
    )
    #expect(
      RebuildMessages.failedTail(served: true, in: .english) == "; still serving the last good site"
    )
    #expect(
      RebuildMessages.failedTail(served: false, in: .japanese)
        == "。表示できるサイトはまだありません。開いているページにエラーを表示し、作れたら読み込みます")
  }
}

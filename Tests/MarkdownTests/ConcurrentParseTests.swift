import Dispatch
import Synchronization
import Testing

@testable import Markdown

/// cmark-gfm keeps the characters that start an extension's inline syntax (`:` and `w` of a
/// bare address, `~` of strikethrough) in one table for the whole process, set by each parse
/// as it begins reading inlines and cleared as it ends. Pages parsed on several cores at once
/// then lost, now and then, a bare address's link or a strikethrough: a build's pages differed
/// from the next build's. Many parses at once must each give what one parse alone gives.
@Suite struct ConcurrentParseTests {
  static let text = """
    詳しくは https://example.jp/a/ と www.example.com を見ます。~~古い案~~は取り下げました。

    | 項目 | 内容 |
    |---|---|
    | 申し込み | https://example.jp/form と ~~電話~~ |
    """

  @Test func parsesAtOnceGiveWhatOneParseGives() {
    let alone = MarkdownDocument(Self.text).renderHTML()
    #expect(alone.components(separatedBy: "<a href=").count - 1 == 3)
    #expect(alone.components(separatedBy: "<del>").count - 1 == 2)
    let rounds = 4000
    let differing = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: rounds) { _ in
      if MarkdownDocument(Self.text).renderHTML() != alone {
        differing.withLock { $0 += 1 }
      }
    }
    #expect(differing.withLock { $0 } == 0, "parses that lost a link or a strikethrough")
  }

  /// A body with none of those bytes is parsed beside them without taking turns: it must
  /// neither change the table under the others nor be changed by it.
  static let plain = """
    詳しくは [案内](guide.md) を見ます。*強調* と `code`。

    | 項目 | 内容 |
    |---|---|
    | 申し込み | 窓口で **受け付け** ます |

    - [x] 済み
    """

  @Test func parsesWithoutTurnsBesideThoseWithTurns() {
    let alone = MarkdownDocument(Self.text).renderHTML()
    let plainAlone = MarkdownDocument(Self.plain).renderHTML()
    #expect(plainAlone.contains("<table>") && plainAlone.contains("checked"))
    let differing = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: 6000) { i in
      let (text, expected) = i % 3 == 0 ? (Self.text, alone) : (Self.plain, plainAlone)
      if MarkdownDocument(text).renderHTML() != expected {
        differing.withLock { $0 += 1 }
      }
    }
    #expect(differing.withLock { $0 } == 0, "parses that lost a link, a strikethrough or a table")
  }
}

import Diagnostics
import Foundation
import Testing

@testable import Build

/// The line at the end of a build, in English and in Japanese, with the same facts.
@Suite struct BuildSummaryTests {
  func report(
    _ mode: BuildReport.Mode, files: Int = 0, diagnostics: [Diagnostic] = [],
    counts: [(String, Int)] = [("initiative", 2), ("glossary", 1), ("event", 0), ("draft", 1)]
  ) -> BuildReport {
    BuildReport(
      diagnostics: diagnostics, pageCounts: counts, filesWritten: files, seconds: 0.25, mode: mode)
  }

  @Test func japanese() {
    #expect(
      report(.full, files: 40).summary(in: .japanese)
        == "ファイル40個を作りました（取組2ページ、用語1ページ）。警告0件、0.25秒。下書き1ページは作っていません（`portal build --drafts` で作ります）"
    )
    var incremental = report(.incremental, files: 3)
    incremental.filesDeleted = 1
    #expect(
      incremental.summary(in: .japanese)
        == "変わったファイル3個を書き直し、ファイル1個を削除しました（取組2ページ、用語1ページ）。警告0件、0.25秒。下書き1ページは作っていません（`portal build --drafts` で作ります）"
    )
    #expect(
      report(.upToDate, counts: []).summary(in: .japanese)
        == "前回のビルドから変わったものはありません（ページはありません）。警告0件、0.25秒")
    let failed = report(
      .full,
      diagnostics: [
        .error(SourceLocation(file: "a.md"), "bad"), .warning(SourceLocation(file: "b.md"), "odd"),
      ])
    #expect(failed.summary(in: .japanese) == "ビルドに失敗しました：エラー1件、警告1件。前回の出力はそのまま残しています（0.25秒）")
    var first = failed
    first.hadOutput = false
    #expect(first.summary(in: .japanese) == "ビルドに失敗しました：エラー1件、警告1件。何も書き出していません（0.25秒）")
    #expect(first.summary.contains("; nothing was written (0.25 s"))
    let partly = report(
      .incremental,
      diagnostics: [.error(SourceLocation(file: "site"), "cannot write", code: "output.partial")])
    #expect(partly.summary(in: .japanese).contains("一部だけ更新されているかもしれません"))
    #expect(partly.summary.contains("the output folder may be partly updated"))
  }

  /// Counts as every Japanese summary writes them (`JapaneseCount`): the thing, the number
  /// grouped by threes, the counter word of its kind, no spaces.
  @Test func japaneseCountsOfAThousandAndMore() {
    var big = report(
      .full, files: 12_642,
      counts: [("initiative", 1_234), ("event", 9), ("draft", 1_000), ("scheduled", 2)])
    big.diagnostics = Array(
      repeating: .warning(SourceLocation(file: "a.md"), "odd"), count: 1_001)
    #expect(
      big.summary(in: .japanese)
        == "ファイル12,642個を作りました（取組1,234ページ、イベント9ページ）。警告1,001件、0.25秒。下書き1,000ページと、公開日時を待っている2ページは作っていません（`portal build --drafts` で作ります）"
    )
    var updated = report(.inPlace, files: 0)
    updated.filesDeleted = 2_000
    #expect(updated.summary(in: .japanese).hasPrefix("ファイル2,000個を削除しました（取組2ページ、用語1ページ）。"))
  }

  @Test func englishIsTheSummaryAsBefore() {
    let r = report(.full, files: 40)
    #expect(r.summary(in: .english) == r.summary)
    #expect(
      r.summary.hasPrefix("Built 40 files (2 initiative, 1 glossary) with 0 warning(s) in 0.25 s"))
  }
}

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
        == "40個のファイルを作りました（取組2、用語1）。警告0件、0.25秒。下書き1件は作っていません（`portal build --drafts` で作ります）")
    var incremental = report(.incremental, files: 3)
    incremental.filesDeleted = 1
    #expect(
      incremental.summary(in: .japanese)
        == "変わった3個のファイルを書き直し、1個を削除しました（取組2、用語1）。警告0件、0.25秒。下書き1件は作っていません（`portal build --drafts` で作ります）"
    )
    #expect(
      report(.upToDate, counts: []).summary(in: .japanese)
        == "前回のビルドから変わったものはありません（ページなし）。警告0件、0.25秒")
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

  @Test func englishIsTheSummaryAsBefore() {
    let r = report(.full, files: 40)
    #expect(r.summary(in: .english) == r.summary)
    #expect(
      r.summary.hasPrefix("Built 40 files (2 initiative, 1 glossary) with 0 warning(s) in 0.25 s"))
  }
}

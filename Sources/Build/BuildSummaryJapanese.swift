import Diagnostics
import Foundation

extension BuildReport {
  /// The line at the end of a build in `language`: `summary` itself in English, and the same
  /// facts in Japanese for writers whose computer is set to it (`MessageLanguage`), counted as
  /// every Japanese summary counts (`JapaneseCount`: 「ファイル2,642個」「取組73ページ」).
  public func summary(in language: MessageLanguage) -> String {
    guard language == .japanese else { return summary }
    let counted = builtCounts
    let counts =
      counted.isEmpty
      ? "ページはありません"
      : counted.map { "\(Self.japaneseKind[$0.0] ?? $0.0)\(JapaneseCount.pages($0.1))" }
        .joined(separator: "、")
    let time = String(format: "%.2f秒", seconds)
    let warnings = "警告\(JapaneseCount.items(diagnostics.warningCount))"
    let written = "ファイル\(JapaneseCount.things(filesWritten))"
    let deleted = "ファイル\(JapaneseCount.things(filesDeleted))"
    if !succeeded {
      let strictNote = failedOnWarnings ? "（--strict のため、警告もエラーとして数えます）" : ""
      let left =
        partlyWritten
        ? "出力フォルダーは一部だけ更新されているかもしれません（次のビルドで全体を書き直します）"
        : hadOutput ? "前回の出力はそのまま残しています" : "何も書き出していません"
      return
        "ビルドに失敗しました：エラー\(JapaneseCount.items(diagnostics.errorCount))、\(warnings)\(strictNote)。\(left)（\(time)）"
    }
    let note = unpublishedNoteJapanese
    switch mode {
    case .full:
      return "\(written)を作りました（\(counts)）。\(warnings)、\(time)\(note)"
    case .incremental, .inPlace:
      let done: String
      switch (filesWritten, filesDeleted) {
      case (0, 0): done = "書き直すファイルはありませんでした"
      case (_, 0): done = "変わった\(written)を書き直しました"
      case (0, _): done = "\(deleted)を削除しました"
      default: done = "変わった\(written)を書き直し、\(deleted)を削除しました"
      }
      return "\(done)（\(counts)）。\(warnings)、\(time)\(note)"
    case .upToDate:
      return "前回のビルドから変わったものはありません（\(counts)）。\(warnings)、\(time)\(note)"
    }
  }

  /// The kinds as the site names them.
  static let japaneseKind: [String: String] = [
    "strategy": "戦略", "field": "分野", "initiative": "取組", "event": "イベント", "glossary": "用語",
    "about": "サイトの案内", "domain": "領域",
  ]

  /// `。下書き2ページと、公開日時を待っている1ページは作っていません（`portal build --drafts` で作り
  /// ます）`, or nothing.
  private var unpublishedNoteJapanese: String {
    let (drafts, scheduled) = unpublished
    var parts: [String] = []
    if drafts > 0 { parts.append("下書き\(JapaneseCount.pages(drafts))") }
    if scheduled > 0 { parts.append("公開日時を待っている\(JapaneseCount.pages(scheduled))") }
    guard !parts.isEmpty else { return "" }
    return "。\(parts.joined(separator: "と、"))は作っていません（`portal build --drafts` で作ります）"
  }
}

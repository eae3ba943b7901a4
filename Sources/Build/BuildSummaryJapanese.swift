import Diagnostics
import Foundation

extension BuildReport {
  /// The line at the end of a build in `language`: `summary` itself in English, and the same
  /// facts in Japanese for writers whose computer is set to it (`MessageLanguage`).
  public func summary(in language: MessageLanguage) -> String {
    guard language == .japanese else { return summary }
    let counted = builtCounts
    let counts =
      counted.isEmpty
      ? "ページなし"
      : counted.map { "\(Self.japaneseKind[$0.0] ?? $0.0)\($0.1)" }.joined(separator: "、")
    let time = String(format: "%.2f秒", seconds)
    let warnings = "警告\(diagnostics.warningCount)件"
    if !succeeded {
      let strictNote = failedOnWarnings ? "（--strict のため、警告もエラーとして数えます）" : ""
      let left =
        partlyWritten
        ? "出力フォルダーは一部だけ更新されているかもしれません（次のビルドで全体を書き直します）"
        : hadOutput ? "前回の出力はそのまま残しています" : "何も書き出していません"
      return
        "ビルドに失敗しました：エラー\(diagnostics.errorCount)件、\(warnings)\(strictNote)。\(left)（\(time)）"
    }
    let note = unpublishedNoteJapanese
    switch mode {
    case .full:
      return "\(filesWritten)個のファイルを作りました（\(counts)）。\(warnings)、\(time)\(note)"
    case .incremental, .inPlace:
      let done: String
      switch (filesWritten, filesDeleted) {
      case (0, 0): done = "書き直すファイルはありませんでした"
      case (_, 0): done = "変わった\(filesWritten)個のファイルを書き直しました"
      case (0, _): done = "\(filesDeleted)個のファイルを削除しました"
      default: done = "変わった\(filesWritten)個のファイルを書き直し、\(filesDeleted)個を削除しました"
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

  /// `。下書き2件と、公開日時を待っている1件は作っていません（`portal build --drafts` で作ります）`, or
  /// nothing.
  private var unpublishedNoteJapanese: String {
    let (drafts, scheduled) = unpublished
    var parts: [String] = []
    if drafts > 0 { parts.append("下書き\(drafts)件") }
    if scheduled > 0 { parts.append("公開日時を待っている\(scheduled)件") }
    guard !parts.isEmpty else { return "" }
    return "。\(parts.joined(separator: "と、"))は作っていません（`portal build --drafts` で作ります）"
  }
}

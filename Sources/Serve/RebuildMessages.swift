import Diagnostics

/// What `portal serve` says after each rebuild, in the writer's language: the words apart from
/// the loop that decides when to say them.
enum RebuildMessages {
  /// A failed build's errors again (a save that fixed nothing): one line, not the block.
  static func failedAgain(errors: Int, in language: MessageLanguage) -> String {
    language == .japanese
      ? "まだ作れません：前と同じエラーです（エラー\(JapaneseCount.items(errors))）。保存した変更は、エラーを直すと表示されます"
      : "Build failed again with the same \(errors) error(s) as above; saved changes show once they are fixed"
  }

  /// The line of a build that succeeded: how long it took, after what (`RebuildLoop.action`),
  /// how many files changed, whether the warnings are those printed before, and the saved
  /// drafts and pages waiting for their `publish` time (relative to the content folder),
  /// which change nothing in the site: why, and how to see them.
  static func rebuilt(
    milliseconds ms: Int, after edited: (english: String, japanese: String)?, changed: Int,
    sameWarnings: Bool, fixed: Bool = false, drafts: [String], scheduled: [String],
    contentFolder: String, in language: MessageLanguage
  ) -> String {
    let japanese = language == .japanese
    func named(_ paths: [String]) -> String? {
      paths.isEmpty
        ? nil
        : paths.map { Diagnostic.visible(contentFolder + "/" + $0, keepingLines: false) }
          .joined(separator: japanese ? "、" : ", ")
    }
    if japanese {
      let draftNote =
        (named(drafts).map {
          "。\($0) は下書き（draft: true）なので、作っていません。`portal serve --drafts` で見られます"
        } ?? "")
        + (named(scheduled).map {
          "。\($0) は公開日時を待っているので、作っていません。`portal serve --drafts` で見られます"
        } ?? "")
      return
        "\(JapaneseCount.digits(ms))ミリ秒で作り直しました\(edited.map { "（\($0.japanese)）" } ?? "")：変わったファイル\(JapaneseCount.things(changed))"
        + (fixed ? "。エラーは直りました" : "") + (sameWarnings ? "。警告は前と同じです" : "") + draftNote
    }
    let draftNote =
      (named(drafts).map {
        "; \($0) \(drafts.count == 1 ? "is a draft" : "are drafts") (draft: true), not built: preview drafts with portal serve --drafts"
      } ?? "")
      + (named(scheduled).map {
        "; \($0) \(scheduled.count == 1 ? "waits for its" : "wait for their") publish time, not built: preview with portal serve --drafts"
      } ?? "")
    return
      "Rebuilt in \(ms) ms\(edited.map { " after \($0.english)" } ?? ""): \(changed) file(s) changed"
      + (fixed ? "; the errors are fixed" : "")
      + (sameWarnings ? "; the same warnings as before" : "")
      + draftNote
  }

  /// Said at Ctrl-C while a build is under way, which ends first (the site is never left
  /// half-written).
  static func stopping(in language: MessageLanguage) -> String {
    language == .japanese
      ? "止めています。作っている途中のサイトができあがるまで、お待ちください…（すぐに止めるには、もう一度 Ctrl-C）"
      : "Stopping once the build under way ends… (Ctrl-C again to stop at once)"
  }

  /// Said at a second Ctrl-C while the build still runs: the server stops without it.
  static func stoppedAtOnce(in language: MessageLanguage) -> String {
    language == .japanese
      ? "すぐに止めました（2回目の Ctrl-C）。途中だった出力は、次のビルドがすべて書き直します"
      : "Stopped at once (a second Ctrl-C): the next build writes again what this one left unfinished"
  }

  /// Why a build ran with no source changed: the output folder had lost what the last
  /// build wrote (`rm -rf site/*`).
  static let outputLost = (
    english: "finding the output folder emptied",
    japanese: "出力フォルダーの中身が消えていたため"
  )

  /// What follows a failed build's summary: whether the last good site is still served.
  static func failedTail(served: Bool, in language: MessageLanguage) -> String {
    language == .japanese
      ? (served
        ? "。前に作ったサイトを表示し続けています"
        : "。表示できるサイトはまだありません。開いているページにエラーを表示し、作れたら読み込みます")
      : (served
        ? "; still serving the last good site"
        : "; no site to serve yet: open pages show the errors and load the site once it builds")
  }
}

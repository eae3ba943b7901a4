import Diagnostics

/// 【中止】 typed into an event's title, as the team marked a called-off event before `status`
/// existed. With `status: cancelled` too, the site put its own 【中止】 before the title in tabs
/// and calendars: 【中止】【中止】はじめてのスマホ教室. Without it, the event stayed open, its way to
/// apply offered, with only the title saying otherwise.
enum EventStatusInTitle {
  /// Brackets a mark is typed in: 【中止】, ［中止］, [中止], （中止）, (中止), 〈中止〉, 《中止》.
  static let brackets: [(Character, Character)] = [
    ("【", "】"), ("［", "］"), ("[", "]"), ("（", "）"), ("(", ")"), ("〈", "〉"), ("《", "》"),
  ]

  /// The status a bracketed mark at the start or the end of `title` names (【中止】, （開催中止）,
  /// [延期]), with the title without it; nil when there is none.
  static func mark(in title: String) -> (status: EventStatus, rest: String)? {
    let trimmed = title.trimmingSpacesAndNewlinesByCharacter
    for (open, close) in brackets {
      if trimmed.first == open, let end = trimmed.firstIndex(of: close),
        let status = status(named: trimmed[trimmed.index(after: trimmed.startIndex)..<end])
      {
        return (
          status, String(trimmed[trimmed.index(after: end)...]).trimmingSpacesAndNewlinesByCharacter
        )
      }
      if trimmed.last == close, let start = trimmed.lastIndex(of: open),
        let status = status(
          named: trimmed[trimmed.index(after: start)..<trimmed.index(before: trimmed.endIndex)])
      {
        return (status, String(trimmed[..<start]).trimmingSpacesAndNewlinesByCharacter)
      }
    }
    return nil
  }

  /// 中止, 開催中止, イベント中止 (and 延期 the same way).
  static func status(named inner: Substring) -> EventStatus? {
    let word = String(inner).trimmingSpacesAndNewlinesByCharacter
    return EventStatus.allCases.first { s in
      [s.label, "開催" + s.label, "イベント" + s.label].contains(word)
    }
  }
}

extension YAMLFields {
  /// An event's title with a status mark `status` says too taken out (the site puts its own
  /// before the title where it needs one), warning of it; a mark without `status` (or with
  /// another) is warned of and left, since only `status` closes the event.
  mutating func eventTitle(_ title: String?, status: EventStatus?) -> String? {
    guard let title, let (marked, rest) = EventStatusInTitle.mark(in: title), !rest.isEmpty
    else { return title }
    let place = location(node("title")?.mark)
    let word = marked.label
    if status == marked {
      diagnostics.append(
        .warning(
          place, "the title says \(word) as `status: \(marked.rawValue)` does",
          hint:
            "take 【\(word)】 out of the title: the site puts it before the title in tabs, calendars and shares (it was shown twice)",
          code: "front-matter.status-in-title"
        ).ja(
          "タイトルの【\(word)】は、`status: \(marked.rawValue)` と同じことを言っています",
          hint: "タイトルから【\(word)】を消してください。タブやカレンダー、共有したときのタイトルには、サイトが【\(word)】を付けます（二重になっていました）"))
      return rest
    }
    let now = status.map { " (`status: \($0.rawValue)`)" } ?? ""
    let nowJa = status.map { "（`status: \($0.rawValue)`）" } ?? ""
    diagnostics.append(
      .warning(
        place, "the title says \(word), but `status` does not\(now)",
        hint:
          "write `status: \(marked.rawValue)`, so the page, the lists, calendars and search engines say \(word) and no way to apply is offered; then take 【\(word)】 out of the title (the site adds it)",
        code: "front-matter.status-in-title"
      ).ja(
        "タイトルに\(word)と書いてありますが、`status`\(nowJa)はそう言っていません",
        hint:
          "`status: \(marked.rawValue)` を書いてください。ページや一覧、カレンダー、検索エンジンにも\(word)と伝わり、申し込みの案内が消えます。そのうえで、タイトルの【\(word)】は消してください（サイトが付けます）"
      ))
    return title
  }
}

import Diagnostics

/// 【中止】 typed into an event's title, as the team marked a called-off event before `status`
/// existed. With `status: cancelled` too, the site put its own 【中止】 before the title in tabs
/// and calendars: 【中止】【中止】はじめてのスマホ教室. Without it, the event stayed open, its way to
/// apply offered, with only the title saying otherwise.
enum EventStatusInTitle {
  /// Brackets a mark is typed in: 【中止】, ［中止］, [中止], （中止）, (中止), 〈中止〉, 《中止》,
  /// 〔中止〕, <中止>, ※中止※.
  static let brackets: [Character: Character] = [
    "【": "】", "［": "］", "[": "]", "（": "）", "(": ")", "〈": "〉", "《": "》", "〔": "〕", "<": ">",
    "＜": "＞", "※": "※",
  ]

  /// A mark in a title: the status it names and where it is typed.
  struct Mark {
    var status: EventStatus
    var range: Range<String.Index>
  }

  /// The bracketed marks of `title` that name a status (【中止】, （中止になりました）,
  /// 【開催中止のお知らせ】, ※延期※), anywhere in it, and a label and colon at its start
  /// (中止：スマホ教室). Not a condition (【雨天中止の場合あり】).
  static func marks(in title: String) -> [Mark] {
    var found: [Mark] = []
    var i = title.startIndex
    while i < title.endIndex {
      guard let close = brackets[title[i]],
        let end = title[title.index(after: i)...].firstIndex(of: close)
      else {
        i = title.index(after: i)
        continue
      }
      let inner = title[title.index(after: i)..<end]
      if inner.count <= 16, let status = status(in: inner) {
        found.append(Mark(status: status, range: i..<title.index(after: end)))
      }
      i = title.index(after: end)
    }
    for s in EventStatus.allCases {
      for colon in ["：", ":"] where title.hasPrefix(s.label + colon) {
        let end = title.index(title.startIndex, offsetBy: (s.label + colon).count)
        found.append(Mark(status: s, range: title.startIndex..<end))
      }
    }
    return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// The status a mark's words name (中止, 開催中止, 中止になりました, 延期のお知らせ); nil for a
  /// condition or none.
  static func status(in inner: Substring) -> EventStatus? {
    guard !["場合", "雨天", "あり", "かも"].contains(where: { inner.contains($0) }) else { return nil }
    return EventStatus.allCases.first { inner.contains($0.label) }
  }

  /// `title` without `marks`, spaces joined once.
  static func without(_ marks: [Mark], in title: String) -> String {
    var rest = title
    for m in marks.reversed() {
      // The space on one side of a mark inside the title goes with it (教室 【中止】 （会場）).
      var range = m.range
      if range.upperBound < rest.endIndex,
        rest[range.upperBound] == " " || rest[range.upperBound] == "　",
        range.lowerBound > rest.startIndex,
        rest[rest.index(before: range.lowerBound)] == " "
          || rest[rest.index(before: range.lowerBound)] == "　"
      {
        range = range.lowerBound..<rest.index(after: range.upperBound)
      }
      rest.removeSubrange(range)
    }
    return rest.trimmingSpacesAndNewlinesByCharacter
  }
}

extension YAMLFields {
  /// An event's title with the status marks `status` says too taken out (the site puts its own
  /// before the title where it needs one), warning of them; a mark without `status` (or with
  /// another) is warned of and left, since only `status` closes the event.
  mutating func eventTitle(_ title: String?, status: EventStatus?) -> String? {
    guard let title else { return nil }
    let marks = EventStatusInTitle.marks(in: title)
    guard !marks.isEmpty else { return title }
    let place = location(node("title")?.mark)
    let same = marks.filter { $0.status == status }
    let rest = EventStatusInTitle.without(same, in: title)
    var shown = title
    if let first = same.first, let status, !rest.isEmpty {
      let typed = String(title[first.range])
      let word = status.label
      diagnostics.append(
        .warning(
          place, "the title says \(word) as `status: \(status.rawValue)` does",
          hint:
            "take \(typed) out of the title: the site puts 【\(word)】 before the title in tabs, calendars and shares (it was shown twice)",
          code: "front-matter.status-in-title"
        ).ja(
          "タイトルの\(typed)は、`status: \(status.rawValue)` と同じことを言っています",
          hint: "タイトルから\(typed)を消してください。タブやカレンダー、共有したときのタイトルには、サイトが【\(word)】を付けます（二重になっていました）"))
      shown = rest
    }
    // A mark `status` does not say (none, or another), or a title that is only the mark.
    guard
      let other = marks.first(where: { $0.status != status }) ?? (rest.isEmpty ? same.first : nil)
    else { return shown }
    let typed = String(title[other.range])
    let word = other.status.label
    if rest.isEmpty {
      diagnostics.append(
        .warning(
          place, "the title is only \(typed): residents see no name of the event",
          hint: "write the event's name as the title; `status` marks it \(word)",
          code: "front-matter.status-in-title"
        ).ja(
          "タイトルが\(typed)だけで、イベントの名前がありません",
          hint: "イベントの名前をタイトルに書いてください。\(word)の印は `status` でつきます"))
      return shown
    }
    let now = status.map { " (`status: \($0.rawValue)`)" } ?? ""
    let nowJa = status.map { "（`status: \($0.rawValue)`）" } ?? ""
    diagnostics.append(
      .warning(
        place, "the title says \(word), but `status` does not\(now)",
        hint:
          "write `status: \(other.status.rawValue)`, so the page, the lists, calendars and search engines say \(word) and no way to apply is offered; then take \(typed) out of the title (the site adds 【\(word)】)",
        code: "front-matter.status-in-title"
      ).ja(
        "タイトルに\(word)と書いてありますが、`status`\(nowJa)はそう言っていません",
        hint:
          "`status: \(other.status.rawValue)` を書いてください。ページや一覧、カレンダー、検索エンジンにも\(word)と伝わり、申し込みの案内が消えます。そのうえで、タイトルの\(typed)は消してください（サイトが【\(word)】を付けます）"
      ))
    return shown
  }
}

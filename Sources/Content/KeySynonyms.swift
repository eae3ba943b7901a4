/// Names writers give a key that Portal spells otherwise: another tool's (`date`, `venue`,
/// `description`) or the Japanese word (日時, 場所, 担当). Where such a key was unknown, the
/// hint said to remove it, and with a required key missing the writer deleted the real value
/// and typed the example's (a 10:00 start became 13:30); now it says which key it is.
enum KeySynonyms {
  /// The keys a name may mean, the likelier first; the kind's own keys choose among them
  /// (説明 is a page's `summary`, a glossary entry's `short`).
  static let keys: [String: [String]] = {
    var keys: [String: [String]] = [:]
    for (meant, names) in [
      (
        "start",
        [
          "date", "datetime", "time", "start_date", "startdate", "start_time", "begin",
          "日時", "日付", "開始", "開始日", "開始日時", "開催日", "開催日時", "日程",
        ]
      ),
      ("end", ["end_date", "enddate", "end_time", "finish", "終了", "終了日", "終了日時"]),
      ("place", ["venue", "location", "where", "場所", "会場", "開催場所"]),
      (
        "department",
        ["dept", "section", "division", "owner", "担当", "担当課", "担当部署", "部署", "所管", "所属"]
      ),
      (
        "summary", ["description", "desc", "excerpt", "abstract", "lead", "概要", "要約", "説明", "あらまし"]
      ),
      ("short", ["definition", "meaning", "意味", "説明", "短い説明"]),
      ("title", ["name", "heading", "題名", "タイトル", "件名", "名前", "名称", "見出し"]),
      ("term", ["word", "用語", "言葉", "ことば"]),
      ("reading", ["yomi", "kana", "よみ", "読み", "読み方", "よみがな", "ふりがな"]),
      ("english", ["en", "english_name", "英語", "英語名", "英名"]),
      ("fee", ["cost", "price", "費用", "参加費", "料金"]),
      ("capacity", ["limit", "定員"]),
      ("audience", ["target", "対象", "対象者"]),
      ("deadline", ["due", "締切", "締め切り", "〆切", "申込締切", "申込期限"]),
      ("tags", ["tag", "keywords", "タグ", "キーワード"]),
      ("fields", ["field", "分野"]),
      ("field", ["fields", "分野"]),
      ("domain", ["領域"]),
      ("related", ["関連", "関連する取組"]),
      ("status", ["state", "状態", "状況", "進捗"]),
      ("phone", ["tel", "telephone", "電話", "電話番号"]),
      ("fax", ["facsimile", "ファクス", "ファックス", "ファクス番号"]),
      ("online", ["stream", "livestream", "配信", "オンライン"]),
      ("registration", ["form", "申込フォーム", "申し込みフォーム"]),
      ("application", ["apply", "申込", "申込み", "申し込み", "申込方法", "申し込み方法"]),
      ("access", ["directions", "交通", "アクセス", "行き方"]),
      ("hours", ["opening_hours", "時間", "開館時間", "開場時間"]),
      ("accessibility", ["配慮", "合理的配慮"]),
      ("initiatives", ["initiative", "取組", "関連取組"]),
      ("order", ["weight", "順番", "順序", "並び順"]),
      ("parent", ["親"]),
      ("updated", ["update", "modified", "lastmod", "更新", "更新日"]),
      ("publish", ["publishdate", "publish_date", "公開", "公開日"]),
      ("draft", ["下書き"]),
      ("aliases", ["alias", "別名"]),
      ("links", ["link", "リンク"]),
    ] {
      for name in names { keys[name, default: []].append(meant) }
    }
    return keys
  }()

  /// The key among `allowed` that `name` (lower-cased, half-width) stands for, if any.
  static func meant(_ name: String, among allowed: [String]) -> String? {
    keys[name]?.first { allowed.contains($0) }
  }
}

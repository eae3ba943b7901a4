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
      // `date`: Hugo's and Jekyll's page date, an event's start and other pages' publish day.
      ("publish", ["publishdate", "publish_date", "date", "公開", "公開日"]),
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

  /// What each key of a page holds, in a word of Japanese, for the list of a kind's keys in an
  /// unknown key's hint (`title（題名）`): the ids alone told a writer who reads no English
  /// which key was meant only by guessing.
  static let japanese: [String: String] = [
    "title": "題名", "summary": "あらまし", "order": "並び順", "parent": "上のページ", "tags": "タグ",
    "draft": "下書き", "publish": "公開する日時", "updated": "更新した日", "slug": "アドレスの名前",
    "redirect_from": "前のアドレス", "footer": "ページの下に出すか", "domain": "領域", "field": "分野",
    "fields": "分野", "status": "進み具合", "started": "始めた日", "goal": "目標", "department": "担当",
    "related": "関連する取組", "links": "リンク", "start": "始まる日時", "end": "終わる日時", "place": "会場",
    "online": "配信のアドレス", "registration": "申し込みのアドレス", "application": "申し込み方法",
    "deadline": "締め切り", "fee": "参加費", "capacity": "定員", "audience": "対象", "access": "行き方",
    "hours": "時間", "accessibility": "配慮", "contact": "問い合わせ先", "initiatives": "関連する取組",
    "term": "用語", "reading": "読み方", "short": "短い説明", "aliases": "別名", "english": "英語の名前",
    "phone": "電話番号", "fax": "ファクス番号", "email": "メールアドレス",
  ]

  /// `keys` as the Japanese hint lists them: each with its word where it has one.
  static func listedInJapanese(_ keys: [String]) -> String {
    keys.map { key in japanese[key].map { "\(key)（\($0)）" } ?? key }.joined(separator: ", ")
  }
}

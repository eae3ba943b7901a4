/// The Japanese `--help` of `portal` and each of its commands (see `JapaneseHelp`). A command's
/// entries name its arguments, options and flags as the English help does; `--help` and
/// `--version` are in `JapaneseHelp.builtIn`. The tests fail when an argument has no entry
/// here, when an entry names one that is gone, or when the examples differ from the English.

extension Portal: JapaneseHelpful {
  static let japaneseHelp = JapaneseHelp(
    abstract: "千葉県DXポータルのサイトを、Markdown で書いた内容から作ります。",
    examplesTitle: "はじめかた",
    examples: [
      .init("portal build", "content/ と theme/ から site/ を作ります"),
      .init("portal new initiative \"タイトル\" --slug my-initiative", "新しい取組のページを作ります"),
      .init("portal search \"防災\"", "作ったサイトを検索します"),
    ])
}

/// `--content`, `--theme`, `--static` and `--output`, which `build` and `serve` share
/// (`SiteLocations`).
private let siteLocationEntries = [
  JapaneseHelp.Entry(
    "--content", "フォルダー", "content フォルダーです（Markdown のページと site.yml を置くフォルダー）。"),
  JapaneseHelp.Entry(
    "--theme", "フォルダー", "theme フォルダーです（templates/ と assets/ を置くフォルダー）。"),
  JapaneseHelp.Entry(
    "--static", "フォルダー",
    "中のファイルを、そのまま出力フォルダーの同じ場所にコピーするフォルダーです（CNAME、.well-known/、_headers など）。"
      + "フォルダーがなければ、何もコピーしません。"),
  JapaneseHelp.Entry(
    "--output", "フォルダー",
    "出力フォルダーです。ビルドがうまくいったときに、まるごと入れ替えます。"
      + "書かないときは site です（--drafts のときは site-drafts。公開するフォルダーに下書きが入らないようにします）。"),
]

private let draftsEntry = JapaneseHelp.Entry(
  "--drafts", "`draft: true` のページと、`publish` の日時がまだ来ていないページも作ります。")

/// The last line of every command's exit statuses.
private let exitStatusOfUsageErrors = "\n- 2：コマンドの書き方のまちがいです。"

extension BuildCommand: JapaneseHelpful {
  static let japaneseHelp = JapaneseHelp(
    abstract: "サイトを作り、出力フォルダーに書き出します。",
    discussion: [
      "content フォルダーの問題は、一度にすべて「ファイル:行:列: error: …」の形で、直し方といっしょに表示します。"
        + "出力フォルダーを入れ替えるのは、ビルドがうまくいったときだけです。失敗したときは、前のサイトをそのまま残します。",
      "終了コード:\n- 0：作れました。\n- 1：内容にエラーがあります（--strict のときは警告も）。"
        + exitStatusOfUsageErrors,
    ],
    examples: [
      .init("portal build"),
      .init("portal build --content content --theme theme --output site"),
      .init("portal build --now 2026-12-01T09:00:00+09:00", "日時を決めて作ります（何度作っても同じになります）"),
      .init("portal build --drafts --diagnostics json"),
      .init("portal build --strict", "CI で使います。警告が一つでもあれば、何も書き出しません"),
      .init(
        "portal build --base-url https://preview.example.jp/pr-12/ --output preview",
        "公開の前に確かめるプレビューを作ります"),
    ],
    entries: siteLocationEntries + [
      draftsEntry,
      .init(
        "--now", "日時",
        "ビルドの日時です。ISO 8601 の形（例：2026-12-01T09:00:00+09:00）か、@ のあとに1970年からの秒数（`--now @$SOURCE_DATE_EPOCH`）で書きます。"
          + "イベントをこれからのものと終わったものに分けるときと、`publish` の日時が来たかを決めるときに使います。"),
      .init(
        "--strict",
        "警告もエラーとして扱います。出力フォルダーはそのままにして、終了コードは 1 になります"
          + "（CI で、見本の文や長すぎる題名を公開しないために使います）。"),
      .init(
        "--no-cache",
        "前回のビルドの記録（キャッシュ）を使わず、はじめてのビルドのように、すべてを新しいフォルダーに作り直します"
          + "（出力フォルダーを手で変えたり壊したりしたときに使います）。"),
      .init(
        "--diagnostics", "形式",
        "問題を表示する形式です（github なら、GitHub Actions がその行に注釈として表示します）。"),
      .init(
        "--base-url", "アドレス",
        "content/site.yml の base_url の代わりに使う、公開のアドレスです"
          + "（例：変更を公開の前に確かめるプレビュー https://preview.example.jp/pr-12/）。"),
    ])
}

extension NewCommand: JapaneseHelpful {
  static let japaneseHelp = JapaneseHelp(
    abstract: "必要な項目を書き込んだ、新しいページのファイルを作ります。",
    discussion: [
      "content/<フォルダー>/<slug>.md を作ります。必ず書く項目は、書き込むか印を付けておきます。"
        + "書かなくてもよい項目は、コメントにして入れておきます。日本語の題名はそのままではアドレスにできないので、"
        + "--slug でアドレスの名前を付けてください（半角の英小文字・数字・`-`）。"
        + "--slug を書かないと、名前を聞かれます。題名の中の用語や分野の名前から作った名前"
        + "（「観光分野におけるドローンの活用」なら tourism-drone）でよければ、Enter だけを押します。"
    ],
    examples: [
      .init("portal new initiative \"AIを活用した防災対策\" --slug ai-disaster", "取組"),
      .init("portal new event \"スマホ教室\" --slug smartphone-class-2027-01", "イベント"),
      .init("portal new glossary \"メタバース\" --slug metaverse", "用語"),
      .init("portal new strategy \"取組の進め方\" --slug how-we-work", "戦略のページ"),
      .init("portal new page \"リンク・著作権について\" --slug copyright", "サイト案内"),
    ],
    entries: [
      .init(
        "<kind>", "種類",
        "作るものの種類です。initiative（取組）、event（イベント）、glossary（用語）、strategy（戦略）、"
          + "page（このサイトについてのページ。/about/<slug>/ に出ます）のどれかを書きます。"
          + "取組・イベント・用語・戦略・ページ と日本語でも書けます。"),
      .init("<title>", "題名", "ページの題名です（用語のときは、その用語です）。"),
      .init("--slug", "名前", "アドレスの名前です。半角の英小文字 a-z・数字 0-9・`-` で書きます。"),
      .init("--content", "フォルダー", "content フォルダーです。"),
    ])
}

extension SearchCommand: JapaneseHelpful {
  static let japaneseHelp = JapaneseHelp(
    abstract: "作ったサイトを、検索のページと同じ索引としくみで検索します。",
    discussion: [
      "<サイト>/search/（portal build が書き出します）を読み、よく一致したページを表示します。"
        + "題名・種類・アドレスと、一致したところに **このように** 印を付けた抜き出しです。"
        + "ブラウザーの検索のページも、同じファイルを同じしくみで検索します。住民の方が見る結果と同じです。",
      "一致のしかた: ページの題名・要約・キーワード（タグ、用語の読みと別の書き方）・本文に、探す言葉が入っていれば一致します。"
        + "全角と半角、大文字と小文字、カタカナとひらがな、ー は同じものとして扱います。"
        + "空白で区切った言葉は、すべて入っている必要があります。"
        + "用語の読みや別の書き方でも、その用語と、それを使うページが見つかります（ぼうさい → 防災）。"
        + "漢数字で書いた数は、数字で書いたものも探します（十二月 なら 12月 も、三十人 なら 30人 も）。"
        + "千葉や一部のような言葉は、書いたとおりに探します。"
        + "一致するページがないときは、少しちがうだけのサイトの言葉を示します（ますなんばー なら もしかして：「マイナンバーカード」、坊災 なら 「防災」）。"
        + "ローマ字のまま打った言葉は、かなにして、サイトでの書き方で示します（sumaho なら もしかして：「スマートフォン」、sa-bisu なら「サービス」）。"
        + "検索のページと同じです。docs/search.md も見てください。",
      "種類: strategy（戦略）、field（分野：領域と分野）、initiative（取組）、event（イベント）、glossary（用語）、"
        + "about（このサイトについて：フッターに並ぶページ）。--kind を何度か書くか、コンマで区切ります。",
      "終了コード:\n- 0：検索しました（一致するものがなかったときも）。\n- 1：索引がないか、こわれています。"
        + exitStatusOfUsageErrors,
    ],
    examples: [
      .init("portal search 防災"),
      .init("portal search \"でんししんせい\" --limit 3"),
      .init("portal search DX --kind glossary,initiative"),
      .init("portal search マイナンバー --site public --json"),
      .init("portal search 防災 --limit 0 --json", "一致したものをすべて"),
      .init("portal search 電子申請 --explain", "読んだ索引のファイルも"),
      .init("portal search -- -2", "- で始まる言葉を探すとき"),
    ],
    entries: [
      .init("<query>", "言葉", "探す言葉です（例：防災、でんししんせい、DX）。"),
      .init("--site", "フォルダー", "作ったサイトのフォルダーです。"),
      .init("--json", "JSON で表示します（結果・件数・読んだ索引のファイル）。"),
      .init("--limit", "数", "表示する件数です。0 なら、一致したものをすべて表示します。"),
      .init(
        "--kind", "種類",
        "探すページの種類です。strategy・field・initiative・event・glossary・about"
          + "（戦略・分野・取組・イベント・用語・このサイトについて）から選びます。"
          + "portal new と同じ page・ページ・initiatives・events・pages でも書けます。"),
      .init("--explain", "検索で読んだ索引のファイルと、その大きさ（ブラウザーがダウンロードする量）も表示します。"),
    ])
}

extension CheckCommand: JapaneseHelpful {
  static let japaneseHelp = JapaneseHelp(
    abstract: "作ったサイトに、行き先のないリンク（ページの中の見出しへのリンクも）や、アクセシビリティの問題がないかを確かめます。",
    discussion: [
      "作ったサイトのすべてのページを読み、問題を、そのもとの Markdown の行"
        + "（ビルドが書く .portal/sourcemap.json から分かります）か、テンプレートで知らせます。\n"
        + "- ファイルや見出しに行き着かないリンク（# の後ろが、リンク先のページの見出しにないもの）・画像・スタイルシート・スクリプト・アイコン・"
        + "フィード・転送のページ・sitemap.xml の項目\n"
        + "- alt のない画像、飛ばした見出しのレベル、h1 がないか二つ以上あるもの、文字のないリンクやボタン、"
        + "あいまいなリンクの文字（こちら、click here）、<th> のない表、重なった id、lang のない <html>\n"
        + "- ページの Content-Security-Policy が止めるもの：ほかのサイトの画像やスクリプト、"
        + "インラインのスタイルとスクリプト\n"
        + "--external を付けると、ほかのサイトへの http(s) のリンクも読みに行きます"
        + "（同時に8件、一つのサイトに2件まで。失敗したらやり直します）。"
        + "うまくいった結果は <サイト>/.portal/external-cache.json に残します。"
        + "content/site.yml の `check: { skip: [...] }` か --skip に合うアドレスは、読みに行きません。",
      "プロジェクトのフォルダーで、portal build のあとに実行してください。docs/check.md も見てください。",
      "終了コード:\n- 0：問題はありません（--strict でなければ、警告はあってもかまいません）。"
        + "\n- 1：エラーがあります（--strict のときは警告も）。" + exitStatusOfUsageErrors,
    ],
    examples: [
      .init("portal check"),
      .init("portal check --strict --format junit > check-report.xml", "CI のための報告"),
      .init(
        "portal check --external --skip 'https://www.example.jp/login/*'", "ほかのサイトへのリンクも"),
      .init("portal check --site public --format json"),
      .init("portal check --list-rules", "規則の一覧"),
    ],
    entries: [
      .init("--site", "フォルダー", "作ったサイトのフォルダーです。"),
      .init("--external", "ほかのサイトへの http(s) のリンクも、読みに行って確かめます。"),
      .init(
        "--format", "形式", "報告の形式です（github なら、GitHub Actions がその行に注釈として表示します）。"),
      .init("--strict", "警告があっても失敗にします（終了コード 1）。"),
      .init(
        "--config", "ファイル",
        "読みに行かないアドレスの型（`check.skip`）を書いた、サイトの設定ファイルです。"
          + "書かないときは、content/site.yml があればそれを使います。"),
      .init(
        "--skip", "型", "読みに行かないアドレスの型です（`*` は何にでも合います）。何度でも書けます。"),
      .init(
        "--cache-max-age", "秒数", "うまくいったほかのサイトの結果を、もう一度読みに行くまで残しておく秒数です。"),
      .init(
        "--cache-file", "ファイル",
        "ほかのサイトへのリンクの結果を残すファイルです。書かないときは <サイト>/.portal/external-cache.json です"
          + "（portal build は、サイトを作り直すときもこのファイルを残します）。"),
      .init("--no-cache", "残した結果を読まず、書かずに、ほかのサイトへのリンクをすべて読みに行きます。"),
      .init("--timeout", "秒数", "ほかのサイトの答えを待つ秒数です。"),
      .init("--retries", "回数", "時間切れや、相手のサーバーの不調の答え（5xx、429）、つながらなかったときに、やり直す回数です（0.5 秒、1 秒、2 秒、…と待ちます）。"),
      .init("--concurrency", "数", "ほかのサイトに同時に送る問い合わせの数です。"),
      .init("--per-host", "数", "一つのサイト（ホスト）に同時に送る問い合わせの数です。"),
      .init(
        "--base-url", "アドレス",
        "サイトを公開するアドレスです。書かないときは、トップページの canonical のリンクか、sitemap.xml から推し量ります。"),
      .init("--list-rules", "規則の一覧を、重さ（error か warning）といっしょに表示して終わります。"),
    ])
}

extension LintCommand: JapaneseHelpful {
  static let japaneseHelp = JapaneseHelp(
    abstract: "Markdown の文章に、住民の方が読みにくい日本語がないかを確かめます。",
    discussion: [
      "長すぎる文、多すぎる読点、長く続く漢字、漢字の多すぎる文、二重否定、重なった助詞、です・ます と である のまじり、"
        + "説明のないカタカナ語・英語・略語、行政の文書で使うかたい言葉（施策、鑑み など）、あいまいなリンクの文字、代わりのテキストのない画像、曜日のない日付、半角カナ、"
        + "漢数字、読みのない常用漢字外の漢字、書いたまま表示される Markdown（##見出し、**「」**です、［］（））、"
        + "目に見えない文字（ゼロ幅スペース、文字の向きを変える文字）を知らせます。"
        + "形は「ファイル:行:列: warning: … [規則]」で、直し方がつきます。",
      "目安の値: content/site.yml の `lint:` に書きます（規則の id: 数 か off）。"
        + "一つの行だけ知らせないようにするには、行の終わりに <!-- lint-disable-line 規則 --> を、"
        + "または前の行に <!-- lint-disable-next-line 規則 --> を書きます。docs/lint.md も見てください。",
      "--fix をつけると、直し方が一つに決まる問題をページに書き込んで直し、直したものを表示してから、もう一度確かめます"
        + "（\(LintHelp.fixesJa)）。",
      "`updated` の日がまだ来ていないときや、`publish` の日時が1年より先のときも、portal build と同じように知らせます"
        + "（今日は --now の日、書かないときはパソコンの時計の日です）。",
      "終了コード:\n- 0：エラーはありません（警告はあってもかまいません）。"
        + "\n- 1：エラーがあります（--strict のときは警告も）。" + exitStatusOfUsageErrors,
    ],
    examples: [
      .init("portal lint"),
      .init("portal lint content/initiatives/ai-disaster-management.md", "一つのページだけ"),
      .init("portal lint --strict --format json"),
      .init("portal lint --fix", "直し方が一つに決まる問題を直す"),
      .init("portal lint --list-rules", "規則と目安の値の一覧"),
    ],
    entries: [
      .init(
        "<paths>", "パス",
        "確かめる Markdown のファイルかフォルダーです。書かないときは、content フォルダーのすべての Markdown のファイルを確かめます。"
      ),
      .init("--strict", "警告が一つでもあれば失敗にします（終了コード 1。CI で使います）。"),
      .init(
        "--format", "形式",
        "問題を表示する形式です（github なら、GitHub Actions がその行に注釈として表示します）。"),
      .init("--content", "フォルダー", "content フォルダーです（site.yml と glossary/ を置くフォルダー）。"),
      .init("--list-rules", "規則の一覧を、目安の値といっしょに表示して終わります。"),
      .init(
        "--fix",
        "直し方が一つに決まる問題（\(LintHelp.fixesJa)）をページに書き込んで直し、もう一度確かめます。"),
      .init(
        "--now", "日時",
        "今日の日時です。ISO 8601 の形で書きます（例：2026-12-01T09:00:00+09:00）。"
          + "`updated` の日がまだ来ていないか、`publish` の日時が遠すぎないかを決めるときに使います。書かないときは、パソコンの時計を使います。"),
    ])
}

extension ServeCommand: JapaneseHelpful {
  static let japaneseHelp = JapaneseHelp(
    abstract: "サイトを作ってこのパソコンで表示し、ファイルを保存するたびに作り直します。",
    discussion: [
      "出力フォルダーを http://127.0.0.1:ポート/ で表示します。content、theme、static のフォルダーを見張り、"
        + "変えたところにかかわる部分だけを作り直して、開いているページを読み込み直します。"
        + "ビルドのエラーは、ファイル・行・内容をページの上に表示します。そのあいだも、最後にうまく作れたサイトを表示し続けます。"
        + "止めるときは Ctrl-C を押します。",
      "表示するページには、読み込み直しのための小さなスクリプトを加えます。書き出したファイルには入りません。"
        + "公開するサイトは portal build で作ります。",
    ],
    examples: [
      .init("portal serve"),
      .init("portal serve --port 8000"),
      .init("portal serve --content content --theme theme --drafts"),
      .init("portal serve --poll", "ファイルの変更の知らせが来ないフォルダーのとき"),
      .init("portal serve --host 0.0.0.0", "同じネットワークのスマートフォンで開くとき"),
    ],
    entries: siteLocationEntries + [
      .init("--port", "番号", "ポートの番号です。0 なら、空いているポートを選びます。"),
      .init(
        "--host", "アドレス",
        "待ち受けるアドレスです。127.0.0.1 ならこのパソコンだけ、0.0.0.0 なら同じネットワークの"
          + "スマートフォンやほかのパソコンからも、プレビューを開けます。"),
      draftsEntry,
      .init(
        "--poll",
        "ファイルの変更の知らせを待たずに、300 ミリ秒ごとにすべてのファイルを確かめます"
          + "（一部のネットワークやコンテナーのフォルダーのように、知らせが来ないフォルダーのとき）。"),
    ])
}

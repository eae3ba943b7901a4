import ArgumentParser
import Content
import Diagnostics
import Foundation

enum NewKind: String, CaseIterable {
  case initiative, event, glossary, strategy, page

  /// The kind named in English or in the words the strategy uses (取組, イベント, 用語, 戦略), or
  /// for a page about the site ページ, サイト案内 or このサイトについて; or by its folder
  /// (`events`, `initiatives`, `pages`), as writers see it in content/.
  init?(name: String) {
    let aliases: [String: NewKind] = [
      "取組": .initiative, "取り組み": .initiative, "イベント": .event, "用語": .glossary,
      "用語集": .glossary, "戦略": .strategy, "ページ": .page, "サイト案内": .page,
      "このサイトについて": .page, "about": .page,
    ]
    let folder = Self.allCases.first { $0.contentKind.folder == name.lowercased() }
    guard let kind = NewKind(rawValue: name.lowercased()) ?? aliases[name] ?? folder else {
      return nil
    }
    self = kind
  }

  /// The name the pages give the kind.
  var japaneseName: String {
    switch self {
    case .initiative: "取組"
    case .event: "イベント"
    case .glossary: "用語"
    case .strategy: "戦略"
    case .page: "ページ"
    }
  }

  var contentKind: ContentKind {
    switch self {
    case .initiative: .initiative
    case .event: .event
    case .glossary: .glossary
    case .strategy: .strategy
    case .page: .about
    }
  }
}

struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Create a content file with the right front matter.",
    discussion: """
      Writes content/<folder>/<slug>.md with every required key filled in or marked, and the \
      optional keys as comments. A Japanese title cannot become a URL by itself: give --slug \
      (lower-case letters, digits and `-`), or on a terminal type the name when asked. The name \
      offered is made from the site's names in the title (「観光分野におけるドローンの活用」: the field \
      観光 and the term ドローン give tourism-drone).

      Examples:
        portal new initiative "AIを活用した防災対策" --slug ai-disaster
        portal new event "スマホ教室" --slug smartphone-class-2027-01
        portal new glossary "メタバース" --slug metaverse
        portal new strategy "取組の進め方" --slug how-we-work
        portal new page "リンク・著作権について" --slug copyright
      """)

  @Argument(
    help: ArgumentHelp(
      "What to create: initiative (取組), event (イベント), glossary (用語), strategy (戦略) or page (ページ: a page about the site, /about/<slug>/).",
      valueName: "kind"))
  var kindName: String

  var kind: NewKind { NewKind(name: kindName) ?? .initiative }

  @Argument(help: "The title (for a glossary entry: the term).")
  var title: String

  @Option(help: "The URL name: a-z, 0-9 and `-`.")
  var slug: String?

  @Option(help: "The content folder.")
  var content: String = "content"

  func validate() throws {
    if let mistake = ProjectFolder.mistake(content: content, command: "new") { throw mistake }
    // Outside the project a new content/ folder would be made where no build looks.
    let settings = URL(fileURLWithPath: content).appendingPathComponent("site.yml")
    guard FileManager.default.fileExists(atPath: settings.path) else {
      throw ValidationError(
        say(
          "`\(content)` is not a site's content folder: it has no site.yml (in \(FileManager.default.currentDirectoryPath))\nHelp: run portal new in the project's folder (the one holding content/ and theme/), or give the folder with --content DIR",
          "`\(content)` はサイトの content フォルダーではありません。site.yml がありません（\(FileManager.default.currentDirectoryPath) で実行しました）\n直し方: content/ と theme/ のあるフォルダーで portal new を実行するか、--content でフォルダーを指定してください"
        ))
    }
    guard NewKind(name: kindName) != nil else {
      let kinds = NewKind.allCases.map(\.rawValue)
      // The kinds by the names the pages show too (イベンと → イベント), in either language.
      let names = NewKind.allCases.map(\.japaneseName)
      let guess =
        Suggest.closest(to: kindName, in: kinds + names).map { "did you mean `\($0)`? " } ?? ""
      let guessJa =
        Suggest.closest(to: kindName, in: names + kinds).map { "`\($0)` のまちがいではありませんか。" }
        ?? ""
      throw ValidationError(
        say(
          "there is no kind `\(kindName)`\nHelp: \(guess)use one of: \(kinds.joined(separator: ", ")) (or in Japanese: \(names.joined(separator: ", ")))",
          "`\(kindName)` という種類はありません\n直し方: \(guessJa)\(names.joined(separator: "・")) のどれかを書いてください"
        ))
    }
    // A line break would end the quoted value and start lines of its own in the front matter.
    if title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
      throw ValidationError(
        say(
          "the title holds a line break or another control character\nHelp: give the title on one line",
          "題名に改行などの制御文字があります\n直し方: 題名は一行で書いてください"))
    }
    if title.allSatisfy({ $0.isWhitespace }) {
      throw ValidationError(
        say(
          "the title is empty\nHelp: give the page's title in quotes after the kind, for example portal new \(kindName) \"防災の取組\"",
          "題名がありません\n直し方: 種類の後に、ページの題名を \" \" で囲んで書いてください（例：portal new \(kindName) \"防災の取組\"）"
        ))
    }
    let s = slug ?? title
    guard isSlug(s) else {
      if slug != nil {
        throw ValidationError(
          say(
            "the slug `\(s)` may only use a-z, 0-9 and `-`\nHelp: for example --slug \(suggestedSlug(s))",
            "アドレスの名前 `\(s)` には、半角の英小文字 a-z・数字 0-9・`-` だけが使えます\n直し方: たとえば --slug \(suggestedSlug(s)) と書いてください"
          ))
      }
      // On a terminal the name is asked for (run); elsewhere the error offers one.
      if NewSlug.canAsk { return }
      let example =
        NewSlug.suggestion(title: title, site: NewSlug.site(content: content), folder: folder)
        ?? "my-\(kind.rawValue)"
      throw ValidationError(
        say(
          "the title cannot be used as a URL name\nHelp: add --slug, for example --slug \(example)",
          "日本語の題名は、ページのアドレスに使えません\n直し方: --slug でアドレスの名前を、半角の英小文字・数字・`-` で付けてください（例：--slug \(example)）"
        ))
    }
    // The build would refuse the page: /initiatives/index/ beside the list at /initiatives/.
    if s == "index" {
      throw ValidationError(
        say(
          "`index` cannot be a slug: /\(kind.contentKind.urlFolder)/ is the list the build makes\nHelp: give the page a name of its own, for example --slug my-\(kind.rawValue)",
          "`index` はアドレスの名前に使えません。/\(kind.contentKind.urlFolder)/ は、一覧のページのアドレスです\n直し方: ページに自分の名前を付けてください（例：--slug my-\(kind.rawValue)）"
        ))
    }
  }

  /// The kind's folder in content/.
  var folder: URL { URL(fileURLWithPath: content).appendingPathComponent(kind.contentKind.folder) }

  func run() throws {
    var s = slug ?? title
    let asks = slug == nil && !isSlug(title)
    // The site's names, read only when a name is offered or an initiative's fields chosen.
    let site = asks || kind == .initiative ? NewSlug.site(content: content) : nil
    if asks {
      let suggestion = NewSlug.suggestion(title: title, site: site, folder: folder)
      guard let asked = NewSlug.ask(kind: kind, suggestion: suggestion, folder: folder) else {
        throw ExitCode(1)
      }
      s = asked
    }
    let file = folder.appendingPathComponent("\(s).md")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // The kind's folder must be the content folder's own, not a link leading elsewhere (the
    // build refuses such a link too, and the page would have been written out there).
    let realContent = URL(fileURLWithPath: content).resolvingSymlinksInPath().path
    guard folder.resolvingSymlinksInPath().path == realContent + "/" + kind.contentKind.folder
    else {
      let shown = ContentLoader.displayPath(for: folder)
      FileHandle.standardError.write(
        Data(
          say(
            "Error: \(shown) is a link leading outside the content folder\nHelp: make it a folder of its own (the build refuses the link too)\n",
            "Error: \(shown) は、content フォルダーの外へ向かうリンクです\n直し方: ふつうのフォルダーにしてください（ビルドもこのリンクを受け付けません）\n"
          ).utf8))
      throw ExitCode(2)
    }
    // Created only if nothing is there, not even a link: `fileExists` follows links, so a
    // dangling one was written through, to wherever it pointed.
    let fd = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
    guard fd >= 0 else {
      // Said here, without the usage of every command that a ValidationError prints.
      let shown = ContentLoader.displayPath(for: file)
      let reason = String(cString: strerror(errno))
      let message =
        errno == EEXIST
        ? say(
          "Error: \(shown) already exists\nHelp: choose another --slug, or edit that file",
          "Error: \(shown) はもうあります\n直し方: --slug で別の名前を付けるか、そのファイルを書き直してください")
        : say(
          "Error: cannot create \(shown): \(reason)\nHelp: check the folder's permissions",
          "Error: \(shown) を作れません（\(reason)）\n直し方: フォルダーに書き込めるかを確かめてください")
      FileHandle.standardError.write(Data((message + "\n").utf8))
      throw ExitCode(2)
    }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    // An initiative is filed under the fields its title names (観光分野の… → tourism); else
    // under the site's first field, marked as a sample the build warns about until chosen.
    var fields = site.map { SlugSuggestion.fields(in: title, config: $0.config) } ?? []
    let sample = fields.isEmpty
    if sample { fields = [site?.config.fieldIDs.first ?? "crisis-management"] }
    // A strategy page comes after the last one at the top (order 8 after 1–7).
    let order = kind == .strategy ? NewSlug.nextStrategyOrder(content: content) : 99
    try handle.write(
      contentsOf: Data(
        NewCommand.template(
          kind: kind, title: title, fields: fields, fieldsSample: sample, order: order
        ).utf8))
    let created = ContentLoader.displayPath(for: file)
    print(say("Created \(created)", "\(created) を作りました"))
    // A person at a terminal is told what comes next; a script's output stays one line.
    if NewSlug.canAsk {
      print(
        say(
          "Next: write over the sample sentences (portal build warns while one is left), and watch the page as you write with portal serve.",
          "次に、見本の文を書きかえてください（残っていると portal build が知らせます）。portal serve で、ページを見ながら書けます。"
        ))
    }
  }

  static func quoted(_ s: String) -> String {
    "\""
      + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      + "\""
  }

  /// The new page's text; `fields`, an initiative's fields, those its title names or with
  /// `fieldsSample` a sample to replace (`Placeholders.fieldsSample` marks it); `order`, a
  /// strategy page's place.
  static func template(
    kind: NewKind, title: String, fields: [String] = [], fieldsSample: Bool = false,
    order: Int = 99
  ) -> String {
    let t = quoted(title)
    switch kind {
    case .initiative:
      let value =
        "fields: [\(fields.isEmpty ? "crisis-management" : fields.joined(separator: ", "))]"
      let padded = value.padding(toLength: max(value.count + 1, 30), withPad: " ", startingAt: 0)
      let comment =
        fieldsSample || fields.isEmpty
        ? "\(Placeholders.fieldsSample)。分野のid（content/site.yml）を選んで書き、「\(Placeholders.fieldsSample)。」を消します。再掲の取組は複数書きます"
        : "題名から選びました。分野のid（content/site.yml）。再掲の取組は複数書きます"
      return """
        ---
        title: \(t)
        summary: \(Placeholders.initiativeSummary)
        \(padded)# \(comment)
        status: active                # planned（準備中）, active（実施中）, completed（完了）
        # department: 総務部
        # related: [other-initiative]
        # updated: 2027-01-01         # 内容を大きく変えた日（更新情報に載ります）
        # publish: 2027-01-01T09:00:00+09:00  # 公開する日時（それまではサイトに出ません）
        ---

        ## なにをするか

        ## なにが変わるか

        """
    case .event:
      return """
        ---
        title: \(t)
        summary: \(Placeholders.eventSummary)
        start: \(Placeholders.eventStart)
        # end: 2027-01-01T15:00:00+09:00
        # 終日のイベントは日付だけ（end は最終日）: start: 2027-01-23 と end: 2027-01-31
        # hours: どの日も9時から17時まで  # 終日のイベント（展示など）の、開いている時間
        # place: 千葉県庁
        # 会場への行き方:
        # access: JR千葉駅から歩いて10分
        # online: \(Placeholders.eventOnline)
        # registration: \(Placeholders.eventRegistration)
        # フォームのほかの申し込み方（電話・ファクス・窓口）:
        # application: 電話かファクスで申し込んでください。
        # phone: 043-000-0000        # 申し込み・問い合わせの電話
        # fax: 043-000-0001          # 耳の聞こえにくい人も申し込めるように
        # deadline: 2026-12-20        # 申し込みの締め切り（過ぎると「受付は終わりました」と出ます）
        # capacity: 30                # 定員（人）
        # fee: 無料
        # audience: 県内にお住まいの方
        # accessibility: [手話通訳, 要約筆記]
        # initiatives: [some-initiative]
        # updated: 2027-01-01         # 内容を大きく変えた日（更新情報に載ります）
        # publish: 2027-01-01T09:00:00+09:00  # 公開する日時（それまではサイトに出ません）
        # サイトに載せる日を publish に書きます（日付だけでも: publish: 2027-01-01）。その日が
        # 更新情報とイベントのフィードの日付になります（書かないと、フィードでは 1970-01-01 です）
        ---

        """
    case .glossary:
      return """
        ---
        term: \(t)
        reading: \(Placeholders.glossaryReading)
        short: \(Placeholders.glossaryShort)
        # aliases: [別の書き方]
        # english: Digital Transformation  # 英語の名前（本文のこの言葉を、読み上げソフトが英語で読みます）
        # related: [other-term]       # 関係する用語のid
        # updated: 2027-01-01         # 内容を大きく変えた日（更新情報に載ります）
        # publish: 2027-01-01T09:00:00+09:00  # 公開する日時（それまではサイトに出ません）
        ---

        """
    case .strategy:
      return """
        ---
        title: \(t)
        \("order: \(order)".padding(toLength: 30, withPad: " ", startingAt: 0))# 並ぶ順（小さい数が先）。いまの最後の次です（parent を書くと、その下での順）
        # summary: \(Placeholders.strategySummary)
        # parent: other-strategy-page
        # updated: 2027-01-01         # 内容を大きく変えた日（更新情報に載ります）
        # publish: 2027-01-01T09:00:00+09:00  # 公開する日時（それまではサイトに出ません）
        ---

        ## 見出し

        """
    case .page:
      return """
        ---
        title: \(t)
        # summary: \(Placeholders.strategySummary)
        # order: 10                   # フッターに並べる順（小さい数が先。書かないときは題名の順）
        # footer: false               # すべてのページの下（フッター）にリンクを出さないとき
        # updated: 2027-01-01         # 内容を大きく変えた日（更新情報に載ります）
        # publish: 2027-01-01T09:00:00+09:00  # 公開する日時（それまではサイトに出ません）
        ---

        ## 見出し

        """
    }
  }
}

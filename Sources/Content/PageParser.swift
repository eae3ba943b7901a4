import Diagnostics
import Yams

/// Turns one source file's front matter into a typed `Page` for its kind, collecting every
/// problem of the file.
enum PageParser {
  /// - Parameter config: when known, field and domain ids are checked here, so they are
  ///   reported even when other keys of the same file are broken.
  static func parse(_ source: SourceFile, kind: ContentKind, config: SiteConfig?) -> (
    Page?, [Diagnostic]
  ) {
    // A `---` too many: the keys under it are read where the writer meant them.
    if let (error, meant) = ExtraClosingLine.closedEarly(source) {
      return (nil, [error] + parse(meant, kind: kind, config: config).1)
    }
    let (page, diagnostics) = parseKind(source, kind: kind, config: config)
    return (page, diagnostics + [ExtraClosingLine.repeated(source)].compactMap { $0 })
  }

  /// `parse` of a file whose front matter ends where it is meant to.
  private static func parseKind(_ source: SourceFile, kind: ContentKind, config: SiteConfig?)
    -> (Page?, [Diagnostic])
  {
    let result = parse(source, as: kind, config: config)
    // A file copied into the wrong folder: every key of its kind is "unknown" and every key
    // of this one "missing". When its keys are exactly another kind's, say that once. Only
    // when it has a key this kind does not know: a file of a title alone is an unfinished
    // one, missing its keys, not a page about the site.
    func isKeyProblem(_ d: Diagnostic) -> Bool {
      d.code == "front-matter.unknown-key" || d.code == "front-matter.missing-key"
    }
    guard result.1.count(where: isKeyProblem) >= 2,
      result.1.contains(where: { $0.code == "front-matter.unknown-key" })
    else { return result }
    for other in ContentKind.allCases where other != kind {
      let (page, diagnostics) = parse(source, as: other, config: config)
      guard page != nil, !diagnostics.contains(where: isKeyProblem) else { continue }
      return (
        nil,
        [
          .error(
            SourceLocation(file: source.path, line: 1, column: 1),
            "this file is written as \(other.articleName), but it is in `\(kind.folder)/`",
            hint:
              "move it to content/\(other.folder)/ (the folder decides what kind of page a file is)",
            code: "content.folder"
          ).ja(
            "このファイルは\(other.japaneseName)の書き方ですが、`\(kind.folder)/` フォルダーにあります",
            hint: "content/\(other.folder)/ に移してください（ページの種類は、置いたフォルダーで決まります）")
        ]
      )
    }
    return result
  }

  /// A Markdown heading (`## なにをするか`) inside the front matter: a comment to YAML, so the
  /// page built without it. It is there when the front matter's closing `---` was left out and
  /// a `---` rule further down closed it instead.
  private static func headingsInFrontMatter(_ source: SourceFile) -> [Diagnostic] {
    // Most front matters have no `##`: not split in lines of characters on every load.
    guard source.frontMatter.containsBytes("##") else { return [] }
    return YAMLSlips.lines(of: source.frontMatter).enumerated().compactMap { n, line in
      let marks = line.prefix { $0 == "#" }.count
      guard (2...6).contains(marks), line.dropFirst(marks).first == " " else { return nil }
      return .warning(
        SourceLocation(file: source.path, line: n + source.frontMatterLine, column: 1),
        "`\(line)` is in the front matter, where it is a comment and is not shown",
        hint:
          "if it is the page's heading, the front matter was not closed: add a line `---` before it (and remove the `---` below that closed it)",
        code: "front-matter.heading"
      ).ja(
        "`\(line)` が前付けの中にあります。前付けの中ではコメントになり、ページに出ません",
        hint: "ページの見出しのつもりなら、前付けが閉じていません。この行の前に `---` の行を入れてください（下で前付けを閉じていた `---` は消します）")
    }
  }

  /// After a slip whose repair is certain (a full-width colon, typed with the input method on,
  /// on several lines): the other slips and every other mistake of the file, read from the text
  /// as the hints say to write it, so one build shows them all instead of one a build. The page
  /// is not built either way. Empty when `first` is not such a slip. Every diagnostic is at the
  /// place the writer typed, not the repaired text's.
  private static func afterRepairs(
    _ source: SourceFile, as kind: ContentKind, config: SiteConfig?, _ first: Diagnostic
  ) -> [Diagnostic] {
    let (slips, text, repairs) = YAMLSlips.repairedSlips(in: source.frontMatter)
    func diagnostic(_ slip: YAMLProblem) -> Diagnostic {
      slip.diagnostic(file: source.path, lineOffset: source.frontMatterLine)
    }
    guard let head = slips.first, diagnostic(head).location == first.location else { return [] }
    var repaired = source
    repaired.frontMatter = text
    return slips.dropFirst().map(diagnostic)
      + parse(repaired, as: kind, config: config, repairs: repairs).1
  }

  /// - Parameter repairs: those made to `source`'s front matter (`afterRepairs`).
  private static func parse(
    _ source: SourceFile, as kind: ContentKind, config: SiteConfig?,
    repairs: YAMLRepairs = .none
  ) -> (Page?, [Diagnostic]) {
    let node: Node?
    switch parseYAML(
      source.frontMatter, file: source.path, lineOffset: source.frontMatterLine, repairs: repairs)
    {
    case .success(let n): node = n
    case .failure(let d): return (nil, [d] + afterRepairs(source, as: kind, config: config, d))
    }
    var y = YAMLFields(
      node: node, file: source.path, lineOffset: source.frontMatterLine,
      text: source.frontMatter, repairs: repairs, what: "the front matter", whatJa: "前付け")
    for cut in YAMLComments.cutValues(in: source.frontMatter, node: node) {
      y.diagnostics.append(
        cut.problem.diagnostic(
          cut.empty ? .error : .warning, file: source.path, lineOffset: source.frontMatterLine,
          repairs: repairs))
      if cut.empty { y.explained.insert(cut.key) }
    }
    y.diagnostics += headingsInFrontMatter(source)
    if node == nil {
      // The keys of the file's own kind: `title` is no key of a glossary entry.
      let keys = kind.requiredKeys.map { "`\($0): …`" }
      y.error(
        nil, "the front matter is empty",
        hint: "add the keys \(kind.articleName) needs: \(keys.joined(separator: ", "))",
        code: "front-matter.missing", ja: "前付けに何も書いてありません",
        jaHint: "\(kind.japaneseName)に必要な項目を書いてください：\(keys.joined(separator: "、"))")
      return (nil, y.diagnostics)
    }

    // Common keys.
    let fileSlug = Self.fileSlug(source.relativePath)
    var slug = fileSlug
    if let s = y.string("slug") {
      if isSlug(s) {
        slug = s
      } else {
        // The page keeps its file's slug meanwhile, so ids naming it do not fail too.
        y.error(
          y.node("slug")?.mark, "the slug `\(s)` may only use a-z, 0-9 and `-`",
          hint: "write for example `slug: \(suggestedSlug(s))`", code: "front-matter.slug",
          ja: "slug `\(s)` には、半角の小文字 a-z、数字 0-9 と `-` だけが使えます",
          jaHint: "たとえば `slug: \(suggestedSlug(s))` と書いてください")
      }
    } else if let (english, japanese, meant) = YAMLSlips.invisibleInFileName(fileSlug) {
      y.error(
        nil,
        "the file name `\(fileSlug)` has an invisible character, \(english): it cannot be used as a URL",
        hint: "rename the file `\(meant).md` (file managers do not show the character either)",
        code: "front-matter.slug",
        ja: "ファイル名 `\(fileSlug)` に、目に見えない文字 \(japanese)が入っていて、ページのアドレスに使えません",
        jaHint: "ファイル名を `\(meant).md` に変えてください（ファイルの一覧でも、この文字は見えません）")
    } else if !isSlug(fileSlug) {
      y.error(
        nil, "the file name `\(fileSlug)` cannot be used as a URL",
        hint:
          "rename the file with a-z, 0-9 and `-` only, or add `slug: \(suggestedSlug(fileSlug))`",
        code: "front-matter.slug", ja: "ファイル名 `\(fileSlug)` は、ページのアドレスに使えません",
        jaHint:
          "ファイル名を半角の小文字 a-z、数字 0-9 と `-` だけにするか、前付けに `slug: \(suggestedSlug(fileSlug))` を書き足してください"
      )
    }
    if slug == "index", let list = Self.listName(kind), let listJa = Self.listNameJapanese(kind) {
      // Published at /<folder>/index/, beside the list the build makes at /<folder>/: a writer
      // who names a file index.md means that address itself.
      let folder = "/\(kind.urlFolder)/"
      y.error(
        y.node("slug")?.mark,
        "\(kind.articleName) cannot have the slug `index`: \(folder) is \(list), which the build makes, and this page would be at \(folder)index/",
        hint:
          "give it a name of its own (rename the file or add `slug: …`); the list's own text is in the theme's templates",
        code: "front-matter.slug",
        ja:
          "\(kind.japaneseName)の slug を `index` にはできません。\(folder) は Portal が作る\(listJa)で、このページは \(folder)index/ になってしまいます",
        jaHint:
          "ファイル名を変えるか `slug: …` を書いて、このページだけの名前を付けてください。一覧の文章は、テーマのテンプレートに書きます"
      )
    }
    let (tags, tagPlaces) = Self.tags(&y)
    let draft = y.bool("draft") ?? false
    let updated = date(&y, "updated")
    let publish = dateTime(&y, "publish", allowDateOnly: true)
    // Checked against the site's addresses when the site is resolved (`Redirects`).
    let redirectFrom = references(&y, "redirect_from", example: "[/initiatives/old-name/]") ?? []

    // The texts that take furigana are kept plain in the meta, their groups beside it.
    var furigana = PageFurigana()
    func ruby(_ text: String?, _ key: WritableKeyPath<PageFurigana, Furigana?>) -> String? {
      let (plain, groups) = PageFurigana.read(text)
      furigana[keyPath: key] = groups
      return plain
    }
    let meta: PageMeta?
    switch kind {
    case .strategy:
      let title = ruby(y.string("title", required: true, example: "基本的な考え方"), \.title)
      let order = y.int("order", required: true)
      let summary = ruby(y.string("summary"), \.summary)
      let parent = reference(&y, "parent")
      meta = title.flatMap { t in
        order.map {
          .strategy(StrategyMeta(title: t, order: $0.0, summary: summary, parent: parent))
        }
      }
    case .field:
      let title = ruby(y.string("title", required: true, example: "危機管理"), \.title)
      let domain = reference(&y, "domain", required: true, example: "life")
      let field = reference(&y, "field", required: true, example: "crisis-management")
      if let config, let domain, let field {
        checkIDs(
          &y, [domain], against: config.domains.map(\.id), names: config.domainNames,
          what: "domain",
          key: "domain")
        checkIDs(
          &y, [field], against: config.fieldIDs, names: config.fieldNames, what: "field",
          key: "field")
        if let owner = config.allFields.first(where: { $0.field.id == field.id })?.domain.id,
          config.domains.contains(where: { $0.id == domain.id }), owner != domain.id
        {
          y.diagnostics.append(
            .error(
              SourceLocation(file: source.path, line: field.line, column: field.column),
              "the field `\(field.id)` belongs to the domain `\(owner)`, not `\(domain.id)`",
              hint: "write `domain: \(owner)`", code: "content.field-domain"
            ).ja(
              "分野 `\(field.id)` は `\(domain.id)` ではなく、`\(owner)` の分野です",
              hint: "`domain: \(owner)` と書いてください"))
        }
      }
      let summary = ruby(y.string("summary"), \.summary)
      if let title, let domain, let field {
        meta = .field(FieldMeta(title: title, domain: domain, field: field, summary: summary))
      } else {
        meta = nil
      }
    case .initiative:
      let title = ruby(y.string("title", required: true, example: "AI等を活用した防災対策"), \.title)
      let summary = ruby(
        y.string("summary", required: true, example: "一文で内容を書きます。"), \.summary)
      let fields = references(&y, "fields", required: true, example: "[crisis-management]")
      if let config, let fields {
        checkIDs(
          &y, fields, against: config.fieldIDs, names: config.fieldNames, what: "field",
          key: "fields")
      }
      var status: InitiativeStatus?
      if let s = y.string("status") {
        status = InitiativeStatus(rawValue: s)
        if status == nil {
          let options = InitiativeStatus.allCases.map(\.rawValue)
          // The label as the page shows it (実施中) names the status too.
          let named = InitiativeStatus.allCases.first { $0.label == s }
          let near = Suggest.closest(to: s, in: options)
          let guess =
            named.map { "write `\($0.rawValue)` for \($0.label); " }
            ?? near.map { "did you mean `\($0)`? " } ?? ""
          let guessJa =
            named.map { "\($0.label)は `\($0.rawValue)` と書きます。" }
            ?? near.map { "`\($0)` のまちがいではありませんか。" } ?? ""
          y.error(
            y.node("status")?.mark, "unknown status `\(s)`",
            hint: "\(guess)use one of: \(options.joined(separator: ", "))",
            code: "front-matter.value", ja: "`status` に書いた `\(s)` は使えません",
            jaHint:
              "\(guessJa)次のどれかを書いてください："
              + InitiativeStatus.allCases.map { "`\($0.rawValue)`（\($0.label)）" }.joined(
                separator: "、"))
        }
      }
      let department = y.string("department")
      let started = date(&y, "started")
      let related = references(&y, "related") ?? []
      var links: [ExternalLink] = []
      for var item in y.mappings("links") ?? [] {
        let t = item.string("title", required: true)
        if let u = url(&item, "url", required: true, allowed: .webOrContact), let t {
          links.append(ExternalLink(title: t, url: u))
        }
        item.reportUnknownKeys(kindName: "a link", japaneseName: "`links` の中の1つ")
        y.diagnostics += item.diagnostics
      }
      if let title, let summary, let fields {
        meta = .initiative(
          InitiativeMeta(
            title: title, summary: summary, fields: fields, status: status, department: department,
            started: started,
            related: related, links: links))
      } else {
        meta = nil
      }
    case .event:
      let title = ruby(y.string("title", required: true, example: "DX推進セミナー"), \.title)
      let summary = ruby(
        y.string("summary", required: true, example: "一文で内容を書きます。"), \.summary)
      let (start, end) = eventTimes(&y, publish: publish)
      let startYearSlip =
        start.map { eventYearSlips(&y, start: $0, end: end, publish: publish) } ?? false
      let place = ruby(y.string("place"), \.place)
      let online = url(
        &y, "online",
        wordsInstead: (
          "`online` is the address where people join (`online: https://…`); until you have it, leave `online` out and say how to join in `place` or the text",
          "`online` には、参加するためのアドレス（`online: https://…`）を書きます。アドレスが決まるまでは `online` を消し、参加のしかたは `place` か本文に書いてください"
        ))
      let registration = url(&y, "registration")
      let deadline = dateTime(
        &y, "deadline", allowDateOnly: true, year: start.map { DateHints.yearNearest($0) })
      // A date alone is the whole day: 「当日まで」 is fine, a later day is not. An all-day
      // event has no hour to start at: any time on its first day is fine too.
      // After a `start` year slip (warned of), a day before it would be no hint.
      if let start, let deadline, !startYearSlip,
        deadline.isDateOnly || start.isDateOnly
          ? start.inJapan.local.date < deadline.inJapan.local.date : start < deadline
      {
        let written = start.isDateOnly ? start.inJapan.local.date.description : start.description
        y.diagnostics.append(
          .warning(
            y.location(y.node("deadline")?.mark),
            "registration closes after the event starts (`start: \(written)`)",
            hint:
              "write the last day people can apply, before the event: e.g. `deadline: \(start.inJapan.local.date.adding(days: -1))`",
            code: "front-matter.date"
          ).ja(
            "申し込みの締め切り（`deadline`）が、イベントの始まり（`start: \(written)`）より後になっています",
            hint:
              "イベントより前の、申し込める最後の日を書いてください。例: `deadline: \(start.inJapan.local.date.adding(days: -1))`"
          ))
      }
      let capacity = y.int("capacity").map(\.0)
      let fee = y.string("fee")
      let audience = y.string("audience")
      let accessibility = (y.stringList("accessibility") ?? []).map(\.0)
      let initiatives = references(&y, "initiatives") ?? []
      let phone = PhoneNumbers.number(&y, "phone")
      let fax = PhoneNumbers.number(&y, "fax")
      let application = y.string("application")
      let access = y.string("access")
      let hours = y.string("hours")
      if let title, let summary, let start {
        meta = .event(
          EventMeta(
            title: title, summary: summary, start: start, end: end, place: place, online: online,
            registration: registration, deadline: deadline, capacity: capacity, fee: fee,
            audience: audience, accessibility: accessibility, initiatives: initiatives,
            phone: phone, fax: fax, application: application, access: access, hours: hours))
      } else {
        meta = nil
      }
    case .glossary:
      let term = y.string("term", required: true, example: "DX")
      // A term in kana (ドローン) is its own reading, in hiragana; for others the example is
      // a reading of the shipped glossary's first term.
      let reading = y.string(
        "reading", required: true,
        example: term.flatMap { Self.hiraganaReading($0) ?? Self.letterReading($0) } ?? "でぃーえっくす")
      if let reading, !reading.unicodeScalars.allSatisfy(isReadingScalar) {
        // The reading in katakana (メタバース) is shown in hiragana, in letters (BPR) by their
        // names; else the usual example.
        let example = Self.hiraganaReading(reading) ?? Self.letterReading(reading) ?? "でぃーえっくす"
        y.error(
          y.node("reading")?.mark, "`reading` must be written in hiragana",
          hint: "write the reading in hiragana, e.g. `reading: \(example)`; it sets the 五十音 order",
          code: "front-matter.reading", ja: "`reading`（よみ）が、ひらがなで書かれていません",
          jaHint: "よみは、ひらがなで書いてください。例: `reading: \(example)`（用語集の五十音の順は、よみで決まります）")
      }
      let short = ruby(y.string("short", required: true, example: "一文で意味を書きます。"), \.summary)
      let termPlace = y.location(y.node("term")?.mark)
      let aliasPlaces = references(&y, "aliases") ?? []
      let aliases = aliasPlaces.map(\.id)
      let english = y.string("english")
      let related = references(&y, "related") ?? []
      if let term, let reading, let short {
        meta = .glossary(
          GlossaryMeta(
            term: term, reading: reading, short: short, aliases: aliases, english: english,
            related: related,
            namePlaces: [Reference(id: term, line: termPlace.line, column: termPlace.column)]
              + aliasPlaces))
      } else {
        meta = nil
      }
    case .about:
      let title = ruby(y.string("title", required: true, example: "ウェブアクセシビリティ方針"), \.title)
      let summary = ruby(y.string("summary"), \.summary)
      let order = y.int("order").map(\.0)
      let footer = y.bool("footer") ?? true
      meta = title.map {
        .about(AboutMeta(title: $0, summary: summary, order: order, footer: footer))
      }
    }
    Placeholders.check(
      &y,
      keys: kind == .glossary
        ? ["reading", "short"]
        : kind == .event ? ["summary", "start", "online", "registration"] : ["summary"])
    Lengths.check(&y, kind: kind)
    WordlessTexts.check(&y, kind: kind)
    y.reportUnknownKeys(kindName: kind.articleName, japaneseName: kind.japaneseName)
    guard let meta else { return (nil, y.diagnostics) }
    let page = Page(
      kind: kind, slug: slug, path: source.path, relativePath: source.relativePath,
      body: source.body,
      bodyLine: source.bodyLine, tags: tags, draft: draft, updated: updated,
      redirectFrom: redirectFrom, meta: meta, publish: publish, furigana: furigana,
      tagPlaces: tagPlaces)
    return (page, y.diagnostics)
  }

  /// What the build publishes at a kind's folder address (`/initiatives/`), for kinds that
  /// have such a list; a field's page is its field's, listed under /domains/.
  static func listName(_ kind: ContentKind) -> String? {
    switch kind {
    case .strategy: "the strategy's contents"
    case .field: nil
    case .initiative: "the list of initiatives"
    case .event: "the list of events"
    case .glossary: "the glossary"
    case .about: "the list of the pages about the site"
    }
  }

  /// The same in Japanese: 「取組の一覧」.
  static func listNameJapanese(_ kind: ContentKind) -> String? {
    switch kind {
    case .strategy: "戦略の目次"
    case .field: nil
    case .initiative: "取組の一覧"
    case .event: "イベントの一覧"
    case .glossary: "用語集"
    case .about: "このサイトについてのページの一覧"
    }
  }

  /// The slug a file has unless its front matter gives one: its name without `.md`.
  static func fileSlug(_ relativePath: String) -> String {
    String(relativePath.split(separator: "/").last!.dropLast(3))
  }

  /// - Parameter names: ids by the names site.yml gives them (農林水産業 → agriculture), as
  ///   writers type what the pages show.
  static func checkIDs(
    _ y: inout YAMLFields, _ refs: [Reference], against ids: [String],
    names namesOfIDs: @autoclosure () -> [String: String] = [:], what: String, key: String
  ) {
    for ref in refs where !ids.contains(ref.id) {
      // Made only for an unknown id: every initiative of a large site is checked.
      let names = namesOfIDs()
      let hint: (english: String, japanese: String)
      if let id = names[ref.id] {
        hint = (
          "write the id, not the name: `\(id)` (\(ref.id))",
          "名前ではなく id を書いてください：`\(id)`（\(ref.id)）"
        )
      } else if let list = listHint(ref.id, key: key, id: { names[$0] ?? $0 }) {
        hint = list
      } else if let part = partOfOneName(ref.id, names: names) {
        // `fields: [医療]` for 医療・福祉: the one name that holds it.
        hint = (
          "write the id of \(part.name): `\(part.id)`", "\(part.name) の id を書いてください：`\(part.id)`"
        )
      } else if let near = nameSharingMost(ref.id, names: names) {
        // `fields: [農業]`: 農林水産業 shares 農 and 業, and no other name as many.
        hint = (
          "did you mean `\(near.id)` (\(near.name))?", "`\(near.id)`（\(near.name)）のまちがいではありませんか"
        )
      } else if let guess = Suggest.closest(to: ref.id, in: ids) {
        hint = ("did you mean `\(guess)`?", "`\(guess)` のまちがいではありませんか")
      } else {
        hint = ("use an id listed in site.yml", "site.yml に書いてある id を書いてください")
      }
      // Named as site.yml lists them: `domains`, and their `fields`.
      let listed = what == "domain" ? " `domains` " : "分野（`fields`）"
      y.diagnostics.append(
        .error(
          SourceLocation(file: y.file, line: ref.line, column: ref.column),
          "`\(key)` names an unknown \(what) `\(ref.id)`", hint: hint.english,
          code: ReferenceValidator.unknownIDCode
        ).ja(
          "`\(key)` に書いた `\(ref.id)` は、site.yml の\(listed)にありません", hint: hint.japanese))
    }
  }

  /// A text in kana written in hiragana (ドローン → どろーん), if that is a reading.
  static func hiraganaReading(_ text: String) -> String? {
    var hiragana = String.UnicodeScalarView()
    for u in text.unicodeScalars {
      let v = u.value
      hiragana.append((0x30A1...0x30F6).contains(v) ? Unicode.Scalar(v - 0x60)! : u)
    }
    return !hiragana.isEmpty && hiragana.allSatisfy(isReadingScalar) ? String(hiragana) : nil
  }

  static func isReadingScalar(_ s: Unicode.Scalar) -> Bool {
    (0x3041...0x309F).contains(s.value) || s.value == 0x30FC || s.value == 0x30FB || s == " "
      || s == "・"
  }

  private static func reference(
    _ y: inout YAMLFields, _ key: String, required: Bool = false, example: String = "…"
  ) -> Reference? {
    guard let value = y.string(key, required: required, example: example) else { return nil }
    let loc = y.location(y.node(key)?.mark)
    return Reference(id: value, line: loc.line, column: loc.column)
  }

  private static func references(
    _ y: inout YAMLFields, _ key: String, required: Bool = false, example: String = "[…]"
  ) -> [Reference]? {
    guard let list = y.stringList(key, required: required, example: example) else { return nil }
    return list.map { value, mark in
      let loc = y.location(mark)
      return Reference(id: value, line: loc.line, column: loc.column)
    }
  }

  private static func date(_ y: inout YAMLFields, _ key: String) -> LocalDate? {
    guard let text = y.string(key) else { return nil }
    guard let d = LocalDate(iso: text) else {
      let hints = DateHints.hints(for: text, key: key, takes: .date)
      y.error(
        y.node(key)?.mark, "`\(key)` is not a valid date: `\(text)`",
        hint: hints?.english ?? "write the date as YYYY-MM-DD, e.g. `\(key): 2026-04-01`",
        code: "front-matter.date", ja: "`\(key)` の日付 `\(text)` が読めません",
        jaHint: hints?.japanese ?? "日付は、半角で 年-月-日 の順に書いてください。例: `\(key): 2026-04-01`")
      return nil
    }
    return d
  }

  /// - Parameter day: the day a time written alone belongs to (an event's `end` on its start's).
  /// - Parameter year: the year a month and day written alone belong to (from the start).
  static func dateTime(
    _ y: inout YAMLFields, _ key: String, required: Bool = false, allowDateOnly: Bool = false,
    day: LocalDate? = nil, year: ((_ month: Int, _ day: Int) -> Int)? = nil
  ) -> DateTime? {
    guard let text = y.string(key, required: required, example: "2026-12-05T13:30:00+09:00") else {
      return nil
    }
    guard let d = DateTime(iso: text, allowDateOnly: allowDateOnly) else {
      // A key that takes a date alone takes a date and time too: a typed time keeps its
      // hint (`publish: 2026-11-01T09:00:00` → add `+09:00`, not drop the time).
      let hints = DateHints.hints(
        for: text, key: key, takes: allowDateOnly ? .dateOrDateTime : .dateTime, day: day,
        year: year)
      y.error(
        y.node(key)?.mark, "`\(key)` is not a valid date and time: `\(text)`",
        hint: hints?.english
          ?? "write the date and time with Japan's offset `+09:00`, e.g. `\(key): 2026-12-05T13:30:00+09:00`\(allowDateOnly ? " or a date `2026-12-01`" : "")",
        code: "front-matter.date", ja: "`\(key)` の日時 `\(text)` が読めません",
        jaHint: hints?.japanese
          ?? "日時は、日本の時刻を表す `+09:00` を付けて書いてください。例: `\(key): 2026-12-05T13:30:00+09:00`\(allowDateOnly ? "（日付だけなら `2026-12-01`）" : "")"
      )
      return nil
    }
    return d
  }

  /// `wordsInstead`: the hint (English, Japanese) for a value of words with no address in it
  /// at all (`online: オンライン（Zoom）`), where the writer needs another key, not an example;
  /// `otherWay`: the hint for a value that is no address but belongs under another key
  /// (`ContactWays`).
  static func url(
    _ y: inout YAMLFields, _ key: String, required: Bool = false,
    allowed: Addresses.Allowed = .web, wordsInstead: (String, String)? = nil,
    otherWay: ((String) -> (english: String, japanese: String)?)? = nil
  ) -> String? {
    guard let text = y.string(key, required: required, example: "https://example.jp/") else {
      return nil
    }
    if let (problem, japanese) = Addresses.problems(text, allowed: allowed) {
      let (also, alsoJa) =
        switch allowed {
        case .web, .siteBase: ("", "")
        case .webOrContact: (" (or `mailto:…`, `tel:…`)", "（`mailto:…` や `tel:…` も書けます）")
        case .webOrSitePath:
          (" (or a path on this site, `/strategy/`)", "（このサイトのページなら、`/strategy/` のようなパスも書けます）")
        }
      // `www.example.jp/live`, `https//…`, full-width `ｈｔｔｐｓ：／／…`: the address meant,
      // else an example.
      let meant = Addresses.meant(text, allowed: allowed)
      let words = meant == nil && !text.contains { ".:/．：／".contains($0) }
      let instead = meant == nil ? otherWay?(text) ?? (words ? wordsInstead : nil) : nil
      y.error(
        y.node(key)?.mark, "`\(key)` \(problem): `\(text)`",
        hint: meant.map { "write the full address: `\(key): \($0)`" } ?? instead?.0
          ?? "write the full address, e.g. `\(key): https://example.jp/`\(also)",
        code: "front-matter.url", ja: "`\(key)` のアドレス `\(text)` は使えません。\(japanese)",
        jaHint: meant.map { "`https://` から始まるアドレスを、省かずに書いてください：`\(key): \($0)`" }
          ?? instead?.1
          ?? "`https://` から始まるアドレスを、省かずに書いてください。例: `\(key): https://example.jp/`\(alsoJa)")
      return nil
    }
    return text
  }
}

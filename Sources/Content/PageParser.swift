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
    let (page, diagnostics, _) = parse(source, kind: kind, config: config, reading: [])
    return (page, diagnostics)
  }

  /// `parse`, and for a page the values of each set of keys in `reading`, from the node the
  /// page was read from (`FrontMatterReading`; nil when `reading` is empty or there is no page).
  static func parse(
    _ source: SourceFile, kind: ContentKind, config: SiteConfig?, reading: [Set<String>]
  ) -> (Page?, [Diagnostic], FrontMatterReading?) {
    // A `---` too many: the keys under it are read where the writer meant them.
    if let (error, meant) = ExtraClosingLine.closedEarly(source) {
      return (nil, [error] + parse(meant, kind: kind, config: config).1, nil)
    }
    let (page, diagnostics, read) = parseKind(
      source, kind: kind, config: config, reading: reading)
    return (page, diagnostics + [ExtraClosingLine.repeated(source)].compactMap { $0 }, read)
  }

  /// `parse` of a file whose front matter ends where it is meant to.
  private static func parseKind(
    _ source: SourceFile, kind: ContentKind, config: SiteConfig?, reading: [Set<String>]
  ) -> (Page?, [Diagnostic], FrontMatterReading?) {
    let result = parse(source, as: kind, config: config, reading: reading)
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
      let (page, diagnostics, _) = parse(source, as: other, config: config)
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
        ],
        nil
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
    guard let head = slips.first, diagnostic(head).location == first.location else {
      // A line that is not `key: value`: read on without it (or with its colon), so a second
      // such line is reported in the same build.
      guard let read = YAMLSlips.repairedByExplaining(source.frontMatter),
        diagnostic(read.problem).location == first.location
      else { return [] }
      var repaired = source
      repaired.frontMatter = read.text
      return parse(repaired, as: kind, config: config, repairs: read.repairs).1
    }
    var repaired = source
    repaired.frontMatter = text
    return slips.dropFirst().map(diagnostic)
      + parse(repaired, as: kind, config: config, repairs: repairs).1
  }

  /// - Parameter repairs: those made to `source`'s front matter (`afterRepairs`).
  /// - Parameter reading: the sets of keys whose values to read for a page
  ///   (`FrontMatterReading`).
  private static func parse(
    _ source: SourceFile, as kind: ContentKind, config: SiteConfig?,
    repairs: YAMLRepairs = .none, reading: [Set<String>] = []
  ) -> (Page?, [Diagnostic], FrontMatterReading?) {
    let node: Node?
    switch parseYAML(
      source.frontMatter, file: source.path, lineOffset: source.frontMatterLine, repairs: repairs)
    {
    case .success(let n): node = n
    case .failure(let d):
      return (nil, [d] + afterRepairs(source, as: kind, config: config, d), nil)
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
      return (nil, y.diagnostics, nil)
    }

    let slug = Self.slug(&y, source, kind: kind)
    let (tags, tagPlaces) = Self.tags(&y)
    let draft = y.bool("draft") ?? false
    let updated = date(&y, "updated")
    let publish = dateTime(&y, "publish", allowDateOnly: true)
    updatedBeforePublish(&y, updated: updated, publish: publish)
    // Checked against the site's addresses when the site is resolved (`Redirects`).
    let redirectFrom = references(&y, "redirect_from", example: "[/initiatives/old-name/]") ?? []

    var keys = KindKeys(consume y, config: config)
    let meta = keys.meta(kind, publish: publish)
    y = keys.y
    let furigana = keys.furigana
    Placeholders.check(
      &y,
      keys: kind == .glossary
        ? ["reading", "short"]
        : kind == .event ? ["summary", "start", "online", "registration"] : ["summary"])
    if kind == .initiative {
      Placeholders.checkFields(&y, sample: config?.fieldIDs.first ?? "crisis-management")
    }
    SmartQuotes.check(
      &y,
      keys: kind == .glossary
        ? ["term", "short", "english"]
        : kind == .event ? ["title", "summary", "place"] : ["title", "summary"])
    Lengths.check(&y, kind: kind)
    WordlessTexts.check(&y, kind: kind)
    y.reportUnknownKeys(kindName: kind.articleName, japaneseName: kind.japaneseName)
    guard let meta else { return (nil, y.diagnostics, nil) }
    let page = Page(
      kind: kind, slug: slug, path: source.path, relativePath: source.relativePath,
      body: source.body,
      bodyLine: source.bodyLine, tags: tags, draft: draft, updated: updated,
      redirectFrom: redirectFrom, meta: meta, publish: publish, furigana: furigana,
      tagPlaces: tagPlaces)
    return (
      page, y.diagnostics, FrontMatterReading.of(source, node: node, keySets: reading)
    )
  }

  /// Warns of an `updated` day before the page's `publish` day: 更新情報 listed a change from
  /// before the page came out (「11月1日 更新」 for a page out on 12月1日), in place of its 公開.
  static func updatedBeforePublish(
    _ y: inout YAMLFields, updated: LocalDate?, publish: DateTime?
  ) {
    guard let updated, let publish else { return }
    let published = publish.inJapan.local.date
    guard updated < published else { return }
    y.diagnostics.append(
      .warning(
        y.location(y.node("updated")?.mark),
        "`updated` is \(updated), before the page is published (`publish: \(published)`): 更新情報 would list a change from before the page came out, in place of its 公開",
        hint:
          "write the day the page was changed after it came out, or remove `updated` (a new page is listed as 公開 on its `publish` day)",
        code: "front-matter.date"
      ).ja(
        "`updated` が \(updated) で、ページを公開する日（`publish: \(published)`）より前です。更新情報に、公開より前の更新として載り、公開のお知らせが出ません",
        hint: "公開した後に内容を変えた日を書くか、`updated` を消してください（新しいページは `publish` の日に「公開」として載ります）"))
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
      var hint: (english: String, japanese: String)
      // The id the hint offers, when it offers one.
      var offered: String?
      if let id = names[ref.id] {
        offered = id
        hint = (
          "write the id, not the name: `\(id)` (\(ref.id))",
          "名前ではなく id を書いてください：`\(id)`（\(ref.id)）"
        )
      } else if let list = listHint(ref.id, key: key, id: { names[$0] ?? $0 }) {
        hint = list
      } else if let part = partOfOneName(ref.id, names: names) {
        // `fields: [医療]` for 医療・福祉: the one name that holds it.
        offered = part.id
        hint = (
          "write the id of \(part.name): `\(part.id)`", "\(part.name) の id を書いてください：`\(part.id)`"
        )
      } else if let near = nameSharingMost(ref.id, names: names) {
        // `fields: [農業]`: 農林水産業 shares 農 and 業, and no other name as many.
        offered = near.id
        hint = (
          "did you mean `\(near.id)` (\(near.name))?", "`\(near.id)`（\(near.name)）のまちがいではありませんか"
        )
      } else if let guess = Suggest.closest(to: ref.id, in: ids) {
        offered = guess
        hint = ("did you mean `\(guess)`?", "`\(guess)` のまちがいではありませんか")
      } else {
        hint = ("use an id listed in site.yml", "site.yml に書いてある id を書いてください")
      }
      // `fields: [tourism, 観光分野]`: the id meant is in the list already.
      if let offered, refs.contains(where: { $0.id == offered }) {
        hint = (
          "the id it means, `\(offered)`, is in the list already: remove `\(ref.id)`",
          "これが指す id の `\(offered)` は、もうリストにあります。`\(ref.id)` を消してください"
        )
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

  static func reference(
    _ y: inout YAMLFields, _ key: String, required: Bool = false, example: String = "…"
  ) -> Reference? {
    guard let value = y.string(key, required: required, example: example) else { return nil }
    let loc = y.location(y.node(key)?.mark)
    return Reference(id: value, line: loc.line, column: loc.column)
  }

  static func references(
    _ y: inout YAMLFields, _ key: String, required: Bool = false, example: String = "[…]"
  ) -> [Reference]? {
    guard let list = y.stringList(key, required: required, example: example) else { return nil }
    return list.map { value, mark in
      let loc = y.location(mark)
      return Reference(id: value, line: loc.line, column: loc.column)
    }
  }

  static func date(_ y: inout YAMLFields, _ key: String) -> LocalDate? {
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
  /// (`ContactWays`); `email`: the hint for an e-mail address (given without `mailto:`), where
  /// the key takes none.
  static func url(
    _ y: inout YAMLFields, _ key: String, required: Bool = false,
    allowed: Addresses.Allowed = .web, wordsInstead: (String, String)? = nil,
    otherWay: ((String) -> (english: String, japanese: String)?)? = nil,
    email emailHint: ((String) -> (english: String, japanese: String))? = nil
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
      // An e-mail address (`dx@…`) is no web address left without its `https://`.
      let isEmail = text.contains("@") && !text.contains("/")
      let address = text.hasPrefix("mailto:") ? String(text.dropFirst(7)) : text
      let email = isEmail ? emailHint?(address) ?? otherWay?(text) : nil
      let meant = email == nil ? Addresses.meant(text, allowed: allowed) : nil
      let words = meant == nil && !text.contains { ".:/．：／".contains($0) }
      let instead = email ?? (meant == nil ? otherWay?(text) ?? (words ? wordsInstead : nil) : nil)
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

import Diagnostics

/// One kind's own front-matter keys read into its `PageMeta`, apart from the keys every kind
/// shares (`PageParser`): the texts that take furigana are kept plain in the meta, their groups
/// in `furigana`, and every problem goes to `y`'s diagnostics.
struct KindKeys {
  var y: YAMLFields
  var furigana = PageFurigana()
  /// When known, field and domain ids are checked here (`PageParser.parse`).
  let config: SiteConfig?

  init(_ y: YAMLFields, config: SiteConfig?) {
    self.y = y
    self.config = config
  }

  /// - Parameter publish: an event's `publish`, which a year left out of its `start` may follow.
  mutating func meta(_ kind: ContentKind, publish: DateTime?) -> PageMeta? {
    switch kind {
    case .strategy: strategy()
    case .field: field()
    case .initiative: initiative()
    case .event: event(publish: publish)
    case .glossary: glossary()
    case .about: about()
    }
  }

  /// The text plain, its furigana groups kept under `key`.
  private mutating func ruby(_ text: String?, _ key: WritableKeyPath<PageFurigana, Furigana?>)
    -> String?
  {
    let (plain, groups) = PageFurigana.read(text)
    furigana[keyPath: key] = groups
    return plain
  }

  private mutating func strategy() -> PageMeta? {
    let title = ruby(y.string("title", required: true, example: "基本的な考え方"), \.title)
    let order = y.int("order", required: true)
    let summary = ruby(y.string("summary"), \.summary)
    let parent = PageParser.reference(&y, "parent")
    return title.flatMap { t in
      order.map {
        .strategy(StrategyMeta(title: t, order: $0.0, summary: summary, parent: parent))
      }
    }
  }

  private mutating func field() -> PageMeta? {
    let title = ruby(y.string("title", required: true, example: "危機管理"), \.title)
    let domain = PageParser.reference(&y, "domain", required: true, example: "life")
    let field = PageParser.reference(&y, "field", required: true, example: "crisis-management")
    if let config, let domain, let field {
      PageParser.checkIDs(
        &y, [domain], against: config.domains.map(\.id), names: config.domainNames,
        what: "domain",
        key: "domain")
      PageParser.checkIDs(
        &y, [field], against: config.fieldIDs, names: config.fieldNames, what: "field",
        key: "field")
      if let owner = config.allFields.first(where: { $0.field.id == field.id })?.domain.id,
        config.domains.contains(where: { $0.id == domain.id }), owner != domain.id
      {
        y.diagnostics.append(
          .error(
            SourceLocation(file: y.file, line: field.line, column: field.column),
            "the field `\(field.id)` belongs to the domain `\(owner)`, not `\(domain.id)`",
            hint: "write `domain: \(owner)`", code: "content.field-domain"
          ).ja(
            "分野 `\(field.id)` は `\(domain.id)` ではなく、`\(owner)` の分野です",
            hint: "`domain: \(owner)` と書いてください"))
      }
    }
    let summary = ruby(y.string("summary"), \.summary)
    if let title, let domain, let field {
      return .field(FieldMeta(title: title, domain: domain, field: field, summary: summary))
    } else {
      return nil
    }
  }

  private mutating func initiative() -> PageMeta? {
    let title = ruby(y.string("title", required: true, example: "AI等を活用した防災対策"), \.title)
    let summary = ruby(
      y.string("summary", required: true, example: "一文で内容を書きます。"), \.summary)
    let fields = PageParser.references(&y, "fields", required: true, example: "[crisis-management]")
    if let config, let fields {
      PageParser.checkIDs(
        &y, fields, against: config.fieldIDs, names: config.fieldNames, what: "field",
        key: "fields")
    }
    let status = choice("status", InitiativeStatus.self, label: \.label)
    let department = y.string("department")
    if let config, let department { unlistedDepartment(department, config) }
    let started = PageParser.date(&y, "started")
    let related = PageParser.references(&y, "related") ?? []
    var links: [ExternalLink] = []
    for var item in y.mappings("links") ?? [] {
      let t = item.string("title", required: true)
      if let u = PageParser.url(&item, "url", required: true, allowed: .webOrContact), let t {
        links.append(ExternalLink(title: t, url: u))
      }
      item.reportUnknownKeys(kindName: "a link", japaneseName: "`links` の中の1つ")
      y.diagnostics += item.diagnostics
    }
    if let title, let summary, let fields {
      return .initiative(
        InitiativeMeta(
          title: title, summary: summary, fields: fields, status: status, department: department,
          started: started,
          related: related, links: links))
    } else {
      return nil
    }
  }

  private mutating func event(publish: DateTime?) -> PageMeta? {
    let status = choice("status", EventStatus.self, label: \.label)
    let title = ruby(
      y.eventTitle(y.string("title", required: true, example: "DX推進セミナー"), status: status),
      \.title)
    let summary = ruby(
      y.string("summary", required: true, example: "一文で内容を書きます。"), \.summary)
    let (start, end) = PageParser.eventTimes(&y, publish: publish)
    let startYearSlip =
      start.map { PageParser.eventYearSlips(&y, start: $0, end: end, publish: publish) } ?? false
    let place = ruby(y.string("place"), \.place)
    let online = PageParser.url(
      &y, "online",
      wordsInstead: (
        "`online` is the address where people join (`online: https://…`); until you have it, leave `online` out and say how to join in `place` or the text",
        "`online` には、参加するためのアドレス（`online: https://…`）を書きます。アドレスが決まるまでは `online` を消し、参加のしかたは `place` か本文に書いてください"
      ))
    // An e-mail address to apply to is no form's address: said where it goes.
    let registration = PageParser.url(
      &y, "registration",
      email: { address in
        (
          "`registration` is the address of a web form; to apply by e-mail, say so in `application`: `application: \(address) へメールで申し込んでください。`",
          "`registration` には、申し込みのページ（フォーム）のアドレスを書きます。メールで申し込むときは `application` に書いてください：`application: \(address) へメールで申し込んでください。`"
        )
      })
    let known = start ?? PageParser.meantStart(&y, publish: publish)
    let deadline = PageParser.dateTime(
      &y, "deadline", allowDateOnly: true, year: known.map { DateHints.yearNearest($0) })
    deadlineAfterStart(start, deadline, startYearSlip: startYearSlip)
    let capacity = y.int("capacity").map(\.0)
    let fee = y.string("fee")
    let audience = y.string("audience")
    let accessibility = (y.stringList("accessibility") ?? []).map(\.0)
    let initiatives = PageParser.references(&y, "initiatives") ?? []
    let phone = PhoneNumbers.number(&y, "phone")
    let fax = PhoneNumbers.number(&y, "fax")
    let application = y.string("application")
    let access = y.string("access")
    let hours = y.string("hours")
    if let config, !ExampleValues.isExampleSite(baseURL: config.baseURL) {
      ExampleValues.check(
        &y, values: ["phone": phone, "fax": fax, "online": online, "registration": registration])
    }
    if let title, let summary, let start {
      return .event(
        EventMeta(
          title: title, summary: summary, start: start, end: end, place: place, online: online,
          registration: registration, deadline: deadline, capacity: capacity, fee: fee,
          audience: audience, accessibility: accessibility, initiatives: initiatives,
          phone: phone, fax: fax, application: application, access: access, hours: hours,
          status: status))
    } else {
      return nil
    }
  }

  private mutating func glossary() -> PageMeta? {
    let term = y.string("term", required: true, example: "DX")
    // A term in kana (ドローン) is its own reading, in hiragana; for others the example is
    // a reading of the shipped glossary's first term.
    let reading = y.string(
      "reading", required: true,
      example: term.flatMap { PageParser.hiraganaReading($0) ?? PageParser.letterReading($0) }
        ?? "でぃーえっくす")
    if let reading, !reading.unicodeScalars.allSatisfy(PageParser.isReadingScalar) {
      // The reading in katakana (メタバース) is shown in hiragana, in letters (BPR) by their
      // names; else the usual example.
      let example =
        PageParser.hiraganaReading(reading) ?? PageParser.letterReading(reading)
        ?? term.flatMap { PageParser.hiraganaReading($0) } ?? "でぃーえっくす"
      y.error(
        y.node("reading")?.mark, "`reading` must be written in hiragana",
        hint: "write the reading in hiragana, e.g. `reading: \(example)`; it sets the 五十音 order",
        code: "front-matter.reading", ja: "`reading`（よみ）が、ひらがなで書かれていません",
        jaHint: "よみは、ひらがなで書いてください。例: `reading: \(example)`（用語集の五十音の順は、よみで決まります）")
    }
    let short = ruby(y.string("short", required: true, example: "一文で意味を書きます。"), \.summary)
    let termPlace = y.location(y.node("term")?.mark)
    let aliasPlaces = PageParser.references(&y, "aliases") ?? []
    let aliases = aliasPlaces.map(\.id)
    let english = y.string("english")
    let related = PageParser.references(&y, "related") ?? []
    if let term, let reading, let short {
      return .glossary(
        GlossaryMeta(
          term: term, reading: reading, short: short, aliases: aliases, english: english,
          related: related,
          namePlaces: [Reference(id: term, line: termPlace.line, column: termPlace.column)]
            + aliasPlaces))
    } else {
      return nil
    }
  }

  private mutating func about() -> PageMeta? {
    let title = ruby(y.string("title", required: true, example: "ウェブアクセシビリティ方針"), \.title)
    let summary = ruby(y.string("summary"), \.summary)
    let order = y.int("order").map(\.0)
    let footer = y.bool("footer") ?? true
    return title.map {
      .about(AboutMeta(title: $0, summary: summary, order: order, footer: footer))
    }
  }

  /// A value of one of `E`'s cases (an initiative's or an event's `status`), nil when not
  /// written or not one (reported, with the value meant when the label the page shows, 実施中
  /// or 中止, or a near spelling names it). `canceled`, as American English spells it, is read
  /// as `cancelled`.
  private mutating func choice<E: RawRepresentable & CaseIterable>(
    _ key: String, _: E.Type, label: (E) -> String
  ) -> E? where E.RawValue == String {
    guard let s = y.string(key) else { return nil }
    if let value = E(rawValue: s) ?? E(rawValue: s == "canceled" ? "cancelled" : s) {
      return value
    }
    let options = E.allCases.map(\.rawValue)
    let named = E.allCases.first { label($0) == s }
    let near = Suggest.closest(to: s, in: options)
    let guess =
      named.map { "write `\($0.rawValue)` for \(label($0)); " }
      ?? near.map { "did you mean `\($0)`? " } ?? ""
    let guessJa =
      named.map { "\(label($0))は `\($0.rawValue)` と書きます。" }
      ?? near.map { "`\($0)` のまちがいではありませんか。" } ?? ""
    y.error(
      y.node(key)?.mark, "unknown \(key) `\(s)`",
      hint: "\(guess)use one of: \(options.joined(separator: ", "))",
      code: "front-matter.value", ja: "`\(key)` に書いた `\(s)` は使えません",
      jaHint:
        "\(guessJa)次のどれかを書いてください："
        + E.allCases.map { "`\($0.rawValue)`（\(label($0))）" }.joined(separator: "、"))
    return nil
  }

  /// Warns of a `department` a typo away from one of site.yml's `departments` (健康福祉課 for
  /// 健康福祉部): the page then gave the site's own contact, and residents phoned the wrong
  /// office. A department not listed at all is usual (site.yml lists those with their own
  /// phone), and its pages give the site's contact on purpose.
  private mutating func unlistedDepartment(_ name: String, _ config: SiteConfig) {
    guard config.listedDepartment(name) == nil,
      // One character off (健康福祉課 for 健康福祉部): two in a name of five is another
      // department (保健福祉部).
      let near = Suggest.closest(to: name, in: config.departments.keys.sorted(), maxDistance: 1)
    else { return }
    y.diagnostics.append(
      .warning(
        y.location(y.node("department")?.mark),
        "`department: \(name)` is not one of site.yml's `departments`: the page gives the site's own contact",
        hint: "did you mean `department: \(near)`?", code: "front-matter.department"
      ).ja(
        "`department: \(name)` は、site.yml の `departments` にありません。ページの問い合わせ先は、サイト全体のものになります",
        hint: "`department: \(near)` のまちがいではありませんか。"))
  }

  /// Warns of an event's `deadline` after its start, which no one could meet.
  private mutating func deadlineAfterStart(
    _ start: DateTime?, _ deadline: DateTime?, startYearSlip: Bool
  ) {
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
  }
}

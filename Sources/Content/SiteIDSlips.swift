import Diagnostics

/// A field or domain id misspelt in site.yml (`id: crisis-managment`). Each page naming the
/// right id was told "unknown field `crisis-management`: did you mean `crisis-managment`?",
/// which leads the writer to copy the slip into five correct files. When the files agree on
/// an id site.yml does not list (two files at least), and the near id site.yml lists is named
/// by no page, the slip is site.yml's: it gets the error, at its id, and the pages' hints point there.
/// An id given twice where the files name one site.yml lost is site.yml's one error, and the
/// files' errors are not listed (`givenTwice`).
enum SiteIDSlips {
  /// `diagnostics`: those of the load so far, whose unknown-id errors (found by their place,
  /// the place of each reference in `ReferenceValidator.unknownSiteIDs`) are rewritten;
  /// returns the errors for site.yml. Everything is taken from the parse of the pages and of
  /// site.yml, nothing from the words of a message, which may change.
  static func check(
    _ diagnostics: inout [Diagnostic], pages: [Page], config: SiteConfig, configPath: String
  ) -> [Diagnostic] {
    // The ids pages name, by what they are.
    var named: [SiteIDKind: Set<String>] = [.field: [], .domain: []]
    for page in pages {
      switch page.meta {
      case .initiative(let m): named[.field]!.formUnion(m.fields.map(\.id))
      case .field(let m):
        named[.field]!.insert(m.field.id)
        named[.domain]!.insert(m.domain.id)
      default: break
      }
    }
    let listed: [SiteIDKind: [String]] = [
      .field: config.fieldIDs, .domain: config.domains.map(\.id),
    ]
    // The pages' unknown-id errors by their place, which is the reference's.
    var errorAt: [SourceLocation: Int] = [:]
    for (i, d) in diagnostics.enumerated() where d.code == ReferenceValidator.unknownIDCode {
      if errorAt[d.location] == nil { errorAt[d.location] = i }
    }
    // The unknown ids by what they are, each with the references naming it.
    var unknown: [SiteIDKind: [String: [UnknownSiteID]]] = [:]
    for ref in ReferenceValidator.unknownSiteIDs(pages: pages, config: config) {
      unknown[ref.kind, default: [:]][ref.id, default: []].append(ref)
    }
    var errors: [Diagnostic] = []
    // The files' errors that site.yml's own error now says.
    var solved: Set<Int> = []
    for what in SiteIDKind.allCases {
      // An id given twice in site.yml (a field copied and its id not changed), and files naming
      // the id it replaced: site.yml is told, once.
      let repeated = config.repeatedIDs.filter { $0.kind == what }
      for (id, refs) in (unknown[what] ?? [:]).sorted(by: { $0.key < $1.key }) {
        let indices = refs.compactMap { errorAt[$0.location] }
        let files = Set(refs.map(\.location.file)).sorted()
        let places = repeated.count == 1 ? config.idLocations(of: repeated[0].id, kind: what) : []
        if places.count >= 2, Suggest.closest(to: id, in: listed[what]!) == nil, files.count >= 2 {
          // One slip, one error: site.yml's (its parse reports every id given twice), which
          // says what the files' errors said. A second lost id leaves its files' errors be.
          if let k = diagnostics.firstIndex(where: {
            $0.code == SiteConfig.duplicateIDCode && $0.location == repeated[0].reportedAt
          }) {
            diagnostics[k] = givenTwice(
              what: what.rawValue, id: repeated[0].id, lost: id, lines: places.map(\.line),
              files: files, at: diagnostics[k].location)
            solved.formUnion(indices)
          }
          continue
        }
        guard let written = Suggest.closest(to: id, in: listed[what]!),
          !named[what]!.contains(written),
          let at = config.idLocations(of: written, kind: what).first
        else { continue }
        // Two files agreeing are no one writer's slip; one file's may be (its hint stays).
        guard files.count >= 2 else { continue }
        errors.append(slip(what: what, written: written, meant: id, files: files.count, at: at))
        let place = "\(configPath):\(at.line):\(at.column)"
        for i in indices {
          diagnostics[i].hint =
            "site.yml lists `\(written)`, which no page names: if that is the slip, write `id: \(id)` there (\(place)); else write `\(written)` here"
          diagnostics[i].japanese?.hint =
            "site.yml には、どのページにも書かれていない `\(written)` があります。そちらのまちがいなら、site.yml（\(place)）を `id: \(id)` に直してください。そうでなければ、ここを `\(written)` にしてください"
        }
      }
    }
    diagnostics = diagnostics.enumerated().filter { !solved.contains($0.offset) }.map(\.element)
    return errors
  }

  /// site.yml's error for an id it lists that no page names (`crisis-managment`), while
  /// `files` files name the near id `meant` it does not list.
  static func slip(
    what: SiteIDKind, written: String, meant id: String, files: Int, at place: SourceLocation
  ) -> Diagnostic {
    let whatJa = what == .field ? "分野" : "領域"
    return .error(
      place,
      "the \(what.rawValue) id `\(written)` is named by no page, while \(files) files name `\(id)`, which site.yml does not list",
      hint: "did you mean `id: \(id)`? (if `\(written)` is right, write it in those files instead)",
      code: ReferenceValidator.unknownIDCode
    ).ja(
      "site.yml の\(whatJa)の id `\(written)` はどのページにも書かれていません。一方、\(files)個のファイルが、site.yml にない `\(id)` を書いています",
      hint: "`id: \(id)` のまちがいではありませんか（`\(written)` が正しいなら、それらのファイルのほうを直してください）")
  }

  /// site.yml's error for an id given twice (`safety` on lines 95 and 96) where the files
  /// agree on an id it no longer lists (`crisis-management`): the one slip, with the files
  /// named, whose own errors are then not listed (six errors for one slip were read as six
  /// things to mend, and each file's hint sent the writer back to site.yml anyway).
  static func givenTwice(
    what: String, id: String, lost: String, lines: [Int], files: [String],
    at location: SourceLocation
  ) -> Diagnostic {
    let whatJa = what == "field" ? "分野" : "領域"
    let shown = files.prefix(3).joined(separator: ", ")
    let more = files.count > 3 ? " and \(files.count - 3) more" : ""
    let shownJa = files.prefix(3).joined(separator: "、")
    let moreJa = files.count > 3 ? " ほか\(files.count - 3)個" : ""
    let (linesEn, linesJa) = (
      lines.map(String.init).joined(separator: " and "),
      lines.map { "\($0)行目" }.joined(separator: "と")
    )
    let (orEn, orJa) = (
      lines.map(String.init).joined(separator: " or "),
      lines.map { "\($0)行目" }.joined(separator: "か")
    )
    return .error(
      location,
      "the \(what) id `\(id)` is given twice (lines \(linesEn)), and \(files.count) files name `\(lost)`, which site.yml does not list: was one of the two meant to be `\(lost)`?",
      hint:
        "write `id: \(lost)` on the line meant for it (\(orEn)); the files naming it (\(shown)\(more)) then need no change",
      code: SiteConfig.duplicateIDCode
    ).ja(
      "\(whatJa)の id `\(id)` が2回（\(linesJa)）書かれています。一方、\(files.count)個のファイルが、site.yml にない `\(lost)` を書いています。どちらかは `\(lost)` のつもりではありませんか",
      hint:
        "そのつもりの行（\(orJa)）を `id: \(lost)` に直してください。`\(lost)` を書いているファイル（\(shownJa)\(moreJa)）は、直さなくてかまいません"
    )
  }

  /// The line and column of `id` (a domain's or a field's, the first) in site.yml's `text`,
  /// as its parse gives them: for a text without the rest of a site.yml. It was a scan of the
  /// text for `id:`, which missed a quoted id and took one in a comment.
  static func idPosition(_ id: String, in text: String) -> (Int, Int)? {
    guard
      case .success(let node) = parseYAML(text, file: "site.yml", lineOffset: 1, frontMatter: false)
    else { return nil }
    var y = YAMLFields(
      node: node, file: "site.yml", lineOffset: 1, text: text, what: "site.yml", whatJa: "site.yml")
    let domains = SiteConfig.readDomains(&y).domains
    let place =
      (domains.map { ($0.id, $0.idLocation) }
      + domains.flatMap(\.fields).map { ($0.id, $0.idLocation) })
      .compactMap { $0.0 == id ? $0.1 : nil }.min()
    return place.map { ($0.line, $0.column) }
  }
}

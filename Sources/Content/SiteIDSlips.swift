import Diagnostics

/// A field or domain id misspelt in site.yml (`id: crisis-managment`). Each page naming the
/// right id was told "unknown field `crisis-management`: did you mean `crisis-managment`?",
/// which leads the writer to copy the slip into five correct files. When the files agree on
/// an id site.yml does not list (two files at least), and the near id site.yml lists is named
/// by no page, the slip is site.yml's: it gets the error, at its id, and the pages' hints point there.
/// An id given twice where the files name one site.yml lost is site.yml's one error, and the
/// files' errors are not listed (`givenTwice`).
enum SiteIDSlips {
  /// `diagnostics`: those of the load so far, whose unknown-id hints are rewritten; returns
  /// the errors for site.yml.
  static func check(
    _ diagnostics: inout [Diagnostic], pages: [Page], config: SiteConfig, configText: String,
    configPath: String
  ) -> [Diagnostic] {
    // The ids pages name, by what they are.
    var named: [String: Set<String>] = ["field": [], "domain": []]
    for page in pages {
      switch page.meta {
      case .initiative(let m): named["field"]!.formUnion(m.fields.map(\.id))
      case .field(let m):
        named["field"]!.insert(m.field.id)
        named["domain"]!.insert(m.domain.id)
      default: break
      }
    }
    let listed = [
      "field": config.domains.flatMap { $0.fields.map(\.id) }, "domain": config.domains.map(\.id),
    ]
    // Unknown ids by what they are: the diagnostics naming them.
    var unknown: [String: [String: [Int]]] = [:]
    for (i, d) in diagnostics.enumerated() where d.code == "content.unknown-id" {
      for what in ["field", "domain"] {
        let marker = " names an unknown \(what) `"
        guard let r = d.message.range(of: marker), d.message.hasSuffix("`") else { continue }
        let id = String(d.message[r.upperBound...].dropLast())
        unknown[what, default: [:]][id, default: []].append(i)
      }
    }
    var errors: [Diagnostic] = []
    // The files' errors that site.yml's own error now says.
    var solved: Set<Int> = []
    for what in ["field", "domain"] {
      // An id given twice in site.yml (a field copied and its id not changed), and files naming
      // the id it replaced: site.yml is told, once.
      var seen: Set<String> = []
      let twice = listed[what]!.filter { !seen.insert($0).inserted }
      for (id, indices) in (unknown[what] ?? [:]).sorted(by: { $0.key < $1.key }) {
        let places = twice.count == 1 ? idPositions(twice[0], in: configText) : []
        if places.count >= 2, Suggest.closest(to: id, in: listed[what]!) == nil,
          Set(indices.map { diagnostics[$0].location.file }).count >= 2
        {
          // One slip, one error: site.yml's (its parse reports every id given twice), which
          // says what the files' errors said. A second lost id leaves its files' errors be.
          let duplicate = "the \(what) id `\(twice[0])` is used twice"
          if let k = diagnostics.firstIndex(where: {
            $0.code == "config.duplicate-id" && $0.message == duplicate
          }) {
            diagnostics[k] = givenTwice(
              what: what, id: twice[0], lost: id, lines: places.map(\.0),
              files: Set(indices.map { diagnostics[$0].location.file }).sorted(),
              at: diagnostics[k].location)
            solved.formUnion(indices)
          }
          continue
        }
        guard let written = Suggest.closest(to: id, in: listed[what]!),
          !named[what]!.contains(written), let (line, column) = idPosition(written, in: configText)
        else { continue }
        // Two files agreeing are no one writer's slip; one file's may be (its hint stays).
        let files = Set(indices.map { diagnostics[$0].location.file }).count
        guard files >= 2 else { continue }
        let place = "\(configPath):\(line):\(column)"
        let whatJa = what == "field" ? "分野" : "領域"
        errors.append(
          .error(
            SourceLocation(file: configPath, line: line, column: column),
            "the \(what) id `\(written)` is named by no page, while \(files) files name `\(id)`, which site.yml does not list",
            hint:
              "did you mean `id: \(id)`? (if `\(written)` is right, write it in those files instead)",
            code: "content.unknown-id"
          ).ja(
            "site.yml の\(whatJa)の id `\(written)` はどのページにも書かれていません。一方、\(files)個のファイルが、site.yml にない `\(id)` を書いています",
            hint: "`id: \(id)` のまちがいではありませんか（`\(written)` が正しいなら、それらのファイルのほうを直してください）"))
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
      code: "config.duplicate-id"
    ).ja(
      "\(whatJa)の id `\(id)` が2回（\(linesJa)）書かれています。一方、\(files.count)個のファイルが、site.yml にない `\(lost)` を書いています。どちらかは `\(lost)` のつもりではありませんか",
      hint:
        "そのつもりの行（\(orJa)）を `id: \(lost)` に直してください。`\(lost)` を書いているファイル（\(shownJa)\(moreJa)）は、直さなくてかまいません"
    )
  }

  /// The line and column of `id` as an `id:` value in site.yml's text.
  static func idPosition(_ id: String, in text: String) -> (Int, Int)? {
    idPositions(id, in: text).first
  }

  /// Every place `id` is an `id:` value in site.yml's text, in order.
  static func idPositions(_ id: String, in text: String) -> [(Int, Int)] {
    var places: [(Int, Int)] = []
    for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var rest = line[...]
      while let r = rest.range(of: "id:") {
        let before = rest[..<r.lowerBound].last
        var start = r.upperBound
        while start < rest.endIndex, rest[start] == " " { start = rest.index(after: start) }
        let value = rest[start...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        if before.map({ !$0.isLetter && $0 != "_" }) ?? true, value == id {
          places.append((n + 1, line.distance(from: line.startIndex, to: start) + 1))
        }
        rest = rest[r.upperBound...]
      }
    }
    return places
  }
}

import Diagnostics

/// A field or domain id misspelt in site.yml (`id: crisis-managment`). Each page naming the
/// right id was told "unknown field `crisis-management`: did you mean `crisis-managment`?",
/// which leads the writer to copy the slip into five correct files. When the files agree on
/// an id site.yml does not list (two files at least), and the near id site.yml lists is named
/// by no page, the slip is site.yml's: it gets the error, at its id, and the pages' hints point there.
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
    for what in ["field", "domain"] {
      // An id given twice in site.yml (a field copied and its id not changed): site.yml is told
      // so itself; the files naming the id it replaced are told where, not "use an id listed".
      var seen: Set<String> = []
      let twice = listed[what]!.filter { !seen.insert($0).inserted }
      for (id, indices) in (unknown[what] ?? [:]).sorted(by: { $0.key < $1.key }) {
        let places = twice.count == 1 ? idPositions(twice[0], in: configText) : []
        if places.count >= 2, Suggest.closest(to: id, in: listed[what]!) == nil,
          Set(indices.map { diagnostics[$0].location.file }).count >= 2
        {
          // Which of the two was copied over the lost id, site.yml does not say: both lines.
          let lines = places.map { "\(configPath):\($0.0):\($0.1)" }.joined(separator: ", ")
          for i in indices {
            diagnostics[i].hint =
              "site.yml gives the id `\(twice[0])` twice (\(lines)): if one of them was meant to be `\(id)`, write `id: \(id)` there"
            diagnostics[i].japanese?.hint =
              "site.yml に id `\(twice[0])` が2回あります（\(lines)）。どちらかが `\(id)` のつもりなら、そこを `id: \(id)` に直してください"
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
    return errors
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

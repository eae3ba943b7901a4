import Diagnostics
import Foundation

/// Checks the ids pages use to point at each other and at the site configuration, and that
/// slugs are unique, so every broken reference is reported where it was written.
public enum ReferenceValidator {
  /// The code of a field or domain id site.yml does not list (SiteIDSlips finds these).
  public static let unknownIDCode = "content.unknown-id"

  /// - Parameter broken: content files that failed to parse, with their kinds. Their own
  ///   errors are reported; ids that name them (by file name, the usual slug) are not
  ///   reported again as unknown, which would send the writer looking for a missing file.
  /// - Parameter contentDirectory: where the files are, to place a clashing `slug:` at its
  ///   line; without it, at the file.
  public static func validate(
    pages: [Page], config: SiteConfig,
    broken: [(relativePath: String, kind: ContentKind)] = [], contentDirectory: URL? = nil
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // Paths, not pages: copying a page retains every field, and a rebuild in `portal serve`
    // runs this over every page.
    var slugs: [ContentKind: [String: String]] = [:]
    // Pages whose `slug:` differs from their file name, by kind and file name: such a slug is
    // what made a clash, and ids naming the page by its file name are the usual result of
    // adding or changing it.
    var renamed: [ContentKind: [String: Page]] = [:]
    var chosen: Set<String> = []
    for page in pages where page.slug != PageParser.fileSlug(page.relativePath) {
      renamed[page.kind, default: [:]][PageParser.fileSlug(page.relativePath)] = page
      chosen.insert(page.path)
    }
    for page in pages {
      if let first = slugs[page.kind]?[page.slug] {
        // Reported in the file whose `slug:` took the other's name, else in the later one.
        let (at, other) =
          chosen.contains(first) && !chosen.contains(page.path)
          ? (first, page.path) : (page.path, first)
        diagnostics.append(
          .error(
            chosen.contains(at)
              ? slugLocation(
                of: page.path == at ? page : (pages.first { $0.path == at } ?? page),
                in: contentDirectory)
              : SourceLocation(file: at),
            "the slug `\(page.slug)` is already used by \(other)",
            hint: chosen.contains(at)
              ? "give this page another `slug:`, or remove it to use the file's name"
              : "give this page another file name or a `slug:` of its own",
            code: "content.duplicate-slug"
          ).ja(
            "slug `\(page.slug)` は、もう \(other) で使われています",
            hint: chosen.contains(at)
              ? "このページに別の `slug:` を付けるか、`slug:` を消してファイル名を使ってください"
              : "このページのファイル名を変えるか、このページだけの `slug:` を付けてください"))
      } else {
        slugs[page.kind, default: [:]][page.slug] = page.path
      }
    }

    // Slugs by the titles pages show (a glossary entry by its term and aliases), for an id
    // written as the title: made at the first unknown id only.
    var titles: [ContentKind: [String: String]]?
    func slug(titled title: String, kind: ContentKind) -> String? {
      if titles == nil {
        var made: [ContentKind: [String: String]] = [:]
        for page in pages {
          let names: [String] =
            if case .glossary(let m) = page.meta { m.names } else { [page.title] }
          for name in names {
            made[page.kind, default: [:]][name] = made[page.kind]?[name] ?? page.slug
          }
        }
        titles = made
      }
      return titles?[kind]?[title]
    }

    // Each kind's ids made ready for "did you mean" at its first unknown id: sorted and gone
    // through for each, a renamed field's thousand references took seconds.
    var candidates: [ContentKind: Suggest.Candidates] = [:]
    func closest(to id: String, in ids: Set<String>, kind: ContentKind) -> String? {
      if candidates[kind] == nil { candidates[kind] = Suggest.Candidates(ids.sorted()) }
      return candidates[kind]!.closest(to: id)
    }

    // Sets: a list made every reference check linear, quadratic over a 10,000-page site.
    func check(
      _ ref: Reference, in page: Page, against ids: Set<String>, kind: ContentKind, what: String,
      key: String
    ) {
      guard !ids.contains(ref.id) else { return }
      let guess: (english: String, japanese: String)? =
        renamed[kind]?[ref.id].map {
          (
            "\($0.path) has `slug: \($0.slug)`, so its id is `\($0.slug)`: write that, or remove its `slug:`",
            "\($0.path) には `slug: \($0.slug)` があるので、id は `\($0.slug)` です。それを書くか、そのファイルの `slug:` を消してください"
          )
        }
        ?? slug(titled: ref.id, kind: kind).map {
          (
            "write the id, not the title: `\($0)` (\(ref.id))",
            "タイトルではなく id を書いてください：`\($0)`（\(ref.id)）"
          )
        }
        ?? PageParser.listHint(ref.id, key: key)
        ?? (closest(to: ref.id, in: ids, kind: kind) ?? Suggest.sameWords(as: ref.id, in: ids))
        .map {
          ("did you mean `\($0)`?", "`\($0)` のまちがいではありませんか")
        }
      let whatJa = kind == .strategy ? "戦略のページ" : kind == .glossary ? "用語" : "取組"
      diagnostics.append(
        .error(
          SourceLocation(file: page.path, line: ref.line, column: ref.column),
          "`\(key)` names an unknown \(what) `\(ref.id)`",
          hint: guess?.english ?? "use the id of an existing \(what)", code: unknownIDCode
        ).ja(
          "`\(key)` に書いた\(whatJa) `\(ref.id)` がありません",
          hint: guess?.japanese ?? "今ある\(whatJa)の id を書いてください"))
    }
    var known: [ContentKind: Set<String>] = [:]
    for (kind, ids) in slugs { known[kind] = Set(ids.keys) }
    for file in broken {
      known[file.kind, default: []].insert(PageParser.fileSlug(file.relativePath))
    }
    let initiativeSlugs = known[.initiative] ?? []
    let glossarySlugs = known[.glossary] ?? []
    let strategySlugs = known[.strategy] ?? []
    var visionFor: [String: String] = [:]
    for page in pages {
      switch page.meta {
      case .strategy(let m):
        if let p = m.parent {
          check(
            p, in: page, against: strategySlugs, kind: .strategy, what: "strategy page",
            key: "parent")
        }
      case .field(let m):
        if let other = visionFor[m.field.id] {
          diagnostics.append(
            .error(
              SourceLocation(file: page.path, line: m.field.line, column: m.field.column),
              "the field `\(m.field.id)` already has its vision in \(other)",
              hint: "keep one file per field", code: "content.duplicate-field"
            ).ja(
              "分野 `\(m.field.id)` のビジョンは、もう \(other) にあります",
              hint: "ビジョンのファイルは、1つの分野に1つだけにしてください"))
        } else {
          visionFor[m.field.id] = page.path
        }
      case .initiative(let m):
        for r in m.related {
          check(
            r, in: page, against: initiativeSlugs, kind: .initiative, what: "initiative",
            key: "related")
        }
      case .event(let m):
        for r in m.initiatives {
          check(
            r, in: page, against: initiativeSlugs, kind: .initiative, what: "initiative",
            key: "initiatives")
        }
      case .glossary(let m):
        for r in m.related {
          check(
            r, in: page, against: glossarySlugs, kind: .glossary, what: "glossary entry",
            key: "related")
        }
      case .about:
        break
      }
    }
    diagnostics += duplicateNames(pages)
    diagnostics += parentLoops(pages)
    return diagnostics
  }

  /// The pages' references to a domain or field id site.yml does not list: the ones
  /// `PageParser.checkIDs` reports as `content.unknown-id` while each page is parsed (the same
  /// lists, the same places), as values, so `SiteIDSlips` can tell a slip of site.yml from the
  /// pages themselves and not from the words of their errors.
  public static func unknownSiteIDs(pages: [Page], config: SiteConfig) -> [UnknownSiteID] {
    let fieldIDs = Set(config.fieldIDs)
    let domainIDs = Set(config.domains.map(\.id))
    var unknown: [UnknownSiteID] = []
    func add(_ ref: Reference, _ kind: SiteIDKind, key: String, in page: Page) {
      unknown.append(
        UnknownSiteID(
          kind: kind, id: ref.id, key: key,
          location: SourceLocation(file: page.path, line: ref.line, column: ref.column)))
    }
    for page in pages {
      switch page.meta {
      case .field(let m):
        if !domainIDs.contains(m.domain.id) { add(m.domain, .domain, key: "domain", in: page) }
        if !fieldIDs.contains(m.field.id) { add(m.field, .field, key: "field", in: page) }
      case .initiative(let m):
        for ref in m.fields where !fieldIDs.contains(ref.id) {
          add(ref, .field, key: "fields", in: page)
        }
      default: break
      }
    }
    return unknown
  }

  /// A name that two glossary entries share makes linking ambiguous; so does one written in
  /// full-width letters (ＤＸ), which search takes as the same name. Body links go to the entry
  /// read first (by file name), so both entries are told: the writer who just added the name
  /// may be editing either file.
  static func duplicateNames(_ pages: [Page]) -> [Diagnostic] {
    var owner: [String: (slug: String, path: String, name: String, place: SourceLocation)] = [:]
    var diagnostics: [Diagnostic] = []
    for page in pages {
      guard case .glossary(let m) = page.meta else { continue }
      for (n, name) in m.names.enumerated() {
        let key = name.nfkc.lowercased()
        let spot = m.namePlaces.indices.contains(n) ? m.namePlaces[n] : nil
        let place = SourceLocation(
          file: page.path, line: spot?.line ?? 1, column: spot?.column ?? 1)
        guard let first = owner[key] else {
          owner[key] = (page.slug, page.path, name, place)
          continue
        }
        guard first.slug != page.slug else { continue }
        let hint = "keep each name in one glossary entry so links are not ambiguous"
        let jaHint = "リンク先が1つに決まるように、1つの名前は1つの用語のページだけに書いてください"
        diagnostics.append(
          .warning(
            place,
            "the term or alias `\(name)` is also used by \(first.path), where body links with it go",
            hint: hint, code: "content.duplicate-term"
          ).ja(
            "用語か別名の `\(name)` は、\(first.path) でも使われています。本文のリンクはそちらへ向かいます",
            hint: jaHint))
        diagnostics.append(
          .warning(
            first.place,
            "the term or alias `\(first.name)` is also used by \(page.path); body links with it go to this entry, the first by file name",
            hint: hint, code: "content.duplicate-term"
          ).ja(
            "用語か別名の `\(first.name)` は、\(page.path) でも使われています。本文のリンクは、ファイル名が先のこのページへ向かいます",
            hint: jaHint))
      }
    }
    return diagnostics
  }

  /// Strategy pages whose `parent`s lead back to themselves: the contents and breadcrumbs
  /// follow parents up to a page without one, so a loop made the build run forever. Each loop
  /// is reported once, at the `parent` of its first page by path.
  static func parentLoops(_ pages: [Page]) -> [Diagnostic] {
    var parentOf: [String: Reference] = [:]
    var pathOf: [String: String] = [:]
    for page in pages {
      guard case .strategy(let m) = page.meta else { continue }
      pathOf[page.slug] = page.path
      if let p = m.parent { parentOf[page.slug] = p }
    }
    var diagnostics: [Diagnostic] = []
    var settled: Set<String> = []
    for start in parentOf.keys.sorted(by: { pathOf[$0]! < pathOf[$1]! }) {
      var chain: [String] = []
      var at: String? = start
      while let slug = at, !settled.contains(slug), !chain.contains(slug) {
        chain.append(slug)
        at = parentOf[slug]?.id
      }
      settled.formUnion(chain)
      guard let again = at, let first = chain.firstIndex(of: again) else { continue }
      let loop = Array(chain[first...])
      let page = loop.min { pathOf[$0]! < pathOf[$1]! }!
      let ref = parentOf[page]!
      let shown =
        (loop[loop.firstIndex(of: page)!...] + loop[..<loop.firstIndex(of: page)!] + [page])
        .joined(separator: " → ")
      diagnostics.append(
        .error(
          SourceLocation(file: pathOf[page]!, line: ref.line, column: ref.column),
          "`parent` makes a loop: \(shown)",
          hint: loop.count == 1
            ? "a page cannot be its own parent; name the page above it, or remove `parent`"
            : "one of these pages must be above the others: remove its `parent` or name another page",
          code: "content.parent-loop"
        ).ja(
          "`parent` をたどると、元のページにもどってしまいます: \(shown)",
          hint: loop.count == 1
            ? "ページを、自分自身の `parent` にはできません。上のページを書くか、`parent` を消してください"
            : "このうち1つのページを、ほかのページの上にしてください。そのページの `parent` を消すか、別のページを書きます"))
    }
    return diagnostics
  }

  /// Where `slug:`'s value is written in the page's file (read only for this error), or the
  /// file's start when it cannot be read.
  static func slugLocation(of page: Page, in contentDirectory: URL?) -> SourceLocation {
    let path = page.path
    guard let contentDirectory,
      let text = try? String(
        contentsOf: contentDirectory.appendingPathComponent(page.relativePath), encoding: .utf8)
    else {
      return SourceLocation(file: path)
    }
    for (n, line) in text.sourceLines.enumerated() {
      guard line.hasPrefix("slug:") else { continue }
      let value = line.dropFirst("slug:".count).prefix { $0 == " " }.count
      return SourceLocation(file: path, line: n + 1, column: "slug:".count + value + 1)
    }
    return SourceLocation(file: path)
  }
}

/// A page's reference to a domain or field site.yml does not list (`fields: [crisis-management]`
/// where site.yml has `crisis-managment`).
public struct UnknownSiteID: Sendable, Hashable {
  public var kind: SiteIDKind
  /// The id as the page writes it.
  public var id: String
  /// The front-matter key it is the value of: `fields`, `field` or `domain`.
  public var key: String
  /// The page's file and the value's place in it, where its `content.unknown-id` error is.
  public var location: SourceLocation
}

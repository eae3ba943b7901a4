import Diagnostics
import Yams

/// What a site.yml id names: one of its `domains`, or one of their `fields`. Pages name both
/// (`domain:`, `field:`, `fields:`), and a slip in either is told the same way (`SiteIDSlips`).
public enum SiteIDKind: String, Sendable, Hashable, CaseIterable {
  case field, domain
}

/// An id site.yml gives a second time (a field copied and its id left as it was), with where
/// its `config.duplicate-id` error was reported: `SiteIDSlips` turns that error into the one
/// for the slip, found by its place, which stays when its words change.
public struct RepeatedSiteID: Sendable, Hashable {
  public var kind: SiteIDKind
  public var id: String
  /// Where the `config.duplicate-id` error is: the second `id` key.
  public var reportedAt: SourceLocation
}

extension SiteConfig {
  /// The code of an id given twice in site.yml (SiteIDSlips rewrites it when pages lost one).
  public static let duplicateIDCode = "config.duplicate-id"

  /// The place of every `id` value of `kind` that is `id`, in the order site.yml gives them:
  /// two for an id given twice (each entry is kept, with its own place).
  func idLocations(of id: String, kind: SiteIDKind) -> [SourceLocation] {
    switch kind {
    case .domain: domains.filter { $0.id == id }.compactMap(\.idLocation)
    case .field: domains.flatMap(\.fields).filter { $0.id == id }.compactMap(\.idLocation)
    }
  }

  /// site.yml's `domains` and their `fields`, each id with the place of its value as the parse
  /// gives it (quoted, in a flow mapping `{ id: … }` or not), and the ids given twice. An id
  /// that is not a valid id is reported and read as meant (`Safety` as `safety`), at the place
  /// of what was written.
  static func readDomains(_ y: inout YAMLFields) -> (
    domains: [DomainConfig], repeated: [RepeatedSiteID]
  ) {
    var domains: [DomainConfig] = []
    var repeated: [RepeatedSiteID] = []
    var fieldIDs: Set<String> = []
    var domainIDs: Set<String> = []
    let domainList = y.mappings("domains")
    if domainList == nil {
      y.missing("domains", example: "[{ id: life, name: 暮らし, fields: [...] }]")
    }
    for var d in domainList ?? [] {
      var id = d.string("id", required: true, example: "life") ?? ""
      let idMark = d.keyMark("id")
      let idLocation = d.location(d.node("id")?.mark)
      if !id.isEmpty {
        if !isSlug(id) {
          let meant = suggestedSlug(id)
          d.error(
            idMark, "the domain id `\(id)` is not a valid id",
            hint: "use lower-case letters, digits and `-` only: `id: \(meant)`", code: "config.id",
            ja: "`domains` の id `\(id)` に、id に使えない文字が入っています",
            jaHint: "半角の小文字・数字・`-` だけで書いてください：`id: \(meant)`")
          // Read as meant, so pages naming it are not told of it too (one mistake, one error).
          id = meant
        }
        if !domainIDs.insert(id).inserted {
          d.error(
            idMark, "the domain id `\(id)` is used twice", hint: "give each domain its own id",
            code: duplicateIDCode, ja: "`domains` の id `\(id)` が2回使われています",
            jaHint: "`domains` の1つ1つに、別の id を付けてください")
          repeated.append(RepeatedSiteID(kind: .domain, id: id, reportedAt: d.location(idMark)))
        }
      }
      let name = d.string("name", required: true, example: "暮らし") ?? id
      let goal = d.string("goal")
      let summary = d.string("summary")
      let foundation = d.bool("foundation") ?? false
      var fields: [FieldConfig] = []
      for var f in d.mappings("fields") ?? [] {
        var fid = f.string("id", required: true, example: "crisis-management") ?? ""
        let fmark = f.keyMark("id")
        let fidLocation = f.location(f.node("id")?.mark)
        let fname = f.string("name", required: true, example: "危機管理") ?? fid
        f.reportUnknownKeys(kindName: "a field", japaneseName: "分野（`fields` の中の1つ）")
        d.diagnostics += f.diagnostics
        guard !fid.isEmpty else { continue }
        if !isSlug(fid) {
          let meant = suggestedSlug(fid)
          d.error(
            fmark, "the field id `\(fid)` is not a valid id",
            hint: "use lower-case letters, digits and `-` only: `id: \(meant)`", code: "config.id",
            ja: "分野の id `\(fid)` に、id に使えない文字が入っています",
            jaHint: "半角の小文字・数字・`-` だけで書いてください：`id: \(meant)`")
          // Read as meant: the pages naming `safety` were each told "did you mean `Safety`?".
          fid = meant
        }
        if !fieldIDs.insert(fid).inserted {
          d.error(
            fmark, "the field id `\(fid)` is used twice",
            hint: "field ids must be unique across all domains", code: duplicateIDCode,
            ja: "分野の id `\(fid)` が2回使われています",
            jaHint: "分野の id は、ほかの `domains` の分野も含めて、1つずつ別にしてください")
          repeated.append(RepeatedSiteID(kind: .field, id: fid, reportedAt: d.location(fmark)))
        }
        fields.append(FieldConfig(id: fid, name: fname, idLocation: fidLocation))
      }
      d.reportUnknownKeys(kindName: "a domain", japaneseName: "`domains` の中の1つ")
      y.diagnostics += d.diagnostics
      if !id.isEmpty {
        domains.append(
          DomainConfig(
            id: id, name: name, goal: goal, summary: summary, isFoundation: foundation,
            fields: fields, idLocation: idLocation))
      }
    }
    return (domains, repeated)
  }
}

import Diagnostics

/// A URL name for a new page, made from the names the site already spells in Latin letters:
/// writers title pages in Japanese, which cannot become a URL by itself, but the glossary's
/// entries and site.yml's domains and fields have ids. 「観光分野におけるDXの推進」 holds the
/// field 観光 (`tourism`) and the term DX (`dx`): `tourism-dx`. `portal new` offers it, and the
/// writer takes it or types another.
public enum SlugSuggestion {
  /// The site's names and the id each stands for: every glossary entry's term and aliases (its
  /// slug), every domain's and field's name, and the parts of such a name between ・
  /// (産業振興・中小企業: 中小企業 alone is `business` too). Keys are compared as `key(_:)` makes
  /// them; names of one character (県) are left out, being inside too many titles.
  public static func names(pages: [Page], config: SiteConfig) -> [String: String] {
    var names: [String: String] = [:]
    for page in pages {
      if case .glossary(let meta) = page.meta {
        for name in meta.names { add(name, page.slug, to: &names) }
      }
    }
    for domain in config.domains { add(site: domain.name, domain.id, to: &names) }
    return names.merging(fieldNames(config: config)) { glossary, _ in glossary }
  }

  /// Each field's name and its parts between ・, and the field's id.
  public static func fieldNames(config: SiteConfig) -> [String: String] {
    var names: [String: String] = [:]
    for domain in config.domains {
      for field in domain.fields { add(site: field.name, field.id, to: &names) }
    }
    return names
  }

  private static func add(_ name: String, _ id: String, to names: inout [String: String]) {
    let k = key(Furigana(name).plain)
    guard k.count >= 2, isSlug(id), names[k] == nil else { return }
    names[k] = id
  }

  private static func add(site name: String, _ id: String, to names: inout [String: String]) {
    add(name, id, to: &names)
    for part in name.split(separator: "・") { add(String(part), id, to: &names) }
  }

  /// The ids of the names found in `title` in the order written (longest first where names
  /// overlap), with any other run of Latin letters and digits as it is (`2026`, `chiba`), joined
  /// by `-`; nil when the title holds none. At most four parts: a URL is typed and read out.
  public static func suggest(title: String, names: [String: String]) -> String? {
    let slug = parts(of: title, names: names, latin: true).prefix(4).joined(separator: "-")
    return slug.isEmpty || slug == "index" ? nil : slug
  }

  /// The fields whose names `title` holds (`fieldNames`), in the order written: an
  /// initiative titled 観光分野におけるDXの推進 is filed under `tourism`.
  public static func fields(in title: String, config: SiteConfig) -> [String] {
    parts(of: title, names: fieldNames(config: config), latin: false)
  }

  /// The ids of the names in `title` (and with `latin`, its other runs of Latin letters and
  /// digits), in the order written, each once.
  static func parts(of title: String, names: [String: String], latin: Bool) -> [String] {
    let text = Array(key(Furigana(title).plain))
    let byLength = names.keys.map { Array($0) }.sorted { $0.count > $1.count }
    var parts: [String] = []
    var i = 0
    while i < text.count {
      if let name = byLength.first(where: { matches($0, in: text, at: i) }) {
        parts.append(names[String(name)]!)
        i += name.count
      } else if isLatin(text[i]) {
        var end = i
        while end < text.count, isLatin(text[end]) { end += 1 }
        if latin { parts.append(String(text[i..<end])) }
        i = end
      } else {
        i += 1
      }
    }
    var seen: Set<String> = []
    return parts.filter { isSlug($0) && seen.insert($0).inserted }
  }

  /// NFKC (全角 ＤＸ is DX) and lower case, as names and titles are compared.
  static func key(_ s: String) -> String { s.nfkc.lowercased() }

  static func isLatin(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }

  /// Whether `name` is written at `i`; a name of Latin letters only where it is a word of its
  /// own there (`it` is not inside `digital`, nor `ai` inside `main`).
  static func matches(_ name: [Character], in text: [Character], at i: Int) -> Bool {
    guard i + name.count <= text.count, text[i..<(i + name.count)].elementsEqual(name) else {
      return false
    }
    if isLatin(name[0]), i > 0, isLatin(text[i - 1]) { return false }
    if isLatin(name[name.count - 1]), i + name.count < text.count,
      isLatin(text[i + name.count])
    {
      return false
    }
    return true
  }
}

import Diagnostics
import Yams

/// site.yml's `contact` and `departments`: how residents reach the operator and each
/// department without the website.
extension SiteConfig {
  /// The contact of the department an initiative names, or the operator's when site.yml does
  /// not list it (or lists nothing): a resident always gets a way to ask. `isOperator` says
  /// whose it is, so the page names whom they reach.
  public func contact(forDepartment name: String?) -> (ways: ContactDetails, isOperator: Bool) {
    if let name, let listed = listedDepartment(name), let ways = departments[listed] {
      return (ways, false)
    }
    return (contactWays, true)
  }

  /// The department of `departments` a page's `department` names: the name itself, else the
  /// longest listed name within it, with the prefecture before it or its section after it
  /// (千葉県 商工労働部 観光企画課 is 商工労働部's: the page had given the operator's number
  /// instead); nil when none.
  public func listedDepartment(_ name: String) -> String? {
    if departments[name] != nil { return name }
    return departments.keys.filter { name.contains($0) }.max {
      ($0.count, $1) < ($1.count, $0)
    }
  }

  /// `contact:` as a link alone (`contact: /strategy/promotion/#問い合わせ先`, as site.yml was
  /// first written), or a mapping of the link (`url`) and the ways to ask: the link, where it
  /// is written, and the ways. `realSite`: `base_url` is no example address, so example ways
  /// left in are warned (`ExampleValues`).
  static func readContact(_ y: inout YAMLFields, realSite: Bool) -> (String?, Mark?, ContactDetails)
  {
    guard let node = y.node("contact") else { return (nil, nil, ContactDetails()) }
    guard case .mapping = node else {
      // `contact: dx@pref.chiba.example`: the mapping, with the address under its key.
      let url = PageParser.url(
        &y, "contact", allowed: .webOrSitePath,
        otherWay: {
          ContactWays.hint($0, writtenAs: "url", among: ["email", "phone"], owner: "contact:")
        })
      if realSite { ExampleValues.check(&y, values: ["contact": url]) }
      return (url, node.mark, ContactDetails())
    }
    var c = YAMLFields(node: node, in: y, what: "`contact`", whatJa: "`contact`")
    let url = PageParser.url(
      &c, "url", allowed: .webOrSitePath,
      otherWay: { ContactWays.hint($0, writtenAs: "url", among: ["email", "phone"]) })
    let urlMark = c.node("url")?.mark
    let ways = ContactDetails.read(&c, otherKeys: ["url", "phone"])
    checkReach(
      ways, &c, at: node.mark, who: "`contact`", whoJa: "`contact`", required: false)
    if realSite { ways.checkExamples(&c, url: url, who: "`contact`") }
    c.reportUnknownKeys(kindName: "`contact`", japaneseName: "`contact`")
    y.diagnostics += c.diagnostics
    return (url, urlMark, ways)
  }

  /// `departments:`: department name → `{ phone, fax, email, hours }`.
  static func readDepartments(_ y: inout YAMLFields, realSite: Bool) -> [String: ContactDetails] {
    guard let node = y.node("departments") else { return [:] }
    let example = "departments:\n  健康福祉部: { phone: 043-000-0000, fax: 043-000-0001 }"
    guard case .mapping = node else {
      y.error(
        node.mark, "`departments` must be a mapping of department names to their contact",
        hint: "write for example:\n\(example)", code: "config.contact",
        ja: "`departments` の値が、部署の名前と問い合わせ先の組になっていません",
        jaHint: "たとえば次のように書いてください:\n\(example)")
      return [:]
    }
    var d = YAMLFields(node: node, in: y, what: "`departments`", whatJa: "`departments`")
    var found: [String: ContactDetails] = [:]
    for name in d.keys {
      let keyMark = d.keyMark(name)
      guard let value = d.node(name) else { continue }
      var f = YAMLFields(
        node: value, in: y, what: "the department `\(name)`", whatJa: "`departments` の `\(name)`")
      guard case .mapping = value else {
        d.diagnostics += f.diagnostics
        continue
      }
      let ways = ContactDetails.read(&f)
      checkReach(
        ways, &f, at: keyMark, who: "the department `\(name)`", whoJa: "部署 `\(name)`",
        required: true)
      if realSite { ways.checkExamples(&f, who: "the department `\(name)`") }
      f.reportUnknownKeys(kindName: "a department", japaneseName: "部署（`departments` の中の1つ）")
      d.diagnostics += f.diagnostics
      if !ways.isEmpty { found[name.trimmingSpacesAndNewlines] = ways }
    }
    y.diagnostics += d.diagnostics
    return found
  }

  /// No way to reach anyone is an error (a department's contact, or hours, would offer
  /// nothing); a phone alone is a warning: a resident who cannot hear needs a fax or an email
  /// address. A way written but not usable has its own error already.
  private static func checkReach(
    _ ways: ContactDetails, _ y: inout YAMLFields, at mark: Mark?, who: String, whoJa: String,
    required: Bool
  ) {
    let written = y.keys.filter { ["phone", "fax", "email"].contains($0) }
    if written.isEmpty, required || ways.hours != nil {
      y.error(
        mark, "\(who) has no phone, fax or email",
        hint: "add `phone:`, `fax:` or `email:`", code: "config.contact",
        ja: "\(whoJa)に、電話・ファクス・メールのどれも書いてありません",
        jaHint: "`phone:`、`fax:`、`email:` のどれかを書き足してください")
    } else if written == ["phone"], ways.phone != nil {
      y.diagnostics.append(
        .warning(
          y.location(mark),
          "\(who) gives a phone number only: a resident who cannot hear cannot ask",
          hint: "add `fax:` or `email:` as well", code: "config.contact"
        ).ja(
          "\(whoJa)には電話番号しかありません。耳の聞こえない人が問い合わせられません",
          hint: "`fax:` か `email:` も書き足してください"))
    }
  }
}

import Content
import Markdown
import Site

/// The pages of tags: /tags/ (every tag in 五十音 order) and /tags/<tag>/ (its pages by kind),
/// and the tags a content page shows as links.
extension ViewModels {
  /// `tags[]` of a content page: each tag's `name` and the `url` of its page.
  func tagLinks(_ page: Page) -> [TemplateContext] {
    page.tags.map { ["name": .text($0), "url": .text(urls.tag($0))] }
  }

  /// /tags/: the tags under their 五十音 rows as the glossary groups its entries, each with how
  /// many pages carry it.
  func tagsIndexContext() -> TemplateContext {
    var ctx = base(title: "タグから探す", url: urls.tags, section: nil, description: nil)
    ctx["breadcrumbs"] = crumbs([("タグ", urls.tags)])
    var groups: [(row: String, tags: [TemplateContext])] = []
    for tag in site.tags {
      let item: TemplateContext = [
        "name": .text(tag.name), "url": .text(tag.url), "count": .number(tag.pages.count),
      ]
      if groups.last?.row == tag.row {
        groups[groups.count - 1].tags.append(item)
      } else {
        groups.append((tag.row, [item]))
      }
    }
    ctx["groups"] = .items(
      groups.enumerated().map { n, g in
        ["row": .text(g.row), "anchor": .text("row-\(n + 1)"), "tags": .items(g.tags)]
      })
    ctx["count"] = .number(site.tags.count)
    return ctx
  }

  /// /tags/<tag>/: its pages by kind (`Site.tagKinds`), each kind a group with its `kind_label`,
  /// an `anchor` and `count`, and `entries[]` of cards; an event's card says whether it is over
  /// (`is_past`), as upcoming events come first.
  func tagContext(_ n: Int) -> TemplateContext {
    let tag = site.tags[n]
    let title = "タグ：\(tag.name)"
    var ctx = base(
      title: title, url: tag.url, section: nil,
      description: "「\(tag.name)」のタグがついたページの一覧です（\(tag.pages.count)件）。")
    ctx["breadcrumbs"] = crumbs([("タグ", urls.tags), (tag.name, tag.url)])
    var groups: [TemplateContext] = []
    for kind in site.tagKinds {
      let pages = tag.pages.filter { site.pages[$0].kind == kind }
      guard !pages.isEmpty else { continue }
      groups.append([
        "kind_label": .text(kind.label), "anchor": .text("kind-\(kind.rawValue)"),
        "count": .number(pages.count), "entries": .items(pages.map(tagCard)),
      ])
    }
    ctx["groups"] = .items(groups)
    ctx["name"] = .text(tag.name)
    ctx["count"] = .number(tag.pages.count)
    ctx["tags_url"] = .text(urls.tags)
    return ctx
  }

  /// A page's card on a tag's page: a field's vision under its field's name (the page it
  /// leads to), an event's saying whether it is over.
  private func tagCard(_ i: Int) -> TemplateContext {
    var c = card(i)
    switch site.pages[i].page.meta {
    case .field(let m):
      if let name = site.field(m.field.id)?.config.name {
        c["title"] = .text(name)
        c["title_html"] = .text(escapeHTML(name))
      }
    case .event(let m):
      c["is_past"] = .bool(m.isPast(at: site.now))
    default: break
    }
    return c
  }
}

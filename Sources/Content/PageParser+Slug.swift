import Diagnostics
import Foundation

extension PageParser {
  /// The longest slug: a folder of the output is named by it, and file systems take 255 bytes.
  static let maximumSlug = 200

  /// The page's slug: `slug:` when it is one, else the file's name. A slug that cannot be an
  /// address is reported, and the page keeps its file's slug meanwhile, so ids naming it do not
  /// fail too.
  static func slug(_ y: inout YAMLFields, _ source: SourceFile, kind: ContentKind) -> String {
    let fileSlug = Self.fileSlug(source.relativePath)
    var slug = fileSlug
    if kind == .field, let node = y.node("slug") {
      // Accepted and ignored, the page staying at its field's address, with no word.
      y.diagnostics.append(
        .warning(
          y.location(node.mark),
          "a field's page is at /fields/<its field>/: `slug` does not change its address",
          hint:
            "remove the `slug` line; the address is made from the field's id (`field:`, as content/site.yml lists it)",
          code: "front-matter.slug"
        ).ja(
          "分野のページのアドレスは /fields/<分野のid>/ です。`slug` を書いてもアドレスは変わりません",
          hint: "`slug` の行を消してください。アドレスは分野のid（`field:`、content/site.yml のもの）から作ります"))
    }
    if let s = y.string("slug") {
      if isSlug(s), s.utf8.count > maximumSlug {
        // The page's folder in the output: no file system takes a name of 256 bytes or more,
        // and the build stopped with "cannot create the folder" and no line.
        y.error(
          y.node("slug")?.mark,
          "the slug is \(s.utf8.count) characters long: a folder's name can have at most \(maximumSlug)",
          hint: "write a shorter slug, a few words: `slug: \(String(s.prefix(40)))`",
          code: "front-matter.slug",
          ja: "slug が\(s.utf8.count)文字あります。フォルダーの名前は\(maximumSlug)文字までです",
          jaHint: "数語の短い slug にしてください：`slug: \(String(s.prefix(40)))`")
      } else if isSlug(s) {
        slug = s
      } else {
        y.error(
          y.node("slug")?.mark, "the slug `\(s)` may only use a-z, 0-9 and `-`",
          hint: "write for example `slug: \(suggestedSlug(s))`", code: "front-matter.slug",
          ja: "slug `\(s)` には、半角の小文字 a-z、数字 0-9 と `-` だけが使えます",
          jaHint: "たとえば `slug: \(suggestedSlug(s))` と書いてください")
      }
    } else if let (english, japanese, meant) = YAMLSlips.invisibleInFileName(fileSlug) {
      y.error(
        nil,
        "the file name `\(fileSlug)` has an invisible character, \(english): it cannot be used as a URL",
        hint: "rename the file `\(meant).md` (file managers do not show the character either)",
        code: "front-matter.slug",
        ja: "ファイル名 `\(fileSlug)` に、目に見えない文字 \(japanese)が入っていて、ページのアドレスに使えません",
        jaHint: "ファイル名を `\(meant).md` に変えてください（ファイルの一覧でも、この文字は見えません）")
    } else if !isSlug(fileSlug) {
      // A line break in the name (a file saved by a script) as `\u{A}`: the message is one line.
      let shown = Diagnostic.visible(fileSlug, keepingLines: false)
      // A name with nothing ASCII (スマート農業.md) gives no name to offer: say what to make one
      // of, rather than a placeholder (`my-page`) that was copied as it was.
      let offered = fileSlug.contains { $0.isASCII && ($0.isLetter || $0.isNumber) }
      let free = freeSlug(suggestedSlug(fileSlug), besides: source.path)
      y.error(
        nil, "the file name `\(shown)` cannot be used as a URL",
        hint: offered
          ? "rename the file with a-z, 0-9 and `-` only, or add `slug: \(free)`"
          : "rename the file, or add a `slug:` line, with a name of a-z, 0-9 and `-` saying what the page is in English or romaji (スマート農業 → `smart-agriculture`)",
        code: "front-matter.slug", ja: "ファイル名 `\(shown)` は、ページのアドレスに使えません",
        jaHint: offered
          ? "ファイル名を半角の小文字 a-z、数字 0-9 と `-` だけにするか、前付けに `slug: \(free)` を書き足してください"
          : "何のページかを英語かローマ字にした、半角の小文字 a-z、数字 0-9 と `-` の名前を、ファイル名にするか、前付けの `slug:` に書いてください（スマート農業 → `smart-agriculture`）"
      )
    }
    if slug == "index", let list = Self.listName(kind), let listJa = Self.listNameJapanese(kind) {
      // Published at /<folder>/index/, beside the list the build makes at /<folder>/: a writer
      // who names a file index.md means that address itself.
      let folder = "/\(kind.urlFolder)/"
      y.error(
        y.node("slug")?.mark,
        "\(kind.articleName) cannot have the slug `index`: \(folder) is \(list), which the build makes, and this page would be at \(folder)index/",
        hint:
          "give it a name of its own (rename the file or add `slug: …`); the list's own text is in the theme's templates",
        code: "front-matter.slug",
        ja:
          "\(kind.japaneseName)の slug を `index` にはできません。\(folder) は Portal が作る\(listJa)で、このページは \(folder)index/ になってしまいます",
        jaHint:
          "ファイル名を変えるか `slug: …` を書いて、このページだけの名前を付けてください。一覧の文章は、テーマのテンプレートに書きます"
      )
    }
    return slug
  }

  /// `slug`, or when a page beside the file already has that name, the first of `slug-2`,
  /// `slug-3`… that none has: a copy made by a file manager (`civic-tech - コピー.md` beside
  /// `civic-tech.md`) was offered `civic-tech`, the slug its original uses, and following the
  /// hint led to the error of a slug used twice.
  static func freeSlug(_ slug: String, besides path: String) -> String {
    guard !path.isEmpty else { return slug }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    func taken(_ name: String) -> Bool {
      FileManager.default.fileExists(atPath: folder.appendingPathComponent(name + ".md").path)
    }
    guard taken(slug) else { return slug }
    var n = 2
    while taken("\(slug)-\(n)") { n += 1 }
    return "\(slug)-\(n)"
  }

  /// What the build publishes at a kind's folder address (`/initiatives/`), for kinds that
  /// have such a list; a field's page is its field's, listed under /domains/.
  static func listName(_ kind: ContentKind) -> String? {
    switch kind {
    case .strategy: "the strategy's contents"
    case .field: nil
    case .initiative: "the list of initiatives"
    case .event: "the list of events"
    case .glossary: "the glossary"
    case .about: "the list of the pages about the site"
    }
  }

  /// The same in Japanese: 「取組の一覧」.
  static func listNameJapanese(_ kind: ContentKind) -> String? {
    switch kind {
    case .strategy: "戦略の目次"
    case .field: nil
    case .initiative: "取組の一覧"
    case .event: "イベントの一覧"
    case .glossary: "用語集"
    case .about: "このサイトについてのページの一覧"
    }
  }

  /// The slug a file has unless its front matter gives one: its name without `.md`.
  static func fileSlug(_ relativePath: String) -> String {
    // A path of ASCII but CR (nearly every one) is a character a byte: its name is cut at the
    // last slash's byte, instead of splitting the path into parts (2 % of loading).
    let bytes = relativePath.utf8
    let slash = UInt8(ascii: "/")
    guard bytes.last != slash, bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
      return String(relativePath.split(separator: "/").last!.dropLast(3))
    }
    let start = bytes.lastIndex(of: slash).map(bytes.index(after:)) ?? bytes.startIndex
    let end = bytes.index(
      start, offsetBy: max(0, bytes.distance(from: start, to: bytes.endIndex) - 3))
    return String(relativePath[start..<end])
  }
}

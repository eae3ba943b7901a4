import Content
import Diagnostics
import Foundation

/// The URL name of a page `portal new` makes from a Japanese title: offered from the site's own
/// names (`SlugSuggestion`), asked for on a terminal, and named in the error elsewhere.
enum NewSlug {
  /// Asked for only when a person can answer: stdin and stdout are a terminal (not a script, a
  /// pipe or CI, which get the error with its example).
  static var canAsk: Bool { isatty(0) == 1 && isatty(1) == 1 }

  /// The site's glossary and site.yml, whose names the suggestion is made of; nil when site.yml
  /// cannot be read. Only those: a large site's other pages name no ids to offer.
  static func site(content: String) -> ContentSet? {
    load(content: content, folder: "glossary")
  }

  /// site.yml and the pages of one kind's `folder` only, nil when they cannot be read.
  private static func load(content: String, folder: String) -> ContentSet? {
    let root = URL(fileURLWithPath: content)
    let files = ContentLoader.files(in: root).filter { $0.hasPrefix(folder + "/") }
    return ContentLoader.load(contentDirectory: root, knownFiles: files).0
  }

  /// The `order` a new top-level strategy page takes: one after the last there (a page with a
  /// `parent` orders among its siblings, not here), so it comes last rather than at 99; 1 in
  /// an empty folder. Only the strategy pages are read.
  static func nextStrategyOrder(content: String) -> Int {
    let pages = load(content: content, folder: "strategy")?.pages ?? []
    let orders = pages.compactMap { page -> Int? in
      guard case .strategy(let m) = page.meta, m.parent == nil else { return nil }
      return m.order
    }
    return (orders.max() ?? 0) + 1
  }

  /// The suggestion for `title`, made free in `folder` (`tourism-dx-2` when `tourism-dx.md` is
  /// there); nil when the title holds none of the site's names nor Latin letters.
  static func suggestion(title: String, site: ContentSet?, folder: URL) -> String? {
    guard let site,
      let base = SlugSuggestion.suggest(
        title: title, names: SlugSuggestion.names(pages: site.pages, config: site.config))
    else { return nil }
    var slug = base
    var n = 2
    while taken(slug, in: folder) {
      slug = "\(base)-\(n)"
      n += 1
    }
    return slug
  }

  /// Whether `folder` holds `<slug>.md`, even as a dangling link.
  static func taken(_ slug: String, in folder: URL) -> Bool {
    var info = stat()
    return lstat(folder.appendingPathComponent("\(slug).md").path, &info) == 0
  }

  /// Asks until the answer is a free slug: Enter takes `suggestion`; a full-width or capital
  /// answer (ＤＸ, Tourism) is taken as written in half-width lower case. Nil at the end of input
  /// (Ctrl-D), when nothing is made.
  static func ask(kind: NewKind, suggestion: String?, folder: URL) -> String? {
    let url = "/\(kind.contentKind.urlFolder)/"
    print(
      say(
        "The page needs a URL name: lower-case letters a-z, digits 0-9 and `-`. It becomes \(url)<name>/.",
        "ページのアドレスの名前を、半角の英小文字 a-z・数字 0-9・`-` で決めてください。アドレスは \(url)<名前>/ になります。"
      ))
    if let suggestion {
      print(say("Press Enter for \(suggestion).", "Enter だけなら \(suggestion) にします。"))
    }
    while true {
      print(say("Name: ", "名前: "), terminator: "")
      fflush(nil)
      guard let line = readLine() else {
        print(say("\nNothing was created.", "\n何も作りませんでした。"))
        return nil
      }
      let typed = line.trimmingCharacters(in: .whitespaces)
      let answer = typed.isEmpty ? (suggestion ?? "") : typed.nfkc.lowercased()
      if let problem = problem(with: answer, typed: typed, kind: kind, folder: folder) {
        print(problem)
      } else {
        return answer
      }
    }
  }

  /// Why `answer` cannot be the page's name, in the words `--slug` gets; nil when it can.
  static func problem(with answer: String, typed: String, kind: NewKind, folder: URL) -> String? {
    if answer.isEmpty {
      return say(
        "Type a name, for example my-\(kind.rawValue) (Ctrl-D to stop).",
        "名前を入力してください（例：my-\(kind.rawValue)。やめるときは Ctrl-D）。")
    }
    if !isSlug(answer) {
      return say(
        "`\(typed)` may only use a-z, 0-9 and `-`; for example \(suggestedSlug(answer))",
        "`\(typed)` には、半角の英小文字 a-z・数字 0-9・`-` だけが使えます（例：\(suggestedSlug(answer))）")
    }
    if answer == "index" {
      return say(
        "`index` cannot be a name: /\(kind.contentKind.urlFolder)/ is the list the build makes",
        "`index` は使えません。/\(kind.contentKind.urlFolder)/ は、一覧のページのアドレスです")
    }
    if taken(answer, in: folder) {
      let shown = ContentLoader.displayPath(for: folder.appendingPathComponent("\(answer).md"))
      return say("\(shown) already exists: choose another name", "\(shown) はもうあります。別の名前にしてください")
    }
    return nil
  }
}

import ArgumentParser
import Diagnostics
import Foundation
import Search

struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search the built site with the same index and algorithm as its search page.",
    discussion: """
      Reads <site>/search/ (written by `portal build`) and prints the best matches: title, \
      kind, URL and a snippet with the match marked **like this**. The search page in the \
      browser runs the same algorithm on the same files, so this is what residents see.

      Matching: a page matches when its title, summary, keywords (tags, glossary readings and \
      aliases) or text contain the query after normalisation (full/half width, upper/lower \
      case, katakana/hiragana and ー are folded). Words separated by spaces must all occur. \
      A glossary term's reading or alias also finds the term and the pages using it \
      (ぼうさい → 防災). A number typed in kanji also finds the Arabic numerals pages write \
      (十二月 → 12月, 三十人 → 30人; not in words such as 千葉 or 一部). When nothing matches, \
      the site's names a typo away are offered (もしかして：「マイナンバーカード」 for ますなんばー, 「防災」 for 坊災), as on the \
      search page. Romaji typed with the input method off is offered in kana, as the site \
      writes it (sumaho → スマートフォン, sa-bisu → サービス). See docs/search.md.

      Kinds: strategy (戦略), field (分野: the domains and fields), initiative (取組), \
      event (イベント), glossary (用語), about (このサイトについて: the pages the footer lists); \
      repeat --kind or separate with commas.

      Exit status: 0 searched (also when nothing matched), 1 no or broken index, \
      2 usage errors.

      Examples:
        portal search 防災
        portal search "でんししんせい" --limit 3
        portal search DX --kind glossary,initiative
        portal search マイナンバー --site public --json
        portal search 防災 --limit 0 --json          (every match)
        portal search 電子申請 --explain              (which index files were read)
        portal search -- -2                         (a query that starts with -)
      """)

  @Argument(help: "What to look for, e.g. 防災, でんししんせい, DX.")
  var query: String

  @Option(help: "The built site folder.")
  var site: String = "site"

  @Flag(help: "Print JSON (results, count and the index files read).")
  var json = false

  @Option(parsing: .unconditional, help: "How many results to print; 0 prints every match.")
  var limit: Int = 10

  @Option(
    name: .customLong("kind"),
    help:
      "Only these kinds: strategy, field, initiative, event, glossary, about (or 戦略, 分野, 取組, イベント, 用語, このサイトについて; as portal new names them: page, initiatives, events, pages)."
  )
  var kindNames: [String] = []

  @Flag(help: "Also list the index files the query read and their size (what a browser downloads).")
  var explain = false

  func validate() throws {
    if query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw ValidationError(
        say(
          "the query is empty\nHelp: give what to look for, for example portal search 防災",
          "探す言葉がありません\n直し方: 探す言葉を書いてください（例：portal search 防災）"))
    }
    if let mistake = ProjectFolder.mistake(site: site, command: "search") { throw mistake }
    if limit < 0 {
      throw ValidationError(
        say(
          "`--limit \(limit)` must be 0 or more\nHelp: --limit 0 prints every match",
          "`--limit \(limit)` は使えません。0 以上の数を指定してください\n直し方: 一致したものをすべて表示するときは --limit 0 と書いてください"
        ))
    }
    _ = try kinds()
  }

  /// The kinds named with --kind, or nil for all.
  func kinds() throws -> Set<SearchKind>? {
    let names = kindNames.flatMap { $0.split(separator: ",") }.map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    guard !names.isEmpty else { return nil }
    var out = Set<SearchKind>()
    for name in names {
      guard let kind = Self.kind(named: name) else {
        let english = SearchKind.allCases.map(\.rawValue)
        let guess = Suggest.closest(to: name, in: english).map { "did you mean `\($0)`? " } ?? ""
        // In Japanese, the kinds by the names the site shows first (ようご → 用語).
        let japanese = SearchKind.allCases.map(\.label)
        let guessJa =
          Suggest.closest(to: name, in: japanese + english).map { "`\($0)` のまちがいではありませんか。" }
          ?? ""
        throw ValidationError(
          say(
            "`--kind \(name)` is not a kind\nHelp: \(guess)use strategy, field, initiative, event, glossary or about (or 戦略, 分野, 取組, イベント, 用語, このサイトについて)",
            "`--kind \(name)` という種類はありません\n直し方: \(guessJa)\(japanese.joined(separator: "・")) のどれかを書いてください（英語の strategy・field・initiative・event・glossary・about でも書けます）"
          ))
      }
      out.insert(kind)
    }
    return out
  }

  /// The kind named as the index names it, as `portal new` takes it (`page`, the folders
  /// `initiatives`, `events`, `pages`) or as the site shows it (取組, このサイトについて).
  static func kind(named name: String) -> SearchKind? {
    let lower = name.lowercased()
    if let k = SearchKind(rawValue: lower) { return k }
    switch lower {
    case "戦略": return .strategy
    case "分野", "fields": return .field
    case "取組", "取り組み", "施策", "initiatives": return .initiative
    case "イベント", "events": return .event
    case "用語", "用語集": return .glossary
    case "このサイトについて", "サイト案内", "ページ", "page", "pages": return .about
    default: return nil
    }
  }

  func run() throws {
    let directory = URL(fileURLWithPath: site).appendingPathComponent("search")
    let engine: SearchEngine
    do {
      engine = try SearchEngine(directory: directory)
    } catch let error as SearchIndexError {
      let message: String
      switch error {
      case .missing(let path):
        message = say(
          "Error: \(error)\nHelp: run `portal build` first, or point --site at the built site folder",
          "Error: \(path) に検索の索引がありません\n直し方: 先に `portal build` を実行するか、`--site` でビルドしたサイトのフォルダーを指定してください"
        )
      case .invalid(let path):
        message = say(
          "Error: \(error)\nHelp: the index was written by another version of Portal; run `portal build` again",
          "Error: 検索の索引のファイル \(path) が正しくありません\n直し方: 別の版の Portal で作った索引です。もう一度 `portal build` を実行してください"
        )
      }
      FileHandle.standardError.write(Data((message + "\n").utf8))
      throw ExitCode(1)
    }
    let kinds = try kinds()
    // As the search page: when nothing was found, the query's words split apart are searched
    // instead, or the offers are made (`words.json` is read too, and each offer is searched
    // with the same kinds, to offer only what finds something).
    let answer = engine.answer(query, kinds: kinds, limit: limit)
    // A file of the index cut short or missing (an upload stopped, a file edited by hand):
    // "no match" would be a lie.
    if let first = engine.unreadableFiles.first {
      let count = engine.unreadableFiles.count
      let more = count > 1 ? say(" and \(count - 1) more", "ほか\(count - 1)個") : ""
      FileHandle.standardError.write(
        Data(
          (say(
            "Error: the search index is damaged: search/\(first)\(more) could not be read, so the results would be incomplete\nHelp: run `portal build` again (with --no-cache to write every file), and publish the whole site folder",
            "Error: 検索の索引が壊れています：search/\(first)\(more)を読めないため、結果が欠けてしまいます\n直し方: もう一度 `portal build` を実行し（すべてのファイルを書き直すには --no-cache を付けます）、サイトのフォルダーを丸ごと公開してください"
          ) + "\n").utf8))
      throw ExitCode(1)
    }
    let (response, suggestions) = (answer.response, answer.suggestions)
    let files = ["meta.json"] + response.files
    let sizes = files.map { Self.size(of: directory.appendingPathComponent($0)) }
    if json {
      print(
        Self.json(
          query: query, response: response, suggestions: suggestions, files: files, sizes: sizes,
          searchedAs: answer.searchedAs))
    } else {
      // Titles and snippets are the pages' text: a control character in it (an escape
      // sequence pasted into a body) is shown, not sent to the terminal.
      print(
        Diagnostic.visible(
          Self.text(
            query: query, response: response, limit: limit, suggestions: suggestions,
            searchedAs: answer.searchedAs)))
      if explain {
        print("")
        print(
          say(
            "Index files read (\(files.count), \(sizes.reduce(0, +)) bytes, gzip not counted):",
            "読んだ索引のファイル\(JapaneseCount.things(files.count))（合わせて\(JapaneseCount.digits(sizes.reduce(0, +)))バイト。gzip で縮める前の大きさ）："
          ))
        for (f, s) in zip(files, sizes) {
          print(say("  search/\(f)  \(s) bytes", "  search/\(f)  \(JapaneseCount.digits(s))バイト"))
        }
      }
    }
  }

  static func size(of url: URL) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue
      ?? 0
  }

  /// Readable results for writers.
  static func text(
    query: String, response: SearchResponse, limit: Int, suggestions: [String] = [],
    searchedAs: String? = nil
  ) -> String {
    let results = response.results
    let query = said(query)
    // Kanji numbers searched in Arabic numerals too (十二月 → 12月), said as the page says it.
    let also = response.alsoSearched.map { "「\(said($0))」でも探しました。" } ?? ""
    let unchecked =
      response.more && !response.exact
      ? "\n（候補をすべては確かめていません。--limit を大きくするか --limit 0 で、残りも確かめます）" : ""
    if results.isEmpty {
      if response.more {
        return "「\(query)」に一致するページは、まだ見つかっていません。" + also + unchecked
      }
      let maybe = suggestions.map { "「\($0)」" }.joined(separator: "、")
      return "「\(query)」に一致するページはありません。" + also
        + (maybe.isEmpty ? "" : "\nもしかして：\(maybe)")
    }
    // As the search page words it.
    let count = "\(response.exact ? "" : "約")\(JapaneseCount.items(response.candidates))"
    // A query that found nothing, answered with its words split apart: said as the page says it.
    let heading =
      searchedAs.map { "「\(query)」に一致するページはありません。「\(said($0))」で探しました：" }
      ?? "「\(query)」の検索結果："
    var lines = [
      heading + count
        + (results.count < response.candidates
          ? "（上位\(JapaneseCount.items(results.count))を表示）" : "")
        + (also.isEmpty ? "" : "。" + also)
    ]
    let width = String(results.count).count
    for (i, r) in results.enumerated() {
      let number = String(i + 1)
      let pad = String(repeating: " ", count: width - number.count)
      let indent = String(repeating: " ", count: width + 2)
      lines.append("")
      lines.append("\(pad)\(number). \(r.title)［\(r.kind.label)］")
      lines.append(indent + r.url)
      lines.append(indent + marked(r))
    }
    return lines.joined(separator: "\n") + unchecked
  }

  /// A query as the output says it: a pasted paragraph in its first 30 characters and 「…」,
  /// as the search page says it, so it does not fill the terminal (`--json` keeps it whole).
  static func said(_ query: String) -> String {
    let scalars = query.unicodeScalars
    guard scalars.count > 30 else { return query }
    return String(String.UnicodeScalarView(scalars.prefix(30))) + "…"
  }

  /// The snippet with each highlighted stretch written as **…**.
  static func marked(_ r: SearchResult) -> String {
    let scalars = Array(r.snippet.unicodeScalars)
    var out = String.UnicodeScalarView()
    var position = 0
    for h in r.highlights where h.count == 2 && h[0] >= position && h[1] <= scalars.count {
      out.append(contentsOf: scalars[position..<h[0]])
      out.append(contentsOf: "**".unicodeScalars)
      out.append(contentsOf: scalars[h[0]..<h[1]])
      out.append(contentsOf: "**".unicodeScalars)
      position = h[1]
    }
    out.append(contentsOf: scalars[position...])
    return String(out)
  }

  struct Output: Encodable {
    struct Result: Encodable {
      var url: String
      var title: String
      var kind: String
      var kindLabel: String
      var date: String?
      var ends: String?
      var snippet: String
      var highlights: [[Int]]
      var snippetHTML: String
      var score: Int

      enum CodingKeys: String, CodingKey {
        case url, title, kind, date, ends, snippet, highlights, score
        case kindLabel = "kind_label"
        case snippetHTML = "snippet_html"
      }
    }
    struct File: Encodable {
      var path: String
      var bytes: Int
    }
    var query: String
    /// The query searched instead, its words split apart, when `query` found nothing.
    var searchedAs: String?
    /// The query with its kanji numbers in Arabic numerals (十二月 → 12月), searched with it.
    var alsoSearched: String?
    var count: Int
    var exact: Bool
    var more: Bool
    var results: [Result]
    /// 「もしかして」: the site's names close to the query, when nothing was found.
    var suggestions: [String]
    var files: [File]
    var bytes: Int

    enum CodingKeys: String, CodingKey {
      case query, count, exact, more, results, suggestions, files, bytes
      case searchedAs = "searched_as"
      case alsoSearched = "also_searched"
    }
  }

  static func json(
    query: String, response: SearchResponse, suggestions: [String] = [], files: [String],
    sizes: [Int], searchedAs: String? = nil
  ) -> String {
    let output = Output(
      query: query, searchedAs: searchedAs, alsoSearched: response.alsoSearched,
      count: response.candidates, exact: response.exact,
      more: response.more,
      results: response.results.map {
        .init(
          url: $0.url, title: $0.title, kind: $0.kind.rawValue, kindLabel: $0.kind.label,
          date: $0.date, ends: $0.ends, snippet: $0.snippet, highlights: $0.highlights,
          snippetHTML: $0.snippetHTML, score: $0.score)
      },
      suggestions: suggestions,
      files: zip(files, sizes).map { .init(path: "search/" + $0, bytes: $1) },
      bytes: sizes.reduce(0, +))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(output)) ?? Data("{}".utf8), as: UTF8.self)
  }
}

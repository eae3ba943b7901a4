import Diagnostics

/// Words of official documents (お役所言葉: 施策, 鑑み, 資する) that residents seldom use and many
/// do not know; 公用文作成の考え方 (2022) and the やさしい日本語 guidelines ask to say them in
/// everyday words. Each is reported once a page, with the words to write instead. A word
/// passes inside a page's title written out (「意識の醸成・人材育成」: the strategy's names stay as
/// they are, `LintContext.names`), explained in brackets, inside 「」 (a name or a quotation), with
/// furigana (a name read out: 自治体DX推進に{係|かか}る連絡調整会議), in a glossary term or in code;
/// and a word site.yml's `known_words` lists passes everywhere (a site whose readers know it).
struct HardWordRule: Rule {
  let id = "lint.hard-word"
  let summary = "A word of official documents (施策, 鑑み) that residents seldom use."
  let japaneseSummary = "行政の文書で使う、かたい言葉（施策、鑑み など）があります。"

  /// The word, and what to write instead. Only spellings that are this word wherever they
  /// stand (講じ, not 図る, whose 図 ends 地図 and 意図).
  static let words: [(word: String, plain: String)] = [
    ("可及的速やかに", "できるだけ早く"), ("速やかに", "すぐに"), ("係る", "関する"), ("係わる", "関わる"),
    ("資する", "役立つ"), ("鑑み", "考えて"), ("講ずる", "とる・行う"), ("講じ", "とり・行い"),
    ("当該", "その"), ("勘案", "考え合わせる"), ("遺漏", "もれ"), ("諸般", "いろいろな"),
    ("喫緊", "急いで取り組む"), ("抜本的", "根本からの"), ("踏まえ", "もとに"), ("醸成", "高める・育てる"),
    ("享受", "受ける"), ("寄与", "役立つ"), ("逐次", "順に"), ("遵守", "守る"), ("履行", "果たす"),
    ("留意", "気をつける"), ("周知", "知らせる"), ("策定", "つくる・定める"), ("所管", "担当する"),
    ("具現化", "形にする"), ("一層", "もっと・さらに"), ("概ね", "だいたい"), ("若しくは", "または"),
    ("即ち", "つまり"), ("啓発", "広く知らせる"), ("利活用", "使う・生かす"), ("施策", "取組・対策"),
    ("又は", "または"), ("並びに", "と・また"), ("乃至", "から…まで・または"), ("但し", "ただし"),
    ("予め", "前もって"), ("直ちに", "すぐに"), ("於いて", "で・において"), ("於ける", "での・における"),
    ("殊に", "特に"), ("専ら", "主に"),
  ]

  static let characters = words.map { LintCharacter.array($0.word) }
  static let wordScalars = words.map { $0.word.unicodeScalars.map(\.value) }

  /// The words by their first scalar, longest first (可及的速やかに before 速やかに… and 講ずる
  /// before 講じ), and a bit for each first scalar, so a character that starts none is passed
  /// over without a lookup.
  static let byFirst: [UInt32: [Int]] = Dictionary(grouping: words.indices) {
    characters[$0][0].scalar
  }.mapValues { $0.sorted { characters[$0].count > characters[$1].count } }
  static let firstBits = LintContext.scalarBits(byFirst.keys)

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    var result: [Diagnostic] = []
    var seen: Set<Int> = []
    let bits = Self.firstBits  // once, not a static's lazy check for each character
    for block in page.blocks {
      let text = block.text
      var i = 0
      while i < text.count {
        let key = text[i].scalar
        guard LintContext.hasBit(key, bits),
          let w = Self.byFirst[key]?.first(where: { text.hasPrefix(Self.characters[$0], at: i) })
        else {
          i += 1
          continue
        }
        let range = i..<(i + Self.characters[w].count)
        i = range.upperBound
        guard !seen.contains(w), !context.site.knownWords.contains(Self.words[w].word),
          !range.contains(where: { block.glossary[$0] || block.furigana[$0] }),
          !Loanwords.isExplained(text, range), !block.isInCodeSpan(range.lowerBound),
          !text.isQuoted(range), !context.site.isInName(text, range, word: w)
        else { continue }
        seen.insert(w)
        let (word, plain) = Self.words[w]
        result.append(
          context.warning(
            block, at: range.lowerBound,
            "「\(word)」 is a word of official documents that many residents do not use",
            hint: "write 「\(plain)」 or the like, or explain it in brackets (\(word)（…）)"
          ).ja(
            "「\(word)」は、行政の文書で使うかたい言葉です",
            hint: "「\(plain)」などの言葉に言い換えるか、かっこで説明してください（例：\(word)（…））"))
      }
    }
    return result
  }

  /// For each word, the names holding it, as characters (`LintContext.names`).
  /// Each name's scalars are read once, as a page's text is (`firstBits`): asking every name
  /// whether it contains each word took a third of a second for 10,000 titles.
  static func namesHolding(_ names: Set<String>) -> [Int: [[LintCharacter]]] {
    var holding: [Int: [[LintCharacter]]] = [:]
    for name in names {
      let scalars = name.unicodeScalars.map(\.value)
      var found: Set<Int> = []
      for (i, key) in scalars.enumerated() where LintContext.hasBit(key, firstBits) {
        for w in byFirst[key] ?? [] where scalars[i...].starts(with: wordScalars[w]) {
          found.insert(w)
        }
      }
      guard !found.isEmpty else { continue }
      let characters = LintCharacter.array(name)
      for w in found { holding[w, default: []].append(characters) }
    }
    return holding
  }
}

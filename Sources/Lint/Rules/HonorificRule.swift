import Diagnostics

/// Honorific language (尊敬語 and 謙譲語: させていただきます, お待ちしております, ご覧ください)
/// stacks polite forms around the verb, and residents learning Japanese, children and many
/// others lose the verb in them; the やさしい日本語 guidelines keep to plain です・ます, and
/// 公用文作成の考え方 (2022) asks not to overdo honorifics. Each use is reported with the plain
/// way to say it. Not fixed by `--fix`: the sentence around it changes too (ご協力いただけます
/// ようお願いします → 協力してください). A use inside 「」 (a quotation or a name) or in code
/// passes.
struct HonorificRule: Rule {
  let id = "lint.honorific"
  let summary = "Honorific language (させていただきます, ております, ご覧ください) where plain です・ます reads easier."
  let japaneseSummary = "「させていただきます」「ております」「ご覧ください」などの敬語があります。"

  /// One honorific: the spellings that start it (`keys`), the form named in the message
  /// (`word`), the plain words to write instead, and an example rewritten.
  struct Form {
    let keys: [String]
    let word: String
    let plain: String
    let before: String
    let after: String
    /// The characters one of which must come just before the key (は, が or も for おります,
    /// so 通ります written とおります passes); nil: any.
    var follows: CharacterClass? = nil
    /// The characters that may not come just before it (一 for 致します: 一致します).
    var notAfter: CharacterClass? = nil

    /// Whether the key at `i` is this form by the character before it.
    func fits(_ text: [LintCharacter], at i: Int) -> Bool {
      let previous = i > 0 ? text[i - 1] : nil
      if let follows, !(previous.map(follows.contains) ?? false) { return false }
      if let notAfter, let previous, notAfter.contains(previous) { return false }
      return true
    }
  }

  static let forms: [Form] = [
    Form(
      keys: ["させていただ", "させて頂"], word: "させていただく", plain: "〜します",
      before: "案内させていただきます", after: "案内します"),
    Form(
      keys: ["いただけますよう", "頂けますよう"], word: "いただけますよう", plain: "〜してください",
      before: "ご協力いただけますようお願いします", after: "協力してください"),
    Form(
      keys: ["くださいますよう", "下さいますよう"], word: "くださいますよう", plain: "〜してください",
      before: "お越しくださいますようお願いします", after: "来てください"),
    Form(
      keys: ["賜り"], word: "賜る", plain: "〜してください",
      before: "ご理解を賜りますようお願いします", after: "理解してください"),
    Form(
      keys: ["となっておりま"], word: "となっております", plain: "〜です",
      before: "受付は9時からとなっております", after: "受付は9時からです"),
    Form(
      keys: ["ておりま", "でおりま"], word: "ております", plain: "〜ています",
      before: "お待ちしております", after: "待っています"),
    // Mid-sentence, 〜ており、 goes on to more of the sentence: 〜ています there would end it
    // (発展しています、…), so the plain form offered is 〜ていて、.
    Form(
      keys: ["ており、", "でおり、"], word: "〜ており、", plain: "〜ていて、",
      before: "研究を進めており、", after: "研究を進めていて、"),
    Form(
      keys: ["おりま"], word: "おります", plain: "います",
      before: "担当者がおります", after: "担当者がいます", follows: CharacterClass("がはも")),
    Form(
      keys: ["いたしかね", "致しかね"], word: "いたしかねます", plain: "できません",
      before: "お答えいたしかねます", after: "答えられません", notAfter: joinedWith致),
    Form(
      keys: ["いたしま", "致しま"], word: "いたします", plain: "〜します",
      before: "お知らせいたします", after: "知らせます", notAfter: joinedWith致),
    Form(
      keys: ["でございま"], word: "でございます", plain: "です",
      before: "会場は県庁でございます", after: "会場は県庁です"),
    Form(
      keys: ["ございま"], word: "ございます", plain: "あります",
      before: "駐車場はございません", after: "駐車場はありません", follows: CharacterClass("がはも")),
    Form(
      keys: ["申し上げ"], word: "申し上げる", plain: "〜します",
      before: "お願い申し上げます", after: "お願いします"),
    Form(
      keys: ["まいりま", "参りま"], word: "まいります", plain: "〜ます",
      before: "進めてまいります", after: "進めます", follows: CharacterClass("てで")),
    Form(
      keys: ["いらっしゃ"], word: "いらっしゃる", plain: "いる・来る・行く",
      before: "会場にいらっしゃる方", after: "会場に来る人"),
    Form(
      keys: ["お越し"], word: "お越し", plain: "来る",
      before: "お越しください", after: "来てください"),
    Form(
      keys: ["ご覧", "御覧"], word: "ご覧", plain: "見る",
      before: "ご覧ください", after: "見てください"),
    Form(
      keys: ["ご遠慮くださ", "ご遠慮下さ", "ご遠慮願"], word: "ご遠慮ください", plain: "〜しないでください",
      before: "駐車はご遠慮ください", after: "車をとめないでください"),
    Form(
      keys: ["拝見"], word: "拝見する", plain: "見る",
      before: "書類を拝見します", after: "書類を見ます"),
    Form(
      keys: ["存じ", "存知"], word: "存じる", plain: "知っている・思う",
      before: "ご存じですか", after: "知っていますか"),
    Form(
      keys: ["召し上が"], word: "召し上がる", plain: "食べる・飲む",
      before: "召し上がってください", after: "食べてください"),
    Form(
      keys: ["おっしゃ"], word: "おっしゃる", plain: "言う",
      before: "おっしゃってください", after: "言ってください"),
    Form(keys: ["伺"], word: "伺う", plain: "聞く・行く", before: "お伺いします", after: "行きます"),
  ]

  /// The kanji that make a word of 致 (一致, 誘致, 拉致): 一致します is no honorific.
  static let joinedWith致 = CharacterClass("一合誘招極筆風拉送馴")

  /// Every key with its form, longest first (となっておりま before ておりま).
  static let keys: [(key: [LintCharacter], form: Int)] = forms.indices.flatMap { f in
    forms[f].keys.map { (LintCharacter.array($0), f) }
  }.sorted { $0.key.count > $1.key.count }

  /// The keys by their first scalar (in `keys`' order), and a bit for each first scalar: て,
  /// で and い start keys and half the text's kana, so a character is tested only against the
  /// few keys it starts (all of them for each such character cost the lint 7 %).
  static let byFirst: [UInt32: [Int]] = Dictionary(grouping: keys.indices) {
    keys[$0].key[0].scalar
  }
  static let firstBits = LintContext.scalarBits(byFirst.keys)

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    var result: [Diagnostic] = []
    let text = block.text
    let bits = Self.firstBits  // once, not a static's lazy check for each character
    var i = 0
    while i < text.count {
      let scalar = text[i].scalar
      guard LintContext.hasBit(scalar, bits),
        let k = Self.byFirst[scalar]?.first(where: {
          text.hasPrefix(Self.keys[$0].key, at: i)
            && Self.forms[Self.keys[$0].form].fits(text, at: i)
        })
      else {
        i += 1
        continue
      }
      let (key, f) = Self.keys[k]
      let range = i..<(i + key.count)
      i = range.upperBound
      guard !block.isInCodeSpan(range.lowerBound), !text.isQuoted(range),
        !range.contains(where: { block.furigana[$0] })
      else { continue }
      let form = Self.forms[f]
      result.append(
        context.warning(
          block, at: range.lowerBound,
          "「\(form.word)」 is honorific language (敬語), which many residents find hard to follow",
          hint:
            "write it with plain です・ます (「\(form.plain)」): 「\(form.before)」 → 「\(form.after)」"
        ).ja(
          "「\(form.word)」は敬語です。日本語を学んでいる人や子どもには、わかりにくい言い方です",
          hint: "です・ますで書いてください（「\(form.plain)」。例：「\(form.before)」→「\(form.after)」）"))
    }
    return result
  }
}

import Diagnostics

/// The same particle twice in a short stretch of one clause (材料不足で代替素材で), the idea of
/// textlint's no-doubled-joshi. Without a dictionary a particle is taken to be one of が を に で
/// は も へ より right after a kanji, katakana, Latin word or closing bracket, which is where
/// particles follow nouns; that keeps false alarms low at the cost of missing some. の is left out
/// (県の施設の案内 is normal), and so is と, which lists (県と市と町が協力します); 、 ends the
/// clause. に・で・へ・より followed by は, も or の are read as one particle (には, での), as
/// textlint does.
struct DoubledParticleRule: Rule {
  let id = "lint.doubled-particle"
  let summary = "The same particle twice in one clause (二重助詞)."
  let japaneseSummary = "同じ助詞が近くで2回使われています（二重助詞）。"
  let threshold: Threshold? = Threshold(
    value: 4,
    meaning: "report the same particle when at most this many characters separate the two",
    japaneseMeaning: "同じ助詞の間がこの文字数以下なら知らせる",
    range: 0...100)

  static let particles = CharacterClass("がをにではもへ")
  static let compoundable = CharacterClass("にでへ")
  /// What may follow a compound particle: には, でも, との.
  static let compoundEnds = CharacterClass("はもの")
  /// Kanji + kana that are words, not noun + particle: adverbs with に, 最も, 我が.
  static let words: Set<String> = [
    "特に", "主に", "共に", "既に", "更に", "常に", "次に", "先に", "後に", "急に", "別に", "順に",
    "実に", "逆に", "仮に", "単に", "現に", "殊に", "故に", "真に", "遂に", "正に", "直に", "最も",
    "我が", "日に",
  ]
  /// The last characters of `words`.
  static let wordEnds = CharacterClass("にもが")

  /// Kana after が that make it part of a verb (広がり, 上がる, 下がった), not the particle:
  /// 働き方が広がり was が twice.
  static let verbAfterGa = CharacterClass("るりられろっ")

  /// What follows に or を in a compound particle (によって, において, について, に対して,
  /// に関する, に向けて, を通じて, をめぐる): one particle of its own, which a に or を near it
  /// does not double (データ活用等による時代に, 国を通じて県を).
  static let afterNi = [
    "よ", "おい", "おけ", "つい", "対し", "対す", "関し", "関す", "とっ", "沿っ", "沿う", "向け",
    "基づ", "伴い", "伴う", "伴っ", "応じ", "わた", "当た", "かか", "係る",
  ].map(LintCharacter.array)
  static let afterWo = ["通", "めぐ", "もっ", "はじめ", "中心", "踏ま", "含め"].map(LintCharacter.array)

  /// Words that take に as an adverb (柔軟に, 的確に, 円滑に, and every 〜的に: 積極的に), not
  /// a particle after a noun: 変化に柔軟に was に twice. Without a dictionary, the な-adjectives
  /// of public writing.
  static let adverbStems: Set<String> = [
    "柔軟", "的確", "円滑", "迅速", "適切", "適正", "確実", "着実", "安全", "簡単", "容易", "正確",
    "十分", "丁寧", "快適", "自由", "同様", "身近", "気軽", "活発", "大切", "大幅", "早急", "緊密",
    "密接", "有効", "公正", "公平", "健全", "新た", "手軽", "便利", "明確", "適時", "簡便", "一緒",
    "効率",
  ]
  /// `adverbStems` as pairs of scalars, looked up at every に after kanji without making a
  /// string (a string for each was a tenth of a lint).
  static let adverbStemKeys = Set(
    adverbStems.map { stem in
      let c = LintCharacter.array(stem)
      return pairKey(c[0], c[1])
    })

  static func pairKey(_ a: LintCharacter, _ b: LintCharacter) -> UInt64 {
    UInt64(a.scalar) << 32 | UInt64(b.scalar)
  }

  /// What makes a で after a noun part of a verb or the copula rather than the particle:
  /// 傍聴できます, 無料です, 必要でしょう, 重要である, 可能では (ない). Without this, オンラインで傍聴
  /// できます and 会場で無料です were reported as the particle で twice.
  static func startsVerbOrCopula(_ text: [LintCharacter], at j: Int, end: Int) -> Bool {
    guard j < end else { return false }
    switch text[j] {
    case "き", "す": return true
    case "し": return j + 1 < end && (text[j + 1] == "ょ" || text[j + 1] == "た")
    case "あ": return j + 1 < end && text[j + 1] == "る"
    default: return false
    }
  }

  private struct Particle {
    var text: String
    var start: Int
    var end: Int
  }

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    var result: [Diagnostic] = []
    let text = block.text
    // The last of each particle in the clause: a few at most, so a list searched in turn
    // rather than a dictionary hashed and grown for every sentence (1 % of a lint).
    var last: [Particle] = []
    for sentence in block.sentences {
      last.removeAll(keepingCapacity: true)
      var i = sentence.lowerBound
      while i < sentence.upperBound {
        if text[i].isTouten || text[i] == "," {
          last.removeAll(keepingCapacity: true)
          i += 1
          continue
        }
        guard let particle = particle(in: text, at: i, end: sentence.upperBound) else {
          i += 1
          continue
        }
        let k = last.firstIndex { $0.text == particle.text }
        if let k, particle.start - last[k].end <= context.threshold {
          let previous = last[k]
          let stretch = text.excerpt(previous.start..<particle.end)
          result.append(
            context.warning(
              block, at: particle.start,
              "the particle 「\(particle.text)」 twice in one clause (「\(stretch)」)",
              hint: "rephrase so it is used once, or split the clause with 、 or into two sentences"
            ).ja(
              "同じ助詞「\(particle.text)」が近くで2回使われています（「\(stretch)」）",
              hint: "1回で済むように言い換えるか、読点（、）で区切るか、二つの文に分けてください"))
        }
        if let k { last[k] = particle } else { last.append(particle) }
        i = particle.end
      }
    }
    return result
  }

  private func particle(in text: [LintCharacter], at i: Int, end: Int) -> Particle? {
    guard i > 0 else { return nil }
    // The particle first: few characters are one, and the character before is asked about
    // only then (asking it first, at every character, was half the rule's time).
    var length: Int
    if text[i] == "よ", i + 1 < end, text[i + 1] == "り" {
      length = 2
    } else if Self.particles.contains(text[i]) {
      length = 1
    } else {
      return nil
    }
    let before = text[i - 1]
    guard
      before.isKanji || before.isKatakana || before.isLatinWordCharacter || before.isClosingBracket
    else { return nil }
    // Every word ends with に, も or が, and a two-character string equals one only then (a
    // particle is one precomposed kana): the string is made and hashed only for those.
    if Self.wordEnds.contains(text[i]), Self.words.contains(text.string((i - 1)..<(i + 1))) {
      return nil
    }
    if text[i] == "で", Self.startsVerbOrCopula(text, at: i + 1, end: end) { return nil }
    if text[i] == "が", i + 1 < end, Self.verbAfterGa.contains(text[i + 1]) { return nil }
    let rests = text[i] == "に" ? Self.afterNi : text[i] == "を" ? Self.afterWo : []
    if rests.contains(where: { text.hasPrefix($0, at: i + 1) }) { return nil }
    if text[i] == "に",
      before == "的"
        || (i >= 2 && Self.adverbStemKeys.contains(Self.pairKey(text[i - 2], text[i - 1])))
    {
      return nil
    }
    let compound = length == 2 || Self.compoundable.contains(text[i])
    if compound, i + length < end, Self.compoundEnds.contains(text[i + length]) { length += 1 }
    return Particle(text: text.string(i..<(i + length)), start: i, end: i + length)
  }
}

import Diagnostics

/// Letters and digits typed full width (ＤＸ, ２０２６年, ０４３－２２３－２２２２), as the Japanese
/// input gives them until it is switched to half width. Japanese style guides write them half
/// width; a page mixing ＤＸ and DX reads as two words, a screen reader may read ２０２６ digit by
/// digit, and a phone number typed so cannot be copied into a dialler on every phone. The run is
/// reported once, with the signs inside it (the －, ．, ，, ：, ／ between two such characters)
/// and its half-width form, which `--fix` writes: NFKC, the same mapping as the search's.
struct FullWidthAlphanumericRule: Rule {
  let id = "lint.fullwidth-alphanumeric"
  let fix: FixSummary? = FixSummary("ＤＸ ２０２６ → DX 2026", "全角の英数字（ＤＸ ２０２６ → DX 2026）")
  let summary = "Letters or digits typed full width, such as ＤＸ or ２０２６年."
  let japaneseSummary = "ＤＸ や ２０２６年 のような、全角の英字や数字が使われています。"

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    guard block.kind != .codeBlock else { return [] }
    let text = block.text
    var result: [Diagnostic] = []
    var i = 0
    while i < text.count {
      guard Self.isFullWidthAlphanumeric(text[i].scalar), !block.isInCodeSpan(i) else {
        i += 1
        continue
      }
      var end = i + 1
      while end < text.count {
        if Self.isFullWidthAlphanumeric(text[end].scalar) {
          end += 1
        } else if Self.joins(text[end].scalar), end + 1 < text.count,
          Self.isFullWidthAlphanumeric(text[end + 1].scalar)
        {
          end += 2
        } else {
          break
        }
      }
      let written = text.string(i..<end)
      let half = written.nfkc
      result.append(
        context.warning(
          block, at: i, "full-width letters or digits 「\(text.excerpt(i..<end))」",
          hint: "write them half width: 「\(half)」 (switch the input to half width to type them)"
        ).ja(
          "全角の英字や数字「\(text.excerpt(i..<end))」が使われています",
          hint: "半角で書いてください：「\(half)」（半角の入力に切りかえて打ちます）"
        ).fixing(written, with: half))
      i = end
    }
    return result
  }

  /// ０–９, Ａ–Ｚ, ａ–ｚ.
  static func isFullWidthAlphanumeric(_ v: UInt32) -> Bool {
    (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v)
  }

  /// Full-width signs that belong to a number or code between two such characters: －．，：／.
  static func joins(_ v: UInt32) -> Bool {
    v == 0xFF0D || v == 0xFF0E || v == 0xFF0C || v == 0xFF1A || v == 0xFF0F
  }
}

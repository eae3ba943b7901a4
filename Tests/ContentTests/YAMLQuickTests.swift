import SeededRandom
import Testing
import Yams

@testable import Content

/// `YAMLQuick` composes front matters without libyaml: wherever it gives a node, Yams must
/// give the same one (strings byte for byte, tags, styles, marks), and it must give none
/// where Yams throws. Random front matters made of the shape it reads and of everything
/// around it that it must leave to Yams.
@Suite struct YAMLQuickTests {
  /// Everything a node holds that a front matter's reader can see, written out.
  static func describe(_ node: Node) -> String {
    func mark(_ m: Mark?) -> String { m.map { "\($0.line):\($0.column)" } ?? "-" }
    switch node {
    case .scalar(let s):
      return
        "S(\(Array(s.string.utf8)) \(s.tag.rawValue) \(s.style.rawValue) \(mark(s.mark)) \(s.anchor == nil))"
    case .mapping(let m):
      let pairs = m.map { "\(describe($0.key))=\(describe($0.value))" }.joined(separator: ",")
      return "M(\(m.tag.rawValue) \(m.style.rawValue) \(mark(m.mark)) \(m.anchor == nil) \(pairs))"
    case .sequence(let s):
      let items = s.map(describe).joined(separator: ",")
      return "Q(\(s.tag.rawValue) \(s.style.rawValue) \(mark(s.mark)) \(s.anchor == nil) \(items))"
    case .alias: return "A"
    }
  }

  static let keys = [
    "title", "summary", "fields", "a", "x-y", "k_2", "Title", "タイトル", "1a", "-a", "a b", "? a",
  ]
  static let values = [
    "健康診断の結果（5）", "AI と DX", "2025-11-08", "https://example.jp/doc/5", "a: b", "a:", "a #c",
    "a#b", "x:y", "-x", "- x", "a - b", "（5）", "'q'", "'it''s'", "' sp '", "'a", "''", "'a'b",
    "\"d\"", "[a, b]", "[]", "[ a ,b ]", "[a,]", "[a, [b]]", "['x', y z]", "[a:b]", "[a#b]",
    "[a, 'b]", "{ title: くわしい資料, url: 'https://example.jp/doc/5' }", "{a: b}", "{}",
    "{ a: b, a: c }", "{ a: b, }", "{a:b}", "{ a: [b] }", "{ a: 'x''y' }", "|", ">", "&x a", "*x",
    "!t a", "~", "null", "a\u{2028}b", "a\u{85}b", "\u{FEFF}a", "\u{A0}x\u{A0}", "👩‍👩‍👧", "ｶﾞ",
    "a  ", "#c", "%x", "@x", "`x`", "a,b", "a [b]", "a 'b'", "a\tb", "a\rb", "?x", "0", "が",
    "か\u{3099}", "a\u{7F}", "a\u{FFFD}", "x ,y", "[a b, c]",
  ]

  static func randomFrontMatter(using g: inout SplitMix64) -> String {
    var lines: [String] = []
    for _ in 0..<Int.random(in: 1...6, using: &g) {
      let key = Bool.random(using: &g) ? "title" : keys.randomElement(using: &g)!
      let separator = [": ", ": ", ":  ", ":", ": "].randomElement(using: &g)!
      switch Int.random(in: 0..<10, using: &g) {
      case 0:
        lines.append(key + ":")
        let indent = ["", "  ", "    "].randomElement(using: &g)!
        for _ in 0..<Int.random(in: 0...3, using: &g) {
          let itemIndent = Int.random(in: 0..<8, using: &g) == 0 ? indent + " " : indent
          lines.append(itemIndent + "- " + values.randomElement(using: &g)!)
        }
      case 1:
        lines.append(
          ["", "# c", " ", "  more", "- a", "---", "title: a", "..."].randomElement(using: &g)!)
      default:
        lines.append(key + separator + values.randomElement(using: &g)!)
      }
    }
    return lines.joined(separator: "\n") + (Bool.random(using: &g) ? "\n" : "")
  }

  @Test func composesWhatYamsComposesOrLeavesItToYams() throws {
    var g = SplitMix64(seed: 20_261_205)
    var quick = 0
    for _ in 0..<40_000 {
      let text = Self.randomFrontMatter(using: &g)
      guard let ours = YAMLQuick.compose(text) else { continue }
      quick += 1
      let theirs: Node?
      do {
        theirs = try Yams.compose(yaml: text, .basic, .default, .utf8)
      } catch {
        Issue.record("Yams refuses what YAMLQuick composed: \(Array(text.utf8)) \(text)")
        continue
      }
      guard let theirs else {
        Issue.record("Yams composed nothing of \(text)")
        continue
      }
      #expect(Self.describe(ours) == Self.describe(theirs), "\(text)")
    }
    // The shortcut is taken often enough for the comparison to say something.
    #expect(quick > 2_000)
  }

  /// The shapes of the generated corpus and the shipped content take the shortcut.
  @Test func usualFrontMattersTakeTheShortcut() {
    let texts = [
      """
      title: 健康診断の結果のデジタル化（5）
      summary: 学校のために、健康診断の結果をドローンで撮影します。
      fields: [crisis-management, workstyle]
      started: 2025-11-08
      links:
        - { title: くわしい資料, url: 'https://example.jp/doc/5' }

      """,
      "term: 5G\nreading: ふぁいぶじー\naliases: [第5世代移動通信システム]\nrelated: []",
      "start: '2026-09-25T18:00:00+09:00'\ncapacity: 160\nonline: https://example.jp/live/0\n",
      "tags:\n- 子育て\n- 'a: b'\nstatus: active\n",
    ]
    for text in texts {
      let ours = YAMLQuick.compose(text)
      #expect(ours != nil, "\(text)")
      if let ours, let theirs = try? Yams.compose(yaml: text, .basic, .default, .utf8) {
        #expect(Self.describe(ours) == Self.describe(theirs))
      }
    }
  }
}

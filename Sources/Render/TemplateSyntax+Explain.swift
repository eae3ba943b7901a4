import Diagnostics
import Foundation
import Mustache

/// What a template's syntax error says: the tag that fails and why, in the writer's words
/// rather than Mustache's.
extension TemplateSyntax {
  /// What is wrong with `text`, which the parser rejected; nil when the tags read here look
  /// right, and the parser's own words are all there is. Of several problems, the first in the
  /// file (an unclosed tag takes the tags after it along, so it comes before what follows it).
  static func explain(_ text: String) -> Problem? {
    let scan = scan(text)
    var found = scan.unclosed
    if let bad = scan.badDelimiters { found.append(bad) }
    var open: [Tag] = []
    // Sections closed so far, by name: the opening tag and the line of its close.
    var closed: [String: (opening: String, line: Int)] = [:]
    tags: for tag in scan.tags {
      if let parent = open.last, parent.kind == .parent,
        ![.block, .close, .comment, .pragma, .delimiters].contains(tag.kind)
      {
        found.append(
          Problem(
            line: tag.line, column: tag.column,
            message:
              "`\(tag.text)` is inside `\(written(parent))` but in none of its blocks: only `{{$block}}` tags (and text, which is not shown) can go inside `\(written(parent))`",
            hint: "move it into a block such as `{{$main}}`",
            ja:
              "`\(tag.text)` は `\(written(parent))` の中にありますが、どのブロックにも入っていません。`\(written(parent))` の中に書けるのは `{{$block}}` のタグだけです（文章も書けますが、表示されません）",
            jaHint: "`{{$main}}` などのブロックの中に移してください"))
        break
      }
      switch tag.kind {
      case .section, .inverted, .block, .parent:
        open.append(tag)
      case .close:
        let closing = "\(tag.open)/\(tag.name)\(tag.close)"
        let stray = open.contains(where: { $0.name == tag.name }) ? nil : closed[tag.name]
        if let stray {
          found.append(
            Problem(
              line: tag.line, column: tag.column,
              message:
                "`\(closing)` closes nothing: `\(stray.opening)` was closed on line \(stray.line)",
              hint: "remove this `\(closing)`",
              ja:
                "`\(closing)` が閉じるセクションはありません。`\(stray.opening)` は\(stray.line)行目で閉じています",
              jaHint: "この `\(closing)` を消してください"))
          break tags
        }
        guard let top = open.last else {
          found.append(
            Problem(
              line: tag.line, column: tag.column,
              message: "`\(closing)` closes no open section",
              hint:
                "remove it, or open the section with `\(tag.open)#\(tag.name)\(tag.close)` before it",
              ja: "`\(closing)` が閉じるセクション（`{{#…}}`）が開いていません",
              jaHint:
                "このタグを消すか、前に `\(tag.open)#\(tag.name)\(tag.close)` を書いてセクションを開いてください"
            ))
          break tags
        }
        if top.name != tag.name {
          let opening = written(top)
          let hint = mismatchHint(opening: top, closing: tag)
          found.append(
            Problem(
              line: tag.line, column: tag.column,
              message:
                "`\(closing)` closes `\(opening)`, opened on line \(top.line), column \(top.column)",
              hint: hint.english,
              ja:
                "`\(closing)` が、\(top.line)行目\(top.column)文字目で開いた `\(opening)` を閉じています",
              jaHint: hint.japanese))
          break tags
        }
        closed[tag.name] = (written(top), tag.line)
        open.removeLast()
      default: continue
      }
    }
    if let first = found.min(by: { ($0.line, $0.column) < ($1.line, $1.column) }) {
      return first
    }
    if let top = open.last {
      return Problem(
        line: top.line, column: top.column, message: "`\(written(top))` is never closed",
        hint: "add `\(top.open)/\(top.name)\(top.close)` where the section ends",
        ja: "`\(written(top))` が閉じられていません",
        jaHint: "セクションの終わりに `\(top.open)/\(top.name)\(top.close)` を書き足してください")
    }
    return nil
  }

  /// A closing tag whose name is a typo away from its section's: the name the theme knows (a
  /// value's) is the one to write in both; else both spellings are offered. Other names: the
  /// sections were closed out of order.
  static func mismatchHint(opening top: Tag, closing tag: Tag) -> (
    english: String, japanese: String
  ) {
    let opening = written(top)
    guard Suggest.closest(to: top.name, in: [tag.name]) != nil else {
      return (
        "close sections innermost first, each with its own name: `\(opening)`…`\(top.open)/\(top.name)\(top.close)`",
        "セクションは内側から順に、開いたときと同じ名前で閉じてください：`\(opening)`…`\(top.open)/\(top.name)\(top.close)`"
      )
    }
    var fixed = top
    fixed.name = tag.name
    let known = TemplateVocabulary.names
    if known.contains(tag.name), !known.contains(top.name) {
      return (
        "did you mean `\(written(fixed))` on line \(top.line)? A section opens and closes with the same name",
        "\(top.line)行目は `\(written(fixed))` のまちがいではありませんか。セクションは同じ名前で開いて閉じます"
      )
    }
    return (
      "the two names differ by a typo: write the same one in both, `\(written(fixed))`…`\(tag.open)/\(tag.name)\(tag.close)` or `\(opening)`…`\(top.open)/\(top.name)\(top.close)`",
      "2つの名前が少しだけ違っています。`\(written(fixed))`…`\(tag.open)/\(tag.name)\(tag.close)` か `\(opening)`…`\(top.open)/\(top.name)\(top.close)` のように、両方に同じ名前を書いてください"
    )
  }

  /// An opening tag as messages show it, with its name trimmed: `{{#pages}}`.
  static func written(_ tag: Tag) -> String {
    let sigils: [Tag.Kind: String] = [.section: "#", .inverted: "^", .block: "$", .parent: "<"]
    return "\(tag.open)\(sigils[tag.kind] ?? "")\(tag.name)\(tag.close)"
  }

  /// The parser's error in words, with a hint, in English and in Japanese, for what
  /// `explain` does not find.
  static func describe(_ error: Error) -> (
    message: String, hint: String, ja: String, jaHint: String
  ) {
    let sections = "check that every {{#section}} has its {{/section}}"
    let sectionsJa = "どの `{{#section}}` にも、対になる `{{/section}}` があるかを確かめてください"
    switch error {
    case MustacheTemplate.Error.unfinishedName:
      return (
        "a tag is not finished",
        "a name is letters a–z, digits and `.`, `_`, `-`, and ends with `}}`: `{{page.title}}`",
        "タグが最後まで書かれていません",
        "名前は英字 a–z、数字と `.`、`_`、`-` で書き、`}}` で閉じます: `{{page.title}}`"
      )
    case MustacheTemplate.Error.expectedSectionEnd:
      return ("a section is not closed", sections, "閉じられていないセクションがあります", sectionsJa)
    case MustacheTemplate.Error.sectionCloseNameIncorrect:
      return (
        "a section is closed with another section's name", sections,
        "セクションが、別のセクションの名前で閉じられています", sectionsJa
      )
    case MustacheTemplate.Error.invalidSetDelimiter:
      return (
        "the delimiter tag `{{=… …=}}` is not valid",
        "write it as `{{=<% %>=}}`: the two new delimiters, a space between, `=` on both sides",
        "区切りを変えるタグ `{{=… …=}}` の書き方がまちがっています",
        "`{{=<% %>=}}` のように、新しい区切り2つを空白で分けて書き、両側に `=` を付けてください"
      )
    case MustacheTemplate.Error.illegalTokenInsideInheritSection,
      MustacheTemplate.Error.textInsideInheritSection:
      return (
        "only `{{$block}}` tags (and text, which is not shown) can go inside `{{<layout}}`",
        "move it into a block such as `{{$main}}`",
        "`{{<layout}}` の中に書けるのは `{{$block}}` のタグだけです（文章も書けますが、表示されません）",
        "`{{$main}}` などのブロックの中に移してください"
      )
    case MustacheTemplate.Error.transformAppliedToInheritanceSection:
      return (
        "a `{{$block}}` cannot have a transform (`{{$upper(main)}}`)",
        "name the block alone: `{{$main}}`",
        "`{{$block}}` には変換（`{{$upper(main)}}`）を付けられません",
        "ブロックは名前だけで書いてください：`{{$main}}`"
      )
    case MustacheTemplate.Error.invalidConfigVariableSyntax:
      return (
        "a `{{%…}}` tag is not written as `{{% NAME: value}}`",
        "remove it: themes need no `{{%…}}` tags",
        "`{{%…}}` のタグが `{{% NAME: value}}` の形になっていません",
        "このタグを消してください。テーマに `{{%…}}` のタグは要りません"
      )
    case MustacheTemplate.Error.unrecognisedConfigVariable:
      return (
        "a `{{%…}}` tag names a setting Mustache does not have",
        "remove it: themes need no `{{%…}}` tags",
        "`{{%…}}` のタグが、Mustache にない設定を指定しています",
        "このタグを消してください。テーマに `{{%…}}` のタグは要りません"
      )
    default: return ("\(error)", sections, "\(error)", sectionsJa)
    }
  }
}

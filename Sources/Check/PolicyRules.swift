import Diagnostics
import Foundation
import SecurityPolicy

/// What a page's own Content-Security-Policy stops the browser from doing on that page: an
/// image from another site shows as a hole, a stylesheet or script from elsewhere, a `style`
/// attribute or an inline script pasted as raw HTML does nothing. The HTML is valid and every
/// file exists, so nothing else reports it; only a reader's browser, silently, refuses.
enum PolicyRules {
  static func check(
    _ d: HTMLDocument, facts: PageFacts, page: String, base: SiteBase, at a: inout PageAttribution
  ) -> [Finding] {
    let policies = policies(in: d)
    guard !policies.isEmpty else { return [] }
    var findings: [Finding] = []
    func report(
      _ rule: String, _ placement: Placement, _ message: String, hint: String, ja: String,
      jaHint: String
    ) {
      let r = RuleCatalog.rule(rule)
      findings.append(
        Finding(
          page: page, r.severity, placement, message, hint: hint, code: rule,
          japanese: .init(message: ja, hint: jaHint)))
    }
    /// 「このサイトの安全のための設定（Content-Security-Policy の `img-src 'self'`）で」: the
    /// policy said by what it is for, as a writer meets it (an image from another site).
    func setting(_ blocking: ContentSecurityPolicy, _ directive: String) -> String {
      "このサイトの安全のための設定（Content-Security-Policy の `\(blocking.describe(directive))`）で"
    }

    for reference in facts.references where !reference.url.isEmpty {
      guard let (directive, what, whatJa, outcomeJa) = fetched(reference) else { continue }
      guard
        let blocking = policies.first(where: {
          !$0.allows(reference.url, directive: directive, base: base)
        })
      else { continue }
      let placement = a.reference(
        reference.url, element: reference.element, attribute: reference.attribute,
        offset: reference.offset)
      let named = blocking.governing(directive)?.name ?? directive
      // A font, icon or manifest a `<link>` loads is the theme's file, as a stylesheet is.
      let hintKind = reference.loads == nil ? reference.kind : .stylesheet
      // An image or media file a template shows is the theme's: it goes with its assets, not
      // with a writer's files.
      let themes = placement.isTemplate && (reference.kind == .image || reference.kind == .media)
      report(
        "csp.blocked", placement,
        "the page's Content-Security-Policy (\(blocking.describe(directive))) blocks \(what) \(URLResolver.display(reference.url)): browsers leave it out",
        hint: themes
          ? "copy the file into theme/assets/ and show it by its key (theme/assets/map.png is {{assets.map_png}}); or, if you trust its site, add the site to \(named) in the theme's Content-Security-Policy"
          : hint(for: hintKind, directive: named),
        ja:
          "\(whatJa) `\(URLResolver.display(reference.url))` は、\(setting(blocking, directive))止められるため、ブラウザーでは\(outcomeJa)",
        jaHint: themes
          ? "ファイルをテーマの theme/assets/ にコピーして、\(Spot.here)ではそのキーで指してください（theme/assets/map.png なら `{{assets.map_png}}`）。そのサイトを信頼できるなら、テーマの Content-Security-Policy の `\(named)` にそのサイトを加える方法もあります"
          : japaneseHint(for: hintKind, directive: named)
      )
    }

    for e in 1..<d.elements.count {
      let element = d[e]
      if element.name == "script", d.attribute("src", of: e) == nil, runs(d, e),
        hasContent(d, e), let blocking = blocksInline(policies, "script-src-elem", d, e)
      {
        report(
          "csp.inline",
          a.template(needles: ["<script"], offset: element.offset, inSource: true),
          "the page's Content-Security-Policy (\(blocking.describe("script-src-elem"))) blocks this inline <script>: it never runs",
          hint:
            "move the code into a file of the theme's assets and load it with <script src=\"…\">",
          ja:
            "ページに直接書いた `<script>` は、\(setting(blocking, "script-src-elem"))止められるため、実行されません",
          jaHint:
            "\(Spot.here)のスクリプトを theme/assets/ の .js のファイルに移して、`<script src=\"…\">` で読み込んでください"
        )
      }
      if element.name == "style", hasContent(d, e),
        let blocking = blocksInline(policies, "style-src-elem", d, e)
      {
        report(
          "csp.inline", a.template(needles: ["<style"], offset: element.offset, inSource: true),
          "the page's Content-Security-Policy (\(blocking.describe("style-src-elem"))) blocks this <style> element: its rules are ignored",
          hint: "move the rules into the theme's stylesheet",
          ja:
            "ページに直接書いた `<style>` は、\(setting(blocking, "style-src-elem"))止められるため、その中の見た目の指定は使われません",
          jaHint:
            "\(Spot.here)の見た目の指定を、テーマのスタイルシート（theme/assets/ の .css のファイル）に移してください"
        )
      }
      for attribute in element.attributes {
        let name = attribute.name
        if name == "style", !attribute.value.allSatisfy(\.isWhitespace),
          let blocking = policies.first(where: { !$0.allowsInline("style-src-attr") })
        {
          report(
            "csp.inline",
            a.template(needles: ["style=\""], offset: attribute.offset, inSource: true),
            "the page's Content-Security-Policy (\(blocking.describe("style-src-attr"))) blocks the style attribute of this <\(element.name)>: it is ignored",
            hint: "give the element a class and style it in the theme's stylesheet",
            ja:
              "`<\(element.name)>` に直接書いた見た目の指定（`style=\"…\"`）は、\(setting(blocking, "style-src-attr"))止められるため、使われません",
            jaHint:
              "\(Spot.here)の `style=\"…\"` を消してください。見た目を変えるときは、`class=\"…\"` を付けて、テーマのスタイルシート（theme/assets/ の .css のファイル）で指定します"
          )
        }
        let isHandler =
          name.hasPrefix("on") && name.utf8.count > 2
          && name.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
        let isScriptURL =
          ["href", "src", "action", "formaction"].contains(name)
          && Self.startsWithJavaScript(attribute.value)
        if isHandler || isScriptURL,
          let blocking = policies.first(where: {
            !$0.allowsInline(isHandler ? "script-src-attr" : "script-src-elem")
          })
        {
          let directive = isHandler ? "script-src-attr" : "script-src-elem"
          // The attribute with its value first: the chain has many a `href=`, and the first
          // (a `<a href="{{url}}">`) was named for a literal `href="javascript:…"` further on.
          report(
            "csp.inline",
            a.template(
              needles: ["\(name)=\"\(attribute.value)", "\(name)='\(attribute.value)", "\(name)="],
              offset: attribute.offset, inSource: true),
            "the page's Content-Security-Policy (\(blocking.describe(directive))) blocks the script in \(name)= of this <\(element.name)>: it never runs",
            hint: "do it without script, or in a file of the theme's assets that adds the listener",
            ja:
              "`<\(element.name)>` の `\(name)=` に書いたスクリプトは、\(setting(blocking, directive))止められるため、実行されません",
            jaHint:
              "\(Spot.here)の `\(name)=` を消して、スクリプトを使わずに作るか、theme/assets/ の .js のファイルで同じ動きを加えてください"
          )
        }
      }
    }
    return findings
  }

  /// The policies a page states in its `<meta http-equiv="Content-Security-Policy">`.
  static func policies(in d: HTMLDocument) -> [ContentSecurityPolicy] {
    d.all("meta").compactMap { e -> ContentSecurityPolicy? in
      guard d.attribute("http-equiv", of: e)?.lowercased() == "content-security-policy" else {
        return nil
      }
      return d.attribute("content", of: e).flatMap(parsed)
    }
  }

  /// The directive a reference is fetched under and how the messages name it (English; the
  /// Japanese and what the reader then sees); nil for what no directive governs. A `<link>`
  /// other than a stylesheet by what it loads (`LinkLoad`): an icon, a manifest, a preload.
  static func fetched(_ reference: Reference) -> (String, String, String, String)? {
    switch reference.loads {
    case .image?: return ("img-src", "the icon or image", "アイコンや画像", "表示されません")
    case .manifest?:
      return ("manifest-src", "the web app manifest", "アプリとして追加するための設定（マニフェスト）", "読み込まれません")
    case .script?: return ("script-src-elem", "the script", "動きを作るファイル（スクリプト）", "働きません")
    case .font?: return ("font-src", "the font", "文字の形のファイル（フォント）", "使われません")
    case .style?: return ("style-src-elem", "the stylesheet", "見た目を決めるファイル（スタイルシート）", "使われません")
    case nil: break
    }
    guard let (directive, what) = directive(of: reference),
      let (whatJa, outcomeJa) = japanese(of: reference.kind)
    else { return nil }
    return (directive, what, whatJa, outcomeJa)
  }

  /// Every page of a site states the same policy: it is parsed once per text.
  private static let cache = Memo<ContentSecurityPolicy?>()

  private static func parsed(_ text: String) -> ContentSecurityPolicy? {
    cache.value(for: text) { ContentSecurityPolicy(text) }
  }

  /// `javascript:` in any case after leading white space, read on the bytes (checked for every
  /// link of every page, so without lower-casing each address).
  static func startsWithJavaScript(_ value: String) -> Bool {
    var bytes = value.utf8.drop {
      $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C
    }
    for expected in "javascript:".utf8 {
      guard let b = bytes.first, b | (b >= 0x41 && b <= 0x5A ? 0x20 : 0) == expected else {
        return false
      }
      bytes = bytes.dropFirst()
    }
    return true
  }

  /// The directive a reference is fetched under, and how the message names it; nil for what
  /// the policy does not govern (links, canonical and feed links).
  private static func directive(of reference: Reference) -> (String, String)? {
    switch reference.kind {
    case .image: ("img-src", "the image")
    case .media: ("media-src", "the media file")
    case .frame: ("frame-src", "the frame of")
    case .script: ("script-src-elem", "the script")
    case .stylesheet: ("style-src-elem", "the stylesheet")
    case .form: ("form-action", "sending the form to")
    case .link, .resource, .redirect: nil
    }
  }

  /// How a Japanese message names what is blocked, and what the reader then sees; nil where
  /// `directive(of:)` is nil.
  private static func japanese(of kind: Reference.Kind) -> (String, String)? {
    switch kind {
    case .image: ("画像", "表示されません")
    case .media: ("動画や音声のファイル", "再生されません")
    case .frame: ("ページの中に表示するページ", "表示されません")
    case .script: ("動きを作るファイル（スクリプト）", "働きません")
    case .stylesheet: ("見た目を決めるファイル（スタイルシート）", "使われません")
    case .form: ("フォームの送信先", "フォームを送れません")
    case .link, .resource, .redirect: nil
    }
  }

  private static func japaneseHint(for kind: Reference.Kind, directive: String) -> String {
    let allow =
      "そのサイトを信頼できるなら、テーマの Content-Security-Policy の `\(directive)` にそのサイトを加える方法もあります"
    switch kind {
    case .image, .media:
      return "ファイルを content/files/ に保存して、\(Spot.here)ではそこを指してください。\(allow)"
    case .frame:
      return "\(Spot.here)では、このページの中に表示せず、そのページへリンクしてください。\(allow)"
    case .script, .stylesheet:
      return "ファイルを theme/assets/ にコピーして、\(Spot.here)ではそこを指してください。\(allow)"
    case .form, .link, .resource, .redirect:
      return
        "\(Spot.here)のフォームの送信先をこのサイトのアドレスにするか、そのアドレスをテーマの Content-Security-Policy の `\(directive)` に加えてください"
    }
  }

  private static func hint(for kind: Reference.Kind, directive: String) -> String {
    switch kind {
    case .image, .media:
      "save the file under content/files/ and show it from there; or, if you trust its site, add the site to \(directive) in the theme's Content-Security-Policy"
    case .frame:
      "link to the page instead of showing it inside this one; or, if you trust its site, add the site to \(directive) in the theme's Content-Security-Policy"
    case .script, .stylesheet:
      "copy the file into the theme's assets; or, if you trust its site, add the site to \(directive) in the theme's Content-Security-Policy"
    case .form, .link, .resource, .redirect:
      "send the form to this site, or add its address to \(directive) in the theme's Content-Security-Policy"
    }
  }

  /// The first policy that stops this element's inline content, unless its `nonce` is listed.
  private static func blocksInline(
    _ policies: [ContentSecurityPolicy], _ directive: String, _ d: HTMLDocument, _ e: Int
  ) -> ContentSecurityPolicy? {
    let nonce = d.attribute("nonce", of: e).map { "'nonce-\($0)'" }
    return policies.first { policy in
      guard !policy.allowsInline(directive) else { return false }
      return !(nonce.map { policy.governing(directive)?.sources.contains($0) ?? false } ?? false)
    }
  }

  /// A `<script>` whose type makes it code rather than a data block (`application/json`).
  private static func runs(_ d: HTMLDocument, _ e: Int) -> Bool {
    guard let type = d.attribute("type", of: e)?.lowercased().trimmingCharacters(in: .whitespaces),
      !type.isEmpty
    else { return true }
    return type == "module" || type.hasSuffix("javascript") || type.hasSuffix("ecmascript")
  }

  /// Whether the element has anything but white space between its tags (the scanner skips
  /// `<script>` and `<style>` content, so it is read from the page's bytes).
  private static func hasContent(_ d: HTMLDocument, _ e: Int) -> Bool {
    let bytes = d.bytes
    guard var i = bytes[d[e].offset...].firstIndex(of: UInt8(ascii: ">")) else { return false }
    i += 1
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x09, 0x0A, 0x0D, 0x0C: i += 1
      case UInt8(ascii: "<"):
        return !(i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/"))
      default: return true
      }
    }
    return false
  }
}

import Diagnostics

/// Every rule `portal check` reports, with its severity and the reason it exists, so
/// `portal check --list-rules`, the docs and the diagnostics agree.
public struct CheckRule: Sendable {
  public var id: String
  public var severity: Severity
  public var summary: String
  public var hint: String
  /// The summary and the hint in Japanese, in a writer's words. The hint names the place to
  /// change as `Spot.here`, which `Finding` fills in.
  public var japaneseSummary: String
  public var japaneseHint: String

  init(
    id: String, severity: Severity, summary: String, hint: String, ja: String, jaHint: String
  ) {
    (self.id, self.severity, self.summary, self.hint) = (id, severity, summary, hint)
    (japaneseSummary, japaneseHint) = (ja, jaHint)
  }

  /// The summary in `language`.
  public func summary(in language: MessageLanguage) -> String {
    language == .japanese ? japaneseSummary : summary
  }
}

public enum RuleCatalog {
  public static let all: [CheckRule] = [
    CheckRule(
      id: "link.broken", severity: .error,
      summary: "a link, form action or frame points at no file in the site",
      hint:
        "fix the address or add the page; a link to a missing page is a dead end for the reader",
      ja: "リンク先のページやファイルがサイトにありません（フォームの送信先やページの中に表示するページも同じです）",
      jaHint: "\(Spot.here)のリンク先を、サイトにあるページのアドレスに直すか、リンク先のページを作ってください。リンク先がないと、読む人はそこで行き止まりになります"
    ),
    CheckRule(
      id: "link.fragment", severity: .error,
      summary: "a #fragment names no id (or <a name>) on the target page",
      hint:
        "anchors are made from heading text; check the heading's spelling or link to the page without #",
      ja: "リンクが「#」の後ろで指している見出しが、リンク先のページにありません",
      jaHint:
        "見出しへのリンク（# の後ろ）には、見出しの文字を書きます。\(Spot.here)のリンク先の # の後ろを、リンク先のページの見出しと同じ文字に直してください。ページの先頭へのリンクでよいなら、# から後ろを消してください"
    ),
    CheckRule(
      id: "link.folder", severity: .warning, summary: "a link to a folder without the final /",
      hint: "end the address with / so the server does not have to redirect",
      ja: "一覧などのページへのリンクの最後に `/` がありません",
      jaHint: "\(Spot.here)のリンク先の最後に `/` を付けてください。付けないと、サーバーが別のアドレスへ転送することになり、ページが開くのが遅くなります"
    ),
    CheckRule(
      id: "link.image", severity: .error,
      summary: "an image (src, srcset, poster) is missing from the site",
      hint: "put the image in the site's assets or fix its path",
      ja: "画像のファイルがサイトにありません",
      jaHint:
        "画像のファイルを置くか（ページの画像は content/files/、テーマの画像は theme/assets/）、\(Spot.here)の画像のアドレスを直してください"
    ),
    CheckRule(
      id: "link.stylesheet", severity: .error, summary: "a stylesheet is missing from the site",
      hint: "check the theme's assets and the template that links the stylesheet",
      ja: "ページの見た目を決めるファイル（スタイルシート、.css）がサイトにありません",
      jaHint:
        "ファイルを theme/assets/ に置くか、\(Spot.here)のアドレスを直してください。見た目を決めるファイルがないと、ページは飾りのない文字だけで表示されます"
    ),
    CheckRule(
      id: "link.script", severity: .error, summary: "a script is missing from the site",
      hint: "check the theme's assets and the template that loads the script",
      ja: "ページの動きを作るファイル（スクリプト、.js）がサイトにありません",
      jaHint: "ファイルを theme/assets/ に置くか、\(Spot.here)のアドレスを直してください。動きを作るファイルがないと、ふりがなの切り替えなどが働きません"
    ),
    CheckRule(
      id: "link.resource", severity: .error,
      summary: "a <link> (icon, feed, canonical) or media source is missing from the site",
      hint: "check the template that writes the <link> and that the build writes the file",
      ja: "ページが読み込むファイル（アイコン、フィード、動画や音声など）がサイトにありません",
      jaHint:
        "ファイルを置くか（テーマのファイルは theme/assets/、ページの動画や音声は content/files/）、\(Spot.here)のアドレスを直してください。ビルドが作るファイル（フィードなど）なら、`portal build` でサイトを作り直してください"
    ),
    CheckRule(
      id: "link.redirect", severity: .error,
      summary: "a redirect stub (meta refresh) points at no file",
      hint: "point the redirect at the page's new address",
      ja: "前のアドレスから案内するページの、案内先のページがありません",
      jaHint: "\(Spot.here)の案内先を、ページの新しいアドレスに直してください"
    ),
    CheckRule(
      id: "link.outside", severity: .error,
      summary: "a relative link climbs above the site's root folder",
      hint: "remove a ../ or write the address from the site root, starting with /",
      ja: "リンク先のアドレスの `../`（一つ上のフォルダーへ）が多すぎて、サイトの外を指しています",
      jaHint: "\(Spot.here)のリンク先の `../` を一つ減らすか、`/` から始まるアドレス（例：`/events/`）で書いてください"
    ),
    CheckRule(
      id: "link.base-path", severity: .error,
      summary:
        "a root-relative link lacks the base path of a site published under one (/events/ on a site at /dx/)",
      hint: "write the address with the base path; in a template, start it with {{site.home_url}}",
      ja: "サイトを `/dx/` のような場所に公開するのに、`/` から始まるアドレスにその場所が付いていません（`/dx/events/` ではなく `/events/`）",
      jaHint: "\(Spot.here)のアドレスの前に、サイトの置き場所を付けてください。テンプレートでは `{{site.home_url}}` から始めます"
    ),
    CheckRule(
      id: "sitemap.missing", severity: .error,
      summary: "a sitemap.xml entry has no page in the site",
      hint: "rebuild the site; search engines would be sent to a missing page",
      ja: "検索エンジンに渡すページの一覧（site/sitemap.xml）にあるページが、サイトにありません",
      jaHint:
        "`portal build` でサイトを作り直してください。直らないときは、content/site.yml の `base_url` を確かめてください。このままでは、検索エンジンが、ないページへ人を案内します"
    ),
    CheckRule(
      id: "sitemap.outside", severity: .error,
      summary: "a sitemap.xml entry is not under the site's base URL",
      hint: "check base_url in content/site.yml",
      ja: "検索エンジンに渡すページの一覧（site/sitemap.xml）のアドレスが、このサイトのアドレスで始まっていません",
      jaHint: "content/site.yml の `base_url`（サイトを公開するアドレス）を確かめて、`portal build` でサイトを作り直してください"
    ),
    CheckRule(
      id: "external.broken", severity: .error,
      summary: "an external link answers 4xx or 5xx, or cannot be reached",
      hint:
        "fix or remove the link, or add it to check.skip in content/site.yml if the site blocks checkers",
      ja: "ほかのサイトへのリンクが切れています（404 などのエラーが返ってくるか、つながりません）",
      jaHint:
        "\(Spot.here)のリンク先を正しいアドレスに直すか、リンクを外してください。相手のサイトがこのチェックを受け付けないだけなら、content/site.yml の `check.skip` にアドレスを加えてください"
    ),
    CheckRule(
      id: "external.offline", severity: .error,
      summary: "no external site answered at all: the computer seems to have no network",
      hint:
        "check the network and run it again (libcurl follows `https_proxy`), or check external links where the network works; leave out --external to check the site alone",
      ja: "ほかのサイトのどれからも応答がありません。このコンピューターがネットワークにつながっていないようです",
      jaHint:
        "ネットワークの接続を確かめてから、もう一度実行してください（プロキシは `https_proxy` で指定できます）。サイトの中だけを確かめるなら、`--external` を付けずに実行してください"
    ),
    CheckRule(
      id: "external.timeout", severity: .error,
      summary: "an external link did not answer in time, after retries",
      hint: "try again later; if the site is slow but fine, add it to check.skip",
      ja: "ほかのサイトへのリンクが、何度か試しても時間内に応答しませんでした",
      jaHint:
        "時間をおいて、もう一度確かめてください（リンクは\(Spot.here)にあります）。相手のサイトが遅いだけなら、content/site.yml の `check.skip` にアドレスを加えてください"
    ),
    CheckRule(
      id: "external.redirect", severity: .warning,
      summary: "an external link moved permanently (301, 308)",
      hint: "link to the new address directly",
      ja: "ほかのサイトへのリンクのページが、別のアドレスに移りました（301、308）",
      jaHint: "\(Spot.here)のリンク先を、新しいアドレスに直してください"
    ),
    CheckRule(
      id: "external.rate-limited", severity: .warning,
      summary: "an external site answered 429 Too Many Requests",
      hint: "nothing to fix now; the link will be checked again next time",
      ja: "ほかのサイトが「アクセスが多すぎます」（429 Too Many Requests）と応答しました",
      jaHint: "今は直すものはありません。次のチェックで、もう一度確かめます（リンクは\(Spot.here)にあります）"
    ),
    CheckRule(
      id: "a11y.img-alt", severity: .error, summary: "an image without an alt attribute",
      hint:
        "describe the image in its alt text; if it is only decoration, write alt=\"\" on purpose so screen readers skip it",
      ja: "画像に、内容を説明する文（代わりのテキスト、alt）がありません",
      jaHint:
        "\(Spot.here)の画像に、何が写っているかを書いてください（Markdown では `![説明](…)`、HTML では `alt=\"説明\"`）。飾りだけの画像なら、読み上げソフトが読み飛ばすように、あえて `alt=\"\"` と書いてください"
    ),
    CheckRule(
      id: "a11y.heading-order", severity: .warning, summary: "a heading level is skipped (h2 → h4)",
      hint:
        "use the next level down; screen reader users move through a page by its heading levels",
      ja: "見出しの段が飛んでいます（`##` の次が `####`）",
      jaHint: "\(Spot.here)の見出しを、一つ下の段にしてください。読み上げソフトを使う人は、見出しの段をたどってページの中を移動します"
    ),
    CheckRule(
      id: "a11y.h1-missing", severity: .warning, summary: "a page without an h1",
      hint: "give each page one h1 with its title, usually in the page template",
      ja: "ページの題名の見出し（一番大きな見出し、`<h1>`）がありません",
      jaHint: "\(Spot.here)に、ページの題名を一番大きな見出し（`<h1>`）として一つ書いてください"
    ),
    CheckRule(
      id: "a11y.h1-multiple", severity: .warning, summary: "more than one h1 on a page",
      hint: "keep one h1 for the page title and make the others h2",
      ja: "一番大きな見出し（Markdown の `#`、`<h1>`）が、一つのページに二つ以上あります",
      jaHint: "\(Spot.here)の見出しを `##` で始めてください。`#` の見出しは、ページの題名に使われています"
    ),
    CheckRule(
      id: "a11y.empty-link", severity: .error,
      summary: "a link with no text a screen reader can announce",
      hint: "put words in the link, give an image inside it an alt text, or add aria-label",
      ja: "読み上げソフトが読み上げる文字のないリンク",
      jaHint:
        "\(Spot.here)のリンクに、リンク先がわかる文字を入れてください（Markdown では `[リンクの文字](…)`）。画像だけのリンクなら、画像に説明を書いてください"
    ),
    CheckRule(
      id: "a11y.empty-button", severity: .error,
      summary: "a button with no text a screen reader can announce",
      hint: "put words in the button or add aria-label",
      ja: "読み上げソフトが読み上げる文字のないボタン",
      jaHint: "\(Spot.here)のボタンに文字を入れるか、`aria-label=\"…\"` でボタンの名前を付けてください"
    ),
    CheckRule(
      id: "a11y.form-label", severity: .error,
      summary: "a form field (input, select, textarea) without a label",
      hint:
        "give it a <label for=\"its id\">, wrap it in a <label>, or add aria-label; a placeholder is not a label",
      ja: "何を入れる欄かを示す名前（ラベル）のない入力欄",
      jaHint:
        "\(Spot.here)の入力欄に、`<label for=\"…\">` で名前を付けるか、`<label>` で囲むか、`aria-label=\"…\"` を付けてください。欄の中に薄く出る文字（`placeholder`）は、名前の代わりになりません"
    ),
    CheckRule(
      id: "a11y.vague-link", severity: .warning, summary: "link text such as こちら or click here",
      hint:
        "say where the link goes, e.g. [防災アプリの使い方](…) instead of [こちら](…); links are often read out of context",
      ja: "「こちら」や「click here」のように、リンク先がわからないリンクの文字",
      jaHint:
        "\(Spot.here)のリンクの文字を、リンク先がわかる言葉にしてください。例：`[こちら](…)` ではなく `[防災アプリの使い方](…)`。リンクは、前後の文から切り離して読み上げられることがよくあります"
    ),
    CheckRule(
      id: "a11y.table-header", severity: .error, summary: "a table without header cells (<th>)",
      hint:
        "give the table a header row (in Markdown: the first row followed by |---|) so each cell is announced with its column",
      ja: "見出しの行のない表",
      jaHint:
        "\(Spot.here)の表に見出しの行を付けてください（Markdown の表では、1行目の次の行に `|---|` を書きます。HTML では見出しのセルを `<th>` にします）。そうすれば、どのセルも列の見出しと一緒に読み上げられます"
    ),
    CheckRule(
      id: "a11y.duplicate-id", severity: .error, summary: "the same id twice on a page",
      hint:
        "make ids unique; links to #id and labels that point at it reach only the first element",
      ja: "ページの中の目印（id）が、二つ以上の場所に付いています",
      jaHint: "\(Spot.here)の目印を、ページの中のほかの目印と違う名前にしてください。同じ目印が二つあると、その目印へのリンク（`#…`）では最初の場所にしか移動しません"
    ),
    CheckRule(
      id: "a11y.html-lang", severity: .error, summary: "no lang (or an empty one) on <html>",
      hint:
        "set lang=\"ja\" on <html> in the layout so screen readers read the page with a Japanese voice",
      ja: "ページの言語（`<html lang=\"ja\">`）が書かれていません",
      jaHint: "\(Spot.here)の `<html>` を `<html lang=\"ja\">` にしてください。そうすれば、読み上げソフトが日本語の音声でページを読みます"
    ),
    CheckRule(
      id: "csp.blocked", severity: .error,
      summary:
        "the page's Content-Security-Policy blocks one of its images, media, frames, scripts, stylesheets or form addresses",
      hint:
        "keep the file on this site (content/files/ or the theme's assets), or allow its site in the theme's Content-Security-Policy",
      ja:
        "このサイトの安全のための設定（Content-Security-Policy）で、ほかのサイトの画像、動画、ページ、スクリプト、見た目のファイルやフォームの送信先が止められます",
      jaHint:
        "ファイルをこのサイトに置いて（ページのファイルは content/files/、テーマのファイルは theme/assets/）、\(Spot.here)ではそこを指してください。そのサイトを信頼できるなら、テーマの Content-Security-Policy でそのサイトを許可する方法もあります"
    ),
    CheckRule(
      id: "csp.inline", severity: .error,
      summary:
        "the page's Content-Security-Policy blocks an inline <script>, <style>, style attribute, onclick= or javascript: address",
      hint: "move the code or the style into the theme's assets",
      ja:
        "このサイトの安全のための設定（Content-Security-Policy）で、ページに直接書いたスクリプトや見た目の指定（`<script>`、`<style>`、`style=\"…\"`、`onclick=`、`javascript:`）が止められます",
      jaHint: "\(Spot.here)のスクリプトや見た目の指定を、テーマのファイル（theme/assets/ の .js や .css）に移してください"
    ),
  ]

  static let byID: [String: CheckRule] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

  static func rule(_ id: String) -> CheckRule { byID[id]! }
}

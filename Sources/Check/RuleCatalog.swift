import Diagnostics

/// Every rule `portal check` reports, with its severity and the reason it exists, so
/// `portal check --list-rules`, the docs and the diagnostics agree.
public struct CheckRule: Sendable {
  public var id: String
  public var severity: Severity
  public var summary: String
  public var hint: String
  /// The summary and the hint in Japanese.
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
      ja: "リンク、フォームの送信先（`action`）やフレームのアドレスが、サイトのどのファイルにもつながっていません",
      jaHint: "アドレスを直すか、ページを追加してください。リンク先のないリンクは、読む人にとって行き止まりになります"
    ),
    CheckRule(
      id: "link.fragment", severity: .error,
      summary: "a #fragment names no id (or <a name>) on the target page",
      hint:
        "anchors are made from heading text; check the heading's spelling or link to the page without #",
      ja: "アンカー（`#…`）の名前の id（または `<a name>`）が、リンク先のページにありません",
      jaHint: "アンカーは見出しの文字から作られます。見出しの文字が合っているかを確かめるか、`#` から後を付けずにページへリンクしてください"
    ),
    CheckRule(
      id: "link.folder", severity: .warning, summary: "a link to a folder without the final /",
      hint: "end the address with / so the server does not have to redirect",
      ja: "フォルダーへのリンクの最後に `/` がありません",
      jaHint: "アドレスの最後に `/` を付けてください。付ければ、サーバーが別のアドレスへ転送しなくて済みます"
    ),
    CheckRule(
      id: "link.image", severity: .error,
      summary: "an image (src, srcset, poster) is missing from the site",
      hint: "put the image in the site's assets or fix its path",
      ja: "画像（`src`、`srcset`、`poster`）がサイトにありません",
      jaHint: "画像のファイルをサイトに置くか、画像のパスを直してください"
    ),
    CheckRule(
      id: "link.stylesheet", severity: .error, summary: "a stylesheet is missing from the site",
      hint: "check the theme's assets and the template that links the stylesheet",
      ja: "スタイルシートがサイトにありません",
      jaHint: "テーマの assets と、スタイルシートを読み込むテンプレートを確かめてください"
    ),
    CheckRule(
      id: "link.script", severity: .error, summary: "a script is missing from the site",
      hint: "check the theme's assets and the template that loads the script",
      ja: "スクリプトがサイトにありません",
      jaHint: "テーマの assets と、スクリプトを読み込むテンプレートを確かめてください"
    ),
    CheckRule(
      id: "link.resource", severity: .error,
      summary: "a <link> (icon, feed, canonical) or media source is missing from the site",
      hint: "check the template that writes the <link> and that the build writes the file",
      ja: "`<link>`（アイコン、フィード、canonical）やメディアのファイルがサイトにありません",
      jaHint: "`<link>` を書くテンプレートと、ビルドがそのファイルを作っているかを確かめてください"
    ),
    CheckRule(
      id: "link.redirect", severity: .error,
      summary: "a redirect stub (meta refresh) points at no file",
      hint: "point the redirect at the page's new address",
      ja: "転送用のページ（meta refresh）の転送先のファイルがありません",
      jaHint: "転送先を、ページの新しいアドレスに直してください"
    ),
    CheckRule(
      id: "link.outside", severity: .error,
      summary: "a relative link climbs above the site's root folder",
      hint: "remove a ../ or write the address from the site root, starting with /",
      ja: "相対リンクが、サイトの一番上のフォルダーよりも上を指しています",
      jaHint: "`../` を一つ減らすか、サイトの一番上からのアドレスを `/` で始めて書いてください"
    ),
    CheckRule(
      id: "link.base-path", severity: .error,
      summary:
        "a root-relative link lacks the base path of a site published under one (/events/ on a site at /dx/)",
      hint: "write the address with the base path; in a template, start it with {{site.home_url}}",
      ja: "パスの下に公開するサイトで、`/` から始まるアドレスにサイトの置き場所のパスがありません（`/dx/` のサイトでの `/events/`）",
      jaHint: "置き場所のパスを付けて書いてください。テンプレートでは `{{site.home_url}}` から始めます"
    ),
    CheckRule(
      id: "sitemap.missing", severity: .error,
      summary: "a sitemap.xml entry has no page in the site",
      hint: "rebuild the site; search engines would be sent to a missing page",
      ja: "sitemap.xml に書かれたページがサイトにありません",
      jaHint: "サイトをビルドし直してください。このままでは、検索エンジンが無いページへ案内されます"
    ),
    CheckRule(
      id: "sitemap.outside", severity: .error,
      summary: "a sitemap.xml entry is not under the site's base URL",
      hint: "check base_url in content/site.yml",
      ja: "sitemap.xml に書かれたアドレスが、サイトの基本のアドレス（base URL）の下にありません",
      jaHint: "content/site.yml の `base_url` を確かめてください"
    ),
    CheckRule(
      id: "external.broken", severity: .error,
      summary: "an external link answers 4xx or 5xx, or cannot be reached",
      hint:
        "fix or remove the link, or add it to check.skip in content/site.yml if the site blocks checkers",
      ja: "外部リンクが 4xx や 5xx を返すか、つながりません",
      jaHint: "リンクを直すか外してください。相手のサイトがチェックを受け付けないだけなら、content/site.yml の `check.skip` に加えてください"
    ),
    CheckRule(
      id: "external.timeout", severity: .error,
      summary: "an external link did not answer in time, after retries",
      hint: "try again later; if the site is slow but fine, add it to check.skip",
      ja: "外部リンクが、何度か試しても時間内に応答しませんでした",
      jaHint: "時間をおいて、もう一度チェックしてください。相手のサイトが遅いだけで問題がなければ、`check.skip` に加えてください"
    ),
    CheckRule(
      id: "external.redirect", severity: .warning,
      summary: "an external link moved permanently (301, 308)",
      hint: "link to the new address directly",
      ja: "外部リンクのページが、別のアドレスに移転しました（301、308）",
      jaHint: "新しいアドレスへ直接リンクしてください"
    ),
    CheckRule(
      id: "external.rate-limited", severity: .warning,
      summary: "an external site answered 429 Too Many Requests",
      hint: "nothing to fix now; the link will be checked again next time",
      ja: "外部サイトが 429 Too Many Requests（アクセスが多すぎます）と応答しました",
      jaHint: "今は直すものはありません。次のチェックで、もう一度確かめます"
    ),
    CheckRule(
      id: "a11y.img-alt", severity: .error, summary: "an image without an alt attribute",
      hint:
        "describe the image in its alt text; if it is only decoration, write alt=\"\" on purpose so screen readers skip it",
      ja: "`alt` 属性のない画像",
      jaHint: "画像の内容を代わりのテキスト（alt）に書いてください。飾りだけの画像なら、読み上げソフトが読み飛ばすように、あえて `alt=\"\"` と書いてください"
    ),
    CheckRule(
      id: "a11y.heading-order", severity: .warning, summary: "a heading level is skipped (h2 → h4)",
      hint:
        "use the next level down; screen reader users move through a page by its heading levels",
      ja: "見出しのレベルが飛んでいます（h2 → h4）",
      jaHint: "一つ下のレベルの見出しにしてください。読み上げソフトを使う人は、見出しのレベルをたどってページの中を移動します"
    ),
    CheckRule(
      id: "a11y.h1-missing", severity: .warning, summary: "a page without an h1",
      hint: "give each page one h1 with its title, usually in the page template",
      ja: "`h1` のないページ",
      jaHint: "どのページにも、ページのタイトルの `h1` を一つ置いてください。ふつうはページのテンプレートに書きます"
    ),
    CheckRule(
      id: "a11y.h1-multiple", severity: .warning, summary: "more than one h1 on a page",
      hint: "keep one h1 for the page title and make the others h2",
      ja: "一つのページに `h1` が二つ以上あります",
      jaHint:
        "本文の見出しは `##` から始めてください（`#` の見出しは、ページの題名に使われています）。テンプレートなら、ほかの `<h1>` を `<h2>` にしてください"
    ),
    CheckRule(
      id: "a11y.empty-link", severity: .error,
      summary: "a link with no text a screen reader can announce",
      hint: "put words in the link, give an image inside it an alt text, or add aria-label",
      ja: "読み上げソフトが読み上げる文字のないリンク",
      jaHint: "リンクに文字を入れるか、中の画像に代わりのテキスト（alt）を付けるか、`aria-label` を加えてください"
    ),
    CheckRule(
      id: "a11y.empty-button", severity: .error,
      summary: "a button with no text a screen reader can announce",
      hint: "put words in the button or add aria-label",
      ja: "読み上げソフトが読み上げる文字のないボタン",
      jaHint: "ボタンに文字を入れるか、`aria-label` を加えてください"
    ),
    CheckRule(
      id: "a11y.form-label", severity: .error,
      summary: "a form field (input, select, textarea) without a label",
      hint:
        "give it a <label for=\"its id\">, wrap it in a <label>, or add aria-label; a placeholder is not a label",
      ja: "ラベルのない入力欄（`input`、`select`、`textarea`）",
      jaHint:
        "`<label for=\"その id\">` を付けるか、`<label>` で囲むか、`aria-label` を加えてください。`placeholder` はラベルの代わりになりません"
    ),
    CheckRule(
      id: "a11y.vague-link", severity: .warning, summary: "link text such as こちら or click here",
      hint:
        "say where the link goes, e.g. [防災アプリの使い方](…) instead of [こちら](…); links are often read out of context",
      ja: "「こちら」や「click here」のように、リンク先がわからないリンクの文字",
      jaHint: "リンク先がわかる文字にしてください。例：`[こちら](…)` ではなく `[防災アプリの使い方](…)`。リンクは、前後の文から切り離して読まれることがよくあります"
    ),
    CheckRule(
      id: "a11y.table-header", severity: .error, summary: "a table without header cells (<th>)",
      hint:
        "give the table a header row (in Markdown: the first row followed by |---|) so each cell is announced with its column",
      ja: "見出しのセル（`<th>`）のない表",
      jaHint: "表に見出しの行を付けてください（Markdown では、1 行目の次の行に `|---|` を書きます）。そうすれば、どのセルも列の見出しと一緒に読み上げられます"
    ),
    CheckRule(
      id: "a11y.duplicate-id", severity: .error, summary: "the same id twice on a page",
      hint:
        "make ids unique; links to #id and labels that point at it reach only the first element",
      ja: "同じ id がページに二つ以上あります",
      jaHint: "id が重ならないようにしてください。`#id` へのリンクや、その id を指すラベルは、最初の要素にしか届きません"
    ),
    CheckRule(
      id: "a11y.html-lang", severity: .error, summary: "no lang (or an empty one) on <html>",
      hint:
        "set lang=\"ja\" on <html> in the layout so screen readers read the page with a Japanese voice",
      ja: "`<html>` に `lang` がありません（または空です）",
      jaHint: "レイアウトの `<html>` に `lang=\"ja\"` を付けてください。そうすれば、読み上げソフトが日本語の音声でページを読みます"
    ),
    CheckRule(
      id: "csp.blocked", severity: .error,
      summary:
        "the page's Content-Security-Policy blocks one of its images, media, frames, scripts, stylesheets or form addresses",
      hint:
        "keep the file on this site (content/files/ or the theme's assets), or allow its site in the theme's Content-Security-Policy",
      ja: "ページの Content-Security-Policy が、ページの画像、メディア、フレーム、スクリプト、スタイルシート、フォームの送信先のどれかを止めています",
      jaHint:
        "ファイルをこのサイトに置くか（content/files/ やテーマの assets）、テーマの Content-Security-Policy でそのサイトを許可してください"
    ),
    CheckRule(
      id: "csp.inline", severity: .error,
      summary:
        "the page's Content-Security-Policy blocks an inline <script>, <style>, style attribute, onclick= or javascript: address",
      hint: "move the code or the style into the theme's assets",
      ja:
        "ページの Content-Security-Policy が、ページに直接書いた `<script>`、`<style>`、`style` 属性、`onclick=` や `javascript:` のアドレスを止めています",
      jaHint: "コードやスタイルを、テーマの assets に移してください"
    ),
  ]

  static let byID: [String: CheckRule] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

  static func rule(_ id: String) -> CheckRule { byID[id]! }
}

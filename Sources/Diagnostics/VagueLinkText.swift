/// Link texts that say nothing about where the link goes (こちら, click here), compared
/// trimmed and lower-cased. One list for `portal lint` (on the Markdown) and `portal check`
/// (on the built HTML): kept in two places, they had drifted apart, and a link one command
/// called vague the other let pass.
public enum VagueLinkText {
  public static let phrases: Set<String> = [
    "こちら", "ここ", "こちらから", "ここから", "こちらへ", "こちらをクリック", "ここをクリック", "こちらをご覧ください",
    "クリック", "詳しくはこちら", "くわしくはこちら", "詳細はこちら", "詳しく", "詳細", "続き", "続きを読む", "もっと見る",
    "リンク", "click here", "click", "here", "more", "read more", "link", "this", "this page",
  ]
}

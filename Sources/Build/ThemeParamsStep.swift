import Content
import Diagnostics
import Render

/// Names of site.yml's `params` that the templates print (`{{site.params.banner}}`) checked
/// against site.yml, which the theme's own check cannot read: a name site.yml does not give
/// printed nothing (an empty お知らせ banner), passing `--strict`.
enum ThemeParams {
  static let code = "theme.unknown-param"

  /// A warning at each use of a name `params` does not have, with the name meant when one is
  /// close, or how to add it.
  static func problems(
    _ used: [(key: String, location: SourceLocation)], config: SiteConfig, configPath: String
  ) -> [Diagnostic] {
    let keys = config.params.map(\.key)
    return used.filter { !keys.contains($0.key) }.map { key, location in
      let near = Suggest.closest(to: key, in: keys.sorted())
      let hint =
        near.map { ("did you mean `site.params.\($0)`?", "`site.params.\($0)` のまちがいではありませんか") }
        // Under the `params:` site.yml has: a second `params:` would be a duplicate key.
        ?? (keys.isEmpty
          ? (
            "add it to \(configPath): `params: {\(key): …}`, or remove the tag",
            "\(configPath) に `params: {\(key): …}` を書くか、このタグを消してください"
          )
          : (
            "add `\(key): …` under `params:` in \(configPath), or remove the tag",
            "\(configPath) の `params:` の下に `\(key): …` を書くか、このタグを消してください"
          ))
      return .warning(
        location,
        "`site.params.\(key)` is not in \(configPath)'s `params`"
          + (keys.isEmpty ? " (it has none)" : "") + ": it prints nothing",
        hint: hint.0, code: code
      ).ja(
        "`site.params.\(key)` は、\(configPath) の `params` にありません。何も出力されません", hint: hint.1)
    }
  }
}

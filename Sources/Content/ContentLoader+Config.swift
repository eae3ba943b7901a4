import Diagnostics
import Foundation

extension ContentLoader {
  /// site.yml read and parsed (its config nil when it has errors, which are among the
  /// diagnostics), or the problems that stop the load: no content folder, no site.yml, or one
  /// that is not UTF-8.
  enum ConfigRead {
    case read(SiteConfig?, Data, [Diagnostic])
    case failed([Diagnostic])
  }

  static func readConfig(_ contentDirectory: URL, prefix: String, configPath: String)
    -> ConfigRead
  {
    let configURL = contentDirectory.appendingPathComponent("site.yml")
    if let missing = missingFolder(
      contentDirectory, shownAs: prefix, what: "content", code: missingCode)
    {
      return .failed([missing])
    }
    guard let configData = FileManager.default.contents(atPath: configURL.path) else {
      // There but not readable (permissions, or no file handles left): said as such, not
      // as missing, which sent a writer looking for a file that is there.
      let failure = errno
      if access(configURL.path, F_OK) == 0 {
        let reason = String(cString: strerror(failure))
        return .failed([
          .error(
            SourceLocation(file: configPath), "site.yml cannot be read: \(reason)",
            hint: "check that the file can be read, then build again", code: "config.read"
          ).ja(
            "site.yml を読み込めません（\(reason)）", hint: "ファイルを読めるかを確かめて、もう一度ビルドしてください")
        ])
      }
      return .failed(
        [
          .error(
            SourceLocation(file: configPath, line: 1, column: 1),
            "the site configuration is missing",
            hint:
              "create \(configPath) with at least `title`, `base_url` and `domains` (see docs/content-format.md)",
            code: missingCode
          ).ja(
            "サイトの設定のファイルがありません",
            hint:
              "\(configPath) を作り、少なくとも `title`、`base_url`、`domains` を書いてください（docs/content-format.md を見てください）"
          )
        ])
    }
    guard let configText = String(data: configData, encoding: .utf8) else {
      return .failed(
        [
          .error(
            SourceLocation(file: configPath), "site.yml is not valid UTF-8",
            hint: "save it as UTF-8", code: "source.encoding"
          ).ja("site.yml の文字コードが UTF-8 ではありません", hint: "UTF-8 で保存し直してください")
        ])
    }
    let (config, diagnostics) = SiteConfig.parse(configText, file: configPath)
    return .read(config, configData, diagnostics)
  }

  public static func join(_ prefix: String, _ relative: String) -> String {
    prefix.isEmpty || prefix == "."
      ? relative : (prefix.hasSuffix("/") ? prefix + relative : prefix + "/" + relative)
  }

  /// The error for a content or theme folder that does not exist, or nil when it does. Most
  /// often portal was run in another folder than the project's.
  /// - Parameter what: `content` or `theme`, which is also the name of its command-line option.
  public static func missingFolder(_ url: URL, shownAs shown: String, what: String, code: String)
    -> Diagnostic?
  {
    var isFolder: ObjCBool = false
    let fm = FileManager.default
    guard !fm.fileExists(atPath: url.path, isDirectory: &isFolder) || !isFolder.boolValue else {
      return nil
    }
    return .error(
      SourceLocation(file: shown),
      "there is no \(what) folder `\(shown)` in \(fm.currentDirectoryPath)",
      hint:
        "run portal in the project's folder (the one holding content/ and theme/), or give the folder with --\(what) DIR",
      code: code
    ).ja(
      "\(fm.currentDirectoryPath) に、\(what) フォルダー `\(shown)` がありません",
      hint:
        "プロジェクトのフォルダー（content/ と theme/ があるフォルダー）で portal を動かすか、--\(what) DIR でフォルダーを指定してください"
    )
  }

  /// A path relative to the working directory when the folder is inside it, as editors expect.
  public static func displayPath(for url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let path = url.standardizedFileURL.path
    if path == cwd { return "." }
    if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
    return path
  }
}

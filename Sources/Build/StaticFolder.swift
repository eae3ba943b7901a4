import ByteFormats
import Content
import Diagnostics
import Foundation
import Render

#if canImport(Glibc)
  import Glibc
#endif

/// The files of the static folder (`static/`, beside `content/` and `theme/`), copied byte for
/// byte to the same paths in the output: what publishing needs that no page makes (`CNAME`,
/// `.well-known/security.txt`, `_headers`, a `google<id>.html` verification file,
/// `favicon.ico`). Hidden and `_` names are copied too, unlike under content/ and theme/;
/// editor leftovers (`StaticFileList.isLeftover`) are not. A file's stamp is its output's
/// input, so an incremental build copies only the files added or changed and deletes the
/// copies of those removed, leaving what a full build writes.
struct StaticFolder: Sendable {
  struct File: Sendable, Equatable {
    /// Relative to the static folder, and so to the output, `/`-separated.
    var path: String
    var stamp: FileStamp
    /// A link to a file inside the static folder, copied as that file's bytes.
    var isLink: Bool
  }

  /// The folder's path, standardized.
  let root: String
  /// The folder as the user names it (`static`), for messages.
  let shown: String
  /// Sorted by path.
  private(set) var files: [File] = []

  /// No static folder: nothing copied.
  static let empty = StaticFolder(root: "", shown: "static")

  private init(root: String, shown: String) {
    self.root = root
    self.shown = shown
  }

  /// The output paths: every file's, and the list of them (`StaticFileList.path`) when there
  /// is one.
  var outputPaths: [String] { files.isEmpty ? [] : files.map(\.path) + [StaticFileList.path] }

  /// What each output is made from: a file's stamp (not its bytes, so an unchanged file is not
  /// read), the list's bytes.
  var inputs: [String: UInt64] {
    var inputs: [String: UInt64] = [:]
    for file in files {
      var h = StableHash()
      h.add("static")
      h.add(file.path)
      h.add(Int(file.stamp.modified))
      h.add(Int(file.stamp.size))
      h.add(Int(file.stamp.changed))
      inputs[file.path] = h.value
    }
    if let list = listFile { inputs[list.path] = StableHash.of(data: list.data) }
    return inputs
  }

  /// `.portal/static.json`, naming the copies: the next build and `portal check` read it.
  var listFile: OutputFile? {
    files.isEmpty
      ? nil
      : OutputFile(
        path: StaticFileList.path, data: Data(StaticFileList.encode(files.map(\.path))))
  }

  /// The display path of a file (`static/CNAME`).
  func shown(_ path: String) -> String { ContentLoader.join(shown, path) }

  /// Every file under `folder` (nil or missing: none), with a warning for each entry that
  /// cannot be copied (a pipe or device, a link to a folder or to nothing, a name that is not
  /// UTF-8 or holds `\`). A link leading out of the folder is the build's error
  /// (`source.link-outside`, from `SourceTree`); here it is only never read.
  static func scan(_ folder: URL?) -> (StaticFolder, [Diagnostic]) {
    guard let folder else { return (.empty, []) }
    var result = StaticFolder(
      root: folder.standardizedFileURL.path, shown: ContentLoader.displayPath(for: folder))
    let root = result.root
    guard let realRoot = LinkLeaving.realPath(root) else { return (result, []) }
    var problems: [Diagnostic] = []
    func skip(_ path: String, _ why: String, _ ja: String) {
      problems.append(
        .warning(
          SourceLocation(file: result.shown(path)), "not copied to the site: \(why)",
          hint: "remove it from \(result.shown), or replace it with the file to publish",
          code: "static.skipped"
        ).ja(
          "サイトにコピーしません：\(ja)",
          hint: "\(result.shown) から取り除くか、公開するファイルそのものに置き換えてください"))
    }
    var pending = [""]
    while let relative = pending.popLast() {
      guard let dir = opendir(relative.isEmpty ? root : root + "/" + relative) else { continue }
      defer { closedir(dir) }
      while let entry = readdir(dir) {
        let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
        if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
        let lossy = String(decoding: bytes, as: UTF8.self)
        let child = relative.isEmpty ? lossy : relative + "/" + lossy
        if StaticFileList.isLeftover(lossy) { continue }
        guard String(validating: bytes, as: UTF8.self) != nil else {
          skip(child, "its name is not UTF-8 text", "名前が UTF-8 の文字ではありません")
          continue
        }
        var st = stat()
        guard fstatat(dirfd(dir), lossy, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
        var isLink = false
        if (st.st_mode & S_IFMT) == S_IFLNK {
          isLink = true
          guard fstatat(dirfd(dir), lossy, &st, 0) == 0,
            let target = LinkLeaving.realPath(root + "/" + child)
          else {
            skip(child, "it is a link that leads nowhere", "どこにもつながらないリンクです")
            continue
          }
          guard LinkLeaving.isInside(target, realRoot) else { continue }
          if (st.st_mode & S_IFMT) == S_IFDIR {
            skip(
              child, "it is a link to a folder, which is not followed",
              "フォルダーへのリンクです（フォルダーへのリンクはたどりません）")
            continue
          }
        } else if (st.st_mode & S_IFMT) == S_IFDIR {
          pending.append(child)
          continue
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
          skip(
            child, "it is not a file (a pipe, a socket or a device)",
            "ファイルではありません（パイプ、ソケット、デバイスのどれかです）")
          continue
        }
        guard !lossy.contains("\\") else {
          skip(
            child,
            "its name holds `\\`, which Portal never writes (it separates folders on Windows)",
            "名前に `\\` があります（Windows ではフォルダーの区切りなので、Portal は書き出しません）")
          continue
        }
        result.files.append(File(path: child, stamp: FileStamp(st), isLink: isLink))
      }
    }
    result.files.sort { $0.path < $1.path }
    return (result, problems.sorted { $0.location < $1.location })
  }

  /// Reads the files at `paths` (of `outputPaths`: the list too) and hands them to `take` in
  /// chunks of at most 64 MB (a full build writes each chunk while the next is read). A file that cannot be read is an error
  /// naming it and the system's reason: the build then writes nothing.
  func copy(
    _ paths: some Sequence<String>,
    to take: ([OutputFile]) throws(OutputWriter.Failure) -> Void
  ) throws(OutputWriter.Failure) {
    let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
    var chunk: [OutputFile] = []
    var size = 0
    for path in paths {
      if path == StaticFileList.path, let list = listFile { chunk.append(list) }
      guard let file = byPath[path] else { continue }
      guard let data = Self.read(root + "/" + path, followingLink: file.isLink) else {
        let reason = FileIO.lastError
        throw .io(
          "cannot read \(shown(path)): \(reason)", ja: "\(shown(path)) を読み込めません: \(reason)")
      }
      size += data.count
      chunk.append(OutputFile(path: path, data: data))
      if size >= 64 << 20 || chunk.count >= 512 {
        try take(chunk)
        (chunk, size) = ([], 0)
      }
    }
    if !chunk.isEmpty { try take(chunk) }
  }

  /// A regular file's bytes; a file (not a link) is opened without following a link put there
  /// since the scan, and nothing but a regular file is read (a pipe would never end).
  static func read(_ path: String, followingLink: Bool) -> Data? {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLink ? 0 : O_NOFOLLOW))
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
      errno = EINVAL
      return nil
    }
    var data = Data(count: Int(st.st_size))
    let complete = data.withUnsafeMutableBytes { buffer -> Bool in
      var count = 0
      while count < buffer.count {
        let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
        if n < 0 && errno == EINTR { continue }
        if n == 0 { errno = EIO }
        if n <= 0 { return false }
        count += n
      }
      return true
    }
    return complete ? data : nil
  }

}

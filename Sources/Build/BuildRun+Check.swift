import Content
import Diagnostics
import Foundation
import Search

/// The steps before anything is loaded: the output is ours to replace, the sources changed
/// since the last build and stay inside the project, and in `portal serve` the quick way
/// when no relation changed.
extension BuildRun {
  /// Never replace something that is not ours.
  func refuseUnsafeOutput() throws(Ended) {
    do {
      try OutputWriter.validate(
        output: options.outputDirectory,
        protecting: [options.contentDirectory, options.themeDirectory]
          + (options.staticDirectory.map { [$0] } ?? []))
    } catch {
      diagnostics.append(
        .error(
          outputLocation, SiteBuilder.message(error),
          hint:
            "the build replaces its output folder (--output, -o; `site` by default) whole, so it takes only a folder of its own or one it wrote",
          code: "output.unsafe"
        ).ja(
          SiteBuilder.japaneseMessage(error),
          hint:
            "ビルドは出力フォルダー（--output、-o。書かないときは `site`）を丸ごと入れ替えるので、出力だけのフォルダーか、前にビルドが書き出したフォルダーしか使えません"
        ))
      throw Ended(report: report(0))
    }
  }

  /// Stops here if no source changed since the last build. Without a session, first only the
  /// digest of the stamps: when it is the last build's, nothing is left to do, and neither
  /// the scan's 10,000 paths nor the cache's are made.
  func stopIfUpToDate() throws(Ended) {
    progress.step("Checking sources", ja: "変わったファイルを調べています")
    guard options.incremental, session == nil else { return }
    let scan = SourceTree.scan(
      content: options.contentDirectory, theme: options.themeDirectory,
      staticFolder: options.staticDirectory)
    guard
      let head = BuildCache.loadHead(from: options.outputDirectory, ifDigest: scan.digest),
      head.settings == settings, head.sameEventSplit(at: now),
      head.outputIsThere(in: options.outputDirectory)
    else {
      // Something changed: the build goes on with this walk (`scanSources`).
      scanned = scan
      return
    }
    diagnostics = head.diagnostics
    throw Ended(report: report(0, head.pageCounts, mode: .upToDate))
  }

  /// The stamp of every source: the scan `portal serve` just made, the walk `stopIfUpToDate`
  /// made, or one made now.
  func scanSources() -> SourceTree {
    let tree =
      session?.scannedTree ?? scanned.map(SourceTree.init)
      ?? SourceTree(
        content: options.contentDirectory, theme: options.themeDirectory,
        staticFolder: options.staticDirectory)
    session?.scannedTree = nil
    scanned = nil
    return tree
  }

  /// Nothing from outside the project: a link leading out of content/, theme/ or static/
  /// would publish what it points at.
  func refuseLinksLeaving(_ tree: SourceTree) throws(Ended) {
    let leaving = linkedFolders() + linksLeaving(tree)
    guard leaving.isEmpty else {
      diagnostics += leaving
      throw Ended(report: report(0))
    }
  }

  /// The output removed behind `portal serve` (`rm -rf site`, or `rm -rf site/*`, which
  /// keeps the cache): what the session holds describes files that are gone, and writing in
  /// place failed on the missing folders.
  func forgetRemovedOutput() {
    guard let session, session.cache != nil || session.holdsSite else { return }
    let markerGone = !FileManager.default.fileExists(
      atPath: options.outputDirectory.appendingPathComponent(OutputWriter.markerFolder).path)
    guard markerGone || session.outputIsMissing(from: options.outputDirectory) else { return }
    session.forgetOutput()
  }

  /// In `portal serve`, the quick way when no relation changed (`EditInPlace`): the build
  /// ends here when it applies; else it goes the usual way.
  func editInPlace(_ tree: SourceTree) throws(Ended) {
    guard options.incremental, let session else { return }
    let edited: EditInPlace.Done?
    do {
      edited = try EditInPlace.rebuild(
        options, session: session, tree: tree, settings: settings, now: now)
    } catch {
      throw failedWrite(error)
    }
    guard let done = edited else { return }
    diagnostics = done.diagnostics
    var report = report(done.written.count, done.pageCounts, mode: .inPlace)
    report.filesDeleted = done.deleted.count
    report.changedPaths = done.written + done.deleted
    report.renderedPaths = done.rendered
    throw Ended(report: report)
  }

  /// The head of the last build's cache when this build can build on it (the same settings);
  /// the build stops here, up to date, when no source changed since and no event moved
  /// between upcoming and past.
  func stopIfUnchanged(_ tree: SourceTree) throws(Ended) -> BuildCache? {
    var previous: BuildCache?
    if options.incremental {
      previous = session?.cache ?? BuildCache.loadHead(from: options.outputDirectory)
      if previous?.settings != settings { previous = nil }
      // Its outputs gone (`rm -rf site/*`): the cache describes nothing; all is built again.
      if previous?.outputIsThere(in: options.outputDirectory) == false { previous = nil }
    }
    if let previous, previous.tree == tree, previous.sameEventSplit(at: now),
      session?.resolvesWhenUpToDate != true || session?.holdsSite == true
    {
      session?.cache = previous
      diagnostics = previous.diagnostics
      throw Ended(report: report(0, previous.pageCounts, mode: .upToDate))
    }
    return previous
  }

  /// Until this build succeeds, the session holds no site to edit in place. Returns its
  /// search documents: what the previous index was made from.
  func takeKeptSite() -> SearchDocuments? {
    let keptSearch = session?.resolved?.search
    session?.resolved = nil
    return keptSearch
  }

  /// Reads the rest of the last build's cache (the head alone was read); a cache whose state
  /// cannot be read is none, and the build is a full one.
  func readState(of previous: inout BuildCache?) {
    if previous?.hasState == false,
      previous?.loadState(from: options.outputDirectory, contentDirectory: options.contentDirectory)
        != true
    {
      previous = nil
    }
  }

  /// An error for the content, theme or static folder when it is itself a symbolic link: a
  /// pull request adding `static -> .git` would publish the checkout's `.git/config`, where CI
  /// keeps its token. The folder meant is given by its own path instead (`--static DIR`).
  private func linkedFolders() -> [Diagnostic] {
    let folders =
      [("content", options.contentDirectory), ("theme", options.themeDirectory)]
      + (options.staticDirectory.map { [("static", $0)] } ?? [])
    return folders.compactMap { what, folder in
      var st = stat()
      let path = folder.standardizedFileURL.path
      guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { return nil }
      let target = OutputWriter.realPath(path)
      return .error(
        SourceLocation(file: ContentLoader.displayPath(for: folder)),
        "the \(what) folder is a link to `\(target)`: the build would publish what that folder holds",
        hint:
          "give the folder itself, --\(what) \(target), if it is meant (a link in the project may lead anywhere, such as .git)",
        code: "source.link-outside"
      ).ja(
        "\(what) フォルダーは `\(target)` へのリンクです。そのままでは、リンク先のフォルダーの中身を公開してしまいます",
        hint:
          "そのフォルダーで正しければ、フォルダーそのものを --\(what) \(target) と指定してください（プロジェクトの中のリンクは、.git のような、どこにでも向けられます）"
      )
    }
  }

  /// An error for each link of the scan that leads out of the content, theme or static folder.
  private func linksLeaving(_ tree: SourceTree) -> [Diagnostic] {
    tree.linksLeaving(
      content: options.contentDirectory, theme: options.themeDirectory,
      staticFolder: options.staticDirectory
    ).map { key, target in
      let (folder, what) =
        key.hasPrefix("c/")
        ? (options.contentDirectory, "content")
        : key.hasPrefix("s/")
          ? (options.staticDirectory ?? options.themeDirectory, "static")
          : (options.themeDirectory, "theme")
      return LinkLeaving.error(
        file: ContentLoader.join(ContentLoader.displayPath(for: folder), String(key.dropFirst(2))),
        target: target, folder: what)
    }
  }
}

import Build
import Content
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Serve

/// A temporary copy of the valid fixture site with the repository's theme.
func fixtureSite() throws -> URL {
  let dir = try temporaryFolder("serve")
  try FileManager.default.copyItem(
    at: repoRoot.appendingPathComponent("Tests/BuildTests/Fixtures/valid/content"),
    to: dir.appendingPathComponent("content"))
  try FileManager.default.copyItem(
    at: repoRoot.appendingPathComponent("theme"), to: dir.appendingPathComponent("theme"))
  return dir
}

/// A rebuild loop over the fixture site in `dir`, building into `dir/site` at the real clock,
/// logging nothing.
func fixtureLoop(_ dir: URL) -> RebuildLoop {
  RebuildLoop(
    options: BuildOptions(
      contentDirectory: dir.appendingPathComponent("content"),
      themeDirectory: dir.appendingPathComponent("theme"),
      outputDirectory: dir.appendingPathComponent("site"), now: DateTime(date: Date())),
    live: LiveReload(), log: { _ in })
}

/// Build options over a fresh copy of the fixture site, with the clock now.
func fixtureBuildOptions() throws -> BuildOptions {
  let dir = try fixtureSite()
  return BuildOptions(
    contentDirectory: dir.appendingPathComponent("content"),
    themeDirectory: dir.appendingPathComponent("theme"),
    outputDirectory: dir.appendingPathComponent("site"), now: DateTime(date: Date()))
}

/// The port the server reports once it listens.
final class PortBox: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Int?
  var port: Int? { lock.withLock { value } }
  func set(_ p: Int) { lock.withLock { value = p } }

  /// The port once the server listens (after its first build), waiting up to 30 s.
  func listening() async throws -> Int {
    var waited = 0
    while port == nil && waited < 600 {
      try await Task.sleep(for: .milliseconds(50))
      waited += 1
    }
    return try #require(port)
  }
}

/// Runs the server above the tests' priority: under `swift test --parallel` its answers would
/// otherwise wait behind other suites' tests queued for the same two threads of the pool.
func start(_ server: PreviewServer, _ box: PortBox) -> Task<Void, any Error> {
  Task(priority: .high) { try await server.run(onReady: { box.set($0) }) }
}

@Suite(.serialized) struct ServeTests {
  /// 127.0.0.1 by default, so no other computer can open the preview; `--host 0.0.0.0` lets a
  /// phone on the same network open it (checked through this computer's own network address,
  /// when it has one besides loopback).
  /// A vague link text is both a lint warning and a check finding at the same place: the
  /// panel lists it once; the same lint warning elsewhere stays.
  /// The overlay lists site.yml's and the theme's errors first: a field id misspelt in
  /// site.yml is an error at every page naming it too, and the cause was listed last.
  @Test func theOverlayListsTheCauseFirst() {
    func error(_ file: String) -> Diagnostic {
      .error(SourceLocation(file: file, line: 1, column: 1), "x", code: "x")
    }
    let errors = [
      error("content/initiatives/a.md"), error("content/site.yml"),
      error("content/initiatives/b.md"),
      error("theme/templates/layout.mustache"),
    ]
    #expect(
      LiveReload.causesFirst(errors).map(\.location.file) == [
        "content/site.yml", "theme/templates/layout.mustache", "content/initiatives/a.md",
        "content/initiatives/b.md",
      ])
  }

  @Test func thePanelListsAFindingOfLintAndCheckOnce() {
    let here = SourceLocation(file: "content/a.md", line: 18, column: 5)
    let there = SourceLocation(file: "content/a.md", line: 20, column: 1)
    let lint: [Diagnostic] = [
      .warning(here, "vague", code: "lint.vague-link-text"),
      .warning(there, "vague", code: "lint.vague-link-text"),
      .warning(here, "long", code: "lint.sentence-length"),
    ]
    let checked: [Diagnostic] = [.warning(here, "vague", code: "a11y.vague-link")]
    let kept = PageProblems.withoutRepeats(lint, of: checked)
    #expect(kept.map(\.location) == [there, here])
    #expect(kept.map(\.code) == ["lint.vague-link-text", "lint.sentence-length"])
  }

  @Test func listensOnlyWhereAsked() async throws {
    let options = try fixtureBuildOptions()
    let network = PreviewServer.networkAddresses().first
    for host in ["127.0.0.1", "0.0.0.0"] {
      let server = PreviewServer(options: .init(build: options, port: 0, host: host), log: { _ in })
      let box = PortBox()
      let running = start(server, box)
      let port = try await box.listening()
      #expect(try await HTTPTestClient(port: port).get("/").status == 200, "\(host)")
      // A page elsewhere that points its own domain at this computer (DNS rebinding) is not
      // answered; this computer's names and addresses are.
      for (name, status) in [
        ("attacker.example", 421), ("attacker.example:\(port)", 421), ("localhost:\(port)", 200),
        ("127.0.0.1:\(port)", 200), ("[::1]:\(port)", 200),
      ] {
        let r = try await HTTPTestClient(port: port, hostHeader: name).get("/")
        #expect(r.status == status, "\(host), Host: \(name)")
      }
      // Not the cache or the source map; a folder's redirect stays on this site.
      #expect(try await HTTPTestClient(port: port).get("/.portal/cache/head.bin").status == 404)
      let folder = try await HTTPTestClient(port: port).get("//events")
      #expect(folder.status == 301 && folder.headers["location"] == "/events/", "\(folder)")
      if let network {
        let fromNetwork = try? await HTTPTestClient(port: port, host: network).get("/")
        #expect(fromNetwork?.status == (host == "0.0.0.0" ? 200 : nil), "\(host) from \(network)")
      }
      await server.stop()
      _ = try? await running.value
    }
  }

  /// A page that leaves (a tab closed, or hidden: live.js lets its connection go) ends its
  /// event stream by the next heartbeat, not at the next rebuild: each such connection was
  /// kept open, and a thousand ran the server out of files.
  @Test func eventStreamsOfPagesThatLeftAreClosed() async throws {
    let options = try fixtureBuildOptions()
    let server = PreviewServer(
      options: .init(build: options, port: 0, heartbeat: .milliseconds(100)), log: { _ in })
    let box = PortBox()
    let running = start(server, box)
    defer { running.cancel() }
    let client = HTTPTestClient(port: try await box.listening())
    var streams: [HTTPTestClient.EventStream] = []
    for _ in 0..<8 {
      let events = try client.events("/_portal/events")
      #expect(await events.wait(for: "retry:") != nil)
      streams.append(events)
    }
    let kept = try client.events("/_portal/events")
    defer { kept.close() }
    #expect(await kept.wait(for: ": ping") != nil)
    #expect(await server.liveClients == 9)
    for events in streams { events.close() }
    var open = await server.liveClients
    for _ in 0..<100 where open > 1 {
      try await Task.sleep(for: .milliseconds(50))
      open = await server.liveClients
    }
    #expect(open == 1)
    await server.stop()
    _ = try? await running.value
  }

  /// A client that starts a request and never finishes it is closed after the idle time; an
  /// event stream, with its heartbeat, stays open past it.
  @Test func aConnectionThatSendsNothingIsClosed() async throws {
    let options = try fixtureBuildOptions()
    let server = PreviewServer(
      options: .init(
        build: options, port: 0, heartbeat: .milliseconds(100), idleTimeout: .milliseconds(500)),
      log: { _ in })
    let box = PortBox()
    let running = start(server, box)
    defer { running.cancel() }
    let port = try await box.listening()
    let events = try HTTPTestClient(port: port).events("/_portal/events")
    defer { events.close() }
    // Half a request's head, then nothing.
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { Glibc.close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    #expect(connected == 0)
    let head = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    _ = head.withCString { send(fd, $0, strlen($0), 0) }
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var buffer = [UInt8](repeating: 0, count: 64)
    let started = Date()
    let n = recv(fd, &buffer, buffer.count, 0)
    #expect(n == 0, "closed by the server, not timed out by the client")
    #expect(Date().timeIntervalSince(started) < 4)
    // The event stream outlived the idle time.
    let seen = events.received.count
    #expect(await events.wait(for: ": ping", after: seen) != nil)
    await server.stop()
    _ = try? await running.value
  }

  /// Both ways of noticing edits: inotify, and polling (`portal serve --poll`).
  @Test(arguments: [false, true]) func servesRebuildsReloadsAndShowsErrors(poll: Bool)
    async throws
  {
    let dir = try fixtureSite()
    let output = dir.appendingPathComponent("site")
    let options = BuildOptions(
      contentDirectory: dir.appendingPathComponent("content"),
      themeDirectory: dir.appendingPathComponent("theme"), outputDirectory: output,
      now: DateTime(date: Date()))
    let server = PreviewServer(
      options: .init(build: options, port: 0, poll: poll, pollInterval: .milliseconds(100)),
      log: { _ in })
    let box = PortBox()
    let running = start(server, box)
    defer { running.cancel() }

    let port = try await box.listening()
    let client = HTTPTestClient(port: port)

    // A page, with the live-reload script added while serving but not in the built file.
    let page = try await client.get("/initiatives/ai-disaster/")
    #expect(page.status == 200)
    #expect(page.headers["content-type"] == "text/html; charset=utf-8")
    #expect(page.body.contains("AIを活用した防災対策"))
    #expect(page.body.contains(#"<script src="/_portal/live.js" data-version=""#))
    #expect(page.body.contains(#"-0" defer></script></body>"#))
    let built = try String(
      contentsOf: output.appendingPathComponent("initiatives/ai-disaster/index.html"),
      encoding: .utf8)
    #expect(!built.contains("_portal"))

    // The home page too (a catch-all route does not match `/`).
    let home = try await client.get("/")
    #expect(home.status == 200)
    #expect(home.body.contains("/_portal/live.js"))

    // Folders redirect to their slash form; misses get 404.html with status 404.
    #expect(try await client.get("/initiatives").status == 301)
    let missing = try await client.get("/no/such/page/")
    #expect(missing.status == 404)
    #expect(missing.body.contains("<html"))
    #expect(
      try await client.get("/_portal/live.js").headers["content-type"]
        == "text/javascript; charset=utf-8"
    )
    #expect(try await client.get("/../../etc/passwd").status == 404)
    // What lint and check say about the page, for its panel; a list, made by the theme alone,
    // gets what check says of its built file; an address that is no page gets nothing.
    let lint = try await client.get("/_portal/problems?path=%2Finitiatives%2Fai-disaster%2F")
    #expect(lint.status == 200)
    #expect(lint.headers["content-type"] == "application/json; charset=utf-8")
    #expect(lint.body.hasPrefix(#"{"diagnostics":["#))
    #expect(lint.body.hasSuffix(#"initiatives/ai-disaster.md"}"#))
    let list = try await client.get("/_portal/problems?path=%2Finitiatives%2F")
    #expect(list.status == 200)
    #expect(list.body.hasSuffix(#"initiatives/index.html"}"#))
    #expect(try await client.get("/_portal/problems?path=%2Fno%2Fsuch%2F").status == 404)

    // Edit a page: the change is served and open pages are told to reload.
    let events = try client.events("/_portal/events")
    defer { events.close() }
    #expect(await events.wait(for: "retry:") != nil)
    let file = dir.appendingPathComponent("content/initiatives/ai-disaster.md")
    var text = try String(contentsOf: file, encoding: .utf8)
    text = text.replacingOccurrences(of: "避難|ひなん}の情報が早く届きます。", with: "避難|ひなん}の情報がすぐに届きます。")
    try text.write(to: file, atomically: true, encoding: .utf8)
    // Editors (and atomic writes) may show up as two changes; wait for the one with the page.
    let reload = await events.wait(for: "initiatives\\/ai-disaster\\/index.html")
    #expect(reload?.contains("event: reload") == true)
    #expect(try await client.get("/initiatives/ai-disaster/").body.contains("すぐに届きます"))

    // Break the front matter: an error event with file and line; the old page stays.
    let before = events.received.count
    try text.replacingOccurrences(of: "status: active", with: "status: actve").write(
      to: file, atomically: true, encoding: .utf8)
    let error = await events.wait(for: "event: build-error", after: before)
    #expect(error?.contains("ai-disaster.md") == true)
    #expect(error?.contains("\"line\":5") == true)
    #expect(error?.contains("unknown status") == true)
    let stale = try await client.get("/initiatives/ai-disaster/")
    #expect(stale.status == 200)
    #expect(stale.body.contains("すぐに届きます"))

    // A page opened now gets the error at once.
    let late = try client.events("/_portal/events")
    defer { late.close() }
    #expect(await late.wait(for: "event: build-error") != nil)

    // Fixing it reloads again.
    let beforeFix = events.received.count
    try text.write(to: file, atomically: true, encoding: .utf8)
    #expect(await events.wait(for: "event: reload", after: beforeFix) != nil)

    // A body edit, rebuilt in place, also reloads.
    let beforeBody = events.received.count
    try (text + "\n最後の追記です。\n").write(to: file, atomically: true, encoding: .utf8)
    #expect(await events.wait(for: "event: reload", after: beforeBody) != nil)
    #expect(try await client.get("/initiatives/ai-disaster/").body.contains("最後の追記です"))

    // A page renamed: the reload says where it went, for a tab that shows it to follow.
    let beforeRename = events.received.count
    let folder = dir.appendingPathComponent("content/events")
    try FileManager.default.moveItem(
      at: folder.appendingPathComponent("past-forum.md"),
      to: folder.appendingPathComponent("forum-2025.md"))
    let moved = await events.wait(for: "\"moved\"", after: beforeRename)
    #expect(
      moved?.contains(#""moved":{"events\/past-forum\/index.html":"\/events\/forum-2025\/"}"#)
        == true)

    await server.stop()
    _ = try? await running.value
    // Stopping wrote the cache kept in memory: a later `portal build` has nothing to do.
    var later = options
    later.now = DateTime(date: Date())
    #expect(SiteBuilder.build(later).mode == .upToDate)
  }

  /// Started on an output that is up to date, the server resolves the site once, writing
  /// nothing, so the first save is rebuilt in place like the ones after it, and is prepared
  /// for edits.
  @Test func upToDateStartResolvesTheSiteForQuickEdits() async throws {
    let dir = try fixtureSite()
    defer { try? FileManager.default.removeItem(at: dir) }
    let output = dir.appendingPathComponent("site")
    let options = BuildOptions(
      contentDirectory: dir.appendingPathComponent("content"),
      themeDirectory: dir.appendingPathComponent("theme"), outputDirectory: output,
      now: DateTime(date: Date()))
    #expect(SiteBuilder.build(options).succeeded)
    let before = stamps(output)
    let loop = RebuildLoop(options: options, live: LiveReload(), log: { _ in })
    #expect(await loop.build().mode == .upToDate)
    #expect(!loop.session.holdsSite)
    let running = Task(priority: .high) { await loop.run(interval: .milliseconds(100)) }
    defer { running.cancel() }
    for _ in 0..<100 where !loop.session.holdsSite {
      try await Task.sleep(for: .milliseconds(50))
    }
    #expect(loop.session.holdsSite)
    // Then, while no save waits, what the first edit would make.
    for _ in 0..<100 where !loop.session.isPreparedForEdits {
      try await Task.sleep(for: .milliseconds(50))
    }
    #expect(loop.session.isPreparedForEdits)
    #expect(stamps(output) == before, "resolving wrote to the output")
  }

  /// A stop asked for while the first build runs is kept: the server does not start once the
  /// build ends (it used to, and then never stopped, its live reload closed).
  @Test func aStopDuringTheFirstBuildIsKept() async throws {
    let dir = try fixtureSite()
    defer { try? FileManager.default.removeItem(at: dir) }
    let options = BuildOptions(
      contentDirectory: dir.appendingPathComponent("content"),
      themeDirectory: dir.appendingPathComponent("theme"),
      outputDirectory: dir.appendingPathComponent("site"), now: DateTime(date: Date()))
    let server = PreviewServer(options: .init(build: options, port: 0), log: { _ in })
    let box = PortBox()
    #expect(server.isInFirstBuild)
    let running = start(server, box)
    await server.stop()
    try await running.value
    #expect(box.port == nil)
    #expect(!server.isInFirstBuild)
  }

  /// An edit saved after the first build scanned the sources, but before watching began, is
  /// built at once instead of being taken as already built.
  @Test(arguments: [false, true]) func editDuringTheFirstBuildIsBuilt(poll: Bool) async throws {
    let dir = try fixtureSite()
    defer { try? FileManager.default.removeItem(at: dir) }
    let output = dir.appendingPathComponent("site")
    let loop = fixtureLoop(dir)
    #expect(await loop.build().succeeded)
    let file = dir.appendingPathComponent("content/initiatives/ai-disaster.md")
    try (try String(contentsOf: file, encoding: .utf8) + "\n途中で保存した一文です。\n").write(
      to: file, atomically: true, encoding: .utf8)
    let running = Task(priority: .high) {
      await loop.run(interval: .milliseconds(100), watch: !poll)
    }
    defer { running.cancel() }
    let page = output.appendingPathComponent("initiatives/ai-disaster/index.html")
    var seen = false
    for _ in 0..<40 where !seen {
      try await Task.sleep(for: .milliseconds(50))
      seen = (try? String(contentsOf: page, encoding: .utf8))?.contains("途中で保存した一文") == true
    }
    #expect(seen)
  }

  /// The panel lists `portal lint`'s warnings on the page's file as saved, and `portal check`'s
  /// findings on the page as built, placed in the Markdown; the page is found from its address
  /// in any of its forms.
  @Test func findsWhatLintAndCheckSayAboutThePageShown() async throws {
    let dir = try fixtureSite()
    defer { try? FileManager.default.removeItem(at: dir) }
    let loop = fixtureLoop(dir)
    let files = dir.appendingPathComponent("content/files")
    try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
    try Data(count: 2_202_009).write(to: files.appendingPathComponent("plan.pdf"))
    // A PNG's header (1600 × 1200) and 600 KB after it.
    func be32(_ v: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8(v >> $0 & 0xFF) } }
    let header: [UInt8] =
      [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + Array("IHDR".utf8)
      + be32(1600) + be32(1200) + [8, 2, 0, 0, 0]
    try Data(header + [UInt8](repeating: 0, count: 600_000)).write(
      to: files.appendingPathComponent("photo.png"))
    #expect(await loop.build().succeeded)
    let file = dir.appendingPathComponent("content/initiatives/ai-disaster.md")
    let text = try String(contentsOf: file, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    let long = String(repeating: "県の取組を説明する長い文が続き", count: 10) + "ます。"
    let anchor = "[基本の考え方](../strategy/basics.md#ないみだし)を読みます。"
    let pdf = "[計画](../files/plan.pdf)を読みます。\n\n![会場の写真](../files/photo.png)"
    // The summary is read too, at its own line.
    let summary = text.replacingOccurrences(
      of: "summary: AIで災害の情報を早く集めます。", with: "summary: AIでレジリエンスを高めます。")
    try (summary + "\n" + long + "\n\n" + anchor + "\n\n" + pdf + "\n").write(
      to: file, atomically: true, encoding: .utf8)
    // The size of the site's file, as `portal lint` gives it.
    let panel = try #require(await loop.problems(url: "/initiatives/ai-disaster/"))
    let fileLink = panel.diagnostics.first { $0.code == "lint.file-link" }
    #expect(fileLink?.location.line == lines + 5)
    #expect(fileLink?.hint?.hasSuffix("（PDF・2.1MB）") == true, "\(String(describing: fileLink))")
    let weight = panel.diagnostics.first { $0.code == "lint.image-weight" }
    #expect(weight?.message.hasPrefix("this image is 586KB (1600 × 1200 px,") == true)
    func codes(_ url: String) async throws -> [String: Int] {
      let found = try #require(await loop.problems(url: url), "\(url)")
      #expect(found.path.hasSuffix("content/initiatives/ai-disaster.md"))
      var lines: [String: Int] = [:]
      for d in found.diagnostics { lines[d.code ?? ""] = d.location.line }
      return lines
    }
    // Saved, not yet built: lint reads the file as it is now; check reads the built page.
    for url in [
      "/initiatives/ai-disaster/", "/initiatives/ai-disaster",
      "/initiatives/ai-disaster/index.html",
    ] {
      let found = try await codes(url)
      #expect(found["lint.sentence-length"] == lines + 1, "\(found)")
      #expect(found["lint.katakana-word"] == 3, "\(found)")
      #expect(found["link.fragment"] == nil)
    }
    #expect(await loop.build().succeeded)
    // The broken anchor, once: the build's warning (the link as written), not the check's too.
    let built = try await codes("/initiatives/ai-disaster/")
    #expect(built["content.heading-link"] == lines + 3, "\(built)")
    #expect(built["link.fragment"] == nil, "\(built)")
    // The heading added to the page linked: the next build's answer knows it (what was read of
    // the site for the panel is not kept across builds).
    let basics = dir.appendingPathComponent("content/strategy/basics.md")
    try (try String(contentsOf: basics, encoding: .utf8) + "\n## ないみだし\n\n説明です。\n").write(
      to: basics, atomically: true, encoding: .utf8)
    #expect(await loop.build().succeeded)
    let mended = try await codes("/initiatives/ai-disaster/")
    #expect(mended["link.fragment"] == nil && mended["content.heading-link"] == nil, "\(mended)")
    // A list is the theme's page: its built file, and what check says of it (nothing here).
    let list = await loop.problems(url: "/initiatives/")
    #expect(list?.path.hasSuffix("initiatives/index.html") == true)
    #expect(list?.diagnostics == [])
    #expect(await loop.problems(url: "/no/such/page/") == nil)
    // The theme's warnings are shown on every page, a list's and a content page's alike.
    let css = dir.appendingPathComponent("theme/assets/style.css")
    try (try String(contentsOf: css, encoding: .utf8) + "\n.banner {\n  color: red;\n").write(
      to: css, atomically: true, encoding: .utf8)
    #expect(await loop.build().succeeded)
    for url in ["/initiatives/", "/initiatives/ai-disaster/"] {
      let shown = await loop.problems(url: url)?.diagnostics.compactMap(\.code) ?? []
      #expect(shown.contains("theme.css-brace"), "\(url): \(shown)")
    }
    let json = String(
      decoding: PageProblems.json(file: "content/a.md", diagnostics: []), as: UTF8.self)
    #expect(json == #"{"diagnostics":[],"file":"content/a.md"}"#)
    // The panel speaks the writer's language: the Japanese words where there are some.
    let problem = Diagnostic.warning(
      SourceLocation(file: "content/a.md", line: 2, column: 1), "long", hint: "split it",
      code: "lint.sentence-length"
    ).ja("長い文です", hint: "分けてください")
    let japanese = String(
      decoding: PageProblems.json(
        file: "content/a.md", diagnostics: [problem], language: .japanese), as: UTF8.self)
    #expect(japanese.contains(#""message":"長い文です""#) && japanese.contains(#""hint":"分けてください""#))
    #expect(!japanese.contains("split it") && !japanese.contains("japanese"))
    let english = String(
      decoding: PageProblems.json(
        file: "content/a.md", diagnostics: [problem], language: .english), as: UTF8.self)
    #expect(english.contains(#""message":"long""#) && !english.contains("長い"))
  }

  /// HEAD answers as GET without the body; redirects are not kept by the browser; a file
  /// whose name has `#`, `?` or `%` is found from its encoded address; before any site was
  /// built a miss is a page that loads the live script (so the errors show and it reloads);
  /// each page is told the site's version as it connects, and carries the version it was
  /// served at (a page served before a rebuild it did not hear of reloads when it connects).
  /// The version a served page's live script carries (`data-version`).
  static func version(in html: String) -> String? {
    guard let start = html.range(of: #"data-version=""#) else { return nil }
    return String(html[start.upperBound...].prefix { $0 != "\"" })
  }

  @Test func headRedirectsEncodedNamesAndNoSiteYet() async throws {
    let dir = try fixtureSite()
    defer { try? FileManager.default.removeItem(at: dir) }
    let page = dir.appendingPathComponent("content/initiatives/ai-disaster.md")
    let good = try String(contentsOf: page, encoding: .utf8)
    try good.replacingOccurrences(of: "status: active", with: "status: actve").write(
      to: page, atomically: true, encoding: .utf8)
    let options = BuildOptions(
      contentDirectory: dir.appendingPathComponent("content"),
      themeDirectory: dir.appendingPathComponent("theme"),
      outputDirectory: dir.appendingPathComponent("site"), now: DateTime(date: Date()))
    let server = PreviewServer(options: .init(build: options, port: 0), log: { _ in })
    let box = PortBox()
    let running = start(server, box)
    defer { running.cancel() }
    let client = HTTPTestClient(port: try await box.listening())
    // The first build failed: no site, but the miss loads the live script.
    let missing = try await client.get("/")
    #expect(missing.status == 404)
    #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
    #expect(missing.body.contains("/_portal/live.js"))
    let served = try #require(Self.version(in: missing.body))
    #expect(served.hasSuffix("-0"))
    let events = try client.events("/_portal/events")
    try good.write(to: page, atomically: true, encoding: .utf8)
    #expect(await events.wait(for: "event: reload", seconds: 20) != nil, "\(events.received)")
    #expect(events.received.contains("event: hello\ndata: {\"version\":\"\(served)\"}"))
    // The reload says the new version and what changed, from the site's base path.
    let run = served.dropLast(2)
    #expect(events.received.contains("\"version\":\"\(run)-1\""), "\(events.received)")
    #expect(events.received.contains("\"base\":\"\\/\""), "\(events.received)")
    events.close()
    let again = try client.events("/_portal/events")
    #expect(
      await again.wait(for: "event: hello\ndata: {\"version\":\"\(run)-1\"}") != nil,
      "\(again.received)")
    again.close()
    // A page served now carries the new version.
    #expect(Self.version(in: try await client.get("/").body) == "\(run)-1")
    // HEAD: the status and headers of GET, no body.
    let get = try await client.get("/")
    let head = try await client.get("/", method: "HEAD")
    #expect(get.status == 200 && head.status == 200)
    #expect(head.body.isEmpty && head.headers["content-length"] == get.headers["content-length"])
    #expect(head.headers["content-type"] == "text/html; charset=utf-8")
    // The preview's own addresses answer HEAD too; the event stream's without subscribing.
    let clients = await server.liveClients
    let stream = try await client.get("/_portal/events", method: "HEAD")
    #expect(stream.status == 200 && stream.body.isEmpty)
    #expect(stream.headers["content-type"] == "text/event-stream; charset=utf-8")
    #expect(await server.liveClients <= clients)
    for address in ["/_portal/live.js", "/_portal/live.css", "/_portal/problems?path=/"] {
      let (get, head) = (
        try await client.get(address), try await client.get(address, method: "HEAD")
      )
      #expect(head.status == get.status && head.body.isEmpty, "\(address)")
      #expect(head.headers["content-length"] == get.headers["content-length"], "\(address)")
    }
    // Other methods: not allowed, saying which are.
    let post = try await client.get("/", method: "POST")
    #expect(post.status == 405 && post.headers["allow"] == "GET, HEAD")
    #expect(try await client.get("/events/", method: "OPTIONS").status == 405)
    #expect(try await client.get("/events/", method: "TRACE").status == 405)
    let redirect = try await client.get("/events")
    #expect(redirect.status == 301 && redirect.headers["cache-control"] == "no-store")
    // A published file named with characters that must be encoded in its address.
    let files = dir.appendingPathComponent("site/files")
    try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
    for name in ["note#1.txt", "what?.txt", "100%.txt"] {
      try Data(name.utf8).write(to: files.appendingPathComponent(name))
    }
    for (address, name) in [
      ("/files/note%231.txt", "note#1.txt"), ("/files/what%3F.txt?x=1", "what?.txt"),
      ("/files/100%25.txt", "100%.txt"),
    ] {
      let r = try await client.get(address)
      #expect(r.status == 200 && r.body == name, "\(address)")
    }
    // Parts of a file, as a browser asks to seek in a video; pages are always whole.
    try Data("0123456789".utf8).write(to: files.appendingPathComponent("clip.mp4"))
    let whole = try await client.get("/files/clip.mp4")
    #expect(whole.status == 200 && whole.headers["accept-ranges"] == "bytes")
    let part = try await client.get("/files/clip.mp4", headers: ["Range": "bytes=2-4"])
    #expect(part.status == 206 && part.body == "234")
    #expect(part.headers["content-range"] == "bytes 2-4/10")
    #expect(part.headers["content-type"] == "video/mp4")
    let tail = try await client.get("/files/clip.mp4", headers: ["Range": "bytes=-3"])
    #expect(tail.status == 206 && tail.body == "789")
    let past = try await client.get("/files/clip.mp4", headers: ["Range": "bytes=10-"])
    #expect(past.status == 416 && past.headers["content-range"] == "bytes */10")
    let headPart = try await client.get(
      "/files/clip.mp4", method: "HEAD", headers: ["Range": "bytes=5-"])
    #expect(headPart.status == 206 && headPart.headers["content-length"] == "5")
    #expect(headPart.body.isEmpty)
    let guarded = try await client.get(
      "/files/clip.mp4", headers: ["Range": "bytes=2-4", "If-Range": "\"v1\""])
    #expect(guarded.status == 200 && guarded.body == "0123456789")
    // A file of several chunks (`chunkBytes`), sent as it is read: whole, a part across
    // chunks, and HEAD (which reads nothing) all say its length.
    let large = (0..<(PreviewServer.chunkBytes * 5 / 2)).map { UInt8(ascii: "a") + UInt8($0 % 26) }
    try Data(large).write(to: files.appendingPathComponent("talk.mp4"))
    let long = try await client.get("/files/talk.mp4")
    #expect(long.status == 200 && long.body.utf8.elementsEqual(large))
    #expect(long.headers["content-length"] == String(large.count))
    let from = PreviewServer.chunkBytes - 3
    let across = try await client.get(
      "/files/talk.mp4", headers: ["Range": "bytes=\(from)-\(from + PreviewServer.chunkBytes)"])
    #expect(across.status == 206)
    #expect(across.body.utf8.elementsEqual(large[from...(from + PreviewServer.chunkBytes)]))
    let longHead = try await client.get("/files/talk.mp4", method: "HEAD")
    #expect(longHead.headers["content-length"] == String(large.count) && longHead.body.isEmpty)
    // A redirect keeps the query: the search's words typed into an address without its slash.
    let query = try await client.get("/events?q=%E5%AD%90")
    #expect(query.status == 301 && query.headers["location"] == "/events/?q=%E5%AD%90")
    let pageAsked = try await client.get("/", headers: ["Range": "bytes=0-9"])
    #expect(pageAsked.status == 200 && pageAsked.body.contains("/_portal/live.js"))
    await server.stop()
    _ = try? await running.value
  }

  /// A reload lists the pages, not the search index's thousands of files; over 2,000 pages,
  /// none (every page reloads).
  @Test func aReloadListsPagesAndTheSearchOnce() {
    #expect(
      LiveReload.listed(["a/index.html", "search/p/1.json", "search/index.json", "style.css"])
        == ["a/index.html", "style.css", "search/"])
    #expect(LiveReload.listed(["a/index.html"]) == ["a/index.html"])
    #expect(LiveReload.listed((0..<2_001).map { "p\($0)/index.html" }).isEmpty)
  }

  /// A page that stops reading its events (a frozen tab, a client that never reads) is let go
  /// once its backlog is full, not sent every later event to keep in memory.
  @Test func aStreamNotReadIsLetGo() async {
    let live = LiveReload()
    let unread = await live.subscribe()
    #expect(await live.clientCount == 1)
    for _ in 0..<LiveReload.backlog { await live.ping() }
    await Task.yield()
    #expect(await live.clientCount == 0)
    var received = 0
    for await _ in unread { received += 1 }
    #expect(received == LiveReload.backlog)
  }

  @Test func byteRanges() {
    #expect(ByteRanges.outcome(for: nil, length: 10) == .whole)
    #expect(ByteRanges.outcome(for: "bytes=0-0", length: 10) == .part(0...0))
    #expect(ByteRanges.outcome(for: "bytes=3-", length: 10) == .part(3...9))
    #expect(ByteRanges.outcome(for: "bytes=3-99", length: 10) == .part(3...9))
    #expect(ByteRanges.outcome(for: "bytes=-99", length: 10) == .part(0...9))
    #expect(ByteRanges.outcome(for: "bytes=-0", length: 10) == .unsatisfiable)
    #expect(ByteRanges.outcome(for: "bytes=0-", length: 0) == .unsatisfiable)
    #expect(ByteRanges.outcome(for: "bytes=12-", length: 10) == .unsatisfiable)
    // Not understood, or several ranges: the whole file.
    for header in ["bytes=5-2", "bytes=0-1,4-5", "items=0-1", "bytes=a-b", "bytes=-", "bytes=+1-2"]
    {
      #expect(ByteRanges.outcome(for: header, length: 10) == .whole, "\(header)")
    }
  }

  /// A link put into the output (Portal writes none) is not followed: the server never reads
  /// outside the output folder, whether the link is a file, a folder or a folder's index.
  @Test func linksInTheOutputAreNotServed() throws {
    let dir = try temporaryFolder("serve-links")
    let site = dir.appendingPathComponent("site")
    let outside = dir.appendingPathComponent("outside")
    let fm = FileManager.default
    for folder in [site.appendingPathComponent("a"), outside] {
      try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    try Data("secret".utf8).write(to: outside.appendingPathComponent("index.html"))
    try Data("secret".utf8).write(to: outside.appendingPathComponent("passwd"))
    try Data("page".utf8).write(to: site.appendingPathComponent("a/index.html"))
    try Data("missing".utf8).write(to: site.appendingPathComponent("404.html"))
    try fm.createSymbolicLink(
      at: site.appendingPathComponent("etc"), withDestinationURL: outside)
    try fm.createSymbolicLink(
      at: site.appendingPathComponent("host.txt"),
      withDestinationURL: outside.appendingPathComponent("passwd"))
    try fm.createDirectory(
      at: site.appendingPathComponent("b"), withIntermediateDirectories: true)
    try fm.createSymbolicLink(
      at: site.appendingPathComponent("b/index.html"),
      withDestinationURL: outside.appendingPathComponent("index.html"))
    let files = StaticFiles(root: site.path)
    let missing = StaticFiles.Result.file(path: site.path + "/404.html", status: 404)
    #expect(
      files.resolve("/a/", basePath: "/") == .file(path: site.path + "/a/index.html", status: 200))
    for path in ["/etc/passwd", "/etc/", "/etc", "/host.txt", "/b/"] {
      #expect(files.resolve(path, basePath: "/") == missing, "\(path)")
    }
    // A file asked for as a folder is not there, as the published site answers.
    #expect(files.resolve("/a/index.html/", basePath: "/") == missing)
    #expect(
      files.resolve("/a/index.html", basePath: "/")
        == .file(path: site.path + "/a/index.html", status: 200))
  }

  /// Hidden names are not served (`.portal/`, a `.git` kept in the output), but for the files
  /// the build copied from static/ (`.well-known/security.txt`), as the published site has them.
  @Test func hiddenFilesAreServedOnlyWhenCopiedFromStatic() throws {
    let site = try temporaryFolder("static-served")
    let fm = FileManager.default
    for (path, text) in [
      (".well-known/security.txt", "Contact: mailto:a@example.jp"), (".git/config", "secret"),
      (".portal/static.json", #"{"files":[".well-known/security.txt","_headers"],"version":1}"#),
      ("404.html", "missing"), ("_headers", "/*"),
    ] {
      let url = site.appendingPathComponent(path)
      try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    let files = StaticFiles(root: site.path)
    let missing = StaticFiles.Result.file(path: site.path + "/404.html", status: 404)
    #expect(
      files.resolve("/.well-known/security.txt", basePath: "/")
        == .file(path: site.path + "/.well-known/security.txt", status: 200))
    #expect(
      files.resolve("/_headers", basePath: "/") == .file(path: site.path + "/_headers", status: 200)
    )
    for path in [
      "/.git/config", "/.portal/static.json", "/.well-known/../.git/config", "/.well-known/x",
    ] {
      #expect(files.resolve(path, basePath: "/") == missing, "\(path)")
    }
  }

  @Test func contentTypesAndPaths() {
    #expect(StaticFiles.contentType(for: "a/index.html") == "text/html; charset=utf-8")
    #expect(StaticFiles.contentType(for: "assets/style.1a.css") == "text/css; charset=utf-8")
    #expect(StaticFiles.contentType(for: "events/events.ics") == "text/calendar; charset=utf-8")
    #expect(
      StaticFiles.contentType(for: "events/feed.xml") == "application/atom+xml; charset=utf-8")
    #expect(StaticFiles.contentType(for: "search/index.json") == "application/json")
    #expect(
      StaticFiles.contentType(for: "files/budget.xlsx")
        == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    #expect(StaticFiles.contentType(for: "files/form.doc") == "application/msword")
    #expect(StaticFiles.contentType(for: "files/maps.zip") == "application/zip")
    let html = Array("<html><body><p>x</p></body></html>".utf8)
    let injected = String(
      decoding: StaticFiles.injectingLiveReload(into: html, version: "ab12-3"), as: UTF8.self)
    #expect(
      injected
        == #"<html><body><p>x</p><script src="/_portal/live.js" data-version="ab12-3" defer></script></body></html>"#
    )
  }
}

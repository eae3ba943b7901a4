import Build
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// `portal serve`: builds the site, serves the output folder on 127.0.0.1, rebuilds
/// incrementally when `content/` or `theme/` change, and reloads open pages through
/// Server-Sent Events (`/_portal/events`), showing build errors over the page instead.
public final class PreviewServer: Sendable {
  public struct Options: Sendable {
    public var build: BuildOptions
    /// 0 picks a free port.
    public var port: Int
    /// Poll instead of watching with inotify: for file systems that send no events (some
    /// network and container mounts).
    public var poll: Bool
    /// How often the sources are checked for changes when polling.
    public var pollInterval: Duration
    /// The address listened on: 127.0.0.1 (this computer only), or `0.0.0.0` so a phone on the
    /// same network can open the preview.
    public var host: String
    /// How often open event streams get a comment line (`: ping`): writing is how a stream
    /// learns that its page left (a tab closed or hidden), so its connection is closed and
    /// not kept until the next rebuild (a thousand such ran the server out of files).
    public var heartbeat: Duration
    /// How long a connection may send nothing (a request's head never finished, a keep-alive
    /// left open) before it is closed: with `--host 0.0.0.0` anyone on the network could
    /// otherwise hold connections until the server ran out of files. Longer than `heartbeat`,
    /// so an event stream is never idle.
    public var idleTimeout: Duration

    public init(
      build: BuildOptions, port: Int = 8080, poll: Bool = false,
      pollInterval: Duration = .milliseconds(300), host: String = "127.0.0.1",
      heartbeat: Duration = .seconds(10), idleTimeout: Duration = .seconds(30)
    ) {
      self.build = build
      self.port = port
      self.poll = poll
      self.pollInterval = pollInterval
      self.host = host
      self.heartbeat = heartbeat
      self.idleTimeout = idleTimeout
    }
  }

  private let options: Options
  private let live = LiveReload()
  private let loop: RebuildLoop
  private let log: @Sendable (String) -> Void
  private let state = Mutex(State.firstBuild)

  /// Where the server is: a stop asked for during the first build must be remembered, or the
  /// server would start once that build ends and never stop.
  private enum State {
    case firstBuild
    /// The task running everything, and the server's service group, which stops it
    /// gracefully: a cancelled server could drop a connection it was just accepting without
    /// finishing its writer, which NIO treats as a fatal error (a crash on Ctrl-C).
    case serving(Task<Void, any Error>, ServiceGroup)
    case stopped
  }

  public init(options: Options, log: @escaping @Sendable (String) -> Void) {
    self.options = options
    self.log = log
    self.loop = RebuildLoop(options: options.build, live: live, log: log)
  }

  /// Builds once, then serves and watches until `stop()` (or SIGINT/SIGTERM through `runUntilSignal`).
  /// - Parameter onReady: called with the port once the server listens.
  public func run(onReady: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
    // Said before the first build, which takes seconds on a large site, not after it.
    if options.port != 0, Self.isInUse(port: options.port, host: options.host) {
      throw PortInUse(port: options.port, host: options.host)
    }
    let first = await loop.build()
    if case .stopped = state.withLock({ $0 }) {
      await loop.flush()
      return
    }
    await loop.announce(first, initial: true)
    let files = StaticFiles(root: options.build.outputDirectory.standardizedFileURL.path)
    let router = Router()
    router.add(middleware: HostCheck())
    router.get("/_portal/events") { [live] _, _ -> Response in
      let stream = await live.subscribe()
      return Response(
        status: .ok, headers: Self.eventStreamHeaders,
        body: ResponseBody { writer in
          for await message in stream { try await writer.write(ByteBuffer(string: message)) }
          try await writer.finish(nil)
        })
    }
    // HEAD of the stream says what GET would answer without subscribing (a stream that is
    // never read would stay among the clients).
    router.on("/_portal/events", method: .head) { _, _ in
      Response(status: .ok, headers: Self.eventStreamHeaders)
    }
    Self.getAndHead(router, "/_portal/live.js") { _ in
      Self.response(Array(LiveAssets.script.utf8), type: "text/javascript; charset=utf-8")
    }
    Self.getAndHead(router, "/_portal/live.css") { _ in
      Self.response(Array(LiveAssets.stylesheet.utf8), type: "text/css; charset=utf-8")
    }
    // What lint and check say about the page, for the panel live.js shows on it.
    Self.getAndHead(router, "/_portal/problems") { [loop] request in
      let path = request.uri.queryParameters["path"].map(String.init) ?? "/"
      guard let (file, diagnostics) = await loop.problems(url: path) else {
        var r = Self.response(Array("{}".utf8), type: "application/json; charset=utf-8")
        r.status = .notFound
        return r
      }
      return Self.response(
        PageProblems.json(file: file, diagnostics: diagnostics),
        type: "application/json; charset=utf-8")
    }
    // `**` needs at least one path component, so the home page gets its own route. HEAD
    // (link checkers, `curl -I`) gets GET's status and headers without the body.
    for pattern in ["/", "**"] {
      Self.getAndHead(router, RouterPath(pattern)) { [loop, live] request in
        Self.serve(
          request.uri.path, query: request.uri.query, files: files, basePath: loop.basePath,
          range: Self.range(of: request), version: await live.version)
      }
      // A static site takes no other method: say so (405 with `Allow`), not "not found".
      for method: HTTPRequest.Method in [.post, .put, .patch, .delete, .options, .trace] {
        router.on(RouterPath(pattern), method: method) { _, _ in
          var headers = HTTPFields()
          headers[.allow] = "GET, HEAD"
          headers[.cacheControl] = "no-store"
          return Response(status: .methodNotAllowed, headers: headers)
        }
      }
    }
    let app = Application(
      router: router,
      server: .http1(configuration: .init(idleTimeout: TimeAmount(options.idleTimeout))),
      configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
      onServerRunning: { channel in onReady(channel.localAddress?.port ?? 0) },
      logger: Self.quietLogger())
    let loop = self.loop
    let interval = options.pollInterval
    let watch = !options.poll
    let (live, heartbeat) = (self.live, options.heartbeat)
    let services = ServiceGroup(
      configuration: .init(services: [app], logger: Self.quietLogger()))
    let running = Task {
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await services.run() }
        group.addTask {
          await loop.run(interval: interval, watch: watch)
          throw CancellationError()
        }
        group.addTask {
          while true {
            try await Task.sleep(for: heartbeat)
            await live.ping()
          }
        }
        try await group.next()
        group.cancelAll()
      }
    }
    let started = state.withLock { state in
      guard case .firstBuild = state else { return false }
      state = .serving(running, services)
      return true
    }
    if !started { running.cancel() }
    var failure: PortInUse?
    do {
      try await running.value
    } catch is CancellationError {
    } catch let error as IOError where error.errnoCode == EADDRINUSE {
      failure = PortInUse(port: options.port, host: options.host)
    }
    // Here, not in `stop()`: the command exits as soon as this returns, and a cache kept in
    // memory must be on disk by then (edits in place remove the one on disk).
    await loop.flush()
    if let failure { throw failure }
  }

  /// Stops serving: open event streams end, then the server and the watcher stop, and `run`
  /// writes the cache and returns.
  public func stop() async {
    let serving = state.withLock { state -> (Task<Void, any Error>, ServiceGroup)? in
      defer { state = .stopped }
      if case .serving(let task, let services) = state { return (task, services) }
      return nil
    }
    await live.closeAll()
    guard let (running, services) = serving else { return }
    // The server stops taking connections and ends the open ones; the rebuild loop is
    // cancelled once it has. A connection that will not end (a download stalled) is not
    // waited for long.
    await services.triggerGracefulShutdown()
    Task {
      try await Task.sleep(for: Self.gracefulStopLimit)
      running.cancel()
    }
  }

  /// How long `stop()` lets the server end its connections before cancelling it.
  static let gracefulStopLimit = Duration.seconds(3)

  /// How many pages' event streams are open.
  var liveClients: Int {
    get async { await live.clientCount }
  }

  /// How many times SIGINT or SIGTERM came: a second one while a build runs stops at once.
  private let stopsAsked = Atomic<Int>(0)

  /// True until the first build has ended and the server started (or was stopped).
  var isInFirstBuild: Bool {
    state.withLock { if case .firstBuild = $0 { true } else { false } }
  }

  /// Runs until SIGINT (Ctrl-C) or SIGTERM, then stops cleanly. During the first build it
  /// stops at once, as `portal build` does: a full build writes into a staging folder (removed
  /// by the next run), one in place removes the cache before writing, so the next build
  /// starts whole; nothing was served yet. Exit status 130, as a shell reports Ctrl-C.
  public func runUntilSignal(onReady: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
    for s in [SIGINT, SIGTERM] { signal(s, SIG_IGN) }
    let sources = [SIGINT, SIGTERM].map {
      DispatchSource.makeSignalSource(signal: $0, queue: .global())
    }
    for source in sources {
      source.setEventHandler {
        if self.isInFirstBuild {
          FileHandle.standardError.write(
            Data("Stopped during the first build; nothing was served.\n".utf8))
          _exit(130)
        }
        // A second Ctrl-C while a build still runs (a template that takes minutes): at once.
        // A build writing in place took its cache out first, so the next one writes it whole.
        let asked = self.stopsAsked.add(1, ordering: .sequentiallyConsistent).newValue
        if asked > 1, self.loop.isBuilding {
          self.log(RebuildMessages.stoppedAtOnce(in: self.loop.language))
          _exit(130)
        }
        if self.loop.isBuilding { self.log(RebuildMessages.stopping(in: self.loop.language)) }
        Task { await self.stop() }
      }
      source.resume()
    }
    defer { for source in sources { source.cancel() } }
    try await run(onReady: onReady)
  }

  /// Another program listens on the port asked for.
  public struct PortInUse: Error, CustomStringConvertible {
    public var port: Int
    public var host = "127.0.0.1"
    public var description: String {
      "port \(port) on \(host) is in use by another program"
    }
  }

  /// Whether another program listens on the port: a bind, as the server's own (with
  /// `SO_REUSEADDR`, so a port left in TIME_WAIT by a previous preview is free), then closed.
  static func isInUse(port: Int, host: String) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return false }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    return bound != 0 && errno == EADDRINUSE
  }

  /// This computer's IPv4 addresses on its networks (not loopback), for the addresses a phone
  /// on the same network can open when the server listens on all of them.
  public static func networkAddresses() -> [String] {
    var first: UnsafeMutablePointer<ifaddrs>?
    guard getifaddrs(&first) == 0 else { return [] }
    defer { freeifaddrs(first) }
    var found: [String] = []
    var next = first
    while let entry = next {
      next = entry.pointee.ifa_next
      guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
        (entry.pointee.ifa_flags & UInt32(IFF_LOOPBACK)) == 0,
        (entry.pointee.ifa_flags & UInt32(IFF_UP)) != 0
      else { continue }
      var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
      address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet in
        var a = inet.pointee.sin_addr
        _ = inet_ntop(AF_INET, &a, &text, socklen_t(text.count))
      }
      let string = String(
        decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if !found.contains(string) { found.append(string) }
    }
    return found
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 and a free port, one thread per connection, so the
/// external checker is tested against real sockets without reaching the internet. It counts
/// requests per path and the most requests it had in flight at once.
///
/// Paths: `/ok` 200, `/moved` 301 → `/ok`, `/moved-twice` 301 → `/moved`, `/found` 302 →
/// `/ok`, `/moved-to-missing` 301 → `/missing`, `/missing` 404, `/error` 500, `/flaky` 500
/// once then 200, `/slow` 200 after 20 s, `/hold/…` 200 once another `/hold/` is in
/// flight (or 3 s passed) and 0.6 s more, `/no-head` 405 to HEAD
/// and 200 to GET, `/limited` 429.
final class TestHTTPServer: @unchecked Sendable {
  let port: UInt16
  private let socket: Int32
  private let lock = NSLock()
  private var hitCounts: [String: Int] = [:]
  private var methodLog: [String] = []
  private var inFlight = 0
  private var maxInFlight = 0
  private let holding = NSCondition()
  private var holdsIn = 0

  init() throws {
    #if canImport(Glibc)
      let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let fd = Darwin.socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(fd, 64) == 0 else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    socket = fd
    port = UInt16(bigEndian: address.sin_port)
    let thread = Thread { [self] in acceptLoop() }
    thread.start()
  }

  deinit { stop() }

  var base: String { "http://127.0.0.1:\(port)" }

  func url(_ path: String) -> String { base + path }

  func hits(_ path: String) -> Int { lock.withLock { hitCounts[path, default: 0] } }

  var totalHits: Int { lock.withLock { hitCounts.values.reduce(0, +) } }

  var methods: [String] { lock.withLock { methodLog } }

  var mostInFlight: Int { lock.withLock { maxInFlight } }

  private var stopped = false

  /// Closes the listening socket once; a second close could hit a descriptor number that
  /// another test's server has been given since.
  func stop() {
    let first: Bool = lock.withLock {
      defer { stopped = true }
      return !stopped
    }
    guard first else { return }
    shutdown(socket, Int32(SHUT_RDWR))
    close(socket)
  }

  private func acceptLoop() {
    while true {
      let client = accept(socket, nil, nil)
      if client < 0 { return }
      let thread = Thread { [self] in handle(client) }
      thread.start()
    }
  }

  private func handle(_ client: Int32) {
    defer { close(client) }
    var request = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !request.containsHeaderEnd {
      let n = recv(client, &buffer, buffer.count, 0)
      if n <= 0 { return }
      request += buffer[0..<n]
    }
    let firstLine = String(decoding: request.prefix { $0 != 0x0D }, as: UTF8.self).split(
      separator: " ")
    guard firstLine.count >= 2 else { return }
    let method = String(firstLine[0])
    let path = String(firstLine[1])
    let count: Int = lock.withLock {
      hitCounts[path, default: 0] += 1
      methodLog.append("\(method) \(path)")
      inFlight += 1
      maxInFlight = max(maxInFlight, inFlight)
      return hitCounts[path]!
    }
    let (status, headers) = answer(method: method, path: path, hit: count)
    var response =
      "HTTP/1.1 \(status) \(status < 400 ? "OK" : "Error")\r\nContent-Length: 0\r\nConnection: close\r\n"
    for (name, value) in headers { response += "\(name): \(value)\r\n" }
    response += "\r\n"
    let bytes = Array(response.utf8)
    // Done before the answer leaves: a client that has it may send its next request at once,
    // and that request must not be counted beside this one (it was, now and then, when this
    // thread counted down only after `send` returned).
    lock.withLock { inFlight -= 1 }
    _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, bytes.count, 0) }
  }

  /// Holds a `/hold/` answer until another `/hold/` request is in flight too (at most 3 s),
  /// then 0.6 s more (time for a third to arrive): two requests the client sends at once
  /// overlap however late a busy test run starts the second, where a fixed sleep of 0.6 s
  /// left them apart now and then.
  private func holdUntilPartnered() {
    holding.lock()
    holdsIn += 1
    holding.broadcast()
    let deadline = Date().addingTimeInterval(3)
    while holdsIn < 2, holding.wait(until: deadline) {}
    holding.unlock()
    Thread.sleep(forTimeInterval: 0.6)
    holding.lock()
    holdsIn -= 1
    holding.unlock()
  }

  private func answer(method: String, path: String, hit: Int) -> (Int, [(String, String)]) {
    switch path {
    case "/ok": return (200, [])
    case "/moved": return (301, [("Location", "/ok")])
    case "/moved-twice": return (301, [("Location", url("/moved"))])
    case "/found": return (302, [("Location", "/ok")])
    case "/moved-to-missing": return (301, [("Location", "/missing")])
    case "/error": return (500, [])
    case "/flaky": return (hit == 1 ? 500 : 200, [])
    case "/slow":
      Thread.sleep(forTimeInterval: 20)
      return (200, [])
    case "/no-head": return (method == "HEAD" ? 405 : 200, [])
    case "/limited": return (429, [("Retry-After", "0")])
    case _ where path.hasPrefix("/late-move/"):
      // `/late-move/<microseconds>/…`: a permanent move after that long.
      let micros = Double(path.split(separator: "/")[1]) ?? 0
      Thread.sleep(forTimeInterval: micros / 1_000_000)
      return (301, [("Location", "/ok")])
    case _ where path.hasPrefix("/hold/"):
      holdUntilPartnered()
      return (200, [])
    default: return (404, [])
    }
  }
}

extension [UInt8] {
  fileprivate var containsHeaderEnd: Bool {
    guard count >= 4 else { return false }
    for i in 0...(count - 4)
    where self[i] == 0x0D && self[i + 1] == 0x0A && self[i + 2] == 0x0D && self[i + 3] == 0x0A {
      return true
    }
    return false
  }
}

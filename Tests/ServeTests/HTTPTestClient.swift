import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A minimal HTTP/1.1 client over a socket, enough to fetch pages and read a Server-Sent Events
/// stream as it arrives (FoundationNetworking on Linux cannot stream a response body).
///
/// Its waiting never holds a thread of Swift's cooperative pool: the server answers from that
/// pool (two threads on two cores), so a test blocked in `recv` there, beside another suite's
/// test building a site, left no thread to answer it, and the request timed out with no byte
/// (CI's `listensOnlyWhereAsked` failures). Sockets are read on threads of their own, and the
/// tests await them.
final class HTTPTestClient: @unchecked Sendable {
  struct Response: Sendable {
    var status: Int
    var headers: [String: String]
    var body: String
  }

  let port: Int
  /// The IPv4 address to connect to.
  let host: String

  /// The `Host` header sent; the address connected to when nil.
  let hostHeader: String?

  init(port: Int, host: String = "127.0.0.1", hostHeader: String? = nil) {
    (self.port, self.host, self.hostHeader) = (port, host, hostHeader)
  }

  fileprivate func connect() throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var timeout = timeval(tv_sec: 30, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = in_port_t(UInt16(port).bigEndian)
    addr.sin_addr.s_addr = inet_addr(host)
    let ok = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard ok == 0 else {
      close(fd)
      throw POSIXError(.ECONNREFUSED)
    }
    return fd
  }

  fileprivate func send(
    _ fd: Int32, path: String, method: String = "GET", headers: [String: String] = [:]
  ) {
    let extra = headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)\r\n" }.joined()
    let request =
      "\(method) \(path) HTTP/1.1\r\nHost: \(hostHeader ?? host)\r\n\(extra)Connection: close\r\n\r\n"
    let bytes = Array(request.utf8)
    var sent = 0
    while sent < bytes.count {
      let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return }
      sent += n
    }
  }

  /// What the server sent was no HTTP response (nothing at all, or no end of its head): which
  /// request, how many bytes came and why reading stopped, so a failure says where to look.
  struct NoResponse: Error, CustomStringConvertible {
    let request: String
    let received: Int
    let reason: String
    var description: String {
      "no HTTP response to \(request): \(received) bytes received, reading stopped by \(reason)"
    }
  }

  /// Fetches a path and reads the whole response (the server closes the connection), on a
  /// thread of its own.
  func get(_ path: String, method: String = "GET", headers: [String: String] = [:]) async throws
    -> Response
  {
    try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread {
        continuation.resume(
          with: Result { try self.blockingGet(path, method: method, headers: headers) })
      }
    }
  }

  private func blockingGet(_ path: String, method: String, headers: [String: String]) throws
    -> Response
  {
    let fd = try connect()
    defer { close(fd) }
    send(fd, path: path, method: method, headers: headers)
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    var reason = "the end of the connection"
    while true {
      let n = recv(fd, &buffer, buffer.count, 0)
      // A signal handled on this thread (another test's child process ending) interrupts
      // `recv`, which a socket with a receive timeout never restarts: read on.
      if n < 0 && errno == EINTR { continue }
      if n < 0 { reason = String(cString: strerror(errno)) }
      if n <= 0 { break }
      bytes += buffer[0..<n]
    }
    let text = String(decoding: bytes, as: UTF8.self)
    guard let split = text.range(of: "\r\n\r\n") else {
      throw NoResponse(
        request: "\(method) \(path) (Host: \(hostHeader ?? host))", received: bytes.count,
        reason: reason)
    }
    let head = text[..<split.lowerBound].components(separatedBy: "\r\n")
    let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
    var headers: [String: String] = [:]
    for line in head.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
        in: .whitespaces)
    }
    return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
  }

  /// An open Server-Sent Events connection whose text is collected on a background thread.
  final class EventStream: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var text = ""

    init(fd: Int32) {
      self.fd = fd
      Thread.detachNewThread { [self] in
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
          let n = recv(fd, &buffer, buffer.count, 0)
          if n < 0 && (errno == EAGAIN || errno == EINTR) { continue }
          if n <= 0 { break }
          let chunk = String(decoding: buffer[0..<n], as: UTF8.self)
          lock.withLock { text += chunk }
        }
      }
    }

    var received: String { lock.withLock { text } }

    /// Waits until the stream contains `needle` after `offset` characters; the text from there.
    /// Sleeps between looks without holding a thread.
    func wait(for needle: String, after offset: Int = 0, seconds: Double = 10) async -> String? {
      let deadline = Date().addingTimeInterval(seconds)
      while Date() < deadline {
        let all = received
        let tail = String(all.dropFirst(offset))
        if tail.contains(needle) { return tail }
        try? await Task.sleep(for: .milliseconds(50))
      }
      return nil
    }

    func close() { shutdown(fd, Int32(SHUT_RDWR)) }
  }

  /// Opens `path` again the moment each response ends, as a script or a proxy does (a browser
  /// waits a second first), on a thread of its own until `stop()`; counts the connections made.
  final class Reconnecting: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var made = 0
    var connections: Int { lock.withLock { made } }

    init(_ client: HTTPTestClient, _ path: String) {
      Thread.detachNewThread { [self] in
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !lock.withLock({ stopped }) {
          guard let fd = try? client.connect() else {
            usleep(2000)
            continue
          }
          lock.withLock { made += 1 }
          client.send(fd, path: path)
          while recv(fd, &buffer, buffer.count, 0) > 0 {}
          Glibc.close(fd)
        }
      }
    }

    func stop() { lock.withLock { stopped = true } }
  }

  func reconnecting(_ path: String) -> Reconnecting { Reconnecting(self, path) }

  func events(_ path: String) throws -> EventStream {
    let fd = try connect()
    send(fd, path: path)
    return EventStream(fd: fd)
  }
}

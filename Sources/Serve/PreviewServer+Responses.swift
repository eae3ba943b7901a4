import Build
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// What the preview answers a request with: a file (whole or in part), a page with the live
/// script, a redirect, or the site's 404 page.
extension PreviewServer {
  /// The request's `Range`, unless `If-Range` names a version: the server keeps no
  /// validators (every answer is `no-store`), so such a request gets the whole file.
  static func range(of request: Request) -> String? {
    request.headers[.ifRange] == nil ? request.headers[.range] : nil
  }

  /// - Parameter range: the request's `Range` header; pages (which get the live script) are
  ///   always sent whole, other files in part when asked.
  ///   `query`: the request's, kept by a redirect (`/search?q=子育て` → `/search/?q=子育て`, as
  ///   web servers do; the words had been lost).
  static func serve(
    _ path: String, query: String? = nil, files: StaticFiles, basePath: String,
    range: String? = nil, version: String = ""
  ) -> Response {
    switch files.resolve(path, basePath: basePath) {
    case .redirect(let location):
      var headers = HTTPFields()
      headers[.location] = location + (query.map { $0.isEmpty ? "" : "?" + $0 } ?? "")
      // Browsers keep a 301 for good: after `base_url` changes back, `/` would still go to
      // the old base path.
      headers[.cacheControl] = "no-store"
      return Response(status: .movedPermanently, headers: headers)
    case .notFound:
      return notFound(version: version)
    case .file(let file, let status):
      let type = StaticFiles.contentType(for: file)
      // Read only the part asked for: a video's seeks are many small ranges of a large file.
      if status == 200, !type.hasPrefix("text/html") {
        return partial(file: file, type: type, range: range, version: version)
      }
      guard let data = FileManager.default.contents(atPath: file) else {
        return notFound(version: version)
      }
      if type.hasPrefix("text/html") {
        var r = response(
          StaticFiles.injectingLiveReload(into: [UInt8](data), version: version), type: type)
        r.status = .init(code: status)
        return r
      }
      var r = response(data, type: type)
      r.status = .init(code: status)
      return r
    }
  }

  /// A file that is not a page, whole or the part `range` asks for, saying that parts may be
  /// asked for (`Accept-Ranges`). Sent a chunk at a time as the client takes it
  /// (`streamed`): a 600 MB video in content/files had been read whole into memory, twice,
  /// for each request (a browser asks `bytes=0-` to play one), and the reads held the threads
  /// the rebuilds and reload events need.
  static func partial(file: String, type: String, range: String?, version: String = "")
    -> Response
  {
    var st = stat()
    guard stat(file, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
      return notFound(version: version)
    }
    let length = Int(st.st_size)
    var r: Response
    switch ByteRanges.outcome(for: range, length: length) {
    case .whole:
      r = streamed(file: file, bytes: 0..<length, type: type)
    case .part(let bytes):
      r = streamed(file: file, bytes: bytes.lowerBound..<(bytes.upperBound + 1), type: type)
      r.status = .partialContent
      r.headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(length)"
    case .unsatisfiable:
      r = response([], type: type)
      r.status = .rangeNotSatisfiable
      r.headers[.contentRange] = "bytes */\(length)"
    }
    r.headers[.acceptRanges] = "bytes"
    return r
  }

  /// How much of a file is read at a time: the memory one download holds.
  static let chunkBytes = 256 * 1024

  /// `bytes` of `file`, read when the body is sent (never for HEAD) and a chunk at a time,
  /// each written before the next is read, so a slow client holds one chunk. A file cut short
  /// meanwhile (a rebuild replaced it) ends the connection, as its length was promised.
  static func streamed(file: String, bytes: Range<Int>, type: String) -> Response {
    let body = ResponseBody(contentLength: bytes.count) { writer in
      let fd = open(file, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
      defer { close(fd) }
      var offset = bytes.lowerBound
      while offset < bytes.upperBound {
        let want = min(chunkBytes, bytes.upperBound - offset)
        var buffer = ByteBufferAllocator().buffer(capacity: want)
        let got = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: want) { space in
          max(0, pread(fd, space.baseAddress, want, off_t(offset)))
        }
        guard got > 0 else { throw CocoaError(.fileReadUnknown) }
        try await writer.write(buffer)
        offset += got
      }
      try await writer.finish(nil)
    }
    return response(body, type: type)
  }

  /// Before the first good build there is no site and no 404 page: a page of its own that
  /// loads the live script, so the build's errors show over it and it loads the site once a
  /// save fixes them (a plain-text 404 stayed until reloaded by hand).
  static func notFound(version: String = "") -> Response {
    let page = """
      <!doctype html>
      <html lang="ja"><head><meta charset="utf-8"><title>404 Not Found</title></head>
      <body><main><h1>ページが見つかりません（404 Not Found）</h1>
      <p>このページは、まだ作られていないか、ありません。ビルドに失敗しているときは、直して保存すると自動で読み込み直します。</p>
      </main></body></html>

      """
    var r = response(
      StaticFiles.injectingLiveReload(into: Array(page.utf8), version: version),
      type: "text/html; charset=utf-8")
    r.status = .notFound
    return r
  }

  static func response(_ data: Data, type: String) -> Response {
    response(ByteBuffer(bytes: data), type: type)
  }

  static func response(_ bytes: [UInt8], type: String) -> Response {
    response(ByteBuffer(bytes: bytes), type: type)
  }

  private static func response(_ body: ByteBuffer, type: String) -> Response {
    response(ResponseBody(byteBuffer: body), type: type)
  }

  private static func response(_ body: ResponseBody, type: String) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = type
    // A preview must always show the latest build.
    headers[.cacheControl] = "no-store"
    return Response(status: .ok, headers: headers, body: body)
  }

  static let eventStreamHeaders: HTTPFields = {
    var headers = HTTPFields()
    headers[.contentType] = "text/event-stream; charset=utf-8"
    headers[.cacheControl] = "no-store"
    return headers
  }()

  /// Routes GET to `respond` and HEAD to its status and headers, as every address of the
  /// preview answers both (link checkers and `curl -I` ask with HEAD).
  static func getAndHead(
    _ router: Router<BasicRequestContext>, _ path: RouterPath,
    _ respond: @escaping @Sendable (Request) async throws -> Response
  ) {
    router.get(path) { request, _ in try await respond(request) }
    router.on(path, method: .head) { request, _ in headersOnly(try await respond(request)) }
  }

  static func headersOnly(_ response: Response) -> Response {
    var headers = response.headers
    if let length = response.body.contentLength { headers[.contentLength] = String(length) }
    return Response(status: response.status, headers: headers)
  }

  static func quietLogger() -> Logger {
    var logger = Logger(label: "portal.serve")
    // Cancelling open connections at Ctrl-C is logged as an error; it is the normal stop.
    logger.logLevel = .critical
    return logger
  }
}

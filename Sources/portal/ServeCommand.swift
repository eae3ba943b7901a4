import ArgumentParser
import Build
import Content
import Diagnostics
import Foundation
import Render
import Serve

struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Build the site, serve it on this computer and rebuild on every change.",
    discussion: """
      Serves the output folder at http://127.0.0.1:PORT/, watches the content, theme and \
      static folders, rebuilds only what an edit touches, and reloads open pages. A build error is \
      shown over the page with file, line and message; the last good site keeps being served.
      Stop with Ctrl-C.

      Pages are served with a small live-reload script added; the built files never contain \
      it. Publish with `portal build`.

      Examples:
        portal serve
        portal serve --port 8000
        portal serve --content content --theme theme --drafts
        portal serve --poll      # a mount that sends no file events
        portal serve --host 0.0.0.0   # open the preview on a phone on the same network
      """)

  @OptionGroup var locations: SiteLocations

  @Option(name: [.long, .short], help: "The port (0 picks a free one).")
  var port: Int = 8080

  @Option(
    help: """
      The address to listen on: 127.0.0.1 (this computer only), or 0.0.0.0 to open the \
      preview from a phone or another computer on the same network.
      """)
  var host = "127.0.0.1"

  @Flag(help: "Include pages marked `draft: true` and pages whose `publish` time is still to come.")
  var drafts = false

  @Flag(
    help: """
      Check every file for changes every 300 ms instead of waiting for file events (for \
      folders that send none, such as some network or container mounts).
      """)
  var poll = false

  func validate() throws {
    if let mistake = ProjectFolder.mistake(content: locations.content, command: "serve") {
      throw mistake
    }
    guard (0...65535).contains(port) else {
      throw ValidationError(
        say(
          "`--port \(port)` is not a port\nHelp: use a number from 1024 to 65535, or 0",
          "`--port \(port)` はポート番号として使えません\n直し方: 1024 から 65535 までの数か、0 を指定してください（0 なら空いているポートを選びます）"
        ))
    }
    var address = in_addr()
    guard inet_pton(AF_INET, host, &address) == 1 else {
      throw ValidationError(
        say(
          "`--host \(host)` is not an IPv4 address\nHelp: use 127.0.0.1 (this computer only) or 0.0.0.0 (every network of this computer)",
          "`--host \(host)` は IPv4 のアドレスではありません\n直し方: 127.0.0.1（このパソコンだけで見る）か 0.0.0.0（同じネットワークのほかの機器からも見る）を指定してください"
        ))
    }
  }

  /// Listening on an address other computers can reach.
  var shared: Bool { !host.hasPrefix("127.") }

  func run() throws {
    OutputPermissions.readableByAll()
    var build = BuildOptions(
      contentDirectory: URL(fileURLWithPath: locations.content),
      themeDirectory: URL(fileURLWithPath: locations.theme),
      outputDirectory: URL(fileURLWithPath: locations.outputFolder(drafts: drafts)),
      includeDrafts: drafts,
      now: DateTime(date: Date()))
    build.staticDirectory = URL(fileURLWithPath: locations.staticFolder)
    let output = locations.outputFolder(drafts: drafts)
    // A content or theme folder that is not there is said before serving, exit 1, as the
    // build says it: it used to serve a page of that error until Ctrl-C.
    let missing = PathMeant.hinted(
      [
        ContentLoader.missingFolder(
          build.contentDirectory, shownAs: locations.content, what: "content",
          code: ContentLoader.missingCode),
        ContentLoader.missingFolder(
          build.themeDirectory, shownAs: locations.theme, what: "theme", code: Theme.missingCode),
      ].compactMap { $0 }, folders: ["content": locations.content, "theme": locations.theme])
    if !missing.isEmpty {
      FileHandle.standardError.write(
        Data((DiagnosticPrinter.render(missing, as: .text, language: .current) + "\n").utf8))
      throw ExitCode(1)
    }
    let lock = try OutputLock.take(for: .serve, build)
    defer { lock?.release() }
    let server = PreviewServer(options: .init(build: build, port: port, poll: poll, host: host)) {
      line in
      FileHandle.standardError.write(Data((line + "\n").utf8))
    }
    let failure = ServeFailure()
    let done = DispatchSemaphore(value: 0)
    Task {
      do {
        try await server.runUntilSignal { [host, shared] port in
          // Unbuffered, so scripts that read the address see it at once.
          // 0.0.0.0 is every address, this computer's own included; any other is the only one.
          let local = host == "0.0.0.0" ? "127.0.0.1" : host
          lock?.note(url: "http://\(local):\(port)/")
          FileHandle.standardOutput.write(
            Data(
              say(
                "Serving \(output)/ at http://\(local):\(port)/ — press Ctrl-C to stop\n",
                "\(output)/ を http://\(local):\(port)/ で表示しています。止めるときは Ctrl-C を押してください\n"
              ).utf8))
          guard shared else { return }
          let others =
            host == "0.0.0.0"
            ? PreviewServer.networkAddresses().map { "http://\($0):\(port)/" }
            : ["http://\(host):\(port)/"]
          FileHandle.standardOutput.write(
            Data(
              others.map {
                say(
                  "On other devices on this network: \($0)\n",
                  "同じネットワークのほかの機器からは：\($0)\n")
              }.joined().utf8))
          FileHandle.standardError.write(
            Data(
              say(
                "Warning: anyone on this network can open the preview\(drafts ? ", drafts included" : "") and what the panel says about each page.\n",
                "Warning: このネットワークのだれでも、プレビュー\(drafts ? "（下書きも含みます）" : "")と、各ページについてパネルに出る内容を見られます。\n"
              ).utf8))
        }
      } catch {
        failure.set(error)
      }
      done.signal()
    }
    done.wait()
    if let inUse = failure.error as? PreviewServer.PortInUse {
      let next = inUse.port == 65535 ? 8080 : inUse.port + 1
      FileHandle.standardError.write(
        Data(
          say(
            """
            Error: \(inUse)
            Help: stop it, or pick another port: portal serve --port \(next) (--port 0 picks a free one)

            """,
            """
            Error: \(inUse.host) のポート \(inUse.port) は、ほかのプログラムが使っています
            直し方: そのプログラムを止めるか、別のポートを指定してください（例：portal serve --port \(next)。--port 0 なら空いているポートを選びます）

            """
          ).utf8))
      throw ExitCode(1)
    }
    if let error = failure.error {
      FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
      throw ExitCode(1)
    }
    print(say("Stopped.", "止めました。"))
  }
}

/// The error that ended the server, handed from its task to the command.
final class ServeFailure: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Error?
  var error: Error? { lock.withLock { stored } }
  func set(_ e: Error) { lock.withLock { stored = e } }
}

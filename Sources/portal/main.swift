import ArgumentParser
import Foundation

/// The `portal` command. Usage mistakes exit with status 2 (not ArgumentParser's 64), so CI
/// scripts can tell them from content errors (1).
struct Portal: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "portal",
    abstract: "Build the Chiba Prefecture DX portal from Markdown content.",
    discussion: """
      Quick start:
        portal build                 build content/ with theme/ into site/
        portal new initiative "タイトル" --slug my-initiative
        portal search "防災"          search the built site
      """,
    subcommands: PortalCommands.all
  )
}

enum PortalCommands {
  static let all: [ParsableCommand.Type] = [
    BuildCommand.self, NewCommand.self, SearchCommand.self, CheckCommand.self, LintCommand.self,
    ServeCommand.self,
  ]
}

do {
  var command = try Portal.parseAsRoot()
  try command.run()
} catch {
  let code = Portal.exitCode(for: error)
  if code == .validationFailure {
    FileHandle.standardError.write(Data((Portal.fullMessage(for: error) + "\n").utf8))
    exit(2)
  }
  Portal.exit(withError: error)
}

import Testing

@testable import Build

/// The progress line follows the writer's language; the timings of `PORTAL_TIMINGS` do not.
@Suite struct BuildProgressTests {
  @Test func theLineIsInTheWritersLanguage() {
    let japanese = BuildProgress(enabled: false, language: .japanese)
    #expect(japanese.line("Writing", ja: "書き出しています") == "書き出しています")
    // A step without Japanese is shown as it is.
    #expect(japanese.line("Planning", ja: nil) == "Planning")
    let english = BuildProgress(enabled: false, language: .english)
    #expect(english.line("Writing", ja: "書き出しています") == "Writing")
  }
}

import Testing

@testable import SecurityPolicy

/// A policy as browsers read it: the first of two same-named directives, CSP Level 3's
/// fallbacks, and `'unsafe-inline'` ignored beside a nonce or hash.
@Suite struct ContentSecurityPolicyTests {
  @Test func directivesAndFallbacks() throws {
    let policy = try #require(
      ContentSecurityPolicy(
        "default-src 'self'; IMG-SRC 'self' data:; img-src https://ignored.example; style-src 'nonce-AbC'"
      ))
    #expect(policy.directives["img-src"] == ["'self'", "data:"])
    #expect(policy.directives["style-src"] == ["'nonce-AbC'"], "a nonce keeps its case")
    #expect(policy.describe("script-src-elem") == "default-src 'self'")
    #expect(policy.governing("frame-src")?.name == "default-src")
    #expect(policy.governing("form-action") == nil, "form-action has no fallback")
    #expect(ContentSecurityPolicy(" ; ") == nil)
  }

  @Test func inlineCode() throws {
    #expect(!ContentSecurityPolicy("default-src 'self'")!.allowsInline("style-src-attr"))
    #expect(ContentSecurityPolicy("style-src 'unsafe-inline'")!.allowsInline("style-src-attr"))
    #expect(
      !ContentSecurityPolicy("style-src 'unsafe-inline' 'nonce-Ab1'")!.allowsInline(
        "style-src-attr"),
      "a nonce makes browsers ignore 'unsafe-inline'")
    #expect(ContentSecurityPolicy("img-src 'self'")!.allowsInline("script-src-elem"))
    #expect(
      !ContentSecurityPolicy("script-src 'self'; script-src-attr 'unsafe-inline'")!.allowsInline(
        "script-src-elem"))
  }
}

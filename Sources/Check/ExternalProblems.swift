import Diagnostics

/// Words for external link results, kept apart from the fetching so messages can be read and
/// tested on their own.
enum ExternalProblems {
  static func problem(_ outcome: ExternalOutcome, _ written: String) -> (
    severity: Severity, message: String, hint: String, code: String
  )? {
    let retried = outcome.attempts > 1 ? " after \(outcome.attempts) tries" : ""
    switch outcome.state {
    case .ok, .skipped: return nil
    case .movedPermanently:
      let rule = RuleCatalog.rule("external.redirect")
      let target = outcome.location ?? "?"
      return (
        rule.severity, "external link \(written) moved permanently to \(target)",
        "link to \(target) directly", rule.id
      )
    case .broken:
      let rule = RuleCatalog.rule("external.broken")
      let why =
        outcome.status.map { "answers \($0) \(reason($0))" }
        ?? "cannot be reached (\(outcome.detail ?? "no answer"))"
      let extra = outcome.status != nil ? outcome.detail.map { " (\($0))" } ?? "" : ""
      return (
        rule.severity, "external link \(written) is broken: it \(why)\(extra)\(retried)", rule.hint,
        rule.id
      )
    case .timeout:
      let rule = RuleCatalog.rule("external.timeout")
      return (
        rule.severity,
        "external link \(written) timed out: \(outcome.detail ?? "no answer")\(retried)", rule.hint,
        rule.id
      )
    case .rateLimited:
      let rule = RuleCatalog.rule("external.rate-limited")
      return (
        rule.severity,
        "external link \(written) was not checked: the site answers 429 Too Many Requests\(retried)",
        rule.hint, rule.id
      )
    }
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 410: "Gone"
    case 500: "Internal Server Error"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    case 504: "Gateway Timeout"
    default: status >= 500 ? "(server error)" : "(client error)"
    }
  }
}

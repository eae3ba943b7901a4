import Content

/// The ways to ask without the website as templates show them: in every footer, on an
/// initiative (its department's) and on an event that takes registrations online only.
extension ViewModels {
  /// `who` (whom the resident reaches), `phone` and `phone_url` (a `tel:` link a phone dials
  /// when tapped), `fax`, `email` and `email_url` (`mailto:`), `hours`, and `has_ways`, false
  /// when nothing is written to reach anyone.
  static func contactContext(_ ways: ContactDetails, who: String) -> TemplateValue {
    [
      "who": .text(who), "phone": .text(ways.phone ?? ""), "phone_url": .text(ways.phoneURL ?? ""),
      "fax": .text(ways.fax ?? ""), "email": .text(ways.email ?? ""),
      "email_url": .text(ways.emailURL ?? ""), "hours": .text(ways.hours ?? ""),
      "has_ways": .bool(!ways.isEmpty),
    ]
  }

  /// The name a resident reaches through the operator's contact: `operator`, else the site.
  var operatorName: String { site.config.siteOperator ?? site.config.title }

  /// An initiative's `department` with its own contact from site.yml's `departments`, or the
  /// operator's when it is not listed.
  func departmentContact(_ department: String?) -> TemplateValue {
    let (ways, isOperator) = site.config.contact(forDepartment: department)
    return Self.contactContext(ways, who: isOperator ? operatorName : department ?? operatorName)
  }

  /// Whether an event's page offers the operator's phone and fax as a way to ask: it takes
  /// registrations on a form only, with no number or other way of its own, and the operator
  /// has a phone or a fax.
  func offersOperatorLine(_ m: EventMeta) -> Bool {
    m.registration != nil && m.phone == nil && m.fax == nil && m.application == nil
      && (site.config.contactWays.phone != nil || site.config.contactWays.fax != nil)
  }
}

import RedressCore

/// Where a case stands, as `list` shows it and the store indexes it: the `stage` words of
/// `cli.md`. The tracking code (deadlines, `status`) decides due days and states; this is
/// only the coarse step, read from the case file alone. It lives in one function so that
/// the tracking module's own notion of a stage can replace it in one place.
public enum StoreStage: String, CaseIterable, Sendable {
  case draft, ready, filed, accepted, answered, closed

  /// The stage of `c`: `closed` after a `closed` event, `answered` after a `response`,
  /// `accepted` once `accepted_on` is known, `filed` once `filed_on` is, else `draft` for an
  /// unfinished interview and `ready` for a complete case not yet filed.
  public static func of(_ c: CaseFile, isDraft: Bool) -> StoreStage {
    let events = c.filing?.events ?? []
    if events.contains(where: { $0.kind == .closed }) { return .closed }
    if events.contains(where: { $0.kind == .response }) { return .answered }
    if c.filing?.acceptedOn != nil { return .accepted }
    if c.filing?.filedOn != nil { return .filed }
    return isDraft ? .draft : .ready
  }
}

import Foundation

/// The days of the 24 solar terms (节气) in China Standard Time (UTC+8), by an astronomical
/// computation: the moment the Sun's apparent ecliptic longitude reaches the term's angle
/// (清明: 15°), found by iteration on the low-precision solar theory of Meeus,
/// *Astronomical Algorithms* (2nd ed.), ch. 25 (accurate to about 0.01°, a quarter of an
/// hour), with ΔT from the Espenak–Meeus polynomials. The day is the Beijing civil day of
/// that moment. Checked against the `ephem` package for every year from 1950 to 2100
/// (`StatuteOracleTests`).
public enum SolarTerms {
  /// The solar terms the holiday rules use, by name, with the Sun's apparent longitude.
  public static let longitudes: [String: Double] = ["qingming": 15]

  /// The Beijing day of the solar term at `longitude` degrees in `year`, for the terms that
  /// fall between January and December of the year (every term but 小寒's neighbours at the
  /// turn of the year, which the holidays do not use).
  public static func day(longitude: Double, year: Int) -> CalendarDate {
    // First guess: the spring equinox (0°) is near March 20; the Sun moves about 0.9856° a day.
    var offset = (longitude - 0).truncatingRemainder(dividingBy: 360)
    if offset < 0 { offset += 360 }
    let march20 = Double(CalendarDate(year: year, month: 3, day: 20)!.julianDay)
    var jde = march20 + offset / 0.9856
    for _ in 0..<20 {
      let lambda = apparentLongitude(jde: jde)
      var delta = longitude - lambda
      delta = (delta + 540).truncatingRemainder(dividingBy: 360) - 180
      let step = delta / 360 * 365.2422
      jde += step
      if abs(step) < 1e-7 { break }
    }
    let ut = jde - deltaT(year: year) / 86_400
    let beijing = ut + 8.0 / 24
    // A Julian date starts at noon: the civil day number is floor(JD + 0.5).
    return CalendarDate(julianDay: Int((beijing + 0.5).rounded(.down)))
  }

  /// The Sun's apparent geocentric longitude in degrees (0..<360) at Julian Ephemeris Day
  /// `jde` (Meeus ch. 25, low accuracy, with the correction for nutation and aberration).
  static func apparentLongitude(jde: Double) -> Double {
    let t = (jde - 2_451_545.0) / 36_525
    let l0 = 280.46646 + 36_000.76983 * t + 0.0003032 * t * t
    let m = (357.52911 + 35_999.05029 * t - 0.0001537 * t * t) * .pi / 180
    let c =
      (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(m) + (0.019993 - 0.000101 * t) * sin(2 * m)
      + 0.000289 * sin(3 * m)
    let trueLongitude = l0 + c
    let omega = (125.04 - 1934.136 * t) * .pi / 180
    var lambda = trueLongitude - 0.00569 - 0.00478 * sin(omega)
    lambda = lambda.truncatingRemainder(dividingBy: 360)
    return lambda < 0 ? lambda + 360 : lambda
  }

  /// ΔT = TT − UT in seconds, by the polynomials of Espenak and Meeus (NASA, 2006).
  static func deltaT(year: Int) -> Double {
    let y = Double(year) + 0.25  // the terms used fall in spring
    switch y {
    case ..<1986:
      let t = y - 1975
      return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718
    case ..<2005:
      let t = y - 2000
      return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * pow(t, 3) + 0.000651814 * pow(t, 4)
        + 0.00002373599 * pow(t, 5)
    case ..<2050:
      let t = y - 2000
      return 62.92 + 0.32217 * t + 0.005589 * t * t
    case ..<2150:
      let u = (y - 1820) / 100
      return -20 + 32 * u * u - 0.5628 * (2150 - y)
    default:
      let u = (y - 1820) / 100
      return -20 + 32 * u * u
    }
  }
}

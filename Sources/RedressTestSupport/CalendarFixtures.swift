/// Calendar files for the tests of `redress calendar import`. They are fictitious: no State
/// Council notice for 2027 had been read when they were written, and their titles say so, so
/// that nobody copies them as real data.
public enum CalendarFixtures {
  /// A made-up notice for 2027 in the format of `legal/calendars/cn/*.yaml`. It keeps every
  /// statutory holiday of 2027 inside a rest period (元旦 01-01, 春节 02-05..02-08, 清明 04-05,
  /// 劳动节 05-01..02, 端午 06-09, 中秋 09-15, 国庆 10-01..03) and adds rest and make-up days
  /// of its own, so that counts on it differ from counts on the statute alone.
  public static let fictitious2027 = """
    # TEST FIXTURE, NOT A REAL NOTICE: made-up dates for redress's tests.
    schema: 1
    calendar: cn
    year: 2027
    notice:
      title: 测试用虚构通知（并非真实的2027年放假安排）
      date: 2026-11-30
      url: https://example.invalid/fictitious-2027
    holidays:
      - name: 元旦
        rest: {from: 2027-01-01, to: 2027-01-03}
        make_up_working_days: []
      - name: 春节
        rest: {from: 2027-02-05, to: 2027-02-12}
        make_up_working_days: [2027-02-20]
      - name: 清明节
        rest: {from: 2027-04-03, to: 2027-04-05}
        make_up_working_days: []
      - name: 劳动节
        rest: {from: 2027-05-01, to: 2027-05-05}
        make_up_working_days: [2027-05-08]
      - name: 端午节
        rest: 2027-06-09
        make_up_working_days: []
      - name: 中秋节
        rest: 2027-09-15
        make_up_working_days: []
      - name: 国庆节
        rest: {from: 2027-10-01, to: 2027-10-07}
        make_up_working_days: [2027-09-26, 2027-10-09]

    """

  /// The same notice with three mistakes: a make-up working day on a Wednesday (line 17), a
  /// day that is both a rest day and a working day (line 20), and 中秋 (2027-09-15) left out.
  public static let broken2027 = """
    # TEST FIXTURE, NOT A REAL NOTICE.
    schema: 1
    calendar: cn
    year: 2027
    notice:
      title: 测试用虚构通知（并非真实的2027年放假安排）
      date: 2026-11-30
      url: https://example.invalid/fictitious-2027
    holidays:
      - name: 元旦
        rest: {from: 2027-01-01, to: 2027-01-03}
        make_up_working_days: []
      - name: 春节
        rest: {from: 2027-02-05, to: 2027-02-12}
        make_up_working_days:
          - 2027-02-20
          - 2027-02-17
      - name: 清明节
        rest: {from: 2027-04-03, to: 2027-04-05}
        make_up_working_days: [2027-04-03]
      - name: 劳动节
        rest: {from: 2027-05-01, to: 2027-05-05}
        make_up_working_days: []
      - name: 端午节
        rest: 2027-06-09
        make_up_working_days: []
      - name: 国庆节
        rest: {from: 2027-10-01, to: 2027-10-07}
        make_up_working_days: []

    """
}

using NodaTime;

namespace EcomRules.Calendars;

/// <summary>
/// China's statutory holidays and make-up working days (调休) as published by the General Office of the State
/// Council, built in for 2025 and 2026 (DSP-1). Later years are data a merchant adds (configuration section
/// <c>EcomRules:Calendar:Years</c> in a host, or <see cref="Policies.EcomPolicy.WithHolidayYear(PublicHolidayYear, bool)"/>);
/// until then, deadlines that reach an uncovered year follow <see cref="UncoveredYears"/>.
/// </summary>
public static class ChinaPublicHolidays
{
    /// <summary>
    /// 2025, from 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号): days off 1 Jan; 28 Jan–4 Feb
    /// (春节); 4–6 Apr (清明); 1–5 May (劳动节); 31 May–2 Jun (端午); 1–8 Oct (国庆 + 中秋). Make-up working days
    /// 26 Jan (Sun), 8 Feb (Sat), 27 Apr (Sun), 28 Sep (Sun), 11 Oct (Sat).
    /// </summary>
    public static readonly PublicHolidayYear Year2025 = new(
        2025,
        "国务院办公厅关于2025年部分节假日安排的通知",
        [
            .. Days(2025, 1, 1, 1),
            .. Days(2025, 1, 28, 4), .. Days(2025, 2, 1, 4),
            .. Days(2025, 4, 4, 3),
            .. Days(2025, 5, 1, 5),
            .. Days(2025, 5, 31, 1), .. Days(2025, 6, 1, 2),
            .. Days(2025, 10, 1, 8),
        ],
        [new(2025, 1, 26), new(2025, 2, 8), new(2025, 4, 27), new(2025, 9, 28), new(2025, 10, 11)],
        "国办发明电〔2024〕12号");

    /// <summary>
    /// 2026, from 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号): days off 1–3 Jan; 15–23 Feb (春节);
    /// 4–6 Apr (清明); 1–5 May (劳动节); 19–21 Jun (端午); 25–27 Sep (中秋); 1–7 Oct (国庆). Make-up working days
    /// 4 Jan (Sun), 14 Feb (Sat), 28 Feb (Sat), 9 May (Sat), 20 Sep (Sun), 10 Oct (Sat).
    /// </summary>
    public static readonly PublicHolidayYear Year2026 = new(
        2026,
        "国务院办公厅关于2026年部分节假日安排的通知",
        [
            .. Days(2026, 1, 1, 3),
            .. Days(2026, 2, 15, 9),
            .. Days(2026, 4, 4, 3),
            .. Days(2026, 5, 1, 5),
            .. Days(2026, 6, 19, 3),
            .. Days(2026, 9, 25, 3),
            .. Days(2026, 10, 1, 7),
        ],
        [new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new(2026, 10, 10)],
        "国办发明电〔2025〕7号");

    /// <summary>Gets the built-in calendar: 2025 and 2026.</summary>
    public static readonly PublicHolidayCalendar Default = new([Year2025, Year2026]);

    private static IEnumerable<LocalDate> Days(int year, int month, int day, int count)
        => Enumerable.Range(0, count).Select(i => new LocalDate(year, month, day + i));
}

namespace EcomRules.Hosting;

/// <summary>
/// One year of China's statutory holidays and make-up working days (调休) as configuration, from the State Council's
/// notice (国务院办公厅关于20XX年部分节假日安排的通知; DSP-1). Dates are ISO <c>yyyy-MM-dd</c>; a run of days may be
/// written <c>yyyy-MM-dd..yyyy-MM-dd</c> (both ends included).
/// </summary>
public sealed class HolidayYearOptions
{
    /// <summary>Gets or sets the year.</summary>
    public int Year { get; set; }

    /// <summary>Gets or sets the notice's title, e.g. <c>国务院办公厅关于2027年部分节假日安排的通知</c>. Required.</summary>
    public string? Notice { get; set; }

    /// <summary>Gets or sets the notice's document number (文号), e.g. <c>国办发明电〔2026〕N号</c>.</summary>
    public string? NoticeNumber { get; set; }

    /// <summary>Gets or sets every statutory day off of the year (weekends inside a holiday block included).</summary>
    public IList<string> DaysOff { get; set; } = [];

    /// <summary>Gets or sets every make-up working day: a Saturday or Sunday declared a working day.</summary>
    public IList<string> MakeUpWorkdays { get; set; } = [];

    /// <summary>Gets or sets whether this year replaces a built-in year's data; without it a built-in year cannot be changed.</summary>
    /// <value>The default is false.</value>
    public bool Override { get; set; }
}

namespace NewsSearch.Enrichment.Dates;

/// <summary>
/// Where the year of a day the text gives without one ("MARCH 3", "Oct. 19") comes from, most trusted first: the
/// publication date given with the article, a page or dateline that states its year, the reference date <c>asOf</c>
/// given with the article or its batch, and last the years the text itself states (low confidence). With none of these
/// the year is unknown, and no year is invented.
/// </summary>
internal sealed record YearContext(DateOnly? Reference, YearSource Source, int? StatedYear, string? StatedText)
{
    public static YearContext For(DateOnly? metadataPublished, DateOnly? asOf, (int Year, string Text, bool FromFullDate)? stated) =>
        (metadataPublished, asOf, stated) switch
        {
            ({ } given, _, _) => new(given, YearSource.Metadata, null, null),
            (null, { } reference, _) => new(reference, YearSource.AsOf, null, null),
            (null, null, { FromFullDate: true } s) => new(null, YearSource.FullDate, s.Year, s.Text),
            (null, null, { } s) => new(null, YearSource.StatedYear, s.Year, s.Text),
            _ => new(null, YearSource.Unknown, null, null),
        };

    /// <summary>A page line that states its own year ("Published 3 March 2024") dates the rest of the text.</summary>
    public YearContext WithPageDate(DateOnly page) => Source is YearSource.Metadata ? this : new(page, YearSource.PageLine, null, null);

    public bool Known => Source is not YearSource.Unknown;

    /// <summary>The year to read dates in, for rules that need one year rather than a day.</summary>
    public int? Year => Reference?.Year ?? StatedYear;

    /// <summary>
    /// The date of a day given without its year: the nearest on or before the reference day (a few days after it are
    /// allowed for mentions, "talks resume on Oct. 30"), or in the year the text states; null when the year is unknown.
    /// </summary>
    public DateOnly? Resolve(int month, int day, int daysAfterReference)
    {
        if (Reference is { } reference)
        {
            if (!TryDate(reference.Year, month, day, out var date))
            {
                return TryDate(reference.Year - 1, month, day, out var leap) ? leap : null;
            }

            return date > reference.AddDays(daysAfterReference) && TryDate(reference.Year - 1, month, day, out var earlier) ? earlier : date;
        }

        return StatedYear is { } year && TryDate(year, month, day, out var stated) ? stated : null;
    }

    /// <summary>How far a publication date resting on this year can be trusted, at most.</summary>
    public double MaxConfidence => Source switch
    {
        YearSource.StatedYear => 0.35,
        YearSource.FullDate => 0.6,
        _ => 1.0,
    };

    /// <summary>Why the year is what it is, for the evidence shown with the date.</summary>
    public string? Why => Source switch
    {
        YearSource.AsOf => $"year from asOf {Reference:yyyy-MM-dd}",
        YearSource.StatedYear or YearSource.FullDate => $"year stated: {StatedText}",
        _ => null,
    };

    public static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}

internal enum YearSource
{
    Metadata,
    PageLine,
    AsOf,
    /// <summary>The latest full date the text gives ("November 8, 2025").</summary>
    FullDate,
    /// <summary>A year the text states alone ("in 1986", "the 1987 budget").</summary>
    StatedYear,
    Unknown,
}

namespace NewsSearch.Stories;

/// <summary>
/// What clustering knows of an article: its store key, outlet, publication date (null when its year is unknown), the
/// month and day the text gives when only those are known, its actors' canonical names and its distinctive terms
/// (<see cref="StoryTerms"/>).
/// </summary>
public sealed record StoryArticle(
    long Doc,
    string Source,
    DateOnly? Published,
    MonthDay? MonthDay,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Terms)
{
    /// <summary>
    /// The date is only the first day of the story's dated coverage (the text gives no day at all): a lower bound, not
    /// evidence of when the story's other articles ran.
    /// </summary>
    public bool DateIsBound { get; init; }
}

/// <summary>A day of the year without its year ("October 28").</summary>
public readonly record struct MonthDay(int Month, int Day)
{
    /// <summary>Reads ISO 8601's "--MM-DD" (as <c>EnrichedArticle.PublishedMonthDay</c> holds it); null for anything else.</summary>
    public static MonthDay? Parse(string? text)
    {
        if (text is not { Length: 7 } || !text.StartsWith("--", StringComparison.Ordinal) || text[4] != '-') return null;
        if (!int.TryParse(text.AsSpan(2, 2), out var month) || !int.TryParse(text.AsSpan(5, 2), out var day)) return null;
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month) ? new MonthDay(month, day) : null;
    }

    /// <summary>This day in <paramref name="year"/>, or null when it does not exist then (29 February).</summary>
    public DateOnly? In(int year) =>
        year is >= 1 and <= 9999 && Day <= DateTime.DaysInMonth(year, Month) ? new DateOnly(year, Month, Day) : null;
}

/// <summary>
/// Where an article went: its story (the id of the story's first article's key), and the stories merged into it
/// because the article linked them (their articles now belong to <see cref="Story"/>).
/// </summary>
public sealed record StoryAssignment(long Doc, long Story, IReadOnlyList<long> Absorbed);

using System.Text.RegularExpressions;
using NewsSearch.Articles;
using NewsSearch.Enrichment.Text;

namespace NewsSearch.Enrichment.Dates;

/// <summary>
/// The publication date (with why it was chosen) and every date the article refers to. When the text gives the day of
/// publication but nothing says its year, <see cref="Published"/> is null and <see cref="MonthDay"/> holds the day ("--03-03").
/// </summary>
public sealed record DateAnalysis(DateOnly? Published, Evidence? PublishedEvidence, IReadOnlyList<DateMention> Mentions, string? MonthDay = null);

/// <summary>
/// Reads dates the way a reader of the news does. Absolute dates ("Oct. 19", "November 8, 2025") take
/// their missing year from the publication date given, a reference date (<c>asOf</c>) or the years the article
/// states (see <see cref="YearContext"/>); with none of these the year stays unknown. Relative ones ("early Wednesday",
/// "10 days after ... Oct. 19", "over the weekend", "last month") are resolved against those absolute
/// dates: news style names a weekday for the days around publication and a date for anything older,
/// so the publication date is the first day, on or after the latest date the article reports as past,
/// from which every weekday it mentions falls in the preceding week.
/// </summary>
public static partial class DateAnalyzer
{
    private const int SearchDays = 21;

    /// <summary>A mention may lie a little after the reference day ("talks resume on Oct. 30"); a publication date may not.</summary>
    private const int MentionDaysAfterReference = 7;

    /// <param name="body">The clean body.</param>
    /// <param name="rawText">The text as sent (after unwrapping), for the page's own date line.</param>
    /// <param name="metadataPublished">The publication date given with the article: it wins.</param>
    /// <param name="asOf">The reference date given with the article or its batch (see <see cref="ArticleMetadata.AsOf"/>).</param>
    /// <param name="datelineDay">The day a wire dateline gives ("MARCH 3"), if any.</param>
    public static DateAnalysis Analyze(string body, string rawText, DateOnly? metadataPublished = null, DateOnly? asOf = null, string? datelineDay = null)
    {
        var sentences = SentenceSplitter.Split(body);
        var found = FindAbsolute(sentences);
        var years = YearContext.For(metadataPublished, asOf, StatedYear(found, asOf));
        // The page's own date ("Published 3 March 2024") is the present the story speaks from: it gives the year of "on 10 March",
        // rather than a year the story looks back to ("in January 2022").
        var pageLine = metadataPublished is null ? PublishedLine(rawText, years) : null;
        if (pageLine is { YearGiven: true, Date: { } statedDay })
        {
            years = years.WithPageDate(statedDay);
        }

        var dated = Resolve(found, years);
        var dateline = metadataPublished is null && pageLine is null && datelineDay is not null ? DatelineDate(datelineDay, years) : null;

        var (published, evidence) = metadataPublished is { } given
            ? (given, new Evidence("metadata", given.ToString("yyyy-MM-dd"), 1.0))
            : pageLine is { } page
                ? (page.Date, page.Evidence)
                : dateline is { Date: { } filed }
                    ? (filed, dateline.Evidence)
                    : dateline is not null
                        // The dateline gives the day and nothing its year: the year stays unknown, whatever days the story reports.
                        ? (null, null)
                        : asOf is { } reference && DatePatterns.PresentDay().IsMatch(body)
                            ? OnOrBeforeAsOf(body, sentences, dated, reference) ?? Infer(body, sentences, dated, years)
                            : Infer(body, sentences, dated, years);
        if (published is null && dateline is null && asOf is { } current)
        {
            // asOf says the text was current on or shortly before that day; when the text names no day of its own, that
            // day is the best date there is, and the low confidence says how little stands behind it.
            (published, evidence) = (current, new Evidence("asOf", $"the text gives no date of its own (current on or shortly before asOf {current:yyyy-MM-dd})", 0.3));
        }

        var mentions = dated.Select(d => (d.Position, Mention: new DateMention(d.Date, d.Precision, d.Text, d.Sentence.Text))).ToList();
        if (published is { } p)
        {
            mentions.AddRange(RelativeMentions(sentences, p));
        }

        return new DateAnalysis(published, evidence ?? dateline?.Evidence, mentions
            .OrderBy(m => m.Position)
            .Select(m => m.Mention)
            .Distinct()
            .ToList(), published is null ? dateline?.MonthDay : null);
    }

    /// <summary>A publication date found on the page or in a dateline; <see cref="Date"/> is null when its year is unknown.</summary>
    private sealed record FoundDate(DateOnly? Date, Evidence Evidence, bool YearGiven, string MonthDay);

    private sealed record RawDate(Match Match, Sentence Sentence, int? Year, int Month, int Day, int? SecondDay, DatePrecision Precision, bool Future, bool SinceAnchor);

    private sealed record DatedMention(DateOnly Date, DatePrecision Precision, string Text, Sentence Sentence, int Position, bool Future, bool YearGiven);

    // Per sentence, the patterns below run as Match/NextMatch rather than Matches: most sentences have no match,
    // and then Match returns the shared empty match where Matches would allocate a collection.
    private static List<RawDate> FindAbsolute(IReadOnlyList<Sentence> sentences)
    {
        var found = new List<RawDate>();
        foreach (var sentence in sentences)
        {
            for (var m = DatePatterns.AbsoluteDate().Match(sentence.Text); m.Success; m = m.NextMatch())
            {
                // Spans, not substrings: a span's ends are word boundaries just as a substring's are.
                var before = sentence.Text.AsSpan(0, m.Index);
                var future = DatePatterns.FutureCue().IsMatch(before.Length > 60 ? before[^60..] : before);
                var since = DatePatterns.Since().IsMatch(before);
                if (m.Groups["iy"].Success)
                {
                    found.Add(new RawDate(m, sentence, int.Parse(m.Groups["iy"].Value), int.Parse(m.Groups["im"].Value), int.Parse(m.Groups["id"].Value), null, DatePrecision.Day, future, since));
                }
                else if (m.Groups["ny"].Success)
                {
                    found.Add(new RawDate(m, sentence, int.Parse(m.Groups["ny"].Value), int.Parse(m.Groups["nm"].Value), int.Parse(m.Groups["nd"].Value), null, DatePrecision.Day, future, since));
                }
                else if (m.Groups["m1"].Success)
                {
                    found.Add(new RawDate(m, sentence, ParseYear(m.Groups["y1"]), DatePatterns.MonthNumber(m.Groups["m1"].Value)!.Value, int.Parse(m.Groups["d1"].Value),
                        m.Groups["d1b"].Success ? int.Parse(m.Groups["d1b"].Value) : null, DatePrecision.Day, future, since));
                }
                else if (m.Groups["m2"].Success)
                {
                    found.Add(new RawDate(m, sentence, ParseYear(m.Groups["y2"]), DatePatterns.MonthNumber(m.Groups["m2"].Value)!.Value, int.Parse(m.Groups["d2"].Value), null, DatePrecision.Day, future, since));
                }
                else if (m.Groups["m3"].Success)
                {
                    found.Add(new RawDate(m, sentence, int.Parse(m.Groups["y3"].Value), DatePatterns.MonthNumber(m.Groups["m3"].Value)!.Value, 1, null, DatePrecision.Month, future, since));
                }
                else
                {
                    found.Add(new RawDate(m, sentence, int.Parse(m.Groups["y4"].Value), 1, 1, null, DatePrecision.Year, future, since));
                }
            }
        }

        return found;
    }

    private static int? ParseYear(Group group) => group.Success ? int.Parse(group.Value) : null;

    /// <summary>
    /// The year an undated "Oct. 19" belongs to when nothing else says: the latest year the article states about the
    /// present — not one it looks back to ("since the Taliban took power in 2021") or ahead to ("by 2030"). A company's
    /// results for a year ("earned $3 million in 1986") are reported the year after.
    /// Null when the article states none.
    /// </summary>
    private static (int Year, string Text, bool FromFullDate)? StatedYear(List<RawDate> found, DateOnly? asOf)
    {
        (int Year, string Text, bool FromFullDate)? best = null;
        foreach (var d in found)
        {
            if (d.Year is not { } year || d.Future || d.SinceAnchor)
            {
                continue;
            }

            var fullDate = d.Precision == DatePrecision.Day;
            // A year the text names alone is mostly one it looks back to ("in 2007", "since 1993") or ahead to ("by 2050"):
            // only a company's results for a year (reported the year after), a budget of the year, or a clause about the
            // year so far ("violence in 2025 already surpasses that") speak of the present. A full date gives the year of
            // other days the text names, but not of a dateline (see DatelineDate).
            if (!fullDate && DatePatterns.Before(DatePatterns.YearOfResults(), d.Sentence.Text, d.Match.Index, 80).Success)
            {
                year++;
            }
            else if (!fullDate && !(DatePatterns.BudgetAfter().IsMatch(d.Sentence.Text, d.Match.Index + d.Match.Length) || YearSoFar(d)))
            {
                continue;
            }

            if (asOf is { } reference && year > reference.Year)
            {
                continue;
            }

            if (best is null || year > best.Value.Year || (year == best.Value.Year && fullDate && !best.Value.FromFullDate))
            {
                best = (year, SentenceAround(d), fullDate);
            }
        }

        return best;
    }

    /// <summary>"in 2025 already surpasses", "so far in 2025": the year the clause is in is not over yet.</summary>
    private static bool YearSoFar(RawDate d)
    {
        var start = Math.Max(0, d.Match.Index - 30);
        var end = Math.Min(d.Sentence.Text.Length, d.Match.Index + d.Match.Length + 30);
        return DatePatterns.SoFar().IsMatch(d.Sentence.Text.AsSpan(start, end - start));
    }

    /// <summary>The few words around a date, as evidence: "earned $3 million in 1986".</summary>
    private static string SentenceAround(RawDate d)
    {
        var start = Math.Max(0, d.Match.Index - 40);
        var end = Math.Min(d.Sentence.Text.Length, d.Match.Index + d.Match.Length + 20);
        return d.Sentence.Text[start..end].Trim();
    }

    private static List<DatedMention> Resolve(List<RawDate> found, YearContext years)
    {
        var dated = new List<DatedMention>();
        foreach (var d in found)
        {
            var yearGiven = d.Year is not null;
            DateOnly date;
            if (d.Year is { } year)
            {
                if (!TryDate(year, d.Month, d.Day, out date))
                {
                    continue;
                }
            }
            else if (years.Resolve(d.Month, d.Day, MentionDaysAfterReference) is { } resolved)
            {
                date = resolved;
            }
            else
            {
                continue;
            }

            dated.Add(new DatedMention(date, d.Precision, d.Match.Value.Trim(), d.Sentence, d.Sentence.Start + d.Match.Index, d.Future, yearGiven));
            if (d.SecondDay is { } second && TryDate(date.Year, d.Month, second, out var secondDate))
            {
                dated.Add(new DatedMention(secondDate, d.Precision, d.Match.Value.Trim(), d.Sentence, d.Sentence.Start + d.Match.Index, d.Future, yearGiven));
            }
        }

        return dated;
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date) => YearContext.TryDate(year, month, day, out date);

    private static IEnumerable<(int Position, DateMention Mention)> RelativeMentions(IReadOnlyList<Sentence> sentences, DateOnly published)
    {
        foreach (var sentence in sentences)
        {
            for (var m = DatePatterns.Weekday().Match(sentence.Text); m.Success; m = m.NextMatch())
            {
                var modifier = DatePatterns.Before(DatePatterns.WeekdayModifier(), sentence.Text, m.Index, 16);
                var pre = modifier.Groups["pre"].Value.ToLowerInvariant();
                var day = Enum.Parse<DayOfWeek>(m.Groups["wd"].Value);
                var back = ((int)published.DayOfWeek - (int)day + 7) % 7;
                var ahead = ((int)day - (int)published.DayOfWeek + 7) % 7;
                var date = pre switch
                {
                    "next" => published.AddDays(ahead == 0 ? 7 : ahead),
                    "last" => published.AddDays(back == 0 ? -7 : -back),
                    _ => published.AddDays(-back),
                };
                yield return (sentence.Start + m.Index, new DateMention(date, DatePrecision.Day, modifier.Success ? modifier.Value + m.Value : m.Value, sentence.Text));
            }

            for (var m = DatePatterns.Relative().Match(sentence.Text); m.Success; m = m.NextMatch())
            {
                if (m.Groups["day"].Success)
                {
                    var offset = m.Value.ToLowerInvariant() switch
                    {
                        "yesterday" => -1,
                        "tomorrow" => 1,
                        _ => 0,
                    };
                    yield return (sentence.Start + m.Index, new DateMention(published.AddDays(offset), DatePrecision.Day, m.Value, sentence.Text));
                    continue;
                }

                var modifier = DatePatterns.Before(DatePatterns.RelativeModifier(), sentence.Text, m.Index, 20);
                if (!modifier.Success)
                {
                    continue;
                }

                var text = modifier.Value + m.Value;
                var step = modifier.Groups["mod"].Value.ToLowerInvariant() switch
                {
                    var mod when mod.EndsWith("last", StringComparison.Ordinal) => -1,
                    var mod when mod.EndsWith("next", StringComparison.Ordinal) => 1,
                    _ => 0,
                };
                yield return (sentence.Start + m.Index, m.Groups["unit"].Value == "month"
                    ? MonthMention(published.AddMonths(step), text, sentence.Text)
                    : new DateMention(new DateOnly(published.Year + step, 1, 1), DatePrecision.Year, text, sentence.Text));
            }
        }
    }

    private static DateMention MonthMention(DateOnly day, string text, string sentence) =>
        new(new DateOnly(day.Year, day.Month, 1), DatePrecision.Month, text, sentence);
}

using System.Globalization;
using System.Text.RegularExpressions;
using NewsSearch.Articles;
using NewsSearch.Enrichment.Text;

namespace NewsSearch.Enrichment.Dates;

/// <summary>The publication day a page states for itself: its own date line ("Published 3 March 2024") or a wire dateline.</summary>
public static partial class DateAnalyzer
{
    /// <summary>"MARCH 3" or "Oct 29" from a dateline: the day of filing, in the year the context gives or none.</summary>
    private static FoundDate? DatelineDate(string day, YearContext years)
    {
        // Wires print the month in capitals; the date patterns read it as it is written in prose.
        var prose = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(day.ToLowerInvariant());
        var raw = FindAbsolute([new Sentence(prose, 0)]).FirstOrDefault();
        if (raw is not { Precision: DatePrecision.Day })
        {
            return null;
        }

        // A full date in the story ("On April 24, 1915, …", "announced on November 26, 2024") is one it reports, often of
        // another year than the one it was filed in: it gives no year to the dateline.
        var date = raw.Year is { } year ? TryDate(year, raw.Month, raw.Day, out var full) ? full : (DateOnly?)null
            : years.Source == YearSource.FullDate ? null : years.Resolve(raw.Month, raw.Day, 0);
        var monthDay = $"--{raw.Month:00}-{raw.Day:00}";
        var why = raw.Year is null ? (date is null ? null : years.Why) ?? "year unknown" : null;
        var confidence = raw.Year is not null ? 0.95 : date is null ? 0.9 : Math.Min(0.9, years.MaxConfidence);
        return new FoundDate(date, new Evidence("dateline", why is null ? day : $"{day} ({why})", confidence), raw.Year is not null, monthDay);
    }

    /// <summary>The page's own date: a date line, or a line near the top that is nothing but a date.</summary>
    private static FoundDate? PublishedLine(string rawText, YearContext years)
    {
        foreach (Match line in DatePatterns.PublishedLine().Matches(rawText))
        {
            var rest = rawText.AsSpan(line.Index + line.Length);
            var end = rest.IndexOf('\n');
            if (PageDate((end < 0 ? rest : rest[..end]).ToString(), years, wholeLine: false) is { } found)
            {
                return found with { Evidence = found.Evidence with { Text = (line.Value + found.Evidence.Text).Trim() } };
            }
        }

        // Only the first eight lines: splitting the whole text would copy every line of it.
        var lines = 0;
        foreach (var line in rawText.AsSpan().Split('\n'))
        {
            if (lines++ == 8)
            {
                break;
            }

            if (PageDate(rawText.AsSpan(line).Trim().ToString(), years, wholeLine: true) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static FoundDate? PageDate(string text, YearContext years, bool wholeLine)
    {
        var m = DatePatterns.AbsoluteDate().Match(text);
        if (!m.Success || m.Index != 0 || wholeLine && !DatePatterns.DateLineTail().IsMatch(text[m.Length..]))
        {
            return null;
        }

        var raw = FindAbsolute([new Sentence(text, 0)]).FirstOrDefault();
        if (raw is not { Precision: DatePrecision.Day })
        {
            return null;
        }

        var date = raw.Year is { } year ? TryDate(year, raw.Month, raw.Day, out var full) ? full : (DateOnly?)null : years.Resolve(raw.Month, raw.Day, 0);
        if (date is null)
        {
            return null;
        }

        var confidence = raw.Year is null ? Math.Min(0.85, years.MaxConfidence) : 0.95;
        var shown = raw.Year is null && years.Why is { } why ? $"{m.Value.Trim()} ({why})" : m.Value.Trim();
        return new FoundDate(date, new Evidence("published-line", shown, confidence), raw.Year is not null, $"--{raw.Month:00}-{raw.Day:00}");
    }
}

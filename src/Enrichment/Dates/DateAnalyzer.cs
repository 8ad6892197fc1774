using System.Text.RegularExpressions;
using NewsSearch.Articles;
using NewsSearch.Enrichment.Text;

namespace NewsSearch.Enrichment.Dates;

/// <summary>The publication date (with why it was chosen) and every date the article refers to.</summary>
public sealed record DateAnalysis(DateOnly? Published, Evidence? PublishedEvidence, IReadOnlyList<DateMention> Mentions);

/// <summary>
/// Reads dates the way a reader of the news does. Absolute dates ("Oct. 19", "November 8, 2025") take
/// their missing year from the years the article states. Relative ones ("early Wednesday",
/// "10 days after ... Oct. 19", "over the weekend", "last month") are resolved against those absolute
/// dates: news style names a weekday for the days around publication and a date for anything older,
/// so the publication date is the first day, on or after the latest date the article reports as past,
/// from which every weekday it mentions falls in the preceding week.
/// </summary>
public static class DateAnalyzer
{
    private const int SearchDays = 21;

    public static DateAnalysis Analyze(string body, string rawText, DateOnly? metadataPublished = null, DateOnly? receivedOn = null)
    {
        var sentences = SentenceSplitter.Split(body);
        var found = FindAbsolute(sentences);
        // The page's own date ("Published 3 March 2024") is the present the story speaks from: it gives the year of "on 10 March",
        // rather than a year the story looks back to ("in January 2022").
        var stated = StatedYear(found, receivedOn);
        var pageLine = metadataPublished is null ? PublishedLine(rawText, stated ?? receivedOn?.Year) : null;
        var year = metadataPublished?.Year ?? pageLine?.Item1?.Year ?? stated ?? receivedOn?.Year;
        var dated = Resolve(found, year, receivedOn);

        var (published, evidence) = metadataPublished is { } given
            ? (given, new Evidence("metadata", given.ToString("yyyy-MM-dd"), 1.0))
            : pageLine ?? Infer(body, sentences, dated, year);

        var mentions = dated.Select(d => (d.Position, Mention: new DateMention(d.Date, d.Precision, d.Text, d.Sentence.Text))).ToList();
        if (published is { } p)
        {
            mentions.AddRange(RelativeMentions(sentences, p));
        }

        return new DateAnalysis(published, evidence, mentions
            .OrderBy(m => m.Position)
            .Select(m => m.Mention)
            .Distinct()
            .ToList());
    }

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
    /// The year an undated "Oct. 19" belongs to: the latest year the article states about the present —
    /// not one it looks back to ("since the Taliban took power in 2021") or ahead to ("by 2030"); null when it states none.
    /// </summary>
    private static int? StatedYear(List<RawDate> found, DateOnly? receivedOn)
    {
        var present = found.Where(d => d.Year is not null && !d.Future && !d.SinceAnchor && (receivedOn is null || d.Year <= receivedOn.Value.Year))
            .Select(d => d.Year!.Value).ToList();
        return present.Count > 0 ? present.Max() : null;
    }

    private static List<DatedMention> Resolve(List<RawDate> found, int? contextYear, DateOnly? receivedOn)
    {
        var dated = new List<DatedMention>();
        foreach (var d in found)
        {
            var yearGiven = d.Year is not null;
            var year = d.Year ?? contextYear;
            if (year is null || !TryDate(year.Value, d.Month, d.Day, out var date))
            {
                continue;
            }

            // Without a stated year, a date after the day the article arrived is last year's.
            if (!yearGiven && receivedOn is { } received && date > received.AddDays(7) && TryDate(year.Value - 1, d.Month, d.Day, out var earlier))
            {
                date = earlier;
            }

            dated.Add(new DatedMention(date, d.Precision, d.Match.Value.Trim(), d.Sentence, d.Sentence.Start + d.Match.Index, d.Future, yearGiven));
            if (d.SecondDay is { } second && TryDate(date.Year, d.Month, second, out var secondDate))
            {
                dated.Add(new DatedMention(secondDate, d.Precision, d.Match.Value.Trim(), d.Sentence, d.Sentence.Start + d.Match.Index, d.Future, yearGiven));
            }
        }

        return dated;
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>The page's own date: a date line, or a line near the top that is nothing but a date.</summary>
    private static (DateOnly?, Evidence?)? PublishedLine(string rawText, int? contextYear)
    {
        foreach (Match line in DatePatterns.PublishedLine().Matches(rawText))
        {
            var rest = rawText.AsSpan(line.Index + line.Length);
            var end = rest.IndexOf('\n');
            if (PageDate((end < 0 ? rest : rest[..end]).ToString(), contextYear, wholeLine: false) is { } found)
            {
                return (found.Date, new Evidence("published-line", (line.Value + found.Text).Trim(), found.Confidence));
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

            if (PageDate(rawText.AsSpan(line).Trim().ToString(), contextYear, wholeLine: true) is { } found)
            {
                return (found.Date, new Evidence("published-line", found.Text, found.Confidence));
            }
        }

        return null;
    }

    private static (DateOnly Date, string Text, double Confidence)? PageDate(string text, int? contextYear, bool wholeLine)
    {
        var m = DatePatterns.AbsoluteDate().Match(text);
        if (!m.Success || m.Index != 0 || wholeLine && !DatePatterns.DateLineTail().IsMatch(text[m.Length..]))
        {
            return null;
        }

        var raw = FindAbsolute([new Sentence(text, 0)]).FirstOrDefault();
        if (raw is not { Precision: DatePrecision.Day } || (raw.Year ?? contextYear) is not { } year || !TryDate(year, raw.Month, raw.Day, out var date))
        {
            return null;
        }

        return (date, m.Value.Trim(), raw.Year is null ? 0.85 : 0.95);
    }

    private enum RefKind
    {
        Weekday,
        Weekend,
    }

    /// <summary>A weekday or weekend the article mentions, and what it says about the publication day.</summary>
    private sealed record DayReference(RefKind Kind, DayOfWeek Day, bool Strong, bool Last, DateOnly? After, string Text);

    private static (DateOnly?, Evidence?) Infer(string body, IReadOnlyList<Sentence> sentences, List<DatedMention> dated, int? contextYear)
    {
        var past = dated.Where(d => d.Precision == DatePrecision.Day && !d.Future).ToList();
        if (past.Count == 0)
        {
            return (null, null);
        }

        var latest = past.MaxBy(d => d.Date)!;
        var lowerBound = latest.Date;
        var evidence = new List<string> { latest.Text };

        foreach (var sentence in sentences)
        {
            var inSentence = past.Where(d => d.Sentence.Start == sentence.Start).ToList();
            for (var offset = DatePatterns.Offset().Match(sentence.Text); offset.Success; offset = offset.NextMatch())
            {
                var count = DatePatterns.Before(DatePatterns.OffsetCount(), sentence.Text, offset.Index, 24);
                var anchor = inSentence.FirstOrDefault(d => d.Position > sentence.Start + offset.Index);
                if (!count.Success || anchor is null || DatePatterns.SmallNumber(count.Groups["n"].Value) is not { } n)
                {
                    continue;
                }

                var days = offset.Groups["unit"].Value.StartsWith('w') || offset.Groups["unit"].Value.StartsWith('W') ? n * 7 : n;
                var derived = anchor.Date.AddDays(days);
                if (derived > lowerBound)
                {
                    lowerBound = derived;
                    evidence.Add($"{count.Groups["n"].Value} {offset.Value.Trim()} {anchor.Text}");
                }
            }
        }

        // An undated event "after four days of talks" began after the latest dated one, unless the article dates its start.
        var starts = past.Where(d => DatePatterns.Start().IsMatch(d.Sentence.Text)).Select(d => d.Date).ToList();
        foreach (var sentence in sentences)
        {
            if (past.Any(d => d.Sentence.Start == sentence.Start))
            {
                continue;
            }

            for (var duration = DatePatterns.Duration().Match(sentence.Text); duration.Success; duration = duration.NextMatch())
            {
                var count = DatePatterns.Before(DatePatterns.DurationCount(), sentence.Text, duration.Index, 80);
                if (!count.Success || DatePatterns.SmallNumber(count.Groups["n"].Value) is not { } n)
                {
                    continue;
                }

                var bound = starts.Count > 0 ? starts.Min().AddDays(n - 1) : latest.Date.AddDays(n);
                if (bound > lowerBound)
                {
                    lowerBound = bound;
                    evidence.Add((count.Value + duration.Value).Trim());
                }
            }
        }

        var references = DayReferences(body, sentences, past);
        var chosen = Search(lowerBound, references, includeWeak: true) ?? Search(lowerBound, references, includeWeak: false);
        var confidence = latest.YearGiven || contextYear is not null ? 0.6 : 0.4;
        if (chosen is { } day)
        {
            evidence.AddRange(references.Where(r => r.Strong).Select(r => r.Text).Distinct());
            confidence += references.Any(r => r.Strong) ? 0.25 : 0.1;
        }

        if (!past.Any(d => d.YearGiven))
        {
            confidence -= 0.2;
        }

        return (chosen ?? lowerBound, new Evidence("inferred", string.Join("; ", evidence.Distinct()), Math.Round(Math.Clamp(confidence, 0.1, 0.9), 2)));
    }

    /// <summary>
    /// The first day from <paramref name="from"/> that every reference fits. A lead's weekday names the event
    /// the story reports, so it cannot fall before the lower bound either.
    /// </summary>
    private static DateOnly? Search(DateOnly from, List<DayReference> references, bool includeWeak)
    {
        var bounded = references
            .Select(r => r.Strong && (r.After is null || r.After < from.AddDays(-1)) ? r with { After = from.AddDays(-1) } : r)
            .ToList();
        for (var i = 0; i <= SearchDays; i++)
        {
            var candidate = from.AddDays(i);
            if (bounded.All(r => (!includeWeak && !r.Strong) || Fits(candidate, r)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Whether the article, published on <paramref name="published"/>, can say what the reference says.</summary>
    private static bool Fits(DateOnly published, DayReference reference)
    {
        var earliest = reference.Last ? published.AddDays(-7) : published.AddDays(reference.Strong ? -1 : -6);
        var latest = reference.Last ? published.AddDays(-1) : published;
        for (var day = earliest; day <= latest; day = day.AddDays(1))
        {
            var matches = reference.Kind == RefKind.Weekend
                ? day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
                : day.DayOfWeek == reference.Day;
            if (matches && (reference.After is null || day > reference.After))
            {
                return true;
            }
        }

        return false;
    }

    private static List<DayReference> DayReferences(string body, IReadOnlyList<Sentence> sentences, List<DatedMention> past)
    {
        var references = new List<DayReference>();
        // The lead: the first paragraph, at most three sentences. Its weekday dates the event the story reports.
        var leadEnd = sentences.Count > 0 && body.IndexOf('\n', sentences[0].Start) is var end and >= 0 ? end : body.Length;
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            var lead = i < 3 && sentence.Start < leadEnd;
            for (var m = DatePatterns.Weekday().Match(sentence.Text); m.Success; m = m.NextMatch())
            {
                var modifier = DatePatterns.Before(DatePatterns.WeekdayModifier(), sentence.Text, m.Index, 16);
                var pre = modifier.Groups["pre"].Value.ToLowerInvariant();
                if (pre is "next" or "until" or "by" || DatePatterns.FutureCue().IsMatch(sentence.Text.AsSpan(0, m.Index)))
                {
                    continue;
                }

                var after = DatedBefore(past, sentence, m.Index);
                var text = modifier.Success ? modifier.Value + m.Value : m.Value;
                references.Add(new DayReference(RefKind.Weekday, Enum.Parse<DayOfWeek>(m.Groups["wd"].Value), lead || pre == "as of", pre == "last", after, text));
            }

            for (var m = DatePatterns.Weekend().Match(sentence.Text); m.Success; m = m.NextMatch())
            {
                var pre = DatePatterns.Before(DatePatterns.WeekendModifier(), sentence.Text, m.Index, 20).Groups["pre"].Value.ToLowerInvariant();
                if (pre is "next" or "coming" || DatePatterns.FutureCue().IsMatch(sentence.Text.AsSpan(0, m.Index)))
                {
                    continue;
                }

                references.Add(new DayReference(RefKind.Weekend, DayOfWeek.Saturday, false, pre is "last" or "previous", DatedBefore(past, sentence, m.Index), m.Value));
            }
        }

        return references;
    }

    /// <summary>
    /// "While the ceasefire of October 19 holds, new clashes ... over the weekend": a relative day told after a
    /// date in the same sentence is later than that date.
    /// </summary>
    private static DateOnly? DatedBefore(List<DatedMention> past, Sentence sentence, int index)
    {
        var before = past.Where(d => d.Sentence.Start == sentence.Start && d.Position < sentence.Start + index).ToList();
        return before.Count > 0 ? before.Max(d => d.Date) : null;
    }

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

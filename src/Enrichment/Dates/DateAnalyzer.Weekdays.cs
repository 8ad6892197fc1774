using NewsSearch.Articles;
using NewsSearch.Enrichment.Text;

namespace NewsSearch.Enrichment.Dates;

/// <summary>
/// The publication day read from the weekdays and "today"/"yesterday" a story speaks of, counted from the latest day it
/// reports as past, or back from <c>asOf</c>.
/// </summary>
public static partial class DateAnalyzer
{
    private enum RefKind
    {
        Weekday,
        Weekend,
    }

    /// <summary>A weekday or weekend the article mentions, and what it says about the publication day.</summary>
    /// <summary>How far before a date its verb of starting may stand: "began around", "opened on Monday,".</summary>
    private const int StartWindow = 24;

    private sealed record DayReference(RefKind Kind, DayOfWeek Day, bool Strong, bool Last, DateOnly? After, string Text);

    private static (DateOnly?, Evidence?) Infer(string body, IReadOnlyList<Sentence> sentences, List<DatedMention> dated, YearContext years)
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
        // The day a verb of starting governs ("talks, which began around October 26", not the "October 19" later in that sentence).
        var starts = past.Where(d => DatePatterns.Before(DatePatterns.Start(), d.Sentence.Text, d.Position - d.Sentence.Start, StartWindow).Success)
            .Select(d => d.Date).ToList();
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
        if (!CountedFrom(latest, lowerBound, references, chosen) && !ReportedInLead(body, sentences, past, latest))
        {
            // The days a story reports bound its publication day from below; nothing here says how long after them it
            // was written ("the ceasefire announced on November 26, 2024" in a January readout), so its year stays unknown.
            return (null, new Evidence("inferred", $"not before {latest.Text}; year unknown: no date line, lead or weekday ties a reported day to the day of publication", 0.1));
        }

        var confidence = latest.YearGiven || years.Known ? 0.6 : 0.4;
        if (chosen is { } day)
        {
            evidence.AddRange(references.Where(r => r.Strong).Select(r => r.Text).Distinct());
            confidence += references.Any(r => r.Strong) ? 0.25 : 0.1;
        }

        if (!past.Any(d => d.YearGiven))
        {
            confidence -= 0.2;
        }

        if (!latest.YearGiven)
        {
            // The day is the text's, the year the context's: the date is no surer than its year.
            confidence = Math.Min(confidence, years.MaxConfidence);
            if (years.Why is { } why)
            {
                evidence.Add(why);
            }
        }

        return (chosen ?? lowerBound, new Evidence("inferred", string.Join("; ", evidence.Distinct()), Math.Round(Math.Clamp(confidence, 0.1, 0.9), 2)));
    }

    /// <summary>
    /// With <c>asOf</c> ("this text was current on or shortly before this day") and a text that speaks from the day it was
    /// written ("decided today", "spoke yesterday"): that day is the nearest one on or before asOf that every weekday
    /// the text names as recent fits ("spoke Friday"), and not before the latest day it reports as past. Null when the
    /// text reports a day after asOf (then its own dates speak). A text with no such word keeps its own dates, or none:
    /// asOf bounds the publication day, it does not name it.
    /// </summary>
    private static (DateOnly?, Evidence?)? OnOrBeforeAsOf(string body, IReadOnlyList<Sentence> sentences, List<DatedMention> dated, DateOnly asOf)
    {
        var past = dated.Where(d => d.Precision == DatePrecision.Day && !d.Future).ToList();
        if (past.Any(d => d.Date > asOf))
        {
            return null;
        }

        var earliest = past.Count > 0 ? past.Max(d => d.Date) : asOf.AddDays(-SearchDays);
        var strong = DayReferences(body, sentences, past).Where(r => r.Strong).ToList();
        var cue = DatePatterns.PresentDay().Match(body).Value;
        for (var day = asOf; day >= earliest; day = day.AddDays(-1))
        {
            if (strong.All(r => Fits(day, r)))
            {
                var cues = string.Join("; ", strong.Select(r => r.Text).Prepend(cue).Distinct());
                return (day, new Evidence("asOf", $"{cues} (on or before asOf {asOf:yyyy-MM-dd})", strong.Count > 0 ? 0.75 : 0.6));
            }
        }

        return null;
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
        // The lead's weekday dates the event the story reports.
        var leadCount = LeadSentences(body, sentences).Count;
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            var lead = i < leadCount;
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
}

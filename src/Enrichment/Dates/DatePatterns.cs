using System.Text.RegularExpressions;

namespace NewsSearch.Enrichment.Dates;

/// <summary>The date expressions of English news text, precompiled.</summary>
internal static partial class DatePatterns
{
    private const string Month = @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

    public static int? MonthNumber(string text) => text[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12,
        _ => null,
    };

    public static int? SmallNumber(string text) => text.ToLowerInvariant() switch
    {
        "a" or "one" => 1, "two" or "a couple of" => 2, "three" or "several" => 3, "a few" => 2, "four" => 4,
        "five" => 5, "six" => 6, "seven" => 7, "eight" => 8, "nine" => 9, "ten" => 10, "eleven" => 11,
        "twelve" => 12, "fourteen" => 14, "fifteen" => 15, "twenty" => 20, "thirty" => 30,
        var digits when int.TryParse(digits, out var n) => n,
        _ => null,
    };

    /// <summary>
    /// ISO dates; day-first numeric dates only where the day cannot be a month ("14/05/2024"); "October 19, 2025", "Oct. 19", "October 26 or 27, 2025"; "19 October 2025"; "August 2021"; a bare year.
    /// One pass, longest form first, so "October 2025" is not also read as the year 2025.
    /// </summary>
    [GeneratedRegex(
        @"\b(?<iy>(?:19|20)\d{2})-(?<im>0[1-9]|1[0-2])-(?<id>0[1-9]|[12]\d|3[01])\b" +
        @"|(?<![\d/])(?<nd>1[3-9]|2\d|3[01])/(?<nm>0?[1-9]|1[0-2])/(?<ny>(?:19|20)\d{2})\b" +
        @"|\b(?<m1>" + Month + @")\.?\s+(?<d1>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:\s*(?:or|and|-|–|to|through)\s*(?<d1b>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?)?(?!\d|:|\s*(?:%|per\s?cent|percent))(?:,?\s+(?<y1>(?:19|20)\d{2})(?!\d))?" +
        @"|\b(?<d2>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m2>" + Month + @")\b\.?(?:,?\s+(?<y2>(?:19|20)\d{2})(?!\d))?" +
        @"|\b(?<m3>" + Month + @")\.?,?\s+(?<y3>(?:19|20)\d{2})(?!\d)" +
        @"|(?<![\d,.\-$€£/])\b(?<y4>(?:19|20)\d{2})\b(?!\d|,\d|-\d|'?s\b|\s*(?:%|per\s?cent|km|kilomet|miles|people|troops|soldiers|militants|members|attacks|casualties|fighters|civilians|dollars|units|votes|seats))")]
    public static partial Regex AbsoluteDate();

    /// <summary>
    /// Match and look back: the cheap pattern finds the anchor word, the look-back pattern (ending in $) reads the
    /// few characters before it. Scanning the whole text for optional modifiers would cost far more.
    /// </summary>
    public static Match Before(Regex lookBack, string text, int index, int window)
    {
        var start = Math.Max(0, index - window);
        return lookBack.Match(text, start, index - start);
    }

    [GeneratedRegex(@"\b(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?\b")]
    public static partial Regex Weekday();

    [GeneratedRegex(@"\b(?<pre>as of|early|late|last|this|next|on|since|until|by|from|before|after)\s+(?:on\s+)?$", RegexOptions.IgnoreCase)]
    public static partial Regex WeekdayModifier();

    /// <summary>"1987 budget", "1987-88 budget": a year's budget is the year the text speaks from (read from the year's end).</summary>
    [GeneratedRegex(@"\G(?:-\d{2,4})?\s+budgets?\b", RegexOptions.IgnoreCase)]
    public static partial Regex BudgetAfter();

    /// <summary>Words that put a year in the present: "already", "so far", "to date", "year to date".</summary>
    [GeneratedRegex(@"\b(?:already|so far|to date|year to date|thus far)\b", RegexOptions.IgnoreCase)]
    public static partial Regex SoFar();

    /// <summary>Words that tie the text's present to the day it was written: "decided today", "spoke yesterday", "last night".</summary>
    [GeneratedRegex(@"\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening)|last night)\b", RegexOptions.IgnoreCase)]
    public static partial Regex PresentDay();

    [GeneratedRegex(@"\b[Ww]eekend\b")]
    public static partial Regex Weekend();

    [GeneratedRegex(@"\b(?<pre>last|this|next|past|previous|coming)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    public static partial Regex WeekendModifier();

    [GeneratedRegex(@"\b(?:(?<day>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow)|(?<unit>month|year))\b")]
    public static partial Regex Relative();

    [GeneratedRegex(@"\b(?<mod>(?:(?:early|late|earlier|later) )?(?:last|this|next)) $", RegexOptions.IgnoreCase)]
    public static partial Regex RelativeModifier();

    /// <summary>"after four acrimonious days of talks": an undated event that lasted that long.</summary>
    [GeneratedRegex(@"\b[Dd]ays?\s+of\b")]
    public static partial Regex Duration();

    [GeneratedRegex(@"\b(?:after|following|during|over|in|ending|ended)\s+(?:nearly |more than |over |some |about |almost |around |just )?(?<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|a couple of)\s+(?:[\p{L}\-]+\s+){0,2}$", RegexOptions.IgnoreCase)]
    public static partial Regex DurationCount();

    /// <summary>"10 days after ... Oct. 19": an event dated relative to a date the sentence gives.</summary>
    [GeneratedRegex(@"\b(?<unit>[Dd]ays?|[Ww]eeks?)\s+(?:after|since)\b")]
    public static partial Regex Offset();

    [GeneratedRegex(@"\b(?<n>\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty)\s+$", RegexOptions.IgnoreCase)]
    public static partial Regex OffsetCount();

    [GeneratedRegex(@"\b(?:began|begun|begins|started|opened|kicked off|commenced|got under ?way)\b", RegexOptions.IgnoreCase)]
    public static partial Regex Start();

    /// <summary>Words before a date that put it in the future: it cannot bound the publication date from below.</summary>
    [GeneratedRegex(@"\b(?:will|shall|scheduled|slated|due|expected|planned|plans|set to|next|upcoming|deadline|postponed to)\b", RegexOptions.IgnoreCase)]
    public static partial Regex FutureCue();

    /// <summary>
    /// "earned $3 million in 1986", "net profit for fiscal 1986": a company's results for a year, which are reported once the
    /// year is over; read back from the year (ending just before it). Figures that merely "rose in 2025" may be the year so far.
    /// </summary>
    [GeneratedRegex(@"\b(?:earned|earnings|net (?:profit|income|loss)|profits?|losses|revenues?|turnover|dividends?)\b.{0,60}?\b(?:in|for|during)\s+(?:(?:the\s+)?(?:fiscal|financial|calendar)(?:\s+year)?\s+)?$", RegexOptions.IgnoreCase)]
    public static partial Regex YearOfResults();

    [GeneratedRegex(@"\bsince\b", RegexOptions.IgnoreCase)]
    public static partial Regex Since();

    /// <summary>
    /// A page's own date line: "Published: 29 October 2025", "Posted by admin on Oct 29, 2025", "Updated Oct. 29, 2025",
    /// "Published in Dawn, October 30th, 2025", or a wire dateline "ISLAMABAD, Oct 29 (Reuters) -".
    /// </summary>
    [GeneratedRegex(@"^\s*(?:(?:Published|Posted|Updated|Last updated|Date|First published)\b[^\n]{0,60}?(?:on|:)?\s*|(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\s+|(?-i:[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2}),\s+)(?=(?:" + Month + @"|\d))", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    public static partial Regex PublishedLine();

    /// <summary>What may follow the date on a line that is only a date: a time and a zone.</summary>
    [GeneratedRegex(@"^\s*(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?\s*$", RegexOptions.IgnoreCase)]
    public static partial Regex DateLineTail();
}

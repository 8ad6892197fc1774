using System.Text.RegularExpressions;

namespace NewsSearch.Enrichment.Cleaning;

/// <summary>
/// The dateline that opens a filed story: where it was filed ("NEW YORK", "Omaha, Neb."), the day as written
/// ("MARCH 3", "Oct 29"; wire datelines rarely give the year) and the outlet that filed it ("Reuters").
/// </summary>
public sealed record Dateline(string? Place, string? Date, string? Outlet);

/// <summary>Reads the datelines of wire and newspaper copy at the start of a story's first paragraph.</summary>
public static partial class DatelineReader
{
    /// <summary>The dateline at the start of <paramref name="line"/> and how many characters it takes, or null.</summary>
    public static (Dateline Dateline, int Length)? Read(string line)
    {
        var match = Pattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var place = match.Groups["place"] is { Success: true } p ? p.Value.Trim() : null;
        var date = match.Groups["date"] is { Success: true } d ? d.Value.Trim() : null;
        var outlet = match.Groups["outlet"] is { Success: true } o ? o.Value.Trim() : null;
        // Without an outlet only a place and a day make a dateline: "Officials - …" is prose.
        if (outlet is null && (place is null || date is null))
        {
            return null;
        }

        return (new Dateline(place, date, outlet), match.Length);
    }

    /// <summary>
    /// "(The Post News) –", "ISLAMABAD (Reuters) -", "KABUL, Oct 29 (AP) —", "HAMBURG, Dec 4 (dpa) -", "NEW YORK, MARCH 3 -", "Omaha, Neb., April 9 -",
    /// "PARIS, /AFP/ -". The place is up to four capitalised words (with the particles of place names); a region such as a
    /// US state may follow it; the month is read in any case because wires print it in capitals.
    /// </summary>
    [GeneratedRegex(
        @"^(?:(?<place>\p{Lu}[\p{L}.'’\-]*(?:[ /](?:\p{Lu}[\p{L}.'’\-]*|de|da|do|del|la|el|al|es|of)){0,3})" +
        @"(?:,\s*\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)??,?\s*" +
        @"(?<date>(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*)?" +
        // dpa is the one wire that writes its name in lower case.
        @"(?:\((?<outlet>\p{Lu}[\w&.'’\- ]{0,40}?|dpa)\)|/(?<outlet>\p{Lu}[\p{L}\- ]{1,30})/)?" +
        @"\s*[\u2013\u2014\-:]+\s*")]
    private static partial Regex Pattern();
}

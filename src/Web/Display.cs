using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NewsSearch.Articles;

namespace NewsSearch.Web;

/// <summary>How values read on the pages: one culture-independent date style, counts, percentages, stable ids.</summary>
public static class Display
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Culture);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", Culture);

    /// <summary>"3 Mar, year unknown" for an ISO month-day ("--03-03"); "date unknown" when there is none.</summary>
    public static string UnknownYear(string? monthDay) =>
        monthDay is { Length: 7 } && DateOnly.TryParseExact("2000" + monthDay[1..], "yyyy-MM-dd", Culture, System.Globalization.DateTimeStyles.None, out var day)
            ? $"{day.ToString("d MMM", Culture)}, year unknown"
            : "date unknown";

    public static string Mention(DateMention mention) => mention.Precision switch
    {
        DatePrecision.Year => mention.Date.ToString("yyyy", Culture),
        DatePrecision.Month => mention.Date.ToString("MMMM yyyy", Culture),
        _ => mention.Date.ToString("d MMMM yyyy", Culture),
    };

    public static string MentionDatetime(DateMention mention) => mention.Precision switch
    {
        DatePrecision.Year => mention.Date.ToString("yyyy", Culture),
        DatePrecision.Month => mention.Date.ToString("yyyy-MM", Culture),
        _ => IsoDate(mention.Date),
    };

    public static string Count(long count, string one, string many) =>
        $"{count.ToString("N0", Culture)} {(count == 1 ? one : many)}";

    public static string Percent(double confidence) => $"{Math.Round(Math.Clamp(confidence, 0, 1) * 100).ToString(Culture)}%";

    /// <summary>Evidence methods are identifiers ("byline", "dateline-pattern"); shown as words.</summary>
    public static string Method(string method) => method.Replace('-', ' ').Replace('_', ' ');

    public static string ActorType(string? type) => type switch
    {
        "person" => "person",
        "organisation" or "organization" => "organisation",
        "country" => "country",
        _ => "actor",
    };

    public static string ActorType(ActorType type) => ActorType(JsonName(type));

    public static string JsonName(ActorType type) => type.ToString().ToLowerInvariant();

    /// <summary>An element id derived from a value, stable across renders so focus can be restored after an update.</summary>
    public static string Id(string prefix, string value) =>
        $"{prefix}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..10]}";
}

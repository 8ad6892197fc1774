using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Tests.Gold;

/// <summary>One labelled article of the dev set (Gold/dev/dev.gold.jsonl; sources, licences and labelling rules in its README).</summary>
public sealed record DevArticle(
    string Id,
    string Source,
    string Licence,
    string Url,
    string Format,
    string Era,
    bool Headline,
    DateOnly Published,
    bool DateInText,
    string Publisher,
    string Dateline,
    string DatelineCountry,
    string Text,
    IReadOnlyList<GoldActor> Actors,
    IReadOnlyList<string> Optional);

/// <summary>
/// The forms real archives ship the same story in, made from the stored text when the test runs (no stored copies).
/// </summary>
public enum DevVariant
{
    /// <summary>The text as the source published it.</summary>
    Original,

    /// <summary>Hard-wrapped at about 65 columns, paragraphs marked by an indent instead of a blank line.</summary>
    Wrapped,

    /// <summary>The stated date line removed and an ALL-CAPS dateline without a year put before the first paragraph: <c>WASHINGTON, MARCH 3 -</c>.</summary>
    Dateline,

    /// <summary>A closing wire sign-off (<c>Reuter</c>, <c>AP</c>, <c>AFP</c>, <c>-- dpa</c>): the wire becomes the publisher.</summary>
    SignOff,

    /// <summary>All three at once, as a wire archive ships its stories.</summary>
    Archive,
}

/// <summary>What the enricher should make of one variant of one article.</summary>
public sealed record DevCase(
    DevArticle Article,
    DevVariant Variant,
    string Text,
    string Publisher,
    IReadOnlyList<GoldActor> Actors,
    IReadOnlyList<string> Optional);

/// <summary>One case with the enricher's output, without and (where the API has it) with an <c>asOf</c> reference date.</summary>
public sealed record DevResult(DevCase Case, EnrichedArticle Actual, EnrichedArticle WithAsOf);

public static class DevSet
{
    /// <summary>The day the archive is loaded in these tests: the year of last resort today, and a wrong one for every article.</summary>
    public static readonly DateOnly ReceivedOn = new(2026, 12, 1);

    public const int WrapWidth = 65;

    private static readonly (string Line, string Publisher)[] SignOffs =
    [
        ("Reuter", "Reuters"),
        ("AP", "Associated Press"),
        ("AFP", "Agence France-Presse"),
        ("-- dpa", "dpa"),
    ];

    private static readonly Regex DateLine = new(
        @"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), )?(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}$",
        RegexOptions.CultureInvariant);

    private static readonly Lazy<IReadOnlyList<DevArticle>> Loaded = new(Load);
    private static readonly ConcurrentDictionary<DevVariant, Lazy<IReadOnlyList<DevResult>>> Results = new();

    public static IReadOnlyList<DevArticle> Articles => Loaded.Value;

    public static IReadOnlyList<DevResult> Enriched(DevVariant variant) =>
        Results.GetOrAdd(variant, v => new Lazy<IReadOnlyList<DevResult>>(() => Enrich(v))).Value;

    private static IReadOnlyList<DevArticle> Load()
    {
        var path = Path.Combine(GoldStandard.RepositoryRoot(), "tests", "Enrichment.Tests", "Gold", "dev", "dev.gold.jsonl");
        return File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<DevArticle>(line, ArticleJson.Options)!)
            .ToList();
    }

    private static IReadOnlyList<DevResult> Enrich(DevVariant variant)
    {
        var enricher = ArticleEnricher.CreateDefault();
        return Articles.Select((article, index) =>
        {
            var devCase = Make(article, index, variant);
            var raw = new RawArticle(ArticleId.FromText(devCase.Text), devCase.Text, ArticleMetadata.None);
            var withAsOf = enricher.Enrich(raw with { Metadata = raw.Metadata with { AsOf = article.Published } });
            return new DevResult(devCase, enricher.Enrich(raw), withAsOf);
        }).ToList();
    }

    /// <summary>The text and the expected labels of one variant; <paramref name="index"/> picks the wire for the sign-off.</summary>
    public static DevCase Make(DevArticle article, int index, DevVariant variant)
    {
        if (variant == DevVariant.Original)
        {
            return new DevCase(article, variant, article.Text, article.Publisher, article.Actors, article.Optional);
        }

        var paragraphs = Paragraphs(article.Text);
        var actors = article.Actors;
        var optional = article.Optional;
        var publisher = article.Publisher;
        string text;
        if (variant is DevVariant.Dateline or DevVariant.Archive)
        {
            paragraphs = WithDateline(article, paragraphs);
            optional = [.. optional, article.Dateline, CultureInfo.InvariantCulture.TextInfo.ToTitleCase(article.Dateline.ToLowerInvariant())];
            if (!actors.Any(a => a.Type == "country" && GoldStandard.Normalise(a.Name) == GoldStandard.Normalise(article.DatelineCountry)))
            {
                actors = [.. actors, new GoldActor(article.DatelineCountry, "country", [])];
            }
        }

        text = variant is DevVariant.Wrapped or DevVariant.Archive
            ? Wrap(paragraphs, article.Headline)
            : variant == DevVariant.SignOff ? article.Text : string.Join("\n\n", paragraphs) + "\n";

        if (variant is DevVariant.SignOff or DevVariant.Archive)
        {
            var (line, wire) = SignOffs[index % SignOffs.Length];
            text = text.TrimEnd() + "\n" + line + "\n";
            publisher = wire;
            optional = [.. optional, wire, line.TrimStart('-', ' ')];
        }

        return new DevCase(article, variant, text, publisher, actors, optional);
    }

    /// <summary>Paragraphs of the stored text, each on one line: blank lines separate them; a line break inside one is a wrap.</summary>
    public static List<string> Paragraphs(string text) =>
        Regex.Split(text.Replace("\r\n", "\n"), @"\n[ \t]*\n")
            .Select(p => Regex.Replace(p, @"\s+", " ").Trim())
            .Where(p => p.Length > 0)
            .ToList();

    /// <summary>Drops a date line near the top and opens the first body paragraph with <c>CITY, MONTH DAY -</c>.</summary>
    private static List<string> WithDateline(DevArticle article, List<string> paragraphs)
    {
        var kept = paragraphs.Where((p, i) => i >= 4 || !DateLine.IsMatch(p)).ToList();
        var first = article.Headline && kept.Count > 1 ? 1 : 0;
        var month = article.Published.ToString("MMMM", CultureInfo.InvariantCulture).ToUpperInvariant();
        kept[first] = $"{article.Dateline}, {month} {article.Published.Day} - {kept[first]}";
        return kept;
    }

    /// <summary>Greedy wrap at <see cref="WrapWidth"/> columns; body paragraphs start with a four-space indent, the headline stands alone.</summary>
    public static string Wrap(IReadOnlyList<string> paragraphs, bool headline)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i == 0 && headline)
            {
                sb.Append(paragraphs[i]).Append('\n');
                continue;
            }

            var line = new StringBuilder("    ");
            // Whether the line holds a word yet: its length cannot say, as a continuation line of four letters ("Open")
            // is as long as the indent, and "Open" + "Market" would run together.
            var hasWord = false;
            foreach (var word in paragraphs[i].Split(' '))
            {
                if (hasWord && line.Length + 1 + word.Length > WrapWidth)
                {
                    sb.Append(line).Append('\n');
                    line.Clear();
                    hasWord = false;
                }

                line.Append(hasWord ? " " : string.Empty).Append(word);
                hasWord = true;
            }

            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Tests.Gold;

public sealed record GoldActor(string Name, string Type, IReadOnlyList<string> Aliases)
{
    public IEnumerable<string> Names => Aliases.Prepend(Name);
}

public sealed record GoldQuote(string Speaker, string Contains, string? Outlet = null);

public sealed record GoldDate(DateOnly Date, string Precision, string Text);

public sealed record GoldComment(string Author, string StartsWith);

public sealed record GoldArticle(
    string File,
    DateOnly ReceivedOn,
    string Title,
    bool TitleFromLead,
    string Publisher,
    IReadOnlyList<string> Cites,
    DateOnly? Published,
    IReadOnlyList<GoldActor> Actors,
    IReadOnlyList<string> Optional,
    IReadOnlyList<string> Forbidden,
    IReadOnlyList<string> Topics,
    IReadOnlyList<GoldQuote> Quotes,
    IReadOnlyList<GoldDate> Dates,
    IReadOnlyList<GoldComment> Comments,
    IReadOnlyList<string> BodyMustNotContain);

/// <summary>One labelled seed with what the enricher made of it.</summary>
public sealed record GoldCase(GoldArticle Gold, EnrichedArticle Actual);

/// <summary>
/// Counts for precision (how many of the predicted items are right) and recall (how many of the expected
/// items were found), summed over articles: micro-averaged.
/// </summary>
public sealed class Tally
{
    private int _correct;
    private int _predicted;
    private int _found;
    private int _expected;

    public double Precision => _predicted == 0 ? 1 : (double)_correct / _predicted;
    public double Recall => _expected == 0 ? 1 : (double)_found / _expected;

    public void Add(int correct, int predicted, int found, int expected)
    {
        _correct += correct;
        _predicted += predicted;
        _found += found;
        _expected += expected;
    }

    public override string ToString() =>
        $"precision {Precision:0.000} ({_correct}/{_predicted}), recall {Recall:0.000} ({_found}/{_expected})";
}

/// <summary>The gold file for the seed articles, and the seeds enriched once for every test that reads them.</summary>
public static class GoldStandard
{
    private static readonly Lazy<IReadOnlyList<GoldCase>> SeedCases = new(() => Load(Path.Combine("tests", "Enrichment.Tests", "Gold", "seeds.gold.json"), "seeds", receivedIsAsOf: true));
    private static readonly Lazy<IReadOnlyList<GoldCase>> GeneralCases = new(() => Load(Path.Combine("tests", "Enrichment.Tests", "Gold", "general", "general.gold.json"), Path.Combine("tests", "Enrichment.Tests", "Gold", "general"), receivedIsAsOf: false));

    /// <summary>The five seed articles (one story).</summary>
    public static IReadOnlyList<GoldCase> Cases => SeedCases.Value;

    /// <summary>Twelve original articles of varied kinds (Gold/general): the check that the rules are not fitted to the seeds.</summary>
    public static IReadOnlyList<GoldCase> General => GeneralCases.Value;

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Search.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No Search.sln above " + AppContext.BaseDirectory);
    }

    /// <summary>Case, accents, curly apostrophes and spacing do not make two names different.</summary>
    public static string Normalise(string name)
    {
        var decomposed = name.Replace('’', '\'').Replace('–', '-').Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The gold actor an extracted actor stands for: by its canonical name first, then by any alias.</summary>
    public static GoldActor? Match(ActorMention actor, IEnumerable<GoldActor> gold)
    {
        var candidates = gold.ToList();
        var name = Normalise(actor.Name);
        return candidates.FirstOrDefault(g => g.Names.Any(n => Normalise(n) == name))
            ?? candidates.FirstOrDefault(g => actor.Aliases.Any(a => g.Names.Any(n => Normalise(n) == Normalise(a))));
    }

    public static bool IsOptional(ActorMention actor, GoldArticle gold) =>
        actor.Aliases.Prepend(actor.Name).Any(n => gold.Optional.Any(o => Normalise(o) == Normalise(n)));

    /// <param name="receivedIsAsOf">The seeds were collected within weeks of their story, so the day they were collected
    /// is a fair reference date ("current on or shortly before"). The general set's articles span 2023–2025 and were
    /// collected later: its collection day is no such claim, and with asOf a text without a date of its own takes asOf.</param>
    private static IReadOnlyList<GoldCase> Load(string goldFile, string textFolder, bool receivedIsAsOf)
    {
        var root = RepositoryRoot();
        using var stream = File.OpenRead(Path.Combine(root, goldFile));
        var file = JsonSerializer.Deserialize<GoldFile>(stream, ArticleJson.Options)!;
        var enricher = ArticleEnricher.CreateDefault();
        return file.Articles.Select(gold =>
        {
            var text = File.ReadAllText(Path.Combine(root, textFolder, gold.File));
            var raw = new RawArticle(ArticleId.FromText(text), text, new ArticleMetadata(AsOf: receivedIsAsOf ? gold.ReceivedOn : null));
            return new GoldCase(gold, enricher.Enrich(raw));
        }).ToList();
    }

    private sealed record GoldFile(IReadOnlyList<GoldArticle> Articles);
}

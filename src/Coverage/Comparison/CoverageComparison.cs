using NewsSearch.Articles;
using NewsSearch.Coverage.Claims;

namespace NewsSearch.Coverage.Comparison;

/// <summary>An outlet's column: its articles in the comparison, earliest first.</summary>
public sealed record CompareOutlet(string Name, string Source, IReadOnlyList<CompareArticle> Articles)
{
    public DateOnly? FirstPublished => Articles.Select(a => a.Published).Min();
}

public sealed record CompareArticle(string Id, string Title, DateOnly? Published, string? Url);

/// <summary>An actor and how often each outlet (in <see cref="CoverageComparison.Outlets"/> order) mentions it; 0 where it does not.</summary>
public sealed record ActorRow(string Name, ActorType Type, IReadOnlyList<int> Mentions)
{
    public int Outlets => Mentions.Count(m => m > 0);
}

/// <summary>One speaker's quotes, per outlet: who carried which line.</summary>
public sealed record SpeakerRow(string Speaker, IReadOnlyList<IReadOnlyList<string>> Quotes)
{
    public int Outlets => Quotes.Count(q => q.Count > 0);
}

public sealed record ClaimCell(string Text, double? Value, FigureBound Bound, string? AssertedBy, string Sentence, string ArticleId);

/// <summary>One thing counted ("people killed", "days of talks"), what each outlet says of it, and whether outlets disagree.</summary>
public sealed record ClaimRow(string Key, FigureKind Kind, bool Differs, IReadOnlyList<IReadOnlyList<ClaimCell>> Cells);

public sealed record DateCell(DateOnly Date, string Text, string Sentence, string ArticleId);

/// <summary>One event ("talks collapsed", "ceasefire"), the days each outlet gives for it, and whether they disagree.</summary>
public sealed record DateRow(string Event, bool Differs, IReadOnlyList<IReadOnlyList<DateCell>> Cells);

/// <summary>
/// The outlets' accounts of one search side by side: a column per outlet (a publisher, or each unattributed article
/// on its own), and rows for the actors they name, whom they quote, the figures they report and the dates they give,
/// aligned across outlets with disagreements marked. Outlets go in order of first publication: the first is first.
/// </summary>
public sealed record CoverageComparison(
    int Compared,
    bool Truncated,
    IReadOnlyList<CompareOutlet> Outlets,
    IReadOnlyList<ActorRow> Actors,
    IReadOnlyList<SpeakerRow> Speakers,
    IReadOnlyList<ClaimRow> Claims,
    IReadOnlyList<DateRow> Dates)
{
    public const int MaxArticles = 60;
    public const int MaxActors = 40;
    private const string UnknownSpeaker = "unknown";

    /// <param name="articles">Whole articles with their bodies; <paramref name="truncated"/> says the search had more.</param>
    public static CoverageComparison Build(IReadOnlyList<EnrichedArticle> articles, bool truncated)
    {
        var columns = articles
            .GroupBy(a => a.Source == EnrichedArticle.UnknownSource ? $"{EnrichedArticle.UnknownSource}: {a.Title}" : a.Source, StringComparer.Ordinal)
            .Select(g => (Outlet: new CompareOutlet(g.Key, g.First().Source,
                [.. g.OrderBy(a => a.Published ?? DateOnly.MaxValue).Select(a => new CompareArticle(a.Id, a.Title, a.Published, a.Url))]), Articles: g.ToList()))
            .OrderBy(c => c.Outlet.FirstPublished ?? DateOnly.MaxValue)
            .ThenBy(c => c.Outlet.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        return new CoverageComparison(
            articles.Count,
            truncated,
            [.. columns.Select(c => c.Outlet)],
            ActorRows(columns.Select(c => c.Articles).ToList()),
            SpeakerRows(columns.Select(c => c.Articles).ToList()),
            ClaimRows(columns.Select(c => c.Articles).ToList()),
            DateRows(columns.Select(c => c.Articles).ToList()));
    }

    private static List<ActorRow> ActorRows(List<List<EnrichedArticle>> columns) =>
    [
        .. columns.SelectMany(c => c.SelectMany(a => a.Actors)).GroupBy(a => a.Name, StringComparer.Ordinal)
            .Select(g => new ActorRow(g.Key, g.First().Type,
                [.. columns.Select(c => c.SelectMany(a => a.Actors).Where(m => m.Name == g.Key).Sum(m => m.Mentions))]))
            .OrderByDescending(row => row.Outlets).ThenByDescending(row => row.Mentions.Sum()).ThenBy(row => row.Name, StringComparer.OrdinalIgnoreCase)
            .Take(MaxActors),
    ];

    private static List<SpeakerRow> SpeakerRows(List<List<EnrichedArticle>> columns) =>
    [
        .. columns.SelectMany(c => c.SelectMany(a => a.Quotes)).Select(q => q.Speaker).Distinct(StringComparer.Ordinal)
            .Select(speaker => new SpeakerRow(speaker,
                [.. columns.Select(c => (IReadOnlyList<string>)[.. c.SelectMany(a => a.Quotes).Where(q => q.Speaker == speaker).Select(q => q.Text).Distinct()])]))
            // Named speakers first, the most widely quoted first; unattributed quotes last.
            .OrderBy(row => row.Speaker == UnknownSpeaker).ThenByDescending(row => row.Outlets).ThenByDescending(row => row.Quotes.Sum(q => q.Count)),
    ];

    private static List<ClaimRow> ClaimRows(List<List<EnrichedArticle>> columns)
    {
        var perOutlet = columns.Select(c => c.SelectMany(a => ClaimExtractor.Extract(a.Body).Select(claim => Cell(claim, a))).ToList()).ToList();
        return
        [
            .. perOutlet.SelectMany(cells => cells.Select(cell => (cell.Key, cell.Kind))).Distinct()
                .Select(key => (key.Key, key.Kind, Cells: perOutlet.Select(cells => (IReadOnlyList<ClaimCell>)[.. cells.Where(c => (c.Key, c.Kind) == key).Select(c => c.Cell)]).ToList()))
                .Select(row => new ClaimRow(row.Key, row.Kind, Disagree(row.Cells.Select(cells => cells.Select(c => c.Value)).ToList()), row.Cells))
                // Figures several outlets give come first, disagreements first among them.
                .OrderByDescending(row => row.Cells.Count(c => c.Count > 0) > 1).ThenByDescending(row => row.Differs)
                .ThenByDescending(row => row.Cells.Count(c => c.Count > 0)),
        ];
    }

    /// <summary>A claim in its outlet's column; a figure inside a quotation is asserted by whoever the enricher found saying it.</summary>
    private static (string Key, FigureKind Kind, ClaimCell Cell) Cell(FigureClaim claim, EnrichedArticle article)
    {
        var assertedBy = claim.AssertedBy ?? article.Quotes
            .FirstOrDefault(q => q.Speaker != UnknownSpeaker && claim.Sentence.Contains(q.Text, StringComparison.Ordinal))?.Speaker;
        return (claim.Key, claim.Kind, new ClaimCell(claim.Text, claim.Value, claim.Bound, assertedBy, claim.Sentence, article.Id));
    }

    private static List<DateRow> DateRows(List<List<EnrichedArticle>> columns)
    {
        var perOutlet = columns.Select(c => c.SelectMany(a => EventDates.Of(a).Select(d => (d.Event, Cell: new DateCell(d.Date, d.Text, d.Sentence, a.Id)))).ToList()).ToList();
        return
        [
            .. perOutlet.SelectMany(cells => cells.Select(c => c.Event)).Distinct()
                .Select(name => (Event: name, Cells: perOutlet.Select(cells => (IReadOnlyList<DateCell>)[.. cells.Where(c => c.Event == name).Select(c => c.Cell).DistinctBy(c => c.Date)]).ToList()))
                .Select(row => new DateRow(row.Event, Disagree(row.Cells.Select(cells => cells.Select(c => (double?)c.Date.DayNumber)).ToList()), row.Cells))
                .OrderByDescending(row => row.Cells.Count(c => c.Count > 0) > 1).ThenByDescending(row => row.Differs),
        ];
    }

    /// <summary>
    /// Two outlets disagree when the values each gives have none in common ("4 days" against "3 days"). An outlet
    /// giving several values (several attacks on several days) agrees with one that gives any of them; vague
    /// amounts ("dozens") never disagree.
    /// </summary>
    private static bool Disagree(List<IEnumerable<double?>> valuesPerOutlet)
    {
        var sets = valuesPerOutlet.Select(values => values.OfType<double>().ToHashSet()).Where(set => set.Count > 0).ToList();
        for (var i = 0; i < sets.Count; i++)
            for (var j = i + 1; j < sets.Count; j++)
                if (!sets[i].Overlaps(sets[j])) return true;
        return false;
    }
}

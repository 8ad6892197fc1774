using NewsSearch.Articles;
using NewsSearch.Coverage.Analysis;
using NewsSearch.Coverage.Comparison;

namespace NewsSearch.Web;

public sealed record SearchPageModel(SearchState State, SearchResult? Result, QueryProblem? Problem)
{
    /// <summary>Actor types by name, from the facet, so result chips can show what kind of actor they name.</summary>
    public IReadOnlyDictionary<string, string> ActorTypes { get; } = Result?.Facets.Actor
        .Where(value => value.Type is not null)
        .DistinctBy(value => value.Value)
        .ToDictionary(value => value.Value, value => Display.ActorType(value.Type)) ?? [];

    public int PageCount => Result is null
        ? 0
        : (int)Math.Min(
            (Result.Total + SearchState.PageSize - 1) / SearchState.PageSize,
            SearchResult.MaxResultWindow / SearchState.PageSize);
}

public sealed record ArticlePageModel(EnrichedArticle Article, IReadOnlyList<SearchHit> Similar, QueryProblem? SimilarProblem)
{
    public IReadOnlyList<IReadOnlyList<BodySegment>> Body { get; } = ArticleBody.Segment(Article.Body, Article.Actors);

    /// <summary>Only web addresses become links: a stored URL is data, and data may say "javascript:".</summary>
    public Uri? SafeUrl => Uri.TryCreate(Article.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        ? url
        : null;

    public IReadOnlyList<IGrouping<string, Quote>> QuotesBySpeaker { get; } = [.. Article.Quotes.GroupBy(quote => quote.Speaker)];

    public IReadOnlyList<DateMention> Timeline { get; } = [.. Article.DatesMentioned.OrderBy(d => d.Date).ThenBy(d => d.Precision)];

    public bool IsActor(string name) => Article.Actors.Any(actor => actor.Name == name);
}

/// <summary>A page that only says something: not found, or the search service is down.</summary>
public sealed record MessagePageModel(int Status, string Title, string Text, string? Detail = null);

/// <summary>The outlet × actor (or topic) heat map and the attention strips of one search.</summary>
public sealed record MatrixPageModel(SearchState State, string Columns, CoverageMatrix? Matrix, AttentionOverTime? Attention, QueryProblem? Problem)
{
    public const string Actors = "actor";
    public const string Topics = "topic";

    public HeatMap? HeatMap { get; } = Matrix is null ? null : HeatMap.From(Matrix, State);

    public AttentionChart? Chart { get; } = Attention is null ? null : AttentionChart.From(Attention, State);
}

/// <summary>The outlets' accounts of one search side by side.</summary>
public sealed record ComparePageModel(SearchState State, CoverageComparison? Comparison, QueryProblem? Problem)
{
    /// <summary>Enough rows to see the figures several outlets give and the main one-outlet ones, few enough to read.</summary>
    public const int MaxFigureRows = 40;
    public const int MaxSpeakerRows = 30;
    private const int MaxQuoteLength = 240;

    /// <summary>The outlet that published first; none when no outlet has a date.</summary>
    public string? First { get; } = Comparison?.Outlets.FirstOrDefault(o => o.FirstPublished is not null)?.Name;

    /// <summary>At most <paramref name="length"/> characters, cut at a word.</summary>
    public static string Shorten(string text, int length = MaxQuoteLength)
    {
        if (text.Length <= length) return text;
        var cut = text.LastIndexOf(' ', length - 1);
        return text[..(cut > 0 ? cut : length)].TrimEnd(',', ';', ' ') + "…";
    }

    /// <summary>A figure with who asserts it; without a named source it is the outlet's own word.</summary>
    public static string WithSource(ClaimCell claim) => claim.AssertedBy is null ? claim.Text : $"{claim.Text} — {claim.AssertedBy}";
}

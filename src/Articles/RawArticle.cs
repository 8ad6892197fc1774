namespace NewsSearch.Articles;

/// <summary>An article as it was submitted: the text plus whatever metadata the client gave.</summary>
public sealed record RawArticle(string Id, string Text, ArticleMetadata Metadata);

/// <summary>Metadata given at ingest. Anything given here wins over what enrichment infers.</summary>
/// <param name="AsOf">
/// A reference date: the text was current on or shortly before it (an archive's collection date, a feed's fetch date).
/// A day the text gives without a year ("MARCH 3", "Oct. 19", "last Tuesday") is the nearest such day on or before it.
/// </param>
public sealed record ArticleMetadata(
    string? Title = null,
    string? Source = null,
    string? Url = null,
    DateOnly? Published = null,
    DateOnly? AsOf = null)
{
    public static ArticleMetadata None { get; } = new();
}

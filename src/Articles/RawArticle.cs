namespace NewsSearch.Articles;

/// <summary>An article as it was submitted: the text plus whatever metadata the client gave.</summary>
public sealed record RawArticle(string Id, string Text, ArticleMetadata Metadata);

/// <summary>Metadata given at ingest. Anything given here wins over what enrichment infers.</summary>
public sealed record ArticleMetadata(
    string? Title = null,
    string? Source = null,
    string? Url = null,
    DateOnly? Published = null)
{
    public static ArticleMetadata None { get; } = new();
}

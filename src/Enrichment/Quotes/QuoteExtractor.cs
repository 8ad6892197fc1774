using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Quotes;

/// <summary>Finds direct quotations and resolves each speaker to an actor's canonical name.</summary>
public sealed class QuoteExtractor
{
    public static QuoteExtractor CreateDefault() => new();

    public IReadOnlyList<Quote> Extract(string body, IReadOnlyList<ActorMention> actors) => [];
}

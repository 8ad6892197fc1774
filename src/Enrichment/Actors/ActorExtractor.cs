using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>Finds people, organisations and countries in a clean article body, each under one canonical name.</summary>
public sealed class ActorExtractor
{
    public static ActorExtractor CreateDefault() => new();

    public IReadOnlyList<ActorMention> Extract(string body) => [];
}

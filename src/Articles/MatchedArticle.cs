namespace NewsSearch.Articles;

/// <summary>One article a search matches, by its facet values only: what counting by outlet, actor, topic and day needs.</summary>
public sealed record MatchedArticle(
    string Id,
    string Source,
    DateOnly? Published,
    IReadOnlyList<NamedActor> Actors,
    IReadOnlyList<string> Topics,
    string? Story = null);

/// <summary>An actor's canonical name and its type (person, organisation, country) when known.</summary>
public sealed record NamedActor(string Name, string? Type);

namespace NewsSearch.Enrichment.Actors;

/// <summary>What the passes of one extraction share: the tokens, who claimed each, the mentions so far, and what the article defined.</summary>
internal sealed class ActorClaims(string body, Token[] tokens)
{
    public const int Free = -1;
    public const int Place = -2;

    public string Body { get; } = body;
    public Token[] Tokens { get; } = tokens;
    /// <summary>The first paragraph is the headline the cleaner took off the body (headline case: every word capitalised).</summary>
    public bool HasHeadline { get; init; }
    public int[] Owner { get; } = Enumerable.Repeat(Free, tokens.Length).ToArray();
    public List<Mention> Mentions { get; } = [];
    public Dictionary<Entity, string> Roles { get; } = [];
    /// <summary>Names this article defined (acronyms, named bodies, cited outlets), matched again by <see cref="LocalMatchPass"/>.</summary>
    public PhraseTrie Local { get; } = new();
    public Dictionary<string, Entity> LocalByName { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<PersonCandidate> Candidates { get; } = [];
    /// <summary>Mentions that are not mentions after all: a country word inside an organisation's name.</summary>
    public HashSet<int> Absorbed { get; } = [];
    /// <summary>Mentions that add an alias but not a count: the acronym in "Full Name (ACR)".</summary>
    public HashSet<int> Uncounted { get; } = [];
}

internal sealed record Mention(Entity Entity, int First, int Last, bool Demonym)
{
    public int Start(Token[] t) => t[First].Start;
}

/// <summary>A person named in the text, before people spelt differently are merged.</summary>
internal sealed record PersonCandidate(int First, int Last, string[] Keys, string Surface, string? Role, bool KeepsHonorific);

namespace NewsSearch.Articles;

/// <summary>
/// What enrichment makes of a raw article, and what the search store indexes.
/// Facet values: <see cref="Source"/>, each actor's <see cref="ActorMention.Name"/>, each topic's
/// <see cref="TopicScore.Label"/>, and <see cref="Published"/>.
/// </summary>
public sealed record EnrichedArticle
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>The clean body: no site chrome, no reader comments.</summary>
    public required string Body { get; init; }
    /// <summary>The publisher's name, or <see cref="UnknownSource"/> when the text does not identify it.</summary>
    public required string Source { get; init; }
    public Evidence? SourceEvidence { get; init; }
    /// <summary>Outlets the article cites ("told Reuters"): never the publisher.</summary>
    public IReadOnlyList<string> Cites { get; init; } = [];
    /// <summary>The publication date, only when its year is known: given, stated by the text, or resolved against an <c>asOf</c>.</summary>
    public DateOnly? Published { get; init; }
    public Evidence? PublishedEvidence { get; init; }
    /// <summary>
    /// False when the publication year is unknown: <see cref="Published"/> is then null, the article is counted as undated
    /// in the date facet and no from/to filter matches it. <see cref="PublishedMonthDay"/> may still hold the day the text gives.
    /// </summary>
    public bool YearKnown => Published is not null;
    /// <summary>"--03-03" (ISO 8601 month and day) when the text gives the day of publication but not its year.</summary>
    public string? PublishedMonthDay { get; init; }
    public string? Url { get; init; }
    public string Language { get; init; } = "en";
    public IReadOnlyList<ActorMention> Actors { get; init; } = [];
    public IReadOnlyList<TopicScore> Topics { get; init; } = [];
    public IReadOnlyList<DateMention> DatesMentioned { get; init; } = [];
    public IReadOnlyList<Quote> Quotes { get; init; } = [];
    public IReadOnlyList<ReaderComment> Comments { get; init; } = [];
    /// <summary>
    /// The story the article belongs to (the id of the story's first article), set by the search store as it indexes the
    /// article; enrichment leaves it null and the store ignores what it is given.
    /// </summary>
    public string? Story { get; init; }

    public const string UnknownSource = "Unknown";
}

/// <summary>Why enrichment believes a value: how it was found, the text span, and how sure it is (0..1).</summary>
public sealed record Evidence(string Method, string Text, double Confidence);

public enum ActorType
{
    Person,
    Organisation,
    Country,
}

/// <summary>One actor as the article mentions it, under one canonical name.</summary>
public sealed record ActorMention(
    string Name,
    ActorType Type,
    IReadOnlyList<string> Aliases,
    int Mentions,
    int FirstPosition,
    string? Role = null);

/// <summary>A topic from the taxonomy (see the enrichment data), with its IPTC Media Topic code where one corresponds.</summary>
public sealed record TopicScore(string Label, double Score, string? IptcCode = null);

public enum DatePrecision
{
    Day,
    Month,
    Year,
}

/// <summary>A date the article refers to. <see cref="Date"/> is the first day of the month or year for coarser precisions.</summary>
public sealed record DateMention(DateOnly Date, DatePrecision Precision, string Text, string Sentence);

/// <summary>A direct quotation with its speaker resolved to an actor's canonical name where possible.</summary>
public sealed record Quote(string Text, string Speaker, string? Outlet = null);

public sealed record ReaderComment(string Author, string Text);

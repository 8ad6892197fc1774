using NewsSearch.Articles;

namespace NewsSearch.Web.IntegrationTests.Query;

/// <summary>Test articles in the shape enrichment produces: coverage of one story by several outlets, and one hostile article.</summary>
public static class SampleArticles
{
    public const string TalksCollapseId = "0bebbef317f8dfdc";
    public const string HostileId = "deadbeefdeadbeef";
    public const string UndatedWireId = "c0ffee00c0ffee00";
    public const string HostileTitle = "<script>alert('title')</script> & \"friends\"";

    private static ActorMention Person(string name, int mentions, params string[] aliases) =>
        new(name, ActorType.Person, aliases, mentions, 0);

    private static ActorMention Organisation(string name, int mentions, params string[] aliases) =>
        new(name, ActorType.Organisation, aliases, mentions, 0);

    private static ActorMention Country(string name, int mentions, params string[] aliases) =>
        new(name, ActorType.Country, aliases, mentions, 0);

    public static IReadOnlyList<EnrichedArticle> All { get; } =
    [
        new()
        {
            Id = TalksCollapseId,
            Title = "Pakistan and Afghanistan peace talks in Istanbul collapse",
            Body = "Peace negotiations between Pakistan and Afghanistan collapsed early Wednesday after four days of talks in Istanbul. "
                + "Information Minister Attaullah Tarar accused the Taliban government in Kabul of inaction.\n\n"
                + "The breakdown came just 10 days after the two countries signed a ceasefire on Oct. 19 in Doha.\n\n"
                + "Tarar wrote that the talks “failed to bring any functional solution”.",
            Source = "The Post News",
            SourceEvidence = new Evidence("byline", "(The Post News) –", 0.9),
            Published = new DateOnly(2025, 10, 29),
            PublishedEvidence = new Evidence("relative-date", "early Wednesday", 0.6),
            Actors =
            [
                Country("Pakistan", 6, "Islamabad"), Country("Afghanistan", 4, "Kabul"), Person("Attaullah Tarar", 2, "Tarar"),
                Organisation("Taliban", 2), Country("Qatar", 1, "Doha"), Country("Türkiye", 1, "Turkey"),
            ],
            Topics = [new("Diplomacy", 0.9, "11000000"), new("Armed conflict", 0.6)],
            DatesMentioned =
            [
                new(new DateOnly(2025, 10, 19), DatePrecision.Day, "Oct. 19", "The two countries signed a ceasefire on Oct. 19 in Doha."),
                new(new DateOnly(2021, 1, 1), DatePrecision.Year, "2021", "The Taliban seized power in 2021."),
            ],
            Quotes = [new("failed to bring any functional solution", "Attaullah Tarar", "X"), new("deflection and guile", "Attaullah Tarar")],
            Comments = [new("reader42", "Talks never work.")],
        },
        new()
        {
            Id = "6eb1bb78d267b7fc",
            Title = "Afghanistan-Pakistan talks hit a wall in Istanbul",
            Body = "Two days of peace talks in Istanbul collapsed without agreement on November 8, 2025. "
                + "The talks were mediated by Turkey and Qatar. Defense Minister Khawaja Asif said the talks had ended.",
            Source = "Modern Diplomacy",
            SourceEvidence = new Evidence("site-name", "Modern Diplomacy", 0.7),
            Published = new DateOnly(2025, 11, 8),
            PublishedEvidence = new Evidence("dateline", "November 8, 2025", 0.8),
            Actors =
            [
                Country("Pakistan", 3), Country("Afghanistan", 3), Person("Khawaja Asif", 2, "Asif"),
                Country("Qatar", 1), Country("Türkiye", 1, "Turkey"),
            ],
            Topics = [new("Diplomacy", 0.8), new("Ceasefire", 0.7)],
            Quotes = [new("The talks have ended", "Khawaja Asif", "Geo News")],
        },
        new()
        {
            Id = "5a2d23875c7d22bc",
            Title = "Peace talks collapse in Istanbul: ceasefire holds, but tensions simmer",
            Body = "Hopes for a lasting peace between Pakistan and Afghanistan were dashed this week in Istanbul, "
                + "where negotiations mediated by Turkey and Qatar ended without a breakthrough.",
            Source = "Unknown",
            Published = new DateOnly(2025, 11, 8),
            Actors = [Country("Pakistan", 2), Country("Afghanistan", 2), Country("Qatar", 1), Country("Türkiye", 1, "Turkey")],
            Topics = [new("Diplomacy", 0.7), new("Border security", 0.5)],
        },
        new()
        {
            Id = "375710e53df05969",
            Title = "Pakistan-Afghanistan talks stall after three days",
            Body = "The high-stakes talks between Pakistan and Afghanistan in Istanbul stalled after three days, officials said on Tuesday. "
                + "The Tehreek-e-Taliban Pakistan (TTP) was the sticking point.",
            Source = "Dawn",
            Published = new DateOnly(2025, 10, 28),
            Actors = [Country("Pakistan", 3), Country("Afghanistan", 2), Organisation("Tehreek-e-Taliban Pakistan", 1, "TTP")],
            Topics = [new("Armed conflict", 0.7), new("Terrorism", 0.6)],
        },
        new()
        {
            Id = "bf761edc6361d53b",
            Title = "Istanbul negotiations end without resolution",
            Body = "Peace talks between Pakistan and Afghanistan's Taliban government in Istanbul concluded without a breakthrough. "
                + "Information Minister Attaullah Tarar confirmed the failure early Wednesday.",
            Source = "The Express Tribune",
            Published = new DateOnly(2025, 10, 29),
            Actors = [Country("Pakistan", 3), Country("Afghanistan", 2), Person("Attaullah Tarar", 1), Organisation("Taliban", 1)],
            Topics = [new("Diplomacy", 0.8)],
        },
        new()
        {
            Id = HostileId,
            Title = HostileTitle,
            Body = "Eve wrote <img src=x onerror=alert('body')> about Mallory & <b>bold</b> claims.\n\nSecond paragraph.",
            Source = "<i>Evil</i> Times",
            Url = "javascript:alert('url')",
            Published = new DateOnly(2025, 9, 1),
            Actors = [Person("Mallory", 1, "<b>bold</b>"), Country("Iran", 1), Country("India", 1), Country("China", 1)],
            Topics = [new("<script>topic</script>", 0.5)],
            Quotes = [new("<script>quote</script>", "Mallory")],
            Comments = [new("<em>troll</em>", "<script>comment</script>")],
        },
        new()
        {
            Id = UndatedWireId,
            Title = "Copper producers cut output",
            Body = "Shares of copper producers rose on Tuesday after two mines said they would cut output.",
            Source = "Reuters",
            PublishedEvidence = new Evidence("dateline", "MARCH 3 (year unknown)", 0.9),
            PublishedMonthDay = "--03-03",
            Topics = [new("Markets", 0.7)],
        },
    ];
}

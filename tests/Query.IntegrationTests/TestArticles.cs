using NewsSearch.Articles;

namespace NewsSearch.Query.IntegrationTests;

/// <summary>A small crafted corpus: three outlets on one story, one unrelated article, one without source or date.</summary>
public static class TestArticles
{
    public static EnrichedArticle IstanbulReuters { get; } = Article(
        "Pakistan and Afghanistan resume talks in Istanbul",
        "Delegations from Pakistan and Afghanistan met in Istanbul on Saturday for a second round of peace talks mediated by Turkey and Qatar. " +
        "Officials said the ceasefire agreed in Doha would be extended.",
        "Reuters", new DateOnly(2025, 10, 25),
        [Actor("Pakistan", ActorType.Country), Actor("Afghanistan", ActorType.Country), Actor("Turkey", ActorType.Country), Actor("Qatar", ActorType.Country)],
        ["Diplomacy", "Conflict"]);

    public static EnrichedArticle IstanbulDawn { get; } = Article(
        "Istanbul talks end without agreement, Khawaja Asif says",
        "Defence Minister Khawaja Asif said the talks in Istanbul between Pakistan and the Afghan Taliban ended without agreement. " +
        "Pakistan wants guarantees against cross-border attacks by the TTP.",
        "Dawn", new DateOnly(2025, 10, 28),
        [Actor("Pakistan", ActorType.Country), Actor("Khawaja Asif", ActorType.Person), Actor("Tehrik-i-Taliban Pakistan", ActorType.Organisation)],
        ["Diplomacy", "Security"]);

    public static EnrichedArticle IstanbulTolo { get; } = Article(
        "Islamic Emirate delegation returns from Istanbul",
        "The Islamic Emirate's delegation returned to Kabul after talks with Pakistan in Istanbul. Zabihullah Mujahid said the talks would continue.",
        "Tolo News", new DateOnly(2025, 11, 7),
        [Actor("Afghanistan", ActorType.Country), Actor("Pakistan", ActorType.Country), Actor("Zabihullah Mujahid", ActorType.Person)],
        ["Diplomacy"]);

    public static EnrichedArticle Harvest { get; } = Article(
        "Record wheat harvest in Punjab",
        "Farmers in Punjab reported a record wheat harvest this season, helped by late rains and cheaper fertiliser.",
        "Dawn", new DateOnly(2025, 6, 2),
        [Actor("Punjab", ActorType.Organisation)],
        ["Agriculture", "Economy"]);

    public static EnrichedArticle Anonymous { get; } = Article(
        "Ceasefire holds along the border",
        "A ceasefire between the two neighbours held for a third day, residents of border towns said.",
        EnrichedArticle.UnknownSource, null,
        [],
        ["Conflict"]);

    /// <summary>Markup in the text must come back escaped in snippets.</summary>
    public static EnrichedArticle Markup { get; } = Article(
        "Ministers trade barbs over <script> tags & quotes",
        "The minister wrote <script>alert('barbs')</script> in a post & deleted it, then traded more barbs with reporters.",
        "The Daily Example", new DateOnly(2025, 9, 15),
        [Actor("Ministry of Information", ActorType.Organisation)],
        ["Media"]);

    public static IReadOnlyList<EnrichedArticle> All { get; } = [IstanbulReuters, IstanbulDawn, IstanbulTolo, Harvest, Anonymous, Markup];

    private static EnrichedArticle Article(string title, string body, string source, DateOnly? published, IReadOnlyList<ActorMention> actors, IReadOnlyList<string> topics) => new()
    {
        Id = ArticleId.FromText(title + "\n\n" + body),
        Title = title,
        Body = body,
        Source = source,
        Published = published,
        Actors = actors,
        Topics = [.. topics.Select((topic, index) => new TopicScore(topic, 1.0 - index * 0.1))],
    };

    private static ActorMention Actor(string name, ActorType type) => new(name, type, [], Mentions: 2, FirstPosition: 0);
}

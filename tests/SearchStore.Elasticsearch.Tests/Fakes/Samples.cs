using NewsSearch.Articles;
using NewsSearch.SearchStore.Elasticsearch;

namespace NewsSearch.SearchStore.Elasticsearch.Tests.Fakes;

/// <summary>Test articles and a store wired to a fake cluster.</summary>
internal static class Samples
{
    /// <summary>For comparing JSON as text: non-ASCII letters and markup characters as themselves.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ElasticsearchOptions Options(string connectionString = "http://es.test:9200") => new()
    {
        Connection = ElasticsearchConnection.Parse(connectionString),
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RetryMaxDelay = TimeSpan.FromMilliseconds(5),
    };

    /// <summary>The mappings the adapter creates its index with, as a fresh cluster records them.</summary>
    public static System.Text.Json.Nodes.JsonObject CurrentMappings => LazyMappings.Value.DeepClone().AsObject();

    private static readonly Lazy<System.Text.Json.Nodes.JsonObject> LazyMappings = new(() =>
    {
        var fake = new FakeElasticsearch();
        using var store = Store(fake);
        store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        return fake.Mappings.Single().Value;
    });

    public static ElasticsearchSearchStore Store(FakeElasticsearch fake, ElasticsearchOptions? options = null) =>
        new(options ?? Options(), fake);

    public static EnrichedArticle Article(string id, string title = "Pakistan and Afghanistan resume talks in Istanbul", string source = "Dawn", DateOnly? published = null) => new()
    {
        Id = id,
        Title = title,
        Body = "Delegations met in Istanbul, Türkiye, for negotiations mediated by Qatar. <b>Officials</b> said the TTP & others were discussed.",
        Source = source,
        SourceEvidence = new Evidence("byline", source, 0.9),
        Published = published ?? new DateOnly(2025, 10, 25),
        Url = $"https://example.org/{id}",
        Actors =
        [
            new ActorMention("Pakistan", ActorType.Country, ["Islamabad"], 4, 0),
            new ActorMention("Türkiye", ActorType.Country, ["Turkey", "Turkiye"], 2, 30),
            new ActorMention("Tehreek-e-Taliban Pakistan", ActorType.Organisation, ["TTP"], 1, 90),
        ],
        Topics = [new TopicScore("Diplomacy", 0.8, "11000000")],
        DatesMentioned = [new DateMention(new DateOnly(2025, 10, 25), DatePrecision.Day, "25 October", "Talks began on 25 October.")],
        Quotes = [new Quote("We want peace.", "Pakistan")],
        Comments = [new ReaderComment("reader", "Good news.")],
    };
}

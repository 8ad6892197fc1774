using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Tests;

public sealed class ArticleEnricherTests
{
    private static readonly ArticleEnricher Enricher = ArticleEnricher.CreateDefault();

    private const string Story = """
        Ceasefire Talks Resume in Doha
        (The Harbour Times) – Negotiators from both governments met again in Doha on Monday, a week after a truce was signed on March 3, 2025.
        The talks, mediated by Qatar, are meant to end months of border clashes and air strikes.
        3 Comments
        cricketfan
        The cricket match and the football tournament were better news.
        Observer_9
        Peace talks again.
        Z
        Elections now!
        """;

    private static RawArticle Raw(string text, ArticleMetadata? metadata = null) => new(ArticleId.FromText(text), text, metadata ?? ArticleMetadata.None);

    [Fact]
    public void Everything_is_inferred_from_the_text_when_no_metadata_is_given()
    {
        var article = Enricher.Enrich(Raw(Story));

        article.Title.ShouldBe("Ceasefire Talks Resume in Doha");
        article.Source.ShouldBe("The Harbour Times");
        article.Published.ShouldBe(new DateOnly(2025, 3, 10));
        article.Language.ShouldBe("en");
        article.Topics.Select(t => t.Label).ShouldContain("Peace process");
        article.Body.ShouldNotContain("Comments");
    }

    [Fact]
    public void Metadata_given_at_ingest_wins_over_inference()
    {
        var metadata = new ArticleMetadata("Given title", "Given Source", "https://example.org/story", new DateOnly(2024, 12, 31));

        var article = Enricher.Enrich(Raw(Story, metadata));

        article.Title.ShouldBe("Given title");
        article.Source.ShouldBe("Given Source");
        article.SourceEvidence!.Method.ShouldBe("metadata");
        article.Url.ShouldBe("https://example.org/story");
        article.Published.ShouldBe(new DateOnly(2024, 12, 31));
        article.PublishedEvidence!.Method.ShouldBe("metadata");
    }

    [Fact]
    public void Reader_comments_are_kept_apart_and_feed_neither_topics_nor_actors()
    {
        var article = Enricher.Enrich(Raw(Story));

        article.Comments.Select(c => c.Author).ShouldBe(["cricketfan", "Observer_9", "Z"]);
        article.Topics.Select(t => t.Label).ShouldNotContain("Sport");
        article.Topics.Select(t => t.Label).ShouldNotContain("Elections");
        article.Actors.Select(a => a.Name).ShouldNotContain("Observer_9");
    }

    [Fact]
    public void Text_with_nothing_to_identify_it_gets_Unknown_source_and_no_date()
    {
        var article = Enricher.Enrich(Raw("Officials said the talks had stalled on Wednesday, and a senior official told Reuters no date was set."));

        article.Source.ShouldBe(EnrichedArticle.UnknownSource);
        article.SourceEvidence.ShouldBeNull();
        article.Cites.ShouldBe(["Reuters"]);
        article.Published.ShouldBeNull();
    }

    [Theory]
    [InlineData("not-hex", "Some text", "id")]
    [InlineData("0123456789abcdef", "  ", "empty")]
    public void A_raw_article_that_cannot_be_enriched_says_why(string id, string text, string reason)
    {
        var problem = ArticleEnricher.Validate(new RawArticle(id, text, ArticleMetadata.None));

        problem.ShouldNotBeNull();
        problem.ShouldContain(reason);
        Should.Throw<ArgumentException>(() => Enricher.Enrich(new RawArticle(id, text, ArticleMetadata.None)));
    }

    [Fact]
    public void A_non_English_article_is_flagged_by_its_language_and_not_misread()
    {
        const string german = "Die Verhandlungen zwischen den beiden Regierungen wurden am Mittwoch in Istanbul ohne Ergebnis abgebrochen. " +
            "Die Vermittler aus Katar und der Türkei wollen die Gespräche dennoch fortsetzen, teilte das Außenministerium mit.";

        var article = Enricher.Enrich(Raw(german));

        article.Language.ShouldNotBe("en");
        article.Actors.ShouldBeEmpty();
        article.Topics.ShouldBeEmpty();
    }
}

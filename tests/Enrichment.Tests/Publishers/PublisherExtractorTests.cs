using NewsSearch.Articles;
using NewsSearch.Enrichment.Cleaning;
using NewsSearch.Enrichment.Publishers;

namespace NewsSearch.Enrichment.Tests.Publishers;

public sealed class PublisherExtractorTests
{
    private static readonly PublisherExtractor Extractor = PublisherExtractor.CreateDefault();

    private static PublisherFinding Extract(string text, string? metadataSource = null) =>
        Extractor.Extract(text, ArticleCleaner.Clean(text), metadataSource);

    [Fact]
    public void A_dateline_names_the_publisher_with_its_evidence()
    {
        var found = Extract("(The Harbour Times) – Talks collapsed early Wednesday.");

        found.Source.ShouldBe("The Harbour Times");
        found.Evidence.ShouldNotBeNull();
        found.Evidence.Method.ShouldBe("dateline");
        found.Evidence.Text.ShouldBe("(The Harbour Times)");
        found.Evidence.Confidence.ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void A_wire_dateline_is_named_by_the_outlet_list()
    {
        Extract("KABUL (AP) — Talks collapsed.").Source.ShouldBe("Associated Press");
    }

    [Theory]
    [InlineData("A senior official told Reuters that the talks failed.", "Reuters")]
    [InlineData("According to Geo News, the minister declared the talks over.", "Geo News")]
    [InlineData("\u201CWe are ready,\u201D said one senior official to Al Jazeera.", "Al Jazeera")]
    [InlineData("More than 70 people were killed last month, as reported by UNN.", "UNN")]
    [InlineData("A source familiar with the talks told TOLOnews that the delegation left.", "TOLOnews")]
    [InlineData("The minister said in an interview with The Valley Herald that talks would resume.", "The Valley Herald")]
    public void An_outlet_the_article_cites_is_a_citation_and_never_the_publisher(string text, string outlet)
    {
        var found = Extract(text);

        found.Cites.ShouldBe([outlet]);
        found.Source.ShouldBe(EnrichedArticle.UnknownSource);
        found.Evidence.ShouldBeNull();
    }

    [Theory]
    [InlineData("The minister told reporters the talks were over.")]
    [InlineData("According to Pakistan's Information Minister Attaullah Tarar, the talks failed.")]
    [InlineData("The spokesman told the Security Council that the ceasefire held.")]
    public void People_and_bodies_after_told_or_according_to_are_not_outlets(string text)
    {
        Extract(text).Cites.ShouldBeEmpty();
    }

    [Fact]
    public void A_blogs_own_address_in_its_page_furniture_names_the_blog()
    {
        const string text = "Talks End\n\nThe talks ended.\n\nPost a Comment\n\nOur website uses cookies to enhance your experience. https://valleynotes.blogspot.com/\"Cookies Consent\" href=\"/\">Check Now";

        var found = Extract(text);

        found.Source.ShouldBe("Valleynotes");
        found.Evidence!.Method.ShouldBe("site-address");
        found.Evidence.Text.ShouldContain("valleynotes.blogspot.com");
    }

    [Fact]
    public void A_known_sites_address_in_the_footer_gives_its_canonical_name()
    {
        Extract("The talks ended.\n\nShare this:\nhttps://www.dawn.com/news/123").Source.ShouldBe("Dawn");
    }

    [Fact]
    public void A_copyright_footer_names_the_publisher()
    {
        var found = Extract("The talks ended.\n© 2025 The Lakeside Gazette. All rights reserved.");

        found.Source.ShouldBe("The Lakeside Gazette");
        found.Evidence!.Method.ShouldBe("footer");
    }

    [Fact]
    public void A_link_inside_the_story_or_a_share_button_does_not_name_the_publisher()
    {
        Extract("The report (see https://www.hrw.org/report/2025) says abuses rose.\nShare on Facebook https://facebook.com/sharer").Source
            .ShouldBe(EnrichedArticle.UnknownSource);
    }

    [Fact]
    public void Metadata_given_at_ingest_wins_and_is_not_listed_as_a_citation()
    {
        var found = Extract("(The Harbour Times) – A senior official told Reuters the talks failed.", "Reuters");

        found.Source.ShouldBe("Reuters");
        found.Evidence!.Method.ShouldBe("metadata");
        found.Cites.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("wikkipaki.blogspot.com", "Wikkipaki")]
    [InlineData("daily-news.co.uk", "Daily News")]
    [InlineData("riverside-post.com", "Riverside Post")]
    [InlineData("localhost", null)]
    public void A_host_name_becomes_a_readable_publisher_name(string host, string? name)
    {
        PublisherExtractor.NameFromHost(host).ShouldBe(name);
    }
}

public sealed class PublisherFooterAndBylineTests
{
    private static readonly PublisherExtractor Extractor = PublisherExtractor.CreateDefault();

    private static PublisherFinding Extract(string text) => Extractor.Extract(text, ArticleCleaner.Clean(text), null);

    [Fact]
    public void A_newspapers_published_in_footer_names_it()
    {
        var found = Extract("The talks ended without a deal.\nPublished in Dawn, October 30th, 2025");

        found.Source.ShouldBe("Dawn");
        found.Evidence!.Method.ShouldBe("footer");
    }

    [Fact]
    public void A_byline_that_names_its_outlet_names_the_publisher_and_leaves_the_body()
    {
        const string text = "Talks Collapse\nBy Tahir Khan | The Express Tribune\nThe talks ended without a deal.";

        var found = Extract(text);

        found.Source.ShouldBe("The Express Tribune");
        found.Evidence!.Method.ShouldBe("byline");
        ArticleCleaner.Clean(text).Body.ShouldBe("The talks ended without a deal.");
    }

    [Fact]
    public void A_wire_credit_closing_the_story_names_the_wire()
    {
        const string text = "The talks ended without a deal, officials said.\n\u2014 Reuters";

        var found = Extract(text);

        found.Source.ShouldBe("Reuters");
        found.Evidence!.Method.ShouldBe("wire-credit");
        ArticleCleaner.Clean(text).Body.ShouldBe("The talks ended without a deal, officials said.");
    }

    [Fact]
    public void A_short_closing_line_of_prose_is_not_a_wire_credit()
    {
        Extract("The talks ended.\nBy Sunday, both sides had agreed to meet again.").Source.ShouldBe(EnrichedArticle.UnknownSource);
        ArticleCleaner.Clean("The talks ended.\nBy Sunday, both sides had agreed to meet again.").Body.ShouldContain("By Sunday");
    }

    [Theory]
    [InlineData("Wikinews interviews a marine biologist\n\nThe anemone lives under the ice shelf.", "Wikinews")]
    [InlineData("Hackers attack a website\n\nOn Sunday, BBC News has learned that the site was attacked twice.", "BBC")]
    [InlineData("Founder speaks\n\nThe founder was interviewed by Al Jazeera on Monday about the site.", "Al Jazeera")]
    public void An_outlet_gathering_the_news_itself_is_the_publisher_at_low_confidence(string text, string publisher)
    {
        var found = Extract(text);

        found.Source.ShouldBe(publisher);
        found.Evidence!.Method.ShouldBe("self-report");
        found.Evidence.Confidence.ShouldBeLessThan(0.7);
    }

    [Fact]
    public void An_outlet_a_source_spoke_to_or_that_reported_stays_a_citation()
    {
        var found = Extract("Talks stall\n\nA senior official told Reuters the talks had stalled, and Al Jazeera reported the same.");

        found.Source.ShouldBe(EnrichedArticle.UnknownSource);
    }
}

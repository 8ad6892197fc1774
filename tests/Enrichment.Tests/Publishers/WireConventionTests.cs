using NewsSearch.Articles;
using NewsSearch.Enrichment.Cleaning;
using NewsSearch.Enrichment.Places;
using NewsSearch.Enrichment.Publishers;

namespace NewsSearch.Enrichment.Tests.Publishers;

public sealed class WireConventionTests
{
    private static readonly PublisherExtractor Extractor = PublisherExtractor.CreateDefault();

    private static PublisherFinding Publisher(string text) => Extractor.Extract(text, ArticleCleaner.Clean(text), null);

    private static EnrichedArticle Enrich(string text) =>
        ArticleEnricher.CreateDefault().Enrich(new RawArticle(ArticleId.FromText(text), text, ArticleMetadata.None));

    [Theory]
    [InlineData("NEW YORK, MARCH 3 - Shares of copper producers rose sharply on Tuesday.", "NEW YORK", "MARCH 3", null)]
    [InlineData("LONDON, March 3 - The pound steadied against the dollar on Tuesday.", "LONDON", "March 3", null)]
    [InlineData("TOKYO (Reuters) - The central bank left interest rates unchanged.", "TOKYO", null, "Reuters")]
    [InlineData("WASHINGTON (AP) \u2014 The Senate passed the spending bill late on Friday.", "WASHINGTON", null, "AP")]
    [InlineData("OMAHA, Neb., April 9 - Grain farmers met state officials on Thursday.", "OMAHA", "April 9", null)]
    [InlineData("HAMBURG, Dec 4 (dpa) - Flood barriers along the Elbe held overnight.", "HAMBURG", "Dec 4", "dpa")]
    public void A_dateline_gives_the_place_the_day_and_the_outlet_and_leaves_the_lead(string lead, string place, string? day, string? outlet)
    {
        var cleaned = ArticleCleaner.Clean(lead);

        cleaned.Dateline.ShouldBe(new Dateline(place, day, outlet));
        cleaned.Body.ShouldNotStartWith(place);
    }

    [Fact]
    public void A_wire_credit_in_the_dateline_names_the_publisher_and_the_dateline_city_gives_its_country()
    {
        var article = Enrich("Flood defences hold in Hamburg\n\nHAMBURG, Dec 4 (dpa) - Flood barriers along the Elbe held overnight as the river rose, city officials said.");

        article.Source.ShouldBe("dpa");
        article.Actors.ShouldContain(actor => actor.Name == "Germany" && actor.Type == ActorType.Country);
    }

    [Theory]
    [InlineData("The talks - which began on Monday - continued.")]
    [InlineData("Officials said the vote - the first in a decade - was fair.")]
    public void A_dash_in_a_lead_sentence_is_not_a_dateline(string lead)
    {
        ArticleCleaner.Clean(lead).Dateline.ShouldBeNull();
    }

    [Theory]
    [InlineData("Reuter", "Reuters")]
    [InlineData("REUTER", "Reuters")]
    [InlineData("(Reporting by Anna Berg in Stockholm; Editing by Mark Hale)", "Reuters")]
    [InlineData("AP", "Associated Press")]
    [InlineData("AFP", "Agence France-Presse")]
    [InlineData("-- dpa", "dpa")]
    public void A_wire_sign_off_at_the_end_of_the_story_names_the_publisher_with_its_evidence(string signOff, string publisher)
    {
        var text = $"Dock workers at the country's largest port went on strike on Monday, halting exports of grain and timber.\nThe union said the strike would last until its pay claim was met.\n{signOff}";

        var found = Publisher(text);

        found.Source.ShouldBe(publisher);
        found.Evidence.ShouldNotBeNull();
        found.Evidence.Method.ShouldBe("wire-credit");
        found.Evidence.Text.ShouldBe(signOff);
        ArticleCleaner.Clean(text).Body.ShouldNotContain(signOff);
    }

    [Fact]
    public void A_byline_with_the_agency_after_the_reporters_name_names_the_publisher()
    {
        var found = Publisher("By Jane Doe, Reuters\n\nCopper prices hit a two-year high on Monday as stocks in warehouses fell.");

        found.Source.ShouldBe("Reuters");
        found.Evidence!.Method.ShouldBe("byline");
    }

    [Fact]
    public void A_byline_with_a_city_after_the_reporters_name_names_no_publisher()
    {
        Publisher("By Jane Doe, London\n\nCopper prices hit a two-year high on Monday as stocks in warehouses fell.").Source.ShouldBe(EnrichedArticle.UnknownSource);
    }

    [Theory]
    [InlineData("NEW YORK", "United States")]
    [InlineData("Tokyo", "Japan")]
    [InlineData("SAO PAULO", "Brazil")]
    [InlineData("WASHINGTON", "United States")]
    [InlineData("BUENOS AIRES", "Argentina")]
    [InlineData("KUWAIT", "Kuwait")]
    [InlineData("FRANKFURT", "Germany")]
    [InlineData("ROME", "Italy")]
    [InlineData("BOMBAY", "India")]
    [InlineData("PEKING", "China")]
    [InlineData("THE HAGUE", "Netherlands")]
    [InlineData("KINGSTON", "Jamaica")]
    public void A_dateline_city_lies_in_its_country(string place, string country)
    {
        CityGazetteer.Default.CountryOf(place).ShouldBe(country);
    }

    [Fact]
    public void The_country_of_the_dateline_city_is_an_actor_of_the_story()
    {
        var article = Enrich("TOKYO, MARCH 3 - The central bank left its discount rate unchanged on Tuesday, saying the economy was recovering slowly.");

        article.Actors.ShouldContain(a => a.Name == "Japan" && a.Type == ActorType.Country);
    }

    [Fact]
    public void A_table_of_figures_under_a_dateline_still_gets_the_wires_publisher_date_and_country()
    {
        const string text = "NORTHERN TIMBER LTD YEAR NET\n    TORONTO, March 2 -\n    Oper shr 1.25 dlrs vs 80 cts\n"
            + "    Oper net 25.1 mln vs 16.0 mln\n    Sales 450.2 mln vs 400.1 mln\n Reuter\n";
        var article = ArticleEnricher.CreateDefault().Enrich(new RawArticle(ArticleId.FromText(text), text, new ArticleMetadata(AsOf: new DateOnly(1987, 4, 15))));

        article.Source.ShouldBe("Reuters");
        article.Published.ShouldBe(new DateOnly(1987, 3, 2));
        article.Actors.ShouldContain(a => a.Name == "Canada" && a.Type == ActorType.Country);
    }

    [Fact]
    public void The_dateline_country_adds_one_mention_to_a_country_the_story_names()
    {
        var article = Enrich("OTTAWA, April 2 - Canada will cut its wheat exports this year, the agriculture department said on Thursday.");

        article.Actors.Single(a => a.Name == "Canada").Mentions.ShouldBe(2);
    }
}

using NewsSearch.Enrichment.Actors;
using NewsSearch.Enrichment.Language;
using NewsSearch.Enrichment.Quotes;

namespace NewsSearch.Enrichment.Tests.Actors;

public sealed class OddInputTests
{
    [Theory]
    [InlineData("person Zabiullah Mujahid, ")]
    [InlineData("(")]
    [InlineData("(TTP)")]
    [InlineData("Khawaja Asif,")]
    [InlineData("“")]
    [InlineData("”")]
    [InlineData("'")]
    [InlineData("Mr.")]
    [InlineData("Minister of")]
    [InlineData("said")]
    [InlineData("\n\n\n")]
    [InlineData("Pakistan's")]
    [InlineData("Tehreek-e-")]
    [InlineData("“Unclosed quote at the end, said Haji")]
    [InlineData("Chief Medical")]
    [InlineData("prosecutor, Amelia Hart KC")]
    [InlineData("prosecutor, Amelia")]
    [InlineData("University of")]
    [InlineData("Institute for Peace Studies Council Council Council")]
    [InlineData("Mr Montenegro")]
    [InlineData("Georgia Hale,")]
    [InlineData("Acme Corp, a")]
    [InlineData("the Renewal party")]
    [InlineData("said Dr.")]
    public void Odd_or_truncated_text_never_throws(string text)
    {
        var actors = ActorExtractor.CreateDefault().Extract(text);

        Should.NotThrow(() => QuoteExtractor.CreateDefault().Extract(text, actors));
        Should.NotThrow(() => LanguageDetector.Detect(text));
    }

    [Fact]
    public void A_byline_repeated_thousands_of_times_never_throws()
    {
        var text = string.Concat(Enumerable.Repeat("By John Smith, ", 5_000));

        var actors = ActorExtractor.CreateDefault().Extract(text);

        Should.NotThrow(() => QuoteExtractor.CreateDefault().Extract(text, actors));
        Should.NotThrow(() => ArticleEnricher.CreateDefault().Enrich(new NewsSearch.Articles.RawArticle(NewsSearch.Articles.ArticleId.FromText(text), text, NewsSearch.Articles.ArticleMetadata.None)));
    }
}

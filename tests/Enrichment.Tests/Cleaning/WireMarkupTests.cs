using NewsSearch.Articles;
using NewsSearch.Enrichment.Cleaning;

namespace NewsSearch.Enrichment.Tests.Cleaning;

public sealed class WireMarkupTests
{
    [Theory]
    [InlineData("&lt;Cominco Ltd> said it agreed to sell its stake.", "Cominco Ltd said it agreed to sell its stake.")]
    [InlineData("It is 78 pct owned by Texaco Inc <TX>.", "It is 78 pct owned by Texaco Inc.")]
    [InlineData("to <Pine\nPoint Mines Ltd> for 30 mln dlrs", "to Pine\nPoint Mines Ltd for 30 mln dlrs")]
    [InlineData("AT&amp;T and Procter &amp; Gamble rose.\n Reuter\n&#3;", "AT&T and Procter & Gamble rose.\n Reuter\n")]
    [InlineData("\u0001Prices rose.", "Prices rose.")]
    public void Entities_brackets_tickers_and_control_characters_go_and_the_names_stay(string text, string clean)
    {
        WireMarkup.Clean(text).ShouldBe(clean);
    }

    [Theory]
    [InlineData("Prices rose 5 pct in March, the ministry said.")]
    [InlineData("Use <b>bold</b> and x < y > z.")]
    [InlineData("If X<Y and Y>Z then X<Z.")]
    [InlineData("Yields <5% and >3% are expected.")]
    [InlineData("Press <Enter> and then <A> to accept, or write to <john@example.com>.")]
    [InlineData("A page with <B>bold</B> text.")]
    public void Text_without_wire_markup_is_left_as_it_is(string text)
    {
        WireMarkup.Clean(text).ShouldBe(text);
    }

    [Fact]
    public void A_story_with_wire_markup_is_enriched_as_its_reader_sees_it()
    {
        const string text = "COMINCO TO SELL MINE STAKE\n    VANCOUVER, March 3 - &lt;Cominco Ltd> said it agreed to sell its\n"
            + "stake in the mine to &lt;Pine Point Mines Ltd> for 30 mln dlrs.\n Reuter\n&#3;";
        var article = ArticleEnricher.CreateDefault().Enrich(new RawArticle(ArticleId.FromText(text), text, ArticleMetadata.None));

        article.Source.ShouldBe("Reuters");
        article.Actors.Where(a => a.Type == ActorType.Organisation).Select(a => a.Name).ShouldBe(["Cominco", "Pine Point Mines"], ignoreOrder: true);
        article.Body.ShouldNotContain("&lt;");
    }
}

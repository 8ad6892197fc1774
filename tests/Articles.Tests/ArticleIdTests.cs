using NewsSearch.Articles;
using Shouldly;

namespace NewsSearch.Articles.Tests;

public sealed class ArticleIdTests
{
    [Fact]
    public void The_same_text_with_other_line_endings_and_spacing_gets_the_same_id()
    {
        var unix = "Talks collapse\n\nPeace talks  ended early Wednesday.\n";
        var windows = "  Talks collapse\r\n\r\n\r\nPeace talks ended\tearly Wednesday.  \r\n";

        ArticleId.FromText(windows).ShouldBe(ArticleId.FromText(unix));
    }

    [Fact]
    public void Composed_and_decomposed_unicode_get_the_same_id()
    {
        var composed = "Mediated by T\u00fcrkiye.";
        var decomposed = "Mediated by Tu\u0308rkiye.";

        ArticleId.FromText(decomposed).ShouldBe(ArticleId.FromText(composed));
    }

    [Fact]
    public void Different_texts_get_different_ids()
    {
        ArticleId.FromText("Talks collapsed.").ShouldNotBe(ArticleId.FromText("Talks resumed."));
    }

    [Fact]
    public void An_id_is_sixteen_lowercase_hex_characters()
    {
        var id = ArticleId.FromText("Anything at all.");

        ArticleId.IsWellFormed(id).ShouldBeTrue();
        ArticleId.IsWellFormed("0BEBBEF317F8DFDC").ShouldBeFalse();
        ArticleId.IsWellFormed("../../etc/passwd").ShouldBeFalse();
    }
}

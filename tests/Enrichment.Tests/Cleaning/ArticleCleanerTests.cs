using NewsSearch.Enrichment.Cleaning;

namespace NewsSearch.Enrichment.Tests.Cleaning;

public sealed class ArticleCleanerTests
{
    [Fact]
    public void A_blog_header_with_the_authors_handle_and_a_comment_counter_is_not_body()
    {
        var cleaned = ArticleCleaner.Clean("Floods Hit the Valley\n\nmarkus_r\n0\n\nHeavy rain flooded the valley on Sunday, officials said.\n");

        cleaned.Headline.ShouldBe("Floods Hit the Valley");
        cleaned.Body.ShouldBe("Heavy rain flooded the valley on Sunday, officials said.");
        cleaned.Chrome.ShouldContain("markus_r");
    }

    [Fact]
    public void A_comment_box_and_a_cookie_banner_end_the_article()
    {
        const string text = "Talks End\n\nThe talks ended without a deal.\n\nPost a Comment\n\n0Comments\n\nPost a Comment (0)\n\n#buttons=(Ok, Go it!) #days=(20)\n\nOur website uses cookies to enhance your experience. https://someblog.blogspot.com/\"Cookies Consent\" href=\"/\">Check Now\nOk, Go it!";

        var cleaned = ArticleCleaner.Clean(text);

        cleaned.Body.ShouldBe("The talks ended without a deal.");
        cleaned.Chrome.ShouldContain(c => c.Contains("someblog.blogspot.com"));
    }

    [Fact]
    public void An_image_credit_at_the_end_of_a_caption_is_removed()
    {
        var cleaned = ArticleCleaner.Clean("Leaders meet as tensions rise. Image: Modern Diplomacy.\n(The Daily Ledger) – Leaders met on Monday.");

        cleaned.Headline.ShouldBe("Leaders meet as tensions rise");
        cleaned.Body.ShouldBe("Leaders met on Monday.");
        cleaned.Chrome.ShouldContain("Image: Modern Diplomacy.");
    }

    [Theory]
    [InlineData("Photo: Reuters")]
    [InlineData("Share on Facebook")]
    [InlineData("Advertisement")]
    [InlineData("Read more: Talks collapse in Istanbul")]
    public void A_line_of_page_furniture_inside_the_story_is_dropped_and_the_prose_around_it_kept(string chrome)
    {
        var cleaned = ArticleCleaner.Clean($"The first paragraph says something.\n{chrome}\nThe second paragraph says more.");

        cleaned.Body.ShouldBe("The first paragraph says something.\nThe second paragraph says more.");
    }

    [Fact]
    public void Reader_comments_at_the_end_are_split_into_author_and_text()
    {
        const string text = "Peace talks failed on Wednesday.\n3 Comments\nalpha_7\nThis was expected.\nBeta Reader\nBoth sides must talk.\nIt is the only way.\nGamma\nAgreed.";

        var cleaned = ArticleCleaner.Clean(text);

        cleaned.Body.ShouldBe("Peace talks failed on Wednesday.");
        cleaned.Comments.Select(c => c.Author).ShouldBe(["alpha_7", "Beta Reader", "Gamma"]);
        cleaned.Comments[1].Text.ShouldBe("Both sides must talk.\nIt is the only way.");
    }

    [Fact]
    public void A_comments_header_followed_by_prose_is_not_taken_for_reader_comments()
    {
        const string text = "The minister spoke on Monday.\nComments\nThe minister's comments drew criticism from opposition leaders, who said they ignored the facts on the ground.";

        var cleaned = ArticleCleaner.Clean(text);

        cleaned.Comments.ShouldBeEmpty();
        cleaned.Body.ShouldContain("drew criticism");
    }

    [Theory]
    [InlineData("(The Post News) – Peace talks collapsed.", "The Post News")]
    [InlineData("ISLAMABAD (Reuters) - Peace talks collapsed.", "Reuters")]
    [InlineData("KABUL, Oct 29 (AP) — Peace talks collapsed.", "AP")]
    public void A_dateline_is_taken_off_the_lead_and_kept_as_evidence(string lead, string outlet)
    {
        var cleaned = ArticleCleaner.Clean(lead);

        cleaned.Dateline?.Outlet.ShouldBe(outlet);
        cleaned.Body.ShouldBe("Peace talks collapsed.");
    }

    [Fact]
    public void A_lead_paragraph_is_not_a_headline()
    {
        var cleaned = ArticleCleaner.Clean("The talks collapsed on Wednesday, officials said.\nBoth sides blamed each other.");

        cleaned.Headline.ShouldBeNull();
        cleaned.Body.ShouldStartWith("The talks collapsed");
    }

    [Fact]
    public void A_parenthesis_inside_a_sentence_is_not_a_dateline()
    {
        var cleaned = ArticleCleaner.Clean("Officials from the Islamic State Khorasan Province (ISKP) - a regional affiliate - were blamed.");

        cleaned.Dateline.ShouldBeNull();
        cleaned.Body.ShouldStartWith("Officials from");
    }
}

public sealed class CommentWidgetTests
{
    [Fact]
    public void Comment_widgets_with_timestamps_reply_buttons_and_says_are_read_as_author_and_text()
    {
        const string text = "The talks ended on Wednesday.\n2 thoughts on \u201CTalks end\u201D\nAna Lopez says:\nOctober 29, 2025 at 5:04 pm\nThis was expected.\nReply\nkarim_b says:\n3 hours ago\nBoth sides must talk.\nReply";

        var cleaned = ArticleCleaner.Clean(text);

        cleaned.Body.ShouldBe("The talks ended on Wednesday.");
        cleaned.Comments.Select(c => (c.Author, c.Text)).ShouldBe([("Ana Lopez", "This was expected."), ("karim_b", "Both sides must talk.")]);
    }
}

public sealed class SectionLabelTests
{
    [Fact]
    public void A_section_label_over_the_headline_is_not_the_headline()
    {
        var cleaned = ArticleCleaner.Clean("South Asia\nPeace Talks Collapse in Istanbul\nThe talks ended on Wednesday without a deal.");

        cleaned.Headline.ShouldBe("Peace Talks Collapse in Istanbul");
        cleaned.Body.ShouldBe("The talks ended on Wednesday without a deal.");
    }

    [Fact]
    public void A_short_headline_over_the_lead_stays_the_headline()
    {
        var cleaned = ArticleCleaner.Clean("Talks Collapse\nThe talks ended on Wednesday without a deal.");

        cleaned.Headline.ShouldBe("Talks Collapse");
    }
}

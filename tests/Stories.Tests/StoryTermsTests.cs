using NewsSearch.Stories;

namespace NewsSearch.Stories.Tests;

public sealed class StoryTermsTests
{
    [Fact]
    public void Terms_are_the_repeated_words_of_title_and_lead_without_function_words()
    {
        var terms = StoryTerms.From("Istanbul talks collapse", "The talks in Istanbul collapsed on Wednesday, officials said. The ceasefire holds.", _ => 0, 100);
        terms.Take(2).ShouldBe(["istanbul", "talk"], ignoreOrder: true);
        terms.ShouldContain("ceasefire");
        terms.ShouldNotContain("said");
        terms.ShouldNotContain("wednesday");
        terms.ShouldNotContain("the");
    }

    [Fact]
    public void A_word_most_articles_chose_gives_way_to_a_rarer_one()
    {
        var title = "Market update";
        var body = string.Join(' ', Enumerable.Repeat("market", 5)) + " " + string.Join(' ', Enumerable.Repeat("copper", 4));
        var terms = StoryTerms.From(title, body, word => word == "market" ? 1000 : 0, 1000);
        terms[0].ShouldBe("copper");
    }

    [Fact]
    public void At_most_the_maximum_number_of_terms_is_kept()
    {
        var body = string.Join(' ', Enumerable.Range(0, 40).Select(i => "word" + (char)('a' + i % 26) + (char)('a' + i / 26)));
        StoryTerms.From("", body, _ => 0, 10).Count.ShouldBe(StoryTerms.Max);
    }

    [Fact]
    public void A_letter_run_longer_than_a_word_is_no_term()
    {
        var run = new string('q', StoryTerms.MaxLength + 1);
        var longest = new string('z', StoryTerms.MaxLength);
        var terms = StoryTerms.From($"{run} {longest} ceasefire", $"{run} {run} {longest} ceasefire", _ => 0, 10);
        terms.ShouldBe([longest, "ceasefire"]);
    }
}

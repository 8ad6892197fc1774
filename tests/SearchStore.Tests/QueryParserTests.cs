using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore.Tests;

public sealed class QueryParserTests
{
    private static Query Parsed(string text)
    {
        var result = QueryParser.Parse(text);
        result.Error.ShouldBeNull();
        return result.Query.ShouldNotBeNull();
    }

    private static string Error(string text)
    {
        var result = QueryParser.Parse(text);
        result.Query.ShouldBeNull();
        return result.Error.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    public void Empty_text_matches_everything(string? text)
    {
        var result = QueryParser.Parse(text);
        result.IsValid.ShouldBeTrue();
        result.Query.ShouldBeNull();
    }

    [Fact]
    public void A_word_is_a_term() => Parsed("Istanbul").ShouldBe(new TermQuery("Istanbul"));

    [Fact]
    public void Adjacent_words_are_ANDed()
    {
        var query = Parsed("peace talks").ShouldBeOfType<AndQuery>();
        query.Clauses.ShouldBe([new TermQuery("peace"), new TermQuery("talks")]);
    }

    [Fact]
    public void Quoted_words_are_a_phrase()
    {
        var phrase = Parsed("\"peace talks\"").ShouldBeOfType<PhraseQuery>();
        phrase.Terms.ShouldBe(["peace", "talks"]);
    }

    [Fact]
    public void A_hyphenated_name_is_a_phrase_of_its_parts()
    {
        Parsed("Tehreek-e-Taliban").ShouldBeOfType<PhraseQuery>().Terms.ShouldBe(["Tehreek", "e", "Taliban"]);
    }

    [Fact]
    public void OR_binds_looser_than_AND()
    {
        var or = Parsed("a1 b1 OR c1").ShouldBeOfType<OrQuery>();
        or.Clauses[0].ShouldBeOfType<AndQuery>().Clauses.ShouldBe([new TermQuery("a1"), new TermQuery("b1")]);
        or.Clauses[1].ShouldBe(new TermQuery("c1"));
    }

    [Fact]
    public void Parentheses_group()
    {
        var and = Parsed("(a1 OR b1) c1").ShouldBeOfType<AndQuery>();
        and.Clauses[0].ShouldBeOfType<OrQuery>();
        and.Clauses[1].ShouldBe(new TermQuery("c1"));
    }

    [Theory]
    [InlineData("talks NOT ceasefire")]
    [InlineData("talks -ceasefire")]
    [InlineData("talks AND NOT ceasefire")]
    public void NOT_and_minus_negate_the_next_clause(string text)
    {
        var and = Parsed(text).ShouldBeOfType<AndQuery>();
        and.Clauses.ShouldBe([new TermQuery("talks"), new NotQuery(new TermQuery("ceasefire"))]);
    }

    [Fact]
    public void A_double_negation_cancels() => Parsed("NOT NOT talks").ShouldBe(new TermQuery("talks"));

    [Fact]
    public void A_hyphen_inside_a_word_is_not_a_negation() => Parsed("co-operation").ShouldBeOfType<PhraseQuery>();

    [Fact]
    public void A_trailing_star_makes_a_prefix() => Parsed("negot*").ShouldBe(new TermQuery("negot", IsPrefix: true));

    [Fact]
    public void A_prefix_of_fewer_than_three_letters_is_refused() => Error("ne*").ShouldContain("at least 3");

    [Theory]
    [InlineData("and")]
    [InlineData("or")]
    public void Lower_case_operators_are_words(string word) => Parsed(word).ShouldBe(new TermQuery(word));

    [Fact]
    public void An_unclosed_quote_closes_at_the_end()
    {
        Parsed("\"peace talks").ShouldBeOfType<PhraseQuery>().Terms.ShouldBe(["peace", "talks"]);
    }

    [Fact]
    public void An_unclosed_parenthesis_closes_at_the_end() => Parsed("(a1 OR b1").ShouldBeOfType<OrQuery>();

    [Fact]
    public void A_stray_closing_parenthesis_is_ignored() => Parsed("a1) b1").ShouldBeOfType<AndQuery>().Clauses.Count.ShouldBe(2);

    [Theory]
    [InlineData("OR talks")]
    [InlineData("talks OR")]
    [InlineData("talks AND")]
    [InlineData("talks NOT")]
    [InlineData("AND AND talks")]
    public void Dangling_operators_are_ignored(string text) => Parsed(text).ShouldBe(new TermQuery("talks"));

    [Theory]
    [InlineData("title:cranes")]
    [InlineData("{title}: cranes")]
    [InlineData("NEAR(cranes gantries, 3)")]
    [InlineData("cranes^2")]
    public void Index_syntax_becomes_plain_words(string text)
    {
        var words = Words(Parsed(text));
        words.ShouldContain("cranes");
        words.ShouldAllBe(w => w.All(char.IsLetterOrDigit));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("***")]
    [InlineData("()")]
    [InlineData("- -- ---")]
    [InlineData("AND OR NOT")]
    [InlineData("\u0000\u0001")]
    public void Text_without_words_is_a_clear_error(string text) => Error(text).ShouldContain("no words");

    [Fact]
    public void Text_longer_than_the_limit_is_refused()
    {
        Error(new string('a', QueryParser.MaxLength + 1)).ShouldContain($"at most {QueryParser.MaxLength}");
        Parsed(new string('a', QueryParser.MaxLength)).ShouldBeOfType<TermQuery>();
    }

    [Fact]
    public void Too_many_words_are_refused()
    {
        var text = string.Join(' ', Enumerable.Range(0, QueryParser.MaxTerms + 1).Select(i => $"w{i}"));
        Error(text).ShouldContain($"at most {QueryParser.MaxTerms}");
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        Error(new string('(', QueryParser.MaxDepth + 1) + "talks").ShouldContain("deep");
        Parsed(new string('(', QueryParser.MaxDepth) + "talks").ShouldBe(new TermQuery("talks"));
    }

    [Fact]
    public void Control_characters_separate_words()
    {
        Parsed("peace\u0000talks").ShouldBeOfType<AndQuery>().Clauses.Count.ShouldBe(2);
    }

    [Fact]
    public void Words_in_any_script_are_kept_with_their_diacritics()
    {
        Parsed("Türkiye").ShouldBe(new TermQuery("Türkiye"));
        Parsed("طالبان").ShouldBe(new TermQuery("طالبان"));
    }

    internal static IEnumerable<string> Words(Query query) => query switch
    {
        TermQuery t => [t.Term],
        PhraseQuery p => p.Terms,
        AndQuery a => a.Clauses.SelectMany(Words),
        OrQuery o => o.Clauses.SelectMany(Words),
        NotQuery n => Words(n.Clause),
        _ => [],
    };
}

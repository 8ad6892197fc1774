using NewsSearch.Coverage.Claims;

namespace NewsSearch.Coverage.Tests;

/// <summary>Figures in sentences written the way wire and local outlets write them (none taken from the seeds).</summary>
public sealed class ClaimExtractorTests
{
    private static FigureClaim Single(string sentence) => ClaimExtractor.InSentence(sentence).ShouldHaveSingleItem();

    [Fact]
    public void A_death_toll_with_its_bound_and_its_source_is_one_claim()
    {
        var claim = Single("Floods have killed more than 120 people across the province since Sunday, according to the National Disaster Management Authority.");

        claim.Kind.ShouldBe(FigureKind.Count);
        claim.Value.ShouldBe(120);
        claim.Bound.ShouldBe(FigureBound.MoreThan);
        claim.Key.ShouldBe("people killed");
        claim.Text.ShouldBe("more than 120 people");
        claim.AssertedBy.ShouldBe("The National Disaster Management Authority");
    }

    [Fact]
    public void The_event_may_follow_the_noun_after_auxiliaries()
    {
        var claim = Single("Police said at least 14 protesters were reportedly injured in the clashes outside parliament.");

        claim.Value.ShouldBe(14);
        claim.Bound.ShouldBe(FigureBound.AtLeast);
        claim.Key.ShouldBe("protesters wounded");
        claim.AssertedBy.ShouldBe("Police");
    }

    [Fact]
    public void Listed_figures_share_their_event_and_synonyms_of_the_counted_thing_align()
    {
        var claims = ClaimExtractor.InSentence("An overnight raid killed three police officers and twenty-two insurgents, the interior ministry said.");

        claims.Select(c => (c.Value, c.Key)).ShouldBe([(3d, "officers killed"), (22d, "militants killed")]);
        claims.ShouldAllBe(c => c.AssertedBy == "The interior ministry");
    }

    [Fact]
    public void A_figure_before_its_listed_partner_takes_the_event_named_after_it()
    {
        var claims = ClaimExtractor.InSentence("Six soldiers and 40 fighters were killed in the fighting near the pass.");

        claims.Select(c => c.Key).ShouldBe(["soldiers killed", "militants killed"]);
    }

    [Fact]
    public void Vague_amounts_are_kept_without_a_value()
    {
        var claims = ClaimExtractor.InSentence("The shelling left dozens of villagers dead and hundreds of homes destroyed.");

        claims.ShouldAllBe(c => c.Value == null);
        claims.Select(c => (c.Text, c.Key)).ShouldBe([("dozens of villagers", "villagers killed"), ("hundreds of homes", "homes")]);
    }

    [Fact]
    public void Durations_name_what_lasted()
    {
        var claims = ClaimExtractor.InSentence("The summit ended after three days of negotiations that ran for nearly 20 hours on the final day.");

        claims.Select(c => (c.Kind, c.Value, c.Bound, c.Key)).ShouldBe(
        [
            (FigureKind.Duration, 3d, FigureBound.Exact, "days of talks"),
            (FigureKind.Duration, 20d, FigureBound.About, "hours"),
        ]);
    }

    [Fact]
    public void Money_and_percentages_are_their_own_kinds()
    {
        var claims = ClaimExtractor.InSentence("The IMF approved a $1.1 billion loan, and inflation fell to 23 percent in March, the finance ministry said.");

        claims.Select(c => (c.Kind, c.Value)).ShouldBe([(FigureKind.Money, 1.1e9), (FigureKind.Percent, 23d)]);
        claims[0].Key.ShouldBe("money (loan)");
    }

    [Fact]
    public void A_distance_glued_to_its_number_measures_the_noun_after_it()
    {
        var claim = Single("Troops patrol the 1,600-kilometre frontier that the two neighbours dispute.");

        claim.Kind.ShouldBe(FigureKind.Distance);
        claim.Value.ShouldBe(1600);
        claim.Key.ShouldBe("km of frontier");
    }

    [Theory]
    [InlineData("The two countries signed the accord in 2019 after talks in Geneva.")]
    [InlineData("The ceasefire agreed on Oct. 19 held until November 3, officials said.")]
    [InlineData("One official said the delegation would return on 12 December.")]
    [InlineData("The meeting began at 10:30 in the capital.")]
    public void Years_dates_times_and_small_bare_numbers_are_not_claims(string sentence)
    {
        ClaimExtractor.InSentence(sentence).ShouldBeEmpty();
    }

    [Fact]
    public void Numbers_in_words_with_a_scale_are_read_as_figures()
    {
        var claim = Single("More than one million refugees were deported since 2023, according to UNHCR.");

        claim.Value.ShouldBe(1_000_000);
        claim.Key.ShouldBe("refugees deported");
        claim.AssertedBy.ShouldBe("UNHCR");
    }

    [Fact]
    public void A_sentence_with_no_named_source_is_the_outlet_s_own_word()
    {
        var claim = Single("Rescue teams pulled 37 survivors from the rubble.");

        claim.AssertedBy.ShouldBeNull();
        claim.Key.ShouldBe("survivors");
    }

    [Fact]
    public void A_pronoun_is_not_a_source()
    {
        Single("He said 300 families had been displaced by the fighting.").AssertedBy.ShouldBeNull();
    }
}

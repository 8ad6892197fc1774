using NewsSearch.Enrichment.Topics;

namespace NewsSearch.Enrichment.Tests.Topics;

public sealed class TopicClassifierTests
{
    private static readonly TopicClassifier Classifier = TopicClassifier.CreateDefault();

    [Fact]
    public void Peace_talks_between_warring_neighbours_are_about_the_peace_process_and_armed_conflict()
    {
        const string body = "Peace talks mediated by Qatar collapsed without a ceasefire agreement. Border clashes and air strikes killed dozens of soldiers, " +
            "and the negotiations stalled over the militants the government accuses its neighbour of harbouring, an insurgency behind a wave of terrorist attacks.";

        var labels = Classifier.Classify("Peace Talks Collapse", body).Select(t => t.Label).ToList();

        labels[0].ShouldBe("Peace process");
        labels.ShouldContain("Armed conflict");
        labels.ShouldContain("Terrorism and militancy");
    }

    [Fact]
    public void A_match_report_is_about_sport()
    {
        const string body = "The national cricket team won the match by six wickets at a packed stadium, and the coach said the players were ready for the world cup tournament.";

        Classifier.Classify("Team wins series", body)[0].Label.ShouldBe("Sport");
    }

    [Fact]
    public void A_story_about_prices_and_trade_is_about_the_economy()
    {
        const string body = "Inflation rose again as fuel prices climbed, and exports fell after new tariffs. The central bank said growth and investment would slow, and the currency weakened.";

        Classifier.Classify("Inflation rises", body)[0].Label.ShouldBe("Economy and trade");
    }

    [Fact]
    public void An_article_gets_two_to_six_topics_with_scores_and_IPTC_codes()
    {
        const string body = "Election officials said turnout was high as voters cast ballots. Police arrested protesters after clashes, and the court will hear a lawsuit over the vote.";

        var topics = Classifier.Classify("Vote count begins", body);

        topics.Count.ShouldBeInRange(2, 6);
        topics[0].Label.ShouldBe("Elections");
        topics[0].IptcCode.ShouldBe("medtop:20000574");
        topics.ShouldAllBe(t => t.Score > 0 && t.Score <= 1);
        topics.Select(t => t.Score).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public void Text_with_no_topical_words_gets_no_topics()
    {
        Classifier.Classify("Hello", "The cat sat on the mat and looked at the window.").ShouldBeEmpty();
    }

    [Fact]
    public void The_taxonomy_is_data_with_unique_ids_labels_and_weighted_keywords()
    {
        var taxonomy = TopicTaxonomy.Default;

        taxonomy.Topics.Count.ShouldBeGreaterThanOrEqualTo(20);
        taxonomy.Topics.Select(t => t.Id).ShouldBeUnique();
        taxonomy.Topics.Select(t => t.Label).ShouldBeUnique();
        taxonomy.Topics.ShouldAllBe(t => t.Keywords.Count >= 5 && t.Keywords.Values.All(w => w > 0));
        taxonomy.Topics.Where(t => t.Iptc != null).ShouldAllBe(t => t.Iptc!.StartsWith("medtop:"));
        taxonomy.MinTopics.ShouldBe(2);
        taxonomy.MaxTopics.ShouldBe(6);
    }
}

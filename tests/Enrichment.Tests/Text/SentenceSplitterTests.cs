using NewsSearch.Enrichment.Text;

namespace NewsSearch.Enrichment.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("Capt. Ali Raza led the patrol. It came back at dawn.")]
    [InlineData("The U.S. Navy said the ship was safe. Its crew was unhurt.")]
    [InlineData("Talks resume on Oct. 19 in Doha. Both sides will attend.")]
    [InlineData("Donald J. Trump spoke on Monday. He said little.")]
    public void A_full_stop_after_an_abbreviation_or_an_initial_does_not_end_the_sentence(string text)
    {
        SentenceSplitter.Split(text).Count.ShouldBe(2);
    }

    [Fact]
    public void The_actor_rules_read_the_same_sentence_ends_as_the_splitter()
    {
        var actors = NewsSearch.Enrichment.Actors.ActorExtractor.CreateDefault().Extract("Rev. Samuel Okafor said the church would reopen. Okafor spoke after a service.");

        actors.ShouldContain(a => a.Name == "Samuel Okafor" && a.Mentions == 2);
    }
}

using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>
/// An outlet named before a lower-case noun of its medium: "according to Brantwell news agency", "in remarks to
/// al-Ikhbariya television" (Actors/OutletHeadPass.cs, Actors/README.md "Bodies from their context").
/// </summary>
public sealed class OutletHeadTests
{
    private static IReadOnlyList<ActorMention> Extract(string body) => ActorExtractor.CreateDefault().Extract(body);

    [Fact]
    public void The_name_before_a_mediums_noun_is_an_outlet_without_the_noun()
    {
        var actors = Extract("According to Brantwell news agency, the army is on alert. An official, in remarks to al-Ikhbariya television, "
            + "said all were taken to hospital. Iran's Quarlo news agency and the Halvard daily reported the same. He also runs the Pembrook blog.");

        actors.ShouldContain(a => a.Name == "Brantwell" && a.Type == ActorType.Organisation);
        actors.ShouldContain(a => a.Name == "al-Ikhbariya" && a.Type == ActorType.Organisation);
        actors.ShouldContain(a => a.Name == "Quarlo" && a.Type == ActorType.Organisation);
        actors.ShouldContain(a => a.Name == "Halvard" && a.Type == ActorType.Organisation);
        actors.ShouldContain(a => a.Name == "Pembrook" && a.Type == ActorType.Organisation);
        actors.ShouldContain(a => a.Name == "Iran" && a.Type == ActorType.Country);
    }

    [Theory]
    [InlineData("A Brantwell newspaper said the talks failed.")]
    [InlineData("The Arabic newspaper reported the talks failed, and the Communist daily agreed.")]
    [InlineData("French television and Moscow radio reported that the talks failed.")]
    [InlineData("The daily Brantwell Ledger said the talks failed.")]
    [InlineData("At the Halvard daily briefing, on the Quarlo radio show and in the Pembrook television interview, he said so.")]
    public void A_medium_described_by_kind_or_place_names_no_outlet_before_its_noun(string text)
    {
        Extract(text).ShouldNotContain(a => a.Type == ActorType.Organisation && a.Name != "Brantwell Ledger");
    }
}

using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>
/// The outlet of a source line, as Wikinews and many sites list their sources: `Author. "Title" — Outlet, Month Day, Year`
/// (Actors/CitedOutletPass.cs, Actors/README.md "Cited outlets").
/// </summary>
public sealed class SourceLineTests
{
    private static IReadOnlyList<ActorMention> Extract(string body) => ActorExtractor.CreateDefault().Extract(body);

    [Fact]
    public void The_outlet_between_a_titles_closing_mark_and_a_date_is_an_organisation()
    {
        var actors = Extract("The documents were found on a street.\n\nSources\n\n"
            + "\"Security report found on street\" — Halvard Courier, August 15, 2008\n\n"
            + "Peter Zimonjic. \"MP calls for probe into misplaced documents\" — Edmonton Sun, August 16, 2008\n\n"
            + "\"Is the report a leak?\" – Brantwell Ledger, 16 August 2008\n");

        actors.ShouldContain(a => a.Name == "Halvard Courier" && a.Type == ActorType.Organisation);
        actors.ShouldContain(a => a.Name == "Edmonton Sun" && a.Type == ActorType.Organisation);
        actors.ShouldContain(a => a.Name == "Brantwell Ledger" && a.Type == ActorType.Organisation);
    }

    [Theory]
    [InlineData("\"We have brains and we will use them.\" — Halvard Brantwell, August 16, 2008\n")]
    [InlineData("\"Security report found on street\" — Halvard Courier, who wrote it in August 2008, said so.\n")]
    [InlineData("\"Security report found on street\" — Peter Halvard, August 16, 2008\n")]
    public void A_signed_quotation_or_a_sentence_after_a_title_names_no_outlet(string line)
    {
        Extract("The documents were found on a street.\n\n" + line).ShouldNotContain(a => a.Type == ActorType.Organisation);
    }
}

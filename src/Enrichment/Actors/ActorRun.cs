using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// One extraction over one body: the passes in order, each claiming the tokens that name an actor (see Actors/README.md).
/// Names the article defines are matched again after the passes that define them and before people are read.
/// </summary>
internal sealed class ActorRun(Lexicon lex, string body, Token[] tokens, bool headline = false)
{
    public IReadOnlyList<ActorMention> Execute()
    {
        var claims = new ActorClaims(body, tokens) { HasHeadline = headline };
        new GazetteerPass(lex, claims).Run();
        new SurnameCountryPass(lex, claims).Run();
        new AcronymPass(lex, claims).Run();
        new LocalMatchPass(lex, claims).Run();
        new MinistryPass(lex, claims).Run();
        new NamedBodyPass(lex, claims).Run();
        new SharedHeadPass(lex, claims).Run();
        new HeadlineBodyPass(lex, claims).Run();
        new ListedBodyPass(lex, claims).Run();
        new CitedOutletPass(lex, claims).Run();
        new DescribedOrganisationPass(lex, claims).Run();
        new OrganisationCuePass(lex, claims).Run();
        new LowerCaseHeadPass(lex, claims).Run();
        new LocalMatchPass(lex, claims).Run();
        new PeoplePass(lex, claims).Run();
        new PersonListPass(lex, claims).Run();
        new GivenNamePass(lex, claims).Run();
        new HyphenatedGivenNamePass(lex, claims).Run();
        new CoordinatedNamePass(lex, claims).Run();
        new PersonClustering(lex, claims).Run();
        new AffiliationPass(lex, claims).Run();
        new ClassNounPass(lex, claims).Run();
        new ClassListPass(lex, claims).Run();
        new OutletHeadPass(lex, claims).Run();
        return new ActorResult(lex, claims).Build();
    }
}

using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Pass 8b: a name the text introduces with a lower-case noun of its class: "the secularist magazine MicroMega", "the
/// Internet security firm Secunia.com", "localist group Youngspiration", "published in journal Nature Climate Change".
/// The nouns are <c>orgNouns</c> in the data (the ones <see cref="DescribedOrganisationPass"/> reads after a name).
/// Not the noun's possessive or a role after it ("the group's leader John Smith", "the company chairman"): the name
/// after those is a person's, and people are claimed before this pass runs.
/// </summary>
internal sealed class ClassNounPass(Lexicon lexicon, ActorClaims state) : ContextBodyPass(lexicon, state)
{
    public void Run()
    {
        for (var n = 0; n + 1 < tokens.Length; n++)
        {
            var noun = tokens[n];
            if (noun.IsCapitalised || !lex.OrgNouns.Contains(noun.Lower) || !noun.Has(TokenFlags.JoinedToNext) || noun.Has(TokenFlags.Possessive)
                || (n > 0 && tokens[n - 1].IsCapitalised && tokens[n - 1].Has(TokenFlags.JoinedToNext) && !Qualifier(n - 1)))
            {
                continue;
            }
            var last = BodyRunForward(n + 1);
            if (last >= 0 && PlausibleBody(n + 1, last))
            {
                AddBody(n + 1, last);
                n = last;
            }
        }
    }

    /// <summary>
    /// A capitalised word before the noun that only qualifies it ("Localist group Civic Passion", "US team Cloud9", "the
    /// Idaho firm Morrison Knudsen"): a sentence's first word, a place or a country. Any other ("the Labour party
    /// Chairman") makes the noun part of a longer name.
    /// </summary>
    private bool Qualifier(int k) =>
        tokens[k].Has(TokenFlags.SentenceInitial) || IsPlaceOrCountry(k);
}

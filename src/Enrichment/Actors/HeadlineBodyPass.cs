using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// A body the headline names by its place and an organisation word: "Statement from President Joe Biden on Arizona Supreme
/// Court Decision to Uphold …". Headline case capitalises every word, so a headline is never read as prose for bodies
/// (section headings like "Treasury Securities" would be); here the name must open with a place or a country after a
/// lower-case word or at the headline's start ("Arizona Supreme Court Upholds Ban") and end at an organisation word, with only the modifiers bodies take between ("Supreme", "National").
/// </summary>
internal sealed class HeadlineBodyPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    private readonly bool _headline = state.HasHeadline;

    public void Run()
    {
        for (var k = 0; _headline && k < tokens.Length && tokens[k].Paragraph == 0; k++)
        {
            if (OrganisationWordAt(k) && !ComplementAfter(k) && NameStart(k) is var first and >= 0)
            {
                AddBody(first, k);
            }
        }
    }

    private bool OrganisationWordAt(int k) =>
        owner[k] == Free && tokens[k].IsCapitalised && !tokens[k].Has(TokenFlags.AllCaps) && lex.OrgHeadwords.Contains(tokens[k].Text)
        && !lex.LegalForms.Contains(tokens[k].Text) && !lex.NonOrgHeadwords.Contains(tokens[k].Text);

    /// <summary>"Arizona Court Of Appeals": an of/for phrase after the word belongs to a longer name this rule does not read.</summary>
    private bool ComplementAfter(int k) =>
        k + 1 < tokens.Length && tokens[k].Has(TokenFlags.JoinedToNext) && tokens[k + 1].Lower is "of" or "for" or "on";

    /// <summary>The place or country that opens the name ending at <paramref name="last"/>, at the headline's start or after a lower-case word; or -1.</summary>
    private int NameStart(int last)
    {
        var k = last - 1;
        while (k >= 0 && Joined(k) && owner[k] == Free && tokens[k].IsCapitalised && !tokens[k].Has(TokenFlags.Possessive)
            && (lex.OrgModifiers.Contains(tokens[k].Text) || lex.OrgHeadwords.Contains(tokens[k].Text)))
        {
            k--;
        }
        var placeEnd = k;
        while (k >= 0 && Joined(k) && IsPlaceOrCountry(k) && !tokens[k].Has(TokenFlags.Possessive))
        {
            k--;
        }
        if (k == placeEnd || (k >= 0 && (!tokens[k].Has(TokenFlags.JoinedToNext) || tokens[k].IsCapitalised)))
        {
            return -1;
        }
        return k + 1;
    }

    private bool Joined(int k) => tokens[k].Has(TokenFlags.JoinedToNext) && tokens[k].Paragraph == 0;

    /// <summary>Claims first..last as an organisation; a country word inside it is part of the name, not a mention.</summary>
    private void AddBody(int first, int last)
    {
        var name = Surface(first, last);
        var entity = localByName.GetValueOrDefault(name) ?? KnownOrLocal(name, ActorType.Organisation, null);
        if (entity.Type != ActorType.Organisation)
        {
            return;
        }
        RegisterLocal(name, entity);
        for (var k = first; k <= last; k++)
        {
            if (owner[k] >= 0)
            {
                absorbed.Add(owner[k]);
            }
        }
        AddMention(entity, first, last, false);
    }
}

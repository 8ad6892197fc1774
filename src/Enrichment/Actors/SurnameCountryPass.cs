using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>Pass 1b: a country's name that is someone's surname or given name lets go of the word ("Luís Montenegro", "Georgia Hale, a spokeswoman").</summary>
internal sealed class SurnameCountryPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    /// <summary>
    /// "Luís Montenegro", "Mr Montenegro", "Imran Jordan": a country's name right after a given name or an honorific
    /// is a surname, so the country lets go of it and the people pass reads the name.
    /// </summary>
    public void Run()
    {
        for (var index = 0; index < mentions.Count; index++)
        {
            var m = mentions[index];
            if (m.Entity.Type != ActorType.Country || m.First != m.Last || m.Demonym || m.First == 0 || absorbed.Contains(index))
            {
                continue;
            }
            var p = m.First - 1;
            var before = tokens[p];
            var honorific = lex.Honorifics.Contains(before.Text) || lex.StrippedHonorifics.Contains(before.Text);
            var givenName = owner[p] == Free && before.IsCapitalised && !before.Has(TokenFlags.SentenceInitial) && !before.Has(TokenFlags.AllCaps)
                && !lex.Stopwords.Contains(before.Text) && !lex.RoleNouns.Contains(before.Lower) && !lex.OrgHeadwords.Contains(before.Text)
                && !lex.PlaceQualifiers.Contains(before.Text);
            if (!before.Has(TokenFlags.JoinedToNext) || before.Has(TokenFlags.Possessive) || !(honorific || givenName))
            {
                continue;
            }
            absorbed.Add(index);
            Claim(m.First, m.Last, Free);
        }
        for (var index = 0; index < mentions.Count; index++)
        {
            // "Georgia Meloni, a spokeswoman", "Jordan Henderson said": a country as a given name, when a person cue follows.
            var m = mentions[index];
            if (m.Entity.Type == ActorType.Country && m.First == m.Last && !m.Demonym && !absorbed.Contains(index) && CountryIsGivenName(m.First))
            {
                absorbed.Add(index);
                Claim(m.First, m.Last, Free);
            }
        }
    }

    private bool CountryIsGivenName(int k)
    {
        var n = k + 1;
        if (n + 1 >= tokens.Length || !tokens[k].Has(TokenFlags.JoinedToNext) || tokens[k].Has(TokenFlags.Possessive) || owner[n] != Free)
        {
            return false;
        }
        var surname = tokens[n];
        if (!surname.IsCapitalised || surname.Has(TokenFlags.AllCaps) || lex.Stopwords.Contains(surname.Text) || lex.RoleNouns.Contains(surname.Lower)
            || lex.OrgHeadwords.Contains(surname.Text) || lex.MediaHeadwords.Contains(surname.Text) || lex.NonOrgHeadwords.Contains(surname.Text))
        {
            return false;
        }
        if (surname.Has(TokenFlags.JoinedToNext) && !surname.Has(TokenFlags.Possessive))
        {
            return SpeechVerbAt(n + 1);
        }
        return surname.Has(TokenFlags.CommaAfter) && !surname.Has(TokenFlags.Possessive) && tokens[n + 1].Lower is "a" or "an" or "the" or "who"
            && body.AsSpan(surname.End, Math.Max(0, tokens[n + 1].Start - surname.End)).Trim() is ",";
    }
}

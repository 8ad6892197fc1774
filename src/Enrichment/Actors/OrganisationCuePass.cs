using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Pass 5c: names the words around them make a company or body, though nothing in the name does: "shares of Bethlehem
/// Steel", "a Chrysler spokesman", "Environment Canada spokeswoman Sujata Raisinghani". Wire copy names companies so.
/// </summary>
internal sealed class OrganisationCuePass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    private const int MaxWords = 4;

    public void Run()
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!NameWord(i) || (i > 0 && tokens[i - 1].Has(TokenFlags.JoinedToNext) && NameWord(i - 1)))
            {
                continue;
            }
            var last = i;
            while (last + 1 < tokens.Length && last - i < MaxWords - 1 && tokens[last].Has(TokenFlags.JoinedToNext) && !tokens[last].Has(TokenFlags.Possessive) && NameWord(last + 1))
            {
                last++;
            }
            if (SharesBefore(i) || SpokespersonAfter(i, last))
            {
                var name = Surface(i, last);
                var entity = localByName.GetValueOrDefault(name) ?? KnownOrLocal(name, ActorType.Organisation, null);
                RegisterLocal(name, entity);
                for (var k = i; k <= last; k++)
                {
                    if (owner[k] >= 0)
                    {
                        absorbed.Add(owner[k]);
                    }
                }
                AddMention(entity, i, last, false);
            }
            i = last;
        }
    }

    /// <summary>A free capitalised word that can be part of a body's name, or a country inside it ("Environment Canada").</summary>
    private bool NameWord(int k)
    {
        var t = tokens[k];
        if (!t.IsCapitalised || t.Has(TokenFlags.Heading) || t.Has(TokenFlags.Skip) || lex.Stopwords.Contains(t.Text) || lex.RoleNouns.Contains(t.Lower)
            || lex.Honorifics.Contains(t.Text))
        {
            return false;
        }
        return owner[k] == Free || (owner[k] >= 0 && mentions[owner[k]] is { Entity.Type: ActorType.Country, Demonym: false } m && m.First == k && m.Last == k);
    }

    /// <summary>"shares of X", "shares in X": only a company has shares.</summary>
    private bool SharesBefore(int first) =>
        first >= 2 && tokens[first - 1].Lower is "of" or "in" && tokens[first - 2].Lower == "shares"
        && tokens[first - 2].Has(TokenFlags.JoinedToNext) && tokens[first - 1].Has(TokenFlags.JoinedToNext);

    /// <summary>
    /// "a Chrysler spokesman": a lower-case spokes- word right after the name. A lone word opening a sentence ("Police
    /// spokesman …") or a lone organisation word says too little, and the name must not be all countries.
    /// </summary>
    private bool SpokespersonAfter(int first, int last)
    {
        if (last + 1 >= tokens.Length || !tokens[last].Has(TokenFlags.JoinedToNext) || tokens[last].Has(TokenFlags.Possessive)
            || tokens[last + 1].IsCapitalised || tokens[last + 1].Lower is not ("spokesman" or "spokeswoman" or "spokesperson"))
        {
            return false;
        }
        if (first == last && (tokens[first].Has(TokenFlags.SentenceInitial) || lex.IsOrgHeadword(tokens[first].Text) || owner[first] != Free))
        {
            return false;
        }
        // Not only countries ("a U.S. spokesman"), and not only a role's own words ("Foreign spokesman", "Deputy spokeswoman").
        var words = Enumerable.Range(first, last - first + 1).ToList();
        return words.Any(k => owner[k] == Free) && !words.All(k => lex.RoleModifiers.Contains(tokens[k].Lower));
    }
}

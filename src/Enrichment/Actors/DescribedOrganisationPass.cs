using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>Pass 5b: names the text calls an organisation ("the far-right Chega party", "Liberal Initiative, a smaller party").</summary>
internal sealed class DescribedOrganisationPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    public void Run()
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!OrgNameWord(i) || (i > 0 && tokens[i - 1].Has(TokenFlags.JoinedToNext) && OrgNameWord(i - 1)))
            {
                continue;
            }
            var last = i;
            while (last + 1 < tokens.Length && last - i < 3 && tokens[last].Has(TokenFlags.JoinedToNext) && !tokens[last].Has(TokenFlags.Possessive) && OrgNameWord(last + 1))
            {
                last++;
            }
            if (OrgNounAfter(last) && !FrontedBefore(i, last))
            {
                var name = Surface(i, last);
                // "the Republican party" is the Republican Party the data knows.
                var entity = (tokens[last + 1].Lower == "party" && lex.KnownByName.TryGetValue(name + " Party", out var party) ? party : null)
                    ?? localByName.GetValueOrDefault(name) ?? KnownOrLocal(name, ActorType.Organisation, null);
                RegisterLocal(name, entity);
                AddMention(entity, i, last, false);
            }
            i = last;
        }
    }

    private bool OrgNameWord(int k)
    {
        var t = tokens[k];
        // A legal form alone is the end of a name another pass could not read ("Petroleos de Venezuela SA, the state oil company").
        return owner[k] == Free && t.IsCapitalised && !t.Has(TokenFlags.Heading) && !t.Has(TokenFlags.Skip)
            && !lex.Stopwords.Contains(t.Text) && !lex.RoleNouns.Contains(t.Lower) && !lex.Honorifics.Contains(t.Text) && !lex.LegalForms.Contains(t.Text);
    }

    /// <summary>
    /// "After Christmas, the agency, which …", "In Brantwell, the company said": a name after a preposition or another
    /// function word opens the sentence as a phrase of its own, and "the" after its comma begins the sentence's subject.
    /// </summary>
    private bool FrontedBefore(int first, int last)
    {
        if (first == 0 || last + 1 >= tokens.Length || tokens[last + 1].Lower != "the")
        {
            return false;
        }
        return tokens[first - 1].Sentence == tokens[first].Sentence && lex.IsFunctionWord(tokens[first - 1].Text);
    }

    /// <summary>"… party" right after the name, or ", a/an/the [up to four lower-case words] party/firm/group" in apposition.</summary>
    private bool OrgNounAfter(int last)
    {
        if (last + 1 >= tokens.Length || tokens[last].Has(TokenFlags.Possessive))
        {
            return false;
        }
        var next = tokens[last + 1];
        if (tokens[last].Has(TokenFlags.JoinedToNext) && !next.IsCapitalised && next.Lower == "party")
        {
            return true;
        }
        var definite = next.Lower == "the";
        if (!tokens[last].Has(TokenFlags.CommaAfter) || next.Lower is not ("a" or "an" or "the")
            || body.AsSpan(tokens[last].End, Math.Max(0, next.Start - tokens[last].End)).Trim() is not ",")
        {
            return false;
        }
        for (var k = last + 2; k < tokens.Length && k - last <= 6 && tokens[k - 1].Has(TokenFlags.JoinedToNext); k++)
        {
            // "Jane Roe, a member of the party": a role or a preposition makes the phrase about a person. A country's
            // name or demonym may qualify the noun ("Exportkhleb, the Soviet grain trading agency").
            if ((tokens[k].IsCapitalised && !IsCountry(k)) || lex.RoleNouns.Contains(tokens[k].Lower) || tokens[k].Lower is "of" or "at" or "for" or "in" or "with" or "from")
            {
                return false;
            }
            if (lex.OrgNouns.Contains(tokens[k].Lower))
            {
                var ends = !tokens[k].Has(TokenFlags.JoinedToNext) || k + 1 >= tokens.Length;
                // "Smith, the party's leader", "Smith, the company chairman": after "the" the noun must close the phrase; after
                // "a" a role or tie after it makes the phrase a person's ("a party member", "a group spokesman").
                return definite
                    ? ends && !tokens[k].Has(TokenFlags.Possessive)
                    : ends || !(tokens[k + 1].Lower == "of" || lex.RoleNouns.Contains(tokens[k + 1].Lower) || lex.TieWords.Contains(tokens[k + 1].Lower));
            }
        }
        return false;
    }
}

using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>Pass 2: acronyms the text defines, "Tehreek-e-Taliban Pakistan (TTP)": the full name and the acronym are one organisation.</summary>
internal sealed class AcronymPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    public void Run()
    {
        for (var i = 1; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (!t.Has(TokenFlags.InParentheses) || !t.Has(TokenFlags.AllCaps) || t.Has(TokenFlags.Skip))
            {
                continue;
            }
            var last = i;
            while (tokens[last].Has(TokenFlags.HyphenToNext) && last + 1 < tokens.Length)
            {
                last++;
            }
            if (tokens[last].End >= body.Length || body[tokens[last].End] != ')')
            {
                continue;
            }
            var letters = string.Concat(body[t.Start..tokens[last].End].Where(char.IsLetter));
            if (letters.Length is < 2 or > 8)
            {
                continue;
            }
            var longStart = AlignLongForm(i - 1, letters);
            if (longStart < 0)
            {
                continue;
            }
            LinkAcronym(longStart, i - 1, i, last);
            i = last;
        }
    }

    /// <summary>The first token of the phrase before "(" whose initials spell the acronym, or -1.</summary>
    private int AlignLongForm(int end, string acronym)
    {
        if (body[tokens[end].End..tokens[end + 1].Start].Trim() != "(")
        {
            return -1;
        }
        var content = new List<int>();
        for (var k = end; k >= 0 && end - k < 12; k--)
        {
            var t = tokens[k];
            if (k < end && !t.Has(TokenFlags.JoinedToNext))
            {
                break;
            }
            if (t.IsCapitalised)
            {
                content.Add(k);
            }
            else if (!t.Has(TokenFlags.Connector) && t.Lower is not ("of" or "and" or "for" or "the" or "on" or "in" or "de"))
            {
                break;
            }
        }
        content.Reverse();
        var upper = acronym.ToUpperInvariant();
        // The acronym may leave out a last generic word ("... Event Data Project (ACLED)").
        for (var s = 0; s < content.Count; s++)
        {
            var initials = string.Concat(content.Skip(s).Select(k => char.ToUpperInvariant(tokens[k].Text[0])));
            if (initials == upper || (initials.Length == upper.Length + 1 && initials.StartsWith(upper, StringComparison.Ordinal)))
            {
                return content[s];
            }
        }
        // Letters from inside words: "Intergovernmental Authority on Development (IGAD)".
        for (var s = 0; s < content.Count - 1; s++)
        {
            var words = content.Skip(s).Select(k => tokens[k].Text.ToUpperInvariant()).ToList();
            var initials = string.Concat(words.Select(w => w[0]));
            if (words.Count <= upper.Length && upper[0] == initials[0] && upper[^1] == initials[^1]
                && IsSubsequence(initials, upper) && IsSubsequence(upper, string.Concat(words)))
            {
                return content[s];
            }
        }
        return -1;
    }

    private void LinkAcronym(int longFirst, int longLast, int acrFirst, int acrLast)
    {
        var longOwner = owner[longLast] >= 0 ? mentions[owner[longLast]].Entity : null;
        var acrOwner = owner[acrFirst] >= 0 ? mentions[owner[acrFirst]].Entity : null;
        var longText = Surface(longFirst, longLast);
        var acronym = Surface(acrFirst, acrLast);
        var entity = longOwner ?? acrOwner;
        if (entity is null)
        {
            var head = tokens[longLast].Text;
            if (lex.NonOrgHeadwords.Contains(head) || owner[longFirst] == Place)
            {
                return;
            }
            entity = new Entity(longText, ActorType.Organisation, lex.MediaHeadwords.Contains(head) ? "media" : null);
        }
        if (entity.Type != ActorType.Organisation)
        {
            return;
        }
        RegisterLocal(longText, entity);
        RegisterLocal(acronym, entity);
        if (owner[longFirst] == Free && owner[longLast] == Free)
        {
            AddMention(entity, longFirst, longLast, false);
        }
        // The definition is one mention, though it spells the name twice.
        if (owner[acrFirst] == Free)
        {
            AddMention(entity, acrFirst, acrLast, false);
        }
        if (owner[acrFirst] >= 0 && owner[longLast] >= 0 && owner[acrFirst] != owner[longLast] && mentions[owner[longLast]].Entity == entity)
        {
            uncounted.Add(owner[acrFirst]);
        }
    }

    private static bool IsSubsequence(string small, string large)
    {
        var j = 0;
        foreach (var c in large)
        {
            if (j < small.Length && small[j] == c)
            {
                j++;
            }
        }
        return j == small.Length;
    }
}

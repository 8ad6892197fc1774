using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Pass 4b: a line or list item that is nothing but an organisation's name ("* [Bank of Canada](https://…)", a list of
/// central banks, a signature "Federal Reserve Bank of New York"). Such lines are headings, where no other rule reads names;
/// one that is wholly "capitalised words ending in an organisation word, or with an of/for complement after it" names that
/// body and nothing else, so the country in "Bank of Canada" is not a mention of Canada.
/// </summary>
internal sealed class ListedBodyPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    private const int MaxWords = 8;

    public void Run()
    {
        var i = 0;
        while (i < tokens.Length)
        {
            if (!tokens[i].Has(TokenFlags.Heading) || tokens[i].Has(TokenFlags.Skip) || tokens[i].Paragraph == 0)
            {
                // The first line is the title, which speaks about the article ("Readout of the … Consultative Group").
                i++;
                continue;
            }
            var end = i;
            while (end + 1 < tokens.Length && tokens[end].Has(TokenFlags.JoinedToNext) && !tokens[end + 1].Has(TokenFlags.Skip) && tokens[end + 1].Paragraph == tokens[i].Paragraph)
            {
                end++;
            }
            if (ItemEdge(i - 1, i) && ItemEdge(end, end + 1))
            {
                TryItem(i, end);
            }
            i = end + 1;
        }
    }

    /// <summary>
    /// Between two words, the edge of a list item: a line break, a paragraph's edge, a bullet or a link's brackets
    /// ("* [Bank of Canada](…) * [Bank of England](…)" when the list was run into one line).
    /// </summary>
    private bool ItemEdge(int before, int after)
    {
        if (before < 0 || after >= tokens.Length || tokens[before].Paragraph != tokens[after].Paragraph)
        {
            return true;
        }
        var gap = body.AsSpan(tokens[before].End, tokens[after].Start - tokens[before].End);
        return gap.IndexOfAny('\n', '[', ']') >= 0 || gap.IndexOfAny('*', '•') >= 0;
    }

    private void TryItem(int start, int end)
    {
        var words = new List<int>();
        for (var k = start; k <= end; k++)
        {
            if (!tokens[k].Has(TokenFlags.Skip))
            {
                words.Add(k);
            }
        }
        if (words.Count is < 2 or > MaxWords || !NameWord(words[0]) || lex.Stopwords.Contains(tokens[words[0]].Text))
        {
            return;
        }
        var head = -1;
        for (var w = 0; w < words.Count; w++)
        {
            var k = words[w];
            if (!NameWord(k) && !(tokens[k].Lower is "of" or "for" or "and" or "the" or "on" && w > 0 && w < words.Count - 1))
            {
                return;
            }
            // The organisation word ends the line or opens its of/for complement: "Bank of Canada", "Swiss National Bank".
            if (head < 0 && lex.OrgHeadwords.Contains(tokens[k].Text) && (w == words.Count - 1 || tokens[words[w + 1]].Lower is "of" or "for"))
            {
                head = k;
            }
        }
        if (head < 0)
        {
            return;
        }
        var first = words[0];
        var last = words[^1];
        if (owner[first] >= 0 && mentions[owner[first]].First == first && mentions[owner[first]].Last == last)
        {
            return;
        }
        for (var k = first; k <= last; k++)
        {
            if (owner[k] >= 0)
            {
                absorbed.Add(owner[k]);
            }
        }
        var name = Surface(first, last);
        var entity = localByName.GetValueOrDefault(name) ?? KnownOrLocal(name, ActorType.Organisation, lex.MediaHeadwords.Contains(tokens[head].Text) ? "media" : null);
        RegisterLocal(name, entity);
        AddMention(entity, first, last, false);
    }

    /// <summary>A capitalised word no person holds: free, a place, or a country or body another pass found inside the name.</summary>
    private bool NameWord(int k)
    {
        var t = tokens[k];
        if (!t.IsCapitalised || t.Has(TokenFlags.Possessive) || lex.RoleNouns.Contains(t.Lower))
        {
            return false;
        }
        return owner[k] is Free or Place || (owner[k] >= 0 && mentions[owner[k]].Entity.Type != ActorType.Person);
    }
}

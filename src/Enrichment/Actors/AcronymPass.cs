using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>Pass 2: acronyms the text defines, "Tehreek-e-Taliban Pakistan (TTP)": the full name and the acronym are one organisation.</summary>
internal sealed class AcronymPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    public void Run()
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            // Only a word in parentheses or just before them can be defined here: the flags say so before any letter is read.
            var beforeParentheses = i + 1 < tokens.Length && tokens[i + 1].Has(TokenFlags.InParentheses);
            if (t.Has(TokenFlags.Skip) || !(t.Has(TokenFlags.InParentheses) || beforeParentheses) || !IsAcronym(t))
            {
                continue;
            }
            if (!t.Has(TokenFlags.InParentheses) || i == 0)
            {
                i = LinkAcronymFirst(i);
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

    /// <summary>
    /// An acronym: all capitals ("TTP"), or capitals with one lower-case letter ("iCET", "AfDB") as some bodies style theirs.
    /// </summary>
    private static bool IsAcronym(Token t)
    {
        if (t.Has(TokenFlags.AllCaps))
        {
            return true;
        }
        var upper = 0;
        var lower = 0;
        foreach (var ch in t.Text)
        {
            upper += char.IsUpper(ch) ? 1 : 0;
            lower += char.IsLower(ch) ? 1 : 0;
        }
        return upper >= 3 && lower == 1;
    }

    /// <summary>
    /// "CEI (Italian Episcopal Conference)", "the PLO (Palestine Liberation Organisation)": the acronym first and the name
    /// after it in parentheses, its initials those of the acronym, in its order or, for a name translated into English, in
    /// another. Returns the last token read.
    /// </summary>
    private int LinkAcronymFirst(int acr)
    {
        var first = acr + 1;
        if (first >= tokens.Length || !tokens[first].Has(TokenFlags.InParentheses)
            || body[tokens[acr].End..tokens[first].Start].Trim() != "(")
        {
            return acr;
        }
        var last = first;
        while (last - first < 10 && (tokens[last].End >= body.Length || body[tokens[last].End] != ')'))
        {
            if (last + 1 >= tokens.Length || !tokens[last].Has(TokenFlags.JoinedToNext))
            {
                return acr;
            }
            last++;
        }
        if (tokens[last].End < body.Length && body[tokens[last].End] != ')')
        {
            // Ten words and no closing parenthesis: not a name in parentheses.
            return acr;
        }
        var initials = new List<char>();
        for (var k = first; k <= last; k++)
        {
            if (tokens[k].IsCapitalised)
            {
                initials.Add(char.ToUpperInvariant(tokens[k].Text[0]));
            }
            else if (!tokens[k].Has(TokenFlags.Connector) && !lex.NameLinkWords.Contains(tokens[k].Lower))
            {
                return acr;
            }
        }
        var letters = tokens[acr].Text.ToUpperInvariant();
        if (letters.Length < 3 || !tokens[first].IsCapitalised || !tokens[last].IsCapitalised
            || !initials.Order().SequenceEqual(letters.Order()))
        {
            return acr;
        }
        LinkAcronym(first, last, acr, acr);
        return last;
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
            else if (!t.Has(TokenFlags.Connector) && !lex.NameLinkWords.Contains(t.Lower))
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
        // Prefixes of words: "African Union Mission in Somalia (AMISOM)", one name word left out. Looser than initials, so
        // only for a name with an organisation word in it ("Interview of the Month (IOTM)" is a feature, not a body).
        for (var s = 0; s < content.Count - 1; s++)
        {
            var words = new List<Token>();
            var named = false;
            for (var k = content[s]; k <= end; k++)
            {
                if (!tokens[k].Has(TokenFlags.Connector))
                {
                    words.Add(tokens[k]);
                    named |= lex.OrgHeadwords.Contains(tokens[k].Text);
                }
            }
            if (named && SpelledByPrefixes(words, 0, upper, 0, 1))
            {
                return content[s];
            }
        }
        return -1;
    }

    /// <summary>
    /// Whether the acronym from <paramref name="a"/> is spelt by prefixes (up to three letters) of the words from
    /// <paramref name="w"/> on, in order: the first and the last word give letters, a link word ("in", "of") may give none, and
    /// at most <paramref name="skips"/> capitalised words may give none.
    /// </summary>
    private static bool SpelledByPrefixes(List<Token> words, int w, string acronym, int a, int skips)
    {
        if (a == acronym.Length || w == words.Count)
        {
            return a == acronym.Length && w == words.Count;
        }
        var word = words[w].Text;
        for (var length = 1; length <= Math.Min(3, Math.Min(word.Length, acronym.Length - a)); length++)
        {
            if (char.ToUpperInvariant(word[length - 1]) != acronym[a + length - 1])
            {
                break;
            }
            if (SpelledByPrefixes(words, w + 1, acronym, a + length, skips))
            {
                return true;
            }
        }
        var capitalised = words[w].IsCapitalised;
        return w > 0 && w < words.Count - 1 && (!capitalised || skips > 0)
            && SpelledByPrefixes(words, w + 1, acronym, a, capitalised ? skips - 1 : skips);
    }

    private void LinkAcronym(int longFirst, int longLast, int acrFirst, int acrLast)
    {
        // A mention over the whole long form is the body defined ("Bank of Japan (BOJ)"); one over a part of it is a country,
        // place or body inside a longer name ("Central America Forward (CAF)", "African Union Mission in Somalia (AMISOM)").
        var longOwner = owner[longLast] >= 0 && mentions[owner[longLast]].First <= longFirst ? mentions[owner[longLast]].Entity : null;
        var acrOwner = owner[acrFirst] >= 0 ? mentions[owner[acrFirst]].Entity : null;
        var longText = Surface(longFirst, longLast);
        var acronym = Surface(acrFirst, acrLast);
        var entity = longOwner ?? acrOwner;
        if (entity is null)
        {
            var head = tokens[longLast].Text;
            // A conference that goes by an acronym is a standing body ("Italian Episcopal Conference (CEI)", "Southern
            // Christian Leadership Conference (SCLC)"), not a meeting; laws, plans and treaties are not bodies.
            if ((lex.NonOrgHeadwords.Contains(head) && head != "Conference") || owner[longLast] == Place)
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
        if (longOwner is null)
        {
            AbsorbInside(longFirst, longLast);
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

    /// <summary>The mentions inside a defined name are part of it, not mentions of their own ("Somalia" in "… in Somalia (AMISOM)").</summary>
    private void AbsorbInside(int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (owner[k] >= 0)
            {
                absorbed.Add(owner[k]);
            }
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

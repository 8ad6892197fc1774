using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Pass 8d: an outlet named before a lower-case noun of its medium: "according to Yonhap news agency", "in remarks to
/// al-Ikhbariya television", "Russia's Kommersant daily". The nouns are data (Data/outlet-heads.txt); the name is the
/// words before the noun, which describes it ("Kommersant", with "Kommersant daily" among its aliases). Not after "a" or
/// "an" ("a Kurdish newspaper" describes a paper, it does not name one), not a country's or a place's medium ("French
/// television", "Moscow radio"), not words that say what kind of medium (Data/medium-qualifiers.txt: "the Arabic
/// newspaper", "the Communist daily") or whose body ("the Workers Party newspaper" is the party's), and not a noun that
/// goes on into a name ("the daily Asharq al-Awsat" is the class noun's).
/// It runs after the people passes, so "Smith's newspaper" or a person's name is claimed before.
/// </summary>
internal sealed class OutletHeadPass(Lexicon lexicon, ActorClaims state) : ContextBodyPass(lexicon, state)
{
    public void Run()
    {
        for (var h = 1; h < tokens.Length; h++)
        {
            var head = tokens[h];
            // The name before the noun ends in a capitalised word: most words fail here before any lookup.
            if (head.IsCapitalised || !tokens[h - 1].IsCapitalised || owner[h] != Free || !tokens[h - 1].Has(TokenFlags.JoinedToNext) || tokens[h - 1].Has(TokenFlags.Possessive))
            {
                continue;
            }
            var headLast = HeadEnd(h);
            if (headLast < 0 || NameGoesOn(headLast))
            {
                continue;
            }
            var first = ArticleBefore(BodyRunBack(h - 1));
            if (first < 0 || (first > 0 && tokens[first - 1].Lower is "a" or "an") || Qualifies(first, h - 1) || !PlausibleBody(first, h - 1))
            {
                continue;
            }
            // "pray to Allah daily", "take Prozac daily": "daily" and "weekly" are adverbs as often; as a paper's noun "the" comes
            // before the name ("the Asahi daily said").
            if (headLast == h && tokens[h].Text is "daily" or "weekly" && (first == 0 || tokens[first - 1].Lower != "the"))
            {
                continue;
            }
            AddBody(first, h - 1);
            if (owner[first] >= 0)
            {
                RegisterLocal(Surface(first, headLast), mentions[owner[first]].Entity);
                h = headLast;
            }
        }
    }

    /// <summary>The last word of a medium's noun that starts at <paramref name="h"/> ("news agency", "daily"), or -1.</summary>
    private int HeadEnd(int h)
    {
        if (lex.OutletHeads.Contains(tokens[h].Text))
        {
            return h;
        }
        return h + 1 < tokens.Length && tokens[h].Has(TokenFlags.JoinedToNext) && lex.ContainsPair(lex.OutletHeads, tokens[h].Text, ' ', tokens[h + 1].Text) ? h + 1 : -1;
    }

    /// <summary>
    /// "the daily Asharq al-Awsat": the noun goes on into a name, whose class it is; "the Brantwell daily briefing", "the
    /// Brantwell radio show": the noun qualifies another, and the name is the show's or a person's. A speech verb ("the
    /// Asahi daily said") or a word that links names ("of", "and", "on") after the noun lets it stand.
    /// </summary>
    private bool NameGoesOn(int headLast)
    {
        if (headLast + 1 >= tokens.Length || !tokens[headLast].Has(TokenFlags.JoinedToNext))
        {
            return false;
        }
        var next = tokens[headLast + 1];
        return next.IsCapitalised || !(SpeechVerbAt(headLast + 1) || lex.NameLinkWords.Contains(next.Text));
    }

    /// <summary>"the Arabic newspaper", "the Communist Party daily", "State television": the words say what kind, not which.</summary>
    private bool Qualifies(int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (lex.MediumQualifiers.Contains(tokens[k].Text) || lex.IsOrgHeadword(tokens[k].Text))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"al-Ikhbariya": the Arabic article joined by a hyphen is part of the name.</summary>
    private int ArticleBefore(int first) =>
        first > 0 && tokens[first - 1].Text is "al" or "el" && tokens[first - 1].Has(TokenFlags.HyphenToNext) && owner[first - 1] == Free ? first - 1 : first;
}

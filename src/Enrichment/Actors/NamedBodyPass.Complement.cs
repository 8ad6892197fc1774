using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Which words after an organisation word's "of"/"on" are still its name: capitalised words, across a dash inside the
/// name, up to the person a title names right after the body.
/// </summary>
internal sealed partial class NamedBodyPass
{
    /// <summary>
    /// "Director of the White House Office of Intergovernmental Affairs Gabe Amo", "the Council on American - Islamic
    /// Relations Alia Salem said": a title's body runs into the person it titles with no comma between them. The last two
    /// words of the complement are that person's name, not the body's, when the words before them are a body the text
    /// has named already, when the last word stands alone elsewhere as a name ("Jafari said"), or when a speech verb
    /// follows them after a plural that ends a body's matter ("… Relations Alia Salem said").
    /// </summary>
    private int WithoutPersonTail(int first, int head, int last)
    {
        var given = last - 1;
        if (given - 2 <= head || !PersonNameWord(given) || !PersonNameWord(last) || !tokens[given].Has(TokenFlags.JoinedToNext)
            || !tokens[given - 1].IsCapitalised || tokens[given - 1].Has(TokenFlags.Possessive))
        {
            return last;
        }
        var rest = Surface(first, given - 1);
        var named = localByName.ContainsKey(rest) || lex.KnownByName.ContainsKey(rest);
        var spoke = last + 1 < tokens.Length && tokens[last].Has(TokenFlags.JoinedToNext) && lex.SpeechVerbs.Contains(tokens[last + 1].Lower)
            && tokens[given - 1].Text.Length > 3 && tokens[given - 1].Text[^1] == 's';
        return named || spoke || StandsAloneElsewhere(last) ? given - 1 : last;
    }

    /// <summary>A free capitalised word that may be part of a person's name: no organisation word, place, stopword or role.</summary>
    private bool PersonNameWord(int k)
    {
        var t = tokens[k];
        return owner[k] == Free && t.IsCapitalised && !t.Has(TokenFlags.AllCaps) && !t.Has(TokenFlags.Possessive) && !lex.Stopwords.Contains(t.Text)
            && !lex.IsOrgHeadword(t.Text) && !lex.NonOrgHeadwords.Contains(t.Text) && !lex.OrgModifiers.Contains(t.Text) && !lex.RoleNouns.Contains(t.Lower)
            && !lex.ThingHeadwords.Contains(t.Text);
    }

    /// <summary>
    /// The word at <paramref name="k"/> stands alone elsewhere in the text, as a surname does ("Jafari said"): no
    /// capitalised word joined to it on either side, and inside a sentence or before a speech verb.
    /// </summary>
    private bool StandsAloneElsewhere(int k)
    {
        var key = tokens[k].Key;
        for (var j = 0; j < tokens.Length; j++)
        {
            var t = tokens[j];
            if (j == k || t.Key != key || !t.IsCapitalised || t.Has(TokenFlags.Heading)
                || (j > 0 && tokens[j - 1].Has(TokenFlags.JoinedToNext) && tokens[j - 1].IsCapitalised)
                || (j + 1 < tokens.Length && t.Has(TokenFlags.JoinedToNext) && tokens[j + 1].IsCapitalised))
            {
                continue;
            }
            if (!t.Has(TokenFlags.SentenceInitial) || (j + 1 < tokens.Length && lex.SpeechVerbs.Contains(tokens[j + 1].Lower)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// "Council on American - Islamic Relations", "Council on American–Islamic Relations": a hyphen or dash between two
    /// capitalised words of a complement, spaced or not, joins them as a hyphen does.
    /// </summary>
    private bool DashBefore(int k)
    {
        if (k == 0 || !tokens[k - 1].IsCapitalised || !tokens[k].IsCapitalised || tokens[k - 1].Paragraph != tokens[k].Paragraph)
        {
            return false;
        }
        var gap = body.AsSpan(tokens[k - 1].End, tokens[k].Start - tokens[k - 1].End).Trim(' ');
        return gap is "-" or "–" && tokens[k].Start - tokens[k - 1].End <= 3;
    }

    private bool ComplementWord(int k, bool afterDash = false)
    {
        var t = tokens[k];
        if (!t.IsCapitalised || t.Has(TokenFlags.Heading) || t.Has(TokenFlags.Skip) || lex.RoleNouns.Contains(t.Lower))
        {
            return false;
        }
        // "White House Office of Intergovernmental Affairs Julie Chavez Rodriguez": a given name before another capitalised
        // word starts the person a list names after the body, not more of the body's name.
        if (owner[k] == Free && lex.GivenNames.Contains(t.Text) && t.Has(TokenFlags.JoinedToNext) && k + 1 < tokens.Length
            && tokens[k + 1].IsCapitalised && owner[k + 1] == Free)
        {
            return false;
        }
        return owner[k] == Place
            // "University of Southern Indiana": a direction is a stopword alone, but qualifies a name as it does a body's.
            || (owner[k] == Free && (!lex.Stopwords.Contains(t.Text) || lex.OrgModifiers.Contains(t.Text)) && (afterDash || !t.Has(TokenFlags.SentenceInitial)))
            || (owner[k] >= 0 && mentions[owner[k]].Entity.Type != ActorType.Person);
    }
}

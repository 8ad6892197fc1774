namespace NewsSearch.Enrichment.Actors;

/// <summary>Pass 1: known entities from the gazetteer (countries, organisations, people), places (claimed so they never become actors) and demonyms.</summary>
internal sealed class GazetteerPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    /// <summary>Where the run of words in capitals that <see cref="_capitals"/> holds begins, or -1.</summary>
    private int _capitalsStart = -1;

    /// <summary>The words of a run in capitals, each keyed as the word it spells rather than as an acronym.</summary>
    private Token[] _capitals = [];

    /// <summary>How many words in capitals make a line of them (a letterhead, a wire headline) rather than acronyms side by side.</summary>
    private const int MinCapitalsRun = 3;

    public void Run()
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Has(TokenFlags.Skip))
            {
                continue;
            }
            var (end, value) = CapitalsMatch(i) is var caps && caps.End > i ? caps : lex.Gazetteer.Match(tokens, i);
            if (end < 0 || value is null)
            {
                continue;
            }
            // A cue-only name is a surname too ("Kirstjen Nielsen said", "John Zogby said", "Ms. Nielsen"): after another
            // capitalised word of a name it is the person's, whatever verb follows.
            if (value.CueOnly && ((!lex.CiteCueBefore(tokens, i) && !SpeechVerbAt(end + 1)) || AfterNameWord(i)))
            {
                continue;
            }
            // "Federal Reserve Bank of Boston", "Federal Reserve Board": a known body's name followed by an organisation word
            // names another body (the named-body pass reads it whole), not the known one; a legal form after it is the known
            // company's own ("Societe Generale SA").
            if (value.Entity is { Type: Articles.ActorType.Organisation } && end + 1 < tokens.Length && tokens[end].Has(TokenFlags.JoinedToNext)
                && !tokens[end].Has(TokenFlags.Possessive) && tokens[end + 1].IsCapitalised && lex.IsOrgHeadword(tokens[end + 1].Text)
                && !lex.LegalForms.Contains(tokens[end + 1].Text))
            {
                i = end;
                continue;
            }
            // "Phillips" is not Philips: a one-word organisation matches only as spelt (the key forgives doubled letters).
            if (value.Entity is { Type: Articles.ActorType.Organisation } && end == i && !lex.OneWordOrganisationSpellings.Contains(Lexicon.Spelling(tokens[i].Text)))
            {
                continue;
            }
            // "Roy E. Disney", "Gerald Ford": a one-word company after a given name is the person's surname.
            if (value.Entity is { Type: Articles.ActorType.Organisation } && end == i && AfterGivenName(i))
            {
                continue;
            }
            if (value.Entity is { Type: Articles.ActorType.Organisation } && QualifiedBefore(i))
            {
                i = end;
                continue;
            }
            if (value.Entity is null)
            {
                Claim(i, end, Place);
            }
            else
            {
                AddMention(value.Entity, i, end, value.Demonym);
            }
            i = end;
        }
    }

    /// <summary>
    /// "EXECUTIVE OFFICE OF THE PRESIDENT OFFICE OF MANAGEMENT AND BUDGET", "BANK OF JAPAN INTERVENES": in a run of three or
    /// more words in capitals (a letterhead, a wire headline) a short word is a word, not an acronym ("OFFICE" is "Office"),
    /// so a known organisation of two words or more matches however its words are keyed; nothing else is read from the run.
    /// </summary>
    private (int End, EntityRef? Value) CapitalsMatch(int i)
    {
        if (!tokens[i].Has(TokenFlags.AllCaps))
        {
            return (-1, null);
        }
        if (_capitalsStart < 0 || i >= _capitalsStart + _capitals.Length)
        {
            var first = i;
            while (first > 0 && tokens[first - 1].Has(TokenFlags.AllCaps) && tokens[first - 1].Has(TokenFlags.JoinedToNext))
            {
                first--;
            }
            var last = i;
            while (last + 1 < tokens.Length && tokens[last + 1].Has(TokenFlags.AllCaps) && tokens[last].Has(TokenFlags.JoinedToNext))
            {
                last++;
            }
            if (last - first + 1 < MinCapitalsRun)
            {
                return (-1, null);
            }
            _capitalsStart = first;
            _capitals = [.. tokens[first..(last + 1)].Select(t => t with { Key = NameKey.Of(t.Lower, t.Lower) })];
        }
        var (end, value) = lex.Gazetteer.Match(_capitals, i - _capitalsStart);
        return end > i - _capitalsStart && value?.Entity is { Type: Articles.ActorType.Organisation } ? (end + _capitalsStart, value) : (-1, null);
    }

    private bool AfterNameWord(int i) =>
        i > 0 && (lex.Honorifics.Contains(tokens[i - 1].Text)
            || (tokens[i - 1].Has(TokenFlags.JoinedToNext) && tokens[i - 1].IsCapitalised && !tokens[i - 1].Has(TokenFlags.Possessive)
                && !lex.Stopwords.Contains(tokens[i - 1].Text)));

    /// <summary>A given name right before, or a given name and an initial ("Roy E."): the word is a surname.</summary>
    private bool AfterGivenName(int i)
    {
        var k = i - 1;
        if (k > 0 && tokens[k].Text.Length == 1 && char.IsUpper(tokens[k].Text[0]) && tokens[k].End < body.Length && body[tokens[k].End] == '.')
        {
            k--;
        }
        return k >= 0 && tokens[k].Has(TokenFlags.JoinedToNext) && owner[k] == Free && tokens[k].IsCapitalised && !tokens[k].Has(TokenFlags.AllCaps)
            && lex.GivenNames.Contains(tokens[k].Text);
    }

    /// <summary>
    /// "California Department of Justice", "Ohio Office of Budget": a known name that opens with an organisation word, after a
    /// capitalised word that is part of the name, is another body (a state's, a city's), which the named-body pass reads whole.
    /// </summary>
    private bool QualifiedBefore(int start)
    {
        if (start == 0 || !lex.OrgHeadwords.Contains(tokens[start].Text))
        {
            return false;
        }
        var before = tokens[start - 1];
        return before.Has(TokenFlags.JoinedToNext) && !before.Has(TokenFlags.Possessive) && before.IsCapitalised && !before.Has(TokenFlags.AllCaps)
            && !before.Has(TokenFlags.SentenceInitial) && owner[start - 1] is Free or Place && !lex.Stopwords.Contains(before.Text)
            && !lex.RoleNouns.Contains(before.Lower) && !lex.Honorifics.Contains(before.Text);
    }
}

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Pass 6e: Chinese and Korean names as English news writes them, family name first and a hyphenated given name after it:
/// "Leung Kwok-hung", "Lee Cheuk-yan", "Moon Jae-in", "Ma Ying-jeou". No cue is needed: a common family name of those
/// languages (Data/east-asian-family-names.txt) before two short syllables joined by a hyphen, the second in lower case, is
/// a person's name. Not inside a longer capitalised name ("Hong Kong-based" is a place's, claimed before this pass).
/// </summary>
internal sealed class HyphenatedGivenNamePass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    /// <summary>A syllable of a romanised given name is short: "Kwok", "hung", "Cheuk", "jeou".</summary>
    private const int MaxSyllable = 6;

    public void Run()
    {
        for (var i = 0; i + 2 < tokens.Length; i++)
        {
            // The flags first: a hyphen after the next word is rare, and a set lookup per word is not free.
            if (!tokens[i + 1].Has(TokenFlags.HyphenToNext) || !tokens[i].Has(TokenFlags.JoinedToNext) || !tokens[i].IsCapitalised
                || !lex.EastAsianFamilyNames.Contains(tokens[i].Text) || !IsNameWord(i) || !GivenName(i + 1)
                || (i > 0 && tokens[i - 1].Has(TokenFlags.JoinedToNext) && IsNameWord(i - 1) && !tokens[i - 1].Has(TokenFlags.SentenceInitial)))
            {
                continue;
            }
            AddCandidate(i, i + 2, null);
            i += 2;
        }
    }

    /// <summary>"Kwok-hung": a capitalised syllable, a hyphen, a lower-case syllable, and no capitalised word after it.</summary>
    private bool GivenName(int k)
    {
        var first = tokens[k];
        var second = tokens[k + 1];
        return owner[k] == Free && owner[k + 1] == Free && first.IsCapitalised && !first.Has(TokenFlags.AllCaps) && first.Has(TokenFlags.HyphenToNext)
            && first.Text.Length <= MaxSyllable && second.Text.Length is >= 2 and <= MaxSyllable && char.IsLower(second.Text[0])
            && second.Text.All(char.IsLetter) && !second.Has(TokenFlags.HyphenToNext)
            && (k + 2 >= tokens.Length || !second.Has(TokenFlags.JoinedToNext) || !tokens[k + 2].IsCapitalised);
    }
}

using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Pass 6c: a name of two words that begins with a common given name ("Eric Holder", "Harry Maguire"), or of three with a
/// middle initial or given name ("Gloria Elizabeth Blanco"), is a person's even without a cue — but not inside a longer
/// capitalised name ("Santa Clara County", "Jeff McBride Experience": words no earlier pass claimed), nor before a word
/// that ends the name of a place, work or prize ("Ross Sea", "Booker Prize": Data/thing-headwords.txt). A title with its
/// complement may stand just before it ("Secretary of Transportation Pete Buttigieg"): that is the person's role. A given
/// name alone is a person's where the writer couples it with "I" ("Jill and I extend our warmest wishes").
/// </summary>
internal sealed class GivenNamePass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    public void Run()
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!tokens[i].IsCapitalised || !lex.GivenNames.Contains(tokens[i].Text) || !IsNameWord(i))
            {
                continue;
            }
            var title = TitleBefore(i);
            if (title < 0 && FreeCapitalisedBefore(i))
            {
                continue;
            }
            var last = NameRun(i, allowHonorific: false);
            if (last == i && BeforeAndI(i))
            {
                AddCandidate(i, i, null);
                continue;
            }
            if (last - i is < 1 or > 2 || (last - i == 2 && !IsInitial(i + 1) && !lex.GivenNames.Contains(tokens[i + 1].Text))
                || GoesOn(last) || lex.ThingHeadwords.Contains(tokens[last].Text))
            {
                continue;
            }
            AddCandidate(i, last, title >= 0 ? Surface(title, i - 1) : null);
            i = last;
        }
    }

    /// <summary>
    /// The first word of a title with a complement that ends just before <paramref name="i"/> ("Secretary of Housing and
    /// Urban Development", "Assistant Secretary of State for African Affairs"), or -1: its capitalised words are the title's.
    /// </summary>
    private int TitleBefore(int i)
    {
        var complement = false;
        for (var k = i - 1; k >= 0 && i - k <= MaxTitle && tokens[k].Has(TokenFlags.JoinedToNext) && !tokens[k].Has(TokenFlags.Possessive); k--)
        {
            var t = tokens[k];
            if (complement && lex.RoleNouns.Contains(t.Lower) && t.IsCapitalised)
            {
                return k;
            }
            if (t.Lower is "of" or "for" or "to")
            {
                complement = true;
            }
            else if (!t.IsCapitalised && t.Lower is not ("and" or "the"))
            {
                return -1;
            }
        }
        return -1;
    }

    /// <summary>How many words a title with its complement may take: "Director of the White House Office of Intergovernmental Affairs".</summary>
    private const int MaxTitle = 9;

    /// <summary>"Jill and I extend our wishes", "Doug and I send our love": a given name alone, coupled with the writer.</summary>
    private bool BeforeAndI(int i) =>
        i + 2 < tokens.Length && tokens[i].Has(TokenFlags.JoinedToNext) && tokens[i + 1].Lower == "and" && tokens[i + 1].Has(TokenFlags.JoinedToNext)
        && tokens[i + 2].Text == "I" && (i == 0 || tokens[i].Has(TokenFlags.SentenceInitial) || tokens[i - 1].Has(TokenFlags.CommaAfter));

    /// <summary>A name word just before that no pass claimed: the given name is inside a longer name ("Santa Clara").</summary>
    private bool FreeCapitalisedBefore(int i) =>
        i > 0 && tokens[i - 1].Has(TokenFlags.JoinedToNext) && (IsNameWord(i - 1) || owner[i - 1] == Candidate);

    /// <summary>The capitalised run goes on after the name ("… Foundation", "… Center", "Merrill Lynch &amp; Co"): it names a body or a thing, not a person.</summary>
    private bool GoesOn(int last) =>
        (last + 1 < tokens.Length && tokens[last].Has(TokenFlags.JoinedToNext) && !tokens[last].Has(TokenFlags.Possessive) && tokens[last + 1].IsCapitalised)
        || body.AsSpan(tokens[last].End).TrimStart(' ').StartsWith("&");
}

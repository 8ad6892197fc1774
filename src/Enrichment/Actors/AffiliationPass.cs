using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Pass 8a: the body a person belongs to, named by an affiliation: "Nick Rhodes of Duran Duran", "Frederick Fung of
/// ADPL", "DAB's Ben Chan", "Labour's Shadow Home Secretary Yvette Cooper". News text attaches people to their party,
/// company or band so; an unknown name there is that body. A tie word (<c>Data/affiliation-roles.txt</c>) names it too:
/// "LibriVox founder Hugh McGuire", "a member of Scientology". Not a place ("Smith of Chicago"; after a title whose "of"
/// is a place: "Rep. John Smith of Texas", <c>Data/place-titles.txt</c>), not a person ("Obama's national security
/// advisor James Jones"), not a word that merely opens the sentence.
/// </summary>
internal sealed class AffiliationPass(Lexicon lexicon, ActorClaims state) : ContextBodyPass(lexicon, state)
{

    public void Run()
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (IsPerson(i) && !(IsPerson(i + 1) && owner[i + 1] == owner[i]))
            {
                MemberOf(i);
            }
            else if (owner[i] == Free && tokens[i].Has(TokenFlags.Possessive))
            {
                PossessorOf(i);
            }
            else if (TieWordAt(i) is var tie and > 0)
            {
                BodyOfTie(i, tie);
            }
        }
    }

    /// <summary>"&lt;Person&gt; of &lt;X&gt;": X right after the person's name and "of".</summary>
    private void MemberOf(int personLast)
    {
        var of = personLast + 1;
        if (of + 1 >= tokens.Length || tokens[of].Lower != "of" || tokens[of].IsCapitalised || !tokens[personLast].Has(TokenFlags.JoinedToNext)
            || tokens[personLast].Has(TokenFlags.Possessive) || !tokens[of].Has(TokenFlags.JoinedToNext) || PlaceTitled(personLast))
        {
            return;
        }
        // "Gary Fan of the Neo Democrats": the article before a body's name is no part of it.
        var first = tokens[of + 1].Lower == "the" && !tokens[of + 1].IsCapitalised && tokens[of + 1].Has(TokenFlags.JoinedToNext) ? of + 2 : of + 1;
        var last = BodyRunForward(first);
        if (last < 0 || !Distinctive(first, last) || !PlausibleBody(first, last) || PlaceAfter(last))
        {
            return;
        }
        AddBody(first, last);
    }

    /// <summary>"&lt;X&gt;'s &lt;Person&gt;" or "&lt;X&gt;'s &lt;role words&gt; &lt;Person&gt;", X ending at the possessive.</summary>
    private void PossessorOf(int last)
    {
        var k = last + 1;
        while (k < tokens.Length && k - last <= 4 && tokens[k - 1].Has(TokenFlags.JoinedToNext) && !IsPerson(k) && IsRoleWord(k))
        {
            if (lex.PlaceTitles.Contains(tokens[k].Lower))
            {
                return;
            }
            k++;
        }
        // A full name after it ("DAB's Ben Chan"): one word there may be a surname the people passes linked loosely.
        if (!IsPerson(k) || !tokens[k - 1].Has(TokenFlags.JoinedToNext) || (IsPerson(k - 1) && owner[k - 1] == owner[k]) || mentions[owner[k]].Last == k)
        {
            return;
        }
        var first = BodyRunBack(last);
        // "Labour's Shadow Home Secretary Yvette Cooper": a role's word in capitals, before a person, is the body's name.
        if (first < 0 && owner[last] == Free && tokens[last].IsCapitalised && !tokens[last].Has(TokenFlags.Heading) && !tokens[last].Has(TokenFlags.Skip)
            && lex.RoleModifiers.Contains(tokens[last].Lower) && !lex.Stopwords.Contains(tokens[last].Text))
        {
            first = last;
        }
        // "Obama's national security advisor James Jones", "Reagan's Commerce Secretary Malcolm Baldrige": one ordinary
        // capitalised word before a role is as often a person's name; an acronym, a longer name or a party's word
        // ("Labour's Shadow Home Secretary") is a body's.
        if (first >= 0 && (Distinctive(first, last) || lex.RoleModifiers.Contains(tokens[first].Lower)) && PlausibleBody(first, last))
        {
            AddBody(first, last);
        }
    }

    /// <summary>
    /// One ordinary capitalised word after "of" or before a tie word is as often a town or a trade ("Bob Jones of
    /// Fairhaven", "Restaurant owner Jane Doe"): a body's name there has two words or more, or is an acronym or camel-cased
    /// ("ADPL", "wikiHow").
    /// </summary>
    private bool Distinctive(int first, int last) =>
        last > first || tokens[first].Has(TokenFlags.AllCaps) || tokens[first].Text.Skip(1).Any(char.IsUpper);

    /// <summary>A word of a role before a name, in either case: "Shadow Home Secretary", "national security adviser".</summary>
    private bool IsRoleWord(int k)
    {
        // A capitalised word is a role's when a role word follows within the few words a title takes ("Shadow Home
        // Secretary"); a loop, not recursion, as a page of Title Case words must not run the stack out.
        for (var j = k; j < tokens.Length && j - k < MaxRoleWords; j++)
        {
            var t = tokens[j];
            if (owner[j] != Free || t.Has(TokenFlags.Possessive))
            {
                return false;
            }
            if (lex.RoleNouns.Contains(t.Lower) || lex.RoleModifiers.Contains(t.Lower) || (t.IsCapitalised && lex.Honorifics.Contains(t.Text)))
            {
                return true;
            }
            if (!t.IsCapitalised || t.Has(TokenFlags.AllCaps) || !t.Has(TokenFlags.JoinedToNext))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>How many words a role before a name takes at most: "Shadow Home Secretary", "Deputy Prime Minister".</summary>
    private const int MaxRoleWords = 4;

    /// <summary>The person is titled by an office whose "of" names a place ("Rep.", "Mayor", "Lord"): the words before the name.</summary>
    private bool PlaceTitled(int personLast)
    {
        var first = mentions[owner[personLast]].First;
        for (var k = first - 1; k >= 0 && first - k <= 3 && tokens[k].Has(TokenFlags.JoinedToNext); k--)
        {
            if (lex.PlaceTitles.Contains(tokens[k].Lower))
            {
                return true;
            }
            if (!tokens[k].IsCapitalised && !lex.RoleModifiers.Contains(tokens[k].Lower))
            {
                break;
            }
        }
        return roles.TryGetValue(mentions[owner[personLast]].Entity, out var role)
            && role.Split(' ', '-').Any(w => lex.PlaceTitles.Contains(w.ToLowerInvariant()));
    }

    /// <summary>
    /// "Smith of Springfield, Illinois", "Jones of Greenwich, Conn.": a place, a country or a state's abbreviation after a
    /// comma makes the name a place.
    /// </summary>
    private bool PlaceAfter(int last)
    {
        if (!tokens[last].Has(TokenFlags.CommaAfter) || last + 1 >= tokens.Length)
        {
            return false;
        }
        var next = tokens[last + 1];
        return IsPlaceOrCountry(last + 1)
            || (lex.StateAbbreviations.Contains(next.Text) && next.End < body.Length && body[next.End] == '.');
    }

    /// <summary>How many tokens a lower-case tie word at <paramref name="k"/> takes ("founder" 1, "co-founder" 2), or 0.</summary>
    private int TieWordAt(int k)
    {
        var t = tokens[k];
        if (t.IsCapitalised || owner[k] != Free)
        {
            return 0;
        }
        if (t.Lower == "co" && t.Has(TokenFlags.HyphenToNext) && k + 1 < tokens.Length && lex.TieWords.Contains(tokens[k + 1].Lower))
        {
            return 2;
        }
        return lex.TieWords.Contains(t.Lower) ? 1 : 0;
    }

    /// <summary>"LibriVox founder Hugh McGuire" (a name, the tie word, a person) and "founder of LibriVox", "members of Scientology".</summary>
    private void BodyOfTie(int tie, int length)
    {
        var end = tie + length - 1;
        if (tie > 0 && tokens[tie - 1].Has(TokenFlags.JoinedToNext) && !tokens[tie - 1].Has(TokenFlags.Possessive) && tokens[end].Has(TokenFlags.JoinedToNext) && IsPerson(end + 1))
        {
            var first = BodyRunBack(tie - 1);
            if (first >= 0 && Distinctive(first, tie - 1) && PlausibleBody(first, tie - 1))
            {
                AddBody(first, tie - 1);
            }
            return;
        }
        if (end + 2 < tokens.Length && tokens[end].Has(TokenFlags.JoinedToNext) && tokens[end + 1].Lower == "of" && !tokens[end + 1].IsCapitalised
            && tokens[end + 1].Has(TokenFlags.JoinedToNext))
        {
            var last = BodyRunForward(end + 2);
            if (last >= 0 && Distinctive(end + 2, last) && PlausibleBody(end + 2, last) && !PlaceAfter(last))
            {
                AddBody(end + 2, last);
            }
        }
    }
}

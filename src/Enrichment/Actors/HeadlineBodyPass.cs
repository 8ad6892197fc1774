namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Bodies the headline names. Headline case capitalises every word, so a headline is never read as prose for bodies
/// (section headings like "Treasury Securities" would be); two shapes are read: a name opened by a place or a country
/// (after a lower-case word or at the headline's start) and ended by an organisation word, with only the modifiers bodies
/// take between ("Statement from President Joe Biden on Arizona Supreme Court Decision to …"); and a name tied to a person
/// ("LibriVox founder Hugh McGuire", "Isabel Ruiz of Heaven Sent Gaming") that the body writes capitalised too.
/// It runs before the people passes, which do not read headlines for such names.
/// </summary>
internal sealed class HeadlineBodyPass(Lexicon lexicon, ActorClaims state) : ContextBodyPass(lexicon, state)
{
    private readonly bool _headline = state.HasHeadline;

    public void Run()
    {
        for (var k = 0; _headline && k < tokens.Length && tokens[k].Paragraph == 0; k++)
        {
            var organisationWord = OrganisationWordAt(k);
            var complement = organisationWord && ComplementAfter(k);
            if (organisationWord && !complement && NameStart(k) is var first and >= 0)
            {
                AddBody(first, k);
            }
            else if (complement && (k == 0 || !tokens[k - 1].IsCapitalised) && ComplementEnd(k + 2) is var end and > 0)
            {
                AddBody(k, end);
            }
            else if (TieBeforeName(k))
            {
                BodyBefore(k - 1);
            }
            else if (tokens[k].Text == "of" && k > 1 && k + 1 < tokens.Length && tokens[k].Has(TokenFlags.JoinedToNext) && NameEndsAt(k - 1))
            {
                BodyAfter(tokens[k + 1].Text == "the" ? k + 2 : k + 1);
            }
        }
    }

    /// <summary>"LibriVox founder Hugh McGuire": a lower-case tie word (<c>Data/affiliation-roles.txt</c>) before a person's name.</summary>
    private bool TieBeforeName(int k) =>
        k > 0 && k + 2 < tokens.Length && !tokens[k].IsCapitalised && lex.TieWords.Contains(tokens[k].Lower) && tokens[k - 1].Has(TokenFlags.JoinedToNext)
        && Joined(k) && lex.GivenNames.Contains(tokens[k + 1].Text) && Joined(k + 1) && tokens[k + 2].IsCapitalised && tokens[k + 2].Paragraph == 0;

    /// <summary>"… Isabel Ruiz of …", "… Mario J. Lucero of …": a given name and a surname (an initial between) end at <paramref name="last"/>.</summary>
    private bool NameEndsAt(int last)
    {
        for (var j = last - 1; j >= 0 && last - j <= 3 && Joined(j) && tokens[j].IsCapitalised && !tokens[j].Has(TokenFlags.Possessive); j--)
        {
            if (lex.GivenNames.Contains(tokens[j].Text))
            {
                return tokens[last].IsCapitalised && !IsInitial(last);
            }
        }
        return false;
    }

    /// <summary>The name before a tie word, back to a lower-case word or the headline's start.</summary>
    private void BodyBefore(int last)
    {
        var first = last;
        while (first > 0 && last - first < MaxBodyWords && Joined(first - 1) && HeadlineWord(first - 1))
        {
            first--;
        }
        if (HeadlineWord(first) && (first == 0 || !tokens[first - 1].IsCapitalised))
        {
            AddIfRepeated(first, last);
        }
    }

    /// <summary>The name after a person's "of", to a lower-case word or the headline's end.</summary>
    private void BodyAfter(int first)
    {
        var last = first;
        while (last + 1 < tokens.Length && last + 1 - first < MaxBodyWords && Joined(last) && HeadlineWord(last + 1))
        {
            last++;
        }
        if (first < tokens.Length && HeadlineWord(first) && (last + 1 >= tokens.Length || tokens[last + 1].Paragraph > 0 || !tokens[last + 1].IsCapitalised))
        {
            AddIfRepeated(first, last);
        }
    }

    private bool HeadlineWord(int k) =>
        tokens[k].Paragraph == 0 && owner[k] == Free && tokens[k].IsCapitalised && !lex.Stopwords.Contains(tokens[k].Text)
        && !lex.RoleNouns.Contains(tokens[k].Lower) && !lex.Honorifics.Contains(tokens[k].Text);

    /// <summary>
    /// A headline's capitalised words are capitalised by its case: the name counts only when the body writes the same words
    /// capitalised ("What is Heaven Sent Gaming?"), and as a body would be named (an acronym, camel-cased or two words or more).
    /// </summary>
    private void AddIfRepeated(int first, int last)
    {
        var distinctive = last > first || tokens[first].Has(TokenFlags.AllCaps) || tokens[first].Text.Skip(1).Any(char.IsUpper);
        if (distinctive && PlausibleBody(first, last) && RepeatedInBody(first, last))
        {
            AddBody(first, last);
        }
    }

    private bool RepeatedInBody(int first, int last)
    {
        var n = last - first + 1;
        for (var j = last + 1; j + n <= tokens.Length; j++)
        {
            var m = 0;
            while (m < n && tokens[j + m].Paragraph > 0 && tokens[j + m].IsCapitalised && tokens[j + m].Key == tokens[first + m].Key
                && (m == n - 1 || tokens[j + m].Has(TokenFlags.JoinedToNext)))
            {
                m++;
            }
            if (m == n)
            {
                return true;
            }
        }
        return false;
    }

    private bool OrganisationWordAt(int k) =>
        owner[k] == Free && tokens[k].IsCapitalised && !tokens[k].Has(TokenFlags.AllCaps) && lex.OrgHeadwords.Contains(tokens[k].Text)
        && !lex.LegalForms.Contains(tokens[k].Text) && !lex.NonOrgHeadwords.Contains(tokens[k].Text);

    /// <summary>"Arizona Court Of Appeals": an of/for phrase after the word belongs to a longer name this rule does not read.</summary>
    private bool ComplementAfter(int k) =>
        k + 1 < tokens.Length && tokens[k].Has(TokenFlags.JoinedToNext) && tokens[k + 1].Lower is "of" or "for" or "on";

    /// <summary>
    /// "Decision in Alliance for Hippocratic Medicine v. FDA": the capitalised words of an of/for phrase after an organisation
    /// word that opens a name (at most four); or -1.
    /// </summary>
    private int ComplementEnd(int first)
    {
        // "Council of" ending a headline over an empty body: no phrase follows.
        if (first >= tokens.Length || tokens[first - 1].Lower is "on" || tokens[first - 1].IsCapitalised)
        {
            return -1;
        }
        var last = first;
        while (last + 1 < tokens.Length && last + 1 - first < MaxBodyWords && Joined(last) && HeadlineWord(last + 1))
        {
            last++;
        }
        // A headline's own words follow the name in its case ("… Council for Economic Advisers Report on Jobs"), so the name
        // must end before a case's "v." (its parties are named so) or end the headline with a word the body never writes in
        // lower case.
        var headlineEnd = last + 1 >= tokens.Length || tokens[last + 1].Paragraph > 0;
        var ends = headlineEnd ? !WrittenInLowerCase(tokens[last].Lower) : tokens[last + 1].Text is "v" or "vs";
        return first < tokens.Length && HeadlineWord(first) && ends ? last : -1;
    }

    /// <summary>The place or country that opens the name ending at <paramref name="last"/>, at the headline's start or after a lower-case word; or -1.</summary>
    private int NameStart(int last)
    {
        var k = last - 1;
        while (k >= 0 && Joined(k) && owner[k] == Free && tokens[k].IsCapitalised && !tokens[k].Has(TokenFlags.Possessive)
            && (lex.OrgModifiers.Contains(tokens[k].Text) || lex.OrgHeadwords.Contains(tokens[k].Text)))
        {
            k--;
        }
        var placeEnd = k;
        while (k >= 0 && Joined(k) && IsPlaceOrCountry(k) && !tokens[k].Has(TokenFlags.Possessive))
        {
            k--;
        }
        if (k == placeEnd || (k >= 0 && (!tokens[k].Has(TokenFlags.JoinedToNext) || tokens[k].IsCapitalised)))
        {
            return -1;
        }
        // "Arizona Supreme Court Decision": a modifier bodies take between the place and the word makes it a body's name;
        // a place and the word alone are as often a headline's own words ("California Bank Robbery", "Paris Museum Fire"),
        // so the body must name it too.
        return placeEnd < last - 1 || RepeatedInBody(k + 1, last) ? k + 1 : -1;
    }

    private bool Joined(int k) => tokens[k].Has(TokenFlags.JoinedToNext) && tokens[k].Paragraph == 0;
}

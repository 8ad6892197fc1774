using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Pass 4: capitalised phrases that end in an organisation word ("Wilson Center", "Supreme Court", "University of Lisbon"),
/// and one-word legislatures ("Congress", "the Knesset").
/// </summary>
internal sealed partial class NamedBodyPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    public void Run()
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!(IsBodyWord(i) || CapitalLegalForm(i)) || !(lex.OrgHeadwords.Contains(tokens[i].Text) || lex.Legislatures.Contains(tokens[i].Text) || PlaceWordOfBody(i)))
            {
                continue;
            }
            // "Texas AG Ken Paxton": a legal form has no name after it (another legal form or a role may follow: "Co Inc", "Inc chairman").
            if (LegalFormAt(i) && !LegalFormEndsName(i))
            {
                continue;
            }
            // "Securities Litigation Reform Act": the name goes on past the organisation word, so it does not end there.
            if (NameGoesOn(i))
            {
                continue;
            }
            var first = i;
            // "Congress", "House": a legislature's own word takes before it only what qualifies a legislature ("African National
            // Congress", "Indian National Congress"); after another name ("Opera House", "Blair House") it is a building's.
            var legislatureOnly = !lex.OrgHeadwords.Contains(tokens[i].Text) && lex.Legislatures.Contains(tokens[i].Text);
            var otherName = false;
            var president = -1;
            // The known company a legal form follows ("Societe Generale SA" after the gazetteer found Société Générale).
            Entity? named = null;
            // A legal form ("Inc", "Corp") shows the capitalised run before it is one company's name, whatever its words:
            // "General Motors Corp", "Moody's Investors Service Inc", "Texaco Canada Inc".
            var company = lex.LegalForms.Contains(tokens[i].Text);
            while (first > 0 && tokens[first - 1].Has(TokenFlags.JoinedToNext)
                && (!tokens[first - 1].Has(TokenFlags.Possessive) || lex.PossessiveNameWords.Contains(tokens[first - 1].Text)
                    || (company && owner[first - 1] == Free && PossessiveInsideName(first - 1)) || OfficeOfRole(first - 1, i)))
            {
                var p = first - 1;
                if (PrefixedAdjective(p))
                {
                    break;
                }
                if (OfficeOfRole(p, i))
                {
                    first = p;
                    continue;
                }
                // "National Air and Space Museum Steven F. Udvar-Hazy Center": a given name after an organisation word starts
                // another name, not more of this one.
                if (lex.OrgHeadwords.Contains(tokens[p].Text) && first < i && owner[first] == Free && lex.GivenNames.Contains(tokens[first].Text))
                {
                    break;
                }
                if (legislatureOnly && !lex.OrgModifiers.Contains(tokens[p].Text) && !IsNamePart(p))
                {
                    otherName = tokens[p].IsCapitalised && owner[p] != Place;
                    break;
                }
                // "Make-A-Wish Foundation": a stopword inside a hyphenated word is part of the name; so is one that is an
                // organisation word ("Dallas Police Department"), though alone at a sentence's start it is not ("Police said").
                var hyphenated = p > 0 && tokens[p].Has(TokenFlags.HyphenToNext) && tokens[p - 1].Has(TokenFlags.HyphenToNext);
                if ((IsBodyWord(p) && (!lex.Stopwords.Contains(tokens[p].Text) || lex.OrgModifiers.Contains(tokens[p].Text) || lex.OrgHeadwords.Contains(tokens[p].Text) || hyphenated)
                    && (company || !lex.RoleNouns.Contains(tokens[p].Lower) || GeneralBody(p, i))) || (company && CompanyAcronym(p)))
                {
                    first = p;
                }
                else if (company && owner[p] >= 0 && mentions[owner[p]] is { Entity.Type: ActorType.Organisation } parent && parent.Last == p)
                {
                    // "Texaco Canada Inc": a known company's name before a place and a legal form names its subsidiary.
                    first = parent.First;
                    named = p == i - 1 || (p == i - 2 && LegalFormAt(i - 1)) ? parent.Entity : null;
                }
                else if (company && p == first - 1 && tokens[p].Lower is "and" or "&" && LegalFormAt(first) && p > 0 && owner[p - 1] >= 0
                    && mentions[owner[p - 1]] is { Entity.Type: ActorType.Organisation } partners && partners.Last == p - 1)
                {
                    // "Merrill Lynch and Co Inc": "and Co" after a known firm's name is the firm's own legal form.
                    first = partners.First;
                    named = partners.Entity;
                }
                else if (tokens[p].Has(TokenFlags.Connector) && p > 0 && tokens[p - 1].IsCapitalised)
                {
                    first = p;
                }
                else if (owner[p] >= 0 && tokens[p].Has(TokenFlags.HyphenToNext) && mentions[owner[p]].Entity.Type == ActorType.Person)
                {
                    // "Biden-Harris Administration": people joined by a hyphen name the body; they are not mentioned alone.
                    first = mentions[owner[p]].First;
                }
                else if (tokens[i].Text == "Administration" && p == i - 1 && owner[p] >= 0 && mentions[owner[p]] is { Entity.Type: ActorType.Person } person && person.Last == p)
                {
                    // "the Trump Administration": a president's name names the administration; the person stays mentioned.
                    first = person.First;
                    president = owner[p];
                }
                else if (IsNamePart(p))
                {
                    // "Kabul Policy Institute", "Afghanistan Analysts Network": a place or country starting the name.
                    first = p;
                }
                else if (p > 0 && (tokens[p].Lower == "and" || (tokens[p].Lower is "of" or "for" && lex.OrgHeadwords.Contains(tokens[p - 1].Text)))
                    && IsBodyWord(p - 1) && tokens[p - 1].Has(TokenFlags.JoinedToNext) && !lex.RoleNouns.Contains(tokens[p - 1].Lower))
                {
                    // "Food and Drug Administration", "Institute of Peace Studies"; but in "Troy Patterson of Slate Magazine" the
                    // words before "of" are a person's, so a name runs back over "of"/"for" only from another organisation word.
                    first = p - 1;
                }
                else
                {
                    break;
                }
            }
            if (otherName)
            {
                continue;
            }
            while (first < i && !tokens[first].IsCapitalised)
            {
                first++;
            }
            // "Shares of Apple Inc": a sentence's first word before "of" is the sentence's, unless it is itself a body ("Bank of England").
            if (first + 1 < i && tokens[first].Has(TokenFlags.SentenceInitial) && tokens[first + 1].Lower is "of" or "for" && !lex.OrgHeadwords.Contains(tokens[first].Text))
            {
                first += 2;
            }
            while (first < i && (!tokens[first].IsCapitalised || (lex.Stopwords.Contains(tokens[first].Text) && !lex.OrgModifiers.Contains(tokens[first].Text))))
            {
                first++;
            }
            // "501st Legion", "2nd Circuit Court": an ordinal opens a unit's or a court's name; not an event's ("the 19th Party
            // Congress", where a capitalised word goes on after the organisation word).
            if (first > 0 && tokens[first - 1].Has(TokenFlags.JoinedToNext) && Ordinal().IsMatch(tokens[first - 1].Text)
                && !(tokens[i].Has(TokenFlags.JoinedToNext) && i + 1 < tokens.Length && tokens[i + 1].IsCapitalised))
            {
                first--;
            }
            // "University of Lisbon", "National Institute for Disaster Management", "Federation of Red Cross and Red Crescent Societies"
            var complement = BodyComplement(first, i);
            var last = WithoutPersonTail(first, i, complement);
            // "Doctor Who Society of Canada": a capitalised stopword inside a sentence before a lone organisation word makes the
            // name longer than the words a body's name takes, so no part of it is named.
            if (first == i && last > i && first > 0 && tokens[first - 1].Has(TokenFlags.JoinedToNext) && owner[first - 1] == Free
                && tokens[first - 1].IsCapitalised && !tokens[first - 1].Has(TokenFlags.SentenceInitial) && tokens[first - 1].Text != "The"
                && lex.Stopwords.Contains(tokens[first - 1].Text))
            {
                i = last;
                continue;
            }
            // "Senate Democrats", "House Republicans": a party's members in a legislature are a body of their own.
            if (last == i && lex.Legislatures.Contains(tokens[i].Text) && i + 1 < tokens.Length && tokens[i].Has(TokenFlags.JoinedToNext)
                && !tokens[i].Has(TokenFlags.Possessive) && owner[i + 1] == Free && lex.PartyMembers.Contains(tokens[i + 1].Text))
            {
                last = i + 1;
            }
            // "Congress", "the Senate": a legislature is one even when its name is one word (not at a sentence's start,
            // where any word is capitalised); other lone organisation words ("the Council") say too little.
            if (first == i && last == i && (!lex.Legislatures.Contains(tokens[i].Text) || tokens[i].Has(TokenFlags.SentenceInitial)))
            {
                continue;
            }
            // "the School District" alone is any town's: the body's own name comes before it ("Irving Independent School District").
            if (first >= i - 1 && !lex.OrgHeadwords.Contains(tokens[i].Text) && !lex.Legislatures.Contains(tokens[i].Text))
            {
                continue;
            }
            // "Senior Administration Official", "Deputy Party Secretary": a role's words around an organisation word make a title.
            if (lex.RoleModifiers.Contains(tokens[first].Lower) && last + 1 < tokens.Length && tokens[last].Has(TokenFlags.JoinedToNext)
                && lex.RoleNouns.Contains(tokens[last + 1].Lower))
            {
                i = last;
                continue;
            }
            // "the U.S.-Japan Alliance": countries and "Alliance" name the tie between them, not a body.
            if (tokens[i].Text == "Alliance" && first > 0 && CountriesBefore(i))
            {
                i = last;
                continue;
            }
            // "Texaco Inc" is Texaco: the company goes by its name without the legal form, the known one if it is known
            // ("American Express Co"), and the text's later bare "Texaco" is matched to it.
            var bare = last;
            while (last == i && bare > first && lex.LegalForms.Contains(tokens[bare].Text))
            {
                // "British Petroleum Co Plc": every legal form at the end goes, and the "and" of "Merrill Lynch and Co Inc".
                bare--;
                if (bare > first && tokens[bare].Lower is "and" or "&" && lex.LegalForms.Contains(tokens[bare + 1].Text))
                {
                    bare--;
                }
            }
            // "Moody's Investors Service Inc": a known company's name may open with a possessive, which a run never takes alone.
            if (bare < last && first > 0 && tokens[first - 1].Has(TokenFlags.Possessive) && tokens[first - 1].Has(TokenFlags.JoinedToNext)
                && owner[first - 1] == Free && lex.KnownByName.ContainsKey(body[tokens[first - 1].Start..tokens[bare + 1].Start].TrimEnd()))
            {
                first--;
            }
            var name = Surface(first, last);
            // Up to the legal form, so a possessive stays in the name ("Standard and Poor's Corp").
            var goesBy = bare < last ? body[tokens[first].Start..tokens[bare + 1].Start].TrimEnd() : name;
            var entity = named ?? localByName.GetValueOrDefault(goesBy) ?? SpelledOut(goesBy, bare, last)
                ?? KnownOrLocal(goesBy, ActorType.Organisation, lex.MediaHeadwords.Contains(tokens[i].Text) ? "media" : null);
            RegisterLocal(name, entity);
            RegisterLocal(goesBy, entity);
            RegisterInitials(first, last, entity);
            if (bare < last && bare > first && ShortNameWord(first))
            {
                // "Allegheny International Inc … Allegheny said": wire copy calls a company by its first word once named in full.
                RegisterLocal(tokens[first].Text, entity);
            }
            for (var k = first; k <= last; k++)
            {
                if (owner[k] >= 0 && owner[k] != president)
                {
                    absorbed.Add(owner[k]);
                }
            }
            AddMention(entity, first, last, false);
            if (complement > last)
            {
                // The words the body ran into are the person its title names ("… Intergovernmental Affairs Gabe Amo").
                AddCandidate(last + 1, complement, null);
            }
            i = last;
        }
    }

    /// <summary>
    /// "Securities Litigation Reform Act", "Federal Reserve Bank": the capitalised name goes on past this organisation word
    /// to a word that decides what it is (a law, an event, or a later organisation word), so it does not end here.
    /// </summary>
    private bool NameGoesOn(int head)
    {
        var k = head;
        // "Museum Steven F. Udvar-Hazy Center": a given name after the organisation word starts another name.
        if (k + 1 < tokens.Length && lex.GivenNames.Contains(tokens[k + 1].Text))
        {
            return false;
        }
        // Names are short: looking a few words ahead keeps a page of capitalised words linear.
        while (k + 1 < tokens.Length && k - head < 8 && tokens[k].Has(TokenFlags.JoinedToNext) && !tokens[k].Has(TokenFlags.Possessive) && IsBodyWord(k + 1) && !tokens[k + 1].Has(TokenFlags.SentenceInitial))
        {
            k++;
        }
        return (k > head && (lex.NonOrgHeadwords.Contains(tokens[k].Text) || lex.IsOrgHeadword(tokens[k].Text))) || AndCompany(head);
    }

    /// <summary>
    /// The last word of "of/for" + capitalised words after an organisation word, or the word itself when none follow. One
    /// more "of/for" phrase may follow the first ("Australian Centre for Control of Iodine Deficiency Disorders", "Joint
    /// Council for the Welfare of Immigrants"), and a university's campus after "at" ("University of North Carolina at
    /// Greensboro").
    /// </summary>
    private int BodyComplement(int first, int head)
    {
        if (lex.RoleNouns.Contains(tokens[head].Lower))
        {
            return head;
        }
        var end = ComplementPhrase(head, "of", "for");
        if (end == head)
        {
            // "Task Force on Energy Security", "Council on Foreign Relations": "on" + two capitalised words or more names the
            // body's matter; one word is as often a day ("the Board on Monday").
            var on = ComplementPhrase(head, "on", "on");
            end = on - head >= 3 && tokens[on - 1].IsCapitalised ? on : head;
        }
        // "Colorado State University of the US": a name that already holds its place is not "of" a country as well; the
        // country says where the body is ("Bank of Canada", "Communist Party of the Soviet Union" hold no place before it).
        if (end > head && Enumerable.Range(first, head - first).Any(IsPlaceOrCountry) && Enumerable.Range(head + 2, end - head - 1).All(k => tokens[k].Lower == "the" || IsPlaceOrCountry(k)))
        {
            return head;
        }
        if (end > head)
        {
            // Not "University of Sheffield of the UK": a second phrase that is only a place says where the body is.
            var more = ComplementPhrase(end, "of", "for");
            end = Enumerable.Range(end + 1, more - end).Any(k => owner[k] == Free && tokens[k].IsCapitalised) ? more : end;
        }
        if (end > head && tokens[head].Text == "University")
        {
            end = ComplementPhrase(end, "at", "at");
        }
        return end;
    }

    /// <summary>The last word of <paramref name="word"/> (or <paramref name="other"/>) + capitalised words after <paramref name="after"/>, or <paramref name="after"/>.</summary>
    private int ComplementPhrase(int after, string word, string other)
    {
        if (after + 2 >= tokens.Length || !tokens[after].Has(TokenFlags.JoinedToNext) || tokens[after].Has(TokenFlags.Possessive)
            || (tokens[after + 1].Lower != word && tokens[after + 1].Lower != other) || !tokens[after + 1].Has(TokenFlags.JoinedToNext))
        {
            return after;
        }
        var k = after + 2;
        if (tokens[k].Lower == "the" && tokens[k].Has(TokenFlags.JoinedToNext))
        {
            k++;
        }
        var end = after;
        while (k < tokens.Length && (k == end + 1 && DashBefore(k) ? ComplementWord(k, afterDash: true) : ComplementWord(k)))
        {
            end = k;
            if ((!tokens[k].Has(TokenFlags.JoinedToNext) && !(k + 1 < tokens.Length && DashBefore(k + 1))) || tokens[k].Has(TokenFlags.Possessive))
            {
                break;
            }
            k++;
            if (k + 1 < tokens.Length && tokens[k].Lower == "and" && tokens[k].Has(TokenFlags.JoinedToNext) && ComplementWord(k + 1))
            {
                // "Massachusetts Institute of Technology and Colorado State University": an organisation word after "and"
                // ends another body, so the complement stops before "and".
                if (StartsBody(k + 1))
                {
                    break;
                }
                k++;
            }
        }
        return end;
    }

    /// <summary>Whether the words just before <paramref name="head"/> are countries joined by hyphens ("U.S.-France").</summary>
    private bool CountriesBefore(int head)
    {
        var countries = 0;
        for (var k = head - 1; k >= 0 && tokens[k].Has(TokenFlags.JoinedToNext) && owner[k] >= 0 && mentions[owner[k]].Entity.Type == ActorType.Country; k = mentions[owner[k]].First - 1)
        {
            countries++;
        }
        return countries >= 2;
    }

    /// <summary>Whether the capitalised words from <paramref name="k"/> on reach a (singular) organisation word of their own.</summary>
    private bool StartsBody(int k)
    {
        for (var j = k; j < tokens.Length && j - k < 6 && ComplementWord(j); j++)
        {
            // A plural is the same body's members ("Federation of Red Cross and Red Crescent Societies").
            if (lex.OrgHeadwords.Contains(tokens[j].Text) && !tokens[j].Text.EndsWith('s'))
            {
                return true;
            }
            if (!tokens[j].Has(TokenFlags.JoinedToNext))
            {
                break;
            }
        }
        return false;
    }

    /// <summary>
    /// "Special Anti-Corruption Prosecutor’s Office", "Los Angeles County Sheriff's Department": a role's possessive right before
    /// an office's word, after other capitalised words of the name, is part of the office's name ("the President's Office" is not).
    /// </summary>
    private bool OfficeOfRole(int p, int head) =>
        p == head - 1 && p > 0 && tokens[p].Has(TokenFlags.Possessive) && owner[p] == Free && tokens[p].IsCapitalised
        && lex.OfficeHeadwords.Contains(tokens[head].Text) && lex.RoleNouns.Contains(tokens[p].Lower)
        && tokens[p - 1].Has(TokenFlags.JoinedToNext) && tokens[p - 1].IsCapitalised && !lex.Stopwords.Contains(tokens[p - 1].Text);

    private bool IsNamePart(int k)
    {
        var t = tokens[k];
        if (!t.IsCapitalised || t.Has(TokenFlags.Possessive) || t.Has(TokenFlags.Heading) || !t.Has(TokenFlags.JoinedToNext))
        {
            return false;
        }
        return owner[k] == Place || (owner[k] >= 0 && mentions[owner[k]] is { Entity.Type: ActorType.Country } m && m.First == k && m.Last == k);
    }

    private bool IsBodyWord(int k)
    {
        var t = tokens[k];
        return owner[k] == Free && t.IsCapitalised && !t.Has(TokenFlags.Heading) && !t.Has(TokenFlags.Skip) && !t.Has(TokenFlags.AllCaps);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9]+(st|nd|rd|th)$")]
    private static partial System.Text.RegularExpressions.Regex Ordinal();
}

using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>One extraction over one body: the passes share the tokens and which tokens are already claimed.</summary>
internal sealed class ActorRun(Lexicon lex, string body, Token[] tokens)
{
    private sealed record Mention(Entity Entity, int First, int Last, bool Demonym)
    {
        public int Start(Token[] t) => t[First].Start;
    }

    /// <summary>A person named in the text, before people spelt differently are merged.</summary>
    private sealed record PersonCandidate(int First, int Last, string[] Keys, string Surface, string? Role, bool KeepsHonorific);

    private sealed class PersonCluster(Entity entity)
    {
        public Entity Entity { get; } = entity;
        public List<string[]> Forms { get; } = [];
        public Dictionary<string, int> Surfaces { get; } = new(StringComparer.Ordinal);
    }

    private const int Free = -1;
    private const int Place = -2;

    private readonly int[] owner = Enumerable.Repeat(Free, tokens.Length).ToArray();
    private readonly List<Mention> mentions = [];
    private readonly Dictionary<Entity, string> roles = [];
    private readonly PhraseTrie local = new();
    private readonly Dictionary<string, Entity> localByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PersonCandidate> candidates = [];
    /// <summary>Mentions that are not mentions after all: a country word inside an organisation's name.</summary>
    private readonly HashSet<int> absorbed = [];
    /// <summary>Mentions that add an alias but not a count: the acronym in "Full Name (ACR)".</summary>
    private readonly HashSet<int> uncounted = [];

    public IReadOnlyList<ActorMention> Execute()
    {
        MatchGazetteer();
        ReleaseSurnameCountries();
        DefineAcronyms();
        MatchLocal();
        FindMinistriesAndArmies();
        FindNamedBodies();
        FindCitedOutlets();
        FindDescribedOrganisations();
        MatchLocal();
        FindPeople();
        return Build();
    }

    // ---- pass 1: known entities, places and demonyms ----

    private void MatchGazetteer()
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Has(TokenFlags.Skip))
            {
                continue;
            }
            var (end, value) = lex.Gazetteer.Match(tokens, i);
            if (end < 0 || value is null)
            {
                continue;
            }
            if (value.CueOnly && !lex.CiteCueBefore(tokens, i) && !SpeechVerbAt(end + 1))
            {
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

    // ---- pass 2: "Tehreek-e-Taliban Pakistan (TTP)" ----

    private void DefineAcronyms()
    {
        for (var i = 1; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (!t.Has(TokenFlags.InParentheses) || !t.Has(TokenFlags.AllCaps) || t.Has(TokenFlags.Skip))
            {
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
            else if (!t.Has(TokenFlags.Connector) && t.Lower is not ("of" or "and" or "for" or "the" or "on" or "in" or "de"))
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
        return -1;
    }

    private void LinkAcronym(int longFirst, int longLast, int acrFirst, int acrLast)
    {
        var longOwner = owner[longLast] >= 0 ? mentions[owner[longLast]].Entity : null;
        var acrOwner = owner[acrFirst] >= 0 ? mentions[owner[acrFirst]].Entity : null;
        var longText = Surface(longFirst, longLast);
        var acronym = Surface(acrFirst, acrLast);
        var entity = longOwner ?? acrOwner;
        if (entity is null)
        {
            var head = tokens[longLast].Text;
            if (lex.NonOrgHeadwords.Contains(head) || owner[longFirst] == Place)
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
        if (owner[longFirst] == Free && owner[longLast] == Free)
        {
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

    // ---- pass 3: "Pakistan's Foreign Ministry", "Defence Ministry of Afghanistan", "Pakistan's army" ----

    private void FindMinistriesAndArmies()
    {
        var ministries = new List<(Entity Entity, string Kind, bool Qualified)>();
        Entity? lastArmy = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (owner[i] != Free || t.Has(TokenFlags.Skip))
            {
                continue;
            }
            var word = t.Lower;
            if (word == "army")
            {
                var country = CountryBefore(i);
                if (country is not null)
                {
                    lastArmy = KnownOrLocal($"{country.Name} Army", ActorType.Organisation, "government");
                    AddMention(lastArmy, i - 1, i, false);
                }
                else if (lastArmy is not null && i > 0 && tokens[i - 1].Lower == "the")
                {
                    AddMention(lastArmy, i, i, false);
                }
                continue;
            }
            if (word == "ministry" && !t.IsCapitalised && i > 0 && tokens[i - 1].Lower == "the" && ministries.Count > 0)
            {
                AddMention(ministries[^1].Entity, i, i, false);
                continue;
            }
            if (word == "ministry" && !t.IsCapitalised && i > 1 && owner[i - 1] == Free && !tokens[i - 1].IsCapitalised
                && tokens[i - 1].Has(TokenFlags.JoinedToNext) && CountryBefore(i - 1) is { } ministryCountry)
            {
                // "the Palestinian health ministry"
                var lowerKind = CanonicalMinistry(tokens[i - 1].Text);
                lowerKind = char.ToUpperInvariant(lowerKind[0]) + lowerKind[1..];
                var ministry = KnownOrLocal($"{ministryCountry.Name} Ministry of {lowerKind}", ActorType.Organisation, "government");
                ministries.Add((ministry, lowerKind, true));
                AddMention(ministry, i - 1, i, false);
                continue;
            }
            if (!t.IsCapitalised || (word != "ministry" && word != "office"))
            {
                continue;
            }
            var first = i;
            var last = i;
            string? kind = null;
            Entity? qualifier = null;
            if (i > 0 && tokens[i - 1].IsCapitalised && tokens[i - 1].Has(TokenFlags.JoinedToNext) && owner[i - 1] == Free && !tokens[i - 1].Has(TokenFlags.Possessive))
            {
                first = i - 1;
                kind = tokens[i - 1].Text;
                if (word == "office" && kind is not ("Foreign" or "Home"))
                {
                    continue;
                }
            }
            else if (word == "ministry" && i + 2 < tokens.Length && tokens[i + 1].Lower == "of" && t.Has(TokenFlags.JoinedToNext) && tokens[i + 1].Has(TokenFlags.JoinedToNext) && tokens[i + 2].IsCapitalised && owner[i + 2] == Free)
            {
                last = i + 2;
                while (last + 2 < tokens.Length && tokens[last].Has(TokenFlags.JoinedToNext) && tokens[last + 1].Lower == "and" && tokens[last + 2].IsCapitalised && owner[last + 2] == Free)
                {
                    last += 2;
                }
                if (last + 1 < tokens.Length && tokens[last].Has(TokenFlags.JoinedToNext) && tokens[last + 1].IsCapitalised && owner[last + 1] == Free && !lex.Stopwords.Contains(tokens[last + 1].Text))
                {
                    last++;
                }
                kind = Surface(i + 2, last);
            }
            if (kind is null)
            {
                continue;
            }
            qualifier = CountryBefore(first);
            if (qualifier is null && last + 2 < tokens.Length && tokens[last].Has(TokenFlags.JoinedToNext) && tokens[last + 1].Lower == "of" && owner[last + 2] >= 0)
            {
                var after = mentions[owner[last + 2]].Entity;
                if (after.Type == ActorType.Country)
                {
                    qualifier = after;
                }
            }
            var canonicalKind = CanonicalMinistry(kind);
            var isOffice = word == "office";
            Entity entity;
            if (qualifier is not null)
            {
                entity = KnownOrLocal($"{qualifier.Name} Ministry of {canonicalKind}", ActorType.Organisation, "government");
            }
            else
            {
                // An unqualified "Foreign Office" is only the ministry of a country that calls it so.
                var earlier = ministries.LastOrDefault(m => m.Kind == canonicalKind && m.Qualified
                    && (!isOffice || lex.ForeignOfficeCountries.Any(c => m.Entity.Name.StartsWith(c + " ", StringComparison.Ordinal))));
                entity = earlier.Entity ?? KnownOrLocal($"Ministry of {canonicalKind}", ActorType.Organisation, "government");
            }
            ministries.Add((entity, canonicalKind, qualifier is not null));
            AddMention(entity, first, last, false);
            i = last;
        }
    }

    private static string CanonicalMinistry(string kind) => kind.ToLowerInvariant() switch
    {
        "foreign" or "foreign affairs" or "external affairs" => "Foreign Affairs",
        "defence" or "defense" => "Defence",
        "interior" or "home" or "interior affairs" or "home affairs" => "Interior",
        _ => kind,
    };

    /// <summary>The country named just before token <paramref name="index"/>: "Pakistan's", "Pakistani" or "Pakistan".</summary>
    private Entity? CountryBefore(int index)
    {
        var k = index - 1;
        if (k < 0 || owner[k] < 0 || !tokens[k].Has(TokenFlags.JoinedToNext))
        {
            return null;
        }
        var entity = mentions[owner[k]].Entity;
        return entity.Type == ActorType.Country ? entity : null;
    }

    /// <summary>Words before a country name that make a longer place, not a person: "Northern Ireland", "Greater Syria".</summary>
    private static readonly HashSet<string> PlaceQualifiers = new(StringComparer.Ordinal)
    {
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower",
        "Greater", "New", "Old", "Mainland", "Rural", "Coastal", "Occupied", "Free", "Red", "Communist", "Imperial", "Soviet",
    };

    /// <summary>
    /// "Luís Montenegro", "Mr Montenegro", "Imran Jordan": a country's name right after a given name or an honorific
    /// is a surname, so the country lets go of it and the people pass reads the name.
    /// </summary>
    private void ReleaseSurnameCountries()
    {
        for (var index = 0; index < mentions.Count; index++)
        {
            var m = mentions[index];
            if (m.Entity.Type != ActorType.Country || m.First != m.Last || m.Demonym || m.First == 0 || absorbed.Contains(index))
            {
                continue;
            }
            var p = m.First - 1;
            var before = tokens[p];
            var honorific = lex.Honorifics.Contains(before.Text) || lex.StrippedHonorifics.Contains(before.Text);
            var givenName = owner[p] == Free && before.IsCapitalised && !before.Has(TokenFlags.SentenceInitial) && !before.Has(TokenFlags.AllCaps)
                && !lex.Stopwords.Contains(before.Text) && !lex.RoleNouns.Contains(before.Lower) && !lex.OrgHeadwords.Contains(before.Text)
                && !PlaceQualifiers.Contains(before.Text);
            if (!before.Has(TokenFlags.JoinedToNext) || before.Has(TokenFlags.Possessive) || !(honorific || givenName))
            {
                continue;
            }
            absorbed.Add(index);
            Claim(m.First, m.Last, Free);
        }
        for (var index = 0; index < mentions.Count; index++)
        {
            // "Georgia Meloni, a spokeswoman", "Jordan Henderson said": a country as a given name, when a person cue follows.
            var m = mentions[index];
            if (m.Entity.Type == ActorType.Country && m.First == m.Last && !m.Demonym && !absorbed.Contains(index) && CountryIsGivenName(m.First))
            {
                absorbed.Add(index);
                Claim(m.First, m.Last, Free);
            }
        }
    }

    private bool CountryIsGivenName(int k)
    {
        var n = k + 1;
        if (n + 1 >= tokens.Length || !tokens[k].Has(TokenFlags.JoinedToNext) || tokens[k].Has(TokenFlags.Possessive) || owner[n] != Free)
        {
            return false;
        }
        var surname = tokens[n];
        if (!surname.IsCapitalised || surname.Has(TokenFlags.AllCaps) || lex.Stopwords.Contains(surname.Text) || lex.RoleNouns.Contains(surname.Lower)
            || lex.OrgHeadwords.Contains(surname.Text) || lex.MediaHeadwords.Contains(surname.Text) || lex.NonOrgHeadwords.Contains(surname.Text))
        {
            return false;
        }
        if (surname.Has(TokenFlags.JoinedToNext) && !surname.Has(TokenFlags.Possessive))
        {
            return SpeechVerbAt(n + 1);
        }
        return surname.Has(TokenFlags.CommaAfter) && !surname.Has(TokenFlags.Possessive) && tokens[n + 1].Lower is "a" or "an" or "the" or "who"
            && body.AsSpan(surname.End, Math.Max(0, tokens[n + 1].Start - surname.End)).Trim() is ",";
    }

    // ---- pass 4: capitalised phrases that end in an organisation word ("Wilson Center", "Supreme Court") ----

    private void FindNamedBodies()
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!IsBodyWord(i) || !lex.OrgHeadwords.Contains(tokens[i].Text))
            {
                continue;
            }
            // "Securities Litigation Reform Act": the name goes on past the organisation word, so it does not end there.
            if (NameGoesOn(i))
            {
                continue;
            }
            var first = i;
            while (first > 0 && tokens[first - 1].Has(TokenFlags.JoinedToNext) && !tokens[first - 1].Has(TokenFlags.Possessive))
            {
                var p = first - 1;
                if (IsBodyWord(p) && (!lex.Stopwords.Contains(tokens[p].Text) || lex.OrgModifiers.Contains(tokens[p].Text)) && !lex.RoleNouns.Contains(tokens[p].Lower))
                {
                    first = p;
                }
                else if (tokens[p].Has(TokenFlags.Connector) && p > 0 && tokens[p - 1].IsCapitalised)
                {
                    first = p;
                }
                else if (IsNamePart(p))
                {
                    // "Kabul Policy Institute", "Afghanistan Analysts Network": a place or country starting the name.
                    first = p;
                }
                else if (p > 0 && tokens[p].Lower is "of" or "for" or "and" && IsBodyWord(p - 1) && tokens[p - 1].Has(TokenFlags.JoinedToNext) && !lex.RoleNouns.Contains(tokens[p - 1].Lower))
                {
                    first = p - 1;
                }
                else
                {
                    break;
                }
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
            // "University of Lisbon", "National Institute for Disaster Management", "Federation of Red Cross and Red Crescent Societies"
            var last = BodyComplement(i);
            if (first == i && last == i)
            {
                continue;
            }
            var name = Surface(first, last);
            var entity = localByName.GetValueOrDefault(name) ?? KnownOrLocal(name, ActorType.Organisation, lex.MediaHeadwords.Contains(tokens[i].Text) ? "media" : null);
            RegisterLocal(name, entity);
            for (var k = first; k <= last; k++)
            {
                if (owner[k] >= 0)
                {
                    absorbed.Add(owner[k]);
                }
            }
            AddMention(entity, first, last, false);
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
        // Names are short: looking a few words ahead keeps a page of capitalised words linear.
        while (k + 1 < tokens.Length && k - head < 8 && tokens[k].Has(TokenFlags.JoinedToNext) && !tokens[k].Has(TokenFlags.Possessive) && IsBodyWord(k + 1) && !tokens[k + 1].Has(TokenFlags.SentenceInitial))
        {
            k++;
        }
        return k > head && (lex.NonOrgHeadwords.Contains(tokens[k].Text) || lex.OrgHeadwords.Contains(tokens[k].Text));
    }

    /// <summary>The last word of "of/for" + capitalised words after an organisation word, or the word itself when none follow.</summary>
    private int BodyComplement(int head)
    {
        if (head + 2 >= tokens.Length || lex.RoleNouns.Contains(tokens[head].Lower) || !tokens[head].Has(TokenFlags.JoinedToNext) || tokens[head].Has(TokenFlags.Possessive)
            || tokens[head + 1].Lower is not ("of" or "for") || !tokens[head + 1].Has(TokenFlags.JoinedToNext))
        {
            return head;
        }
        var k = head + 2;
        if (tokens[k].Lower == "the" && tokens[k].Has(TokenFlags.JoinedToNext))
        {
            k++;
        }
        var end = head;
        while (k < tokens.Length && ComplementWord(k))
        {
            end = k;
            if (!tokens[k].Has(TokenFlags.JoinedToNext) || tokens[k].Has(TokenFlags.Possessive))
            {
                break;
            }
            k++;
            if (k + 1 < tokens.Length && tokens[k].Lower == "and" && tokens[k].Has(TokenFlags.JoinedToNext) && ComplementWord(k + 1))
            {
                k++;
            }
        }
        return end;
    }

    private bool ComplementWord(int k)
    {
        var t = tokens[k];
        if (!t.IsCapitalised || t.Has(TokenFlags.Heading) || t.Has(TokenFlags.Skip) || lex.RoleNouns.Contains(t.Lower))
        {
            return false;
        }
        return owner[k] == Place
            || (owner[k] == Free && !lex.Stopwords.Contains(t.Text) && !t.Has(TokenFlags.SentenceInitial))
            || (owner[k] >= 0 && mentions[owner[k]].Entity.Type != ActorType.Person);
    }

    // ---- pass 5b: names the text calls an organisation ("the far-right Chega party", "Liberal Initiative, a smaller party") ----

    private void FindDescribedOrganisations()
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!OrgNameWord(i) || (i > 0 && tokens[i - 1].Has(TokenFlags.JoinedToNext) && OrgNameWord(i - 1)))
            {
                continue;
            }
            var last = i;
            while (last + 1 < tokens.Length && last - i < 3 && tokens[last].Has(TokenFlags.JoinedToNext) && !tokens[last].Has(TokenFlags.Possessive) && OrgNameWord(last + 1))
            {
                last++;
            }
            if (OrgNounAfter(last))
            {
                var name = Surface(i, last);
                var entity = localByName.GetValueOrDefault(name) ?? KnownOrLocal(name, ActorType.Organisation, null);
                RegisterLocal(name, entity);
                AddMention(entity, i, last, false);
            }
            i = last;
        }
    }

    private bool OrgNameWord(int k)
    {
        var t = tokens[k];
        return owner[k] == Free && t.IsCapitalised && !t.Has(TokenFlags.Heading) && !t.Has(TokenFlags.Skip)
            && !lex.Stopwords.Contains(t.Text) && !lex.RoleNouns.Contains(t.Lower) && !lex.Honorifics.Contains(t.Text);
    }

    /// <summary>"… party" right after the name, or ", a/an [up to four lower-case words] party/firm/group" in apposition.</summary>
    private bool OrgNounAfter(int last)
    {
        if (last + 1 >= tokens.Length || tokens[last].Has(TokenFlags.Possessive))
        {
            return false;
        }
        var next = tokens[last + 1];
        if (tokens[last].Has(TokenFlags.JoinedToNext) && !next.IsCapitalised && next.Lower == "party")
        {
            return true;
        }
        if (!tokens[last].Has(TokenFlags.CommaAfter) || next.Lower is not ("a" or "an")
            || body.AsSpan(tokens[last].End, Math.Max(0, next.Start - tokens[last].End)).Trim() is not ",")
        {
            return false;
        }
        for (var k = last + 2; k < tokens.Length && k - last <= 6 && tokens[k - 1].Has(TokenFlags.JoinedToNext); k++)
        {
            // "Jane Roe, a member of the party": a role or a preposition makes the phrase about a person.
            if (tokens[k].IsCapitalised || lex.RoleNouns.Contains(tokens[k].Lower) || tokens[k].Lower is "of" or "at" or "for" or "in" or "with" or "from")
            {
                return false;
            }
            if (lex.OrgNouns.Contains(tokens[k].Lower))
            {
                return !tokens[k].Has(TokenFlags.JoinedToNext) || k + 1 >= tokens.Length || tokens[k + 1].Lower is not ("of" or "member" or "leader" or "official" or "spokesman" or "spokeswoman" or "spokesperson");
            }
        }
        return false;
    }

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

    // ---- pass 5: outlets an article cites ("as reported by UNN", "told TOLOnews") ----

    private void FindCitedOutlets()
    {
        for (var i = 1; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (owner[i] != Free || !t.IsCapitalised || t.Has(TokenFlags.Skip) || t.Has(TokenFlags.Heading) || !lex.CiteCueBefore(tokens, i))
            {
                continue;
            }
            var last = i;
            while (last + 1 < tokens.Length && tokens[last].Has(TokenFlags.JoinedToNext) && owner[last + 1] == Free && tokens[last + 1].IsCapitalised && !tokens[last].Has(TokenFlags.Possessive) && last - i < 4)
            {
                last++;
            }
            var acronym = last == i && t.Has(TokenFlags.AllCaps) && t.Text.Length <= 6;
            var mediaName = lex.MediaHeadwords.Contains(tokens[last].Text) && last > i;
            var innerCaps = last == i && t.Text.Skip(1).Any(char.IsUpper) && !t.Has(TokenFlags.AllCaps);
            if (!acronym && !mediaName && !innerCaps)
            {
                continue;
            }
            var name = Surface(i, last);
            var entity = localByName.GetValueOrDefault(name) ?? KnownOrLocal(name, ActorType.Organisation, "media");
            RegisterLocal(name, entity);
            AddMention(entity, i, last, false);
            i = last;
        }
    }

    /// <summary>Later mentions of what this article defined: acronyms and named bodies.</summary>
    private void MatchLocal()
    {
        if (localByName.Count == 0)
        {
            return;
        }
        for (var i = 0; i < tokens.Length; i++)
        {
            if (owner[i] != Free || tokens[i].Has(TokenFlags.Skip))
            {
                continue;
            }
            var (end, value) = local.Match(tokens, i);
            if (end < 0 || value?.Entity is null || Enumerable.Range(i, end - i + 1).Any(k => owner[k] != Free))
            {
                continue;
            }
            AddMention(value.Entity, i, end, false);
            i = end;
        }
    }

    // ---- pass 6: people ----

    private void FindPeople()
    {
        foreach (var m in mentions.Where(m => m.Entity.Type == ActorType.Person).ToList())
        {
            if (AppositionRole(m.Last) is { } role)
            {
                roles.TryAdd(m.Entity, role);
            }
        }
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Has(TokenFlags.Skip) || t.Has(TokenFlags.Heading))
            {
                continue;
            }
            // "Security analyst Baqir Sajjad Syed", "Information Minister, Attaullah Tarar,"
            if (lex.RoleNouns.Contains(t.Lower) && i + 1 < tokens.Length && !t.Has(TokenFlags.Possessive)
                && (t.Has(TokenFlags.JoinedToNext) || (t.Has(TokenFlags.CommaAfter) && (t.IsCapitalised || ClosedAppositionAfter(i + 1)))))
            {
                var role = RolePhrase(i);
                var nameStart = i + 1;
                // "Minister of State Mohammed Al-Khulaifi", "Secretary of State Marco Rubio"
                if (tokens[i + 1].Lower == "of" && t.Has(TokenFlags.JoinedToNext))
                {
                    var k = i + 2;
                    // "Chancellor of the Exchequer Nigel Lawson"
                    if (k < tokens.Length && tokens[k].Lower == "the" && tokens[k - 1].Has(TokenFlags.JoinedToNext))
                    {
                        k++;
                    }
                    var complementStart = k;
                    while (k < tokens.Length && k - i < 5 && tokens[k - 1].Has(TokenFlags.JoinedToNext) && tokens[k].IsCapitalised && lex.RoleModifiers.Contains(tokens[k].Lower))
                    {
                        k++;
                    }
                    if (k == complementStart || k >= tokens.Length || !tokens[k - 1].Has(TokenFlags.JoinedToNext))
                    {
                        continue;
                    }
                    role = Surface(RoleStart(i), k - 1);
                    nameStart = k;
                }
                if (owner[nameStart] >= 0 && mentions[owner[nameStart]].Entity.Type == ActorType.Person)
                {
                    roles.TryAdd(mentions[owner[nameStart]].Entity, role);
                    continue;
                }
                var end = NameRun(nameStart, allowHonorific: true);
                // "Chief Medical Officer": a capitalised word between two role words is part of the title, not a name.
                var titleGoesOn = end >= nameStart && end + 1 < tokens.Length && tokens[end].Has(TokenFlags.JoinedToNext) && lex.RoleNouns.Contains(tokens[end + 1].Lower);
                if (end >= nameStart && !titleGoesOn)
                {
                    AddCandidate(nameStart, end, role);
                }
                continue;
            }
            // "Mullah Yaqoob", "Dr Ayesha Siddiqa"
            if (lex.Honorifics.Contains(t.Text) && owner[i] == Free && i + 1 < tokens.Length
                && (t.Has(TokenFlags.JoinedToNext) || body.AsSpan(t.End, Math.Max(0, tokens[i + 1].Start - t.End)).Trim() is "."))
            {
                var end = NameRun(i + 1, allowHonorific: true);
                if (end >= i + 1)
                {
                    AddCandidate(i, end, AppositionRole(end));
                    i = end;
                }
                continue;
            }
            if (!IsNameWord(i) || (i > 0 && tokens[i - 1].Has(TokenFlags.JoinedToNext) && IsNameWord(i - 1)))
            {
                continue;
            }
            var last = NameRun(i, allowHonorific: false);
            if (last < i)
            {
                continue;
            }
            var length = last - i + 1;
            // "Baqir Sajjad Syed, a national security journalist"
            var appositive = length >= 2 ? AppositionRole(last) : null;
            if (appositive is not null)
            {
                AddCandidate(i, last, appositive);
            }
            // "Haji Najib said", "said Sami Yousafzai"
            else if (length >= 2 && ((tokens[last].Has(TokenFlags.JoinedToNext) && SpeechVerbAt(last + 1)) || (i > 0 && tokens[i - 1].Has(TokenFlags.JoinedToNext) && SpeechVerbAt(i - 1))))
            {
                AddCandidate(i, last, null);
            }
            else if (length >= 2 && i > 0 && tokens[i - 1].Lower == "told" && !lex.MediaHeadwords.Contains(tokens[last].Text))
            {
                AddCandidate(i, last, null);
            }
            // "led by Gul Agha Sherzai", "met Ishaq Dar", "Ahmad Wali, who heads …"
            else if (length >= 2 && (MeetingCueBefore(i) || (tokens[last].Has(TokenFlags.CommaAfter) && last + 1 < tokens.Length && tokens[last + 1].Lower == "who")))
            {
                AddCandidate(i, last, null);
            }
            // "Ollie Watkins ran onto …" and later "Watkins has now scored": the surname alone elsewhere marks a person.
            else if (length is 2 or 3 && SurnameEchoed(i, last))
            {
                AddCandidate(i, last, null);
            }
            i = last;
        }
        ClusterPeople();
    }

    private bool MeetingCueBefore(int i)
    {
        if (i < 1 || !tokens[i - 1].Has(TokenFlags.JoinedToNext))
        {
            return false;
        }
        var previous = tokens[i - 1].Lower;
        if (previous is "met" or "phoned" or "interviewed")
        {
            return true;
        }
        return i >= 2 && tokens[i - 2].Has(TokenFlags.JoinedToNext) && (tokens[i - 2].Lower, previous) is
            ("led", "by") or ("headed", "by") or ("chaired", "by") or ("founded", "by") or ("coached", "by") or ("managed", "by") or ("met", "with") or ("meeting", "with") or ("spoke", "with") or ("talks", "with");
    }

    private HashSet<string>? loneWords;

    /// <summary>Whether the last word of the name at first..last also stands alone (no capitalised neighbour) elsewhere.</summary>
    private bool SurnameEchoed(int first, int last)
    {
        if (tokens[first].Has(TokenFlags.SentenceInitial) && lex.Stopwords.Contains(tokens[first].Text))
        {
            return false;
        }
        if (loneWords is null)
        {
            loneWords = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < tokens.Length; k++)
            {
                var t = tokens[k];
                var joinedBefore = k > 0 && tokens[k - 1].Has(TokenFlags.JoinedToNext) && tokens[k - 1].IsCapitalised;
                var joinedAfter = t.Has(TokenFlags.JoinedToNext) && k + 1 < tokens.Length && tokens[k + 1].IsCapitalised;
                if (t.IsCapitalised && owner[k] == Free && !joinedBefore && !joinedAfter && !t.Has(TokenFlags.Heading))
                {
                    loneWords.Add(NameKey.Of(t.Text));
                }
            }
        }
        return NameKey.Of(tokens[last].Text) is { Length: >= 3 } key && loneWords.Contains(key);
    }

    private bool SpeechVerbAt(int k) => k >= 0 && k < tokens.Length && !tokens[k].IsCapitalised && lex.SpeechVerbs.Contains(tokens[k].Text);

    private bool IsNameWord(int k)
    {
        var t = tokens[k];
        if (owner[k] != Free || !t.IsCapitalised || t.Has(TokenFlags.AllCaps) || t.Has(TokenFlags.Skip) || t.Has(TokenFlags.Heading))
        {
            return false;
        }
        if (lex.Stopwords.Contains(t.Text) || lex.Honorifics.Contains(t.Text) || lex.RoleNouns.Contains(t.Lower) || lex.RoleModifiers.Contains(t.Lower)
            || lex.OrgHeadwords.Contains(t.Text) || lex.NonOrgHeadwords.Contains(t.Text))
        {
            return false;
        }
        foreach (var ch in t.Text)
        {
            if (char.IsDigit(ch))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The last token of a personal name starting at <paramref name="start"/> (at most five words), or -1.</summary>
    private int NameRun(int start, bool allowHonorific)
    {
        var k = start;
        while (allowHonorific && k < tokens.Length && k - start < 3 && lex.Honorifics.Contains(tokens[k].Text) && owner[k] == Free && tokens[k].Has(TokenFlags.JoinedToNext))
        {
            k++;
        }
        if (k >= tokens.Length || !IsNameWord(k))
        {
            return -1;
        }
        var last = k;
        while (last + 1 < tokens.Length && last - start < 4 && tokens[last].Has(TokenFlags.JoinedToNext) && !tokens[last].Has(TokenFlags.Possessive))
        {
            var next = last + 1;
            if (IsNameWord(next))
            {
                last = next;
            }
            else if (lex.NameParticles.Contains(tokens[next].Text) && owner[next] == Free && next + 1 < tokens.Length && tokens[next].Has(TokenFlags.JoinedToNext) && IsNameWord(next + 1))
            {
                last = next + 1;
            }
            else
            {
                break;
            }
        }
        return last;
    }

    /// <summary>"Information Minister" from the role noun at <paramref name="head"/> and the modifiers before it.</summary>
    private string RolePhrase(int head) => Surface(RoleStart(head), head);

    private int RoleStart(int head)
    {
        var first = head;
        while (first > 0 && head - first < 3 && tokens[first - 1].Has(TokenFlags.JoinedToNext) && !tokens[first - 1].Has(TokenFlags.Possessive)
            && !tokens[first - 1].Has(TokenFlags.Heading) && IsRoleWord(first - 1))
        {
            first--;
        }
        return first;
    }

    /// <summary>"Secretary General", "Competition Commissioner": role words, or a capitalised word that is nothing else.</summary>
    private bool IsRoleWord(int k)
    {
        var t = tokens[k];
        if (lex.RoleModifiers.Contains(t.Lower) || lex.RoleNouns.Contains(t.Lower))
        {
            return true;
        }
        return t.IsCapitalised && owner[k] == Free && !t.Has(TokenFlags.AllCaps) && !lex.Stopwords.Contains(t.Text) && !lex.Honorifics.Contains(t.Text);
    }

    /// <summary>The role in ", a national security journalist" or ", Afghanistan's defence minister" after a name, or null.</summary>
    /// <summary>"specialist prosecutor, Daniel Ferreira, said": a name of two or more words set off by commas after a role.</summary>
    private bool ClosedAppositionAfter(int nameStart)
    {
        if (nameStart >= tokens.Length || owner[nameStart] != Free)
        {
            return false;
        }
        var end = NameRun(nameStart, allowHonorific: false);
        if (end <= nameStart)
        {
            return false;
        }
        // "Amelia Hart KC," — a post-nominal (KC, QC, MP, OBE) may stand before the closing comma.
        var postNominal = end + 1 < tokens.Length && tokens[end].Has(TokenFlags.JoinedToNext) && tokens[end + 1].Has(TokenFlags.AllCaps)
            && tokens[end + 1].Text.Length is >= 2 and <= 4 && tokens[end + 1].Has(TokenFlags.CommaAfter);
        return tokens[end].Has(TokenFlags.CommaAfter) || postNominal;
    }

    private string? AppositionRole(int nameLast)
    {
        if (!tokens[nameLast].Has(TokenFlags.CommaAfter) || nameLast + 1 >= tokens.Length
            || body.AsSpan(tokens[nameLast].End, tokens[nameLast + 1].Start - tokens[nameLast].End).Trim() is not ",")
        {
            return null;
        }
        var k = nameLast + 1;
        if (k < tokens.Length && tokens[k].Lower is "a" or "an" or "the" or "one" or "his" or "her" or "its" or "their")
        {
            k++;
        }
        if (k < tokens.Length && owner[k] >= 0 && mentions[owner[k]].Entity.Type != ActorType.Person
            && (tokens[mentions[owner[k]].Last].Has(TokenFlags.JoinedToNext) || tokens[mentions[owner[k]].Last].Has(TokenFlags.Possessive)))
        {
            // "the Commission's competition chief", "Pakistan's defence minister"
            var m = mentions[owner[k]];
            k = m.Last + 1;
        }
        else if (k < tokens.Length && tokens[k].Has(TokenFlags.Possessive))
        {
            // "the agency's executive director", "the WHO's"
            k++;
        }
        var first = k;
        var head = -1;
        // The role ends at its last role noun: "deputy administrative affairs minister", "deputy minister for ...".
        for (; k < tokens.Length && k - first < 5; k++)
        {
            var t = tokens[k];
            if (t.Sentence != tokens[nameLast].Sentence || t.Lower is "who" or "which" or "that" or "said" or "says" or "and" or "of" or "in" or "at" or "for" or "to" or "on" or "with")
            {
                break;
            }
            if (lex.RoleNouns.Contains(t.Lower) && !t.Has(TokenFlags.Possessive))
            {
                head = k;
            }
            if (!t.Has(TokenFlags.JoinedToNext) || t.Has(TokenFlags.Possessive))
            {
                break;
            }
        }
        return head >= 0 ? Surface(first, head) : null;
    }

    private void AddCandidate(int first, int last, string? role)
    {
        for (var k = first; k <= last; k++)
        {
            if (owner[k] != Free)
            {
                return;
            }
        }
        var words = new List<Token>();
        for (var k = first; k <= last; k++)
        {
            if (!lex.NameParticles.Contains(tokens[k].Text) || k == first)
            {
                words.Add(tokens[k]);
            }
        }
        var keepHonorific = false;
        while (words.Count > 1 && lex.Honorifics.Contains(words[0].Text))
        {
            // "Dr Ayesha Siddiqa", "Lt Gen Asim Malik" drop the title; "Mullah Yaqoob" keeps it, as a single name would be ambiguous.
            if (words.Count > 2 || lex.StrippedHonorifics.Contains(words[0].Text))
            {
                first += 1;
                words.RemoveAt(0);
            }
            else
            {
                keepHonorific = true;
                break;
            }
        }
        candidates.Add(new PersonCandidate(first, last, [.. words.Select(w => w.Key)], Surface(first, last), role, keepHonorific));
        for (var k = first; k <= last; k++)
        {
            owner[k] = Place - 1;
        }
    }

    private void ClusterPeople()
    {
        var clusters = new List<PersonCluster>();
        // Known people already matched are clusters too, so "Asif" alone links to "Khawaja Asif".
        foreach (var m in mentions.Where(m => m.Entity.Type == ActorType.Person))
        {
            var cluster = clusters.FirstOrDefault(c => c.Entity == m.Entity);
            if (cluster is null)
            {
                cluster = new PersonCluster(m.Entity);
                cluster.Forms.Add(KeysOf(m.Entity.Name));
                clusters.Add(cluster);
            }
            var keys = TokenKeys(m.First, m.Last);
            if (!cluster.Forms.Any(f => f.SequenceEqual(keys)))
            {
                cluster.Forms.Add(keys);
            }
        }
        foreach (var c in candidates.OrderByDescending(c => c.Keys.Length > 1).ThenBy(c => c.First))
        {
            var cluster = FindCluster(clusters, c.Keys, c.KeepsHonorific);
            if (cluster is null)
            {
                cluster = new PersonCluster(new Entity(c.Surface, ActorType.Person));
                clusters.Add(cluster);
            }
            if (!cluster.Forms.Any(f => f.SequenceEqual(c.Keys)))
            {
                cluster.Forms.Add(c.Keys);
            }
            if (c.Keys.Length > 1 || cluster.Surfaces.Count == 0)
            {
                cluster.Surfaces[c.Surface] = cluster.Surfaces.GetValueOrDefault(c.Surface) + 1;
            }
            for (var k = c.First; k <= c.Last; k++)
            {
                owner[k] = Free;
            }
            AddMention(cluster.Entity, c.First, c.Last, false);
            if (c.Role is not null)
            {
                roles.TryAdd(cluster.Entity, c.Role);
            }
        }
        // Free-standing surnames: "Asif wrote", "Yousafzai's warning".
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!IsSurnameCandidate(i))
            {
                continue;
            }
            var cluster = FindCluster(clusters, [tokens[i].Key], false, firstNameAllowed: tokens[i].Has(TokenFlags.JoinedToNext) && SpeechVerbAt(i + 1));
            if (cluster is not null)
            {
                AddMention(cluster.Entity, i, i, false);
            }
        }
        foreach (var cluster in clusters.Where(c => !c.Entity.Known && c.Surfaces.Count > 0))
        {
            // The most frequent full name, the longest on a tie: stable across articles that repeat the full name once.
            cluster.Entity.Name = cluster.Surfaces
                .OrderByDescending(s => s.Key.Contains(' '))
                .ThenByDescending(s => s.Value)
                .ThenByDescending(s => s.Key.Length)
                .First().Key;
        }
    }

    private bool IsSurnameCandidate(int i)
    {
        var t = tokens[i];
        if (owner[i] != Free || !t.IsCapitalised || t.Has(TokenFlags.AllCaps) || t.Has(TokenFlags.Skip) || lex.Stopwords.Contains(t.Text))
        {
            return false;
        }
        // Part of a longer unknown name ("Asif Ali Zardari") is someone else.
        if (i > 0 && tokens[i - 1].Has(TokenFlags.JoinedToNext) && tokens[i - 1].IsCapitalised && owner[i - 1] == Free && !lex.Stopwords.Contains(tokens[i - 1].Text) && !lex.RoleNouns.Contains(tokens[i - 1].Lower) && !lex.RoleModifiers.Contains(tokens[i - 1].Lower))
        {
            return false;
        }
        return !(t.Has(TokenFlags.JoinedToNext) && i + 1 < tokens.Length && tokens[i + 1].IsCapitalised && owner[i + 1] == Free
            && !lex.Stopwords.Contains(tokens[i + 1].Text) && !lex.RoleNouns.Contains(tokens[i + 1].Lower));
    }

    private PersonCluster? FindCluster(List<PersonCluster> clusters, string[] keys, bool honorificName, bool firstNameAllowed = false)
    {
        if (keys.Length == 0)
        {
            return null;
        }
        PersonCluster? fuzzy = null;
        foreach (var cluster in clusters)
        {
            foreach (var form in cluster.Forms)
            {
                if (form.Length == 0)
                {
                    continue;
                }
                if (keys.Length == 1 && !honorificName)
                {
                    if (form.Length > 1 && (form[^1] == keys[0] || (form.Length == 2 && IsHonorificKey(form[0]) && form[1] == keys[0])))
                    {
                        return cluster;
                    }
                    // A surname spelt two ways keeps its first letter: "Reuter" is not a spelling of "Yeutter".
                    if (form.Length > 1 && keys[0].Length >= 6 && form[^1][0] == keys[0][0] && NameKey.WithinOneEdit(form[^1], keys[0]))
                    {
                        fuzzy ??= cluster;
                    }
                    // "Lin said" after "Lin Jian": family name first, only as the subject of a speech verb.
                    if (firstNameAllowed && form.Length >= 2 && form[0] == keys[0] && !IsHonorificKey(form[0]))
                    {
                        fuzzy ??= cluster;
                    }
                    continue;
                }
                if (form.SequenceEqual(keys))
                {
                    return cluster;
                }
                if (form.Length >= 2 && keys.Length >= 2 && form[0] == keys[0] && form[^1] == keys[^1])
                {
                    return cluster;
                }
                if (form.Length >= 2 && keys.Length >= 2 && form[^1] == keys[^1] && (IsSubsequence(form, keys) || IsSubsequence(keys, form)))
                {
                    return cluster;
                }
            }
        }
        return fuzzy;
    }

    private bool IsHonorificKey(string key) => lex.HonorificKeys.Contains(key);

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

    private static bool IsSubsequence(string[] small, string[] large)
    {
        var j = 0;
        foreach (var k in large)
        {
            if (j < small.Length && small[j] == k)
            {
                j++;
            }
        }
        return j == small.Length;
    }

    private static string[] KeysOf(string name) => [.. PhraseTrie.Words(name).Select(NameKey.Of)];

    private string[] TokenKeys(int first, int last)
    {
        var keys = new List<string>(last - first + 1);
        for (var k = first; k <= last; k++)
        {
            if (!tokens[k].Has(TokenFlags.Connector))
            {
                keys.Add(tokens[k].Key);
            }
        }
        return [.. keys];
    }

    // ---- assembling the result ----

    private IReadOnlyList<ActorMention> Build()
    {
        var result = new List<ActorMention>();
        var countedMentions = new HashSet<Mention>(mentions.Where((_, index) => !uncounted.Contains(index)), ReferenceEqualityComparer.Instance);
        foreach (var group in mentions.Where((_, index) => !absorbed.Contains(index)).GroupBy(m => m.Entity))
        {
            var entity = group.Key;
            if (entity.Type == ActorType.Country && !group.Any(m => !m.Demonym || QualifiesState(m)))
            {
                continue;
            }
            var counted = group.Count(countedMentions.Contains);
            var aliases = new List<string>();
            foreach (var m in group.OrderBy(m => m.First))
            {
                var surface = Surface(m.First, m.Last);
                if (!aliases.Contains(surface, StringComparer.Ordinal))
                {
                    aliases.Add(surface);
                }
            }
            result.Add(new ActorMention(entity.Name, entity.Type, aliases, counted, group.Min(m => m.Start(tokens)), roles.GetValueOrDefault(entity)));
        }
        return [.. result.OrderByDescending(a => a.Mentions).ThenBy(a => a.FirstPosition)];
    }

    /// <summary>"Pakistani officials", "Turkish President": a demonym naming the state itself, not just people or places of it.</summary>
    private bool QualifiesState(Mention m)
    {
        var next = m.Last + 1;
        return next < tokens.Length && tokens[m.Last].Has(TokenFlags.JoinedToNext) && lex.StateNouns.Contains(tokens[next].Lower);
    }

    private void AddMention(Entity entity, int first, int last, bool demonym)
    {
        mentions.Add(new Mention(entity, first, last, demonym));
        Claim(first, last, mentions.Count - 1);
    }

    private void Claim(int first, int last, int value)
    {
        for (var k = first; k <= last; k++)
        {
            owner[k] = value;
        }
    }

    private Entity KnownOrLocal(string name, ActorType type, string? kind)
    {
        if (lex.KnownByName.TryGetValue(name, out var known) && known.Type == type)
        {
            return known;
        }
        if (!localByName.TryGetValue(name, out var entity))
        {
            entity = new Entity(name, type, kind);
            localByName[name] = entity;
        }
        return entity;
    }

    private void RegisterLocal(string phrase, Entity entity)
    {
        localByName.TryAdd(phrase, entity);
        local.Add(phrase, new EntityRef(entity, false, false));
    }

    private string Surface(int first, int last) => body[tokens[first].Start..tokens[last].End];
}

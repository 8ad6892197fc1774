using System.Collections.Frozen;
using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>The entity data prepared for lookup: one phrase trie and the word sets the rules test against.</summary>
internal sealed class Lexicon
{
    public PhraseTrie Gazetteer { get; } = new();
    /// <summary>Known entities by canonical name, and organisations also by their aliases.</summary>
    public Dictionary<string, Entity> KnownByName { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The one-word names of known organisations as written, case and accents aside (<see cref="Spelling"/>): the gazetteer's
    /// spelling-tolerant key would take a surname for a company ("Phillips" for Philips), so one word must be spelt right.
    /// </summary>
    public HashSet<string> OneWordOrganisationSpellings { get; } = new(StringComparer.Ordinal);

    /// <summary>A word as written, case, accents and punctuation aside: "Nestlé" and "Nestle", "Yahoo!" and "Yahoo" are one.</summary>
    public static string Spelling(string word) => new([.. NameKey.Fold(word).Where(char.IsLetterOrDigit)]);
    public HashSet<string> Honorifics { get; }
    public HashSet<string> HonorificKeys { get; }
    public HashSet<string> StrippedHonorifics { get; }
    public HashSet<string> RoleNouns { get; }
    /// <summary><see cref="RoleNouns"/> looked up by a slice of a word ("senator" in "senators") without a new string.</summary>
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RoleNounSpans { get; }
    public HashSet<string> RoleModifiers { get; }
    public HashSet<string> SpeechVerbs { get; }
    public HashSet<string> OrgHeadwords { get; }
    public HashSet<string> NonOrgHeadwords { get; }
    public HashSet<string> PlaceWordBodies { get; }
    public HashSet<string> PossessiveNameWords { get; }
    /// <summary>
    /// A company's legal form after its name ("Texaco Inc"): not part of the name the company goes by. Each is also an
    /// organisation word, which is what makes the named-body pass read the name at all.
    /// </summary>
    public HashSet<string> LegalForms { get; }
    public HashSet<string> NameLinkWords { get; }
    public HashSet<string> OfficeHeadwords { get; }
    /// <summary>"Corp" is "Corporation": a known body's name may end in the long form the text abbreviates.</summary>
    public Dictionary<string, string> LegalFormsSpelledOut { get; }
    public HashSet<string> Legislatures { get; }
    public HashSet<string> PartyMembers { get; }
    public HashSet<string> OrgNouns { get; }
    public HashSet<string> OrgModifiers { get; }
    public HashSet<string> ForeignOfficeCountries { get; }
    public HashSet<string> MediaHeadwords { get; }
    public HashSet<string> StateNouns { get; }
    public HashSet<string> Stopwords { get; }
    public HashSet<string> NameParticles { get; }
    public HashSet<string> PlaceQualifiers { get; }
    public HashSet<string> Platforms { get; }
    /// <summary>Common given names (Data/given-names.txt): a name that begins with one is a person's.</summary>
    public HashSet<string> GivenNames { get; }
    /// <summary>Chinese and Korean family names (Data/east-asian-family-names.txt): before a hyphenated given name, a person's.</summary>
    public HashSet<string> EastAsianFamilyNames { get; }
    /// <summary>The name keys of known people's surnames: a word that is one names a person, not a body.</summary>
    public HashSet<string> KnownSurnameKeys { get; }
    /// <summary>Words that end the name of a place, a work or a prize (Data/thing-headwords.txt): "Ross Sea", "Booker Prize".</summary>
    public HashSet<string> ThingHeadwords { get; }
    /// <summary>Nouns that head a body's name in lower case after the words naming it (Data/body-heads.txt): "the Texas legislature".</summary>
    public HashSet<string> LowerCaseBodyHeads { get; }
    /// <summary>Plurals of organisation classes that introduce a list of bodies (Data/body-classes.txt): "companies such as".</summary>
    public HashSet<string> BodyClasses { get; }
    /// <summary>Words that make a class plural one of people (Data/people-class-words.txt): "ethnic groups".</summary>
    public HashSet<string> PeopleClassWords { get; }
    /// <summary>Body classes that need a word of their kind before them ("rights groups"; not "groups such as Hispanics"): Data/qualified-classes.txt.</summary>
    public HashSet<string> QualifiedClasses { get; }
    /// <summary>Lower-case nouns of a medium after an outlet's name (Data/outlet-heads.txt): "Yonhap news agency".</summary>
    public HashSet<string> OutletHeads { get; }
    /// <summary>Words that qualify a medium without naming it (Data/medium-qualifiers.txt): "the Arabic newspaper".</summary>
    public HashSet<string> MediumQualifiers { get; }
    /// <summary>Titles whose holder's "of" names a place (Data/place-titles.txt): "Rep. John Smith of Texas".</summary>
    public HashSet<string> PlaceTitles { get; }
    /// <summary>A person's tie to a body (Data/affiliation-roles.txt): "founder", "member".</summary>
    public HashSet<string> TieWords { get; }
    /// <summary>AP abbreviations of U.S. states (Data/state-abbreviations.txt): "Greenwich, Conn." is a place.</summary>
    public HashSet<string> StateAbbreviations { get; }
    private FrozenDictionary<string, string[][]> CiteCuesByLastWord { get; }
    /// <summary>The stopwords as a sentence's inside writes them ("other", "in"), for <see cref="IsFunctionWord"/>.</summary>
    private readonly HashSet<string> _stopwordsInLowerCase;

    /// <summary>A stopword as written at a sentence's start or inside it ("In", "in", "Other", "other").</summary>
    public bool IsFunctionWord(string word) =>
        word.Length > 0 && (char.IsUpper(word[0]) ? Stopwords.Contains(word) : _stopwordsInLowerCase.Contains(word));

    /// <summary>Longer than any two-word noun of the lists: such a pair is not looked up (and the stack buffer stays small).</summary>
    private const int MaxPairLength = 64;

    /// <summary>The first words of the two-word class and medium nouns: only after one is a pair of words worth composing.</summary>
    private readonly HashSet<string> _pairStarts;

    public Lexicon(EntityData data)
    {
        var cueOnly = new HashSet<string>(data.CueOnlyNames, StringComparer.OrdinalIgnoreCase);
        foreach (var c in data.Countries)
        {
            var entity = Register(new Entity(c.Name, ActorType.Country, "country") { Known = true });
            Gazetteer.Add(c.Name, new EntityRef(entity, false, false));
            foreach (var alias in c.Aliases ?? [])
            {
                Gazetteer.Add(alias, new EntityRef(entity, false, false));
            }
            foreach (var demonym in c.Demonyms ?? [])
            {
                Gazetteer.Add(demonym, new EntityRef(entity, true, false));
            }
        }
        var organisationAliases = new List<(string Alias, Entity Entity)>();
        foreach (var o in data.Organisations)
        {
            OneWordOrganisationSpellings.UnionWith((o.Aliases ?? []).Prepend(o.Name).Where(n => !n.Contains(' ')).Select(Spelling));
            var entity = Register(new Entity(o.Name, ActorType.Organisation, o.Kind) { Known = true });
            Gazetteer.Add(o.Name, new EntityRef(entity, false, cueOnly.Contains(o.Name)));
            foreach (var alias in o.Aliases ?? [])
            {
                Gazetteer.Add(alias, new EntityRef(entity, false, cueOnly.Contains(alias)));
                organisationAliases.Add((alias, entity));
            }
            // "Organization of Petroleum Exporting Countries": news text often drops the article inside a body's name.
            foreach (var name in (o.Aliases ?? []).Prepend(o.Name).Where(n => n.Contains(" of the ", StringComparison.Ordinal)))
            {
                Gazetteer.Add(name.Replace(" of the ", " of ", StringComparison.Ordinal), new EntityRef(entity, false, cueOnly.Contains(name)));
            }
        }
        foreach (var p in data.People)
        {
            var entity = Register(new Entity(p.Name, ActorType.Person) { Known = true });
            Gazetteer.Add(p.Name, new EntityRef(entity, false, false));
            foreach (var alias in p.Aliases ?? [])
            {
                Gazetteer.Add(alias, new EntityRef(entity, false, false));
            }
        }
        // "Manufacturers Hanover Trust Co": a name a rule finds is the known body when it is one of its aliases (canonical names first).
        foreach (var (alias, entity) in organisationAliases)
        {
            KnownByName.TryAdd(alias, entity);
        }
        foreach (var place in data.Places.Concat(data.NonEntities).Concat(WordList("regions.txt")))
        {
            Gazetteer.Add(place, new EntityRef(null, false, false));
        }

        Honorifics = new HashSet<string>(data.Honorifics, StringComparer.Ordinal);
        StrippedHonorifics = new HashSet<string>(data.StrippedHonorifics, StringComparer.Ordinal);
        HonorificKeys = new HashSet<string>(data.Honorifics.Select(NameKey.Of), StringComparer.Ordinal);
        RoleNouns = Lower(data.RoleNouns);
        RoleNounSpans = RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>();
        RoleModifiers = Lower(data.RoleModifiers);
        SpeechVerbs = Lower(data.SpeechVerbs.Where(v => !v.Contains(' ')));
        // A legal form is an organisation word too: it is what makes the named-body pass read the company's name at all.
        OrgHeadwords = new HashSet<string>(data.OrgHeadwords.Concat(data.LegalForms), StringComparer.Ordinal);
        NonOrgHeadwords = new HashSet<string>(data.NonOrgHeadwords, StringComparer.Ordinal);
        PlaceWordBodies = new HashSet<string>(data.PlaceWordBodies, StringComparer.Ordinal);
        PossessiveNameWords = new HashSet<string>(data.PossessiveNameWords, StringComparer.Ordinal);
        LegalForms = new HashSet<string>(data.LegalForms, StringComparer.Ordinal);
        NameLinkWords = new HashSet<string>(data.NameLinkWords, StringComparer.Ordinal);
        OfficeHeadwords = new HashSet<string>(data.OfficeHeadwords, StringComparer.Ordinal);
        LegalFormsSpelledOut = new Dictionary<string, string>(data.LegalFormsSpelledOut, StringComparer.Ordinal);
        Legislatures = new HashSet<string>(data.Legislatures, StringComparer.Ordinal);
        PartyMembers = new HashSet<string>(data.PartyMembers, StringComparer.Ordinal);
        OrgNouns = Lower(data.OrgNouns);
        OrgModifiers = new HashSet<string>(data.OrgModifiers, StringComparer.Ordinal);
        ForeignOfficeCountries = new HashSet<string>(data.ForeignOfficeCountries, StringComparer.Ordinal);
        MediaHeadwords = new HashSet<string>(data.MediaHeadwords, StringComparer.Ordinal);
        StateNouns = Lower(data.StateNouns);
        Stopwords = new HashSet<string>(data.Stopwords, StringComparer.Ordinal);
        _stopwordsInLowerCase = [.. data.Stopwords.Select(w => string.Concat(w[..1].ToLowerInvariant(), w[1..]))];
        NameParticles = new HashSet<string>(data.NameParticles, StringComparer.Ordinal);
        PlaceQualifiers = new HashSet<string>(data.PlaceQualifiers, StringComparer.Ordinal);
        Platforms = new HashSet<string>(data.Platforms, StringComparer.OrdinalIgnoreCase);
        GivenNames = WordList("given-names.txt");
        EastAsianFamilyNames = WordList("east-asian-family-names.txt");
        KnownSurnameKeys = [.. data.People.Where(p => p.Name.Contains(' ')).Select(p => NameKey.Of(p.Name[(p.Name.LastIndexOf(' ') + 1)..]))];
        ThingHeadwords = WordList("thing-headwords.txt");
        LowerCaseBodyHeads = WordList("body-heads.txt");
        BodyClasses = WordList("body-classes.txt");
        PeopleClassWords = WordList("people-class-words.txt");
        QualifiedClasses = WordList("qualified-classes.txt");
        OutletHeads = WordList("outlet-heads.txt");
        MediumQualifiers = WordList("medium-qualifiers.txt");
        _pairStarts = [.. BodyClasses.Concat(OutletHeads).Select(w => w.Split(' ', '-')).Where(w => w.Length == 2).Select(w => w[0])];
        PlaceTitles = WordList("place-titles.txt");
        TieWords = WordList("affiliation-roles.txt");
        StateAbbreviations = WordList("state-abbreviations.txt");
        CiteCuesByLastWord = data.CiteCues.Select(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries)).GroupBy(c => c[^1].ToLowerInvariant())
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether <paramref name="words"/> holds the two words "<paramref name="first"/><paramref name="joint"/><paramref name="second"/>"
    /// ("search engines", "news agency"), asked of every pair of words: composed on the stack, not as a new string. Only for
    /// <see cref="BodyClasses"/> and <see cref="OutletHeads"/>: a pair is composed only after a word that starts one of theirs.
    /// </summary>
    public bool ContainsPair(HashSet<string> words, string first, char joint, string second)
    {
        var length = first.Length + 1 + second.Length;
        if (length > MaxPairLength || !_pairStarts.Contains(first))
        {
            return false;
        }
        Span<char> pair = stackalloc char[length];
        first.CopyTo(pair);
        pair[first.Length] = joint;
        second.CopyTo(pair[(first.Length + 1)..]);
        return words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(pair);
    }

    /// <summary>An organisation word, or its plural: "Federal Reserve Banks" are the reserve banks, not the Federal Reserve.</summary>
    public bool IsOrgHeadword(string word) =>
        OrgHeadwords.Contains(word) || (word.Length > 3 && word[^1] == 's' && OrgHeadwords.Contains(word[..^1]));

    private Entity Register(Entity entity)
    {
        KnownByName.TryAdd(entity.Name, entity);
        return entity;
    }

    private static HashSet<string> WordList(string fileName) =>
        new(DataFile.Lines(fileName).Where(l => l.Length > 0 && l[0] != '#'), StringComparer.Ordinal);

    private static HashSet<string> Lower(IEnumerable<string> words) =>
        new(words.Select(w => w.ToLowerInvariant()), StringComparer.Ordinal);

    /// <summary>True when a cite cue ("according to", "told") ends just before token <paramref name="index"/>.</summary>
    public bool CiteCueBefore(Token[] tokens, int index)
    {
        // Asked at most capitalised words: only the cues ending in the word just before are worth comparing.
        if (index == 0 || !CiteCuesByLastWord.TryGetValue(tokens[index - 1].Lower, out var cues))
        {
            return false;
        }
        foreach (var cue in cues)
        {
            var start = index - cue.Length;
            if (start < 0)
            {
                continue;
            }
            var fits = true;
            for (var k = 0; k < cue.Length && fits; k++)
            {
                var t = tokens[start + k];
                fits = string.Equals(t.Text, cue[k], StringComparison.OrdinalIgnoreCase) && t.Has(TokenFlags.JoinedToNext);
            }
            if (fits)
            {
                return true;
            }
        }
        return false;
    }
}

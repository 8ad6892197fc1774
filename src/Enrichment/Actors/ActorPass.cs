using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// One pass of an actor extraction. Every pass reads the same tokens and claims the ones that name an actor, so a word
/// belongs to at most one actor; what earlier passes claimed, later ones leave alone. The shared state is
/// <see cref="ActorClaims"/>; <see cref="ActorRun"/> gives the order.
/// </summary>
internal abstract class ActorPass
{
    protected const int Free = ActorClaims.Free;
    protected const int Place = ActorClaims.Place;
    /// <summary>The owner of a word a person candidate holds (see <see cref="AddCandidate"/>).</summary>
    protected const int Candidate = Place - 1;

    protected readonly Lexicon lex;
    protected readonly string body;
    protected readonly Token[] tokens;
    /// <summary>Per token: <see cref="Free"/>, <see cref="Place"/>, or the index of the mention that claimed it.</summary>
    protected readonly int[] owner;
    protected readonly List<Mention> mentions;
    protected readonly Dictionary<Entity, string> roles;
    protected readonly PhraseTrie local;
    protected readonly Dictionary<string, Entity> localByName;
    protected readonly List<PersonCandidate> candidates;
    protected readonly HashSet<int> absorbed;
    protected readonly HashSet<int> uncounted;

    protected ActorPass(Lexicon lexicon, ActorClaims state)
    {
        lex = lexicon;
        body = state.Body;
        tokens = state.Tokens;
        owner = state.Owner;
        mentions = state.Mentions;
        roles = state.Roles;
        local = state.Local;
        localByName = state.LocalByName;
        candidates = state.Candidates;
        absorbed = state.Absorbed;
        uncounted = state.Uncounted;
    }

    /// <summary>A word a country's mention holds ("Malaysia", "Iraqi").</summary>
    protected bool IsCountry(int k) => owner[k] >= 0 && mentions[owner[k]].Entity.Type == ActorType.Country;

    /// <summary>A word of a place or a country: what says where, not who.</summary>
    protected bool IsPlaceOrCountry(int k) => owner[k] == Place || IsCountry(k);

    protected bool SpeechVerbAt(int k) => k >= 0 && k < tokens.Length && !tokens[k].IsCapitalised && lex.SpeechVerbs.Contains(tokens[k].Text);

    protected void AddMention(Entity entity, int first, int last, bool demonym)
    {
        mentions.Add(new Mention(entity, first, last, demonym));
        Claim(first, last, mentions.Count - 1);
    }

    protected void Claim(int first, int last, int value)
    {
        for (var k = first; k <= last; k++)
        {
            owner[k] = value;
        }
    }

    protected Entity KnownOrLocal(string name, ActorType type, string? kind)
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

    protected void RegisterLocal(string phrase, Entity entity)
    {
        localByName.TryAdd(phrase, entity);
        local.Add(phrase, new EntityRef(entity, false, false));
    }

    protected string Surface(int first, int last) => body[tokens[first].Start..tokens[last].End];

    /// <summary>
    /// A word that can be part of a personal name: free, capitalised (not all capitals), no digits, not a stopword, role,
    /// honorific or organisation word. Headings are out unless <paramref name="inHeading"/> (a role names the person there).
    /// </summary>
    protected bool IsNameWord(int k, bool inHeading = false)
    {
        var t = tokens[k];
        if (owner[k] != Free || !t.IsCapitalised || t.Has(TokenFlags.AllCaps) || t.Has(TokenFlags.Skip) || (t.Has(TokenFlags.Heading) && !inHeading))
        {
            return false;
        }
        // "Charles I. Plosser", "Elizabeth A. Duke": an initial is a name word even where the letter alone is a stopword.
        var initial = t.Text.Length == 1 && t.End < body.Length && body[t.End] == '.' && t.Has(TokenFlags.JoinedToNext);
        // "Senators Bob Menendez and Dick Durbin": a role's plural titles the names after it.
        var pluralRole = t.Lower.Length > 3 && t.Lower[^1] == 's' && lex.RoleNounSpans.Contains(t.Lower.AsSpan(0, t.Lower.Length - 1));
        if ((lex.Stopwords.Contains(t.Text) && !initial) || lex.Honorifics.Contains(t.Text) || lex.RoleNouns.Contains(t.Lower) || lex.RoleModifiers.Contains(t.Lower) || pluralRole
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
    protected int NameRun(int start, bool allowHonorific, bool inHeading = false)
    {
        var k = start;
        while (allowHonorific && k < tokens.Length && k - start < 3 && lex.Honorifics.Contains(tokens[k].Text) && owner[k] == Free && tokens[k].Has(TokenFlags.JoinedToNext))
        {
            k++;
        }
        if (k >= tokens.Length || !IsNameWord(k, inHeading))
        {
            return -1;
        }
        var last = k;
        while (last + 1 < tokens.Length && last - start < 4 && tokens[last].Has(TokenFlags.JoinedToNext) && !tokens[last].Has(TokenFlags.Possessive))
        {
            var next = last + 1;
            if (IsNameWord(next, inHeading))
            {
                last = next;
            }
            else if (lex.NameParticles.Contains(tokens[next].Text) && owner[next] == Free && next + 1 < tokens.Length && tokens[next].Has(TokenFlags.JoinedToNext) && IsNameWord(next + 1, inHeading))
            {
                last = next + 1;
            }
            else if (tokens[last].Has(TokenFlags.HyphenToNext) && owner[next] == Free && char.IsLower(tokens[next].Text[0]) && tokens[next].Text.Length <= 5)
            {
                // "Kim Sung-han", "Kim Jong-un", "Chiang Kai-shek": the second syllable of a hyphenated given name.
                last = next;
            }
            else
            {
                break;
            }
        }
        return last;
    }

    /// <summary>"R." in "Joseph R. Biden": one capital letter and a full stop.</summary>
    protected bool IsInitial(int k) =>
        tokens[k].Text.Length == 1 && char.IsUpper(tokens[k].Text[0]) && tokens[k].End < body.Length && body[tokens[k].End] == '.';

    /// <summary>
    /// "Secretary of Transportation Pete Buttigieg", "Secretary of Housing and Urban Development Marcia Fudge", "War Cabinet
    /// Member Benny Gantz": a name run that took in the end of a title before a known given name begins at the given name.
    /// Only after a title's "of"/"for"/"to"/"and", a capitalised stopword or a body: elsewhere, and after a role ("Security
    /// analyst Farid Ahmad Rahimi"), the words before a given name are names too ("Hernan Dario Gomez", "J. Alfred Broaddus").
    /// </summary>
    private int GivenNameStart(int first, int last)
    {
        if (first == 0 || lex.GivenNames.Contains(tokens[first].Text) || !tokens[first - 1].Has(TokenFlags.JoinedToNext))
        {
            return first;
        }
        var before = tokens[first - 1];
        var titleEnds = before.Lower is "of" or "for" or "to" or "and" || (before.IsCapitalised && lex.Stopwords.Contains(before.Text))
            || (owner[first - 1] >= 0 && mentions[owner[first - 1]].Entity.Type == ActorType.Organisation);
        for (var k = first; titleEnds && k < last; k++)
        {
            if (IsInitial(k))
            {
                return first;
            }
            if (lex.GivenNames.Contains(tokens[k].Text))
            {
                return k;
            }
        }
        return first;
    }

    /// <summary>A person candidate over first..last (honorifics dropped where a name remains), unless a word of it is claimed.</summary>
    protected void AddCandidate(int first, int last, string? role)
    {
        // "Joseph R." before a name another pass found ("Joseph R. Biden"): a name never ends on an initial.
        if (IsInitial(last))
        {
            return;
        }
        for (var k = first; k <= last; k++)
        {
            if (owner[k] != Free)
            {
                return;
            }
        }
        first = GivenNameStart(first, last);
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
            owner[k] = Candidate;
        }
    }
}

using NewsSearch.Articles;
using NewsSearch.Enrichment.Places;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// What the passes that read an organisation from the words around an unknown name share (<see cref="AffiliationPass"/>,
/// <see cref="ClassNounPass"/>): which capitalised words can name a body no list knows, and which such names are more
/// likely a place, a person or an ordinary word. They run after the people passes, so a name that is someone's is
/// already claimed.
/// </summary>
internal abstract class ContextBodyPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    protected const int MaxBodyWords = 4;

    /// <summary>Words written in lower case somewhere in the text: a sentence's first word among them is an ordinary word.</summary>
    private HashSet<string>? _lowerWords;

    protected bool IsPerson(int k) => k >= 0 && k < tokens.Length && owner[k] >= 0 && mentions[owner[k]].Entity.Type == ActorType.Person;

    /// <summary>
    /// A free capitalised word that can be part of a body's name ("Civic", "LSD", "Secunia.com"), or at
    /// <paramref name="inside"/> a one-word country mention ("Hitwise UK"): not a stopword, role (or a role's plural: "the
    /// Quad Leaders' Vision Statement"), honorific, heading or credit.
    /// </summary>
    protected bool BodyWord(int k, bool inside = false)
    {
        var t = tokens[k];
        if (!t.IsCapitalised || t.Has(TokenFlags.Heading) || t.Has(TokenFlags.Skip) || lex.Stopwords.Contains(t.Text) || lex.Honorifics.Contains(t.Text)
            || lex.RoleNouns.Contains(t.Lower) || lex.RoleModifiers.Contains(t.Lower) || t.Text.Length < 2
            || (t.Lower.Length > 3 && t.Lower[^1] == 's' && lex.RoleNounSpans.Contains(t.Lower.AsSpan(0, t.Lower.Length - 1))))
        {
            return false;
        }
        return owner[k] == Free || (inside && owner[k] >= 0 && mentions[owner[k]] is { Entity.Type: ActorType.Country, Demonym: false } m && m.First == k && m.Last == k);
    }

    /// <summary>The last word of a body's name from <paramref name="first"/> (at most four words, ending at a possessive), or -1.</summary>
    protected int BodyRunForward(int first)
    {
        if (first >= tokens.Length || !BodyWord(first))
        {
            return -1;
        }
        var last = first;
        while (last + 1 < tokens.Length && last - first < MaxBodyWords - 1 && tokens[last].Has(TokenFlags.JoinedToNext)
            && !tokens[last].Has(TokenFlags.Possessive))
        {
            if (BodyWord(last + 1, inside: true))
            {
                last++;
            }
            else if (RoleModifierInside(last + 1) && last + 1 - first < MaxBodyWords - 1)
            {
                last += 2;
            }
            else
            {
                break;
            }
        }
        return last;
    }

    /// <summary>
    /// "Nature Climate Change": a role's modifier ("climate", "trade") between two words of a name is the name's, where a
    /// name word and no role follows it ("the group's Climate Envoy John Kerry" has a role after it).
    /// </summary>
    private bool RoleModifierInside(int k) =>
        k + 1 < tokens.Length && owner[k] == Free && tokens[k].IsCapitalised && tokens[k].Has(TokenFlags.JoinedToNext) && !tokens[k].Has(TokenFlags.Possessive)
        && lex.RoleModifiers.Contains(tokens[k].Lower) && !lex.Stopwords.Contains(tokens[k].Text) && BodyWord(k + 1, inside: true);

    /// <summary>The first word of a body's name that ends at <paramref name="last"/> (at most four words), or -1.</summary>
    protected int BodyRunBack(int last)
    {
        if (last < 0 || !BodyWord(last, inside: true))
        {
            return -1;
        }
        var first = last;
        while (first > 0 && last - first < MaxBodyWords - 1 && tokens[first - 1].Has(TokenFlags.JoinedToNext) && !tokens[first - 1].Has(TokenFlags.Possessive)
            && BodyWord(first - 1, inside: true))
        {
            first--;
        }
        return first < last || owner[first] == Free ? first : -1;
    }

    /// <summary>
    /// Whether first..last reads as a body's name rather than a place, a person or a word that opens a sentence: not a
    /// city, not begun by a given name ("John Smith"), not a sentence's first word the text also writes in lower case,
    /// not ended by a word that ends a place's or work's name ("Ross Sea"), not begun by a country, not a lone organisation
    /// word ("the Committee") or a person's last name, and not part of a longer name.
    /// </summary>
    protected bool PlausibleBody(int first, int last)
    {
        var head = tokens[first];
        if (owner[first] != Free || (!head.Has(TokenFlags.AllCaps) && lex.GivenNames.Contains(head.Text))
            || lex.ThingHeadwords.Contains(tokens[last].Text) || lex.NonOrgHeadwords.Contains(tokens[last].Text)
            || CityGazetteer.Default.CountryOf(Surface(first, last)) is not null)
        {
            return false;
        }
        // "Studio 54", "Wong Pik-wan", "Internet Explorer 6 Countdown": the words are only part of a longer name.
        if (PartOfLongerName(first, last) || (first == last && (lex.IsOrgHeadword(head.Text) || IsSurname(first))))
        {
            return false;
        }
        return !(head.Has(TokenFlags.SentenceInitial) && first == last && WrittenInLowerCase(head.Lower));
    }

    /// <summary>Whether the text writes <paramref name="lower"/> in lower case somewhere (a word, not a name).</summary>
    protected bool WrittenInLowerCase(string lower)
    {
        _lowerWords ??= [.. tokens.Where(t => !t.IsCapitalised).Select(t => t.Lower)];
        return _lowerWords.Contains(lower);
    }

    /// <summary>A capitalised word or a number joined to the name on either side, or a hyphen after it.</summary>
    private bool PartOfLongerName(int first, int last)
    {
        if (first > 0 && tokens[first - 1].Has(TokenFlags.JoinedToNext) && !tokens[first - 1].Has(TokenFlags.Possessive)
            && ((tokens[first - 1].IsCapitalised && !lex.Stopwords.Contains(tokens[first - 1].Text)) || char.IsDigit(tokens[first - 1].Text[0])))
        {
            return true;
        }
        if (tokens[last].Has(TokenFlags.HyphenToNext))
        {
            return true;
        }
        return last + 1 < tokens.Length && tokens[last].Has(TokenFlags.JoinedToNext) && !tokens[last].Has(TokenFlags.Possessive)
            && (tokens[last + 1].IsCapitalised || char.IsDigit(tokens[last + 1].Text[0]));
    }

    /// <summary>
    /// One word that is the last name of a person in the text or of a known person ("Obama's adviser"): a person's,
    /// whether or not the people passes linked it.
    /// </summary>
    private bool IsSurname(int k)
    {
        var key = tokens[k].Key;
        foreach (var m in mentions)
        {
            if (m.Entity.Type == ActorType.Person && tokens[m.Last].Key == key)
            {
                return true;
            }
        }
        return lex.KnownSurnameKeys.Contains(key);
    }

    /// <summary>Claims first..last as an organisation (a country word inside it is part of the name, not a mention).</summary>
    protected void AddBody(int first, int last)
    {
        var name = Surface(first, last);
        var entity = localByName.GetValueOrDefault(name) ?? KnownOrLocal(name, ActorType.Organisation, null);
        if (entity.Type != ActorType.Organisation)
        {
            return;
        }
        RegisterLocal(name, entity);
        for (var k = first; k <= last; k++)
        {
            if (owner[k] >= 0)
            {
                absorbed.Add(owner[k]);
            }
        }
        AddMention(entity, first, last, false);
    }
}

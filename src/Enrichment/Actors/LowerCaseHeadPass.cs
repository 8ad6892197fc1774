using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Pass 5d: a body named by capitalised words and a lower-case head: "the Texas legislature", "the Malaysia Tourism board",
/// "members of the Appropriations committee", "the LA Sheriff's office". News text often leaves the head of a body's name in
/// lower case; the capitalised words before it and "the" before them make it a name, not a description. The heads are
/// data (Data/body-heads.txt): nouns that are bodies in themselves ("the Texas border", "the Senate floor" are not).
/// </summary>
internal sealed class LowerCaseHeadPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    private const int MaxWords = 3;

    public void Run()
    {
        for (var head = 1; head < tokens.Length; head++)
        {
            var t = tokens[head];
            if (t.IsCapitalised || owner[head] != Free || t.Has(TokenFlags.Heading) || t.Has(TokenFlags.Skip) || !lex.LowerCaseBodyHeads.Contains(t.Text)
                || ComplementAfter(head))
            {
                continue;
            }
            var first = FirstModifier(head);
            if (first < 0)
            {
                continue;
            }
            var name = NameOf(first, head);
            var known = Known(name) ?? KnownWithoutCountry(first, head);
            if (known is null && !Names(first, head))
            {
                continue;
            }
            var surface = Surface(first, head);
            var entity = known ?? localByName.GetValueOrDefault(name) ?? KnownOrLocal(name, ActorType.Organisation, null);
            RegisterLocal(name, entity);
            RegisterLocal(surface, entity);
            // A country in the name stays a mention of it: "the Malaysia Tourism board" speaks for Malaysia.
            AddMention(entity, first, head, false);
        }
    }

    /// <summary>"the Texas board of education", "the Senate committee Chairman": the head goes on into a longer phrase.</summary>
    private bool ComplementAfter(int head) =>
        head + 1 < tokens.Length && tokens[head].Has(TokenFlags.JoinedToNext) && !tokens[head].Has(TokenFlags.Possessive)
        && (tokens[head + 1].IsCapitalised || tokens[head + 1].Lower == "of");

    /// <summary>The first of one to three capitalised words right before the head, after "the"; or -1.</summary>
    private int FirstModifier(int head)
    {
        var first = head;
        while (first - 1 >= 0 && head - first < MaxWords && tokens[first - 1].Has(TokenFlags.JoinedToNext) && Modifier(first - 1, head))
        {
            first--;
        }
        return first < head && first > 0 && tokens[first - 1].Lower == "the" && tokens[first - 1].Has(TokenFlags.JoinedToNext) ? first : -1;
    }

    /// <summary>A capitalised word of the name: free, a place, or a country (or its demonym); a possessive only right before the head.</summary>
    private bool Modifier(int k, int head)
    {
        var t = tokens[k];
        if (!t.IsCapitalised || t.Has(TokenFlags.Heading) || t.Has(TokenFlags.Skip) || lex.Stopwords.Contains(t.Text)
            || (lex.Honorifics.Contains(t.Text) && !t.Has(TokenFlags.Possessive)) || (t.Has(TokenFlags.Possessive) && k != head - 1))
        {
            return false;
        }
        return owner[k] is Free or Place || IsCountry(k);
    }

    /// <summary>
    /// Whether the words name a body: a place or country with a name word ("the Malaysia Tourism board"), or a place's
    /// legislature ("the Texas legislature"), or a word that is neither a role's nor a portfolio's ("the Appropriations
    /// committee"). A possessive names an office only after a place or name ("the LA Sheriff's office", not "the Governor's office").
    /// </summary>
    private bool Names(int first, int head)
    {
        var places = 0;
        var names = 0;
        for (var k = first; k < head; k++)
        {
            var t = tokens[k];
            if (owner[k] == Place || IsCountry(k))
            {
                places++;
            }
            else if (t.Has(TokenFlags.Possessive) || lex.RoleNouns.Contains(t.Lower) || lex.Honorifics.Contains(t.Text))
            {
                if (!t.Has(TokenFlags.Possessive) || places + names == 0)
                {
                    return false;
                }
                names++;
            }
            else if (!lex.RoleModifiers.Contains(t.Lower) || places > 0)
            {
                names++;
            }
        }
        // "the Allegheny board", "the Tass office": one word before "board" or "office" is most often a company's, whose
        // board or office is not a body of its own; a place in the name, or a longer name, makes one.
        if (tokens[head].Text is "board" or "office" && places == 0 && names < 2)
        {
            return false;
        }
        return names > 0 || (places > 0 && tokens[head].Text == "legislature");
    }

    /// <summary>"the U.S. Defense department": a known body's name after the country it belongs to is that body.</summary>
    private Entity? KnownWithoutCountry(int first, int head)
    {
        var k = first;
        while (k < head && IsCountry(k))
        {
            k++;
        }
        return k == first || k == head ? null : Known(NameOf(k, head));
    }

    /// <summary>The words as written with the head capitalised: "Texas Legislature", "LA Sheriff's Office".</summary>
    private string NameOf(int first, int head) =>
        body[tokens[first].Start..tokens[head].Start] + char.ToUpperInvariant(tokens[head].Text[0]) + tokens[head].Text[1..];

    /// <summary>The known organisation a whole name spells ("Justice Department"), or null.</summary>
    private Entity? Known(string name)
    {
        var words = Tokenizer.Tokenize(name);
        var (end, value) = lex.Gazetteer.Match(words, 0);
        return end == words.Length - 1 && value?.Entity is { Type: ActorType.Organisation } known ? known : null;
    }
}

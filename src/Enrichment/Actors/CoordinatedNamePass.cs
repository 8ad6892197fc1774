using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Pass 6d: names coordinated with a person's are people's ("Romelu Lukaku, Yannick Carrasco, and Dries Mertens",
/// "photographers Nat Finkelstein, Christopher Makos and Felice Quinto"): in a run of items joined by commas and
/// "and"/"or", where one item is a person and every other item a free name of two or three words, each of them is a
/// person too. An item that is anything else (a body, a place, a single word) makes the run no list of people.
/// </summary>
internal sealed class CoordinatedNamePass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    private readonly List<(int First, int Last, bool Person)> _items = [];

    public void Run()
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!IsPerson(i) || (i > 0 && IsPerson(i - 1)))
            {
                continue;
            }
            var last = PersonEnd(i);
            _items.Clear();
            _items.Add((i, last, true));
            // Back to the run's first item, then forward from the person to its last.
            for (var k = i; Previous(k) is { } item; k = item.First)
            {
                _items.Insert(0, item);
            }
            for (var k = last; Next(k) is { } item; k = item.Last)
            {
                _items.Add(item);
            }
            foreach (var (first, end, person) in _items)
            {
                if (!person)
                {
                    AddCandidate(first, end, null);
                }
            }
            i = _items[^1].Last;
        }
    }

    private bool IsPerson(int k) =>
        owner[k] == Candidate || (owner[k] >= 0 && mentions[owner[k]].Entity.Type == ActorType.Person);

    private int PersonEnd(int first)
    {
        var last = first;
        while (last + 1 < tokens.Length && tokens[last].Has(TokenFlags.JoinedToNext) && IsPerson(last + 1) && owner[last + 1] == owner[first])
        {
            last++;
        }
        return last;
    }

    /// <summary>The item after the one ending at <paramref name="last"/>: ", X Y", " and X Y", ", and X Y".</summary>
    private (int First, int Last, bool Person)? Next(int last)
    {
        var k = last + 1;
        var comma = tokens[last].Has(TokenFlags.CommaAfter);
        if (k < tokens.Length && tokens[k].Lower is "and" or "or" && (comma || tokens[last].Has(TokenFlags.JoinedToNext)))
        {
            comma = tokens[k].Has(TokenFlags.JoinedToNext);
            k++;
        }
        if (!comma && k == last + 1 || k >= tokens.Length || tokens[k].Sentence != tokens[last].Sentence)
        {
            return null;
        }
        return Item(k);
    }

    /// <summary>The item before the one starting at <paramref name="first"/>.</summary>
    private (int First, int Last, bool Person)? Previous(int first)
    {
        var k = first - 1;
        if (k >= 0 && tokens[k].Lower is "and" or "or")
        {
            k--;
        }
        if (k < 0 || !tokens[k].Has(TokenFlags.CommaAfter) && k == first - 1 || tokens[k].Sentence != tokens[first].Sentence)
        {
            return null;
        }
        var start = k;
        while (start > 0 && tokens[start - 1].Has(TokenFlags.JoinedToNext) && (IsPerson(start - 1) == IsPerson(k)) && tokens[start - 1].IsCapitalised && k - start < 2)
        {
            start--;
        }
        // "Raymond Chan of People Power, and Leung Kwok-hung of LSD": a name after a person's "of" is the body that person
        // belongs to (AffiliationPass), not an item of the list.
        if (start > 1 && tokens[start - 1].Lower == "of" && tokens[start - 2].Has(TokenFlags.JoinedToNext) && IsPerson(start - 2))
        {
            return null;
        }
        return Item(start) is { } item && item.Last == k ? item : null;
    }

    /// <summary>A person, or a free name of two or three words, starting at <paramref name="k"/>.</summary>
    private (int First, int Last, bool Person)? Item(int k)
    {
        if (IsPerson(k))
        {
            return (k, PersonEnd(k), true);
        }
        var end = NameRun(k, allowHonorific: false);
        return end - k is >= 1 and <= 2 && !tokens[end].Has(TokenFlags.Possessive) && !IsInitial(end) ? (k, end, false) : null;
    }
}

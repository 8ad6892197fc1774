namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Pass 6b: people named in a semicolon list, as votes, delegations and participant lists give them: "Voting for the
/// action were Ben S. Bernanke, Chairman; Timothy F. Geithner, Vice Chairman; Donald L. Kohn; … and Kevin M. Warsh."
/// The semicolons are the cue: when nearly every item of such a list is a name of two or more words (with at most a
/// role or "Jr." after a comma), every such item is a person, even with no role or speech verb of its own.
/// </summary>
internal sealed class PersonListPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal) { "Jr", "Sr", "II", "III", "IV" };

    /// <summary>A list has at least this many items (two semicolons): one semicolon joins clauses as often as names.</summary>
    private const int MinItems = 3;

    private readonly List<(int First, int Last)> _segments = [];
    private readonly List<(int First, int Last, string? Role)> _names = [];

    public void Run()
    {
        if (!body.Contains(';'))
        {
            return;
        }
        var start = 0;
        for (var k = 0; k < tokens.Length; k++)
        {
            var sentenceEnds = k + 1 >= tokens.Length || tokens[k + 1].Sentence != tokens[k].Sentence;
            if (sentenceEnds || SemicolonAfter(k))
            {
                _segments.Add((start, k));
                start = k + 1;
            }
            if (sentenceEnds)
            {
                ReadList();
                _segments.Clear();
            }
        }
    }

    private bool SemicolonAfter(int k) =>
        k + 1 < tokens.Length && body.AsSpan(tokens[k].End, tokens[k + 1].Start - tokens[k].End).Contains(';');

    private void ReadList()
    {
        if (_segments.Count < MinItems)
        {
            return;
        }
        _names.Clear();
        var items = 0;
        for (var s = 0; s < _segments.Count; s++)
        {
            var (first, last) = _segments[s];
            // The first item follows the list's lead-in ("… were:"), so its name may start anywhere; later items start the segment.
            var before = _names.Count;
            if (s == 0 ? LastItemIn(first, last) : ItemAt(SkipConjunction(first, last), last))
            {
                items++;
            }
            else
            {
                _names.RemoveRange(before, _names.Count - before);
            }
        }
        if (items < _segments.Count - 1)
        {
            return;
        }
        foreach (var (first, last, role) in _names)
        {
            if (owner[first] == Free)
            {
                AddCandidate(first, last, role);
            }
        }
    }

    private int SkipConjunction(int first, int last) =>
        first < last && tokens[first].Lower is "and" or "or" ? first + 1 : first;

    private bool LastItemIn(int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            var before = _names.Count;
            if (ItemAt(k, last))
            {
                return true;
            }
            _names.RemoveRange(before, _names.Count - before);
        }
        return false;
    }

    /// <summary>
    /// Reads the item "Name", "Name, Role", "Name, Jr." or "Name, Name, and Name" from <paramref name="k"/> to the end of
    /// its segment into <see cref="_names"/>; false (with some names perhaps added) when the segment is not such an item.
    /// </summary>
    private bool ItemAt(int k, int last)
    {
        while (k <= last)
        {
            var end = NameEnd(k);
            if (end <= k || end > last)
            {
                return false;
            }
            if (end == last)
            {
                _names.Add((k, end, null));
                return true;
            }
            if (!tokens[end].Has(TokenFlags.CommaAfter))
            {
                return false;
            }
            var next = end + 1;
            if (Suffixes.Contains(tokens[next].Text))
            {
                _names.Add((k, end, null));
                if (next == last)
                {
                    return true;
                }
                if (!tokens[next].Has(TokenFlags.CommaAfter))
                {
                    return false;
                }
                next++;
            }
            else if (lex.RoleNouns.Contains(tokens[next].Lower) || lex.RoleModifiers.Contains(tokens[next].Lower))
            {
                _names.Add((k, end, Surface(next, last)));
                return last - end <= 8;
            }
            else
            {
                _names.Add((k, end, null));
            }
            k = SkipConjunction(next, last);
        }
        return false;
    }

    /// <summary>The last word of a name of two or more words at <paramref name="k"/> (or of a person already found there), or -1.</summary>
    private int NameEnd(int k)
    {
        if (owner[k] >= 0 && mentions[owner[k]].Entity.Type == Articles.ActorType.Person)
        {
            return mentions[owner[k]].Last;
        }
        if (owner[k] == Candidate && candidates.FindLast(c => c.First <= k && k <= c.Last) is { } candidate)
        {
            return candidate.Last;
        }
        return NameRun(k, allowHonorific: true);
    }
}

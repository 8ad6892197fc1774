namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Longest-match lookup of multi-word names over tokens, by <see cref="NameKey"/>. Each edge remembers
/// which casings its names allow, so "US" matches only in capitals and "al-Qaeda" matches "Al-Qaeda".
/// </summary>
internal sealed class PhraseTrie
{
    private sealed class Node
    {
        public Dictionary<string, Node>? Next;
        public EntityRef? Value;
        public bool AllowLower;
        public bool AllowMixed;
        public bool PossessiveInside;
        /// <summary>A name goes on past a comma after this word: "Goldman, Sachs", "Kidder, Peabody" (as wire copy writes them).</summary>
        public bool CommaInside;
        /// <summary>The only spelling this word matches in, for mixed-case acronyms; null for any.</summary>
        public string? Exact;
    }

    private readonly Node _root = new();

    public void Add(string phrase, EntityRef value)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        // Each token carries its word's name key already: the tokenizer made it.
        var words = new List<Token>(tokens.Length);
        foreach (var t in tokens)
        {
            if (!t.Has(TokenFlags.Connector))
            {
                words.Add(t);
            }
        }
        if (words.Count == 0)
        {
            return;
        }
        var node = _root;
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w].Text;
            node.Next ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            // "LeT" (Lashkar-e-Taiba) is an acronym, not the word "Let": a short word with a capital inside matches only as written.
            var acronym = word.Length <= 5 && word.Skip(1).Any(char.IsUpper) && word.Any(char.IsLower) ? word : null;
            if (!node.Next.TryGetValue(words[w].Key, out var child))
            {
                child = new Node { Exact = acronym };
                node.Next[words[w].Key] = child;
            }
            else if (child.Exact != acronym)
            {
                child.Exact = null;
            }
            if (char.IsLower(word[0]) || char.IsDigit(word[0]))
            {
                child.AllowLower = true;
            }
            if (!(word.Length > 1 && Tokenizer.IsAllCaps(word)))
            {
                child.AllowMixed = true;
            }
            if (words[w].Has(TokenFlags.Possessive) && w < words.Count - 1)
            {
                child.PossessiveInside = true;
            }
            if (words[w].Has(TokenFlags.CommaAfter) && w < words.Count - 1)
            {
                child.CommaInside = true;
            }
            node = child;
        }
        node.Value ??= value;
    }

    /// <summary>The longest phrase starting at <paramref name="start"/>: its last token index and value.</summary>
    public (int End, EntityRef? Value) Match(Token[] tokens, int start)
    {
        var node = _root;
        var best = (-1, (EntityRef?)null);
        var k = start;
        while (k < tokens.Length)
        {
            var t = tokens[k];
            if (k > start && !tokens[k - 1].Has(TokenFlags.JoinedToNext) && !(node.CommaInside && tokens[k - 1].Has(TokenFlags.CommaAfter)))
            {
                break;
            }
            if (k > start && t.Has(TokenFlags.Connector))
            {
                k++;
                continue;
            }
            if (node.Next is null || !node.Next.TryGetValue(t.Key, out var child) || !CaseFits(t, child))
            {
                break;
            }
            node = child;
            if (node.Value is not null)
            {
                best = (k, node.Value);
            }
            // "Pakistan's army" is not "Pakistan Army", but "Pakistan People's Party" is one name.
            if (t.Has(TokenFlags.Possessive) && !node.PossessiveInside)
            {
                break;
            }
            k++;
        }
        return best;
    }

    private static bool CaseFits(Token t, Node edge)
    {
        if (edge.Exact is not null)
        {
            return string.Equals(t.Text, edge.Exact, StringComparison.Ordinal);
        }
        if (!t.IsCapitalised && !char.IsDigit(t.Text[0]))
        {
            return edge.AllowLower;
        }
        return t.Has(TokenFlags.AllCaps) || edge.AllowMixed || edge.AllowLower;
    }

    /// <summary>Splits a phrase the way the tokenizer splits text, dropping hyphen connectors and '&amp;'.</summary>
    public static List<string> Words(string phrase)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        var words = new List<string>(tokens.Length);
        foreach (var t in tokens)
        {
            if (!t.Has(TokenFlags.Connector))
            {
                words.Add(t.Text);
            }
        }
        return words;
    }
}

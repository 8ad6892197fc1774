using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>Pass 7: the people found, spelt differently ("Khawaja Muhammad Asif", "Khawaja Asif", "Asif"), merged into one person each under one name.</summary>
internal sealed class PersonClustering(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    private sealed class PersonCluster(Entity entity)
    {
        public Entity Entity { get; } = entity;
        public List<string[]> Forms { get; } = [];
        public Dictionary<string, int> Surfaces { get; } = new(StringComparer.Ordinal);
    }

    public void Run()
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
}

using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>The actors of one extraction: each entity's mentions grouped under its canonical name, most mentioned first.</summary>
internal sealed class ActorResult(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    public IReadOnlyList<ActorMention> Build()
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
}

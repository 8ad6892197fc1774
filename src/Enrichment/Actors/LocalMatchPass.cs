namespace NewsSearch.Enrichment.Actors;

/// <summary>Later mentions of what this article defined (acronyms, named bodies, cited outlets), after the passes that define them.</summary>
internal sealed class LocalMatchPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    /// <summary>Later mentions of what this article defined: acronyms and named bodies.</summary>
    public void Run()
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
}

namespace NewsSearch.Enrichment.Actors;

/// <summary>Pass 1: known entities from the gazetteer (countries, organisations, people), places (claimed so they never become actors) and demonyms.</summary>
internal sealed class GazetteerPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    public void Run()
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Has(TokenFlags.Skip))
            {
                continue;
            }
            var (end, value) = lex.Gazetteer.Match(tokens, i);
            if (end < 0 || value is null)
            {
                continue;
            }
            if (value.CueOnly && !lex.CiteCueBefore(tokens, i) && !SpeechVerbAt(end + 1))
            {
                continue;
            }
            if (value.Entity is null)
            {
                Claim(i, end, Place);
            }
            else
            {
                AddMention(value.Entity, i, end, value.Demonym);
            }
            i = end;
        }
    }
}

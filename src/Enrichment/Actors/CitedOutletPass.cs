using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>Pass 5: outlets an article cites ("as reported by UNN", "told TOLOnews", "told The Brooklyn Paper"): media organisations.</summary>
internal sealed class CitedOutletPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    public void Run()
    {
        for (var i = 1; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (owner[i] != Free || !t.IsCapitalised || t.Has(TokenFlags.Skip) || t.Has(TokenFlags.Heading) || !lex.CiteCueBefore(tokens, i))
            {
                continue;
            }
            var last = i;
            while (last + 1 < tokens.Length && tokens[last].Has(TokenFlags.JoinedToNext) && owner[last + 1] == Free && tokens[last + 1].IsCapitalised && !tokens[last].Has(TokenFlags.Possessive) && last - i < 4)
            {
                last++;
            }
            var acronym = last == i && t.Has(TokenFlags.AllCaps) && t.Text.Length <= 6;
            var mediaName = lex.MediaHeadwords.Contains(tokens[last].Text) && last > i;
            var innerCaps = last == i && t.Text.Skip(1).Any(char.IsUpper) && !t.Has(TokenFlags.AllCaps);
            // "told The Brooklyn Paper", "writing in The Lancet": a capitalised "The" inside a sentence opens a title, and
            // what a person is told by or writes in under a title is a publication (a person's name has no "The").
            var titled = last > i && t.Text == "The" && !t.Has(TokenFlags.SentenceInitial);
            if (!acronym && !mediaName && !innerCaps && !titled)
            {
                continue;
            }
            var name = Surface(i, last);
            var entity = localByName.GetValueOrDefault(name) ?? KnownOrLocal(name, ActorType.Organisation, "media");
            RegisterLocal(name, entity);
            AddMention(entity, i, last, false);
            i = last;
        }
    }
}

using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// One pass of an actor extraction. Every pass reads the same tokens and claims the ones that name an actor, so a word
/// belongs to at most one actor; what earlier passes claimed, later ones leave alone. The shared state is
/// <see cref="ActorClaims"/>; <see cref="ActorRun"/> gives the order.
/// </summary>
internal abstract class ActorPass
{
    protected const int Free = ActorClaims.Free;
    protected const int Place = ActorClaims.Place;

    protected readonly Lexicon lex;
    protected readonly string body;
    protected readonly Token[] tokens;
    /// <summary>Per token: <see cref="Free"/>, <see cref="Place"/>, or the index of the mention that claimed it.</summary>
    protected readonly int[] owner;
    protected readonly List<Mention> mentions;
    protected readonly Dictionary<Entity, string> roles;
    protected readonly PhraseTrie local;
    protected readonly Dictionary<string, Entity> localByName;
    protected readonly List<PersonCandidate> candidates;
    protected readonly HashSet<int> absorbed;
    protected readonly HashSet<int> uncounted;

    protected ActorPass(Lexicon lexicon, ActorClaims state)
    {
        lex = lexicon;
        body = state.Body;
        tokens = state.Tokens;
        owner = state.Owner;
        mentions = state.Mentions;
        roles = state.Roles;
        local = state.Local;
        localByName = state.LocalByName;
        candidates = state.Candidates;
        absorbed = state.Absorbed;
        uncounted = state.Uncounted;
    }

    protected bool SpeechVerbAt(int k) => k >= 0 && k < tokens.Length && !tokens[k].IsCapitalised && lex.SpeechVerbs.Contains(tokens[k].Text);

    protected void AddMention(Entity entity, int first, int last, bool demonym)
    {
        mentions.Add(new Mention(entity, first, last, demonym));
        Claim(first, last, mentions.Count - 1);
    }

    protected void Claim(int first, int last, int value)
    {
        for (var k = first; k <= last; k++)
        {
            owner[k] = value;
        }
    }

    protected Entity KnownOrLocal(string name, ActorType type, string? kind)
    {
        if (lex.KnownByName.TryGetValue(name, out var known) && known.Type == type)
        {
            return known;
        }
        if (!localByName.TryGetValue(name, out var entity))
        {
            entity = new Entity(name, type, kind);
            localByName[name] = entity;
        }
        return entity;
    }

    protected void RegisterLocal(string phrase, Entity entity)
    {
        localByName.TryAdd(phrase, entity);
        local.Add(phrase, new EntityRef(entity, false, false));
    }

    protected string Surface(int first, int last) => body[tokens[first].Start..tokens[last].End];
}

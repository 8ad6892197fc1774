using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Quotes;

/// <summary>One quote extraction over one body: the quotations it holds here, who said each in QuoteRun.Speakers.cs.</summary>
internal sealed partial class QuoteRun
{
    /// <summary>A quotation: the inner text's character span and the tokens inside it.</summary>
    private sealed record Span(int Start, int End, int FirstToken, int LastToken, bool RunsOn = false);

    private sealed record Speaker(string Name, bool FromVerb, int? Outlet = null);

    private const string Unknown = "unknown";

    private readonly QuoteLexicon _lex;
    private readonly string _body;
    private readonly Token[] _tokens;
    private readonly Entity?[] _actorAt;
    private readonly bool[] _inQuote;
    private readonly HashSet<Entity> _media = [];

    public QuoteRun(QuoteLexicon lex, string body, IReadOnlyList<ActorMention> actors)
    {
        _lex = lex;
        _body = body;
        _tokens = Tokenizer.TokenizeShared(body);
        _actorAt = new Entity?[_tokens.Length];
        _inQuote = new bool[_tokens.Length];
        LocateActors(actors);
    }

    public IReadOnlyList<Quote> Execute()
    {
        var spans = FindSpans();
        foreach (var s in spans)
        {
            for (var k = s.FirstToken; k <= s.LastToken; k++)
            {
                _inQuote[k] = true;
            }
        }
        var quotes = new List<Quote>();
        Speaker? previous = null;
        Span? previousSpan = null;
        Span? runningOn = null;
        foreach (var span in spans)
        {
            if (_tokens[span.FirstToken].Has(TokenFlags.Heading))
            {
                continue;
            }
            var words = span.LastToken - span.FirstToken + 1;
            var speaker = After(span) ?? Before(span) ?? LeadIn(span);
            if (speaker is null && previous is not null && previousSpan is not null && Continues(previousSpan, span))
            {
                speaker = previous;
            }
            if (words < 2 || (words < 4 && speaker is not { FromVerb: true }))
            {
                continue;
            }
            var text = _body[span.Start..span.End].Trim().TrimEnd(',', ' ');
            var outlet = speaker?.Outlet is { } o ? Surface(o) : FindOutlet(span);
            // The paragraph that ran on without an attribution is said by whoever says its continuation.
            if (runningOn is not null && speaker is not null && quotes.Count > 0 && quotes[^1].Speaker == Unknown
                && _tokens[span.FirstToken].Paragraph == _tokens[runningOn.LastToken].Paragraph + 1)
            {
                quotes[^1] = quotes[^1] with { Speaker = speaker.Name };
            }
            runningOn = span.RunsOn ? span : null;
            quotes.Add(new Quote(text, speaker?.Name ?? Unknown, outlet));
            previous = speaker is null ? null : speaker with { Outlet = null };
            previousSpan = span;
        }
        return quotes;
    }

    // ---- where the actors are ----

    private void LocateActors(IReadOnlyList<ActorMention> actors)
    {
        var trie = new PhraseTrie();
        foreach (var actor in actors)
        {
            var entity = new Entity(actor.Name, actor.Type);
            if (_lex.MediaNames.Contains(actor.Name))
            {
                _media.Add(entity);
            }
            var value = new EntityRef(entity, false, false);
            trie.Add(actor.Name, value);
            foreach (var alias in actor.Aliases)
            {
                trie.Add(alias, value);
                if (actor.Type == ActorType.Person)
                {
                    var words = PhraseTrie.Words(alias);
                    if (words.Count > 1)
                    {
                        trie.Add(words[^1], value);
                    }
                }
            }
        }
        for (var i = 0; i < _tokens.Length; i++)
        {
            var (end, value) = trie.Match(_tokens, i);
            if (end < 0 || value?.Entity is null)
            {
                continue;
            }
            for (var k = i; k <= end; k++)
            {
                _actorAt[k] = value.Entity;
            }
            i = end;
        }
    }

    // ---- finding the quotations ----

    private List<Span> FindSpans()
    {
        var spans = new List<Span>();
        var paragraphStart = 0;
        var open = -1;
        var openChar = '\0';
        for (var i = 0; i < _body.Length; i++)
        {
            var c = _body[i];
            if (c == '\n')
            {
                // A quote that runs on into the next paragraph opens again there without closing here.
                if (open >= 0 && openChar is '“' or '"')
                {
                    AddSpan(spans, open + 1, i, runsOn: true);
                }
                open = -1;
                paragraphStart = i + 1;
                continue;
            }
            if (open >= 0)
            {
                if (Closes(openChar, c, i))
                {
                    AddSpan(spans, open + 1, i);
                    open = -1;
                }
                continue;
            }
            switch (c)
            {
                case '“':
                case '"' when i + 1 < _body.Length && !char.IsWhiteSpace(_body[i + 1]):
                    open = i;
                    openChar = c;
                    break;
                case '‘' or '\'' when (i == 0 || char.IsWhiteSpace(_body[i - 1]) || _body[i - 1] is '(' or '[' or '—' or '–') && i + 1 < _body.Length && char.IsLetterOrDigit(_body[i + 1]):
                    open = i;
                    openChar = c;
                    break;
                case '”':
                    // A closing mark with no opening one: the quote runs from the paragraph's start.
                    AddSpan(spans, paragraphStart, i);
                    break;
            }
        }
        return spans;
    }

    private bool Closes(char openChar, char c, int i) => openChar switch
    {
        '“' => c == '”',
        '"' => c == '"',
        _ => (c is '’' or '\'') && i > 0 && !char.IsWhiteSpace(_body[i - 1]) && (i + 1 >= _body.Length || !char.IsLetterOrDigit(_body[i + 1])),
    };

    private void AddSpan(List<Span> spans, int start, int end, bool runsOn = false)
    {
        var first = FirstTokenAtOrAfter(start);
        var last = FirstTokenAtOrAfter(end) - 1;
        if (first < _tokens.Length && last >= first && _tokens[last].End <= end)
        {
            spans.Add(new Span(start, end, first, last, runsOn));
        }
    }

    private int FirstTokenAtOrAfter(int position)
    {
        int lo = 0, hi = _tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_tokens[mid].Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}

using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Quotes;

/// <summary>Who said a quotation: the speaker after, before or leading into it, resolved to an actor, and the outlet it was said to.</summary>
internal sealed partial class QuoteRun
{
    /// <summary>", said X" or ", X said" after the closing mark, in the same sentence.</summary>
    private Speaker? After(Span span)
    {
        var k = span.LastToken + 1;
        if (k >= _tokens.Length || _tokens[k].Sentence != _tokens[span.LastToken].Sentence || _inQuote[k])
        {
            return null;
        }
        var sentence = _tokens[k].Sentence;
        for (var v = k; v < _tokens.Length && v - k < 7 && _tokens[v].Sentence == sentence && !_inQuote[v]; v++)
        {
            if (!IsSpeechVerb(v))
            {
                continue;
            }
            if (v == k)
            {
                if (!_lex.InversionVerbs.Contains(_tokens[v].Lower))
                {
                    return null;
                }
                var (name, end) = NounPhraseAfter(v + 1);
                return name is null ? null : new Speaker(name, true, OutletAfter(end));
            }
            var np = Resolve(k, v - 1);
            // "…,” Schumer said. Others …, according to Politico.": an outlet in the next sentence is not the one told.
            var sameSentence = v + 1 < _tokens.Length && _tokens[v + 1].Sentence == _tokens[v].Sentence;
            return np is null ? null : new Speaker(np, true, sameSentence ? OutletAfter(v + 1) : null);
        }
        return null;
    }

    /// <summary>A speech verb earlier in the quote's sentence: "X told Al Jazeera that “…”", "…, saying “…”".</summary>
    private Speaker? Before(Span span)
    {
        var end = span.FirstToken - 1;
        if (end < 0)
        {
            return null;
        }
        var sentence = _tokens[span.FirstToken].Sentence;
        for (var v = end; v >= 0 && _tokens[v].Sentence == sentence; v--)
        {
            if (_inQuote[v])
            {
                continue;
            }
            if (_tokens[v].Lower == "according" && v + 2 <= end && _tokens[v + 1].Lower == "to" && _actorAt[v + 2] is { Type: ActorType.Person } p)
            {
                return new Speaker(p.Name, true);
            }
            if (IsSpeechVerb(v))
            {
                var subject = SubjectBefore(v) ?? SentenceSubject(sentence, v) ?? SpeakerNounPhrase(sentence, v);
                return subject is null ? null : new Speaker(subject, true);
            }
        }
        var fallback = FirstActorInSentence(sentence, end, ActorType.Person) ?? SpeakerNounPhrase(sentence, end);
        return fallback is null ? null : new Speaker(fallback, false);
    }

    /// <summary>"A senior source, speaking to Reuters, echoed this sentiment:" and the quote on the next line.</summary>
    private Speaker? LeadIn(Span span)
    {
        var first = span.FirstToken;
        if (first == 0 || _tokens[first].Paragraph == _tokens[first - 1].Paragraph)
        {
            return null;
        }
        var lead = first - 1;
        var gap = _body.AsSpan(_tokens[lead].End, span.Start - _tokens[lead].End).Trim().ToString();
        if (!gap.StartsWith(':'))
        {
            return null;
        }
        var sentence = _tokens[lead].Sentence;
        var start = lead;
        while (start > 0 && _tokens[start - 1].Sentence == sentence)
        {
            start--;
        }
        for (var v = start; v <= lead; v++)
        {
            if (IsSpeechVerb(v) || _tokens[v].Lower is "speaking" or "echoed")
            {
                var subject = SubjectBefore(v) ?? SpeakerNounPhrase(sentence, v) ?? SentenceSubject(sentence, v);
                if (subject is not null)
                {
                    return new Speaker(subject, true, OutletAfter(start));
                }
            }
        }
        return null;
    }

    private bool Continues(Span previous, Span next)
    {
        // Nothing but the previous attribution between the two quotes: same paragraph or the next one.
        if (_tokens[next.FirstToken].Paragraph - _tokens[previous.LastToken].Paragraph > 1)
        {
            return false;
        }
        for (var k = previous.LastToken + 1; k < next.FirstToken; k++)
        {
            if (_tokens[k].Sentence != _tokens[previous.LastToken].Sentence && _tokens[k].Sentence != _tokens[next.FirstToken].Sentence)
            {
                return false;
            }
        }
        return true;
    }

    private bool IsSpeechVerb(int k) => !_tokens[k].IsCapitalised && _lex.SpeechVerbs.Contains(_tokens[k].Lower);

    /// <summary>The subject just before a speech verb: "Khawaja Asif bluntly declared", "analysts say", "he said".</summary>
    private string? SubjectBefore(int verb)
    {
        var last = verb - 1;
        while (last >= 0 && Joined(last) && _lex.Adverbs.Contains(_tokens[last].Lower) || last >= 0 && Joined(last) && _tokens[last].Lower.EndsWith("ly", StringComparison.Ordinal) && !_tokens[last].IsCapitalised)
        {
            last--;
        }
        // ", however, blamed": step over a parenthetical adverb between commas.
        if (last >= 1 && _tokens[last].Has(TokenFlags.CommaAfter) && _lex.Adverbs.Contains(_tokens[last].Lower) && _tokens[last - 1].Has(TokenFlags.CommaAfter))
        {
            last -= 1;
        }
        else if (last >= 0 && !Joined(last))
        {
            return null;
        }
        if (last < 0 || _inQuote[last] || _tokens[last].Sentence != _tokens[verb].Sentence)
        {
            return null;
        }
        if (_lex.Pronouns.Contains(_tokens[last].Lower))
        {
            return PersonBefore(last);
        }
        if (_tokens[last].Lower == "who" && last >= 1 && _tokens[last - 1].Has(TokenFlags.CommaAfter))
        {
            return Resolve(NounPhraseStart(last - 1), last - 1);
        }
        var first = NounPhraseStart(last);
        // "Haji Najib, deputy administrative affairs minister, accused": the name before the appositive.
        if (_actorAt[last] is null && _lex.SpeakerNouns.Contains(_tokens[last].Lower) && first >= 1 && _tokens[first - 1].Has(TokenFlags.CommaAfter)
            && _actorAt[first - 1] is { Type: ActorType.Person } appositive)
        {
            return appositive.Name;
        }
        return Resolve(first, last);
    }

    /// <summary>"angered Kabul's representatives": a past-tense word ends the phrase, unless it is an adjective of speakers ("unnamed").</summary>
    private bool LooksLikeVerb(Token t) =>
        !t.IsCapitalised && t.Lower.EndsWith("ed", StringComparison.Ordinal) && !_lex.SpeakerAdjectives.Contains(t.Lower);

    private bool Joined(int k) => _tokens[k].Has(TokenFlags.JoinedToNext);

    private int NounPhraseStart(int last)
    {
        var first = last;
        while (first > 0 && last - first < 6 && _tokens[first - 1].Has(TokenFlags.JoinedToNext) && !_inQuote[first - 1]
            && _tokens[first - 1].Sentence == _tokens[last].Sentence && !_lex.Stops.Contains(_tokens[first - 1].Lower) && !IsSpeechVerb(first - 1)
            && !LooksLikeVerb(_tokens[first - 1]))
        {
            first--;
        }
        return first;
    }

    /// <summary>An actor inside the phrase (a person first, then an organisation, then a country when the phrase is about the state), or the phrase as written.</summary>
    private string? Resolve(int first, int last)
    {
        if (last < first)
        {
            return null;
        }
        Entity? best = null;
        for (var k = last; k >= first; k--)
        {
            var e = _actorAt[k];
            if (e is null)
            {
                continue;
            }
            if (best is null || Rank(e) > Rank(best))
            {
                best = e;
            }
        }
        var head = _tokens[last].Lower;
        // "Emery was more frustrated. “…,” the Villa coach told Sky Sports.": a definite role refers back to the person
        // the previous sentence is about.
        if (best is not { Type: ActorType.Person } && _tokens[first].Lower == "the" && last > first && _lex.SpeakerNouns.Contains(head) && SubjectOfPreviousSentence(first) is { } subject)
        {
            return subject;
        }
        if (best is not null && (best.Type != ActorType.Country || _actorAt[last] == best || head is "government" or "administration" or "authorities"))
        {
            return best.Name;
        }
        if (_lex.Pronouns.Contains(head))
        {
            return PersonBefore(last);
        }
        while (first < last && _tokens[first].Lower is "a" or "an" or "the" or "one" or "two" or "some" or "another")
        {
            first++;
        }
        if (!_lex.SpeakerNouns.Contains(head) && !_lex.SpeakerNouns.Contains(head.TrimEnd('s')))
        {
            // A capitalised name the actor rules did not take is still the speaker, as written.
            var named = true;
            for (var k = first; k <= last && named; k++)
            {
                named = _tokens[k].IsCapitalised && !_tokens[k].Has(TokenFlags.AllCaps) && !_tokens[k].Has(TokenFlags.SentenceInitial);
            }
            return named && last - first < 4 ? _body[_tokens[first].Start.._tokens[last].End] : null;
        }
        return _body[_tokens[first].Start.._tokens[last].End];
    }

    private static int Rank(Entity e) => e.Type switch
    {
        ActorType.Person => 3,
        ActorType.Organisation => 2,
        _ => 1,
    };

    /// <summary>"said one senior Pakistani official to Al Jazeera": the speaker after a verb, and where it ends.</summary>
    private (string? Name, int End) NounPhraseAfter(int start)
    {
        // "said Dr. Helen Achterberg": the title's full stop does not end the phrase.
        while (start + 1 < _tokens.Length && _lex.Honorifics.Contains(_tokens[start].Text) && _actorAt[start] is null && _actorAt[start + 1] is { Type: ActorType.Person })
        {
            start++;
        }
        var k = start;
        var sentence = start < _tokens.Length ? _tokens[start].Sentence : -1;
        while (k < _tokens.Length && _tokens[k].Sentence == sentence && !_inQuote[k] && k - start < 8)
        {
            if (_actorAt[k] is { } e && e.Type != ActorType.Country)
            {
                var end = k;
                while (end + 1 < _tokens.Length && _actorAt[end + 1] == e)
                {
                    end++;
                }
                return (e.Name, end + 1);
            }
            if (_lex.Pronouns.Contains(_tokens[k].Lower))
            {
                return (PersonBefore(k), k + 1);
            }
            if (_lex.Stops.Contains(_tokens[k].Lower) || !_tokens[k].Has(TokenFlags.JoinedToNext))
            {
                var last = _lex.Stops.Contains(_tokens[k].Lower) ? k - 1 : k;
                return (Resolve(start, last), last + 1);
            }
            k++;
        }
        return (Resolve(start, k - 1), k);
    }

    private string? SubjectOfPreviousSentence(int k)
    {
        var start = k;
        while (start > 0 && _tokens[start - 1].Sentence == _tokens[k].Sentence)
        {
            start--;
        }
        if (start == 0)
        {
            return null;
        }
        var previous = start - 1;
        while (previous > 0 && _tokens[previous - 1].Sentence == _tokens[start - 1].Sentence)
        {
            previous--;
        }
        return !_inQuote[previous] && _actorAt[previous] is { Type: ActorType.Person } person ? person.Name : null;
    }

    /// <summary>When a participle has no subject of its own ("…, saying “…”"), the sentence's first person or organisation.</summary>
    private string? SentenceSubject(int sentence, int before)
    {
        return FirstActorInSentence(sentence, before, ActorType.Person) ?? FirstActorInSentence(sentence, before, ActorType.Organisation);
    }

    private string? FirstActorInSentence(int sentence, int before, ActorType type)
    {
        for (var k = SentenceStart(sentence, before); k <= before; k++)
        {
            if (!_inQuote[k] && _actorAt[k] is { } e && e.Type == type && !IsOutletPosition(k))
            {
                return e.Name;
            }
        }
        return null;
    }

    /// <summary>The sentence's first phrase that names a kind of speaker: "A senior Afghan source familiar with …" gives "senior Afghan source".</summary>
    private string? SpeakerNounPhrase(int sentence, int before)
    {
        for (var k = SentenceStart(sentence, before); k < before; k++)
        {
            if (!_inQuote[k] && !_tokens[k].IsCapitalised && _lex.SpeakerNouns.Contains(_tokens[k].Lower))
            {
                return Resolve(NounPhraseStart(k), k);
            }
        }
        return null;
    }

    private int SentenceStart(int sentence, int from)
    {
        var k = Math.Min(from, _tokens.Length - 1);
        while (k > 0 && _tokens[k - 1].Sentence == sentence)
        {
            k--;
        }
        return k;
    }

    /// <summary>"told Reuters", "to Al Jazeera": an outlet there is where it was said, not who said it.</summary>
    private bool IsOutletPosition(int k) =>
        k > 0 && _actorAt[k] is { } e && _media.Contains(e) && _tokens[k - 1].Lower is "to" or "told" or "by" or "with";

    private string? PersonBefore(int index)
    {
        for (var k = index - 1; k >= 0; k--)
        {
            if (!_inQuote[k] && _actorAt[k] is { Type: ActorType.Person } p)
            {
                return p.Name;
            }
        }
        return null;
    }

    // ---- where it was said ----

    /// <summary>"told Al Jazeera", "to Reuters", "according to Reuters", "on X", "platform X" in the rest of the sentence.</summary>
    private int? OutletAfter(int from)
    {
        if (from >= _tokens.Length)
        {
            return null;
        }
        var sentence = _tokens[Math.Min(from, _tokens.Length - 1)].Sentence;
        for (var k = from; k < _tokens.Length && _tokens[k].Sentence == sentence; k++)
        {
            if (_inQuote[k] || k == 0)
            {
                continue;
            }
            var cue = _tokens[k - 1].Lower;
            if (cue is "to" or "told" or "with" or "by" && _actorAt[k] is { } e && _media.Contains(e))
            {
                return k;
            }
            if (cue is "on" or "platform" && _lex.Platforms.Contains(_tokens[k].Text) && _tokens[k].IsCapitalised)
            {
                return k;
            }
        }
        return null;
    }

    private string? FindOutlet(Span span)
    {
        var sentenceStart = span.FirstToken;
        while (sentenceStart > 0 && _tokens[sentenceStart - 1].Sentence == _tokens[span.FirstToken].Sentence)
        {
            sentenceStart--;
        }
        var after = span.LastToken + 1;
        var at = OutletAfter(sentenceStart)
            ?? (after < _tokens.Length && _tokens[after].Sentence == _tokens[span.LastToken].Sentence ? OutletAfter(after) : null);
        return at is null ? null : Surface(at.Value);
    }

    private string Surface(int k)
    {
        if (_actorAt[k] is { } e)
        {
            return e.Name;
        }
        return _tokens[k].Text;
    }
}

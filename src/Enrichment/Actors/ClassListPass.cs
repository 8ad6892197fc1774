using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Pass 8c: the names a plural of an organisation class lists: "publications including The Brooklyn Paper, Jezebel,
/// Metro.us, EDGE on the Net, and Instinct Magazine", "Web search engines including Google, Bing, and Yahoo!", "some
/// publications, like AM New York, always …", "such bands as The Velvet Underground", "oil companies such as Exxon, Mobil
/// and Texaco", "groups included …", "companies, among them …", "Citicorp, Chase Manhattan and other major banks". What
/// the class is said of, each name in its list is. The classes are data (Data/body-classes.txt):
/// plurals whose members are bodies only, never places, people or countries ("countries such as France", "leaders like
/// Merkel" are no such lists). A list that holds a person, a place or a country is not read at all: its noun is not the
/// class of its names. It runs last, so names that are people's are claimed before.
/// </summary>
internal sealed class ClassListPass(Lexicon lexicon, ActorClaims state) : ContextBodyPass(lexicon, state)
{
    private const int MaxItemWords = 6;

    public void Run()
    {
        for (var n = 0; n < tokens.Length; n++)
        {
            if (!IsClass(n))
            {
                continue;
            }
            var start = ListStart(n);
            if (start > 0)
            {
                var items = ReadList(start);
                ClaimList(items);
                n = items.Count > 0 ? items[^1].Last : n;
            }
            else if (OtherBefore(n) is var conjunction and > 0)
            {
                ClaimList(ListBefore(conjunction));
            }
        }
    }

    /// <summary>The first word of the list that the class noun at <paramref name="n"/> and its cue introduce, or -1.</summary>
    private int ListStart(int n)
    {
        var noun = tokens[n];
        if ((noun.IsCapitalised && !noun.Has(TokenFlags.SentenceInitial)) || noun.Has(TokenFlags.Heading))
        {
            return -1;
        }
        var gap = Gap(n);
        var cue = n + 1;
        if (gap is not ("" or ",") || cue + 1 >= tokens.Length)
        {
            return -1;
        }
        // "publications including; The Brooklyn Paper", "companies like Apple", "groups included The Ontario Ghostbusters".
        if (tokens[cue].Text is "including" or "like" or "include" or "includes" or "included" && Gap(cue) is "" or ":" or ";")
        {
            return cue + 1;
        }
        // "several companies, among them Exxon and Mobil".
        if (tokens[cue].Text == "among" && Gap(cue) == "" && tokens[cue + 1].Text == "them" && Gap(cue + 1) is "" or ":" && cue + 2 < tokens.Length)
        {
            return cue + 2;
        }
        if (tokens[cue].Text == "such" && gap == "" && Gap(cue) == "" && tokens[cue + 1].Text == "as" && Gap(cue + 1) == "" && cue + 2 < tokens.Length)
        {
            return cue + 2;
        }
        // "such bands as The Velvet Underground", "such major banks as Citicorp".
        return tokens[cue].Text == "as" && gap == "" && Gap(cue) == "" && SuchBefore(n) ? cue + 1 : -1;
    }

    /// <summary>
    /// A class plural at <paramref name="n"/>, alone or with the word before it ("search engines", "think-tanks"); not
    /// after a word that makes it a class of people ("ethnic groups").
    /// </summary>
    private bool IsClass(int n)
    {
        // Every class is a plural in -s (Data/body-classes.txt): most words fail here before any lookup.
        if (tokens[n].Text[^1] != 's')
        {
            return false;
        }
        var joined = n > 0 && tokens[n - 1].Has(TokenFlags.JoinedToNext) && !tokens[n - 1].IsCapitalised;
        if (lex.BodyClasses.Contains(tokens[n].Lower))
        {
            // "ethnic groups" are people's; "groups" alone or after "other" or "such" may be too ("groups such as Hispanics").
            return joined ? !lex.PeopleClassWords.Contains(tokens[n - 1].Lower) && !(lex.QualifiedClasses.Contains(tokens[n].Lower) && lex.IsFunctionWord(tokens[n - 1].Text))
                : !lex.QualifiedClasses.Contains(tokens[n].Lower);
        }
        if (!joined)
        {
            return false;
        }
        return lex.ContainsPair(lex.BodyClasses, tokens[n - 1].Lower, tokens[n - 1].Has(TokenFlags.HyphenToNext) ? '-' : ' ', tokens[n].Lower);
    }

    /// <summary>"such" right before the class noun or before one lower-case word before it ("such major banks").</summary>
    private bool SuchBefore(int n)
    {
        for (var k = n - 1; k >= 0 && k >= n - 2; k--)
        {
            if (!tokens[k].Has(TokenFlags.JoinedToNext) || (tokens[k].IsCapitalised && !tokens[k].Has(TokenFlags.SentenceInitial)))
            {
                return false;
            }
            if (tokens[k].Lower == "such")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The names of the list from <paramref name="start"/>: separated by commas, the last after "and" or "or" (or a single
    /// name), each after an optional "the".
    /// </summary>
    private List<(int First, int Last)> ReadList(int start)
    {
        var items = new List<(int First, int Last)>();
        var k = start;
        while (ReadItem(k) is { First: >= 0 } item)
        {
            // "companies including Musk's Tesla": a possessive is the owner's name, not the list's; the list is not read.
            if (tokens[item.Last].Has(TokenFlags.Possessive))
            {
                return [];
            }
            items.Add(item);
            var gap = Gap(item.Last);
            var next = item.Last + 1;
            var closing = next < tokens.Length && tokens[next].Text is "and" or "or" && Gap(next) == "";
            if (closing && gap is "" or ",")
            {
                // "… and Texaco", "…, and Instinct Magazine": the name after "and" is the list's last.
                if (ReadItem(next + 1) is { First: >= 0 } final)
                {
                    items.Add(final);
                }
                break;
            }
            if (gap != ",")
            {
                break;
            }
            k = next;
        }
        // "businesses including Christmas shoppers": a lone name that a lower-case word other than a function word goes on
        // from qualifies that word ("firms like Quarlo in Houston" lists Quarlo).
        if (items.Count == 1 && Gap(items[0].Last) == "" && items[0].Last + 1 < tokens.Length && !tokens[items[0].Last + 1].IsCapitalised
            && !lex.IsFunctionWord(tokens[items[0].Last + 1].Text))
        {
            return [];
        }
        return items;
    }

    /// <summary>
    /// "Exxon, Mobil and other oil companies": the "and" (or "or") before "other" and at most two lower-case words or
    /// countries before the class noun at <paramref name="n"/>, or -1.
    /// </summary>
    private int OtherBefore(int n)
    {
        if (tokens[n].IsCapitalised || tokens[n].Has(TokenFlags.Heading))
        {
            return -1;
        }
        for (var k = n - 1; k >= 2 && k >= n - 3; k--)
        {
            // "and other major banks", "and other U.S. oil companies": lower-case words or a country between.
            if (Gap(k) != "" || (tokens[k].IsCapitalised && !IsPlaceOrCountry(k)))
            {
                return -1;
            }
            if (tokens[k].Text == "other")
            {
                return tokens[k - 1].Text is "and" or "or" && Gap(k - 1) == "" ? k - 1 : -1;
            }
        }
        return -1;
    }

    /// <summary>The names before "and other …" at <paramref name="conjunction"/>, the last first: "Citicorp, Chase Manhattan and".</summary>
    private List<(int First, int Last)> ListBefore(int conjunction)
    {
        var items = new List<(int First, int Last)>();
        var last = conjunction - 1;
        if (Gap(last) is not ("" or ","))
        {
            return items;
        }
        while (last >= 0 && tokens[last].IsCapitalised && !tokens[last].Has(TokenFlags.Heading) && !tokens[last].Has(TokenFlags.Skip))
        {
            var first = ItemStartBack(last);
            items.Add((first, last));
            if (first < 1 || Gap(first - 1) != ",")
            {
                break;
            }
            last = first - 1;
        }
        return items;
    }

    /// <summary>The first word of a name that ends at <paramref name="last"/>: capitalised words back to a stopword ("The" opens it).</summary>
    private int ItemStartBack(int last)
    {
        var first = last;
        while (first > 0 && last - first < MaxItemWords - 1 && tokens[first - 1].Has(TokenFlags.JoinedToNext) && !tokens[first - 1].Has(TokenFlags.Possessive)
            && tokens[first - 1].IsCapitalised && !tokens[first - 1].Has(TokenFlags.Heading)
            && (!lex.Stopwords.Contains(tokens[first - 1].Text) || tokens[first - 1].Text == "The"))
        {
            first--;
            if (tokens[first].Text == "The")
            {
                break;
            }
        }
        return first;
    }

    /// <summary>Claims the list's unknown names, when no name in it is a person's, a place or a country.</summary>
    private void ClaimList(List<(int First, int Last)> items)
    {
        if (items.Count == 0 || items.Any(i => !Member(i.First, i.Last)))
        {
            return;
        }
        foreach (var (first, last) in items)
        {
            if (Unknown(first, last) && PlausibleBody(first, last))
            {
                AddBody(first, last);
            }
        }
    }

    /// <summary>The name at <paramref name="k"/> (after an optional "the"), or (-1, -1).</summary>
    private (int First, int Last) ReadItem(int k)
    {
        if (k < tokens.Length && tokens[k].Text == "the" && tokens[k].Has(TokenFlags.JoinedToNext))
        {
            k++;
        }
        if (k >= tokens.Length || !tokens[k].IsCapitalised || tokens[k].Has(TokenFlags.Heading) || tokens[k].Has(TokenFlags.Skip))
        {
            return (-1, -1);
        }
        return (k, ItemEnd(k));
    }

    /// <summary>
    /// The last word of a name from <paramref name="first"/>: capitalised words, a web address's ending ("Metro.us"), and
    /// lower-case words of a name between them ("EDGE on the Net", "Bank of America") when the name ends the list's item.
    /// </summary>
    private int ItemEnd(int first)
    {
        var last = first;
        while (last + 1 < tokens.Length && last - first < MaxItemWords - 1 && !tokens[last].Has(TokenFlags.Possessive))
        {
            var next = last + 1;
            if (tokens[last].Has(TokenFlags.JoinedToNext) && tokens[next].IsCapitalised && !tokens[next].Has(TokenFlags.Heading))
            {
                last = next;
            }
            else if (tokens[next].Start == tokens[last].End + 1 && body[tokens[last].End] == '.' && !tokens[next].IsCapitalised && tokens[next].Text.Length <= 4
                && tokens[next].Paragraph == tokens[last].Paragraph)
            {
                last = next;
            }
            else if (tokens[last].Has(TokenFlags.JoinedToNext) && LinkedWordsEnd(next) is var linked and > 0)
            {
                last = linked;
            }
            else
            {
                break;
            }
        }
        return last;
    }

    /// <summary>
    /// After one or two lower-case words of a name ("of", "on the"), the capitalised word that ends the item (a comma or
    /// "and" after it), or -1: "Apple in California" or "Bank of America said" is not read as one name.
    /// </summary>
    private int LinkedWordsEnd(int k)
    {
        var m = k;
        while (m < tokens.Length && m - k < 2 && !tokens[m].IsCapitalised && tokens[m].Text is "of" or "on" or "the" or "for" or "de" && tokens[m].Has(TokenFlags.JoinedToNext))
        {
            m++;
        }
        if (m == k || m >= tokens.Length || !tokens[m].IsCapitalised)
        {
            return -1;
        }
        var end = m;
        while (end + 1 < tokens.Length && end - m < 2 && tokens[end].Has(TokenFlags.JoinedToNext) && tokens[end + 1].IsCapitalised)
        {
            end++;
        }
        var gap = Gap(end);
        var separated = gap == "," || (gap == "" && end + 1 < tokens.Length && tokens[end + 1].Text is "and" or "or");
        return separated ? end : -1;
    }

    /// <summary>
    /// Whether the item can stand in a list of bodies: no word of it is a person's, and it is not only a place or a country
    /// ("teams such as Brazil" lists countries; "AM New York" holds a place and is a paper).
    /// </summary>
    private bool Member(int first, int last)
    {
        var placeOnly = true;
        for (var k = first; k <= last; k++)
        {
            if (owner[k] == Candidate || IsPerson(k))
            {
                return false;
            }
            if (tokens[k].IsCapitalised && !IsPlaceOrCountry(k))
            {
                placeOnly = false;
            }
        }
        return !placeOnly;
    }

    /// <summary>
    /// An item no pass named: its words are free (a place or a country inside the name is part of it), each capitalised
    /// word can be part of a body's name (not a role or a stopword; "The" opens a title), and one is not a place.
    /// </summary>
    private bool Unknown(int first, int last)
    {
        var free = false;
        for (var k = first; k <= last; k++)
        {
            var t = tokens[k];
            if (!t.IsCapitalised)
            {
                if (owner[k] != Free)
                {
                    return false;
                }
                continue;
            }
            if (k == first && t.Text == "The" && first < last)
            {
                continue;
            }
            if (BodyWord(k, inside: true) && owner[k] == Free)
            {
                free = true;
            }
            else if (!IsPlaceOrCountry(k))
            {
                return false;
            }
        }
        return free;
    }

    /// <summary>What separates a token from the next in the same paragraph, without spaces ("", ",", ";"), or "\n".</summary>
    private string Gap(int k)
    {
        if (k + 1 >= tokens.Length || tokens[k + 1].Paragraph != tokens[k].Paragraph)
        {
            return "\n";
        }
        var start = tokens[k].End;
        var end = tokens[k + 1].Start;
        if (tokens[k].Has(TokenFlags.Possessive))
        {
            return "'s";
        }
        return body.AsSpan(start, end - start).Trim().ToString();
    }
}

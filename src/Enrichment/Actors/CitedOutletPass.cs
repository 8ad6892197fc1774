using System.Globalization;
using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Pass 5: outlets an article cites ("as reported by UNN", "told TOLOnews", "told The Brooklyn Paper"): media organisations.
/// And the outlet of a source line, the way Wikinews and many sites list their sources: `"Title" — Outlet, August 16, 2008`.
/// </summary>
internal sealed class CitedOutletPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    private const int MaxSourceWords = 6;

    /// <summary>Month and weekday names, full and short, in English: the date that ends a source line.</summary>
    private static readonly HashSet<string> DateWords = new(
        CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Concat(CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames)
            .Concat(CultureInfo.InvariantCulture.DateTimeFormat.DayNames).Concat(CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedDayNames)
            .Append("Sept").Where(w => w.Length > 0),
        StringComparer.Ordinal);

    public void Run()
    {
        for (var i = 1; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (!t.IsCapitalised || t.Has(TokenFlags.Skip))
            {
                continue;
            }
            if (SourceLineOutlet(i) is var outlet and >= 0)
            {
                AddOutlet(i, outlet);
                i = outlet;
                continue;
            }
            if (owner[i] != Free || t.Has(TokenFlags.Heading) || !lex.CiteCueBefore(tokens, i))
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
            AddOutlet(i, last);
            i = last;
        }
    }

    private void AddOutlet(int first, int last)
    {
        var name = Surface(first, last);
        var entity = localByName.GetValueOrDefault(name) ?? KnownOrLocal(name, ActorType.Organisation, "media");
        RegisterLocal(name, entity);
        AddMention(entity, first, last, false);
    }

    /// <summary>
    /// The last word of the outlet a source line names from <paramref name="first"/>, or -1: after a closing quotation mark
    /// and a dash (the title's end), capitalised words (a place among them: "Edmonton Sun"), a comma, and a date with a
    /// year that ends the line ("— Edmonton Sun, August 16, 2008"). The title's closing mark is what tells a source from a
    /// signed quotation ("We have brains." — Peres); the date ending the line, what tells it from a sentence.
    /// </summary>
    private int SourceLineOutlet(int first)
    {
        if (!AfterTitle(first) || owner[first] >= 0)
        {
            return -1;
        }
        var last = first;
        while (last + 1 < tokens.Length && last - first < MaxSourceWords - 1 && tokens[last].Has(TokenFlags.JoinedToNext)
            && (tokens[last + 1].IsCapitalised || tokens[last + 1].Text is "and" or "of" or "the" or "on"))
        {
            last++;
        }
        if (!tokens[last].IsCapitalised || !tokens[last].Has(TokenFlags.CommaAfter) || !DateEndsLine(last + 1))
        {
            return -1;
        }
        var free = false;
        for (var k = first; k <= last; k++)
        {
            if (owner[k] >= 0 && !IsCountry(k))
            {
                return -1;
            }
            free |= owner[k] == Free && tokens[k].IsCapitalised && !lex.Stopwords.Contains(tokens[k].Text);
        }
        // "— Peter Zimonjic, August 16, 2008" signs a quotation: a given name opens a person's name, not an outlet's.
        return free && !lex.GivenNames.Contains(tokens[first].Text) ? last : -1;
    }

    /// <summary>A closing quotation mark (after the title's own "?" or "!") and a dash right before the word.</summary>
    private bool AfterTitle(int k)
    {
        if (k == 0 || tokens[k - 1].Paragraph != tokens[k].Paragraph)
        {
            return false;
        }
        var gap = body.AsSpan(tokens[k - 1].End, tokens[k].Start - tokens[k - 1].End).Trim();
        var dash = gap.Length;
        while (dash > 0 && gap[dash - 1] is '—' or '–' or '-')
        {
            dash--;
        }
        if (dash == gap.Length)
        {
            return false;
        }
        var mark = gap[..dash].TrimEnd();
        return mark is "\"" or "”" or "?\"" or "?”" or "!\"" or "!”";
    }

    /// <summary>From <paramref name="k"/> to the line's end, a date of at most four words with a year: "August 16, 2008".</summary>
    private bool DateEndsLine(int k)
    {
        var year = false;
        var words = 0;
        for (; k < tokens.Length && tokens[k].Paragraph == tokens[k - 1].Paragraph; k++)
        {
            var text = tokens[k].Text;
            if (++words > 4 || !(DateWords.Contains(text) || (text.Length <= 4 && text.All(char.IsAsciiDigit))))
            {
                return false;
            }
            year |= text.Length == 4 && text[0] is '1' or '2';
        }
        return year;
    }
}

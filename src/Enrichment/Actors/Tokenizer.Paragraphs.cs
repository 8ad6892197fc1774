namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// What a paragraph is beside its words: a heading or page furniture (a short line without closing punctuation), a
/// dateline naming the publisher, a credit line ("Image: …"); the tokenizer marks such spans so no rule reads them as prose.
/// </summary>
internal static partial class Tokenizer
{
    private static readonly string[] CreditLabels = ["Image:", "Photo:", "Photograph:", "Credit:", "Picture:", "Source:", "File photo:", "Read more:", "Also read:"];

    /// <summary>A short line without closing punctuation is a heading or page furniture, not prose.</summary>
    private static void CloseParagraph(string text, List<Token> tokens, int firstToken, int startChar, int endChar)
    {
        var count = 0;
        for (var k = firstToken; k < tokens.Count; k++)
        {
            // A web address is not a word of the line: "[Statement on …](https://…)" is as short as its title.
            count += tokens[k].Has(TokenFlags.Skip) ? 0 : 1;
        }
        if (tokens.Count == firstToken)
        {
            return;
        }
        var e = endChar - 1;
        while (e >= startChar && (char.IsWhiteSpace(text[e]) || text[e] is '”' or '"' or '’' or '\'' or ')' or ']' or '»'))
        {
            e--;
        }
        var terminal = e >= startChar && text[e] is '.' or '!' or '?' or ':' or ';' or '…';
        if (terminal && count > 3)
        {
            return;
        }
        if ((count > 20 && !terminal) || (!terminal && ContinuesInLowerCase(text, endChar)))
        {
            return;
        }
        for (var k = firstToken; k < tokens.Count; k++)
        {
            tokens[k] = tokens[k] with { Flags = tokens[k].Flags | TokenFlags.Heading };
        }
    }

    /// <summary>
    /// "* The Board of Governors approved an increase … from 3 1/2\n  percent to 4 percent": a line whose next line goes on
    /// in lower case is a sentence broken by hard wrapping, not a heading (a heading is followed by a blank line or a new
    /// capitalised line).
    /// </summary>
    private static bool ContinuesInLowerCase(string text, int lineEnd)
    {
        var k = lineEnd + 1;
        while (k < text.Length && text[k] is ' ' or '\t')
        {
            k++;
        }
        return k < text.Length && char.IsLower(text[k]);
    }

    /// <summary>"(The Post News) –" at a paragraph start names the publisher, not an actor.</summary>
    private static int DatelineEnd(string text, int at)
    {
        if (text[at] != '(')
        {
            return -1;
        }
        var close = text.IndexOf(')', at);
        if (close < 0 || close - at > 60)
        {
            return -1;
        }
        var k = close + 1;
        while (k < text.Length && text[k] == ' ')
        {
            k++;
        }
        return k < text.Length && text[k] is '–' or '—' or '-' ? close : -1;
    }

    private static int CreditLabelAt(string text, int at)
    {
        if (text[at] is not ('I' or 'P' or 'C' or 'S' or 'F' or 'R' or 'A') || (at > 0 && char.IsLetterOrDigit(text[at - 1])))
        {
            return 0;
        }
        foreach (var label in CreditLabels)
        {
            if (StartsWithAt(text, at, label))
            {
                return label.Length;
            }
        }
        return 0;
    }

    private static int SentenceEnd(string text, int from)
    {
        for (var k = from; k < text.Length; k++)
        {
            if (text[k] == '\n' || (text[k] == '.' && (k + 1 >= text.Length || char.IsWhiteSpace(text[k + 1]))))
            {
                return k;
            }
        }
        return text.Length;
    }

    private static bool StartsWithAt(string text, int at, string value) =>
        at + value.Length <= text.Length && string.CompareOrdinal(text, at, value, 0, value.Length) == 0;
}

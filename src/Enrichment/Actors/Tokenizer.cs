using System.Globalization;
using System.Runtime.CompilerServices;
using NewsSearch.Enrichment.Text;

namespace NewsSearch.Enrichment.Actors;

[Flags]
internal enum TokenFlags
{
    None = 0,
    Capitalised = 1,
    AllCaps = 2,
    SentenceInitial = 4,
    Possessive = 8,
    Heading = 16,
    /// <summary>Only spaces, a hyphen, '&amp;' or '/' separate this token from the next one on the same line.</summary>
    JoinedToNext = 32,
    HyphenToNext = 64,
    /// <summary>Dateline, image credit or address: text about the page, not the story.</summary>
    Skip = 128,
    /// <summary>An ezafe or particle between hyphens ("-e-" in Tehreek-e-Taliban) that spellings vary on.</summary>
    Connector = 256,
    InParentheses = 512,
    CommaAfter = 1024,
}

internal readonly record struct Token(int Start, int End, string Text, string Lower, string Key, TokenFlags Flags, int Sentence, int Paragraph)
{
    public bool Has(TokenFlags flag) => (Flags & flag) != 0;
    public bool IsCapitalised => Has(TokenFlags.Capitalised);
}

/// <summary>
/// Splits a body into word tokens with the facts the rules need: capitals, sentence and paragraph,
/// headings (short lines without closing punctuation) and spans about the page rather than the story.
/// One linear pass; no regular expressions.
/// </summary>
internal static partial class Tokenizer
{
    private static readonly ConditionalWeakTable<string, Token[]> Recent = [];

    /// <summary>The tokens of a body, shared between the actor and quote extractors that read the same string.</summary>
    public static Token[] TokenizeShared(string text) => Recent.GetValue(text, Tokenize);

    /// <summary>
    /// The list each thread builds its tokens in before copying them out: a body's ~1,000 tokens take ~50 KB,
    /// which a fresh list per call would allocate (and grow) every time.
    /// </summary>
    [ThreadStatic]
    private static List<Token>? _scratch;

    private const int MaxScratchTokens = 16 * 1024;

    /// <summary>Per thread, each word seen: its lower-case form and name key (see <see cref="WordForms"/>).</summary>
    [ThreadStatic]
    private static Dictionary<string, (string Lower, string Key)>? _wordForms;

    /// <summary>Enough for the vocabulary of thousands of articles (~2 MB), little enough to keep per thread.</summary>
    private const int MaxCachedWords = 16 * 1024;

    public static Token[] Tokenize(string text)
    {
        var tokens = _scratch ??= new List<Token>(1024);
        tokens.Clear();
        var paragraph = 0;
        var sentence = 0;
        var sentenceStart = true;
        var skipUntil = -1;
        var paragraphStartToken = 0;
        var paragraphStartChar = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                CloseParagraph(text, tokens, paragraphStartToken, paragraphStartChar, i);
                paragraph++;
                sentence++;
                sentenceStart = true;
                paragraphStartToken = tokens.Count;
                paragraphStartChar = i + 1;
                i++;
                continue;
            }
            if (!char.IsLetterOrDigit(c))
            {
                if (c == '(' && i - paragraphStartChar < 40)
                {
                    // "(The Post News) –" or "KYIV, Nov 20 (Reuters) -": the publisher's dateline.
                    skipUntil = Math.Max(skipUntil, DatelineEnd(text, i));
                }
                i++;
                continue;
            }
            if (CreditLabelAt(text, i) > 0)
            {
                skipUntil = Math.Max(skipUntil, SentenceEnd(text, i));
            }
            if (StartsWithAt(text, i, "http") || StartsWithAt(text, i, "www."))
            {
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }
                skipUntil = Math.Max(skipUntil, end);
            }

            var start = i;
            var possessive = false;
            while (i < text.Length)
            {
                var ch = text[i];
                if (char.IsLetterOrDigit(ch) || ch == '\u0301' || char.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
                {
                    i++;
                    continue;
                }
                if ((ch == '\'' || ch == '’') && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    if ((text[i + 1] == 's' || text[i + 1] == 'S') && (i + 2 >= text.Length || !char.IsLetter(text[i + 2])))
                    {
                        possessive = true;
                        break;
                    }
                    i++;
                    continue;
                }
                // "U.S." and "U.N." stay one token.
                if (ch == '.' && i - start == 1 && char.IsUpper(text[start]) && i + 2 < text.Length && char.IsUpper(text[i + 1]) && text[i + 2] == '.')
                {
                    i += 3;
                    break;
                }
                break;
            }
            var end0 = i;
            var (word, lower, key) = WordForms(text.AsSpan(start, end0 - start));
            if (possessive)
            {
                i += 2;
            }
            else if (i < text.Length && (text[i] == '\'' || text[i] == '’') && end0 > start && (text[end0 - 1] == 's') && (i + 1 >= text.Length || !char.IsLetter(text[i + 1])) && !(start > 0 && (text[start - 1] == '\'' || text[start - 1] == '‘')))
            {
                possessive = true;
                i++;
            }

            var flags = TokenFlags.None;
            if (char.IsUpper(word[0]))
            {
                flags |= TokenFlags.Capitalised;
                if (word.Length > 1 && IsAllCaps(word))
                {
                    flags |= TokenFlags.AllCaps;
                }
            }
            if (possessive)
            {
                flags |= TokenFlags.Possessive;
            }
            if (sentenceStart)
            {
                flags |= TokenFlags.SentenceInitial;
                sentenceStart = false;
            }
            if (start < skipUntil)
            {
                flags |= TokenFlags.Skip;
            }
            if (start > 0 && text[start - 1] == '(')
            {
                flags |= TokenFlags.InParentheses;
            }
            tokens.Add(new Token(start, end0, word, lower, key, flags, sentence, paragraph));

            // Look at the gap to the next token: joins, sentence ends, clause starts.
            var g = i;
            var onlySpace = true;
            var hyphen = false;
            var ends = false;
            var clause = false;
            var comma = false;
            while (g < text.Length && !char.IsLetterOrDigit(text[g]))
            {
                var gc = text[g];
                if (gc == '\n')
                {
                    break;
                }
                if (gc is '-' or '‑' && g == i && g + 1 < text.Length && char.IsLetterOrDigit(text[g + 1]))
                {
                    hyphen = true;
                }
                else if (gc is ' ' or '\t' or '&' or '/' or '\u00a0')
                {
                }
                else
                {
                    onlySpace = false;
                    if (gc is '.' or '!' or '?')
                    {
                        if (gc != '.' || !IsAbbreviation(word, possessive))
                        {
                            ends = true;
                        }
                    }
                    else if (gc is ':' or ';' or '“' or '"' or '‘' or '—' or '–' or '(')
                    {
                        clause = true;
                    }
                    else if (gc == ',')
                    {
                        comma = true;
                    }
                }
                g++;
            }
            var last = tokens[^1];
            var extra = TokenFlags.None;
            // "S. Jaishankar", "Donald J. Trump", "Fernand St. Germain": an initial, or "St.", joins the name that follows.
            var initial = (word.Length == 1 || word == "St") && char.IsUpper(word[0]) && g - i == 2 && text[i] == '.' && text[i + 1] == ' ' && g < text.Length && char.IsUpper(text[g]);
            if ((onlySpace || initial) && g < text.Length && text[g] != '\n')
            {
                extra |= TokenFlags.JoinedToNext;
            }
            if (hyphen && onlySpace)
            {
                extra |= TokenFlags.HyphenToNext;
            }
            if (comma)
            {
                extra |= TokenFlags.CommaAfter;
            }
            if (extra != TokenFlags.None)
            {
                tokens[^1] = last with { Flags = last.Flags | extra };
            }
            if (ends)
            {
                sentence++;
                sentenceStart = true;
            }
            else if (clause)
            {
                sentenceStart = true;
            }
        }
        CloseParagraph(text, tokens, paragraphStartToken, paragraphStartChar, text.Length);
        MarkConnectors(tokens);
        Token[] result = [.. tokens];
        if (tokens.Capacity > MaxScratchTokens)
        {
            // An unusually long text: do not keep its list alive on this thread.
            _scratch = null;
        }
        return result;
    }

    /// <summary>
    /// The word as a string, lower-cased and as a name key, remembered per thread: news text repeats most of its
    /// words ("the", "said", a name), and making the three strings again for each repeat cost more than the lookup.
    /// </summary>
    private static (string Word, string Lower, string Key) WordForms(ReadOnlySpan<char> span)
    {
        var cache = _wordForms ??= new Dictionary<string, (string Lower, string Key)>(StringComparer.Ordinal);
        if (cache.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(span, out var word, out var forms))
        {
            return (word, forms.Lower, forms.Key);
        }

        if (cache.Count >= MaxCachedWords)
        {
            cache.Clear();
        }

        word = span.ToString();
        var lower = word.ToLowerInvariant();
        var key = NameKey.Of(word, lower);
        cache[word] = (lower, key);
        return (word, lower, key);
    }

    public static bool IsAllCaps(string word)
    {
        var letters = 0;
        foreach (var ch in word)
        {
            if (char.IsLetter(ch))
            {
                if (!char.IsUpper(ch))
                {
                    return false;
                }
                letters++;
            }
        }
        return letters > 0;
    }

    private static bool IsAbbreviation(string word, bool possessive) => !possessive && Abbreviations.Precede(word);

    private static void MarkConnectors(List<Token> tokens)
    {
        for (var k = 1; k < tokens.Count - 1; k++)
        {
            var t = tokens[k];
            if (t.Text.Length <= 2 && char.IsLower(t.Text[0]) && t.Has(TokenFlags.HyphenToNext) && tokens[k - 1].Has(TokenFlags.HyphenToNext))
            {
                tokens[k] = t with { Flags = t.Flags | TokenFlags.Connector };
            }
        }
    }
}

using System.Globalization;
using System.Text;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// A spelling-tolerant key for a name token: case and accents folded, and the transliteration variants
/// that differ most often in news text merged (ee/i, oo/ou/u, ph/f, doubled letters).
/// "Tehreek" and "Tehrik" share the key "tehrik"; "Türkiye" and "Turkiye" share "turkiye".
/// </summary>
internal static class NameKey
{
    public static string Of(string word) => Of(word, word.ToLowerInvariant());

    /// <summary>The key of <paramref name="word"/>, given its lower-case form so the tokenizer lowers each word once.</summary>
    public static string Of(string word, string lower)
    {
        var folded = IsAscii(lower) ? lower : Fold(word);
        if (word.Length <= 6 && Tokenizer.IsAllCaps(word))
        {
            // Acronyms are spelt exactly: "UNN" is not "UN".
            return folded.Contains('.') ? folded.Replace(".", "", StringComparison.Ordinal) : folded;
        }
        Span<char> buffer = folded.Length <= 64 ? stackalloc char[64] : new char[folded.Length];
        var n = 0;
        for (var k = 0; k < folded.Length; k++)
        {
            var c = folded[k];
            if (c is '\'' or '’' or '.' or '-')
            {
                continue;
            }
            var next = k + 1 < folded.Length ? folded[k + 1] : '\0';
            if (c == 'e' && next == 'e')
            {
                c = 'i';
                k++;
            }
            else if (c == 'o' && next is 'o' or 'u')
            {
                c = 'u';
                k++;
            }
            else if (c == 'p' && next == 'h')
            {
                c = 'f';
                k++;
            }
            else if (c == 'y')
            {
                c = 'i';
            }
            if (n > 0 && buffer[n - 1] == c && char.IsLetter(c))
            {
                continue;
            }
            buffer[n++] = c;
        }
        var key = buffer[..n];
        return key.SequenceEqual(folded) ? folded : new string(key);
    }

    private static bool IsAscii(string word) => System.Text.Ascii.IsValid(word);

    public static string Fold(string word)
    {
        if (IsAscii(word))
        {
            return word.ToLowerInvariant();
        }
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            sb.Append(ch switch { 'ı' => 'i', '’' => '\'', 'ß' => 's', _ => char.ToLowerInvariant(ch) });
        }
        return sb.ToString();
    }

    /// <summary>Edit distance at most one, for linking a surname spelt two ways in one article.</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }
            if (++edits > 1)
            {
                return false;
            }
            if (a.Length > b.Length)
            {
                i++;
            }
            else if (b.Length > a.Length)
            {
                j++;
            }
            else
            {
                i++;
                j++;
            }
        }
        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }
}

using System.Globalization;
using System.Text;

namespace NewsSearch.SearchStore.Querying;

/// <summary>
/// Folds names for comparison the way the index folds words: case, diacritics and punctuation ignored,
/// so "Türkiye", "turkiye" and "TURKIYE" share one key, and "Tehreek-e-Taliban" keys as "tehreek e taliban".
/// </summary>
public static class TextKey
{
    public static string Fold(string text) =>
        Ascii.IsValid(text) ? FoldAscii(text) : string.Join(' ', QueryParser.Words(text).Select(FoldWord));

    /// <summary>
    /// The same key for plain ASCII text, which most names are, without the Unicode normalisation: runs of letters
    /// and digits, lower-cased, one space between them. The store folds every actor name and alias it indexes.
    /// </summary>
    private static string FoldAscii(string text)
    {
        var key = new StringBuilder(text.Length);
        var inWord = false;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c)) { inWord = false; continue; }
            if (!inWord && key.Length > 0) key.Append(' ');
            key.Append(char.ToLowerInvariant(c));
            inWord = true;
        }
        return key.ToString();
    }

    public static string FoldWord(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark) continue;
            builder.Append(c);
        }
        return builder.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }
}

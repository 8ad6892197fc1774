using System.Globalization;
using System.Text;

namespace NewsSearch.SearchStore.Querying;

/// <summary>
/// Folds names for comparison the way the index folds words: case, diacritics and punctuation ignored,
/// so "Türkiye", "turkiye" and "TURKIYE" share one key, and "Tehreek-e-Taliban" keys as "tehreek e taliban".
/// </summary>
public static class TextKey
{
    public static string Fold(string text) => string.Join(' ', QueryParser.Words(text).Select(FoldWord));

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

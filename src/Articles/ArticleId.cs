using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsSearch.Articles;

/// <summary>
/// The stable identity of an article: a hash of its normalised text, so the same article sent
/// twice (or re-sent after a crash) always gets the same id.
/// </summary>
public static partial class ArticleId
{
    public const int Length = 16;

    public static string FromText(string text)
    {
        var normalised = Normalise(text);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalised));
        return Convert.ToHexStringLower(hash)[..Length];
    }

    /// <summary>Unicode NFC, unified line endings, runs of blanks folded, lines trimmed, ends trimmed.</summary>
    public static string Normalise(string text)
    {
        var nfc = text.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n").Replace('\r', '\n');
        var folded = HorizontalWhitespace().Replace(nfc, " ");
        var lines = folded.Split('\n').Select(line => line.Trim());
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    public static bool IsWellFormed(string? id) =>
        id is { Length: Length } && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    [GeneratedRegex(@"[^\S\n]+")]
    private static partial Regex HorizontalWhitespace();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}

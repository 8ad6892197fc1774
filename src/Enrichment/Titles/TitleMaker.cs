using System.Text.RegularExpressions;
using NewsSearch.Enrichment.Text;

namespace NewsSearch.Enrichment.Titles;

/// <summary>
/// The title: the headline line when the article has one, otherwise the lead sentence pressed into a
/// headline — attribution and side clauses dropped, at most <see cref="MaxLength"/> characters, ending on a word.
/// </summary>
public static partial class TitleMaker
{
    public const int MaxLength = 120;
    public const string Untitled = "(untitled)";
    private const int MinClauseCut = 40;

    public static string Make(string? headline, string body)
    {
        if (!string.IsNullOrWhiteSpace(headline))
        {
            return headline.Trim();
        }

        var title = FromLead(SentenceSplitter.FirstSentence(body));
        return title.Length > 0 ? title : Untitled;
    }

    public static string FromLead(string sentence)
    {
        var text = sentence.Trim().TrimEnd('.', '!', ' ');
        text = Parenthetical().Replace(text, string.Empty);
        if (text.Length <= MaxLength)
        {
            return Tidy(text);
        }

        // "Talks have stalled, officials said on Tuesday": the attribution is not the news.
        text = TrailingAttribution().Replace(text, string.Empty);
        // ", aimed at resolving ...," / ", which ...," — side clauses a headline leaves out.
        text = SideClause().Replace(text, string.Empty);
        if (text.Length <= MaxLength)
        {
            return Tidy(text);
        }

        var cut = LastClauseBreak(text);
        if (cut >= MinClauseCut)
        {
            return Tidy(text[..cut]);
        }

        return Tidy(CutOnWord(text, MaxLength));
    }

    private static int LastClauseBreak(string text)
    {
        var limit = Math.Min(text.Length, MaxLength + 1);
        for (var i = limit - 1; i >= MinClauseCut; i--)
        {
            if (text[i] is ',' or ';' or ':' or '\u2014' or '\u2013')
            {
                return i;
            }
        }

        return -1;
    }

    private static string CutOnWord(string text, int max)
    {
        var cut = text.LastIndexOf(' ', max);
        var head = cut > 0 ? text[..cut] : text[..max];
        // A title that ends on "and" or "of" reads as broken: drop the dangling function words.
        var words = head.Split(' ').ToList();
        while (words.Count > 3 && DanglingWord().IsMatch(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words);
    }

    private static string Tidy(string text) => MultipleSpaces().Replace(text, " ").Trim().TrimEnd(',', ';', ':', '-', '\u2013', '\u2014', ' ');

    [GeneratedRegex(@"\s*\([^()]{0,80}\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@",\s*(?:[\p{L}'’\- ]{0,60}?\s)?(?:said|says|told|reported|reports|announced|according to)\b[^,]*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingAttribution();

    [GeneratedRegex(@",\s*(?:which|who|whose|where|aimed|seeking|hoping|mediated|hosted|backed|led|following|amid|despite|as)\b[^,]{3,100},(?!\s*\d)")]
    private static partial Regex SideClause();

    [GeneratedRegex(@"^(?:and|or|but|of|the|a|an|to|in|on|at|for|with|by|as|from|that|its|their|his|her)$", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingWord();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();
}

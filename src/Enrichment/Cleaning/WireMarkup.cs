using System.Net;
using System.Text.RegularExpressions;

namespace NewsSearch.Enrichment.Cleaning;

/// <summary>
/// The markup wire archives leave in their plain text: HTML entities ("&amp;lt;Cominco Ltd&gt;", "AT&amp;amp;T"), the
/// end-of-text control character ("&amp;#3;"), company names marked with angle brackets ("&lt;Texaco Canada Inc&gt;")
/// and ticker symbols ("Texaco Inc &lt;TX&gt;"). A reader sees "Cominco Ltd" and "Texaco Inc"; so do the rules.
/// Text without any of it comes back unchanged (the same string).
/// </summary>
public static partial class WireMarkup
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('&', '<', '\u0003') < 0)
        {
            return text;
        }

        var decoded = text.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(text) : text;
        // Control characters other than line breaks, tabs and form feeds (which the unwrapper reads) carry nothing.
        decoded = ControlCharacter().Replace(decoded, string.Empty);
        return Bracketed().Replace(decoded, m => Ticker().IsMatch(m.Groups["inside"].Value) ? string.Empty : m.Groups["lead"].Value + m.Groups["inside"].Value);
    }

    /// <summary>A capitalised name in angle brackets, possibly wrapped over a line ("&lt;Pine\nPoint Mines Ltd&gt;"); not an HTML tag.</summary>
    [GeneratedRegex(@"(?<lead>\s?)<(?<inside>[\p{Lu}\d][^<>=""/]{0,80})>")]
    private static partial Regex Bracketed();

    /// <summary>"TX", "BP.L", "GM.N": an exchange symbol, not a name.</summary>
    [GeneratedRegex(@"^[A-Z]{1,5}(?:\.[A-Z]{1,2})?$")]
    private static partial Regex Ticker();

    [GeneratedRegex(@"[\u0000-\u0008\u000B\u000E-\u001F\u007F]")]
    private static partial Regex ControlCharacter();
}

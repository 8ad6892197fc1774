using System.Buffers;
using System.Net;
using System.Text.RegularExpressions;

namespace NewsSearch.Enrichment.Cleaning;

/// <summary>
/// The markup wire archives leave in their plain text: HTML entities ("&amp;lt;Cominco Ltd&gt;", "AT&amp;amp;T"), the
/// end-of-text control character ("&amp;#3;"), company names marked with angle brackets ("&lt;Texaco Canada Inc&gt;")
/// and ticker symbols after them ("Texaco Inc &lt;TX&gt;"). A reader sees "Cominco Ltd" and "Texaco Inc"; so do the rules.
/// Only a name ending in a legal form and a symbol after one are taken for the wire's marks, so "x&lt;Y and Y&gt;z" or a
/// tag in a pasted page stays as it is. Text without any of it comes back unchanged (the same string).
/// </summary>
public static partial class WireMarkup
{
    /// <summary>What can start a mark: an entity, a bracket, or a control character other than line breaks, tabs and form feeds.</summary>
    private static readonly SearchValues<char> MarkStarts = SearchValues.Create(
        "&<\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    /// <summary>The abbreviated legal forms wire copy writes after a company's name (a pattern, as the marks are found by regex).</summary>
    private const string LegalForm = "Inc|Corp|Co|Cos|Ltd|Plc|PLC|LP|AG|SA|NV";

    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(MarkStarts) < 0)
        {
            return text;
        }

        var decoded = text.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(text) : text;
        // Control characters other than line breaks, tabs and form feeds (which the unwrapper reads) carry nothing.
        decoded = ControlCharacter().Replace(decoded, string.Empty);
        decoded = Ticker().Replace(decoded, string.Empty);
        return CompanyInBrackets().Replace(decoded, m => m.Groups["name"].Value);
    }

    /// <summary>A company's name in angle brackets, possibly wrapped over a line ("&lt;Pine\nPoint Mines Ltd&gt;"), ending in its legal form.</summary>
    [GeneratedRegex(@"<(?<name>\p{Lu}[^<>=""/@]{0,80}?\b(?:" + LegalForm + @"|Corporation|Company|Limited)\.?)>")]
    private static partial Regex CompanyInBrackets();

    /// <summary>"Texaco Inc &lt;TX&gt;", "&lt;Cominco Ltd&gt; &lt;CLT.TO&gt;": an exchange symbol right after a legal form or a bracketed name.</summary>
    [GeneratedRegex(@"(?<=\b(?:" + LegalForm + @")\.?>?)\s?<[A-Z]{1,5}(?:\.[A-Z]{1,2})?>")]
    private static partial Regex Ticker();

    [GeneratedRegex(@"[\u0000-\u0008\u000B\u000E-\u001F\u007F]")]
    private static partial Regex ControlCharacter();
}

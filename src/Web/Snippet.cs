using System.Net;
using System.Text.RegularExpressions;

namespace NewsSearch.Web;

/// <summary>A stretch of snippet text, highlighted or not.</summary>
public sealed record SnippetPart(string Text, bool Marked);

/// <summary>
/// The API promises HTML-safe snippets with &lt;mark&gt; around matches. The page does not take that on trust:
/// it decodes the snippet, keeps only the mark boundaries, and lets Razor encode every piece of text again.
/// </summary>
public static partial class Snippet
{
    public static IReadOnlyList<SnippetPart> Parse(string snippet)
    {
        var parts = new List<SnippetPart>();
        var marked = false;
        foreach (var piece in MarkTag().Split(snippet))
        {
            switch (piece)
            {
                case "<mark>":
                    marked = true;
                    break;
                case "</mark>":
                    marked = false;
                    break;
                case { Length: > 0 }:
                    parts.Add(new SnippetPart(WebUtility.HtmlDecode(piece), marked));
                    break;
            }
        }
        return parts;
    }

    [GeneratedRegex("(</?mark>)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkTag();
}

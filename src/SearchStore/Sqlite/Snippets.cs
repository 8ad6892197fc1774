using System.Text;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>Turns FTS5 snippet output into HTML: matches in &lt;mark&gt;, every other character escaped.</summary>
internal static class Snippets
{
    /// <summary>Private-use characters FTS5 puts around matches; the store keeps them out of indexed text.</summary>
    public const char Open = '\uE000';
    public const char Close = '\uE001';
    public const int Tokens = 30;
    private const int PlainLength = 240;

    public static string ToHtml(string marked)
    {
        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] is not (Open or Close)) continue;
            html.Append(Escape(marked[start..i]));
            start = i + 1;
            if (i == marked.Length) break;
            // Balanced even if a marker slipped into the text: a tag is never opened twice or closed unopened.
            if (marked[i] == Open && !open) { html.Append("<mark>"); open = true; }
            else if (marked[i] == Close && open) { html.Append("</mark>"); open = false; }
        }
        if (open) html.Append("</mark>");
        return html.ToString();
    }

    /// <summary>Escapes the five HTML-significant characters and nothing else, so "Türkiye" stays readable.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    /// <summary>The start of the body, cut at a word boundary, for hits without a text match.</summary>
    public static string Lead(string body)
    {
        var text = body.Replace(Open, ' ').Replace(Close, ' ').Trim();
        if (text.Length <= PlainLength) return Escape(text);
        var cut = text.LastIndexOf(' ', PlainLength);
        return Escape(text[..(cut > PlainLength / 2 ? cut : PlainLength)]) + "…";
    }
}

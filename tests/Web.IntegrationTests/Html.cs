using System.Net;
using System.Text.RegularExpressions;

namespace NewsSearch.Web.IntegrationTests;

/// <summary>Just enough HTML reading for assertions: fetch a page, find elements by a distinctive fragment.</summary>
public static partial class Html
{
    public static async Task<(HttpStatusCode Status, string Body)> PageAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Every start tag that contains <paramref name="fragment"/>.</summary>
    public static IReadOnlyList<string> Tags(string html, string fragment) =>
        [.. StartTag().Matches(html).Select(m => m.Value).Where(tag => tag.Contains(fragment, StringComparison.Ordinal))];

    /// <summary>The text of the first element with this id, tags removed and entities decoded.</summary>
    public static string TextOf(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        if (start < 0) return "";
        var open = html.IndexOf('>', start) + 1;
        var tagStart = html.LastIndexOf('<', start);
        var name = TagName().Match(html, tagStart + 1).Value;
        var close = html.IndexOf($"</{name}>", open, StringComparison.Ordinal);
        return Text(html[open..close]);
    }

    /// <summary>The visible text of a fragment: tags dropped, entities decoded, white space folded.</summary>
    public static string Text(string html) =>
        Whitespace().Replace(WebUtility.HtmlDecode(AnyTag().Replace(html, " ")), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<[a-zA-Z][^>]*>")]
    private static partial Regex StartTag();

    [GeneratedRegex("[a-zA-Z0-9]+")]
    private static partial Regex TagName();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex AnyTag();
}

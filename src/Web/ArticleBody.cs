using System.Text.RegularExpressions;
using NewsSearch.Articles;

namespace NewsSearch.Web;

/// <summary>One stretch of body text: plain, or a mention of <see cref="Actor"/>.</summary>
public sealed record BodySegment(string Text, ActorMention? Actor = null);

/// <summary>
/// Splits an article body into paragraphs of segments, marking every place an actor's name or alias
/// appears. The page renders segments as text (so the body is always HTML-encoded) and mentions as links.
/// </summary>
public static class ArticleBody
{
    /// <summary>News text puts one paragraph per line more often than it leaves blank lines: any line break starts one.</summary>
    private static readonly Regex ParagraphBreak = new(@"\s*\n\s*", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static IReadOnlyList<IReadOnlyList<BodySegment>> Segment(string body, IReadOnlyList<ActorMention> actors)
    {
        var matcher = BuildMatcher(actors, out var actorByTerm);
        return
        [
            .. ParagraphBreak.Split(body.Trim())
                .Where(paragraph => paragraph.Length > 0)
                .Select(paragraph => SegmentParagraph(paragraph, matcher, actorByTerm)),
        ];
    }

    private static IReadOnlyList<BodySegment> SegmentParagraph(string paragraph, Regex? matcher, Dictionary<string, ActorMention> actorByTerm)
    {
        if (matcher is null) return [new BodySegment(paragraph)];
        var segments = new List<BodySegment>();
        var position = 0;
        foreach (Match match in matcher.Matches(paragraph))
        {
            if (match.Index > position) segments.Add(new BodySegment(paragraph[position..match.Index]));
            segments.Add(new BodySegment(match.Value, actorByTerm[match.Value]));
            position = match.Index + match.Length;
        }
        if (position < paragraph.Length) segments.Add(new BodySegment(paragraph[position..]));
        return segments;
    }

    /// <summary>
    /// One alternation of every name and alias, longest first so "Khawaja Asif" wins over "Asif"; bounded by
    /// non-letters so "Iran" does not match inside "Iranian". Terms are escaped: they come from data, not from us.
    /// </summary>
    private static Regex? BuildMatcher(IReadOnlyList<ActorMention> actors, out Dictionary<string, ActorMention> actorByTerm)
    {
        actorByTerm = new Dictionary<string, ActorMention>(StringComparer.Ordinal);
        foreach (var actor in actors.OrderByDescending(a => a.Mentions))
            foreach (var term in actor.Aliases.Prepend(actor.Name).Select(t => t.Trim()).Where(t => t.Length >= 2))
                actorByTerm.TryAdd(term, actor);
        if (actorByTerm.Count == 0) return null;
        var alternation = string.Join('|', actorByTerm.Keys.OrderByDescending(t => t.Length).Select(Regex.Escape));
        return new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{alternation})(?![\p{{L}}\p{{N}}])",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}

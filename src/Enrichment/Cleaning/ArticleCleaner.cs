using System.Text;
using System.Text.RegularExpressions;
using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Cleaning;

/// <summary>
/// The article as text a reader would recognise: the headline line (when the text starts with one),
/// the body without site chrome, the reader comments split off, and the chrome that was removed —
/// kept because a site's own footer or address is evidence of the publisher.
/// </summary>
public sealed record CleanedArticle(
    string? Headline,
    string Body,
    IReadOnlyList<ReaderComment> Comments,
    IReadOnlyList<string> Chrome,
    Dateline? Dateline);

/// <summary>
/// Removes what web pages wrap around an article when they are copied as text: blog headers with
/// author and comment counters, share and cookie banners, "Post a Comment" boxes, image credits,
/// and the reader comments at the end.
/// </summary>
public static partial class ArticleCleaner
{
    private const int MaxHeadlineLength = 200;

    /// <summary>Lines above the story (site name, address, menus, byline) are short; the first longer line is prose.</summary>
    private const int MaxHeaderLineLength = 120;
    private const int MaxHandleLength = 32;

    public static CleanedArticle Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var kept = new List<string>(lines.Length);
        var chrome = new List<string>();
        var comments = new List<ReaderComment>();

        var end = lines.Length;
        var storyStarted = false;
        for (var i = 0; i < end; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                kept.Add(string.Empty);
                continue;
            }

            if (CommentsHeader().IsMatch(line) && TryReadComments(lines, i + 1, comments))
            {
                chrome.Add(line);
                break;
            }

            if (IsTrailingChrome(line) && !LooksLikeProse(lines, i + 1))
            {
                // A comment box or cookie banner closes the article: whatever follows is page furniture.
                for (var j = i; j < end; j++)
                {
                    var rest = lines[j].Trim();
                    if (rest.Length > 0)
                    {
                        chrome.Add(rest);
                    }
                }

                break;
            }

            if (IsChromeLine(line) || IsAuthorCounter(lines, i) || NavigationLine().IsMatch(line))
            {
                chrome.Add(line);
                continue;
            }

            // Above the story, a bare address is the site's own, and a short line right above it is the site's name.
            var inHeader = !storyStarted;
            if (inHeader && StandaloneUrl().IsMatch(line))
            {
                var nameIndex = kept.FindLastIndex(l => l.Length > 0);
                if (nameIndex >= 0 && kept.Take(nameIndex).All(l => l.Length == 0) && kept[nameIndex].Split(' ').Length <= 5)
                {
                    chrome.Add(kept[nameIndex]);
                    kept[nameIndex] = string.Empty;
                }

                chrome.Add(line);
                continue;
            }

            // "By Sofia Mendes" over "BBC News, Lisbon": the line under a byline names the outlet and the place.
            if (inHeader && PreviousLine(lines, i) is { } above && ChromeLine().IsMatch(above) && above.StartsWith("By ", StringComparison.Ordinal)
                && BylineDesk().IsMatch(line))
            {
                chrome.Add(line);
                continue;
            }

            var credit = ImageCredit().Match(line);
            if (credit.Success)
            {
                chrome.Add(credit.Value.Trim());
                line = line[..credit.Index].TrimEnd();
                if (line.Length == 0)
                {
                    continue;
                }
            }

            kept.Add(line);
            storyStarted |= line.Length > MaxHeaderLineLength;
        }

        // The story's last lines may be the wire that wrote it ("(Reporting by …)" then "Reuter"); evidence, not prose.
        for (var signOffs = 0; signOffs < 2; signOffs++)
        {
            var last = kept.FindLastIndex(l => l.Length > 0);
            if (last < 0 || !WireSignOff.IsSignOff(kept[last]))
            {
                break;
            }

            chrome.Add(kept[last]);
            kept[last] = string.Empty;
        }

        Dateline? dateline = null;
        string? headline = null;
        var firstIndex = kept.FindIndex(l => l.Length > 0);
        if (firstIndex >= 0)
        {
            var datelineIndex = kept.FindIndex(firstIndex, l => l.Length > 0 && DatelineReader.Read(l) is not null);
            if (datelineIndex >= 0 && kept.Skip(firstIndex).Take(datelineIndex - firstIndex).Count(l => l.Length > 0) <= 2)
            {
                var (found, length) = DatelineReader.Read(kept[datelineIndex])!.Value;
                dateline = found;
                kept[datelineIndex] = kept[datelineIndex][length..].TrimStart();
                // Everything above a dateline is the headline (or its caption): the story starts at the dateline.
                if (datelineIndex > firstIndex)
                {
                    headline = TrimHeadline(kept[firstIndex]);
                    kept[firstIndex] = string.Empty;
                }
            }
            else if (IsHeadline(kept, firstIndex))
            {
                // A one- or two-word line over a headline is the section label ("World", "South Asia"), not the headline.
                var next = kept.FindIndex(firstIndex + 1, l => l.Length > 0);
                if (next > 0 && kept[firstIndex].Split(' ').Length <= 2 && IsHeadline(kept, next) && kept[next].Split(' ').Length > 3)
                {
                    chrome.Add(kept[firstIndex]);
                    kept[firstIndex] = string.Empty;
                    firstIndex = next;
                }

                headline = TrimHeadline(kept[firstIndex]);
                kept[firstIndex] = string.Empty;
            }
        }

        return new CleanedArticle(headline, JoinParagraphs(kept), comments, chrome, dateline);
    }

    private static string? PreviousLine(string[] lines, int index)
    {
        for (var j = index - 1; j >= 0; j--)
        {
            if (lines[j].Trim() is { Length: > 0 } line)
            {
                return line;
            }
        }

        return null;
    }

    private static bool IsHeadline(List<string> lines, int index)
    {
        var line = lines[index];
        if (line.Length > MaxHeadlineLength || !lines.Skip(index + 1).Any(l => l.Length > 0))
        {
            return false;
        }

        // A headline does not end like a sentence; a lead paragraph does. A short question or exclamation still heads.
        return line[^1] switch
        {
            '.' or ',' or ';' or ':' or '"' or '\u201D' or '\'' or '\u2019' => false,
            '?' or '!' => line.Length <= 120,
            _ => true,
        };
    }

    private static string TrimHeadline(string line) => line.TrimEnd('.', ' ', ':').Trim();

    private static bool IsChromeLine(string line) =>
        line.Length <= 300 && (ChromeLine().IsMatch(line) || OnlyDigits().IsMatch(line));

    private static bool IsTrailingChrome(string line) => TrailingChrome().IsMatch(line);

    /// <summary>
    /// Blog templates print the author's handle over a comment counter ("zesham" then "0"):
    /// a lone short token directly above a number.
    /// </summary>
    private static bool IsAuthorCounter(string[] lines, int index)
    {
        var line = lines[index].Trim();
        if (line.Length > MaxHandleLength || !Handle().IsMatch(line))
        {
            return false;
        }

        var next = NextNonEmpty(lines, index + 1);
        return next is not null && OnlyDigits().IsMatch(next);
    }

    private static string? NextNonEmpty(string[] lines, int start)
    {
        for (var i = start; i < lines.Length; i++)
        {
            var t = lines[i].Trim();
            if (t.Length > 0)
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>A closing marker such as "Share this" only ends the article when no paragraph of prose follows it.</summary>
    private static bool LooksLikeProse(string[] lines, int start)
    {
        for (var i = start; i < lines.Length; i++)
        {
            var t = lines[i].Trim();
            if (t.Length == 0 || IsChromeLine(t) || IsTrailingChrome(t))
            {
                continue;
            }

            return t.Length > 200 && !t.Contains("cookie", StringComparison.OrdinalIgnoreCase) && !t.Contains("http", StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    /// <summary>
    /// Reader comments come as handle / text pairs after a "5 Comments" header. The pairs must really
    /// alternate (a short handle line, then prose), otherwise the header is left alone.
    /// </summary>
    private static bool TryReadComments(string[] lines, int start, List<ReaderComment> comments)
    {
        var items = new List<string>();
        for (var i = start; i < lines.Length; i++)
        {
            var t = lines[i].Trim();
            // "Post a Comment", "Newer Post Older Post Home": the comment box closes the comments.
            if (t.Length > 0 && IsTrailingChrome(t))
            {
                break;
            }

            // Comment widgets print buttons and timestamps between the comments; "Ana says:" is the handle Ana.
            if (t.Length > 0 && !CommentFurniture().IsMatch(t))
            {
                items.Add(Says().Replace(t, string.Empty));
            }
        }

        var found = new List<ReaderComment>();
        var index = 0;
        while (index < items.Count)
        {
            var author = items[index];
            if (author.Length > MaxHandleLength || !CommentAuthor().IsMatch(author) || index + 1 >= items.Count)
            {
                return false;
            }

            var text = new StringBuilder(items[index + 1]);
            index += 2;
            while (index < items.Count && !(items[index].Length <= MaxHandleLength && CommentAuthor().IsMatch(items[index]) && index + 1 < items.Count))
            {
                text.Append('\n').Append(items[index]);
                index++;
            }

            found.Add(new ReaderComment(author, text.ToString()));
        }

        if (found.Count == 0)
        {
            return false;
        }

        comments.AddRange(found);
        return true;
    }

    private static string JoinParagraphs(List<string> lines)
    {
        var sb = new StringBuilder();
        var blank = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank = sb.Length > 0;
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(blank ? "\n\n" : "\n");
            }

            sb.Append(line);
            blank = false;
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(?:\d+\s*(?:Comments?|Responses?|Replies|thoughts on .{1,200})|Comments?\s*\(\d+\)|(?:Reader |User )?Comments|Join the (?:discussion|conversation))\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex CommentsHeader();

    [GeneratedRegex(@"^(?:Post a Comment(?:\s*\(\d+\))?|\d+\s*Comments?|Leave a (?:Reply|Comment)|Add a comment|(?:You|We) (?:may|might) also like|Related (?:Posts|Articles|Stories)|More (?:from|stories)\b.*|Share this(?: article| story)?:?|#buttons=.*|Newer Posts?|Older Posts?|Subscribe to:?.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingChrome();

    [GeneratedRegex(@"^(?:(?:Share|Tweet|Pin|Email|Print|WhatsApp|Facebook|Twitter|LinkedIn|Telegram|Reddit)(?:\s*(?:on|this|via|it))?[\s,|/:]*)+$|^(?:Advertisement|ADVERTISEMENT|Sponsored|(?i:read more)\b:?.{0,120}|Also read:?.{0,160}|READ MORE:?.{0,160}|Click here.{0,120}|Follow us on.{0,120}|Subscribe(?: to our newsletter| now)?.{0,80}|Sign up.{0,100}newsletter.{0,60}|Tags?:.{0,160}|Labels?:.{0,160}|Posted (?:by|in).{0,100}|Skip to (?:main )?content|Menu|Home|Search|Toggle navigation|Loading\.*|Ok, Go it!|Got it!?|Accept(?: all)?(?: cookies)?|Check Now|Cookies? (?:Consent|Policy|Settings)|.{0,200}\b(?:uses|use) cookies\b.{0,200}|Copyright\b.{0,120}|©.{0,120}|All rights reserved\.?|(?:Image|Photo|Picture|Photograph|Illustration|File photo)s?(?: credit)?\s*:.{0,80}|\d{1,3} min(?:ute)?s? read|Listen to (?:this )?article.{0,40}|(?:Published|Updated|Posted|Last updated)\b.{0,80}|By [\p{Lu}][\p{L}.'’\-]+(?: (?:[\p{Lu}][\p{L}.'’\-]+|al|bin|de|van|von)){0,4}(?:\s*(?:[|,/–—-]|and)\s*[^.!?]{0,60})?|(?:Staff Reporter|Our Correspondent|Web Desk|News Desk|Monitoring Desk|Special Correspondent)|(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,? \d{4}|\d{4}-\d{2}-\d{2})(?:,? (?:at )?\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?: [A-Z]{2,5})?)?)$")]
    private static partial Regex ChromeLine();

    [GeneratedRegex(@"^(?:Reply|Report|Like|Share|Flag|\d+\s*(?:likes?|replies|points?)|\d+\s*(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}(?:,? (?:at )?\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?)?|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,? \d{4}(?:,? (?:at )?\d{1,2}[:.]\d{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex CommentFurniture();

    [GeneratedRegex(@"\s+says:$")]
    private static partial Regex Says();

    [GeneratedRegex(@"^\d{1,6}$")]
    private static partial Regex OnlyDigits();

    [GeneratedRegex(@"^[\p{L}\p{N}_.\-]{2,}$")]
    private static partial Regex Handle();

    [GeneratedRegex(@"^(?:@?[\p{L}\p{N}_.\-]+)(?: [\p{L}\p{N}_.\-]+){0,2}$")]
    private static partial Regex CommentAuthor();

    /// <summary>"Image: Modern Diplomacy." at the end of a caption line, or a whole credit line.</summary>
    [GeneratedRegex(@"(?:^|(?<=[.!?\u201D""]\s))\(?(?:Image|Photo|Picture|Photograph|Illustration|File photo)s?(?: credits?)?\s*[:\u2013\u2014-]\s*[^.:\n]{1,60}\.?\)?\s*$")]
    private static partial Regex ImageCredit();

    /// <summary>"Home | About me | Archive | Contact": a menu of short items.</summary>
    [GeneratedRegex(@"^[\p{L}][\p{L}' ]{0,20}(?:\s+\|\s+[\p{L}][\p{L}' ]{0,20}){2,}$")]
    private static partial Regex NavigationLine();

    [GeneratedRegex(@"^\s*(?:https?://|www\.)\S+\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StandaloneUrl();

    /// <summary>"BBC News, Lisbon", "Reuters": an outlet (and desk) in a few capitalised words without a sentence's punctuation.</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}&'’.\-]*(?: \p{Lu}[\p{L}&'’.\-]*){0,3}(?:, \p{Lu}[\p{L}'’.\-]*(?: \p{Lu}[\p{L}'’.\-]*){0,2})?$")]
    private static partial Regex BylineDesk();
}

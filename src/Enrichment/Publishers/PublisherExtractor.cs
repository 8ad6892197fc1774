using System.Globalization;
using System.Text.RegularExpressions;
using NewsSearch.Articles;
using NewsSearch.Enrichment.Cleaning;

namespace NewsSearch.Enrichment.Publishers;

/// <summary>Who published the article (with the evidence), and which outlets it merely cites.</summary>
public sealed record PublisherFinding(string Source, Evidence? Evidence, IReadOnlyList<string> Cites);

/// <summary>
/// Names the publisher only from evidence that the publisher itself put there: a dateline
/// ("(The Post News) –"), a footer ("© 2025 Dawn", "originally published by"), or the site's own address in
/// its page furniture. An outlet the article quotes or credits ("told Reuters", "according to Geo News")
/// is a citation, never the publisher; with no evidence the publisher is <see cref="EnrichedArticle.UnknownSource"/>.
/// </summary>
public sealed partial class PublisherExtractor(OutletDirectory outlets)
{
    /// <summary>Words every footer statement contains; most articles have none, so the footer pattern is skipped.</summary>
    private static readonly string[] FooterCues = ["©", "(c)", "Copyright", "published", "appeared", "Published", "Source:"];

    /// <summary>Host names and words that say what a site or a name is (Data/outlets.json).</summary>
    private static readonly PublisherWords Words = PublisherWords.Default;

    public static PublisherExtractor CreateDefault() => new(OutletDirectory.Default);

    public PublisherFinding Extract(string rawText, CleanedArticle cleaned, string? metadataSource)
    {
        var cites = FindCites(cleaned.Body);
        var (source, evidence) = !string.IsNullOrWhiteSpace(metadataSource)
            ? (metadataSource.Trim(), new Evidence("metadata", metadataSource.Trim(), 1.0))
            : Infer(rawText, cleaned);
        var ownName = source;
        return new PublisherFinding(source, evidence, cites.Where(c => !c.Equals(ownName, StringComparison.OrdinalIgnoreCase)).ToList());
    }

    private (string Source, Evidence? Evidence) Infer(string rawText, CleanedArticle cleaned)
    {
        // A known outlet is taken as written ("dpa" is lower case); another name must look like one.
        if (cleaned.Dateline?.Outlet is { Length: > 0 } dateline && (outlets.FindByName(dateline) is not null || LooksLikeOutletName(dateline)))
        {
            return (outlets.FindByName(dateline) ?? dateline, new Evidence("dateline", $"({dateline})", 0.9));
        }

        if (FindFooterStatement(rawText) is { } footer)
        {
            return footer;
        }

        for (var i = 1; i < cleaned.Chrome.Count; i++)
        {
            // "By Sofia Mendes" over "BBC News, Lisbon": the desk line under the byline names the outlet.
            if (cleaned.Chrome[i - 1].StartsWith("By ", StringComparison.Ordinal) && outlets.FindByName(cleaned.Chrome[i].Split(',')[0].Trim()) is { } desk)
            {
                return (desk, new Evidence("byline", cleaned.Chrome[i], 0.8));
            }
        }

        foreach (var line in cleaned.Chrome)
        {
            // "By Tahir Khan | The Express Tribune": the outlet the byline names.
            if (BylineOutlet().Match(line) is { Success: true } byline && ResolveCited(byline.Groups["outlet"].Value.Trim(), strict: false) is { } bylined)
            {
                return (bylined, new Evidence("byline", line, 0.8));
            }

            // "By Jane Doe, Reuters": a known outlet after the reporter's name.
            if (BylineCredit().Match(line) is { Success: true } credit && outlets.FindByName(credit.Groups["outlet"].Value.Trim()) is { } employer)
            {
                return (employer, new Evidence("byline", line, 0.8));
            }

            // "— Reuters", "Reuter", "(Reporting by …)" closing the story: the wire wrote it.
            if (WireSignOff.Outlet(line) is { } signed && outlets.FindByName(signed) is { } credited)
            {
                return (credited, new Evidence("wire-credit", line, 0.7));
            }
        }

        for (var i = 0; i < cleaned.Chrome.Count; i++)
        {
            if (FindSiteAddress(cleaned.Chrome[i]) is { } address)
            {
                // A blog's header names it over its address: "Code & Coffee" over codeandcoffee-notes.blogspot.com.
                var name = i > 0 && NamesHost(cleaned.Chrome[i - 1], address.Url) ? cleaned.Chrome[i - 1] : address.Name;
                return (name, new Evidence("site-address", address.Url, 0.75));
            }
        }

        // A bare address on the last line of the text is the site's own footer, not a link inside the story.
        var lastLine = LastLine(cleaned.Body);
        if (lastLine is not null && StandaloneUrl().IsMatch(lastLine) && FindSiteAddress(lastLine) is { } footerAddress)
        {
            return (footerAddress.Name, new Evidence("site-address", footerAddress.Url, 0.6));
        }

        return SelfReport(rawText) ?? (EnrichedArticle.UnknownSource, null);
    }

    /// <summary>
    /// "Wikinews interviews …", "CNN has learned", "Times reporters attended": an outlet gathering the news itself is the one
    /// reporting it; another outlet's work is cited as "told", "reported" or "according to" instead. Weaker than every
    /// mark the publisher's page carries, so it is asked last, and only a known outlet counts.
    /// </summary>
    private (string, Evidence?)? SelfReport(string rawText)
    {
        foreach (Match match in SelfReportStatement().Matches(rawText))
        {
            // "On Saturday Wikinews interviewed": the outlet's name is the last words before the verb.
            var words = match.Groups["name"].Value.Trim().Split(' ');
            for (var skip = 0; skip < words.Length; skip++)
            {
                if (outlets.FindByName(string.Join(' ', words[skip..])) is { } outlet)
                {
                    return (outlet, new Evidence("self-report", match.Value.Trim(), 0.6));
                }
            }
        }

        return null;
    }

    private (string, Evidence)? FindFooterStatement(string rawText)
    {
        if (!FooterCues.Any(cue => rawText.Contains(cue, StringComparison.Ordinal)))
        {
            return null;
        }

        foreach (Match match in FooterStatement().Matches(rawText))
        {
            var name = match.Groups["name"].Value.Trim().TrimEnd('.', ',');
            var known = outlets.FindByName(name);
            if (known is null && !LooksLikeOutletName(name))
            {
                continue;
            }

            return (known ?? name, new Evidence("footer", match.Value.Trim(), 0.85));
        }

        return null;
    }

    private (string Name, string Url)? FindSiteAddress(string text)
    {
        foreach (Match match in Url().Matches(text))
        {
            var host = match.Groups["host"].Value.ToLowerInvariant();
            if (host.StartsWith("www.", StringComparison.Ordinal))
            {
                host = host[4..];
            }

            if (Words.PlatformHosts.Any(p => host == p || host.EndsWith("." + p, StringComparison.Ordinal)))
            {
                continue;
            }

            var name = outlets.FindByHost(host) ?? NameFromHost(host);
            if (name is not null)
            {
                return (name, match.Value.TrimEnd('/', '"', '\''));
            }
        }

        return null;
    }

    /// <summary>"wikkipaki.blogspot.com" → "Wikkipaki", "daily-news.co.uk" → "Daily News".</summary>
    public static string? NameFromHost(string host)
    {
        var labels = host.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length < 2)
        {
            return null;
        }

        string label;
        var blog = Words.BlogHosts.FirstOrDefault(b => host.EndsWith("." + b, StringComparison.Ordinal));
        if (blog is not null)
        {
            label = labels[0];
        }
        else if (labels.Length >= 3 && labels[^1].Length == 2 && Words.SecondLevelSuffixes.Contains(labels[^2]))
        {
            label = labels[^3];
        }
        else
        {
            label = labels[^2];
        }

        var words = label.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w));
        var name = string.Join(' ', words);
        return name.Length >= 2 ? name : null;
    }

    private List<string> FindCites(string body)
    {
        var found = new List<string>();
        foreach (Match match in CitationContext().Matches(body))
        {
            var name = match.Groups["name"].Value.Trim().TrimEnd('.', '\'', '’');
            var cited = ResolveCited(name, strict: match.Groups["wire"].Success);
            if (cited is not null && !found.Contains(cited))
            {
                found.Add(cited);
            }
        }

        // "Reuters reported": only a known outlet before a reporting verb is a citation ("The army reported" is not).
        foreach (Match verb in ReportVerb().Matches(body))
        {
            var start = Math.Max(0, verb.Index - 60);
            var before = NameBefore().Match(body, start, verb.Index - start);
            if (!before.Success)
            {
                continue;
            }

            var words = before.Groups["name"].Value.Split(' ');
            for (var skip = 0; skip < words.Length; skip++)
            {
                if (outlets.FindByName(string.Join(' ', words.Skip(skip))) is { } cited)
                {
                    if (!found.Contains(cited))
                    {
                        found.Add(cited);
                    }

                    break;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// A name after "told" or "according to" is an outlet when the directory knows it or it is named like
    /// one ("Geo News", "TOLOnews"); after "reported by" an unknown acronym ("UNN") is taken too.
    /// </summary>
    private string? ResolveCited(string name, bool strict)
    {
        // Trim trailing words until a known or outlet-like name remains: "Reuters news agency" → "Reuters".
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0)
        {
            var candidate = string.Join(' ', words).TrimEnd('.', ',', '\'', '’');
            if (outlets.FindByName(candidate) is { } known)
            {
                return known;
            }

            if (LooksLikeOutletName(candidate) && Words.OutletWords.Any(w => candidate.EndsWith(w, StringComparison.Ordinal) || candidate.EndsWith(w.ToLowerInvariant(), StringComparison.Ordinal) && candidate.Length > w.Length))
            {
                // "told the Manchester Evening News": a lower-case article is the sentence's, not the name's.
                return candidate.StartsWith("the ", StringComparison.Ordinal) ? candidate[4..] : candidate;
            }

            words.RemoveAt(words.Count - 1);
        }

        var first = name.Split(' ')[0].TrimEnd('.', ',');
        return strict && Acronym().IsMatch(first) ? first : null;
    }

    /// <summary>Whether every word of a short line is spelled in the address ("Code & Coffee" in codeandcoffee-notes.blogspot.com).</summary>
    private static bool NamesHost(string line, string url)
    {
        var words = line.Split([' ', '&', '-', '\'', '’', '.'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 5 && LooksLikeOutletName(line)
            && words.All(w => w.Length >= 2 && url.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    private static bool LooksLikeOutletName(string name) =>
        name.Length is >= 2 and <= 60 && OutletName().IsMatch(name);

    private static string? LastLine(string body)
    {
        var trimmed = body.TrimEnd();
        var start = trimmed.LastIndexOf('\n');
        return start < 0 ? null : trimmed[(start + 1)..];
    }

    [GeneratedRegex(@"https?://(?<host>[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)+)[^\s""'<>]*|\b(?<host>(?:www\.)[a-z0-9\-]+(?:\.[a-z0-9\-]+)+)", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<name>\b\p{Lu}[\p{L}\p{N}&.\-]*(?: \p{Lu}[\p{L}\p{N}&.\-]*){0,3}) (?:interviews|interviewed|has learned|has obtained|spoke (?:with|to)|(?:reporters?|correspondents?) (?:attended|visited|witnessed|spoke|asked))\b|\binterviewed by (?<name>\p{Lu}[\p{L}\p{N}&.\-]*(?: \p{Lu}[\p{L}\p{N}&.\-]*){0,3})")]
    private static partial Regex SelfReportStatement();

    [GeneratedRegex(@"^\s*(?:https?://|www\.)\S+\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StandaloneUrl();

    [GeneratedRegex(@"^(?:the |The )?[\p{Lu}\p{N}][\p{L}\p{N}&'’.\-]*(?: (?:[\p{Lu}\p{N}&][\p{L}\p{N}&'’.\-]*|of|de|al|el|and)){0,5}$")]
    private static partial Regex OutletName();

    [GeneratedRegex(@"^[A-Z]{2,6}$")]
    private static partial Regex Acronym();

    [GeneratedRegex(@"^By [^|–—]{2,60}?\s*[|–—]\s*(?<outlet>[^|]{2,60})$")]
    private static partial Regex BylineOutlet();

    [GeneratedRegex(@"^By \p{Lu}[\p{L}.'’\- ]{1,60}?,\s*(?<outlet>\p{Lu}[\p{L}&.'’\- ]{1,40})$")]
    private static partial Regex BylineCredit();

    /// <summary>Statements a site prints about itself, usually in its footer.</summary>
    [GeneratedRegex(@"(?:(?:©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?|Copyright\s*(?:©\s*)?\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*|(?:originally|first) (?:published|appeared) (?:in|on|by|at)\s+|This (?:article|story|report) (?:was |is )?(?:originally )?(?:published|appeared) (?:in|on|by)\s+|^Published by\s+|^Published in\s+|^Source:\s*)(?<name>(?:[Tt]he )?[\p{Lu}][\p{L}\p{N}&'’\-]*(?:\.\p{L}+)*(?: [\p{Lu}&][\p{L}\p{N}&'’\-]*(?:\.\p{L}+)*){0,4})", RegexOptions.Multiline)]
    private static partial Regex FooterStatement();

    /// <summary>Contexts in which a name is an outlet being quoted or credited. Case-sensitive but for first letters, so the scan can skip ahead.</summary>
    [GeneratedRegex(@"\b(?:[Tt]old|[Tt]elling|[Tt]ells|[Aa]ccording to(?: (?:a |an )?(?:report|reports|interview|statement)s? (?:by|in|from|with))?|[Ii]n an interview with|[Ss]peaking (?:\w+ly )?(?:to|with)|[Ii]n comments to|[Ii]n a statement to|[Ww]riting (?:in|for)|[Qq]uoted by|[Cc]ited by|(?<wire>(?:[Aa]s )?[Rr]eported by)|broadcaster|news agency|newspaper|daily|channel|outlet|website|magazine|state-run|broadcast by|published by|aired on|(?:said|spoke|speaking|talking|explained|confirmed|revealed)\b[^.\n]{0,60}?\bto)\s+(?<name>(?:the )?[\p{Lu}][\p{L}\p{N}&'’.\-]*(?: (?:[\p{Lu}][\p{L}\p{N}&'’.\-]*|of)){0,4})")]
    private static partial Regex CitationContext();

    [GeneratedRegex(@"\b(?:reported|reports|quoted|cited|said in a report|broadcast|aired)\b")]
    private static partial Regex ReportVerb();

    [GeneratedRegex(@"(?<name>[\p{Lu}][\p{L}&'’.\-]*(?: [\p{Lu}][\p{L}&'’.\-]*){0,3})(?:'s|’s)? $")]
    private static partial Regex NameBefore();
}

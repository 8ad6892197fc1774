using System.Text.RegularExpressions;

namespace NewsSearch.Coverage.Claims;

/// <summary>
/// Who a sentence says its facts come from: "according to X", "as reported by X", or a clause "X reported / said /
/// told / shows …". Pronouns ("he said") are not a source. Null when the sentence names none: the outlet's own word.
/// </summary>
public static partial class Attribution
{
    private const int MaxWords = 12;

    public static string? Find(string sentence)
    {
        foreach (var pattern in (ReadOnlySpan<Regex>)[ExplicitSource(), SubjectBeforeVerb(), VerbBeforeSubject()])
            foreach (Match match in pattern.Matches(sentence))
                if (Clean(match.Groups["who"].Value) is { } who) return who;
        return null;
    }

    private static string? Clean(string who)
    {
        var trimmed = who.Trim().TrimEnd('.', ',', ';', ':').Trim();
        if (trimmed.Length == 0 || trimmed.Split(' ').Length > MaxWords) return null;
        if (Pronouns().IsMatch(trimmed)) return null;
        return char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
    }

    [GeneratedRegex(@"\b(?:according to|as reported by|reported by|citing|as per)\s+(?<who>[^,.;:—–]+?)(?=\s*(?:[,.;:—–]|$|\b(?:in|on|at|which|who|that|since|and|after|before)\b))", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitSource();

    [GeneratedRegex(@"(?:^|[,;:—–“""]\s*)(?<who>[^,;:—–“”""]{2,90}?)\s+(?:reported|said|says|told|stated|claimed|confirmed|announced|estimated|explained|added|shows|showed|found|reveals|revealed)\b")]
    private static partial Regex SubjectBeforeVerb();

    [GeneratedRegex(@"[,”""]\s*(?:said|according to)\s+(?<who>[^,.;:—–]+?)\s*(?:[,.;:—–]|$)")]
    private static partial Regex VerbBeforeSubject();

    [GeneratedRegex(@"^(?:he|she|they|it|we|i|you)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pronouns();
}

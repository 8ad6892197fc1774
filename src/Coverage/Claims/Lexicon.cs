namespace NewsSearch.Coverage.Claims;

/// <summary>The words claim extraction knows: events that befall people, units, synonyms of counted things, months.</summary>
internal static class Lexicon
{
    private static readonly Dictionary<string, string> Outcomes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["killed"] = "killed", ["killing"] = "killed", ["dead"] = "killed", ["died"] = "killed", ["slain"] = "killed",
        ["wounded"] = "wounded", ["wounding"] = "wounded", ["injured"] = "wounded", ["injuring"] = "wounded", ["hurt"] = "wounded",
        ["arrested"] = "arrested", ["detained"] = "arrested", ["captured"] = "arrested",
        ["displaced"] = "displaced", ["stranded"] = "stranded", ["evacuated"] = "evacuated", ["missing"] = "missing",
        ["kidnapped"] = "abducted", ["abducted"] = "abducted", ["deported"] = "deported", ["repatriated"] = "deported", ["expelled"] = "deported",
        ["rescued"] = "rescued", ["executed"] = "executed",
    };

    /// <summary>Words that may stand between a counted noun and its event: "civilians were reportedly killed".</summary>
    public static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "were", "was", "are", "is", "have", "has", "had", "been", "being", "reportedly", "allegedly", "also", "all", "later",
    };

    public static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "but", "in", "on", "at", "of", "for", "to", "from", "with", "by", "into", "over", "after", "before", "since",
        "during", "across", "along", "near", "against", "than", "as", "were", "was", "are", "is", "have", "has", "had", "been",
        "being", "who", "which", "that", "the", "a", "an", "this", "these", "those", "their", "its", "his", "her", "they",
        "when", "while", "where", "would", "will", "could", "can", "may", "might", "should", "must", "did", "do", "does", "per", "percent", "ago", "each", "more", "less", "reportedly", "allegedly", "so", "far", "last", "next",
    };

    public static readonly HashSet<string> DurationUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "second", "minute", "hour", "day", "week", "month", "year", "decade",
    };

    public static readonly HashSet<string> DistanceUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "kilometre", "kilometer", "km", "mile", "metre", "meter",
    };

    public static readonly HashSet<string> Currencies = new(StringComparer.OrdinalIgnoreCase)
    {
        "dollars", "dollar", "euros", "euro", "pounds", "rupees", "rupee", "afghanis", "yuan", "riyals", "lira",
    };

    /// <summary>Names for the same counted thing, so outlets that word it differently still align.</summary>
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fighter"] = "militants", ["insurgent"] = "militants", ["militant"] = "militants", ["terrorist"] = "militants",
        ["rebel"] = "militants", ["gunman"] = "militants", ["gunmen"] = "militants",
        ["soldier"] = "soldiers", ["troop"] = "soldiers", ["serviceman"] = "soldiers", ["servicemen"] = "soldiers",
        ["person"] = "people", ["people"] = "people", ["individual"] = "people", ["civilian"] = "civilians",
        ["talk"] = "talks", ["negotiation"] = "talks", ["discussion"] = "talks", ["dialogue"] = "talks",
        ["kilometre"] = "km", ["kilometer"] = "km", ["km"] = "km",
        ["casualty"] = "casualties", ["death"] = "deaths", ["attack"] = "attacks", ["strike"] = "strikes", ["airstrike"] = "strikes",
    };

    private static readonly HashSet<string> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    public static string? Outcome(string word) => Outcomes.GetValueOrDefault(word);

    public static bool IsMonth(string word) => Months.Contains(word);

    /// <summary>A crude singular: enough for units and counted nouns ("days", "casualties", "militants").</summary>
    public static string Lemma(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.EndsWith("ies", StringComparison.Ordinal) && lower.Length > 4) return lower[..^3] + "y";
        if (lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal) && lower.Length > 3) return lower[..^1];
        return lower;
    }

    /// <summary>The counted thing's name in keys and labels: a synonym's common name, or the plural of its singular.</summary>
    public static string Canonical(string word)
    {
        var lemma = Lemma(word);
        if (Synonyms.TryGetValue(lemma, out var common) || Synonyms.TryGetValue(word, out common)) return common;
        if (DurationUnits.Contains(lemma) || DistanceUnits.Contains(lemma)) return lemma + "s";
        return word.ToLowerInvariant();
    }
}

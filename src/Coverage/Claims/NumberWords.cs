using System.Globalization;

namespace NewsSearch.Coverage.Claims;

/// <summary>Numbers as news text writes them: "2,600", "1.5", "twenty-five", "one million", "2.5 billion".</summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["dozen"] = 12,
    };

    private static readonly Dictionary<string, double> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100, ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000, ["trillion"] = 1e12,
    };

    /// <summary>Plural amounts without a number: shown as written, never compared.</summary>
    public static readonly HashSet<string> Vague = new(StringComparer.OrdinalIgnoreCase)
    {
        "dozens", "scores", "hundreds", "thousands", "millions", "billions", "several",
    };

    public static bool IsScale(string word) => Scales.ContainsKey(word);

    /// <summary>The value of a digit token or a number word ("twenty-five"); null when the token is neither.</summary>
    public static double? Value(string token)
    {
        if (char.IsAsciiDigit(token[0]))
            return double.TryParse(token.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? number
                : null;
        if (Units.TryGetValue(token, out var unit)) return unit;
        var parts = token.Split('-');
        return parts.Length == 2 && Units.TryGetValue(parts[0], out var tens) && tens >= 20 && tens % 10 == 0
               && Units.TryGetValue(parts[1], out var ones) && ones < 10
            ? tens + ones
            : null;
    }

    public static double Scale(string word) => Scales[word];
}

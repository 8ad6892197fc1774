using System.Text.RegularExpressions;

namespace NewsSearch.Enrichment.Cleaning;

/// <summary>
/// The line a wire story closes with: a credit ("— Reuters", "(AFP)", "-- dpa"), the agency's bare sign-off ("Reuter",
/// "REUTER", "AP") or Reuters' staff credit "(Reporting by …; Editing by …)". It is evidence of who filed the story, not prose.
/// </summary>
public static partial class WireSignOff
{
    /// <summary>The house style of one agency: its staff credit names no outlet, but only Reuters writes it.</summary>
    private const string StaffCreditOutlet = "Reuters";

    public static bool IsSignOff(string line) => Pattern().IsMatch(line);

    /// <summary>The outlet a sign-off line names as written ("Reuter", "AP", "dpa"), or null when the line is not one.</summary>
    public static string? Outlet(string line)
    {
        var match = Pattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups["outlet"].Success ? match.Groups["outlet"].Value.Trim() : StaffCreditOutlet;
    }

    [GeneratedRegex(@"^(?:[\u2013\u2014\-]+\s*(?<outlet>\p{L}[\p{L}&.' ]{1,30})|\((?<outlet>\p{Lu}[\p{L}&.' ]{1,30})\)|(?<outlet>Reuters?|REUTERS?|AP|AFP|UPI|dpa|DPA)\.?|\((?:Reporting|Writing|Additional reporting|Compiled) by [^)]{2,300}\))$")]
    private static partial Regex Pattern();
}

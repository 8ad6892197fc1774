using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Words whose place decides whether they belong to a body's name: a place's word after a word that makes it a body's
/// ("School District"), a rank that also qualifies bodies ("General Assembly"), a prefixed adjective ("pro-Beijing").
/// </summary>
internal sealed partial class NamedBodyPass
{
    /// <summary>"School District", "Water District": a place's word that the word before it makes a body's (<c>placeWordBodies</c>).</summary>
    private bool PlaceWordOfBody(int k) =>
        k > 0 && lex.NonOrgHeadwords.Contains(tokens[k].Text) && tokens[k - 1].Has(TokenFlags.JoinedToNext)
        && lex.PlaceWordBodies.Contains(tokens[k - 1].Text + " " + tokens[k].Text);

    /// <summary>
    /// "General Assembly", "General Council": a rank that also qualifies bodies, right before the organisation word and
    /// after no role ("Attorney General Office" is a role's), is the body's word.
    /// </summary>
    private bool GeneralBody(int p, int head) =>
        p == head - 1 && lex.OrgModifiers.Contains(tokens[p].Text)
        && (p == 0 || !tokens[p - 1].Has(TokenFlags.JoinedToNext) || !lex.RoleNouns.Contains(tokens[p - 1].Lower));

    /// <summary>
    /// "pro-Beijing New People Party", "anti-Moscow Liberal Party": a capitalised word after a lower-case prefix and a
    /// hyphen is an adjective before the name, not its first word (a particle of two letters joins names: "al-Shabaab").
    /// </summary>
    private bool PrefixedAdjective(int k) =>
        k > 0 && tokens[k - 1].Has(TokenFlags.HyphenToNext) && !tokens[k - 1].IsCapitalised && tokens[k - 1].Text.Length >= 3
        && !tokens[k - 1].Has(TokenFlags.Connector) && tokens[k - 1].Text.All(char.IsLetter);
}

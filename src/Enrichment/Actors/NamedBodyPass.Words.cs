using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Words whose place decides whether they belong to a body's name: a place's word after a word that makes it a body's
/// ("School District"), a rank that also qualifies bodies ("General Assembly").
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
}

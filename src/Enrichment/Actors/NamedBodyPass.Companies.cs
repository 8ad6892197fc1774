using NewsSearch.Articles;
using NewsSearch.Enrichment.Places;

namespace NewsSearch.Enrichment.Actors;

/// <summary>Companies: what a legal form ("Inc", "AG") makes of the words around it, and the shorter names a company goes by.</summary>
internal sealed partial class NamedBodyPass
{
    /// <summary>
    /// "American Motors Corp … AMC", "Federal Home Loan Bank Board … FHLBB": once named in full, a body answers to the
    /// initials of its name's capitalised words (with or without its legal form), written in capitals, as wire copy calls it
    /// without defining them. Three letters or more, and none a known name has ("US", "EC"), so a stray acronym is not taken.
    /// </summary>
    private void RegisterInitials(int first, int last, Entity entity)
    {
        var initials = new System.Text.StringBuilder();
        var withoutLegalForm = 0;
        for (var k = first; k <= last; k++)
        {
            var t = tokens[k];
            if (!t.IsCapitalised || t.Has(TokenFlags.Connector))
            {
                continue;
            }
            if (t.Has(TokenFlags.AllCaps) || t.Text.Any(char.IsDigit))
            {
                return;
            }
            initials.Append(t.Text[0]);
            if (!LegalFormAt(k))
            {
                withoutLegalForm = initials.Length;
            }
        }
        foreach (var length in (int[])[initials.Length, withoutLegalForm])
        {
            var acronym = initials.ToString(0, length);
            if (length >= 3 && !lex.KnownByName.ContainsKey(acronym))
            {
                RegisterLocal(acronym, entity);
            }
        }
    }

    /// <summary>A company's first word that can stand for it alone: not a word that qualifies many names ("General", "First", "American").</summary>
    private bool ShortNameWord(int k)
    {
        var t = tokens[k];
        return owner[k] == Free && t.IsCapitalised && !t.Has(TokenFlags.AllCaps) && !t.Has(TokenFlags.Possessive) && t.Text.Length > 3
            && !lex.OrgModifiers.Contains(t.Text) && !lex.Stopwords.Contains(t.Text) && !lex.RoleNouns.Contains(t.Lower) && !lex.RoleModifiers.Contains(t.Lower)
            && !lex.Honorifics.Contains(t.Text) && !lex.GivenNames.Contains(t.Text) && !lex.IsOrgHeadword(t.Text);
    }

    /// <summary>"Federal Deposit Insurance Corp" is the known Federal Deposit Insurance Corporation, which goes by its full name.</summary>
    private Entity? SpelledOut(string goesBy, int bare, int last) =>
        bare < last && lex.LegalFormsSpelledOut.TryGetValue(tokens[bare + 1].Text, out var form)
            && lex.KnownByName.TryGetValue(goesBy + " " + form, out var known) && known.Type == ActorType.Organisation ? known : null;

    /// <summary>
    /// "Moody's Investors Service Inc", "Standard and Poor's Corp": a possessive inside a company's name has a word of the
    /// name before it; one that opens the run is the owner's ("Iacocca's Chrysler Corp", "Allentown's Mack Trucks Inc").
    /// </summary>
    private bool PossessiveInsideName(int k) =>
        !tokens[k].Has(TokenFlags.Possessive)
        || (k > 0 && tokens[k - 1].Has(TokenFlags.JoinedToNext) && !tokens[k - 1].Has(TokenFlags.Possessive)
            && (tokens[k - 1].Lower == "and" || (IsBodyWord(k - 1) && !tokens[k - 1].Has(TokenFlags.SentenceInitial) && !lex.Stopwords.Contains(tokens[k - 1].Text))));

    /// <summary>"Nippon Telegraph and Telephone Corp": "and" and a few capitalised words to a legal form go on with one company's name.</summary>
    private bool AndCompany(int head)
    {
        // "General Motors Corp and Toyota Motor Corp": after a legal form, "and" begins another company.
        if (lex.LegalForms.Contains(tokens[head].Text) || head + 2 >= tokens.Length || !tokens[head].Has(TokenFlags.JoinedToNext) || tokens[head + 1].Lower != "and" || !tokens[head + 1].Has(TokenFlags.JoinedToNext))
        {
            return false;
        }
        for (var k = head + 2; k < tokens.Length && k - head <= 4 && IsBodyWord(k); k++)
        {
            if (lex.LegalForms.Contains(tokens[k].Text))
            {
                return true;
            }
            if (!tokens[k].Has(TokenFlags.JoinedToNext))
            {
                break;
            }
        }
        return false;
    }

    /// <summary>
    /// "NEC Corp", "RJR Nabisco Inc", "AT&amp;T Co": before a legal form an acronym is the company's name, though capitals alone
    /// are no name elsewhere. An acronym is short and stands alone: a word in a run of capitals ("SHARES IN FRANKFURT ROSE
    /// AFTER HOECHST AG") is a line in capitals, whose words say nothing of where a name begins.
    /// </summary>
    private bool CompanyAcronym(int k)
    {
        var t = tokens[k];
        return owner[k] == Free && t.Has(TokenFlags.AllCaps) && !t.Has(TokenFlags.Heading) && !t.Has(TokenFlags.Skip)
            && t.Text.Length <= MaxAcronymLength
            && !(k > 0 && tokens[k - 1].Has(TokenFlags.JoinedToNext) && tokens[k - 1].Has(TokenFlags.AllCaps));
    }

    /// <summary>The longest acronym read as a company's name before a legal form ("RJR", "NYNEX").</summary>
    private const int MaxAcronymLength = 5;

    private bool LegalFormAt(int k) => lex.LegalForms.Contains(tokens[k].Text);

    /// <summary>
    /// A legal form ends a company's name: what follows is not capitalised, or is another legal form or a role ("Texaco Inc
    /// Chairman Alfred DeCrane"). "Texas AG Ken Paxton" (an attorney general) is no company, nor "CC BY-SA" (a licence).
    /// </summary>
    private bool LegalFormEndsName(int k)
    {
        // "CC BY-SA" (a licence): a legal form is a word of its own.
        if (k > 0 && tokens[k - 1].Has(TokenFlags.HyphenToNext))
        {
            return false;
        }
        if (k + 1 >= tokens.Length || !tokens[k].Has(TokenFlags.JoinedToNext))
        {
            return true;
        }
        var next = tokens[k + 1];
        return !next.IsCapitalised || LegalFormAt(k + 1) || lex.RoleNouns.Contains(next.Lower) || lex.RoleModifiers.Contains(next.Lower)
            || next.Has(TokenFlags.SentenceInitial);
    }

    /// <summary>
    /// "Hoechst AG", "Akzo NV": a legal form in capitals after a company's name; not after a place, where the letters are a
    /// state's or a title's ("Las Vegas NV", "Texas AG").
    /// </summary>
    private bool CapitalLegalForm(int k) =>
        k > 0 && owner[k] == Free && tokens[k].Has(TokenFlags.AllCaps) && lex.LegalForms.Contains(tokens[k].Text)
        && !tokens[k].Has(TokenFlags.Heading) && !tokens[k].Has(TokenFlags.Skip)
        && tokens[k - 1].Has(TokenFlags.JoinedToNext) && tokens[k - 1].IsCapitalised && !IsPlaceOrCountry(k - 1)
        && CityGazetteer.Default.CountryOf(tokens[k - 1].Text) is null
        && (k < 2 || !tokens[k - 2].Has(TokenFlags.JoinedToNext) || CityGazetteer.Default.CountryOf(Surface(k - 2, k - 1)) is null);
}

using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Pass 4a: two bodies that share one organisation word in the plural: "the State and Homeland Security Departments", "the
/// Treasury and Commerce Departments". Each is the body the singular names ("State Department", "Homeland Security
/// Department"), the known one when the data knows it; a body already found stays as found ("the Senate and House
/// Agriculture Committees" gives the Senate and the House Agriculture Committee). Runs after the named-body
/// pass, which leaves plurals alone ("Federal Reserve Banks" are not the Federal Reserve).
/// </summary>
internal sealed class SharedHeadPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    /// <summary>How many capitalised words each body's own part takes at most ("Homeland Security").</summary>
    private const int MaxWords = 3;

    public void Run()
    {
        for (var head = 3; head < tokens.Length; head++)
        {
            if (Singular(head) is not { } singular)
            {
                continue;
            }
            var second = RunBack(head - 1);
            var and = second - 1;
            if (second < 0 || and < 1 || tokens[and].Lower != "and" || !tokens[and].Has(TokenFlags.JoinedToNext) || !tokens[and - 1].Has(TokenFlags.JoinedToNext))
            {
                continue;
            }
            // "the Treasury and Commerce Departments": a body already found may be the first part; it stays as found.
            var found = owner[and - 1] >= 0 && mentions[owner[and - 1]] is { Entity.Type: ActorType.Organisation } m && m.Last == and - 1;
            var first = found ? mentions[owner[and - 1]].First : RunBack(and - 1);
            // "the State and Homeland Security Departments": "the" (or no capitalised word) before the first part, so it is
            // not the end of a longer name.
            if (first < 0 || (first > 0 && tokens[first - 1].IsCapitalised && tokens[first - 1].Has(TokenFlags.JoinedToNext) && !lex.Stopwords.Contains(tokens[first - 1].Text)))
            {
                continue;
            }
            if (!found)
            {
                AddMention(Body(first, and - 1, singular), first, and - 1, false);
            }
            AddMention(Body(second, head - 1, singular), second, head, false);
        }
    }

    /// <summary>The singular of a plural organisation word at <paramref name="k"/> ("Departments", "Agencies"), or null.</summary>
    private string? Singular(int k)
    {
        var t = tokens[k];
        if (owner[k] != Free || !t.IsCapitalised || t.Has(TokenFlags.AllCaps) || t.Has(TokenFlags.Heading) || t.Text.Length < 4 || t.Text[^1] != 's')
        {
            return null;
        }
        var singular = t.Text.EndsWith("ies", StringComparison.Ordinal) ? t.Text[..^3] + "y" : t.Text[..^1];
        return lex.OrgHeadwords.Contains(singular) && !lex.LegalForms.Contains(singular) ? singular : null;
    }

    /// <summary>The first of one to three free capitalised words ending at <paramref name="last"/>, or -1.</summary>
    private int RunBack(int last)
    {
        var first = last + 1;
        while (first - 1 >= 0 && last - first + 1 < MaxWords && NameWord(first - 1) && (first - 1 == last || tokens[first - 1].Has(TokenFlags.JoinedToNext)))
        {
            first--;
        }
        return first <= last ? first : -1;
    }

    private bool NameWord(int k)
    {
        var t = tokens[k];
        return owner[k] == Free && t.IsCapitalised && !t.Has(TokenFlags.Heading) && !t.Has(TokenFlags.Skip) && !t.Has(TokenFlags.Possessive)
            && !lex.Stopwords.Contains(t.Text) && !lex.RoleNouns.Contains(t.Lower);
    }

    private Entity Body(int first, int last, string singular)
    {
        var name = Surface(first, last) + " " + singular;
        return localByName.GetValueOrDefault(name) ?? KnownOrLocal(name, ActorType.Organisation, null);
    }
}

using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>Pass 3: ministries and armies, "Pakistan's Foreign Ministry", "Defence Ministry of Afghanistan", "Pakistan's army", and later unqualified mentions of them.</summary>
internal sealed class MinistryPass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    public void Run()
    {
        var ministries = new List<(Entity Entity, string Kind, bool Qualified)>();
        Entity? lastArmy = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (owner[i] != Free || t.Has(TokenFlags.Skip))
            {
                continue;
            }
            var word = t.Lower;
            if (word == "army")
            {
                var country = CountryBefore(i);
                if (country is not null)
                {
                    lastArmy = KnownOrLocal($"{country.Name} Army", ActorType.Organisation, "government");
                    AddMention(lastArmy, i - 1, i, false);
                }
                else if (lastArmy is not null && i > 0 && tokens[i - 1].Lower == "the")
                {
                    AddMention(lastArmy, i, i, false);
                }
                continue;
            }
            if (word == "ministry" && !t.IsCapitalised && i > 0 && tokens[i - 1].Lower == "the" && ministries.Count > 0)
            {
                AddMention(ministries[^1].Entity, i, i, false);
                continue;
            }
            if (word == "ministry" && !t.IsCapitalised && i > 1 && owner[i - 1] == Free && !tokens[i - 1].IsCapitalised
                && tokens[i - 1].Has(TokenFlags.JoinedToNext) && CountryBefore(i - 1) is { } ministryCountry)
            {
                // "the Palestinian health ministry"
                var lowerKind = CanonicalMinistry(tokens[i - 1].Text);
                lowerKind = char.ToUpperInvariant(lowerKind[0]) + lowerKind[1..];
                var ministry = KnownOrLocal($"{ministryCountry.Name} Ministry of {lowerKind}", ActorType.Organisation, "government");
                ministries.Add((ministry, lowerKind, true));
                AddQualified(ministry, i - 1, i);
                continue;
            }
            if (!t.IsCapitalised || (word != "ministry" && word != "office"))
            {
                continue;
            }
            var first = i;
            var last = i;
            string? kind = null;
            Entity? qualifier = null;
            if (i > 0 && tokens[i - 1].IsCapitalised && tokens[i - 1].Has(TokenFlags.JoinedToNext) && owner[i - 1] == Free && !tokens[i - 1].Has(TokenFlags.Possessive))
            {
                first = i - 1;
                kind = tokens[i - 1].Text;
                if (word == "office" && kind is not ("Foreign" or "Home"))
                {
                    continue;
                }
            }
            else if (word == "ministry" && i + 2 < tokens.Length && tokens[i + 1].Lower == "of" && t.Has(TokenFlags.JoinedToNext) && tokens[i + 1].Has(TokenFlags.JoinedToNext) && tokens[i + 2].IsCapitalised && owner[i + 2] == Free)
            {
                last = i + 2;
                while (last + 2 < tokens.Length && tokens[last].Has(TokenFlags.JoinedToNext) && tokens[last + 1].Lower == "and" && tokens[last + 2].IsCapitalised && owner[last + 2] == Free)
                {
                    last += 2;
                }
                if (last + 1 < tokens.Length && tokens[last].Has(TokenFlags.JoinedToNext) && tokens[last + 1].IsCapitalised && owner[last + 1] == Free && !lex.Stopwords.Contains(tokens[last + 1].Text))
                {
                    last++;
                }
                kind = Surface(i + 2, last);
            }
            if (kind is null)
            {
                continue;
            }
            qualifier = CountryBefore(first);
            if (qualifier is null && last + 2 < tokens.Length && tokens[last].Has(TokenFlags.JoinedToNext) && tokens[last + 1].Lower == "of" && owner[last + 2] >= 0)
            {
                var after = mentions[owner[last + 2]].Entity;
                if (after.Type == ActorType.Country)
                {
                    qualifier = after;
                }
            }
            var canonicalKind = CanonicalMinistry(kind);
            var isOffice = word == "office";
            Entity entity;
            if (qualifier is not null)
            {
                entity = KnownOrLocal($"{qualifier.Name} Ministry of {canonicalKind}", ActorType.Organisation, "government");
            }
            else
            {
                // An unqualified "Foreign Office" is only the ministry of a country that calls it so.
                var earlier = ministries.LastOrDefault(m => m.Kind == canonicalKind && m.Qualified
                    && (!isOffice || lex.ForeignOfficeCountries.Any(c => m.Entity.Name.StartsWith(c + " ", StringComparison.Ordinal))));
                entity = earlier.Entity ?? KnownOrLocal($"Ministry of {canonicalKind}", ActorType.Organisation, "government");
            }
            ministries.Add((entity, canonicalKind, qualifier is not null));
            if (qualifier is not null)
            {
                AddQualified(entity, first, last);
            }
            else
            {
                AddMention(entity, first, last, false);
            }
            i = last;
        }
    }

    private static string CanonicalMinistry(string kind) => kind.ToLowerInvariant() switch
    {
        "foreign" or "foreign affairs" or "external affairs" => "Foreign Affairs",
        "defence" or "defense" => "Defence",
        "interior" or "home" or "interior affairs" or "home affairs" => "Interior",
        _ => kind,
    };

    /// <summary>
    /// A ministry after the country that qualifies it: its mention takes in the country too, so the words the text used
    /// ("Iran’s Defense Ministry", "the Saudi Interior Ministry") are among its aliases beside the ministry's own words
    /// ("Defense Ministry"), which add an alias but no count. The country's own mention stays and still counts.
    /// </summary>
    private void AddQualified(Entity ministry, int first, int last)
    {
        var k = first - 1;
        if (k >= 0 && owner[k] >= 0 && tokens[k].Has(TokenFlags.JoinedToNext) && mentions[owner[k]] is { Entity.Type: ActorType.Country } country && country.Last == k)
        {
            var countryMention = owner[k];
            AddMention(ministry, country.First, last, false);
            // The country's words stay the country's: later passes read who owns a word, and one word has one owner.
            Claim(country.First, k, countryMention);
            uncounted.Add(mentions.Count);
        }
        AddMention(ministry, first, last, false);
    }

    /// <summary>The country named just before token <paramref name="index"/>: "Pakistan's", "Pakistani" or "Pakistan".</summary>
    private Entity? CountryBefore(int index)
    {
        var k = index - 1;
        if (k < 0 || owner[k] < 0 || !tokens[k].Has(TokenFlags.JoinedToNext))
        {
            return null;
        }
        var entity = mentions[owner[k]].Entity;
        return entity.Type == ActorType.Country ? entity : null;
    }
}

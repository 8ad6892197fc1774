using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>Pass 6: people, who need a cue (a role, an honorific, a speech verb, an apposition); a capitalised word alone is never a person. Found names are candidates until <see cref="PersonClustering"/> merges them.</summary>
internal sealed class PeoplePass(Lexicon lexicon, ActorClaims state) : ActorPass(lexicon, state)
{
    public void Run()
    {
        foreach (var m in mentions.Where(m => m.Entity.Type == ActorType.Person).ToList())
        {
            if (AppositionRole(m.Last) is { } role)
            {
                roles.TryAdd(m.Entity, role);
            }
        }
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Has(TokenFlags.Skip))
            {
                continue;
            }
            if (t.Has(TokenFlags.Heading))
            {
                i = HeadingNameAfterRole(i);
                continue;
            }
            // "Security analyst Baqir Sajjad Syed", "Information Minister, Attaullah Tarar,"
            if (lex.RoleNouns.Contains(t.Lower) && i + 1 < tokens.Length && !t.Has(TokenFlags.Possessive)
                && (t.Has(TokenFlags.JoinedToNext) || (t.Has(TokenFlags.CommaAfter) && (t.IsCapitalised || ClosedAppositionAfter(i + 1)))))
            {
                var role = RolePhrase(i);
                var nameStart = i + 1;
                // "Minister of State Mohammed Al-Khulaifi", "Secretary of State Marco Rubio"
                if (tokens[i + 1].Lower == "of" && t.Has(TokenFlags.JoinedToNext))
                {
                    var k = i + 2;
                    // "Chancellor of the Exchequer Nigel Lawson"
                    if (k < tokens.Length && tokens[k].Lower == "the" && tokens[k - 1].Has(TokenFlags.JoinedToNext))
                    {
                        k++;
                    }
                    var complementStart = k;
                    while (k < tokens.Length && k - i < 5 && tokens[k - 1].Has(TokenFlags.JoinedToNext) && tokens[k].IsCapitalised && lex.RoleModifiers.Contains(tokens[k].Lower))
                    {
                        k++;
                    }
                    if (k == complementStart || k >= tokens.Length || !tokens[k - 1].Has(TokenFlags.JoinedToNext))
                    {
                        continue;
                    }
                    role = Surface(RoleStart(i), k - 1);
                    nameStart = k;
                }
                if (owner[nameStart] >= 0 && mentions[owner[nameStart]].Entity.Type == ActorType.Person)
                {
                    roles.TryAdd(mentions[owner[nameStart]].Entity, role);
                    continue;
                }
                var end = NameRun(nameStart, allowHonorific: true);
                // "Chief Medical Officer": a capitalised word between two role words is part of the title, not a name.
                var titleGoesOn = end >= nameStart && end + 1 < tokens.Length && tokens[end].Has(TokenFlags.JoinedToNext) && lex.RoleNouns.Contains(tokens[end + 1].Lower);
                if (end == nameStart && OneWordIsNoName(i, nameStart))
                {
                    continue;
                }
                if (end >= nameStart && !titleGoesOn)
                {
                    AddCandidate(nameStart, end, role);
                }
                continue;
            }
            // "Mullah Yaqoob", "Dr Ayesha Siddiqa"
            if (lex.Honorifics.Contains(t.Text) && owner[i] == Free && i + 1 < tokens.Length
                && (t.Has(TokenFlags.JoinedToNext) || body.AsSpan(t.End, Math.Max(0, tokens[i + 1].Start - t.End)).Trim() is "."))
            {
                var end = NameRun(i + 1, allowHonorific: true);
                if (end >= i + 1)
                {
                    AddCandidate(i, end, AppositionRole(end));
                    i = end;
                }
                continue;
            }
            if (!IsNameWord(i) || (i > 0 && tokens[i - 1].Has(TokenFlags.JoinedToNext) && IsNameWord(i - 1)))
            {
                continue;
            }
            var last = NameRun(i, allowHonorific: false);
            if (last < i)
            {
                continue;
            }
            var length = last - i + 1;
            // "Baqir Sajjad Syed, a national security journalist"
            var appositive = length >= 2 ? AppositionRole(last) : null;
            if (appositive is not null)
            {
                AddCandidate(i, last, appositive);
            }
            // "Haji Najib said", "said Sami Yousafzai"
            else if (length >= 2 && ((tokens[last].Has(TokenFlags.JoinedToNext) && SpeechVerbAt(last + 1)) || (i > 0 && tokens[i - 1].Has(TokenFlags.JoinedToNext) && SpeechVerbAt(i - 1))))
            {
                AddCandidate(i, last, null);
            }
            else if (length >= 2 && i > 0 && tokens[i - 1].Lower == "told" && !lex.MediaHeadwords.Contains(tokens[last].Text))
            {
                AddCandidate(i, last, null);
            }
            // "led by Gul Agha Sherzai", "met Ishaq Dar", "Ahmad Wali, who heads …"
            else if (length >= 2 && (MeetingCueBefore(i) || (tokens[last].Has(TokenFlags.CommaAfter) && last + 1 < tokens.Length && tokens[last + 1].Lower == "who")))
            {
                AddCandidate(i, last, null);
            }
            // "Frederic S. Mishkin", "J. Alfred Broaddus": a given name, a middle initial and a surname is a person's name
            // shape; bodies and places are not named so.
            else if (length >= 3 && HasNameInitial(i, last))
            {
                AddCandidate(i, last, null);
            }
            // "Ollie Watkins ran onto …" and later "Watkins has now scored": the surname alone elsewhere marks a person.
            else if (length is 2 or 3 && SurnameEchoed(i, last))
            {
                AddCandidate(i, last, null);
            }
            i = last;
        }
    }

    /// <summary>
    /// "Statement by NSC Spokesperson Emily Horne on …", "Statement from Vice President Harris on …": in a headline only a
    /// capitalised role directly before a name of one to three words marks a person (headline case capitalises every other
    /// word, so the name must end where the headline's own words go on); returns the last token read.
    /// </summary>
    private int HeadingNameAfterRole(int i)
    {
        var t = tokens[i];
        if (!t.IsCapitalised || !lex.RoleNouns.Contains(t.Lower) || !t.Has(TokenFlags.JoinedToNext) || t.Has(TokenFlags.Possessive) || i + 1 >= tokens.Length)
        {
            return i;
        }
        var end = NameRun(i + 1, allowHonorific: false, inHeading: true);
        if (end - i is < 1 or > 3 || (end - i == 1 && !OneWordHeadingName(i, end)))
        {
            return i;
        }
        // "Chairman John Smith Resigns": the body names "John Smith" but never "John Smith Resigns", so the headline's own
        // word goes on after the name.
        if (end - i == 3 && Occurrences(Surface(i + 1, end - 1)) > 1 && Occurrences(Surface(i + 1, end)) == 1)
        {
            AddCandidate(i + 1, end - 1, t.Text);
            return end - 1;
        }
        // The name must end where the headline's own words go on: a possessive, a comma, a lower-case or function word, or the end.
        var next = end + 1;
        var ends = tokens[end].Has(TokenFlags.Possessive) || tokens[end].Has(TokenFlags.CommaAfter) || next >= tokens.Length
            || tokens[next].Paragraph != t.Paragraph || !tokens[next].IsCapitalised || lex.Stopwords.Contains(tokens[next].Text);
        if (ends)
        {
            AddCandidate(i + 1, end, t.Text);
            return end;
        }
        return i;
    }

    /// <summary>How often <paramref name="phrase"/> occurs in the text as whole words (the headline included), counting up to two.</summary>
    private int Occurrences(string phrase)
    {
        var count = 0;
        for (var at = body.IndexOf(phrase, StringComparison.Ordinal); at >= 0 && count < 2; at = body.IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal))
        {
            // Whole words only: "John Smith" is not inside "John Smithson".
            var end = at + phrase.Length;
            if (end >= body.Length || !char.IsLetter(body[end]))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>
    /// "Vice President Harris on …": one word after a title in a headline is a surname, unless the body writes it in lower
    /// case ("Senior Administration Official Visit to …" where the body speaks of "the visit").
    /// </summary>
    private bool OneWordHeadingName(int role, int name)
    {
        var word = tokens[name];
        if (OneWordIsNoName(role, name))
        {
            return false;
        }
        foreach (var t in tokens)
        {
            if (t.Text == word.Lower)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// "the Executive Branch", "an Official Visit", "Chief of the Military Staff", "Executive Order 9066": one capitalised
    /// word after a role is a name only where a name can stand — not after an article or a role's "of" complement, nor
    /// before a number ("President Biden" stays a person).
    /// </summary>
    private bool OneWordIsNoName(int role, int name)
    {
        var start = RoleStart(role);
        var determiner = start > 0 && tokens[start - 1].Lower is "the" or "a" or "an" && tokens[start - 1].Has(TokenFlags.JoinedToNext);
        var complement = name > role + 1;
        var number = name + 1 < tokens.Length && tokens[name].Has(TokenFlags.JoinedToNext) && char.IsDigit(tokens[name + 1].Text[0]);
        return determiner || complement || number;
    }

    /// <summary>An initial before the last word of first..last, with a full word before or after it ("Jerome H. Powell").</summary>
    private bool HasNameInitial(int first, int last)
    {
        for (var k = first; k < last; k++)
        {
            if (IsInitial(k) && (k > first || !IsInitial(k + 1)))
            {
                return true;
            }
        }
        return false;
    }

    private bool MeetingCueBefore(int i)
    {
        if (i < 1 || !tokens[i - 1].Has(TokenFlags.JoinedToNext))
        {
            return false;
        }
        var previous = tokens[i - 1].Lower;
        if (previous is "met" or "phoned" or "interviewed")
        {
            return true;
        }
        return i >= 2 && tokens[i - 2].Has(TokenFlags.JoinedToNext) && (tokens[i - 2].Lower, previous) is
            ("led", "by") or ("headed", "by") or ("chaired", "by") or ("founded", "by") or ("coached", "by") or ("managed", "by") or ("met", "with") or ("meeting", "with") or ("spoke", "with") or ("talks", "with");
    }

    private HashSet<string>? _loneWords;

    /// <summary>Whether the last word of the name at first..last also stands alone (no capitalised neighbour) elsewhere.</summary>
    private bool SurnameEchoed(int first, int last)
    {
        if (tokens[first].Has(TokenFlags.SentenceInitial) && lex.Stopwords.Contains(tokens[first].Text))
        {
            return false;
        }
        if (_loneWords is null)
        {
            _loneWords = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < tokens.Length; k++)
            {
                var t = tokens[k];
                var joinedBefore = k > 0 && tokens[k - 1].Has(TokenFlags.JoinedToNext) && tokens[k - 1].IsCapitalised;
                var joinedAfter = t.Has(TokenFlags.JoinedToNext) && k + 1 < tokens.Length && tokens[k + 1].IsCapitalised;
                if (t.IsCapitalised && owner[k] == Free && !joinedBefore && !joinedAfter && !t.Has(TokenFlags.Heading))
                {
                    _loneWords.Add(NameKey.Of(t.Text));
                }
            }
        }
        return NameKey.Of(tokens[last].Text) is { Length: >= 3 } key && _loneWords.Contains(key);
    }

    /// <summary>"Information Minister" from the role noun at <paramref name="head"/> and the modifiers before it.</summary>
    private string RolePhrase(int head) => Surface(RoleStart(head), head);

    private int RoleStart(int head)
    {
        var first = head;
        while (first > 0 && head - first < 3 && tokens[first - 1].Has(TokenFlags.JoinedToNext) && !tokens[first - 1].Has(TokenFlags.Possessive)
            && !tokens[first - 1].Has(TokenFlags.Heading) && IsRoleWord(first - 1))
        {
            first--;
        }
        return first;
    }

    /// <summary>"Secretary General", "Competition Commissioner": role words, or a capitalised word that is nothing else.</summary>
    private bool IsRoleWord(int k)
    {
        var t = tokens[k];
        if (lex.RoleModifiers.Contains(t.Lower) || lex.RoleNouns.Contains(t.Lower))
        {
            return true;
        }
        return t.IsCapitalised && owner[k] == Free && !t.Has(TokenFlags.AllCaps) && !lex.Stopwords.Contains(t.Text) && !lex.Honorifics.Contains(t.Text);
    }

    /// <summary>The role in ", a national security journalist" or ", Afghanistan's defence minister" after a name, or null.</summary>
    /// <summary>"specialist prosecutor, Daniel Ferreira, said": a name of two or more words set off by commas after a role.</summary>
    private bool ClosedAppositionAfter(int nameStart)
    {
        if (nameStart >= tokens.Length || owner[nameStart] != Free)
        {
            return false;
        }
        var end = NameRun(nameStart, allowHonorific: false);
        if (end <= nameStart)
        {
            return false;
        }
        // "Amelia Hart KC," — a post-nominal (KC, QC, MP, OBE) may stand before the closing comma.
        var postNominal = end + 1 < tokens.Length && tokens[end].Has(TokenFlags.JoinedToNext) && tokens[end + 1].Has(TokenFlags.AllCaps)
            && tokens[end + 1].Text.Length is >= 2 and <= 4 && tokens[end + 1].Has(TokenFlags.CommaAfter);
        return tokens[end].Has(TokenFlags.CommaAfter) || postNominal;
    }

    private string? AppositionRole(int nameLast)
    {
        if (!tokens[nameLast].Has(TokenFlags.CommaAfter) || nameLast + 1 >= tokens.Length
            || body.AsSpan(tokens[nameLast].End, tokens[nameLast + 1].Start - tokens[nameLast].End).Trim() is not ",")
        {
            return null;
        }
        var k = nameLast + 1;
        if (k < tokens.Length && tokens[k].Lower is "a" or "an" or "the" or "one" or "his" or "her" or "its" or "their")
        {
            k++;
        }
        if (k < tokens.Length && owner[k] >= 0 && mentions[owner[k]].Entity.Type != ActorType.Person
            && (tokens[mentions[owner[k]].Last].Has(TokenFlags.JoinedToNext) || tokens[mentions[owner[k]].Last].Has(TokenFlags.Possessive)))
        {
            // "the Commission's competition chief", "Pakistan's defence minister"
            var m = mentions[owner[k]];
            k = m.Last + 1;
        }
        else if (k < tokens.Length && tokens[k].Has(TokenFlags.Possessive))
        {
            // "the agency's executive director", "the WHO's"
            k++;
        }
        var first = k;
        var head = -1;
        // The role ends at its last role noun: "deputy administrative affairs minister", "deputy minister for ...".
        for (; k < tokens.Length && k - first < 5; k++)
        {
            var t = tokens[k];
            if (t.Sentence != tokens[nameLast].Sentence || t.Lower is "who" or "which" or "that" or "said" or "says" or "and" or "of" or "in" or "at" or "for" or "to" or "on" or "with")
            {
                break;
            }
            if (lex.RoleNouns.Contains(t.Lower) && !t.Has(TokenFlags.Possessive))
            {
                head = k;
            }
            if (!t.Has(TokenFlags.JoinedToNext) || t.Has(TokenFlags.Possessive))
            {
                break;
            }
        }
        return head >= 0 ? Surface(first, head) : null;
    }
}

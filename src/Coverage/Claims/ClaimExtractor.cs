using System.Text.RegularExpressions;
using NewsSearch.Enrichment.Text;

namespace NewsSearch.Coverage.Claims;

/// <summary>
/// Finds the figures an article reports, sentence by sentence: a number (digits, words, or a vague "dozens of"),
/// its bound ("over", "at least", "nearly"), what it counts (the noun after it, "five Pakistani soldiers"), what
/// happened to them ("killed", "wounded", before or after: "battles killed five soldiers", "70 people killed"),
/// and who asserts it (<see cref="Attribution"/>). Years, days of the month, and small bare numbers with no
/// event ("the two countries") are not claims. Rules only, for English news text in general.
/// </summary>
public static partial class ClaimExtractor
{
    private const int MaxNounWords = 4;
    private const int SentenceLength = 320;

    public static IReadOnlyList<FigureClaim> Extract(string body)
    {
        var claims = new List<FigureClaim>();
        foreach (var sentence in SentenceSplitter.Split(body))
            claims.AddRange(InSentence(sentence.Text));
        return claims;
    }

    public static IReadOnlyList<FigureClaim> InSentence(string sentence)
    {
        var tokens = TokenPattern().Matches(sentence).Select(m => new Token(m.Value, m.Index)).ToList();
        var found = new List<Found>();
        for (var i = 0; i < tokens.Count; i++)
            if (Read(tokens, i) is { } figure)
            {
                found.Add(figure);
                i = figure.End - 1;
            }
        ShareEvents(found, tokens);

        var assertedBy = Attribution.Find(sentence);
        var text = sentence.Length <= SentenceLength ? sentence : sentence[..SentenceLength] + "…";
        return [.. found.Where(IsClaim).Select(f => new FigureClaim(f.Kind, f.Value, f.Bound,
            sentence[tokens[f.Start].Start..(tokens[f.End - 1].Start + tokens[f.End - 1].Text.Length)], Key(f), assertedBy, text))];
    }

    /// <summary>A figure starting at token <paramref name="i"/> (its bound word before it), or null.</summary>
    private static Found? Read(List<Token> tokens, int i)
    {
        var word = tokens[i].Text;
        var start = i;
        double? value;
        var vague = NumberWords.Vague.Contains(word);
        if (vague) value = null;
        else if (NumberWords.Value(word) is { } number) value = number;
        else return null;
        if (!vague && IsDateOrYear(tokens, i, value!.Value)) return null;

        var kind = FigureKind.Count;
        if (i > 0 && tokens[i - 1].Text is "$" or "€" or "£" && tokens[i - 1].Start + 1 == tokens[i].Start)
        {
            kind = FigureKind.Money;
            start = i - 1;
        }
        var next = i + 1;
        if (value is { } v && next < tokens.Count && NumberWords.IsScale(tokens[next].Text))
        {
            value = v * NumberWords.Scale(tokens[next].Text);
            next++;
        }
        if (next < tokens.Count && tokens[next].Text == "%")
        {
            kind = FigureKind.Percent;
            next++;
        }
        var (bound, boundStart) = BoundBefore(tokens, start);

        // "2,600-kilometre border": the unit is glued to the number.
        string? unit = null;
        if (next + 1 < tokens.Count && tokens[next].Text == "-" && tokens[next].Start == tokens[next - 1].Start + tokens[next - 1].Text.Length)
        {
            unit = tokens[next + 1].Text.ToLowerInvariant();
            next += 2;
        }
        if (vague && next < tokens.Count && tokens[next].Text == "of") next++;

        var nouns = new List<string>();
        while (next < tokens.Count && nouns.Count < MaxNounWords && IsNounWord(tokens[next].Text, nouns.Count))
            nouns.Add(tokens[next++].Text);
        if (vague && nouns.Count == 0 && tokens[next - 1].Text == "of") next--; // "thousands of—including traders—stranded"
        if (kind == FigureKind.Count && nouns.Count > 0 && Lexicon.Currencies.Contains(nouns[^1])) kind = FigureKind.Money;
        var head = unit ?? (nouns.Count > 0 ? nouns[^1].ToLowerInvariant() : null);
        if (head is not null && Lexicon.DurationUnits.Contains(Lexicon.Lemma(head))) kind = FigureKind.Duration;
        if (head is not null && Lexicon.DistanceUnits.Contains(Lexicon.Lemma(head))) kind = FigureKind.Distance;
        if (kind == FigureKind.Count && next < tokens.Count && tokens[next].Text is "percent" or "per") kind = FigureKind.Percent;

        // What the unit measures: "four days of talks", "2,600-kilometre border".
        string? of = null;
        if (kind is FigureKind.Duration or FigureKind.Distance)
        {
            var ofAt = unit is null && next < tokens.Count && tokens[next].Text == "of" ? next + 1 : unit is not null ? next - nouns.Count : -1;
            var measured = new List<string>();
            for (var j = ofAt; j >= 0 && j < tokens.Count && measured.Count < MaxNounWords && IsNounWord(tokens[j].Text, measured.Count); j++)
                measured.Add(tokens[j].Text);
            if (measured.Count > 0) of = measured[^1].ToLowerInvariant();
        }

        var outcome = kind == FigureKind.Count ? OutcomeAfter(tokens, next) ?? OutcomeBefore(tokens, boundStart) : null;
        return new Found(kind, value, bound, boundStart, next, head, of, outcome);
    }

    private static bool IsClaim(Found figure) => figure.Kind switch
    {
        // "the two countries", "one official": a small count with no event is a way of speaking, not a figure.
        FigureKind.Count => figure.Outcome is not null || (figure.Head is not null && (figure.Value is null or > 3)),
        FigureKind.Duration or FigureKind.Distance => figure.Value is not null,
        _ => true,
    };

    /// <summary>The alignment key: the same thing counted, whatever the words ("25 TTP fighters killed" = "25 militants killed").</summary>
    private static string Key(Found figure)
    {
        var head = figure.Head is null ? "people" : Lexicon.Canonical(figure.Head);
        return figure.Kind switch
        {
            FigureKind.Count => figure.Outcome is null ? head : $"{head} {figure.Outcome}",
            FigureKind.Duration or FigureKind.Distance => figure.Of is null ? head : $"{head} of {Lexicon.Canonical(figure.Of)}",
            FigureKind.Percent => "percent",
            _ => figure.Head is null ? "money" : $"money ({head})",
        };
    }

    /// <summary>"five soldiers and 25 militants killed", "killed five soldiers and 25 militants": a listed figure shares the event.</summary>
    private static void ShareEvents(List<Found> found, List<Token> tokens)
    {
        for (var pass = 0; pass < 2; pass++)
            for (var i = 0; i + 1 < found.Count; i++)
            {
                var (first, second) = (found[i], found[i + 1]);
                var between = tokens.Skip(first.End).Take(second.Start - first.End).Select(t => t.Text).ToList();
                if (between is not (["and"] or [","] or [",", "and"] or ["or"])) continue;
                if (first.Outcome is null && second.Outcome is not null) found[i] = first with { Outcome = second.Outcome };
                if (second.Outcome is null && first.Outcome is not null) found[i + 1] = second with { Outcome = first.Outcome };
            }
    }

    private static (FigureBound, int) BoundBefore(List<Token> tokens, int i)
    {
        string Word(int at) => at >= 0 ? tokens[at].Text.ToLowerInvariant() : "";
        return (Word(i - 2), Word(i - 1)) switch
        {
            ("more" or "greater", "than") => (FigureBound.MoreThan, i - 2),
            ("at", "least") => (FigureBound.AtLeast, i - 2),
            ("up", "to") or ("fewer" or "less", "than") => (FigureBound.AtMost, i - 2),
            ("as", "many") => (FigureBound.AtMost, i - 2),
            (_, "over") => (FigureBound.MoreThan, i - 1),
            (_, "nearly" or "almost" or "about" or "around" or "approximately" or "roughly" or "some" or "estimated") => (FigureBound.About, i - 1),
            _ => (FigureBound.Exact, i),
        };
    }

    /// <summary>"Oct. 19", "19 October", "in 2021": dates are the date layer's business, not figures.</summary>
    private static bool IsDateOrYear(List<Token> tokens, int i, double value)
    {
        var text = tokens[i].Text;
        if (value is >= 1800 and <= 2100 && text.Length == 4 && char.IsAsciiDigit(text[0])) return true;
        var before = i > 0 ? tokens[i - 1].Text : "";
        if (before == "." && i > 1) before = tokens[i - 2].Text;
        var after = i + 1 < tokens.Count ? tokens[i + 1].Text : "";
        return Lexicon.IsMonth(before) || Lexicon.IsMonth(after) || after is ":" || before is "No";
    }

    private static bool IsNounWord(string word, int collected)
    {
        if (!char.IsLetter(word[0]) || Lexicon.StopWords.Contains(word) || Lexicon.Outcome(word) is not null) return false;
        if (NumberWords.Value(word) is not null || NumberWords.IsScale(word)) return false;
        // A past participle after the noun ends it ("two countries signed"); before it, it is an adjective ("armed men").
        return collected == 0 || !word.EndsWith("ed", StringComparison.Ordinal);
    }

    private static string? OutcomeAfter(List<Token> tokens, int i)
    {
        for (var j = i; j < tokens.Count && j < i + 4; j++)
        {
            if (Lexicon.Outcome(tokens[j].Text) is { } outcome) return outcome;
            if (!Lexicon.Auxiliaries.Contains(tokens[j].Text)) return null;
        }
        return null;
    }

    /// <summary>Only right before the figure ("killed five soldiers"): further back it belongs to an earlier figure ("dozens dead and hundreds").</summary>
    private static string? OutcomeBefore(List<Token> tokens, int i) => i > 0 ? Lexicon.Outcome(tokens[i - 1].Text) : null;

    private readonly record struct Token(string Text, int Start);

    /// <summary>Token positions: <see cref="Start"/> is the bound word's (or the number's), <see cref="End"/> is past the noun.</summary>
    private sealed record Found(FigureKind Kind, double? Value, FigureBound Bound, int Start, int End, string? Head, string? Of, string? Outcome);

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\p{L}[\p{L}'’]*(?:-\p{L}+)*|[^\s\p{L}\d]")]
    private static partial Regex TokenPattern();
}

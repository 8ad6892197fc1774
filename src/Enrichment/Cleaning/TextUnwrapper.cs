using System.Collections.Frozen;
using System.Text;

namespace NewsSearch.Enrichment.Cleaning;

/// <summary>
/// Rebuilds paragraphs in text that was hard-wrapped (wire archives at ~65 characters, PDFs, e-mail) so that every
/// later rule can rely on one paragraph per line: a line break inside a sentence is not a sentence end.
/// Also undoes what pasting from PDFs and e-mail adds: form feeds, <c>&gt;</c> quoting, words hyphenated at a line end.
/// Text that is not wrapped comes back unchanged (the same string), so web articles pay only for one scan.
/// </summary>
public static class TextUnwrapper
{
    /// <summary>Lines wider than this are paragraphs, not wrapped lines: no archive or PDF wraps this wide.</summary>
    private const int MaxWrapWidth = 110;

    /// <summary>Fewer lines than this cannot show a wrapping pattern.</summary>
    private const int MinLines = 3;

    /// <summary>A line shorter than this share of the wrap width ends its paragraph: a wrapped line is nearly full.</summary>
    private const double ShortLineShare = 0.6;

    /// <summary>Words a line never ends a paragraph on (Data/dangling-words.txt): "of", "the", "and" …</summary>
    private static readonly FrozenSet<string> DanglingWords =
        DataFile.Lines("dangling-words.txt").Where(line => line.Length > 0 && line[0] != '#').ToFrozenSet(StringComparer.Ordinal);

    public static string Unwrap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!MayBeWrapped(text))
        {
            return text;
        }

        var lines = SplitLines(text);
        StripQuoting(lines);
        var width = WrapWidth(lines);
        if (width is null || !IsWrapped(lines, width.Value))
        {
            return text;
        }

        return Rebuild(lines, width.Value);
    }

    /// <summary>Cheap test first: a text whose lines average past the wrap width, with no form feed or quoting, is not wrapped.</summary>
    private static bool MayBeWrapped(string text)
    {
        if (text.Contains('\f') || text.StartsWith('>') || text.Contains("\n>", StringComparison.Ordinal))
        {
            return true;
        }

        var newlines = text.AsSpan().Count('\n');
        return newlines >= MinLines - 1 && text.Length / (newlines + 1) <= MaxWrapWidth;
    }

    private static List<string> SplitLines(string text)
    {
        // A form feed is a page break: the page's last line ends its paragraph.
        var normalised = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\f", "\n\n");
        return [.. normalised.Split('\n')];
    }

    /// <summary>E-mail quoting ("> " at every line start): removed when most lines carry it, so it is the whole text's.</summary>
    private static void StripQuoting(List<string> lines)
    {
        var nonBlank = lines.Count(l => l.Trim().Length > 0);
        var quoted = lines.Count(l => l.TrimStart().StartsWith('>'));
        if (nonBlank == 0 || quoted * 2 < nonBlank)
        {
            return;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].TrimStart();
            while (line.StartsWith('>'))
            {
                line = line[1..];
                // One space after the marker belongs to the quoting; more is the writer's indent.
                if (line.StartsWith(' '))
                {
                    line = line[1..];
                }
            }

            lines[i] = line;
        }
    }

    /// <summary>The width the text was wrapped at: the length most full lines reach (the 80th percentile), or null.</summary>
    private static int? WrapWidth(List<string> lines)
    {
        var lengths = lines.Select(l => l.TrimEnd().Length).Where(n => n > 0).Order().ToList();
        if (lengths.Count < MinLines)
        {
            return null;
        }

        var width = lengths[Math.Min(lengths.Count - 1, (int)(lengths.Count * 0.8))];
        return width <= MaxWrapWidth ? width : null;
    }

    /// <summary>
    /// Wrapped when most lines are nearly full and many of them stop mid-sentence (the next line goes on with the
    /// sentence). A list of short one-line paragraphs, or page furniture, has neither.
    /// </summary>
    private static bool IsWrapped(List<string> lines, int width)
    {
        var nonBlank = 0;
        var full = 0;
        var midSentence = 0;
        var lowerNext = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            nonBlank++;
            if (line.Length >= width * ShortLineShare)
            {
                full++;
                if (i + 1 < lines.Count && lines[i + 1].Trim().Length > 0 && !EndsSentence(line))
                {
                    midSentence++;
                    lowerNext += char.IsLower(lines[i + 1].Trim()[0]) ? 1 : 0;
                }
            }
        }

        // A wire brief of two or three lines has one break mid-sentence at most; the next line going on in lower case
        // ("… expected higher" + "first quarter profit.") shows the wrap as surely as many breaks do.
        return full * 2 >= nonBlank && (midSentence >= 2 || lowerNext >= 1) && midSentence * 3 >= full;
    }

    private static string Rebuild(List<string> lines, int width)
    {
        var indentedParagraphs = lines.Count(l => l.Length > 0 && char.IsWhiteSpace(l[0]) && l.Trim().Length > 0);
        var lastNonBlank = lines.FindLastIndex(l => l.Trim().Length > 0);
        var sb = new StringBuilder(lines.Sum(l => l.Length + 1));
        var paragraph = new StringBuilder();
        var blankBefore = false;
        string? previous = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var raw = lines[i];
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush(sb, paragraph, ref blankBefore);
                blankBefore = sb.Length > 0;
                previous = null;
                continue;
            }

            var indented = char.IsWhiteSpace(raw[0]) && indentedParagraphs > 0;
            if (previous is not null && StartsParagraph(previous, line, indented, width, i == lastNonBlank))
            {
                Flush(sb, paragraph, ref blankBefore);
            }

            Append(paragraph, line);
            previous = line;
        }

        Flush(sb, paragraph, ref blankBefore);
        return sb.ToString();
    }

    /// <summary>Whether <paramref name="line"/> begins a new paragraph rather than continuing <paramref name="previous"/>.</summary>
    private static bool StartsParagraph(string previous, string line, bool indented, int width, bool lastLine)
    {
        // The wire's sign-off closing the text ("Reuter", "-- dpa") is never part of the line above, whatever that line ends in
        // (a link, a list item, a table row).
        if (lastLine && WireSignOff.IsSignOff(line))
        {
            return true;
        }

        // An indent opens a paragraph in archives that use indents instead of blank lines; a bullet opens a list item.
        if (indented || line.StartsWith("* ", StringComparison.Ordinal) || line.StartsWith("• ", StringComparison.Ordinal))
        {
            return true;
        }

        // "… Kevin M." + "Warsh; and …": a paragraph never ends on a name's initial, however short the line, nor on a word
        // that needs one after it ("* [Bank of" + "Japan](…)").
        if (EndsWithInitial(previous) || EndsWithDanglingWord(previous))
        {
            return false;
        }

        // The last line of a paragraph stops short of the margin; a headline is short too.
        if (previous.Length < width * ShortLineShare)
        {
            return true;
        }

        // A closing sign-off ("Reuter") or a credit in parentheses after a finished sentence is not part of that sentence.
        return EndsSentence(previous) && ((lastLine && line.Length <= 40) || line.StartsWith('('));
    }

    private static void Append(StringBuilder paragraph, string line)
    {
        if (paragraph.Length == 0)
        {
            paragraph.Append(line);
            return;
        }

        // "negoti-" + "ations": a word broken at the margin is one word again; "South-" + "East" keeps its hyphen.
        var last = paragraph.Length - 1;
        if (paragraph[last] == '-' && last > 0 && char.IsLetter(paragraph[last - 1]) && char.IsLetter(line[0]))
        {
            if (char.IsLower(line[0]))
            {
                paragraph.Length = last;
            }

            paragraph.Append(line);
            return;
        }

        paragraph.Append(' ').Append(line);
    }

    private static void Flush(StringBuilder sb, StringBuilder paragraph, ref bool blankBefore)
    {
        if (paragraph.Length == 0)
        {
            return;
        }

        if (sb.Length > 0)
        {
            sb.Append(blankBefore ? "\n\n" : "\n");
        }

        sb.Append(paragraph);
        paragraph.Clear();
        blankBefore = false;
    }

    private static bool EndsWithDanglingWord(string line)
    {
        var space = line.LastIndexOf(' ');
        return space >= 0 && DanglingWords.Contains(line[(space + 1)..]);
    }

    private static bool EndsWithInitial(string line) =>
        line.Length >= 3 && line[^1] == '.' && char.IsUpper(line[^2]) && line[^3] == ' ';

    private static bool EndsSentence(string line)
    {
        var end = line.TrimEnd('"', '\u201D', '\u2019', '\'', ')', ']');
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or ':' or ';';
    }
}

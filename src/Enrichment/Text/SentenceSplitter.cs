using System.Text.RegularExpressions;

namespace NewsSearch.Enrichment.Text;

/// <summary>A sentence of the body and where it starts.</summary>
public readonly record struct Sentence(string Text, int Start);

/// <summary>
/// Splits news prose into sentences: at line breaks, and at . ! ? followed by a capital —
/// but not after abbreviations that news text uses before numbers and names ("Oct. 19", "U.S. officials", "Mr. Khan";
/// see <see cref="Abbreviations"/>, the rule the actor tokenizer uses too).
/// </summary>
public static partial class SentenceSplitter
{
    public static IReadOnlyList<Sentence> Split(string text) => Split(text, int.MaxValue);

    public static string FirstSentence(string text)
    {
        // Only the first: splitting the whole body for it would cost as much as splitting it for the dates.
        var sentences = Split(text, limit: 1);
        return sentences.Count > 0 ? sentences[0].Text : string.Empty;
    }

    /// <summary>The first <paramref name="limit"/> sentences.</summary>
    private static List<Sentence> Split(string text, int limit)
    {
        var sentences = new List<Sentence>();
        var lineStart = 0;
        while (lineStart < text.Length && sentences.Count < limit)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var start = lineStart;
            // Matching on a span of the line (not a copy of it).
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            foreach (var end in SentenceEnd().EnumerateMatches(line))
            {
                if (line[end.Index] == '.' && Abbreviations.Precede(WordBefore(line, end.Index)))
                {
                    continue;
                }

                var stop = lineStart + end.Index + end.Length;
                Add(sentences, text, start, stop);
                start = stop;
            }

            Add(sentences, text, start, lineEnd);
            lineStart = lineEnd + 1;
        }

        return sentences;
    }

    private static void Add(List<Sentence> sentences, string text, int start, int stop)
    {
        while (start < stop && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (stop > start && char.IsWhiteSpace(text[stop - 1]))
        {
            stop--;
        }

        if (stop > start)
        {
            sentences.Add(new Sentence(text[start..stop], start));
        }
    }

    /// <summary>"U.S" before the last full stop of "U.S.", "Oct" before "Oct.": the letters and dots up to <paramref name="end"/>.</summary>
    private static ReadOnlySpan<char> WordBefore(ReadOnlySpan<char> line, int end)
    {
        var start = end;
        while (start > 0 && (char.IsLetter(line[start - 1]) || line[start - 1] == '.'))
        {
            start--;
        }

        return line[start..end];
    }

    [GeneratedRegex(@"[.!?]+[\u201D""’')]*(?=\s+[\p{Lu}\p{N}\u201C""'‘(])")]
    private static partial Regex SentenceEnd();
}

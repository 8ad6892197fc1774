using System.Collections.Frozen;

namespace NewsSearch.Enrichment.Text;

/// <summary>
/// Where a full stop does not end a sentence: after an abbreviation of news text ("Oct. 19", "Mr. Khan", "Gen. Munir"),
/// an initial ("Donald J. Trump") or a dotted acronym ("U.S. officials"). The one rule both the sentence splitter and the
/// tokenizer use, over one list (Data/abbreviations.txt).
/// </summary>
public static class Abbreviations
{
    private static readonly FrozenSet<string> Listed =
        DataFile.Lines("abbreviations.txt").Where(line => line.Length > 0 && line[0] != '#').ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ListedSpans = Listed.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a full stop right after <paramref name="word"/> belongs to the word rather than ending the sentence.</summary>
    public static bool Precede(ReadOnlySpan<char> word) =>
        (word.Length == 1 && char.IsUpper(word[0])) || word.Contains('.') || ListedSpans.Contains(word);
}

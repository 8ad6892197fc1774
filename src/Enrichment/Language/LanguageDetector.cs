namespace NewsSearch.Enrichment.Language;

/// <summary>An ISO 639-1 language code ("und" when there is too little text to tell) and how sure the guess is (0..1).</summary>
public sealed record LanguageGuess(string Code, double Confidence)
{
    public const string Undetermined = "und";

    public bool IsEnglish => Code == "en";
}

/// <summary>
/// Tells English from other languages, because the extraction rules only work on English.
/// Non-Latin scripts are named by script (Arabic letters peculiar to Urdu, Persian or Pashto pick those);
/// Latin-script text is scored by the share of each language's most frequent function words, which
/// make up a third or more of running text in any of them. Linear in the text; no allocation per word.
/// </summary>
public static class LanguageDetector
{
    private const int MinimumWords = 4;

    private static readonly (string Code, string[] Words)[] Latin =
    [
        ("en", ["the", "of", "and", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on", "be", "by", "this", "are", "from", "at", "have", "has", "not", "but", "which", "they", "their", "were", "been", "after", "its", "said", "would", "will", "who", "an", "or", "had", "also"]),
        ("fr", ["le", "la", "les", "des", "du", "et", "est", "une", "un", "dans", "que", "qui", "pour", "pas", "sur", "au", "aux", "avec", "ce", "il", "elle", "sont", "ont", "été", "mais", "par", "ses", "leur", "cette", "nous"]),
        ("de", ["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "dem", "mit", "sich", "auf", "für", "von", "auch", "es", "im", "wird", "wurde", "sind", "nach", "bei", "aus", "dass", "oder", "einen", "hat", "werden"]),
        ("es", ["el", "los", "las", "del", "y", "que", "en", "un", "una", "por", "con", "para", "es", "se", "su", "al", "lo", "como", "más", "pero", "sus", "fue", "ha", "este", "esta", "entre", "sin", "sobre", "también", "han"]),
        ("it", ["il", "della", "di", "che", "e", "è", "per", "non", "una", "con", "del", "gli", "le", "sono", "nel", "alla", "anche", "ha", "più", "dei", "delle", "stato", "questo", "come", "ma", "nella", "al", "degli", "si", "loro"]),
        ("pt", ["o", "os", "as", "do", "da", "dos", "das", "e", "que", "em", "um", "uma", "para", "com", "não", "por", "mais", "foi", "se", "ao", "na", "no", "pelo", "pela", "como", "seu", "sua", "são", "também", "está"]),
        ("nl", ["de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "voor", "met", "die", "aan", "ook", "als", "maar", "om", "bij", "door", "worden", "werd", "naar", "heeft", "hij", "wordt", "nog", "uit", "tot"]),
        ("tr", ["ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "gibi", "olan", "ama", "sonra", "kadar", "değil", "ise", "göre", "ancak", "olduğu", "yeni", "her", "şey", "en", "mi", "var", "yok", "tarafından", "ya", "veya"]),
        ("id", ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan", "pada", "juga", "ke", "karena", "ada", "oleh", "mereka", "bisa", "sudah", "saat", "telah", "atau", "lebih", "kami", "kita", "menjadi", "sebagai", "tersebut", "adalah"]),
    ];

    private static readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> WordLanguages = BuildLookup();

    public static LanguageGuess Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scripts = CountScripts(text, out var letters);
        if (letters == 0)
        {
            return new LanguageGuess(LanguageGuess.Undetermined, 0);
        }
        var top = Script.Latin;
        for (var k = 0; k < scripts.Length; k++)
        {
            if (scripts[k] > scripts[(int)top])
            {
                top = (Script)k;
            }
        }
        if (top != Script.Latin && scripts[(int)top] > letters / 2)
        {
            return new LanguageGuess(ScriptLanguage(top, text), Math.Round((double)scripts[(int)top] / letters, 2));
        }
        return ScoreLatin(text);
    }

    private static LanguageGuess ScoreLatin(string text)
    {
        Span<int> hits = stackalloc int[Latin.Length];
        Span<char> buffer = stackalloc char[32];
        var words = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\''))
            {
                i++;
            }
            words++;
            var length = i - start;
            if (length > buffer.Length)
            {
                continue;
            }
            if (length > 12)
            {
                // Function words are short; long words only count towards the total.
                continue;
            }
            var word = buffer[..length];
            text.AsSpan(start, length).ToLowerInvariant(word);
            if (WordLanguages.TryGetValue(word, out var languages))
            {
                foreach (var language in languages)
                {
                    hits[language]++;
                }
            }
        }
        if (words < MinimumWords)
        {
            return new LanguageGuess(LanguageGuess.Undetermined, 0);
        }
        var best = 0;
        var total = 0;
        for (var k = 0; k < hits.Length; k++)
        {
            total += hits[k];
            if (hits[k] > hits[best])
            {
                best = k;
            }
        }
        if (hits[best] == 0)
        {
            return new LanguageGuess(LanguageGuess.Undetermined, 0);
        }
        // Share of the best language among all function-word hits, damped when function words are rare (lists, headlines).
        var share = (double)hits[best] / total;
        var coverage = Math.Min(1.0, hits[best] / (words * 0.25));
        return new LanguageGuess(Latin[best].Code, Math.Round(share * (0.5 + (0.5 * coverage)), 2));
    }

    private enum Script
    {
        Latin,
        Arabic,
        Cyrillic,
        Greek,
        Hebrew,
        Devanagari,
        Han,
        Kana,
        Hangul,
        Thai,
        Other,
    }

    private static int[] CountScripts(string text, out int letters)
    {
        var counts = new int[(int)Script.Other + 1];
        letters = 0;
        foreach (var c in text)
        {
            if (c < 128)
            {
                if (char.IsAsciiLetter(c))
                {
                    letters++;
                    counts[(int)Script.Latin]++;
                }
                continue;
            }
            if (!char.IsLetter(c))
            {
                continue;
            }
            letters++;
            var script = c switch
            {
                < '\u0250' => Script.Latin,
                >= '\u0370' and < '\u0400' => Script.Greek,
                >= '\u0400' and < '\u0530' => Script.Cyrillic,
                >= '\u0590' and < '\u0600' => Script.Hebrew,
                >= '\u0600' and < '\u0780' => Script.Arabic,
                >= '\u0900' and < '\u0980' => Script.Devanagari,
                >= '\u0E00' and < '\u0E80' => Script.Thai,
                >= '\u1E00' and < '\u1F00' => Script.Latin,
                >= '\u3040' and < '\u3100' => Script.Kana,
                >= '\u4E00' and < '\uA000' => Script.Han,
                >= '\uAC00' and < '\uD7B0' => Script.Hangul,
                >= '\uFB50' and < '\uFE00' => Script.Arabic,
                _ => Script.Other,
            };
            counts[(int)script]++;
        }
        return counts;
    }

    private static string ScriptLanguage(Script script, string text) => script switch
    {
        Script.Arabic => ArabicScriptLanguage(text),
        Script.Cyrillic => text.AsSpan().IndexOfAny("іїєґ") >= 0 ? "uk" : "ru",
        Script.Greek => "el",
        Script.Hebrew => "he",
        Script.Devanagari => "hi",
        Script.Han => "zh",
        Script.Kana => "ja",
        Script.Hangul => "ko",
        Script.Thai => "th",
        _ => LanguageGuess.Undetermined,
    };

    /// <summary>Letters that only Pashto, Urdu or Persian add to the Arabic alphabet.</summary>
    private static string ArabicScriptLanguage(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny("ټځڅډړږښګڼېۍ") >= 0)
        {
            return "ps";
        }
        if (span.IndexOfAny("ٹڈڑںےھ") >= 0)
        {
            return "ur";
        }
        return span.IndexOfAny("پچژگ") >= 0 ? "fa" : "ar";
    }

    private static Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> BuildLookup()
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var k = 0; k < Latin.Length; k++)
        {
            foreach (var word in Latin[k].Words)
            {
                if (!map.TryGetValue(word, out var list))
                {
                    map[word] = list = [];
                }
                list.Add(k);
            }
        }
        var result = map.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        return result.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}

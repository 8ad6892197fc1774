using NewsSearch.Enrichment.Language;

namespace NewsSearch.Enrichment.Tests.Language;

public sealed class LanguageDetectorTests
{
    [Fact]
    public void English_news_prose_is_detected_as_English_with_high_confidence()
    {
        var guess = LanguageDetector.Detect(
            "Peace negotiations between the two countries collapsed early on Wednesday after four days of talks, officials said, and the ceasefire is at risk.");

        guess.Code.ShouldBe("en");
        guess.IsEnglish.ShouldBeTrue();
        guess.Confidence.ShouldBeGreaterThan(0.7);
    }

    [Theory]
    [InlineData("Les négociations entre les deux pays ont échoué mercredi, et le cessez-le-feu est menacé selon les responsables.", "fr")]
    [InlineData("Die Verhandlungen zwischen den beiden Ländern sind am Mittwoch gescheitert, und die Waffenruhe ist nicht sicher.", "de")]
    [InlineData("Las negociaciones entre los dos países fracasaron el miércoles y el alto el fuego está en peligro, según los funcionarios.", "es")]
    [InlineData("Le trattative tra i due paesi sono fallite mercoledì e il cessate il fuoco è in pericolo, secondo i funzionari della regione.", "it")]
    [InlineData("As negociações entre os dois países fracassaram na quarta-feira e o cessar-fogo está em risco, segundo os funcionários.", "pt")]
    [InlineData("De onderhandelingen tussen de twee landen zijn op woensdag mislukt en het staakt-het-vuren is niet zeker.", "nl")]
    [InlineData("İki ülke arasındaki müzakereler çarşamba günü çöktü ve ateşkes için yeni bir tehlike var, ancak görüşmeler devam edecek.", "tr")]
    public void Other_Latin_script_languages_are_not_mistaken_for_English(string text, string code)
    {
        var guess = LanguageDetector.Detect(text);

        guess.Code.ShouldBe(code);
        guess.IsEnglish.ShouldBeFalse();
    }

    [Theory]
    [InlineData("پاکستان اور افغانستان کے درمیان مذاکرات ناکام ہو گئے ہیں۔", "ur")]
    [InlineData("د پاکستان او افغانستان ترمنځ خبرې اترې ناکامې شوې.", "ps")]
    [InlineData("فشلت المحادثات بين البلدين يوم الأربعاء.", "ar")]
    [InlineData("Переговоры между двумя странами сорвались в среду.", "ru")]
    [InlineData("两国之间的谈判周三破裂。", "zh")]
    public void Non_Latin_scripts_are_named_by_their_script(string text, string code)
    {
        LanguageDetector.Detect(text).Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345 !!!")]
    [InlineData("Kabul Islamabad")]
    public void Text_too_short_or_without_words_is_undetermined(string text)
    {
        var guess = LanguageDetector.Detect(text);

        guess.Code.ShouldBe(LanguageGuess.Undetermined);
        guess.Confidence.ShouldBe(0);
    }
}

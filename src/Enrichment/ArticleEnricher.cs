using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;
using NewsSearch.Enrichment.Cleaning;
using NewsSearch.Enrichment.Dates;
using NewsSearch.Enrichment.Language;
using NewsSearch.Enrichment.Places;
using NewsSearch.Enrichment.Publishers;
using NewsSearch.Enrichment.Quotes;
using NewsSearch.Enrichment.Titles;
using NewsSearch.Enrichment.Topics;

namespace NewsSearch.Enrichment;

/// <summary>
/// Turns a raw article into an enriched one: clean body and comments, title, publisher and cited
/// outlets, publication date and dates mentioned, actors, quotes, topics and language. Metadata given
/// at ingest (title, source, url, published) wins over anything inferred from the text.
/// Thread-safe: one instance serves every request.
/// </summary>
public sealed class ArticleEnricher(
    ActorExtractor actors,
    QuoteExtractor quotes,
    PublisherExtractor publishers,
    TopicClassifier topics,
    CityGazetteer cities,
    HistoricalStates states)
{
    public const string English = "en";

    public static ArticleEnricher CreateDefault() =>
        new(ActorExtractor.CreateDefault(), QuoteExtractor.CreateDefault(), PublisherExtractor.CreateDefault(), TopicClassifier.CreateDefault(), CityGazetteer.Default, HistoricalStates.Default);

    /// <summary>Why an article cannot be enriched at all (bad id, no text), or null when it can.</summary>
    public static string? Validate(RawArticle? article)
    {
        if (article is null)
        {
            return "the item is null";
        }

        if (!ArticleId.IsWellFormed(article.Id))
        {
            return $"id must be {ArticleId.Length} lower-case hex characters";
        }

        if (string.IsNullOrWhiteSpace(article.Text))
        {
            return "text is empty";
        }

        return null;
    }

    /// <param name="article">
    /// The article as submitted. Its metadata's <see cref="ArticleMetadata.AsOf"/> is the reference date for days the
    /// text gives without a year; without it and without a year in the text, the publication year stays unknown.
    /// </param>
    public EnrichedArticle Enrich(RawArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (Validate(article) is { } problem)
        {
            throw new ArgumentException(problem, nameof(article));
        }

        var metadata = article.Metadata ?? ArticleMetadata.None;
        // Every rule reads paragraphs, so wire markup goes and hard-wrapped text is rebuilt first; the raw store keeps the text as sent.
        var text = TextUnwrapper.Unwrap(WireMarkup.Clean(article.Text));
        var cleaned = ArticleCleaner.Clean(text);
        var title = !string.IsNullOrWhiteSpace(metadata.Title) ? metadata.Title.Trim() : TitleMaker.Make(cleaned.Headline, cleaned.Body);
        var language = LanguageDetector.Detect(cleaned.Body.Length > 0 ? cleaned.Body : text).Code;
        // A wire item of figures under a dateline ("TORONTO, March 2 -" + "Shr 10 cts vs 12 cts") has too few words to tell
        // its language by; the dateline's English month or wire credit tells it.
        if (language == LanguageGuess.Undetermined && cleaned.Dateline is not null)
        {
            language = English;
        }

        var enriched = new EnrichedArticle
        {
            Id = article.Id,
            Title = title,
            Body = cleaned.Body,
            Source = string.IsNullOrWhiteSpace(metadata.Source) ? EnrichedArticle.UnknownSource : metadata.Source.Trim(),
            Url = metadata.Url,
            Published = metadata.Published,
            Language = language,
            Comments = cleaned.Comments,
        };

        // The rules read English only: other languages are flagged, not misread.
        if (language != English)
        {
            return enriched;
        }

        var publisher = publishers.Extract(text, cleaned, metadata.Source);
        var dates = DateAnalyzer.Analyze(cleaned.Body, text, metadata.Published, metadata.AsOf, cleaned.Dateline?.Date);
        // The story's time decides which state a place lay in ("Germany" in 1987 is West Germany).
        // asOf only bounds the date from above (a batch may give one day for years of archive): the day the text gives comes first.
        var era = metadata.Published ?? dates.Published ?? metadata.AsOf;
        var actorMentions = DatelineCountry.Add(states.OfTheTime(actors.Extract(cleaned.Body, cleaned.Headline), era), cleaned.Dateline, cities, states, era);
        return enriched with
        {
            Source = publisher.Source,
            SourceEvidence = publisher.Evidence,
            Cites = publisher.Cites,
            Published = dates.Published,
            PublishedEvidence = dates.PublishedEvidence,
            PublishedMonthDay = dates.MonthDay,
            DatesMentioned = dates.Mentions,
            Actors = actorMentions,
            Quotes = quotes.Extract(cleaned.Body, actorMentions),
            Topics = topics.Classify(title, cleaned.Body),
        };
    }
}

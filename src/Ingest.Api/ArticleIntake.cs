using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsSearch.Articles;

namespace NewsSearch.Ingest.Api;

/// <summary>
/// The JSON shape of one submitted article. Unknown fields are rejected, so a typo never silently drops metadata.
/// <see cref="AsOf"/> is a reference date: the text was current on or shortly before it (see <see cref="ArticleMetadata.AsOf"/>).
/// </summary>
public sealed record ArticleSubmission(string? Text, string? Title = null, string? Source = null, string? Url = null, string? Published = null, string? AsOf = null);

/// <summary>A submission turned into an article, or the reason it was refused.</summary>
public readonly record struct Intake(RawArticle? Article, string? Error)
{
    public static Intake Refused(string error) => new(null, error);
}

/// <summary>
/// Validates submissions: strict UTF-8, no control characters (binary data), non-blank text, well-formed metadata.
/// Size limits are the caller's, because they are checked before the bytes are even read.
/// </summary>
public static partial class ArticleIntake
{
    private const int MaxMetadataLength = 2048;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonSerializerOptions SubmissionJson = new(ArticleJson.Options)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    public static Intake FromPlainText(ReadOnlySpan<byte> body)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Intake.Refused("The body is not valid UTF-8 text.");
        }

        return FromSubmission(new ArticleSubmission(text.TrimStart('\uFEFF')));
    }

    public static Intake FromJson(ReadOnlySpan<byte> body)
    {
        ArticleSubmission? submission;
        try
        {
            submission = JsonSerializer.Deserialize<ArticleSubmission>(body, SubmissionJson);
        }
        catch (JsonException exception)
        {
            return Intake.Refused(Describe(exception));
        }

        return submission is null ? Intake.Refused("Expected a JSON object {text, title?, source?, url?, published?, asOf?}.") : FromSubmission(submission);
    }

    public static Intake FromSubmission(ArticleSubmission submission)
    {
        if (submission.Text is null)
        {
            return Intake.Refused("The field 'text' is required.");
        }

        if (FindControlCharacter(submission.Text) is { } error)
        {
            return Intake.Refused($"The text {error}.");
        }

        if (string.IsNullOrWhiteSpace(submission.Text))
        {
            return Intake.Refused("The text is empty.");
        }

        if ((MetadataError(submission.Title, "title") ?? MetadataError(submission.Source, "source")) is { } metadataError)
        {
            return Intake.Refused(metadataError);
        }

        string? url = null;
        if (!string.IsNullOrWhiteSpace(submission.Url))
        {
            if (!Uri.TryCreate(submission.Url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return Intake.Refused("The field 'url' must be an absolute http or https URL.");
            }

            url = uri.ToString();
        }

        DateOnly? published = null;
        if (submission.Published is not null)
        {
            if (ParseDate(submission.Published.Trim()) is not { } date)
            {
                return Intake.Refused(DateError("published"));
            }

            published = date;
        }

        DateOnly? asOf = null;
        if (submission.AsOf is not null)
        {
            if (ParseDate(submission.AsOf.Trim()) is not { } date)
            {
                return Intake.Refused(DateError("asOf"));
            }

            asOf = date;
        }

        var metadata = new ArticleMetadata(Clean(submission.Title), Clean(submission.Source), url, published, asOf);
        return new Intake(new RawArticle(ArticleId.FromText(submission.Text), submission.Text, metadata), null);
    }

    /// <summary>A batch-wide reference date for the lines that give none; a line's own <c>asOf</c> wins.</summary>
    public static Intake WithDefaultAsOf(Intake intake, DateOnly? asOf) =>
        asOf is not null && intake.Article is { Metadata.AsOf: null } article
            ? intake with { Article = article with { Metadata = article.Metadata with { AsOf = asOf } } }
            : intake;

    public static string DateError(string name, string what = "field") => $"The {what} '{name}' must be an ISO 8601 date (yyyy-MM-dd) or date and time.";

    /// <summary>Says where the JSON went wrong in the client's terms, without the serializer's .NET type names.</summary>
    private static string Describe(JsonException exception)
    {
        var at = exception.Path is { Length: > 1 } path ? path : "the document";
        if (exception.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"Unknown field at {at}: an article has only text, title, source, url, published and asOf.";
        }

        if (exception.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return $"A field appears twice at {at}.";
        }

        return exception.LineNumber is { } line
            ? $"Malformed article JSON at {at} (line {line + 1}, byte {exception.BytePositionInLine + 1}): expected an object whose fields are strings."
            : $"Malformed article JSON at {at}: expected an object whose fields are strings.";
    }

    private static string? MetadataError(string? value, string name) =>
        value switch
        {
            null => null,
            { Length: > MaxMetadataLength } => $"The field '{name}' is longer than {MaxMetadataLength} characters.",
            _ when FindControlCharacter(value) is not null || value.Contains('\n') => $"The field '{name}' contains control characters.",
            _ => null,
        };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Tabs and line breaks belong in text; any other C0/C1 control character means binary or corrupt input.</summary>
    private static string? FindControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return "contains NUL characters (binary data?)";
            }

            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return $"contains the control character U+{(int)c:X4}";
            }
        }

        return null;
    }

    public static DateOnly? ParseDate(string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return IsoDateTime().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? DateOnly.FromDateTime(moment.DateTime)
            : null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex IsoDateTime();
}

namespace NewsSearch.Articles;

/// <summary>
/// The wire contract between ingest and the enrichment service: <c>POST /enrich</c> takes a JSON
/// array of <see cref="RawArticle"/> and answers one <see cref="EnrichOutcome"/> per item, in order.
/// A malformed item fails alone; the others are still enriched and indexed.
/// </summary>
public sealed record EnrichOutcome(string Id, bool Indexed, string? Error = null);

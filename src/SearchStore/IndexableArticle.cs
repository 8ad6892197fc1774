using NewsSearch.Articles;

namespace NewsSearch.SearchStore;

/// <summary>What both stores refuse to index, so the two implementations accept exactly the same input.</summary>
public static class IndexableArticle
{
    /// <summary>Why an article cannot be indexed, or null when it can.</summary>
    public static string? Problem(EnrichedArticle? article)
    {
        if (article is null) return "The article is null.";
        if (string.IsNullOrWhiteSpace(article.Id)) return "The article has no id.";
        if (article.Id.Length > 128) return "The article id is longer than 128 characters.";
        if (article.Title is null || article.Body is null || article.Source is null) return "The article lacks a title, body or source.";
        if (article.Actors is null || article.Topics is null) return "The article's actors or topics are null.";
        if (article.Actors.Any(a => a is null || string.IsNullOrWhiteSpace(a.Name))) return "An actor has no name.";
        if (article.Topics.Any(t => t is null || string.IsNullOrWhiteSpace(t.Label))) return "A topic has no label.";
        return null;
    }
}

using NewsSearch.Articles;

namespace NewsSearch.Coverage.Analysis;

/// <summary>What the matrix's columns count: the actors articles name, or their topics.</summary>
public enum MatrixColumns
{
    Actor,
    Topic,
}

/// <summary>A row or column of the matrix: its value, how many matching articles it has in all, and the actor type.</summary>
public sealed record MatrixHeading(string Value, long Count, string? Type = null);

/// <summary>
/// Articles per (outlet, actor) or (outlet, topic) pair for the matches of a search: the outlets with the most
/// articles as rows, the most frequent actors or topics as columns, and <see cref="Cells"/>[row][column] the
/// number of articles of that outlet naming that actor.
/// </summary>
public sealed record CoverageMatrix(
    MatrixColumns Columns,
    long Total,
    IReadOnlyList<MatrixHeading> Rows,
    IReadOnlyList<MatrixHeading> ColumnHeadings,
    IReadOnlyList<IReadOnlyList<long>> Cells)
{
    public long MaxCell => Cells.SelectMany(row => row).DefaultIfEmpty(0).Max();

    public const int DefaultSize = 20;
    public const int MaxSize = 50;

    /// <summary>Counts as the matches stream by: memory grows with the distinct outlets and actors, never with the articles.</summary>
    public static async Task<CoverageMatrix> BuildAsync(
        IAsyncEnumerable<MatchedArticle> matches, MatrixColumns columns, int rows, int columnCount, CancellationToken cancellationToken)
    {
        // Per outlet, its article count and its counts per column value: one lookup of the outlet per article.
        var perSource = new Dictionary<string, (long Articles, Dictionary<string, long> Columns)>(StringComparer.Ordinal);
        var perColumn = new Dictionary<string, (long Count, string? Type)>(StringComparer.Ordinal);
        long total = 0;
        await foreach (var match in matches.WithCancellation(cancellationToken))
        {
            total++;
            if (!perSource.TryGetValue(match.Source, out var source)) source = (0, new Dictionary<string, long>(StringComparer.Ordinal));
            perSource[match.Source] = (source.Articles + 1, source.Columns);
            var values = columns == MatrixColumns.Actor
                ? match.Actors.Select(actor => (actor.Name, actor.Type))
                : match.Topics.Select(topic => (Name: topic, Type: (string?)null));
            foreach (var (name, type) in values.DistinctBy(value => value.Name))
            {
                perColumn[name] = (perColumn.GetValueOrDefault(name).Count + 1, type);
                source.Columns[name] = source.Columns.GetValueOrDefault(name) + 1;
            }
        }

        var rowHeadings = Top(perSource.Select(pair => new MatrixHeading(pair.Key, pair.Value.Articles)), rows);
        var columnHeadings = Top(perColumn.Select(pair => new MatrixHeading(pair.Key, pair.Value.Count, pair.Value.Type)), columnCount);
        var cells = rowHeadings
            .Select(row => (IReadOnlyList<long>)[.. columnHeadings.Select(column => perSource[row.Value].Columns.GetValueOrDefault(column.Value))])
            .ToList();
        return new CoverageMatrix(columns, total, rowHeadings, columnHeadings, cells);
    }

    private static List<MatrixHeading> Top(IEnumerable<MatrixHeading> headings, int count) =>
        [.. headings.OrderByDescending(h => h.Count).ThenBy(h => h.Value, StringComparer.OrdinalIgnoreCase).Take(count)];
}

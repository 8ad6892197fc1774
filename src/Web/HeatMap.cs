using NewsSearch.Coverage.Analysis;

namespace NewsSearch.Web;

/// <summary>A row or column label of the heat map: shortened to fit, with the whole value for its tooltip.</summary>
public sealed record HeatLabel(string Value, string Text, long Count, double Position, string? Type);

/// <summary>One cell: its place, how dark it is (0..1 of the largest count) and the search it stands for.</summary>
public sealed record HeatCell(string Row, string Column, long Count, double X, double Y, double Shade, string Href);

/// <summary>
/// The outlet × actor matrix laid out as an SVG heat map on the server: outlets down the left, actors (or topics)
/// slanted across the top, each cell shaded by its count and linking to the search for that outlet and actor.
/// </summary>
public sealed record HeatMap(IReadOnlyList<HeatLabel> Rows, IReadOnlyList<HeatLabel> Columns, IReadOnlyList<HeatCell> Cells, long MaxCount)
{
    public const double Cell = 34;
    public const double RowLabelWidth = 190;
    public const double ColumnLabelHeight = 140;
    private const int MaxLabel = 26;
    /// <summary>The palest shade a non-empty cell gets, so a count of 1 next to 500 is still visibly not empty.</summary>
    private const double MinShade = 0.12;

    public double Width => RowLabelWidth + Columns.Count * Cell + 40;
    public double Height => ColumnLabelHeight + Rows.Count * Cell + 4;
    public bool IsEmpty => Rows.Count == 0 || Columns.Count == 0;

    public static HeatMap From(CoverageMatrix matrix, SearchState state)
    {
        var columnFacet = matrix.Columns == MatrixColumns.Topic ? Facet.Topic : Facet.Actor;
        var rows = matrix.Rows.Select((row, i) => Label(row, ColumnLabelHeight + i * Cell + Cell / 2)).ToList();
        var columns = matrix.ColumnHeadings.Select((column, j) => Label(column, RowLabelWidth + j * Cell + Cell / 2)).ToList();
        var max = Math.Max(1, matrix.MaxCell);
        var cells = new List<HeatCell>();
        for (var i = 0; i < rows.Count; i++)
            for (var j = 0; j < columns.Count; j++)
            {
                var count = matrix.Cells[i][j];
                cells.Add(new HeatCell(
                    rows[i].Value, columns[j].Value, count,
                    RowLabelWidth + j * Cell, ColumnLabelHeight + i * Cell,
                    count == 0 ? 0 : MinShade + (1 - MinShade) * count / max,
                    state.With(Facet.Source, rows[i].Value).With(columnFacet, columns[j].Value).Href));
            }
        return new HeatMap(rows, columns, cells, matrix.MaxCell);
    }

    private static HeatLabel Label(MatrixHeading heading, double position) => new(
        heading.Value,
        heading.Value.Length <= MaxLabel ? heading.Value : heading.Value[..(MaxLabel - 1)].TrimEnd() + "…",
        heading.Count,
        position,
        heading.Type);
}

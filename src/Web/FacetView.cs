using NewsSearch.Articles;

namespace NewsSearch.Web;

/// <summary>A group of facet values (actors are grouped by type); <see cref="More"/> sits behind "show more".</summary>
public sealed record FacetGroup(string? Heading, IReadOnlyList<FacetValue> Shown, IReadOnlyList<FacetValue> More);

/// <summary>
/// One facet panel as the page shows it. The URL decides what is selected: a selected value the API no
/// longer counts (its count dropped to nothing) is still listed, with 0, so it can be unticked.
/// </summary>
public sealed record FacetView(Facet Facet, string Title, string ParameterName, IReadOnlyList<FacetGroup> Groups)
{
    public const int ShownPerGroup = 6;
    /// <summary>Lists longer than this get a filter box.</summary>
    public const int FilterableFrom = 9;

    private static readonly (string Type, string Heading)[] ActorGroups =
        [("person", "People"), ("organisation", "Organisations"), ("country", "Countries")];

    public int ValueCount => Groups.Sum(group => group.Shown.Count + group.More.Count);

    public static FacetView Build(Facet facet, IReadOnlyList<FacetValue> values, SearchState state)
    {
        var listed = values
            .Select(value => value with { Selected = state.IsSelected(facet, value.Value) })
            .ToList();
        listed.AddRange(state.Values(facet)
            .Where(selected => !listed.Any(value => value.Value == selected))
            .Select(selected => new FacetValue(selected, 0, true)));

        var (title, parameter) = facet switch
        {
            Facet.Source => ("Source", "source"),
            Facet.Actor => ("Actor", "actor"),
            _ => ("Topic", "topic"),
        };
        if (facet != Facet.Actor) return new(facet, title, parameter, [Group(null, listed)]);

        var groups = ActorGroups
            .Select(group => Group(group.Heading, [.. listed.Where(v => Display.ActorType(v.Type) == group.Type)]))
            .Append(Group("Other", [.. listed.Where(v => Display.ActorType(v.Type) == "actor")]))
            .Where(group => group.Shown.Count + group.More.Count > 0);
        return new(facet, title, parameter, [.. groups]);
    }

    /// <summary>The most frequent values show first; a selected value always shows, however rare.</summary>
    private static FacetGroup Group(string? heading, IReadOnlyList<FacetValue> values) => new(
        heading,
        [.. values.Where((value, index) => index < ShownPerGroup || value.Selected)],
        [.. values.Where((value, index) => index >= ShownPerGroup && !value.Selected)]);
}

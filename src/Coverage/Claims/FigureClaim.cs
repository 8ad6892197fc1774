namespace NewsSearch.Coverage.Claims;

/// <summary>What a figure measures; figures of different kinds are never compared.</summary>
public enum FigureKind
{
    Count,
    Money,
    Percent,
    Duration,
    Distance,
}

/// <summary>How the text bounds the number: "over 70" is <see cref="MoreThan"/>, "nearly 18" <see cref="About"/>.</summary>
public enum FigureBound
{
    Exact,
    MoreThan,
    AtLeast,
    About,
    AtMost,
}

/// <summary>
/// A number an article reports, with what it counts and who asserts it: "over 70 people killed, as reported by
/// UNN" is <c>Value</c> 70, <c>Bound</c> more-than, <c>Key</c> "people killed", <c>AssertedBy</c> "UNN".
/// <see cref="Value"/> is null for vague amounts ("dozens", "hundreds"), which are shown but never disagree.
/// Claims with the same <see cref="Key"/> are about the same thing and are aligned across outlets.
/// </summary>
public sealed record FigureClaim(
    FigureKind Kind,
    double? Value,
    FigureBound Bound,
    string Text,
    string Key,
    string? AssertedBy,
    string Sentence);

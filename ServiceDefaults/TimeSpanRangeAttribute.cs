using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace NewsSearch.ServiceDefaults;

/// <summary>
/// A setting's duration lies between two bounds, both inclusive ("00:00:01" to "01:00:00"). In place of
/// <c>[Range(typeof(TimeSpan), …)]</c>: that attribute converts its bounds lazily on first use without a lock, so two
/// hosts validating the same options at once (test fixtures starting in parallel) can see a half-converted bound and
/// throw InvalidCastException. These bounds are parsed once, in the constructor.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is not TimeSpan span || span >= Minimum && span <= Maximum;

    public override string FormatErrorMessage(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"The field {name} must be between {Minimum} and {Maximum}.");
}

using System.ComponentModel.DataAnnotations;

namespace NewsSearch.ServiceDefaults.Tests;

public sealed class TimeSpanRangeTests
{
    private sealed class Settings
    {
        [TimeSpanRange("00:00:00.010", "00:05:00")]
        public TimeSpan Timeout { get; set; }
    }

    private static List<ValidationResult> Validate(TimeSpan timeout)
    {
        var settings = new Settings { Timeout = timeout };
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void A_duration_inside_the_bounds_or_on_them_is_valid_and_one_outside_is_refused_with_its_bounds()
    {
        Validate(TimeSpan.FromSeconds(2)).ShouldBeEmpty();
        Validate(TimeSpan.FromMilliseconds(10)).ShouldBeEmpty();
        Validate(TimeSpan.FromMinutes(5)).ShouldBeEmpty();

        var refused = Validate(TimeSpan.FromMinutes(6)).ShouldHaveSingleItem();
        refused.ErrorMessage.ShouldBe("The field Timeout must be between 00:00:00.0100000 and 00:05:00.");
        Validate(TimeSpan.Zero).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Many_hosts_validating_at_once_never_throw()
    {
        // [Range(typeof(TimeSpan), …)] converted its bounds lazily without a lock and threw InvalidCastException here.
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => Validate(TimeSpan.FromMinutes(i % 8)).Count)));
        results.Count(count => count > 0).ShouldBe(24);
    }
}

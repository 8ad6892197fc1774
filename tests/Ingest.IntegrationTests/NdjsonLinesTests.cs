using System.IO.Pipelines;
using System.Text;
using NewsSearch.Ingest.Api;

namespace NewsSearch.Ingest.IntegrationTests;

public sealed class NdjsonLinesTests
{
    private const int Limit = 16;

    [Fact]
    public async Task Lines_are_numbered_from_one_without_their_breaks_and_a_last_line_needs_no_break()
    {
        var lines = await ReadAsync("{\"a\":1}\r\n{\"b\":2}\n{\"c\":3}");

        lines.ShouldBe(["1:{\"a\":1}", "2:{\"b\":2}", "3:{\"c\":3}"]);
    }

    [Fact]
    public async Task Blank_lines_are_skipped_but_keep_their_numbers()
    {
        var lines = await ReadAsync("{\"a\":1}\n\n  \t\n{\"b\":2}\n");

        lines.ShouldBe(["1:{\"a\":1}", "4:{\"b\":2}"]);
    }

    [Fact]
    public async Task A_line_over_the_limit_is_reported_once_and_the_next_line_is_read()
    {
        var lines = await ReadAsync($"{{\"long\":\"{new string('x', 40)}\"}}\n{{\"b\":2}}\n{new string('y', 17)}");

        lines.ShouldBe(["1:too long", "2:{\"b\":2}", "3:too long"]);
    }

    [Fact]
    public async Task A_line_over_the_limit_is_reported_before_its_end_arrives_and_its_rest_is_skipped()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(new string('x', 20)), TestContext.Current.CancellationToken);
        var lines = new List<string>();

        await foreach (var line in NdjsonLines.ReadAsync(pipe.Reader, Limit, async cancellationToken =>
        {
            lines.ShouldBe(["1:too long"]);
            await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(new string('x', 20) + "\n{\"b\":2}\n"), cancellationToken);
            await pipe.Writer.CompleteAsync();
        }, TestContext.Current.CancellationToken))
        {
            lines.Add(Describe(line));
        }

        lines.ShouldBe(["1:too long", "2:{\"b\":2}"]);
    }

    [Fact]
    public async Task A_line_split_across_reads_is_read_whole()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync("{\"a\":"u8.ToArray(), TestContext.Current.CancellationToken);
        var lines = new List<string>();

        await foreach (var line in NdjsonLines.ReadAsync(pipe.Reader, Limit, async cancellationToken =>
        {
            await pipe.Writer.WriteAsync("1}\n"u8.ToArray(), cancellationToken);
            await pipe.Writer.CompleteAsync();
        }, TestContext.Current.CancellationToken))
        {
            lines.Add(Describe(line));
        }

        lines.ShouldBe(["1:{\"a\":1}"]);
    }

    [Fact]
    public async Task The_caller_hears_before_the_reader_waits_for_more_with_every_line_so_far_handed_out()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync("{\"a\":1}\n{\"b\":2}\n"u8.ToArray(), TestContext.Current.CancellationToken);
        var seen = new List<string>();
        var whenWaiting = new List<int>();

        await foreach (var line in NdjsonLines.ReadAsync(pipe.Reader, Limit, async cancellationToken =>
        {
            // The client sends the rest only once the reader has run dry, as a slow client would.
            whenWaiting.Add(seen.Count);
            await pipe.Writer.WriteAsync("{\"c\":3}\n"u8.ToArray(), cancellationToken);
            await pipe.Writer.CompleteAsync();
        }, TestContext.Current.CancellationToken))
        {
            seen.Add(Describe(line));
        }

        seen.ShouldBe(["1:{\"a\":1}", "2:{\"b\":2}", "3:{\"c\":3}"]);
        whenWaiting.ShouldBe([2]);
    }

    private static async Task<List<string>> ReadAsync(string body)
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(body), TestContext.Current.CancellationToken);
        await pipe.Writer.CompleteAsync();
        var lines = new List<string>();
        await foreach (var line in NdjsonLines.ReadAsync(pipe.Reader, Limit, _ => Task.CompletedTask, TestContext.Current.CancellationToken))
        {
            lines.Add(Describe(line));
        }

        return lines;
    }

    private static string Describe(NdjsonLine line) =>
        $"{line.Number}:{(line.TooLong ? "too long" : Encoding.UTF8.GetString(line.Bytes!))}";
}

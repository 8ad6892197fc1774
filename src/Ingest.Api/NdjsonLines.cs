using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace NewsSearch.Ingest.Api;

/// <summary>
/// One line of an NDJSON body: its 1-based number, and its bytes (without the line break) or, for a line over the
/// limit, none.
/// </summary>
public readonly record struct NdjsonLine(int Number, byte[]? Bytes)
{
    public bool TooLong => Bytes is null;
}

/// <summary>
/// Splits an NDJSON body into lines as its bytes arrive, so a batch of any size is read with at most one line in
/// memory. A line over <c>lineLimit</c> bytes is reported once, without its bytes, and skipped up to its line
/// break; blank lines are skipped (their numbers still count); a final line without a break is a line.
/// </summary>
public static class NdjsonLines
{
    /// <param name="beforeWaiting">
    /// Called whenever every buffered line has been read and more must be awaited from the client, so the caller can
    /// commit and answer what it has rather than hold it while a slow client sends the rest.
    /// </param>
    public static async IAsyncEnumerable<NdjsonLine> ReadAsync(
        PipeReader body, int lineLimit, Func<CancellationToken, Task> beforeWaiting, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        var skippingLongLine = false;
        while (true)
        {
            if (!body.TryRead(out var read))
            {
                await beforeWaiting(cancellationToken);
                read = await body.ReadAsync(cancellationToken);
            }

            var buffer = read.Buffer;
            var lines = new List<NdjsonLine>();
            while (buffer.PositionOf((byte)'\n') is { } end)
            {
                var line = buffer.Slice(0, end);
                buffer = buffer.Slice(buffer.GetPosition(1, end));
                if (skippingLongLine)
                {
                    skippingLongLine = false;
                    continue;
                }

                if (Take(line, ++number, lineLimit) is { } taken)
                {
                    lines.Add(taken);
                }
            }

            if (!skippingLongLine && buffer.Length > lineLimit)
            {
                // Reported now, before its end arrives: the rest of it is never buffered.
                lines.Add(new NdjsonLine(++number, null));
                skippingLongLine = true;
            }

            if (read.IsCompleted && !skippingLongLine && !buffer.IsEmpty && Take(buffer, ++number, lineLimit) is { } last)
            {
                lines.Add(last);
            }

            // Consumed before the lines are handed out: the caller may await (and the pipe refill) between them.
            body.AdvanceTo(skippingLongLine || read.IsCompleted ? buffer.End : buffer.Start, buffer.End);
            foreach (var line in lines)
            {
                yield return line;
            }

            if (read.IsCompleted)
            {
                yield break;
            }
        }
    }

    private static NdjsonLine? Take(ReadOnlySequence<byte> line, int number, int lineLimit)
    {
        if (line.Length > lineLimit)
        {
            return new NdjsonLine(number, null);
        }

        var bytes = line.ToArray().AsSpan().TrimEnd((byte)'\r');
        return bytes.Trim(" \t"u8).IsEmpty ? null : new NdjsonLine(number, bytes.ToArray());
    }
}

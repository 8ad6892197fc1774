using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// Stops a read inside SQLite once its token is cancelled. A statement runs synchronously on the caller's thread and
/// looks at no token, so the connection gets a progress handler: SQLite calls it every
/// <see cref="StepsBetweenChecks"/> steps of its virtual machine, and a handler that answers non-zero fails the
/// statement with SQLITE_INTERRUPT. A handler rather than <c>sqlite3_interrupt</c> from the token's callback: an
/// interrupt stops only the statements running at that moment, and a cancellation between two statements would let
/// the next one run to its end.
/// </summary>
internal static class Interruption
{
    /// <summary>About 0.1 ms of work between two looks at the token; the looks themselves cost next to nothing.</summary>
    private const int StepsBetweenChecks = 1_000;

    /// <summary>Stops the connection's statements once the token is cancelled, until disposed (before the connection goes back to the pool).</summary>
    public static IDisposable StopOn(this SqliteConnection connection, CancellationToken cancellationToken)
    {
        var handle = connection.Handle!;
        raw.sqlite3_progress_handler(handle, StepsBetweenChecks, static state => ((Token)state).Value.IsCancellationRequested ? 1 : 0, new Token(cancellationToken));
        return new HandlerRemoval(handle);
    }

    /// <summary>Runs a read; a statement stopped because the token was cancelled ends as the cancellation it is.</summary>
    public static T Run<T>(Func<T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return read();
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && IsInterrupt(exception))
        {
            throw new OperationCanceledException("The read was stopped in SQLite: its token was cancelled.", exception, cancellationToken);
        }
    }

    private static bool IsInterrupt(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == raw.SQLITE_INTERRUPT,
        // Reads on two connections at once (Parallel.Invoke) fail together.
        AggregateException aggregate => aggregate.InnerExceptions.All(IsInterrupt),
        _ => false,
    };

    private sealed record Token(CancellationToken Value);

    private sealed class HandlerRemoval(sqlite3 handle) : IDisposable
    {
        public void Dispose() => raw.sqlite3_progress_handler(handle, 0, null, null);
    }
}

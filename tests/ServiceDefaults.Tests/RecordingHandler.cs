using System.Net;

namespace NewsSearch.ServiceDefaults.Tests;

/// <summary>Stands in for the network: records every request and answers with a scripted behaviour.</summary>
internal sealed class RecordingHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private int calls;

    public List<Uri> Requests { get; } = [];

    public int Calls => Volatile.Read(ref calls);

    public RecordingHandler() : this((_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)))
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref calls);
        lock (Requests)
        {
            Requests.Add(request.RequestUri!);
        }
        return respond(request, call, cancellationToken);
    }

    public static HttpResponseMessage Status(HttpStatusCode status) => new(status);
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers with the given status codes in turn (the last one repeats) and keeps
/// what it received
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<int> _statuses;
    private readonly int _lastStatus;
    private readonly TimeSpan _answerDelay;
    private readonly string _location;

    public WebhookReceiver(int[] statuses, TimeSpan answerDelay = default, string location = null)
    {
        _location = location;
        _statuses = new Queue<int>(statuses);
        _lastStatus = statuses[^1];
        _answerDelay = answerDelay;

        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hooks/flow";

    public ConcurrentQueue<(byte[] Body, WebHeaderCollection Headers)> Received { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = new WebHeaderCollection();
            foreach (string name in context.Request.Headers)
                headers[name] = context.Request.Headers[name];
            Received.Enqueue((body.ToArray(), headers));

            int status;
            lock (_statuses)
                status = _statuses.Count > 0 ? _statuses.Dequeue() : _lastStatus;

            if (_answerDelay > TimeSpan.Zero)
                await Task.Delay(_answerDelay);

            try
            {
                context.Response.StatusCode = status;
                if (_location != null)
                    context.Response.RedirectLocation = _location;
                context.Response.Close();
            }
            catch (Exception)
            {
                //the client gave up waiting
            }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
